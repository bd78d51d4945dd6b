"""Pure text functions: normalisation with offset maps, tokens, sentences, dates."""
