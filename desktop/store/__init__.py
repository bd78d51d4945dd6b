"""Persistence: SQLAlchemy models, migrations, the writer and read queries.

Offsets convention (everywhere in the store): ``start``/``end`` are Python code-point
indices into ``documents.text`` (the original text as decoded, line ends folded to
``\\n``), half-open ``[start, end)``. The UI converts to UTF-16 in one function.
"""
