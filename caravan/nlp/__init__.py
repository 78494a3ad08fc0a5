"""Natural-language pipeline: spaCy plus Caravan's components, from an Article to a Record."""
