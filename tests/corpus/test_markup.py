"""Corpora in XML or SGML: the Arabic Gigaword, the Abu El-Khair corpus, feeds, exports."""

from __future__ import annotations

import gzip
import html
import io
import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from desktop import importing
from desktop.corpus.fields import FieldMapping
from desktop.corpus.markup import markup_records
from desktop.corpus.sources import iter_sources
from desktop.importing import import_paths
from desktop.search import search
from desktop.store.store import Store
from tests.corpus.test_import import HARIRI, JAAFARI, KONASHENKOV

#: an article as the Arabic Gigaword holds it: SGML, no root, lines wrapped inside a
#: paragraph, an entity in capitals, the source and date only in the id
GIGAWORD_DOC = """<DOC id="AFP_ARB_20170301.{n:04d}" type="story" >
<HEADLINE>
الجعفري &AMP; الحريري في جنيف ({n})
</HEADLINE>
<DATELINE>
جنيف 1-3 (اف ب) -
</DATELINE>
<TEXT>
<P>
{first}
</P>
<P>
{second}
</P>
</TEXT>
</DOC>
"""


def _gigaword(count: int, first: int = 1) -> str:
    return "".join(
        GIGAWORD_DOC.format(
            n=n,
            first=JAAFARI.replace(" في ", "\nفي ", 1),  # wrapped, as the corpus is
            second=f"{HARIRI} (الخبر رقم {n})",
        )
        for n in range(first, first + count)
    )


ABU_EL_KHAIR = f"""<?xml version="1.0" encoding="windows-1256"?>
<Techreen_XML>
<Techreen>
<ID>17</ID>
<URL>http://tishreen.news.sy/tishreen/public/read/17</URL>
<Headline>موسكو تحذر</Headline>
<Dateline>2017-03-02</Dateline>
<Text>{KONASHENKOV}
{HARIRI}</Text>
</Techreen>
</Techreen_XML>
"""

FEED = f"""<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel>
<title>أخبار سوريا</title><link>https://example.org/</link>
<description>آخر الأخبار من سوريا</description>
<item>
<title>الجعفري يصف المعارضين</title>
<link>https://example.org/2017/03/01/jaafari</link>
<description><![CDATA[<p>{JAAFARI}</p><p>{HARIRI}</p>]]></description>
<pubDate>Wed, 01 Mar 2017 10:00:00 GMT</pubDate>
</item>
</channel></rss>
"""

#: paragraphs under an element whose attributes are the metadata
EXPORT = f"""<corpus>
<doc id="9" url="https://www.aljazeera.net/news/9" title="كوناشنكوف عن الرقة"
 date="2017-06-05" source="الجزيرة"><p>{KONASHENKOV}</p><p>{JAAFARI}<br/>{HARIRI}</p></doc>
</corpus>"""


@pytest.mark.parametrize(
    ("markup", "expected"),
    [
        (
            _gigaword(1),
            {
                "title": "الجعفري & الحريري في جنيف (1)",
                "text": f"{JAAFARI}\n{HARIRI} (الخبر رقم 1)",
                "date": "2017-03-01",
                "outlet": "AFP_ARB",
            },
        ),
        (
            ABU_EL_KHAIR,
            {
                "title": "موسكو تحذر",
                "text": f"{KONASHENKOV}\n{HARIRI}",
                "date": "2017-03-02",
                "url": "http://tishreen.news.sy/tishreen/public/read/17",
            },
        ),
        (
            FEED,
            {
                "title": "الجعفري يصف المعارضين",
                "text": f"{JAAFARI}\n{HARIRI}",
                "date": "Wed, 01 Mar 2017 10:00:00 GMT",
                "url": "https://example.org/2017/03/01/jaafari",
            },
        ),
        (
            EXPORT,
            {
                "title": "كوناشنكوف عن الرقة",
                "text": f"{KONASHENKOV}\n{JAAFARI} {HARIRI}",
                "date": "2017-06-05",
                "outlet": "الجزيرة",
                "url": "https://www.aljazeera.net/news/9",
            },
        ),
    ],
    ids=["gigaword", "abu el-khair", "rss", "attributes and paragraphs"],
)
def test_each_corpus_layout_gives_one_record_with_its_metadata(
    markup: str, expected: dict[str, str]
) -> None:
    fields = FieldMapping()
    found = markup_records(markup, fields)
    assert len(found.records) == 1 and found.cut_short is None
    record = found.records[0][1]
    keys = list(record)
    got = {
        name: record[key] for name in expected if (key := fields.key_for(name, keys)) is not None
    }
    assert got == expected


def test_a_record_left_open_at_the_end_is_kept_and_said_to_be_cut() -> None:
    found = markup_records(_gigaword(2)[:-40], FieldMapping())
    assert len(found.records) == 2 and found.cut_short == "DOC"
    assert found.records[1][1]["TEXT"].startswith(JAAFARI)


def _folder(tmp_path: Path) -> Path:
    folder = tmp_path / "gigaword"
    (folder / "data" / "afp_arb").mkdir(parents=True)
    # as LDC ships it: gzip files without an inner extension
    (folder / "data" / "afp_arb" / "afp_arb_201703.gz").write_bytes(
        gzip.compress(_gigaword(3).encode("utf-8"))
    )
    (folder / "Techreen_XML_cp1256.xml").write_bytes(ABU_EL_KHAIR.encode("cp1256"))
    (folder / "feed.xml").write_text(FEED, encoding="utf-8")
    (folder / "cut.sgml").write_text(_gigaword(2, first=10)[:-40], encoding="utf-8")
    (folder / "empty.xml").write_text("<corpus><meta>لا شيء</meta></corpus>", encoding="utf-8")
    # a README in HTML, as GitHub shows them, is no article; a saved page without an
    # extension is read as the page it is
    (folder / "README").write_text(
        '<div align="center"><h1>Arabic News Corpus</h1><p>A collection</p></div>\n',
        encoding="utf-8",
    )
    (folder / "12345").write_text(
        "<!DOCTYPE html><html><head><title>كوناشنكوف عن الرقة</title></head><body>"
        f"<nav><ul><li>الرئيسية</li></ul></nav><article><p>{KONASHENKOV}</p></article>"
        "</body></html>",
        encoding="utf-8",
    )
    return folder


def test_a_gigaword_style_folder_imports_with_outlets_dates_and_problems(
    store: Store, tmp_path: Path, parallel: bool
) -> None:
    folder = _folder(tmp_path)
    report = import_paths(store, [folder])

    docs = {r.source_path.removeprefix(str(folder) + "/"): r for r in store.documents()}
    afp = docs["data/afp_arb/afp_arb_201703.gz#2"]
    assert afp.outlet == "AFP" and afp.published is not None
    assert afp.published.isoformat() == "2017-03-01"
    assert afp.title == "الجعفري & الحريري في جنيف (2)"
    # named by its path in the folder imported
    assert afp.stem == "data/afp_arb/afp_arb_201703-2-AFP_ARB_20170301.0002"
    assert store.texts([afp.id])[afp.id] == f"{JAAFARI}\n{HARIRI} (الخبر رقم 2)"
    techreen = docs["Techreen_XML_cp1256.xml#1"]  # Windows-1256, told from the bytes
    assert (techreen.outlet, techreen.title) == ("Tishreen", "موسكو تحذر")
    assert store.texts([techreen.id])[techreen.id] == f"{KONASHENKOV}\n{HARIRI}"
    assert docs["feed.xml#1"].published.isoformat() == "2017-03-01"  # type: ignore[union-attr]
    # the cut file: both articles, and the cut reported
    assert {"cut.sgml#1", "cut.sgml#2"} <= set(docs)
    assert store.texts([docs["12345"].id])[docs["12345"].id] == KONASHENKOV
    assert len(docs) == 3 + 1 + 1 + 2 + 1
    skipped = {where.removeprefix(str(folder) + "/"): why for where, why in report.skipped}
    assert skipped == {
        "cut.sgml": "the file ends inside <DOC>: its last article is imported as far as it goes",
        "empty.xml": skipped["empty.xml"],
        "README": skipped["README"],
    }
    assert skipped["empty.xml"].startswith("no article found in the markup")
    assert "no extension" in skipped["README"]
    # searchable as any article: the headline's «&AMP;» and the wrapped line are text
    found = {hit.row.id for hit in search(store, "مفاوضات السلام", limit=50)}
    assert found == {d.id for d in docs.values() if JAAFARI in store.texts([d.id])[d.id]}
    assert len(found) == 3 + 1 + 2  # not the one from Tishreen


@pytest.mark.parametrize("split", [False, True], ids=["whole", "in pieces"])
def test_a_tagged_record_with_a_word_in_another_encoding_is_the_only_one_lost(
    store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, split: bool
) -> None:
    """One word of the seventh article saved in Windows-1256 in a UTF-8 file: that
    article is reported by its number and why, the others (of its piece too) imported;
    a file cut inside its last character is one cut short, its last article imported
    as far as it goes."""
    words = "(الخبر رقم 7)"
    data = _gigaword(20).encode("utf-8")
    assert data.count(words.encode()) == 1
    path = tmp_path / "afp_arb_201703.sgml"
    path.write_bytes(data.replace(words.encode(), words.encode("cp1256")))
    cut = tmp_path / "afp_arb_201704.sgml"
    whole = _gigaword(2, first=30).encode("utf-8")
    cut.write_bytes(whole[: whole.rindex("رقم".encode()) + 1])
    if split:
        monkeypatch.setattr(importing, "PIECE_BYTES", 3_000)  # about four records a piece
        assert importing._piece_count(next(iter_sources([path], []))) > 4
    report = import_paths(store, [path, cut])

    assert report.skipped == [
        (f"{path}#7", "bytes that are not UTF-8 text"),
        (str(cut), "the file ends inside <DOC>: its last article is imported as far as it goes"),
    ]
    names = {r.source_path for r in store.documents()}
    assert names == {f"{path}#{n}" for n in range(1, 21) if n != 7} | {f"{cut}#1", f"{cut}#2"}
    texts = store.texts([i for _, i in report.imported]).values()
    assert f"{HARIRI} (الخبر رقم 8)" in "".join(texts)
    assert any(t.endswith(f"{HARIRI} (الخبر") for t in texts)  # the last one, cut


def test_a_large_tagged_file_is_read_in_pieces_with_its_record_numbers(
    store: Store, tmp_path: Path, parallel: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "afp_arb_201703.sgml"
    # a closing tag in a comment, where a cut is looked for, is no record's end
    docs = _gigaword(40).replace(f"<P>\n{HARIRI}", f"<P>\n<!-- </DOC> -->{HARIRI}")
    path.write_text(docs, encoding="utf-8")
    monkeypatch.setattr(importing, "PIECE_BYTES", 3_000)  # about four records a piece
    source = next(iter_sources([path], []))
    assert importing._piece_count(source) > 5
    pieces = list(importing._pieces(importing._load(source), FieldMapping()))  # type: ignore[arg-type]
    assert len(pieces) > 5 and all(p.data.rstrip().endswith(b"</DOC>") for p in pieces)  # type: ignore[union-attr]
    report = import_paths(store, [path])

    assert not report.skipped and len(report.imported) == 40
    for doc in store.documents():  # named by its place in the whole file
        n = int(doc.source_path.rsplit("#", 1)[1])
        assert doc.title == f"الجعفري & الحريري في جنيف ({n})"
        assert store.texts([doc.id])[doc.id].endswith(f"(الخبر رقم {n})")


@given(
    st.lists(
        st.sampled_from(
            [
                *("<DOC>", "</DOC>", "<TEXT>", "</TEXT>", "<P>", "</P>", "<br/>", "<a b='c'>"),
                *("</x>", "&AMP;", "&#1575;", "<![CDATA[<p>", "]]>", "<!--", "-->", "<", ">"),
                *("\n", JAAFARI[:30], "الحريري", " "),
            ]
        ),
        max_size=40,
    ).map("".join)
)
@settings(max_examples=300, deadline=None)
def test_any_tag_soup_is_read_without_error(markup: str) -> None:
    """Whatever a damaged file holds, reading it never fails: each record found has its
    text field, and nothing of the file's own text is invented."""
    fields = FieldMapping()
    for _ordinal, record in markup_records(markup, fields).records:
        key = fields.key_for("text", list(record))
        assert key is not None
        assert set("".join(str(record[key]).split())) <= set(markup) | set(html.unescape(markup))


def _texts(markup: str) -> list[tuple[str | None, str]]:
    """(title, text) of each record found."""
    fields = FieldMapping()
    out = []
    for _n, record in markup_records(markup, fields).records:
        keys = list(record)
        title = fields.key_for("title", keys)
        text = fields.key_for("text", keys)
        assert text is not None
        out.append((record[title] if title else None, record[text]))
    return out


@pytest.mark.parametrize(
    ("markup", "expected"),
    [
        (  # a list, a quotation and a division inside an article are its paragraphs
            f'<doc title="ت"><p>{JAAFARI}</p><ul><li>أولا</li><li>ثانيا</li></ul>'
            f"<blockquote><p>{HARIRI}</p></blockquote><div><p>النهاية</p></div></doc>",
            [("ت", f"{JAAFARI}\nأولا\nثانيا\n{HARIRI}\nالنهاية")],
        ),
        (  # <article> as the record, though «article» is also a text field's name
            '<articles><article title="أ"><p>نص أول</p></article>'
            '<article title="ب"><p>نص ثان</p></article></articles>',
            [("أ", "نص أول"), ("ب", "نص ثان")],
        ),
        (  # metadata children are not the text
            "<doc><title>العنوان</title><date>2017-06-05</date><p>نص أول</p><p>نص ثان</p></doc>",
            [("العنوان", "نص أول\nنص ثان")],
        ),
        (  # words inside inline markup keep their spaces
            "<doc><p>قال<b> الرئيس </b>إن<i>ه</i> سيحضر</p></doc>",
            [(None, "قال الرئيس إنه سيحضر")],
        ),
        (  # SGML may leave an end tag out: a record or a paragraph opened closes its own
            f"<DOC><TEXT><P>{JAAFARI}<P>{HARIRI}</TEXT><DOC><TEXT><P>{KONASHENKOV}</TEXT></DOC>",
            [(None, f"{JAAFARI}\n{HARIRI}"), (None, KONASHENKOV)],
        ),
        (  # element names in Arabic, as the field names are
            f"<مقالات><مقال><العنوان>عنوان</العنوان><النص>{JAAFARI}</النص></مقال></مقالات>",
            [("عنوان", JAAFARI)],
        ),
        (  # a feed: the whole article over the excerpt, its HTML and entities read; the
            # channel (a sibling of its items in RSS 1.0) and a category are no articles
            "<rdf:RDF><channel><title>موقع</title><description>آخر الأخبار</description>"
            '</channel><item><title>خبر</title><itunes:category text="News"/>'
            "<description><![CDATA[<p>مقتطف [&#8230;]</p>]]></description>"
            f"<content:encoded><![CDATA[<p>{JAAFARI}</p><!-- wp:paragraph --><p>قال &#8220;نعم&#8221;"
            "&nbsp;اليوم</p><script>alert(1)</script>]]></content:encoded></item></rdf:RDF>",
            [("خبر", f"{JAAFARI}\nقال “نعم” اليوم")],
        ),
        (  # escaped HTML in a description
            "<rss><channel><item><title>خبر</title><description>&lt;p&gt;توم &amp;amp; "
            "جيري&lt;/p&gt;&lt;p&gt;فقرة&lt;/p&gt;</description></item></channel></rss>",
            [("خبر", "توم & جيري\nفقرة")],
        ),
        (  # an entity in plain text is read once: «&amp;amp;» is the text «&amp;»
            "<doc><title>AT&amp;T</title><p>شركة AT&amp;amp;T في النص</p></doc>",
            [("AT&T", "شركة AT&amp;T في النص")],
        ),
    ],
    ids=[
        "nested blocks",
        "article records",
        "metadata children",
        "inline markup",
        "end tags left out",
        "arabic names",
        "rss content",
        "escaped html",
        "entities once",
    ],
)
def test_layouts_found_in_real_files(markup: str, expected: list[tuple[str | None, str]]) -> None:
    assert _texts(markup) == expected


def test_ids_name_an_outlet_and_a_date_only_after_letters() -> None:
    fields = FieldMapping()
    found = markup_records(
        "<Alittihad><ID>120150101</ID><Text>نص</Text></Alittihad>"
        "<entry><id>tag:blogger.com,1999:post-20150101</id><title>t</title><content>نص</content>"
        '<link rel="replies" href="https://b.example/c/default"/>'
        '<link rel="alternate" href="https://b.example/2015/01/a.html"/></entry>',
        fields,
    )
    first, second = (record for _n, record in found.records)
    assert "date" not in first and first["outlet"] == "Alittihad"  # 120150101 is no date
    assert second["link"] == "https://b.example/2015/01/a.html"  # the article's own link


@pytest.mark.parametrize(
    "damage",
    [
        "x<y " * 50_000,  # a «<» that never closes, again and again
        "<a" + " " * 200_000,
        "<!--" * 50_000,  # comments that never close
        "<![CDATA[" * 20_000,
        "<P>" * 20_000 + "نص",  # paragraphs never closed
        "<x>" * 20_000 + "</y>" * 20_000,  # deep nesting, stray closing tags
    ],
    ids=["open brackets", "endless tag", "comments", "cdata", "paragraphs", "nesting"],
)
def test_damaged_files_are_read_whole(damage: str) -> None:
    """Each damage, in a file of some hundreds of kilobytes, between two articles: both
    are read (each step is linear: such a file once took minutes)."""
    markup = _gigaword(1) + damage + _gigaword(1, first=2)
    found = markup_records(markup, FieldMapping())
    numbers = [record["id"][-4:] for _n, record in found.records]
    assert numbers[0] == "0001" and "0002" in numbers


class _Trickle(io.RawIOBase):
    """A stream that gives at most ``most`` bytes a read, as a pipe may."""

    def __init__(self, data: bytes, most: int) -> None:
        self.data, self.at, self.most = data, 0, most

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        out = self.data[self.at : self.at + min(len(buffer), self.most)]
        buffer[: len(out)] = out
        self.at += len(out)
        return len(out)


def _records_file(lengths: list[int], jsonl: bool, tail: str) -> bytes:
    if jsonl:
        lines = [json.dumps({"text": "ن" * n}, ensure_ascii=False) for n in lengths]
        return ("\n".join(lines) + tail).encode("utf-8")
    # a closing tag in a comment and in CDATA, where cuts are looked for, ends no record
    parts = [
        f"<doc><text>{'ن' * n}<!-- </doc> --><![CDATA[</doc>]]></text></doc>\n" for n in lengths
    ]
    return ("<root>\n" + "".join(parts) + tail).encode("utf-8")


@settings(max_examples=300, deadline=None)
@given(
    lengths=st.lists(st.integers(0, 600), min_size=1, max_size=25),
    jsonl=st.booleans(),
    tail=st.sampled_from(["", "\n", "</root>\n", "\n\n"]),
    piece=st.integers(16, 1500),
    most=st.sampled_from([None, 1, 7, 700]),
)
def test_a_file_cut_in_pieces_loses_and_repeats_nothing(
    lengths: list[int], jsonl: bool, tail: str, piece: int, most: int | None
) -> None:
    raw = _records_file(lengths, jsonl, tail)
    ext = ".jsonl" if jsonl else ".xml"
    stream = io.BytesIO(raw) if most is None else _Trickle(raw, most)
    saved = importing.PIECE_BYTES, importing._MARKUP_SAMPLE
    # a cut can fall anywhere, on a read's end too; the first read is the larger of two
    # pieces and the sample the record tag is learnt from
    importing.PIECE_BYTES, importing._MARKUP_SAMPLE = piece, 64
    try:
        base = importing._Loaded("f" + ext, ext, b"", None)
        pieces = list(importing._cut(stream, base, FieldMapping()))  # type: ignore[arg-type]
    finally:
        importing.PIECE_BYTES, importing._MARKUP_SAMPLE = saved
    assert all(isinstance(p, importing._Loaded) for p in pieces)
    assert b"".join(p.data for p in pieces) == raw  # type: ignore[union-attr]
    counted = 1
    for p in pieces:
        assert p.first == counted  # type: ignore[union-attr]
        if jsonl:
            counted += p.data.count(b"\n")  # type: ignore[union-attr]
        else:  # each piece holds whole records, at least one
            assert p.data.count(b"<doc>") == p.data.count(b"</text></doc>") >= 1  # type: ignore[union-attr]
            counted += p.data.count(b"<doc>")  # type: ignore[union-attr]
    if len(raw) > 2 * piece + 600 * 2 + 100:  # long enough to be cut
        assert len(pieces) > 1
