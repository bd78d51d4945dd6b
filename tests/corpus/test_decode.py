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
