"""Colours that mean something: entity types, framing categories, speakers. One place,
so the document highlights, the legend, the sidebar and the actor view agree."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QColor

#: background of a mention, by entity type (light enough for black text, legible in dark)
ENTITY_COLOURS = {
    "person": "#ffd59a",
    "organisation": "#b9d8ff",
    "group": "#ffb3b3",
    "state": "#c7f0c2",
    "place": "#e3d1ff",
    "media": "#d9d9d9",
}
ENTITY_TYPE_NAMES = {
    "person": "People",
    "organisation": "Organisations",
    "group": "Armed groups",
    "state": "States and governments",
    "place": "Places",
    "media": "Media",
}
#: underline of a label, by framing category
CATEGORY_COLOURS = {
    "official": "#1f6fb2",
    "neutral": "#6b6b6b",
    "delegitimising": "#c62828",
    "legitimising": "#2e7d32",
}
#: the categories' colours as text on the dark theme's background (those above are
#: about 3:1 on it, too dim to read words by)
CATEGORY_TEXT_ON_DARK = {
    "official": "#6cb4f0",
    "neutral": "#b4b4b4",
    "delegitimising": "#ff8a80",
    "legitimising": "#81c784",
}
#: shading of quotations: one colour per speaker, cycled
SPEAKER_SHADES = ("#fff4c2", "#e0f2f1", "#fde2e4", "#e8eaf6", "#f1f8e9", "#fff0e0")
SCARE_QUOTE_COLOUR = "#ad1457"
ALIGNED_SHADES = (
    "#fff59d",
    "#b2ebf2",
    "#f8bbd0",
    "#c5e1a5",
    "#d1c4e9",
    "#ffe0b2",
    "#b3e5fc",
    "#dcedc8",
)


def entity_type_name(entity_type: str) -> str:
    """The translated name of an entity type (literal calls, so lupdate finds them)."""
    names = {
        "person": QCoreApplication.translate("EntityTypes", "People"),
        "organisation": QCoreApplication.translate("EntityTypes", "Organisations"),
        "group": QCoreApplication.translate("EntityTypes", "Armed groups"),
        "state": QCoreApplication.translate("EntityTypes", "States and governments"),
        "place": QCoreApplication.translate("EntityTypes", "Places"),
        "media": QCoreApplication.translate("EntityTypes", "Media"),
    }
    return names.get(entity_type, entity_type)


def event_type_name(event_type: str) -> str:
    """The translated name of an event type."""
    names = {
        "talks": QCoreApplication.translate("EventTypes", "Talks"),
        "meeting": QCoreApplication.translate("EventTypes", "Meeting"),
        "call": QCoreApplication.translate("EventTypes", "Call"),
        "statement": QCoreApplication.translate("EventTypes", "Statement"),
        "visit": QCoreApplication.translate("EventTypes", "Visit"),
        "ceasefire": QCoreApplication.translate("EventTypes", "Ceasefire"),
        "offensive": QCoreApplication.translate("EventTypes", "Offensive"),
        "casualties": QCoreApplication.translate("EventTypes", "Casualties"),
        "displacement": QCoreApplication.translate("EventTypes", "Displacement"),
        "resolution": QCoreApplication.translate("EventTypes", "Resolution"),
        "agreement": QCoreApplication.translate("EventTypes", "Agreement"),
    }
    return names.get(event_type, event_type)


def entity_colour(entity_type: str) -> QColor:
    return QColor(ENTITY_COLOURS.get(entity_type, "#eeeeee"))


def category_text_colours(dark: bool) -> dict[str, str]:
    """The categories' colours for words written in them, on a light or a dark
    background."""
    return CATEGORY_TEXT_ON_DARK if dark else CATEGORY_COLOURS


def category_colour(category: str | None) -> QColor:
    return QColor(CATEGORY_COLOURS.get(category or "", "#888888"))


def speaker_shade(index: int) -> QColor:
    return QColor(SPEAKER_SHADES[index % len(SPEAKER_SHADES)])


def aligned_shade(index: int) -> QColor:
    return QColor(ALIGNED_SHADES[index % len(ALIGNED_SHADES)])


def entity_type_singular(entity_type: str) -> str:
    """One entity's type, as a highlight's tooltip names it."""
    names = {
        "person": QCoreApplication.translate("Marks", "person"),
        "organisation": QCoreApplication.translate("Marks", "organisation"),
        "group": QCoreApplication.translate("Marks", "armed group"),
        "state": QCoreApplication.translate("Marks", "state or government"),
        "place": QCoreApplication.translate("Marks", "place"),
        "media": QCoreApplication.translate("Marks", "media"),
    }
    return names.get(entity_type, entity_type)


def mark_kind_name(kind: str) -> str:
    """How a mention, a label or a quotation was found, as a tooltip says it."""
    names = {
        "role": QCoreApplication.translate("Marks", "named by a role"),
        "surname": QCoreApplication.translate("Marks", "surname"),
        "discovered": QCoreApplication.translate("Marks", "name found in the text"),
        "label": QCoreApplication.translate("Marks", "label"),
        "apposition": QCoreApplication.translate("Marks", "apposition"),
        "direct": QCoreApplication.translate("Marks", "direct"),
        "partial": QCoreApplication.translate("Marks", "partial"),
        "indirect": QCoreApplication.translate("Marks", "indirect"),
    }
    return names.get(kind, kind)


def label_note(category: str | None, kind: str) -> str:
    """What a label says of its actor (:func:`desktop.compare.comparison.label_note`),
    in the window's language."""
    if kind in ("scare_quote", "distancing", "quoted"):
        how = {
            "scare_quote": QCoreApplication.translate("Marks", "in scare quotes"),
            "distancing": QCoreApplication.translate("Marks", "distancing"),
            # a label inside quotation marks: the speaker's word, not the outlet's
            "quoted": QCoreApplication.translate("Marks", "in a quotation"),
        }[kind]
        if not category:
            return how
        # «in scare quotes, neutral»
        return QCoreApplication.translate("Marks", "{0}, {1}").format(how, category_name(category))
    if kind == "apposition" and not category:
        return mark_kind_name(kind)
    return category_name(category)


def category_name(category: str | None) -> str:
    """A framing category's name (a label without one names a role)."""
    names = {
        "official": QCoreApplication.translate("Marks", "official"),
        "neutral": QCoreApplication.translate("Marks", "neutral"),
        "delegitimising": QCoreApplication.translate("Marks", "delegitimising"),
        "legitimising": QCoreApplication.translate("Marks", "legitimising"),
    }
    if not category:
        return QCoreApplication.translate("Marks", "role")
    return names.get(category, category)


def verb_category_name(category: str | None) -> str:
    """A reporting verb's category (``resources/lexicons/reporting_verbs.tsv``), in the
    window's language; «—» for a verb without one."""
    names = {
        "neutral": QCoreApplication.translate("Marks", "neutral"),
        "assertive": QCoreApplication.translate("Marks", "assertive"),
        "warning": QCoreApplication.translate("Marks", "warning"),
        "evaluative": QCoreApplication.translate("Marks", "evaluative"),
        "doubting": QCoreApplication.translate("Marks", "doubting"),
        "directive": QCoreApplication.translate("Marks", "directive"),
        "denial": QCoreApplication.translate("Marks", "denial"),
        "announcing": QCoreApplication.translate("Marks", "announcing"),
    }
    if not category:
        return "—"
    return names.get(category, category)
