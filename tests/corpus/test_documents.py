"""Word documents (.docx) and OpenDocument texts (.odt), on real Arabic text.

``tests/data/geneva.odt`` was written by Docutils 0.19's OpenDocument writer from
``tests/data/geneva.rst`` (``publish_file(..., writer_name="odf_odt")``): a title, two
paragraphs of the seed corpus, a footnote and a list. The Word documents are written by
:func:`tests.corpus.documents.save_docx`.
"""

from __future__ import annotations

import io
import shutil
import zipfile
from pathlib import Path

from desktop.analysing import analyse_documents
from desktop.corpus.office import office_text
from desktop.importing import import_paths
from desktop.store.store import Store
from tests.corpus.documents import ARABIC_STYLES, paragraph, run, save_docx
from tests.corpus.imported import GENEVA, PLEDGE, imported, said

DATA = Path(__file__).resolve().parent.parent / "data"
TITLE = "وفد الجمهورية يلتقي دي ميستورا في جنيف"
SAID = "وقال الجعفري إن اللقاء كان مثمرا."


def _article(path: Path) -> None:
    """A Word document as a journalist saves one: a heading, the text split in runs by
    its formatting, a link, a tracked change, a text box, a table, a footnote and a
    field."""
    first, rest = GENEVA.split(" برئاسة ")
    box = paragraph(run("ستافان دي ميستورا مبعوث الأمم المتحدة"))
    drawing = (
        '<mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wp:anchor>'
        "<wps:wsp><wps:txbx><w:txbxContent>"
        f"{box}"
        "</w:txbxContent></wps:txbx></wps:wsp></wp:anchor></w:drawing></mc:Choice>"
        "<mc:Fallback><w:pict><v:shape><v:textbox><w:txbxContent>"
        f"{box}"
        "</w:txbxContent></v:textbox></v:shape></w:pict></mc:Fallback></mc:AlternateContent>"
    )
    table = (
        "<w:tbl><w:tblPr><w:bidiVisual/></w:tblPr><w:tr><w:tc>"
        f"{paragraph(run('الوفد'))}</w:tc><w:tc>{paragraph(run('جنيف'))}</w:tc></w:tr></w:tbl>"
    )
    save_docx(
        path,
        [
            paragraph(run(TITLE), style="Heading1"),
            paragraph(
                '<w:bookmarkStart w:id="0" w:name="_GoBack"/>',
                run(first + " "),
                '<w:proofErr w:type="spellStart"/>',
                run("برئاسة"),
                '<w:proofErr w:type="spellEnd"/>',
                run(" " + rest),
                '<w:bookmarkEnd w:id="0"/>',
            ),
            paragraph(
                run(PLEDGE.removesuffix(".")),
                '<w:r><w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr>'
                '<w:footnoteReference w:id="1"/></w:r>',
                run("."),
            ),
            paragraph(
                run("وقال "),
                '<w:hyperlink r:id="rId9" w:history="1">',
                run("الجعفري"),
                "</w:hyperlink>",
                '<w:del w:id="3" w:author="محرر" w:date="2026-11-20T10:00:00Z">'
                '<w:r><w:delText xml:space="preserve"> أمس</w:delText></w:r></w:del>',
                '<w:ins w:id="4" w:author="محرر" w:date="2026-11-20T10:00:00Z">',
                run(" إن اللقاء كان مثمرا."),
                "</w:ins>",
            ),
            paragraph(
                '<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
                '<w:r><w:instrText xml:space="preserve"> PAGE </w:instrText></w:r>'
                '<w:r><w:fldChar w:fldCharType="separate"/></w:r>',
                drawing,
                '<w:r><w:fldChar w:fldCharType="end"/></w:r>',
            ),
            table,
            paragraph(),
        ],
        title="مسودة",
    )


def test_a_word_document_is_one_article_read_as_it_reads(store: Store, tmp_path: Path) -> None:
    """Its heading is the title; each paragraph a line, a blank line between them; the
    text a tracked change deleted, the footnote's mark, the field's code and the text
    box's copy for older readers are not the article's."""
    _article(tmp_path / "جنيف.docx")
    report = import_paths(store, [tmp_path / "جنيف.docx"])
    assert said(report) == ([], [])
    [(title, _outlet, _date, text)] = imported(store).values()
    assert title == TITLE
    assert text == "\n\n".join(
        [
            TITLE,
            GENEVA,
            PLEDGE,
            SAID,
            "ستافان دي ميستورا مبعوث الأمم المتحدة",
            "الوفد",
            "جنيف",
        ]
    )
    analyse_documents(store)
    [doc] = store.documents()
    # the mentions sit on the words of the stored text
    found = {(text[m.start : m.end], name) for m, name, _type in store.document_mentions(doc.id)}
    assert {("الجعفري", "بشار الجعفري"), ("ستافان دي ميستورا", "ستافان دي ميستورا")} <= found
    quotes = store.quotes_for(documents=[doc.id])
    assert [(q.speaker_name, q.text) for q in quotes if q.text == "اللقاء كان مثمرا"] == [
        ("بشار الجعفري", "اللقاء كان مثمرا")
    ]


def test_an_opendocument_text_is_one_article(store: Store, tmp_path: Path) -> None:
    """The title in its title's style, the list's items as paragraphs, no footnote."""
    shutil.copy(DATA / "geneva.odt", tmp_path / "geneva.odt")
    report = import_paths(store, [tmp_path / "geneva.odt"])
    assert said(report) == ([], [])
    [(title, _outlet, _date, text)] = imported(store).values()
    assert title == TITLE
    assert text == "\n\n".join(
        [TITLE, GENEVA, PLEDGE, SAID, "وأضاف أن الجولة المقبلة ستعقد في أيلول."]
    )
    assert "حاشية" not in text


def test_a_document_without_a_heading_takes_the_title_of_its_properties(tmp_path: Path) -> None:
    save_docx(tmp_path / "a.docx", [paragraph(run(GENEVA))], title=TITLE)
    found = office_text((tmp_path / "a.docx").read_bytes(), ".docx")
    assert (found.title, found.text) == (TITLE, GENEVA)
    save_docx(tmp_path / "b.docx", [paragraph(run(GENEVA))])
    assert office_text((tmp_path / "b.docx").read_bytes(), ".docx").title is None


def test_documents_in_an_archive_are_read(store: Store, tmp_path: Path) -> None:
    _article(tmp_path / "جنيف.docx")
    with zipfile.ZipFile(tmp_path / "ملفات.zip", "w") as z:
        z.write(tmp_path / "جنيف.docx", "تشرين/جنيف.docx")
        z.write(DATA / "geneva.odt", "geneva.odt")
    report = import_paths(store, [tmp_path / "ملفات.zip"])
    assert said(report) == ([], [])
    assert sorted(r.source_path.split("!")[1] for r in store.documents()) == [
        "geneva.odt",
        "تشرين/جنيف.docx",
    ]


def test_documents_that_cannot_be_read_are_reported_and_the_import_goes_on(
    store: Store, tmp_path: Path
) -> None:
    folder = tmp_path / "docs"
    folder.mkdir()
    _article(folder / "good.docx")
    data = (folder / "good.docx").read_bytes()
    (folder / "cut.docx").write_bytes(data[: len(data) // 2])
    shutil.copy(DATA / "locked.xlsx", folder / "locked.docx")
    shutil.copy(DATA / "coverage.xls", folder / "sheet.docx")
    shutil.copy(DATA / "coverage.ods", folder / "sheet.odt")
    (folder / "text.docx").write_text(GENEVA, encoding="utf-8")
    (folder / "old.doc").write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504))
    save_docx(folder / "empty.docx", [paragraph(), paragraph(run("  "))])
    report = import_paths(store, [folder])
    skipped = dict(said(report)[0])
    assert list(imported(store)) == ["good.docx"]
    assert skipped["cut.docx"].startswith("damaged Word document (BadZipFile:")
    assert skipped["locked.docx"] == (
        "a Word document saved with a password is not read: save it again without one"
    )
    assert skipped["sheet.docx"] == (
        "not a Word document: an Office file of another kind saved under its name"
    )
    assert skipped["sheet.odt"] == (
        "not an OpenDocument text: a spreadsheet or a presentation saved under its name"
    )
    assert skipped["text.docx"].startswith("not a Word document: a text or web page")
    assert skipped["old.doc"] == (
        "unsupported file type '.doc': save it as a Word document (.docx) or as plain text (.txt)"
    )
    assert skipped["empty.docx"] == "empty document: it holds no text"
    assert len(skipped) == 7


def test_a_sidecar_gives_a_document_its_outlet_and_date(store: Store, tmp_path: Path) -> None:
    """A document's own dates are when it was saved: the article's come from beside it."""
    folder = tmp_path / "docs"
    folder.mkdir()
    _article(folder / "جنيف.docx")
    (folder / "جنيف.json").write_text('{"outlet": "سانا", "date": "2017-07-10"}', encoding="utf-8")
    report = import_paths(store, [folder])
    assert said(report) == ([], [])
    [(title, outlet, date, _text)] = imported(store).values()
    assert (title, outlet, date) == (TITLE, "SANA", "2017-07-10")


def test_an_opendocument_text_saved_with_a_password_says_so(store: Store, tmp_path: Path) -> None:
    """Its parts are encrypted, and its manifest says how: it is not «damaged»."""
    with (
        zipfile.ZipFile(DATA / "geneva.odt") as src,
        zipfile.ZipFile(tmp_path / "locked.odt", "w") as out,
    ):
        for info in src.infolist():
            data = src.read(info)
            if info.filename == "META-INF/manifest.xml":
                data = data.replace(
                    b'manifest:full-path="content.xml"/>',
                    b'manifest:full-path="content.xml"><manifest:encryption-data '
                    b'manifest:checksum-type="SHA1/1K" manifest:checksum="AAAA"/>'
                    b"</manifest:file-entry>",
                )
                assert b"encryption-data" in data
            elif info.filename == "content.xml":
                data = bytes(b ^ 0x5A for b in data)  # encrypted, as far as a reader can tell
            out.writestr(info, data)
    report = import_paths(store, [tmp_path / "locked.odt"])
    assert said(report)[0] == [
        (
            "locked.odt",
            "an OpenDocument text saved with a password is not read: save it again without one",
        )
    ]


def test_word_as_set_up_for_arabic_and_word_online_are_read(tmp_path: Path) -> None:
    """An Arabic Word names the id of «heading 1» ``1`` and of «Title» ``a3``; Word Online
    saves the main part as ``word/document2.xml``. Hidden text is not read."""
    for style in ("1", "a3"):
        save_docx(
            tmp_path / "ar.docx",
            [paragraph(run(TITLE), style=style), paragraph(run(GENEVA))],
            styles=ARABIC_STYLES,
        )
        found = office_text((tmp_path / "ar.docx").read_bytes(), ".docx")
        assert (found.title, found.text) == (TITLE, f"{TITLE}\n\n{GENEVA}")
    hidden = '<w:r><w:rPr><w:vanish/></w:rPr><w:t xml:space="preserve"> مخفي</w:t></w:r>'
    save_docx(
        tmp_path / "online.docx",
        [paragraph(run(GENEVA.removesuffix(".")), hidden, run("."))],
        main="word/document2.xml",
    )
    assert office_text((tmp_path / "online.docx").read_bytes(), ".docx").text == GENEVA


def test_an_opendocument_s_shapes_and_page_frames_do_not_run_into_its_text() -> None:
    """A shape's paragraphs come after the paragraph that holds it, not inside it; a
    frame anchored to the page, before the first paragraph, is no title."""
    ns = (
        'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
        'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
        'xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0"'
    )
    body = (
        "<draw:frame><draw:text-box><text:p>صورة الوفد</text:p></draw:text-box></draw:frame>"
        f'<text:h text:outline-level="1">{TITLE}</text:h>'
        f"<text:p>{GENEVA.removesuffix('.')}<draw:custom-shape><text:p>جنيف</text:p>"
        "</draw:custom-shape>.</text:p>"
    )
    data = io.BytesIO()
    with zipfile.ZipFile(data, "w") as z:
        z.writestr("mimetype", "application/vnd.oasis.opendocument.text")
        z.writestr(
            "content.xml",
            f"<office:document-content {ns}><office:body><office:text>{body}</office:text>"
            "</office:body></office:document-content>",
        )
    found = office_text(data.getvalue(), ".odt")
    assert found.title == TITLE
    assert found.text == "\n\n".join(["صورة الوفد", TITLE, GENEVA, "جنيف"])
