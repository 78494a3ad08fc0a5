"""Quotes: direct, indirect and mixed quotes with their speaker, role, channel and credited outlet.

``assemble`` runs the finders and merges their results; ``direct`` reads quotation marks (``marks``),
``indirect`` reads cue verbs, "according to" and reporting nouns; ``spanish`` holds the rules for Spanish and
for text without a parse; ``speakers`` expands and resolves who spoke; ``posts`` reads embedded social posts;
``parts`` holds the shared found-quote record; ``data`` loads the word lists of ``caravan/data/quotes/``.
"""

from caravan.nlp.quotes.assemble import QuoteFinder, find_quotes, normalise_speaker

__all__ = ["QuoteFinder", "find_quotes", "normalise_speaker"]
