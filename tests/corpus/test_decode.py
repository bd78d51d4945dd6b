from __future__ import annotations

import pytest

from desktop.corpus.decode import DecodeError, decode_bytes

ARTICLE = "قال ستافان دي ميستورا مبعوث الأمم المتحدة الخاص إلى سوريا، إنه ينبغي عقد المزيد من المحادثات.\r\nجنيف- سانا"


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        (ARTICLE.encode("utf-8"), "utf-8"),
        (b"\xef\xbb\xbf" + ARTICLE.encode("utf-8"), "utf-8"),
        (ARTICLE.encode("utf-16"), "utf-16-le"),
        (b"\xfe\xff" + ARTICLE.encode("utf-16-be"), "utf-16-be"),
        (ARTICLE.encode("cp1256"), "windows-1256"),
    ],
)
def test_decodes_the_encodings_arabic_news_comes_in(data: bytes, encoding: str) -> None:
    text, used = decode_bytes(data)
    assert used == encoding
    assert text == ARTICLE.replace("\r\n", "\n")


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"", "empty"),
        (b"  \n\r\n ", "empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00", "binary"),
        (bytes(range(256)) * 4, "binary"),
        ("Ceci n'est pas de l'arabe: été, à, où".encode("latin-1"), "not UTF-8"),
        (b"\xff\xfe" + b"\x00\xd8\x00\xd8", "byte-order mark"),
    ],
)
def test_refuses_rather_than_guessing(data: bytes, reason: str) -> None:
    with pytest.raises(DecodeError, match=reason):
        decode_bytes(data)


@pytest.mark.parametrize(
    "odd",
    [
        "\ue000\ue001",  # private use
        "\U000f0000",  # supplementary private use
        "\u0378\u0379",  # unassigned (in the Greek block)
        "\x85\x9f",  # C1 controls
        "\x01\x1f",  # C0 controls
    ],
)
def test_a_text_salted_with_characters_real_text_lacks_is_refused(odd: str) -> None:
    salted = "".join(ch + odd if i % 20 == 0 else ch for i, ch in enumerate(ARTICLE * 4))
    with pytest.raises(DecodeError, match="binary"):
        decode_bytes(salted.encode("utf-8"))
    assert decode_bytes((ARTICLE * 4).encode("utf-8"))[0] == (ARTICLE * 4).replace("\r\n", "\n")


def test_the_characters_left_unclassified_are_ordinary_ones() -> None:
    """Only characters outside ``_UNREMARKABLE`` are classified: none inside it may be a
    control (other than white space), private, unassigned or a surrogate, but for the
    surrogates bytes that are not text are kept as (counted apart)."""
    import unicodedata

    from desktop.corpus.decode import _ALLOWED_CONTROLS, _REMARKABLE_RE, ESCAPED_RE

    skipped = [chr(c) for c in range(0x110000) if not _REMARKABLE_RE.match(chr(c))]
    assert len(skipped) > 200  # Arabic letters and ASCII among them
    assert not [
        ch
        for ch in skipped
        if ch not in _ALLOWED_CONTROLS
        and unicodedata.category(ch) in ("Cc", "Co", "Cn", "Cs")
        and not ESCAPED_RE.match(ch)
    ]
    assert [ch for ch in skipped if unicodedata.category(ch) == "Cs"] == [
        chr(c) for c in range(0xDC80, 0xDD00)
    ]


@pytest.mark.parametrize(
    ("encoding", "name"),
    [("utf-8", "utf-8"), ("utf-8-sig", "utf-8"), ("cp1256", "windows-1256")],
)
def test_a_large_file_decodes_in_slices_to_the_same_text(encoding: str, name: str) -> None:
    from desktop.corpus.decode import decode_in_slices

    text = "\r\n".join(f"{i}\t{ARTICLE}" for i in range(200))
    data = text.encode(encoding)
    used, slices, escaped, cut = decode_in_slices(data, 1000)
    pieces = list(slices)
    assert (used, escaped, cut) == (name, False, False)
    assert len(pieces) > 20
    assert all(p.endswith("\n") for p in pieces[:-1])
    assert "".join(pieces) == decode_bytes(data)[0] == text.replace("\r\n", "\n")


def test_a_large_file_is_judged_whole_before_its_first_slice() -> None:
    """Bytes that make most of a file something else only near its end make the whole
    file Windows-1256 (or refused), never half of it read as UTF-8; a few stray bytes
    there leave it UTF-8, each kept as an escape."""
    from desktop.corpus.decode import decode_in_slices

    good = "\n".join([ARTICLE] * 100).encode("utf-8")
    french = "\nCeci n'est pas de l'arabe: été, à, où, déjà" * 3000
    with pytest.raises(DecodeError, match="not UTF-8"):
        decode_in_slices(good + french.encode("latin-1"), 1000)
    salted = good + ("\n" + "\x01" * 2000).encode("utf-8")
    with pytest.raises(DecodeError, match="binary"):
        decode_in_slices(salted, 1000)
    stray = good + "\nCeci a été là.\n".encode("latin-1")
    decoded = decode_in_slices(stray, 1000)
    assert (decoded.encoding, decoded.escaped, decoded.cut) == ("utf-8", True, False)
    assert "".join(decoded.slices) == stray.decode("utf-8", "surrogateescape").replace("\r\n", "\n")


#: the article on one line
LINE = ARTICLE.replace("\r\n", " ")


def test_a_word_in_another_encoding_is_kept_escaped_in_a_text_mostly_in_utf8() -> None:
    """A word saved in Windows-1256 in a UTF-8 file: the file is UTF-8, the word's bytes
    are kept as escapes (U+DC80 + byte) where they are, for what holds them to be
    refused; read whole, the file is refused, saying where."""
    import io

    from desktop.corpus.decode import decode_in_slices, decode_stream, decode_text

    lines = [f"{i} {LINE}".encode() for i in range(1, 51)]
    lines[30] = lines[30].replace("الأمم".encode(), "الأمم".encode("cp1256"))
    data = b"\r\n".join(lines)
    expected = data.decode("utf-8", "surrogateescape").replace("\r\n", "\n")
    assert "\udcc7\udce1" in expected  # «ال» in Windows-1256

    assert decode_text(data) == (expected, "utf-8", True, False)
    for decoded in (decode_in_slices(data, 500), decode_stream(lambda: io.BytesIO(data), 500)):
        assert (decoded.encoding, decoded.escaped, decoded.cut) == ("utf-8", True, False)
        assert "".join(decoded.slices) == expected
    with pytest.raises(DecodeError, match=r"^bytes that are not UTF-8 text \(line 31\)$"):
        decode_bytes(data)
    # a clean file is told so
    assert decode_text(b"\n".join(lines[:30])) == (
        b"\n".join(lines[:30]).decode("utf-8"),
        "utf-8",
        False,
        False,
    )


def test_a_text_cut_inside_a_character_is_told_cut_short() -> None:
    """The first byte of a character, its last ones missing: the file was cut short
    (an interrupted download); a file cut between two characters is not told."""
    from desktop.corpus.decode import decode_in_slices, decode_text

    data = "\n".join(f"{i} {LINE}" for i in range(1, 30)).encode("utf-8")
    at = data.rindex("سانا".encode())
    for cut, told in ((data[: at + 1], True), (data[: at + 3], True), (data[:at], False)):
        text, encoding, escaped, is_cut = decode_text(cut)
        assert (encoding, escaped, is_cut) == ("utf-8", told, told)
        assert text == cut.decode("utf-8", "surrogateescape")
        decoded = decode_in_slices(cut, 500)
        assert (decoded.escaped, decoded.cut) == (told, told)
        assert "".join(decoded.slices) == text
    with pytest.raises(DecodeError, match=r"^cut short: the file ends inside a character$"):
        decode_bytes(data[: at + 1])


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        # Arabic written as JSON escapes: ASCII but for one raw word no encoding explains
        (
            b'{"text": "\\u0627\\u0644\\u0623\\u0645\\u0645 '
            + "جنيف".encode("cp1256")
            + b'"}\n'
            + b'{"text": "\\u0627\\u0644\\u0623\\u0645\\u0645 \\u0627\\u0644\\u0645\\u062a"}\n'
            * 40,
            "utf-8",
        ),
        # Windows-1256 whose comma after a word makes a valid UTF-8 pair now and then
        ("\n".join([ARTICLE.replace(" ", "، ", 3)] * 20).encode("cp1256"), "windows-1256"),
    ],
)
def test_a_text_is_read_in_the_encoding_most_of_its_bytes_are_in(
    data: bytes, encoding: str
) -> None:
    from desktop.corpus.decode import decode_text

    assert decode_text(data).encoding == encoding


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "cp1256", "utf-16"])
def test_a_file_decoded_from_disk_gives_what_its_bytes_give(encoding: str) -> None:
    """:func:`decode_stream` reads the file again for its text, a slice at a time, and
    gives the slices :func:`decode_in_slices` gives of the same bytes."""
    import io

    from desktop.corpus.decode import decode_in_slices, decode_stream

    data = "\r\n".join(f"{i}\t{ARTICLE}" for i in range(200)).encode(encoding)
    opened: list[io.BytesIO] = []

    def opener() -> io.BytesIO:
        opened.append(io.BytesIO(data))
        return opened[-1]

    used, slices, _escaped, _cut = decode_stream(opener, 1000)
    judged = len(opened)
    pieces = list(slices)
    name, whole, _escaped, _cut = decode_in_slices(data, 1000)
    assert (used, "".join(pieces)) == (name, "".join(whole))
    assert all(p.endswith("\n") for p in pieces[:-1])
    assert len(pieces) > (0 if encoding == "utf-16" else 20)
    assert all(f.closed for f in opened)
    if encoding != "utf-16":  # read again for the text, not kept from the judging
        assert len(opened) == judged + 1


def test_a_windows_1256_file_reads_its_lines_written_in_utf_8_as_utf_8() -> None:
    """A file put together from several sources: one record pasted in UTF-8 among
    records in Windows-1256 was stored as «ط§ظ„ط£ظ…ظ…»."""
    lines = [
        "وقال المتحدث باسم الحكومة السورية إن الوفد سيعود إلى جنيف، الأسبوع المقبل.",
        "وأكدت المعارضة أنها لن تشارك في الجولة الجديدة.",
        "Geneva, 12 March: a text in English stays as it is.",
        "ط ،",  # a lone letter and a comma: not UTF-8 as Windows-1256 has them
    ] * 5
    pasted = "قال ستافان دي ميستورا إن المحادثات ستستأنف في «أقرب وقت»."
    data = b"\n".join(
        [line.encode("cp1256") for line in lines[:7]]
        + [pasted.encode("utf-8")]
        + [line.encode("cp1256") for line in lines[7:]]
    )
    text, used = decode_bytes(data)
    assert used == "windows-1256"
    assert text.split("\n") == [*lines[:7], pasted, *lines[7:]]


@pytest.mark.parametrize(
    ("utf8", "cp1256"),
    [
        ("“Geneva talks” — a café near the Palais des Nations", ""),
        ("Bogotá, Perú, peut-être, Álvaro, Erdoğan, Straße", ""),
        ("Great news 😀 5 € in Москва", ""),
        ("قال ستافان دي ميستورا إن المحادثات ستستأنف.", "أ، ب، ع،"),
    ],
    ids=[
        "a utf-8 line with no arabic",
        "latin letters whose second byte is arabic in windows-1256",
        "an emoji, the euro, cyrillic",
        "a windows-1256 line that is utf-8 too",
    ],
)
def test_a_windows_1256_file_tells_the_lines_of_the_other_encoding_that_look_alike(
    utf8: str, cp1256: str
) -> None:
    """A line pasted in UTF-8 with no Arabic in it («“Geneva” — café») was read as
    Windows-1256 («â€œGenevaâ€‌ â€” cafأ©») unless an Arabic line in UTF-8 was in the same
    slice, so a file read whole and read from the disk in slices could differ; a line
    of Windows-1256 made of letters each followed by a comma is UTF-8 too («أ، ب، ع،»
    reads as «á ȡ ڡ»), and near a line in UTF-8 was read so. Latin letters whose second
    byte in UTF-8 is Arabic in Windows-1256 («á» is «أ،») stay UTF-8."""
    lines = [
        "وقال المتحدث باسم الحكومة السورية إن الوفد سيعود إلى جنيف، الأسبوع المقبل.",
        "وأكدت المعارضة أنها لن تشارك في الجولة الجديدة.",
    ] * 5
    pasted = [utf8.encode("utf-8")] + ([cp1256.encode("cp1256")] if cp1256 else [])
    data = b"\n".join(
        [line.encode("cp1256") for line in lines[:5]]
        + pasted
        + [line.encode("cp1256") for line in lines[5:]]
    )
    if cp1256:
        assert cp1256.encode("cp1256").decode("utf-8") == "á ȡ ڡ"
    expected = [*lines[:5], utf8, *([cp1256] if cp1256 else []), *lines[5:]]
    text, used = decode_bytes(data)
    assert used == "windows-1256"
    assert text.split("\n") == expected
    from desktop.corpus.decode import decode_in_slices

    _used, slices, _escaped, _cut = decode_in_slices(data, 100)
    assert "".join(slices).split("\n") == expected


def test_a_utf_8_file_reads_its_lines_in_windows_1256_as_windows_1256() -> None:
    """The other way round: records saved in Windows-1256 pasted into a file of UTF-8
    were reported as «bytes that are not UTF-8 text» and left out; a UTF-8 line with a
    stray byte still keeps it as an escape, to be reported."""
    utf8 = [
        "وقال المتحدث باسم الحكومة السورية إن الوفد سيعود إلى جنيف، الأسبوع المقبل.",
        "وأكدت المعارضة أنها لن تشارك في الجولة الجديدة «قبل الاتفاق».",
    ] * 6
    legacy = "قال ستافان دي ميستورا إن المحادثات ستستأنف في أقرب وقت؟"
    stray = "وقال مصدر مطلع إن الجولة ستعقد"
    data = b"\n".join(
        [line.encode("utf-8") for line in utf8[:5]]
        + [legacy.encode("cp1256"), stray.encode("utf-8") + b"\xff"]
        + [line.encode("utf-8") for line in utf8[5:]]
    )
    from desktop.corpus.decode import decode_text

    text, used, escaped, cut = decode_text(data)
    assert (used, escaped, cut) == ("utf-8", True, False)
    lines = text.split("\n")
    assert lines[:6] == [*utf8[:5], legacy] and lines[7:] == utf8[5:]
    assert lines[6] == stray + "\udcff"


@pytest.mark.parametrize(
    "odd",
    [b"\xe0\x80\x80", b"\xed\xa0\x80", b"\xf4\x90\x80\x80", b"\xf0\x80\x80\x80"],
)
def test_bytes_shaped_like_utf_8_that_utf_8_forbids_are_windows_1256(odd: bytes) -> None:
    """An overlong form (E0 80 80), a surrogate (ED A0 80) or a code point past U+10FFFF
    on a line of a Windows-1256 file was taken for a UTF-8 line, whose decoding then
    failed with a traceback: such bytes are no UTF-8, and the line is read as the rest."""
    body = ARTICLE.encode("cp1256")
    data = body + b"\r\n" + odd + b"\r\n" + body
    try:
        text, used = decode_bytes(data)
    except DecodeError as exc:  # refused with a reason is fine, a crash is not
        assert str(exc)
        return
    assert used == "windows-1256" and text.startswith(ARTICLE.replace("\r\n", "\n"))
