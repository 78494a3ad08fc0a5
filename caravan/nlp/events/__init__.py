"""Events: migration events (depart, cross, block, detain...) with their arguments and modality.

``assemble`` turns English trigger matches into events; ``triggers`` matches the rules of
``caravan/data/events/triggers.json``; ``arguments`` reads who, where, when and how many from the trigger's
clause (``clause`` holds the dependency helpers); ``modality`` reads whether it happened; ``lexicon`` loads the
word lists. ``spanish`` and ``lexicon_es`` are the rules for Spanish articles.
"""

from caravan.nlp.events.assemble import EventFinder, find_events
from caravan.nlp.events.spanish import SpanishEventFinder, find_events_es

__all__ = ["EventFinder", "SpanishEventFinder", "find_events", "find_events_es"]
