"""Loading and validating the shipped knowledge: gazetteer, roles, titles, nisbas, verbs."""
