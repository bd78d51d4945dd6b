"""Recognising outlets: canonical names for what metadata says, and signatures in text.

The signatures are data (``resources/outlets.tsv``); this module only reads and applies
them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from urllib.parse import urlsplit

from desktop.datafiles import read_tsv, split_list
from desktop.paths import resource
from desktop.text.normalize import normalize


@dataclass(frozen=True)
class OutletSignature:
    key: str
    name: str
    name_ar: str | None
    aliases: tuple[str, ...]
    domains: tuple[str, ...]
    starts: tuple[str, ...]
    ends: tuple[str, ...]


def _split(cell: str) -> tuple[str, ...]:
    return tuple(split_list(cell))


def _fold(name: str) -> str:
    return " ".join(normalize(name).casefold().split())


_ARABIC_RE = re.compile(r"[\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff\ufb50-\ufdff\ufe70-\ufeff]")
_JOINERS_RE = re.compile(r"[\s_\-]+")
#: what a folder or archive's name ends with that is not part of the name
_PLACE_SUFFIX_RE = re.compile(
    r"\.(?:zip|tar|tgz|tbz2?|txz|gz|bz2|xz|txt|text|html?|jsonl?|ndjson|csv|tsv|xml|sgml?)$",
    re.IGNORECASE,
)
#: a file of one article: its name is the article's
_ONE_ARTICLE_RE = re.compile(r"\.(?:txt|text|html?)$", re.IGNORECASE)


def _compact(name: str) -> str:
    """A Latin name as folders and ids write it: «Al Khaleej», «al-khaleej» and
    «AlKhaleej» are all «alkhaleej»."""
    return _JOINERS_RE.sub("", name.casefold())


def load_signatures(path: Path | None = None) -> list[OutletSignature]:
    out = []
    for rec in read_tsv(path or resource("outlets.tsv")):
        out.append(
            OutletSignature(
                key=rec["id"].strip(),
                name=rec["name"].strip(),
                name_ar=rec["name_ar"].strip() or None,
                aliases=_split(rec["aliases"]),
                domains=tuple(d.lower() for d in _split(rec["domains"])),
                starts=_split(rec["starts"]),
                ends=_split(rec["ends"]),
            )
        )
    return out


class OutletDirectory:
    """Lookups over the signatures, built once per import."""

    def __init__(self, signatures: list[OutletSignature]) -> None:
        self.signatures = signatures
        self._by_alias: dict[str, OutletSignature] = {}
        #: Latin names, keys and aliases written without spaces, hyphens or underscores
        self._by_latin: dict[str, OutletSignature] = {}
        #: the same for paths, without the short aliases (AA, ann, was): a folder so
        #: named is more likely something else
        self._by_place: dict[str, OutletSignature] = {}
        for sig in signatures:
            for alias in (sig.name, sig.name_ar or "", *sig.aliases):
                if alias:
                    self._by_alias.setdefault(_fold(alias), sig)
            for alias in (sig.key, sig.name, *sig.aliases):
                if alias and not _ARABIC_RE.search(alias):
                    compact = _compact(alias)
                    self._by_latin.setdefault(compact, sig)
                    if alias in (sig.key, sig.name) or len(compact) >= 4:
                        self._by_place.setdefault(compact, sig)

    @classmethod
    @cache
    def default(cls) -> OutletDirectory:
        return cls(load_signatures())

    def by_name(self, name: str) -> OutletSignature | None:
        """The known outlet a metadata value names (an alias, a name or a domain)."""
        folded = _fold(name)
        sig = self._by_alias.get(folded) or self._by_latin.get(_compact(name))
        if sig is None and ("." in name or "/" in name):
            sig = self.by_url(name if "://" in name else f"https://{name}")
        return sig

    def by_place(self, place: str) -> OutletSignature | None:
        """The known outlet a file's place names: ``place`` is its path from the folder
        or archive imported (``AlArabiya.zip!AlArabiya/Politics/1.txt``), and the
        nearest of its folders, archives or its own name that is an outlet's Latin
        name, key or alias says which (SANAD ships each outlet as an archive named after
        it, the Arabic Gigaword each agency as a folder). Arabic names are not taken
        from paths: a folder named «الرأي» or «الخليج» is more likely a section. The
        name of a file of one article (text, a web page) is the article's, not its
        outlet's."""
        parts = re.split(r"[/\\!]", place)
        if _ONE_ARTICLE_RE.search(parts[-1]):
            parts.pop()
        for part in reversed(parts):
            name = _PLACE_SUFFIX_RE.sub("", _PLACE_SUFFIX_RE.sub("", part))
            if name and not _ARABIC_RE.search(name):
                sig = self._by_place.get(_compact(name))
                if sig is None and "." in name:  # a site's name: alarabiya.net
                    sig = self.by_url(f"https://{name}")
                if sig is not None:
                    return sig
        return None

    def by_url(self, url: str) -> OutletSignature | None:
        try:
            parts = urlsplit(url.strip())
        except ValueError:
            return None
        host = (parts.hostname or "").lower().removeprefix("www.")
        path = parts.path.lower()
        for sig in self.signatures:
            for domain in sig.domains:
                dom_host, _, dom_path = domain.partition("/")
                on_host = host == dom_host or host.endswith("." + dom_host)
                if on_host and (not dom_path or path.lstrip("/").startswith(dom_path)):
                    return sig
        return None

    def by_text(self, text: str) -> OutletSignature | None:
        """A tagline at the start or a dateline at the end of the article."""
        lines = [ln.strip() for ln in text.split("\n") if ln.strip()]
        if not lines:
            return None
        first = _fold(lines[0])
        last = _fold(lines[-1])
        for sig in self.signatures:
            for start in sig.starts:
                if first.startswith(_fold(start)):
                    return sig
            for end in sig.ends:
                token = re.escape(_fold(end))
                if re.search(rf"(?:^|[-–—/|:]\s*|\(|\s-\s*){token}\s*\)?\s*$", last):
                    return sig
        return None

    def is_tagline(self, line: str) -> bool:
        folded = _fold(line)
        return any(folded == _fold(s) for sig in self.signatures for s in sig.starts)

    def canonical(self, name: str) -> tuple[str, str | None, str | None]:
        """``(display name, Arabic name, signature key)`` for a metadata outlet value."""
        sig = self.by_name(name)
        if sig:
            return sig.name, sig.name_ar, sig.key
        return " ".join(name.split()), None, None
