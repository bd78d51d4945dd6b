"""Comparing what the corpus no longer has: a clear error, not a bare KeyError."""

from __future__ import annotations

import pytest

from desktop.compare import comparison
from desktop.store.store import Store, StoreError


def test_comparing_an_outlet_that_is_gone_says_which(analysed: Store) -> None:
    """An outlet renamed onto another is merged into it: comparing it raised a bare
    KeyError, whose message is its id alone («3»), and the command line would have
    printed a traceback."""
    sana_004 = next(r.id for r in analysed.documents() if r.stem.startswith("004"))
    analysed.set_document_meta(sana_004, outlet="وكالة سانا")
    other, un_news = analysed.outlet_id("وكالة سانا"), analysed.outlet_id("UN News")
    assert other is not None and un_news is not None
    assert comparison.compare_outlets(analysed, other, un_news).a.documents == [sana_004]
    analysed.rename_outlet("وكالة سانا", "SANA")  # what `tabayun outlet rename` does
    for a, b in ((other, un_news), (un_news, other)):
        with pytest.raises(LookupError) as raised:
            comparison.compare_outlets(analysed, a, b)
        assert str(raised.value) == f"no outlet {other} (renamed onto another outlet, or removed)"
        # what the command line reports as a message, with no traceback
        assert isinstance(raised.value, StoreError)
