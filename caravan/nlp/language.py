"""Language identification of an article's text (English, Spanish or other)."""

from __future__ import annotations

MIN_CHARS = 20  # below this, identification is a guess: assume English, the common case of short test texts
SAMPLE_CHARS = 5000  # enough text for a stable answer, cheap on long articles


def detect_language(text: str) -> str:
    """ISO 639-1 code of the text's language (py3langid), ``"en"`` for very short texts."""
    sample = text[:SAMPLE_CHARS].strip()
    if len(sample) < MIN_CHARS:
        return "en"
    import py3langid  # loads its model on first use

    lang, _score = py3langid.classify(sample)
    return str(lang)
