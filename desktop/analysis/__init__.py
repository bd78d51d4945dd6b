"""Analysis: entities, variants and coreference (later: labels, quotes, events)."""
