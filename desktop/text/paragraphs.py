"""Paragraphs that repeat earlier text: a scraped teaser, a duplicated caption or title."""

from __future__ import annotations

from desktop.text.normalize import normalize


def repeated_paragraphs(text: str, spans: list[tuple[int, int]], min_teaser: int = 40) -> set[int]:
    """Indices of paragraphs whose content is already given elsewhere in the document.

    A paragraph equal to an earlier one is repeated. A paragraph of at least
    ``min_teaser`` characters that the following paragraphs start with (white space
    aside) is a teaser of the body that follows, cut off mid-word as scrapers do.
    """
    return repeated_among([normalize(text[a:b]) for a, b in spans], min_teaser)


def repeated_among(normalised: list[str], min_teaser: int = 40) -> set[int]:
    """:func:`repeated_paragraphs` over paragraphs already normalised."""
    squashed = ["".join(p.split()) for p in normalised]  # white space left out
    repeated: set[int] = set()
    seen: set[str] = set()
    for i, sq in enumerate(squashed):
        if sq in seen:
            repeated.add(i)
            continue
        seen.add(sq)
        if len(sq) >= min_teaser and i + 1 < len(squashed):
            following = ""
            for nxt in squashed[i + 1 :]:
                following += nxt
                if len(following) >= len(sq):
                    break
            if following.startswith(sq) and following != sq:
                repeated.add(i)
    return repeated
