"""Articles saved from a word processor: a Word document (.docx) or an OpenDocument text
(.odt), one article a file.

Both are zip archives of XML and are read with the standard library: the paragraphs of the
document's body in order (a table's cells, a text box's or shape's paragraphs after the
paragraph that holds it), a line break inside a paragraph kept as one. What is not the text
as it reads is left out: text a tracked change deleted or moved away, hidden text,
footnotes, comments, field codes, and the copy of a drawing's text kept for older readers.
The title is the opening paragraph (outside text boxes and frames) when it is set as a
title or a first-level heading, by its style's name whatever the language Word was set up
in, else the title in the file's properties; the paragraph stays in the text, as a Markdown
heading does. The file's author and dates are those of whoever saved it, not the
article's, and are not read.
"""

from __future__ import annotations

import io
import re
import xml.etree.ElementTree as ET
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass

from desktop.corpus.xls import ENCRYPTED, MAGIC, DamagedXlsError, checked_streams

WORD = "Word document"
OPENDOCUMENT_TEXT = "OpenDocument text"
#: the largest XML part read: a document of text alone is a few MB, and a parsed part
#: takes some fifteen times its size in memory
MAX_PART = 32 * 1024 * 1024

_TEXT = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
_STYLE = "urn:oasis:names:tc:opendocument:xmlns:style:1.0"
_DC = "http://purl.org/dc/elements/1.1/"
#: a declaration of its own entities has no place in either format (and could make a
#: small file expand without end), in UTF-8 or in UTF-16 either way round
_DTD_RE = re.compile(
    rb"<!(?:DOCTYPE|ENTITY)|<\x00!\x00(?:D\x00O\x00C|E\x00N\x00T)|\x00<\x00!\x00(?:D\x00O|E\x00N)"
)


class OfficeError(Exception):
    """The file cannot be read at all; ``str(exc)`` says why."""


@dataclass(frozen=True)
class OfficeText:
    paragraphs: list[str]
    title: str | None = None

    @property
    def text(self) -> str:
        return "\n\n".join(self.paragraphs)


def office_text(data: bytes, ext: str) -> OfficeText:
    """The paragraphs and title of a .docx or .odt file's bytes, told apart by what they
    hold, not by ``ext`` (which names the kind of a file too damaged to tell)."""
    kind = OPENDOCUMENT_TEXT if ext.lower() == ".odt" else WORD
    if data.startswith(MAGIC[:4]):
        raise OfficeError(_compound_reason(data, kind))
    if not data.startswith(b"PK"):
        raise OfficeError(
            f"not {_a(kind)}: a text or web page saved under its name is not read; open it in "
            "a word processor and save it as .docx, or as plain text (.txt)"
        )
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            names = set(z.namelist())
            main = _word_main(z, names)
            if main is not None:
                body = _part(z, main, WORD)
                core = _part(z, "docProps/core.xml", WORD) if "docProps/core.xml" in names else None
                styles = _part(z, "word/styles.xml", WORD) if "word/styles.xml" in names else None
                return _word(body, core, _word_title_styles(styles))
            if "content.xml" in names and _odf_text(z, names):
                if _odf_encrypted(z, names):
                    raise OfficeError(
                        f"{_a(OPENDOCUMENT_TEXT)} saved with a password is not read: save it "
                        "again without one"
                    )
                body = _part(z, "content.xml", OPENDOCUMENT_TEXT)
                meta = _part(z, "meta.xml", OPENDOCUMENT_TEXT) if "meta.xml" in names else None
                return _opendocument(body, meta)
    except OfficeError:
        raise
    except Exception as exc:  # zipfile and the XML parser fail in many ways on damage
        raise OfficeError(f"damaged {kind} ({type(exc).__name__}: {exc})") from exc
    other = names & {"xl/workbook.xml", "ppt/presentation.xml", "content.xml"}
    raise OfficeError(
        f"not {_a(kind)}: a spreadsheet or a presentation saved under its name"
        if other
        else f"not {_a(kind)}: a zip archive of other files saved under its name"
    )


def _odf_text(z: zipfile.ZipFile, names: set[str]) -> bool:
    """Whether an OpenDocument file is a text (not a spreadsheet or a presentation), by
    the type its ``mimetype`` member names; one without it is taken for a text."""
    if "mimetype" not in names:
        return True
    mimetype = z.read("mimetype")[:100].decode("ascii", "replace").strip()
    return mimetype.startswith("application/vnd.oasis.opendocument.text")


def _odf_encrypted(z: zipfile.ZipFile, names: set[str]) -> bool:
    """Whether an OpenDocument file keeps its parts encrypted (saved with a password):
    its manifest then tells how each part is encrypted."""
    manifest = "META-INF/manifest.xml"
    return manifest in names and b"encryption-data" in z.read(manifest)[: 1024 * 1024]


def _a(kind: str) -> str:
    return ("an " if kind[0] in "AEIOU" else "a ") + kind


def _compound_reason(data: bytes, kind: str) -> str:
    """Why a file in Office's older container is not read: a document saved with a
    password, or a Word 97–2003 document (.doc)."""
    try:
        streams = checked_streams(data)
    except DamagedXlsError as exc:
        return f"damaged {kind} ({exc})"
    if ENCRYPTED in streams:
        return f"{_a(kind)} saved with a password is not read: save it again without one"
    if "WordDocument" in streams:
        return (
            "a Word 97–2003 document (.doc) is not read: save it as .docx, or as plain text (.txt)"
        )
    return f"not {_a(kind)}: an Office file of another kind saved under its name"


def _part(z: zipfile.ZipFile, name: str, kind: str) -> ET.Element:
    info = z.getinfo(name)
    if info.file_size > MAX_PART:
        raise OfficeError(f"{kind} too large: its {name} holds {info.file_size:,} bytes")
    raw = z.read(name)
    if _DTD_RE.search(raw):
        raise OfficeError(f"damaged {kind}: its {name} declares a document type")
    return ET.fromstring(raw)


def _local(tag: object) -> str:
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def _titled(paragraphs: list[tuple[str, bool, bool]], properties: ET.Element | None) -> OfficeText:
    """The text of these paragraphs (each with whether it is set as a title, and whether
    it is in a text box or a frame), titled by the first outside a box when it is set
    as a title, else by the title in the file's ``properties``."""
    texts = _clean(p for p, _t, _b in paragraphs)
    first = next((p for p, titled, boxed in paragraphs if p.strip() and not boxed and titled), None)
    opening = next((p for p, _t, boxed in paragraphs if p.strip() and not boxed), None)
    if first is not None and first is opening:
        return OfficeText(texts, _clean(iter([first]))[0].replace("\n", " "))
    return OfficeText(
        texts, _first_text(properties, _DC, "title") if properties is not None else None
    )


def _clean(paragraphs: Iterator[str]) -> list[str]:
    out = []
    for p in paragraphs:
        lines = [" ".join(line.split()) for line in p.split("\n")]
        text = "\n".join(line for line in lines if line)
        if text:
            out.append(text)
    return out


# --- Word ---------------------------------------------------------------------------------

#: what holds no text of the document as it reads: a tracked move's source, the copy of
#: a drawing kept for older readers, a deleted paragraph's mark, properties
_WORD_SKIPPED = frozenset({"moveFrom", "Fallback", "pPr", "rPr", "sectPr", "del"})
#: the style ids of a title and a first-level heading (Word names a style's id after its
#: name in the language it was made in, less the characters an id cannot hold)
_WORD_TITLES = frozenset({"title", "heading1", "titre", "titre1", "titel", "berschrift1"})


_OFFICE_DOCUMENT = "/officeDocument"


def _word_main(z: zipfile.ZipFile, names: set[str]) -> str | None:
    """The name of a Word document's main part: the one the package's relationships
    name (Word Online saves ``word/document2.xml``), else ``word/document.xml``."""
    if "_rels/.rels" in names:
        for rel in _part(z, "_rels/.rels", WORD):
            target = _attr(rel, "Target").lstrip("/")
            if _attr(rel, "Type").endswith(_OFFICE_DOCUMENT) and target in names:
                return target
    return "word/document.xml" if "word/document.xml" in names else None


def _word_title_styles(styles: ET.Element | None) -> frozenset[str]:
    """The ids of the styles of a title and a first-level heading, by their names, which
    Word writes in English whatever the language of its menus (an Arabic Word names the
    id of «heading 1» ``1``), their outline level, or the style they are based on."""
    if styles is None:
        return _WORD_TITLES
    based: dict[str, str] = {}
    titles = set()
    for style in styles:
        if _local(style.tag) != "style":
            continue
        sid = _attr(style, "styleId")
        for prop in style.iter():
            name, value = _local(prop.tag), _attr(prop, "val")
            if (name == "name" and value.lower() in ("title", "heading 1")) or (
                name == "outlineLvl" and value == "0"
            ):
                titles.add(sid)
            elif name == "basedOn":
                based[sid] = value
    for sid in list(based):
        seen = {sid}
        parent = based.get(sid)
        while parent is not None and parent not in seen:
            if parent in titles:
                titles.add(sid)
                break
            seen.add(parent)
            parent = based.get(parent)
    return frozenset(titles)


def _word(body: ET.Element, core: ET.Element | None, titles: frozenset[str]) -> OfficeText:
    paragraphs: list[tuple[str, bool, bool]] = []
    root = next((e for e in body if _local(e.tag) == "body"), body)
    _word_block(root, paragraphs, titles, False)
    return _titled(paragraphs, core)


def _word_block(
    element: ET.Element, out: list[tuple[str, bool, bool]], titles: frozenset[str], boxed: bool
) -> None:
    for child in element:
        name = _local(child.tag)
        if name in _WORD_SKIPPED:
            continue
        if name == "p":
            nested: list[ET.Element] = []
            parts: list[str] = []
            _word_runs(child, parts, nested)
            out.append(("".join(parts), _word_titled(child, titles), boxed))
            for box in nested:
                _word_block(box, out, titles, True)
        else:  # a table, its rows and cells; a content control
            _word_block(child, out, titles, boxed)


def _word_runs(element: ET.Element, parts: list[str], nested: list[ET.Element]) -> None:
    for child in element:
        name = _local(child.tag)
        if name in _WORD_SKIPPED or (name == "r" and _hidden(child)):
            continue
        if name == "t":
            parts.append(child.text or "")
        elif name == "tab":
            parts.append(" ")
        elif name in ("br", "cr"):
            parts.append("\n")
        elif name == "noBreakHyphen":
            parts.append("-")
        elif name == "txbxContent":
            nested.append(child)  # a text box: its paragraphs after this one
        else:
            _word_runs(child, parts, nested)


def _hidden(run: ET.Element) -> bool:
    """Whether a run's text is set hidden («vanish»): not shown, so not read."""
    return any(
        _local(props.tag) == "rPr"
        and any(_local(p.tag) == "vanish" and _attr(p, "val") not in ("0", "false") for p in props)
        for props in run
    )


def _word_titled(p: ET.Element, titles: frozenset[str]) -> bool:
    """Whether a paragraph is set as a title or a first-level heading."""
    for props in p:
        if _local(props.tag) != "pPr":
            continue
        for prop in props:
            value = _attr(prop, "val")
            if _local(prop.tag) == "pStyle":
                if value in titles or value.replace(" ", "").lower() in _WORD_TITLES:
                    return True
            elif _local(prop.tag) == "outlineLvl" and value == "0":
                return True
    return False


# --- OpenDocument ---------------------------------------------------------------------------

#: what holds no text of the document as it reads: notes (their citation too), tracked
#: changes (a deletion's text is kept in them), annotations, a frame's alternative text
_ODF_SKIPPED = frozenset(
    {"note", "tracked-changes", "annotation", "soft-page-break", "sequence-decls"}
)
_DRAW = "urn:oasis:names:tc:opendocument:xmlns:drawing:1.0"
_SVG = "urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0"
#: a drawing's alternative text, not the document's
_ODF_SKIPPED_TAGS = frozenset({f"{{{_SVG}}}title", f"{{{_SVG}}}desc"})


def _opendocument(body: ET.Element, meta: ET.Element | None) -> OfficeText:
    paragraphs: list[tuple[str, bool, bool]] = []
    # a paragraph's style is often one made for it, named after the one it is based on
    parents = {
        _attr(e, "name"): _attr(e, "parent-style-name")
        for e in body.iter(f"{{{_STYLE}}}style")
        if _attr(e, "parent-style-name")
    }
    _odf_block(body, paragraphs, parents, False)
    return _titled(paragraphs, meta)


def _odf_block(
    element: ET.Element, out: list[tuple[str, bool, bool]], parents: dict[str, str], boxed: bool
) -> None:
    for child in element:
        name = _local(child.tag)
        if name in _ODF_SKIPPED or child.tag in _ODF_SKIPPED_TAGS:
            continue
        if child.tag in (f"{{{_TEXT}}}p", f"{{{_TEXT}}}h"):
            nested: list[ET.Element] = []
            parts: list[str] = []
            if child.text:
                parts.append(child.text)
            _odf_runs(child, parts, nested)
            out.append(("".join(parts), _odf_titled(child, parents), boxed))
            for frame in nested:
                _odf_block(frame, out, parents, True)
        else:  # a section, a list and its items, a table and its cells; a page's frame
            _odf_block(child, out, parents, boxed or child.tag.startswith(f"{{{_DRAW}}}"))


def _odf_runs(element: ET.Element, parts: list[str], nested: list[ET.Element]) -> None:
    for child in element:
        name = _local(child.tag)
        if name in _ODF_SKIPPED or child.tag in _ODF_SKIPPED_TAGS:
            pass
        elif name == "s":
            count = _attr(child, "c")
            parts.append(" " * min(int(count), 100) if count.isdigit() else " ")
        elif name == "tab":
            parts.append(" ")
        elif name == "line-break":
            parts.append("\n")
        elif child.tag.startswith(f"{{{_DRAW}}}"):
            nested.append(child)  # a text box or shape: its paragraphs after this one
        else:
            if child.text:
                parts.append(child.text)
            _odf_runs(child, parts, nested)
        if child.tail:
            parts.append(child.tail)


def _odf_titled(p: ET.Element, parents: dict[str, str]) -> bool:
    """Whether a paragraph is a first-level heading, or set in a title's style
    («Title»; «rststyle-title» of Docutils), itself or the style its own is based on."""
    if _local(p.tag) == "h" and (_attr(p, "outline-level") or "1") == "1":
        return True
    style = _attr(p, "style-name")
    for name in (style, parents.get(style, "")):
        name = name.lower()
        if name == "title" or name.endswith("-title"):
            return True
    return False


def _attr(e: ET.Element, name: str) -> str:
    """An attribute of ``e`` by its local name, whatever its namespace; "" if absent."""
    return next((v for k, v in e.attrib.items() if _local(k) == name), "")


def _first_text(root: ET.Element, ns: str, name: str) -> str | None:
    for e in root.iter(f"{{{ns}}}{name}"):
        text = " ".join((e.text or "").split())
        if text:
            return text
    return None
