"""Views of extracted and stored data as people read them: plain words (``words``) and rich terminal tables."""
