"""The link tables of the store: written whole by one relink, read by the query functions."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable
from typing import Any

from caravan.store import Database

DELETE_ALL = (
    "DELETE FROM link_mentions",
    "DELETE FROM link_events",
    "DELETE FROM link_legs",
    "DELETE FROM link_movements",
    "DELETE FROM link_stories",
)
INSERT_STORY = "INSERT INTO link_stories (article_id, story_id) VALUES (?, ?)"
INSERT_EVENT = (
    "INSERT INTO link_events (id, seq, type, modality, place, country, lat, lon, date, date_bound, "
    "stories, json) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
)
INSERT_MENTION = "INSERT INTO link_mentions (article_id, idx, event_id, modality) VALUES (?, ?, ?, ?)"
INSERT_MOVEMENT = (
    "INSERT INTO link_movements (id, seq, label, status, first_seen, last_seen, json) VALUES (?, ?, ?, ?, ?, ?, ?)"
)
INSERT_LEG = (
    "INSERT INTO link_legs (movement_id, idx, planned, date, place, country, lat, lon) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"
)
SET_STATE = "INSERT INTO link_state (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value"
STATE_KEY = "fingerprint"  # what the links were built from: article count and last article seq


def store_fingerprint(conn: sqlite3.Connection) -> str:
    """A value that changes whenever an article is added or removed."""
    count, last = conn.execute("SELECT count(*), coalesce(max(seq), 0) FROM articles").fetchone()
    return f"{count}:{last}"


def linked_fingerprint(conn: sqlite3.Connection) -> str | None:
    row = conn.execute("SELECT value FROM link_state WHERE key = ?", (STATE_KEY,)).fetchone()
    return row[0] if row else None


def save_links(
    db: Database,
    stories: dict[str, str],
    events: list[dict[str, Any]],
    movements: list[dict[str, Any]],
    fingerprint: str,
) -> None:
    """Replace every link table's rows with these, in one transaction."""
    with db.transaction() as conn:
        for statement in DELETE_ALL:
            conn.execute(statement)
        conn.executemany(INSERT_STORY, sorted(stories.items()))
        conn.executemany(INSERT_EVENT, [_event_row(i, e) for i, e in enumerate(events)])
        conn.executemany(INSERT_MENTION, _mention_rows(events))
        conn.executemany(INSERT_MOVEMENT, [_movement_row(i, m) for i, m in enumerate(movements)])
        conn.executemany(INSERT_LEG, [row for m in movements for row in _leg_rows(m)])
        conn.execute(SET_STATE, (STATE_KEY, fingerprint))


def _event_row(seq: int, e: dict[str, Any]) -> tuple[Any, ...]:
    return (
        e["id"],
        seq,
        e["type"],
        e["modality"],
        e["place"],
        e["country"],
        e["lat"],
        e["lon"],
        e["date"],
        e["date_bound"],
        e["stories"],
        json.dumps(e, ensure_ascii=False),
    )


def _mention_rows(events: Iterable[dict[str, Any]]) -> list[tuple[Any, ...]]:
    return [(m["article"], m["idx"], e["id"], m["modality"]) for e in events for m in e["mentions"]]


def _movement_row(seq: int, m: dict[str, Any]) -> tuple[Any, ...]:
    return (m["id"], seq, m["label"], m["status"], m["first_seen"], m["last_seen"], json.dumps(m, ensure_ascii=False))


def _leg_rows(m: dict[str, Any]) -> list[tuple[Any, ...]]:
    legs = [(0, leg) for leg in m["legs"]] + [(1, leg) for leg in m.get("planned", [])]
    return [
        (m["id"], i, planned, leg.get("date"), leg.get("place"), leg.get("country"), leg.get("lat"), leg.get("lon"))
        for i, (planned, leg) in enumerate(legs)
    ]


def read_json(db: Database, table: str, where: str = "", args: tuple[Any, ...] = ()) -> list[dict[str, Any]]:
    """The JSON objects of a link table (``link_events`` or ``link_movements``) in their order."""
    with db.reader() as conn:
        rows = conn.execute(f"SELECT json FROM {table} {where} ORDER BY seq", args).fetchall()
    return [json.loads(r[0]) for r in rows]
