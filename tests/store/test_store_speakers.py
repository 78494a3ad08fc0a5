"""Speaker keys and display names: one person is one speaker across articles."""

from __future__ import annotations

from caravan.store.speakers import choose_names, fold, matches_speaker, resolve_surnames, speaker_key, speaker_name


def test_speakers_fold_ignores_case_accents_and_dots() -> None:
    assert fold("  José  A. Núñez ") == "jose a nunez"


def test_speakers_key_drops_honorifics() -> None:
    assert speaker_key("Dr. Amara Nwosu") == speaker_key("amara nwosu") == "amara nwosu"


def test_speakers_key_drops_a_leading_article() -> None:
    assert speaker_key("The Red Cross") == "red cross"


def test_speakers_no_name_has_no_key() -> None:
    assert speaker_key("  ") is None and speaker_name(None) is None


def test_speakers_display_name_is_the_part_the_key_covers() -> None:
    assert speaker_name("Dr. Amara Nwosu") == "Amara Nwosu"


def test_speakers_choose_names_prefers_the_most_used_then_mixed_case() -> None:
    pairs = [("amara nwosu", "AMARA NWOSU"), ("amara nwosu", "Amara Nwosu")]
    assert choose_names(pairs) == {"amara nwosu": "Amara Nwosu"}


def test_speakers_surname_matches_the_full_name() -> None:
    assert matches_speaker("amara nwosu", "Nwosu") and not matches_speaker("amara nwosu", "Amara")


def test_speakers_key_leaves_out_middle_initials() -> None:
    assert speaker_key("Amara K. Nwosu") == "amara nwosu"


def test_speakers_lone_surname_joins_the_dominant_full_name() -> None:
    assert resolve_surnames({"nwosu": 3, "amara nwosu": 9}) == {"nwosu": "amara nwosu"}


def test_speakers_shared_surname_stays_apart() -> None:
    assert resolve_surnames({"nwosu": 3, "amara nwosu": 5, "chidi nwosu": 5}) == {}
