"""Extract the readable article from a saved (Arabic) news web page.

The page is tokenised by libxml2's HTML parser (through lxml, in C: the
standard library's parser spent two thirds of the time on a news site's page)
into a small tolerant tree, boilerplate (scripts, navigation, share bars,
footers, ...) is skipped, and the body text plus a few metadata fields are read.

:func:`extract_article` never raises on any ``str`` input; markup the parser
cannot make sense of is used as far as it got.  Arabic text is returned as
found: only whitespace is collapsed, no character is normalised or invented.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections import Counter
from collections.abc import Callable, Collection, Iterable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import islice
from typing import Literal

from lxml import etree

__all__ = ["HtmlArticle", "extract_article", "site_may_lead"]


@dataclass(frozen=True)
class HtmlArticle:
    """What :func:`extract_article` found in one page."""

    title: str | None
    text: str  # article body: paragraphs separated by "\n", no blank lines
    date: str | None  # raw string as found, not parsed
    author: str | None
    url: str | None  # canonical URL if declared
    outlet: str | None  # og:site_name or publisher name if declared
    #: the page's <title> and its og:title, which may name its site (a heading does not)
    page_title: str | None = None
    og_title: str | None = None
    #: where the date was found, as the import report names it («meta "pubdate"»)
    date_from: str | None = None


# How boilerplate is recognised:
#   "strict"  - hidden tags, semantic boilerplate tags, roles, class/id words;
#   "lenient" - fallback when strict leaves nothing: no class/id guessing;
#   "visible" - only what is never rendered as text (scripts, styles, ...).
_Mode = Literal["strict", "lenient", "visible"]

_VOID = frozenset(
    {
        "area", "base", "br", "col", "embed", "hr", "img", "input",
        "keygen", "link", "meta", "param", "source", "track", "wbr",
    }
)  # fmt: skip
_HIDDEN_TAGS = frozenset(
    {
        "script", "style", "noscript", "template", "svg", "iframe", "button",
        "select", "textarea", "head", "title", "object",
    }
)  # fmt: skip
_BOILERPLATE_TAGS = frozenset({"nav", "header", "footer", "aside", "form"})
_LENIENT_TAGS = frozenset({"nav", "footer", "aside"})
_BOILERPLATE_ROLES = frozenset(
    {"navigation", "banner", "contentinfo", "complementary", "search", "menu", "menubar"}
)
_BOILERPLATE_WORDS = frozenset(
    {
        "menu", "menus", "nav", "navbar", "navigation", "breadcrumb",
        "breadcrumbs", "footer", "header", "sidebar", "share", "sharing",
        "social", "related", "comment", "comments", "cookie", "cookies",
        "advert", "adverts", "advertisement", "ad", "ads", "promo",
        "newsletter", "tags",
        # a post of a social network put in the article (blockquote.twitter-tweet,
        # .instagram-media, .tiktok-embed, .fb-post)
        "twitter", "tweet", "instagram", "tiktok", "facebook", "fb",
    }
)  # fmt: skip
#: the words before a list of links to other articles put in the text («اقرأ أيضًا:»),
#: without vowel marks and with bare alef (:func:`_lead_in_pattern` reads them as written)
_LEAD_INS = (
    "اقرا ايضا", "اقرا كذلك", "اقرا المزيد", "شاهد ايضا", "شاهد كذلك", "طالع ايضا",
    "للمزيد", "قد يهمك", "قد يهمك ايضا", "ذات صلة", "اخبار ذات صلة", "مواضيع ذات صلة",
    "موضوعات ذات صلة", "مقالات ذات صلة", "read also", "also read", "read more", "see also",
    "related", "related articles", "related stories", "related news", "related posts",
)  # fmt: skip
_LEAD_IN_MAX = 40  # non-space characters of a lead-in, at most
_LEAD_IN_LEVELS = 4  # elements a lead-in may be wrapped in («<p><strong>اقرأ أيضًا:</strong>»)
_LINKS_MAX_NODES = 500  # elements looked at in a list of links (bounds pathological pages)
#: class/id words of a byline or a dateline block (author, date, reading time, ...), left
#: out of the text when it is short (a page's wrapper may carry the same words)
_BYLINE_WORDS = frozenset(
    {
        "byline", "bylines", "author", "authors", "writer", "meta", "date", "time",
        "dateline", "pubdate", "published", "updated",
    }
)  # fmt: skip
#: class/id names of such a block whose words alone say nothing («article-info»)
_BYLINE_NAMES = frozenset(
    {"articleinfo", "postinfo", "entryinfo", "storyinfo", "newsinfo", "postedon", "postedby"}
)
_BYLINE_ITEMPROPS = frozenset(
    {"author", "creator", "datepublished", "datecreated", "datemodified", "dateline"}
)
_BYLINE_MAX = 200  # non-space characters of a byline block, at most
_BYLINE_MAX_NODES = 100  # elements looked at to tell (bounds pathological nesting)
#: class/id words of the element showing the article's date (not «updated»: a later one)
_DATE_WORDS = frozenset({"date", "time", "pubdate", "published"})
_SHOWN_DATE_MAX = 80  # characters of a date as shown
_HEADING_LINES = 3  # lines of the text its heading may come after a kicker or a tagline in
_BLOCK_TAGS = frozenset(
    {
        "address", "article", "aside", "blockquote", "br", "caption", "dd",
        "details", "div", "dl", "dt", "figcaption", "figure", "footer", "h1",
        "h2", "h3", "h4", "h5", "h6", "header", "hr", "li", "main", "nav",
        "ol", "p", "pre", "section", "summary", "table", "tr", "ul",
    }
)  # fmt: skip
_CELL_TAGS = frozenset({"td", "th"})
_CONTENT_TAGS = frozenset({"p", "article", "main"})  # mark a wrapping <form> as content
#: the meta tag as authoritative as a JSON-LD article's datePublished, read before it
_PUBLISHED_TIME_KEY = "article:published_time"
_DATE_KEYS = (
    "date",
    "pubdate",
    "publishdate",
    "dc.date.issued",
    "datepublished",
)
_AUTHOR_KEYS = ("author", "article:author")
_TITLE_SEPARATORS = (" - ", " | ", " – ", " — ")
_MAX_TRIES = 20  # elements tried per metadata lookup (bounds pathological nesting)

_CAMEL_BOUNDARY = re.compile(r"(?<=[a-z0-9])(?=[A-Z])")
_CLASS_SEPARATORS = re.compile(r"[\s_\-]+")


@dataclass(eq=False, slots=True)
class _Node:
    tag: str
    attrs: dict[str, str]
    parent: _Node | None
    children: list[_Node | str] = field(default_factory=list)
    wraps_content: bool = False  # a <form> around paragraphs (ASP.NET pages)
    is_byline: bool | None = None  # told when first asked

    def attr(self, name: str) -> str:
        return self.attrs.get(name, "").strip()


class _TreeBuilder:
    """Builds a forgiving element tree from the parser's events (lxml's parser
    target interface): stray end tags are ignored and an end tag closes every
    element left open inside it."""

    def __init__(self) -> None:
        self.root = _Node("#root", {}, None)
        self._stack: list[_Node] = [self.root]
        self._open: Counter[str] = Counter()
        self._forms: list[_Node] = []

    def start(self, tag: str, attrib: dict[str, str]) -> None:
        parent = self._stack[-1]
        node = _Node(tag, {k: v or "" for k, v in attrib.items()}, parent)
        parent.children.append(node)
        if tag in _CONTENT_TAGS:
            self._mark_forms()
        if tag in _VOID:
            return
        self._stack.append(node)
        self._open[tag] += 1
        if tag == "form":
            self._forms.append(node)

    def end(self, tag: str) -> None:
        if tag in _VOID or self._open[tag] == 0:
            return
        while len(self._stack) > 1:
            node = self._stack.pop()
            self._open[node.tag] -= 1
            if node.tag == "form":
                self._forms.pop()
            if node.tag == tag:
                return

    def data(self, data: str) -> None:
        self._stack[-1].children.append(data)

    def close(self) -> _Node:
        return self.root

    def _mark_forms(self) -> None:
        for form in reversed(self._forms):
            if form.wraps_content:
                return
            form.wraps_content = True


def extract_article(html: str) -> HtmlArticle:
    """Read title, body text and metadata from one HTML page; never raises."""
    root = _parse(html)
    nodes = list(_descendants(root))
    meta = _meta_values(nodes)
    linked = _LinkedData(nodes)
    container, text = _pick_body(root, nodes)
    outlet = meta.get("og:site_name") or _publisher_name(nodes)
    page_title = _page_title(nodes)
    date, date_from = _date(meta, container, nodes, linked) or (None, None)
    return HtmlArticle(
        title=_title(meta, container, nodes, outlet, page_title, linked),
        text=text,
        date=date,
        author=_author(meta, nodes, linked),
        url=_canonical_url(meta, nodes),
        outlet=outlet,
        page_title=page_title,
        og_title=meta.get("og:title"),
        date_from=date_from,
    )


# --- parsing ---------------------------------------------------------------


#: «</br>», which browsers read as «<br>» (libxml2 drops it)
_END_BR = re.compile(r"</br\s*>", re.IGNORECASE)


def _parse(html: str) -> _Node:
    builder = _TreeBuilder()
    parser = etree.HTMLParser(target=builder, recover=True, huge_tree=True, no_network=True)
    try:
        # an unfinished comment or tag at the end is dropped, as browsers do
        parser.feed(_END_BR.sub("<br>", html))
        parser.close()
    except Exception:  # malformed markup: keep whatever was parsed before it
        pass
    return builder.root


def _descendants(node: _Node) -> Iterator[_Node]:
    """Element descendants in document order (iterative: pages nest deeply)."""
    stack = [child for child in reversed(node.children) if isinstance(child, _Node)]
    while stack:
        current = stack.pop()
        yield current
        stack.extend(c for c in reversed(current.children) if isinstance(c, _Node))


def _ancestors(node: _Node) -> Iterator[_Node]:
    parent = node.parent
    while parent is not None:
        yield parent
        parent = parent.parent


# --- boilerplate -----------------------------------------------------------


def _class_words(value: str) -> list[str]:
    spaced = _CAMEL_BOUNDARY.sub(" ", value)
    return [word.lower() for word in _CLASS_SEPARATORS.split(spaced) if word]


def _has_boilerplate_name(node: _Node) -> bool:
    return _is_boilerplate_name(node.attrs.get("class", "") + " " + node.attrs.get("id", ""))


@lru_cache(maxsize=8192)
def _is_boilerplate_name(names: str) -> bool:
    """Do these class and id names say boilerplate? (A page repeats the same few
    thousand times: a menu's items all carry one class.)"""
    return any(w in _BOILERPLATE_WORDS or w.startswith("advert") for w in _class_words(names))


def _is_dropped(node: _Node, mode: _Mode) -> bool:
    if node.tag in _HIDDEN_TAGS:
        return True
    if mode == "visible":
        return False
    if mode == "lenient":
        return node.tag in _LENIENT_TAGS
    if node.tag in _BOILERPLATE_TAGS:
        return not (node.tag == "form" and node.wraps_content)
    if "role" in node.attrs and node.attr("role").lower() in _BOILERPLATE_ROLES:
        return True
    return _has_boilerplate_name(node) or _is_byline(node)


def _is_byline(node: _Node) -> bool:
    """A short block its class, id, microdata property or link relation says is a byline
    or a dateline («رويترز، أ ف ب 25/03/2017»): its agencies and names are no mentions
    in the article, and a copy of the article from a table has no such line."""
    if node.is_byline is None:
        node.is_byline = _has_byline_hint(node) and _is_short(node)
    return node.is_byline


def _has_byline_hint(node: _Node) -> bool:
    attrs = node.attrs
    if ("class" in attrs or "id" in attrs) and _is_byline_name(
        attrs.get("class", "") + " " + attrs.get("id", "")
    ):
        return True
    if "itemprop" in attrs and not _BYLINE_ITEMPROPS.isdisjoint(
        node.attr("itemprop").lower().split()
    ):
        return True
    return "rel" in attrs and "author" in node.attr("rel").lower().split()


@lru_cache(maxsize=8192)
def _is_byline_name(names: str) -> bool:
    if any(w in _BYLINE_WORDS for w in _class_words(names)):
        return True
    return any(_CLASS_SEPARATORS.sub("", n).lower() in _BYLINE_NAMES for n in names.split())


def _is_short(node: _Node) -> bool:
    """At most ``_BYLINE_MAX`` non-space characters in ``_BYLINE_MAX_NODES`` elements."""
    size = 0
    seen = 0
    stack: list[_Node | str] = list(node.children)
    while stack:
        item = stack.pop()
        if isinstance(item, str):
            size += len("".join(item.split()))
            if size > _BYLINE_MAX:
                return False
        elif item.tag not in _HIDDEN_TAGS:
            seen += 1
            if seen > _BYLINE_MAX_NODES:
                return False
            stack.extend(item.children)
    return True


def _dropped(nodes: list[_Node], mode: _Mode) -> set[_Node]:
    return {node for node in nodes if _is_dropped(node, mode)}


def _blocked(nodes: list[_Node], dropped: set[_Node]) -> set[_Node]:
    """Elements ``dropped`` or lying inside one (one pass, document order)."""
    blocked: set[_Node] = set()
    for node in nodes:
        if node in dropped or node.parent in blocked:
            blocked.add(node)
    return blocked


def _is_reachable(node: _Node, blocked: set[_Node]) -> bool:
    """Not hidden itself and not inside anything in ``blocked``."""
    return node.tag not in _HIDDEN_TAGS and node.parent not in blocked


# --- text ------------------------------------------------------------------


def _text_of(node: _Node, mode: _Mode, skip: Collection[_Node] = ()) -> str:
    """Paragraphs of ``node`` joined by newlines, without the elements in ``skip``;
    ``node`` itself is never dropped."""
    pieces: list[str | None] = []  # None marks a paragraph break
    stack: list[_Node | str | None] = list(reversed(node.children))
    while stack:
        item = stack.pop()
        if not isinstance(item, _Node):
            pieces.append(item)
        elif item not in skip and not _is_dropped(item, mode):
            edge = _edge(item.tag)
            pieces.append(edge)
            stack.append(edge)
            stack.extend(reversed(item.children))
    return "\n".join(_paragraphs(pieces))


def _edge(tag: str) -> str | None:
    if tag in _BLOCK_TAGS:
        return None
    return " " if tag in _CELL_TAGS else ""


def _paragraphs(pieces: list[str | None]) -> list[str]:
    paragraphs: list[str] = []
    current: list[str] = []
    for piece in [*pieces, None]:
        if piece is not None:
            current.append(piece)
            continue
        paragraph = _collapse("".join(current))
        if _has_visible_char(paragraph):
            paragraphs.append(paragraph)
        current = []
    return paragraphs


def _collapse(text: str) -> str:
    return " ".join(text.split())


def _has_visible_char(text: str) -> bool:
    """False for "" and for lone direction marks or other format characters."""
    return any(unicodedata.category(ch) != "Cf" for ch in text if not ch.isspace())


def _inline_text(node: _Node) -> str:
    return " ".join(_text_of(node, "visible").split("\n"))


# --- body ------------------------------------------------------------------


def _is_article(node: _Node) -> bool:
    return node.tag == "article"


def _is_main(node: _Node) -> bool:
    return node.tag == "main"


def _is_marked_main(node: _Node) -> bool:
    if "role" not in node.attrs and "itemprop" not in node.attrs:
        return False
    itemprops = node.attr("itemprop").lower().split()
    return node.attr("role").lower() == "main" or "articlebody" in itemprops


def _is_body(node: _Node) -> bool:
    return node.tag == "body"


_BODY_SELECTORS: tuple[Callable[[_Node], bool], ...] = (
    _is_article,
    _is_main,
    _is_marked_main,
    _is_body,
)


def _pick_body(root: _Node, nodes: list[_Node]) -> tuple[_Node, str]:
    """The container holding the article and its text.

    Tries <article> (most text), <main>, role=main / itemprop=articleBody,
    <body>, then the whole document; first with class/id boilerplate guessing,
    then, if that leaves no text at all, without it.
    """
    modes: tuple[_Mode, ...] = ("strict", "lenient")
    for mode in modes:
        dropped = _dropped(nodes, mode)  # each element judged once for both
        blocked = _blocked(nodes, dropped)
        sizes = _text_sizes(nodes, dropped)
        for selector in _BODY_SELECTORS:
            candidates = [n for n in nodes if selector(n) and _is_reachable(n, blocked)]
            best = max(candidates, key=sizes.__getitem__, default=None)
            text = _body_text(best, mode) if best is not None and sizes[best] else ""
            if best is not None and text:
                return best, text
        text = _body_text(root, mode)
        if text:
            return root, text
    return root, ""


def _body_text(body: _Node, mode: _Mode) -> str:
    """The text of ``body`` without its heading among its first lines: that is the
    article's title (:func:`_first_heading`), and the copy of the article in a table has
    it in a field of its own. A body that is only its heading keeps it."""
    text = _text_of(body, mode, _read_also_blocks(body))
    heading = _opening_heading(body, mode)
    if heading is None:
        return text
    lines = text.split("\n")
    head = _text_of(heading, mode).split("\n")
    for start in range(min(_HEADING_LINES, len(lines))):
        if lines[start : start + len(head)] == head:
            rest = lines[:start] + lines[start + len(head) :]
            return "\n".join(rest) if rest else text
    return text


def _lead_in_pattern(phrases: Iterable[str]) -> re.Pattern[str]:
    """One of ``phrases`` as it may be written: with vowel marks, tatweel or direction
    marks, any form of alef («اقرأ»، «إقرأ»), ى for ي, in any case, with punctuation or
    spaces around it («اقرأ أيضًا:»، «— Read also —»)."""
    marks = "\u0610-\u061a\u064b-\u065f\u0670\u0640\u200c-\u200f"
    forms = {"ا": "[اأإآٱ]", "ي": "[يى]", " ": r"\s+"}
    written = (
        "".join(forms.get(ch, re.escape(ch)) + f"[{marks}]*" for ch in phrase)
        for phrase in sorted(phrases, key=len, reverse=True)
    )
    edge = f"[\\W_{marks}]*"
    return re.compile(f"{edge}(?:{'|'.join(written)}){edge}", re.IGNORECASE)


_LEAD_IN = _lead_in_pattern(_LEAD_INS)


def _read_also_blocks(body: _Node) -> set[_Node]:
    """The lists of links to other articles put in the text of ``body`` after a lead-in
    («<p><strong>اقرأ أيضًا:</strong></p><ul><li><a>…</a></li></ul>», «اقرأ أيضا: <a>…</a>»),
    with their lead-ins. A paragraph that says more than the lead-in is the article's."""
    blocks: set[_Node] = set()
    places: dict[_Node, dict[_Node, int]] = {}  # each parent's children's places, when asked
    for node in _descendants(body):
        if node.tag == "a" or node in blocks:
            continue
        if any(isinstance(child, str) and _is_lead_in(child) for child in node.children):
            blocks.update(_read_also(node, body, places))
    return blocks


def _is_lead_in(text: str) -> bool:
    return len(text) <= 4 * _LEAD_IN_MAX and _LEAD_IN.fullmatch(text) is not None


def _read_also(start: _Node, body: _Node, places: dict[_Node, dict[_Node, int]]) -> list[_Node]:
    """The lead-in ``start`` holds, the most wrapped, with the lists of links after it
    (or in it: «اقرأ أيضا: <a>…</a>»); none when no link comes with it."""
    split = _split_links(start)
    if split is None or not _is_lead_in(split[0]):
        return []
    lead_in, linked = start, split[1]
    for _ in range(_LEAD_IN_LEVELS):
        parent = lead_in.parent
        if parent is None or parent is body:
            break
        split = _split_links(parent)
        if split is None or not _is_lead_in(split[0]):
            break
        lead_in, linked = parent, split[1]
    blocks = [lead_in]
    parent = lead_in.parent
    if parent is not None:
        if parent not in places:
            places[parent] = {c: i for i, c in enumerate(parent.children) if isinstance(c, _Node)}
        for sibling in islice(parent.children, places[parent][lead_in] + 1, None):
            if isinstance(sibling, str):
                if sibling.strip():
                    break
            elif sibling.tag != "br":
                split = _split_links(sibling)
                if split is None or not split[1] or any(ch.isalnum() for ch in split[0]):
                    break
                blocks.append(sibling)
    return blocks if linked or len(blocks) > 1 else []


def _split_links(node: _Node) -> tuple[str, bool] | None:
    """(the text of ``node`` outside its links, whether its links have text); None when
    that text is longer than a lead-in's (or the element too big to be a list)."""
    outside: list[str] = []
    size = 0
    linked = False
    seen = 0
    # iterators, not lists of children: most elements asked about are long, and soon told
    stack: list[tuple[Iterator[_Node | str], bool]] = [(iter(node.children), node.tag == "a")]
    while stack:
        children, in_link = stack[-1]
        item = next(children, None)
        if item is None:
            stack.pop()
        elif isinstance(item, str):
            if in_link:
                linked = linked or any(ch.isalnum() for ch in item)
                continue
            outside.append(item)
            size += len("".join(item.split()))
            if size > _LEAD_IN_MAX:
                return None
        elif item.tag not in _HIDDEN_TAGS:
            seen += 1
            if seen > _LINKS_MAX_NODES:
                return None
            stack.append((iter(item.children), in_link or item.tag == "a"))
    return _collapse("".join(outside)), linked


def _opening_heading(body: _Node, mode: _Mode) -> _Node | None:
    """The first <h1> of ``body`` its text shows."""
    headings = (n for n in _descendants(body) if n.tag == "h1")
    for heading in islice(headings, _MAX_TRIES):
        if _is_shown(heading, body, mode):
            return heading
    return None


def _is_shown(node: _Node, body: _Node, mode: _Mode) -> bool:
    """Whether the text of ``body`` has ``node``'s: neither is dropped on the way."""
    current: _Node | None = node
    while current is not None and current is not body:
        if _is_dropped(current, mode):
            return False
        current = current.parent
    return True


def _text_sizes(nodes: list[_Node], dropped: set[_Node]) -> dict[_Node, int]:
    """Non-space characters each element would contribute if it were the body.

    Computed bottom-up in one pass, so nested candidates cost linear time.
    """
    sizes: dict[_Node, int] = {}
    for node in reversed(nodes):  # descendants follow their ancestor in ``nodes``
        total = 0
        for child in node.children:
            if isinstance(child, str):
                total += len("".join(child.split()))
            elif child not in dropped:
                total += sizes[child]
        sizes[node] = total
    return sizes


# --- metadata --------------------------------------------------------------


def _meta_values(nodes: list[_Node]) -> dict[str, str]:
    """First non-empty ``content`` per lower-cased meta property/name/itemprop."""
    values: dict[str, str] = {}
    for node in nodes:
        content = _collapse(node.attrs.get("content", "")) if node.tag == "meta" else ""
        if not content:
            continue
        for key_attr in ("property", "name", "itemprop"):
            for key in node.attr(key_attr).lower().split():
                values.setdefault(key, content)
    return values


def _with_itemprop(nodes: Iterable[_Node], prop: str) -> Iterator[_Node]:
    """The first few elements carrying microdata property ``prop``."""
    wanted = prop.lower()
    # most elements carry no itemprop: a key lookup rules them out
    found = (
        n for n in nodes if "itemprop" in n.attrs and wanted in n.attr("itemprop").lower().split()
    )
    return islice(found, _MAX_TRIES)


def _item_value(node: _Node) -> str | None:
    """Value of a microdata property: datetime/content/href attribute or text."""
    for name in ("datetime", "content"):
        if node.attr(name):
            return _collapse(node.attrs[name])
    return _inline_text(node) or None


def _title(
    meta: dict[str, str],
    container: _Node,
    nodes: list[_Node],
    outlet: str | None,
    page_title: str | None,
    linked: _LinkedData,
) -> str | None:
    title = (
        meta.get("og:title")
        or _first_heading(container, nodes)
        or linked.value("headline")  # often cut short for search engines: after the heading
        or page_title
    )
    if not title:
        return None
    return _strip_site_name(title, outlet) if outlet else title


def _first_heading(container: _Node, nodes: list[_Node]) -> str | None:
    """First non-empty <h1> of the body, else of the page outside nav/aside/footer."""
    scopes: tuple[tuple[Iterable[_Node], _Mode], ...] = (
        (_descendants(container), "visible"),
        (nodes, "lenient"),
    )
    for scope, mode in scopes:
        blocked = _blocked(nodes, _dropped(nodes, mode))
        headings = (n for n in scope if n.tag == "h1" and _is_reachable(n, blocked))
        for heading in islice(headings, _MAX_TRIES):
            text = _inline_text(heading)
            if text:
                return text
    return None


def _page_title(nodes: list[_Node]) -> str | None:
    for node in nodes:
        if node.tag == "title":
            text = _collapse("".join(c for c in node.children if isinstance(c, str)))
            if text:
                return text
    return None


def _strip_site_name(title: str, site: str) -> str:
    """The title without the site's name after it («… | الجزيرة نت») or before it
    («سانا | …»)."""
    site = _collapse(site)
    for separator in _TITLE_SEPARATORS:
        suffix = separator + site
        head = title[: -len(suffix)].strip()
        if title[-len(suffix) :].casefold() == suffix.casefold() and head:
            return head
        prefix = site + separator
        tail = title[len(prefix) :].strip()
        if title[: len(prefix)].casefold() == prefix.casefold() and tail and site_may_lead(site):
            return tail
    return title


def site_may_lead(site: str) -> bool:
    """Whether words before a page's title may be its site's name: a name of more than
    one word («جريدة الرياض | …»), or one word without the article ال («سانا - …»,
    «رويترز | …»). One word with it is as often a dateline («الرياض - …», «الميادين -
    …») or a section («الرأي | …», «الاقتصادية - …») that an outlet is named after."""
    words = site.split()
    return len(words) > 1 or (bool(words) and not words[0].startswith("ال"))


def _date(
    meta: dict[str, str], container: _Node, nodes: list[_Node], linked: _LinkedData
) -> tuple[str, str] | None:
    """(the page's date as written, where it was found)."""
    if _PUBLISHED_TIME_KEY in meta:
        return meta[_PUBLISHED_TIME_KEY], f'meta "{_PUBLISHED_TIME_KEY}"'
    published = linked.value("datePublished")
    if published:
        return published, 'JSON-LD "datePublished"'
    for key in _DATE_KEYS:
        if key in meta:
            return meta[key], f'meta "{key}"'
    for node in _with_itemprop(nodes, "datePublished"):
        value = _item_value(node)
        if value:
            return value, 'itemprop "datePublished"'
    created = linked.value("dateCreated")
    if created:
        return created, 'JSON-LD "dateCreated"'
    for node in _descendants(container):
        if node.tag == "time" and node.attr("datetime"):
            return _collapse(node.attrs["datetime"]), "<time datetime>"
    shown = _shown_date(container)
    return (shown, "the date the article shows") if shown else None


def _shown_date(container: _Node) -> str | None:
    """The date the article shows, as a byline left out of its text gives it: the text
    of its first <time>, or of an element its class or id says is its date («السبت، 25
    آذار/مارس 2017»), short and with a digit, and not in one of the page's boxes."""
    shown = (n for n in _descendants(container) if n.tag == "time" or _has_date_name(n))
    for node in islice(shown, _MAX_TRIES):
        if _in_box(node, container):
            continue
        text = _inline_text(node)
        if len(text) <= _SHOWN_DATE_MAX and any(ch.isdigit() for ch in text):
            return text
    return None


def _has_date_name(node: _Node) -> bool:
    if "class" not in node.attrs and "id" not in node.attrs:
        return False
    return _is_date_name(node.attrs.get("class", "") + " " + node.attrs.get("id", ""))


@lru_cache(maxsize=8192)
def _is_date_name(names: str) -> bool:
    return not _DATE_WORDS.isdisjoint(_class_words(names))


def _in_box(node: _Node, container: _Node) -> bool:
    """Inside boilerplate (related articles, a ticker, ...) below ``container``; a byline
    is no box."""
    for ancestor in _ancestors(node):
        if ancestor is container:
            return False
        if _is_dropped(ancestor, "strict") and not _is_byline(ancestor):
            return True
    return False


def _author(meta: dict[str, str], nodes: list[_Node], linked: _LinkedData) -> str | None:
    for key in _AUTHOR_KEYS:
        if key in meta:
            return meta[key]
    for node in _with_itemprop(nodes, "author"):
        value = _named_item(node)
        if value:
            return value
    return linked.value("author", several=True)


def _named_item(node: _Node) -> str | None:
    """An itemscope's ``name`` property if it has one, else its own value."""
    for name_node in _with_itemprop(_descendants(node), "name"):
        value = _item_value(name_node)
        if value:
            return value
    return _item_value(node)


def _publisher_name(nodes: list[_Node]) -> str | None:
    for node in _with_itemprop(nodes, "publisher"):
        for name_node in _with_itemprop(_descendants(node), "name"):
            value = _item_value(name_node)
            if value:
                return value
    return None


def _canonical_url(meta: dict[str, str], nodes: list[_Node]) -> str | None:
    for node in nodes:
        if node.tag != "link":
            continue
        rel = node.attr("rel").lower().split()
        if "canonical" in rel and node.attr("href"):
            return node.attr("href")
    return meta.get("og:url")


# --- JSON-LD ---------------------------------------------------------------

#: schema.org types of an article besides those named «…Article» (NewsArticle,
#: ReportageNewsArticle, OpinionNewsArticle, ...)
_LD_ARTICLE_TYPES = frozenset({"blogposting", "liveblogposting", "report"})
#: where an article object may sit inside another: a graph's items, a page's main entity
_LD_NESTING = ("@graph", "mainEntity")
_LD_MAX_ITEMS = 500  # JSON values looked at per script (bounds huge or nested data)
#: the comment or CDATA marks some sites wrap a script's JSON in
_LD_WRAPPER = re.compile(r"^\s*(?://\s*)?(?:<!--|<!\[CDATA\[)|(?://\s*)?(?:-->|\]\]>)\s*$")


class _LinkedData:
    """The article objects of a page's JSON-LD scripts (``application/ld+json``), read
    when a field is first asked for: most pages are dated by their meta tags."""

    def __init__(self, nodes: list[_Node]) -> None:
        self._nodes = nodes
        self._articles: list[dict[str, object]] | None = None

    @property
    def articles(self) -> list[dict[str, object]]:
        if self._articles is None:
            self._articles = [
                item
                for node in self._nodes
                if node.tag == "script" and _is_ld_json(node)
                for item in _ld_articles(_ld_load(node))
            ]
        return self._articles

    def value(self, key: str, *, several: bool = False) -> str | None:
        """The first article's non-empty ``key``: a string, or an object's name; of a
        list its first, or with ``several`` all joined («أ، ب»: authors)."""
        for article in self.articles:
            value = _ld_text(article.get(key), several=several)
            if value:
                return value
        return None


def _is_ld_json(node: _Node) -> bool:
    return node.attr("type").split(";")[0].strip().lower() == "application/ld+json"


def _ld_load(node: _Node) -> object:
    """The script's JSON, or None when it is not JSON (broken data is skipped)."""
    raw = _LD_WRAPPER.sub("", "".join(c for c in node.children if isinstance(c, str)))
    try:
        return json.loads(raw, strict=False)  # control characters inside strings
    except (ValueError, RecursionError):
        return None


def _ld_articles(data: object) -> Iterator[dict[str, object]]:
    """The objects of an article type in ``data``, in document order: at the top, in
    lists, in a ``@graph`` or as a ``mainEntity``."""
    stack = [data]
    for _ in range(_LD_MAX_ITEMS):
        if not stack:
            return
        item = stack.pop()
        if isinstance(item, list):
            stack.extend(reversed(item))
        elif isinstance(item, dict):
            if _is_ld_article(item.get("@type")):
                yield item
            stack.extend(item[key] for key in reversed(_LD_NESTING) if key in item)


def _is_ld_article(types: object) -> bool:
    for name in types if isinstance(types, list) else [types]:
        if isinstance(name, str):
            # «NewsArticle», «schema:NewsArticle», «http://schema.org/NewsArticle»
            local = re.split(r"[/#:]", name.strip())[-1].lower()
            if local.endswith("article") or local in _LD_ARTICLE_TYPES:
                return True
    return False


def _ld_text(value: object, *, several: bool = False) -> str | None:
    if isinstance(value, str):
        return _collapse(value) or None
    if isinstance(value, dict):
        return _ld_text(value.get("name") or value.get("@value"))
    if isinstance(value, list):
        texts = [t for t in (_ld_text(v) for v in value[:_MAX_TRIES]) if t]
        if not texts:
            return None
        return "، ".join(dict.fromkeys(texts)) if several else texts[0]
    return None
