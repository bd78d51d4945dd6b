"""A comparison as JSON, CSV or a self-contained right-to-left HTML report (the PDF is
that HTML printed by a renderer the caller passes in)."""

from __future__ import annotations

import base64
import csv
import html
import io
import json
from functools import cache

from desktop.compare.comparison import ActorSide, Comparison, label_note
from desktop.paths import resource

CATEGORY_COLOURS = {
    "official": "#1f6fb2",
    "neutral": "#4d4d4d",
    "delegitimising": "#b2261f",
    "legitimising": "#2e8b3e",
}

#: first-strong isolate and its end (Unicode's bidi algorithm, read by browsers and Qt)
FSI, PDI = "\u2068", "\u2069"


def isolated(text: str) -> str:
    """``text`` escaped and set apart in its own direction. A side's label («#4 SANA»)
    in a right-to-left line otherwise lends its Latin letters to the numbers and arrow
    after it: «#4 SANA ↔ #5» came out as «SANA ↔ #5 #4», SANA beside the other document."""
    return f"{FSI}{html.escape(text)}{PDI}"


def to_json(comp: Comparison) -> str:
    return json.dumps(comp.as_dict(), ensure_ascii=False, indent=2)


def file_encoding(fmt: str) -> str:
    """How an export of ``fmt`` is written to a file: a CSV starts with the UTF-8 byte
    order mark, without which Excel reads its Arabic in the Windows code page."""
    return "utf-8-sig" if fmt == "csv" else "utf-8"


def to_csv(comp: Comparison) -> str:
    """One row per shared actor and side: labels, verbs, quotes, share of voice."""
    buf = io.StringIO()
    w = csv.writer(buf)
    w.writerow(
        [
            "actor",
            "type",
            "side",
            "mentions",
            "labels",
            "verbs",
            "quotes",
            "voice_words",
            "voice_share",
        ]
    )
    for row in comp.shared:
        for side_name, side in (("A: " + comp.a.label, row.a), ("B: " + comp.b.label, row.b)):
            w.writerow(
                [
                    row.name,
                    row.type,
                    side_name,
                    side.mentions,
                    " | ".join(f"{t} ({label_note(c, k)}) ×{n}" for t, c, k, n in side.labels),
                    " | ".join(f"{v} ×{n}" for v, _c, n in side.verbs),
                    " | ".join(side.quotes),
                    side.voice_words,
                    f"{side.voice_share:.3f}",
                ]
            )
    return buf.getvalue()


@cache
def _font_face() -> str:
    data = resource("fonts", "NotoNaskhArabic-Regular.ttf").read_bytes()
    b64 = base64.b64encode(data).decode("ascii")
    return (
        f"@font-face{{font-family:'Noto Naskh Arabic';"
        f"src:url(data:font/ttf;base64,{b64}) format('truetype');}}"
    )


def _side_html(side: ActorSide) -> str:
    e = html.escape
    labels = (
        "<br>".join(
            f'<span class="lab" style="color:{CATEGORY_COLOURS.get(c or "", "#333")}">{e(t)}</span>'
            f" <small>({e(label_note(c, k))}) ×{n}</small>"
            for t, c, k, n in side.labels
        )
        or "—"
    )
    verbs = "، ".join(f"{e(v)} ×{n}" for v, _c, n in side.verbs) or "—"
    quotes = "".join(f"<blockquote>«{e(q)}»</blockquote>" for q in side.quotes[:6]) or "—"
    return (
        f"<td>{labels}</td><td>{verbs}</td><td>{quotes}</td>"
        f"<td>{side.voice_words} ({side.voice_share:.0%})</td>"
    )


def to_html(comp: Comparison, *, embed_font: bool = True, title: str | None = None) -> str:
    """A report that opens anywhere: right to left, its Arabic font embedded."""
    e = html.escape
    # escaped, each label in its own direction
    head = e(title) if title else f"{isolated(comp.a.label)} ↔ {isolated(comp.b.label)}"
    rows = []
    for r in comp.shared:
        mark = ' class="diff"' if r.differs else ""
        rows.append(
            f"<tr{mark}><th rowspan=2>{e(r.name)}<br><small>{e(r.type)}</small></th>"
            f"<td class=side>A</td>{_side_html(r.a)}</tr>"
            f"<tr{mark}><td class=side>B</td>{_side_html(r.b)}</tr>"
        )
    passages = "".join(
        f"<tr><td>{e(pa)}</td><td>{e(pb)}</td><td>{s:.2f}</td></tr>"
        for pa, pb, s, _w in comp.passages
    )

    def names(items: list[tuple[int, str, str, int]]) -> str:
        return "، ".join(e(n) for _i, n, _t, _m in items) or "—"

    def events(items: list) -> str:  # type: ignore[type-arg]
        return (
            "".join(
                f"<li>{e(ev.type)}: {e(ev.shown_trigger)}"
                f"{' — ' + e(ev.date_text) if ev.date_text else ''}"
                f"{' — ' + e(ev.place_name) if ev.place_name else ''}</li>"
                for ev in items
            )
            or "<li>—</li>"
        )

    shared_events = (
        "".join(
            f"<li>{e(a.type)}: {e(a.shown_trigger)} ↔ {e(b.shown_trigger)}</li>"
            for a, b in comp.shared_events
        )
        or "<li>—</li>"
    )
    font = _font_face() if embed_font else ""
    titles_a = "<br>".join(e(t) for t in comp.a.titles)
    titles_b = "<br>".join(e(t) for t in comp.b.titles)
    return f"""<!DOCTYPE html>
<html lang="ar" dir="rtl"><head><meta charset="utf-8"><title>{head}</title>
<style>{font}
body{{font-family:'Noto Naskh Arabic','Noto Sans Arabic',serif;margin:2em;line-height:1.6}}
table{{border-collapse:collapse;width:100%;margin:1em 0}}
th,td{{border:1px solid #bbb;padding:.4em;vertical-align:top;text-align:right}}
tr.diff th{{background:#fff3cd}} td.side{{font-weight:bold;text-align:center}}
blockquote{{margin:.2em 0;padding:0 .6em;border-right:3px solid #999}}
h1{{font-size:1.4em}} small{{color:#666}} .lab{{font-weight:bold}}
</style></head><body>
<h1>{head}</h1>
<table><tr><th>A</th><td>{isolated(comp.a.label)}<br>{titles_a}</td></tr>
<tr><th>B</th><td>{isolated(comp.b.label)}<br>{titles_b}</td></tr></table>
<h2>الفاعلون المشتركون · Shared actors</h2>
<table><tr><th>الفاعل</th><th></th><th>التسميات</th><th>أفعال القول</th><th>الاقتباسات</th>
<th>حصة الصوت</th></tr>{"".join(rows)}</table>
<h2>في جانب واحد فقط · On one side only</h2>
<p><b>A:</b> {names(comp.only_a)}</p><p><b>B:</b> {names(comp.only_b)}</p>
<h2>المقاطع المتقابلة · Aligned passages</h2>
<table><tr><th>A</th><th>B</th><th>score</th></tr>{passages}</table>
<h2>الأحداث · Events</h2>
<p>مشتركة · shared</p><ul>{shared_events}</ul>
<p>A</p><ul>{events(comp.events_only_a)}</ul><p>B</p><ul>{events(comp.events_only_b)}</ul>
</body></html>
"""
