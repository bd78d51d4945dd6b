"""Comparison of documents and outlets: passage alignment, actor frames, corpus views."""
