"""Near-duplicates with MinHash LSH over word shingles, persisted through the store's signatures."""

from __future__ import annotations

from pathlib import Path

from caravan.link.duplicates import DuplicateIndex, load_index, shingles
from caravan.model import Article, Record
from caravan.settings import Settings
from caravan.store import Database

ORIGINAL = (
    "Several hundred people left the northern bus station before dawn on Tuesday, carrying backpacks and "
    "small children, and walked along the highway toward the river crossing. Volunteers handed out water "
    "and bread at a church on the edge of town, where many of the travellers rested during the hottest "
    "hours. Local officials said buses would be offered to families with young children, while the police "
    "kept traffic moving on the main road. Organisers said they expected more groups to follow in the "
    "coming days, and that the group planned to reach the capital by the end of the week."
)
# a syndicated copy with a light edit: a changed word and a changed number
EDITED = ORIGINAL.replace("Several hundred", "Hundreds of").replace("hottest", "warmest")
UNRELATED = (
    "The city council approved a new budget for road repairs on Thursday after a long debate about "
    "potholes, street lights and the cost of asphalt, and agreed to review the plan again next spring."
)


def index() -> DuplicateIndex:
    return DuplicateIndex(threshold=0.8, num_perm=128)


def test_duplicates_shingles_are_word_trigrams_case_folded() -> None:
    assert shingles("The Road, the river") == {b"the road the", b"road the river"}


def test_duplicates_short_text_is_one_shingle() -> None:
    assert shingles("Two words") == {b"two words"}


def test_duplicates_light_edit_is_found() -> None:
    idx = index()
    idx.add("orig", idx.signature(ORIGINAL))
    found = idx.find(idx.signature(EDITED))
    assert found is not None and found.original == "orig" and found.similarity >= 0.8


def test_duplicates_unrelated_text_is_not_found() -> None:
    idx = index()
    idx.add("orig", idx.signature(ORIGINAL))
    assert idx.find(idx.signature(UNRELATED)) is None


def test_duplicates_text_without_words_has_no_signature() -> None:
    assert index().signature("... --- !!!") is None


def test_duplicates_signature_survives_encoding() -> None:
    idx = index()
    minhash = idx.signature(ORIGINAL)
    _, data = idx.encode(minhash)
    assert idx.decode(data).jaccard(minhash) == 1.0


def test_duplicates_index_is_rebuilt_from_the_store(tmp_path: Path) -> None:
    settings = Settings(db_path=str(tmp_path / "c.db"))
    idx = DuplicateIndex.from_settings(settings)
    with Database(settings.db_path) as db:
        db.add_article(
            Article(id="orig", text=ORIGINAL), Record(id="orig"), signature=idx.encode(idx.signature(ORIGINAL))
        )
    with Database(settings.db_path) as db:
        rebuilt = load_index(db, settings)
    found = rebuilt.find(rebuilt.signature(EDITED))
    assert found is not None and found.original == "orig"


def test_duplicates_index_signs_stored_articles_without_a_signature(tmp_path: Path) -> None:
    settings = Settings(db_path=str(tmp_path / "c.db"))
    with Database(settings.db_path) as db:
        db.add_article(Article(id="orig", text=ORIGINAL), Record(id="orig"))
        load_index(db, settings)
        assert db.counts()["signatures"] == 1
