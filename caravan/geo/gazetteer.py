"""Where the gazetteer lives and how it is opened: settings.gazetteer_path, or a cached file built on first use."""

from __future__ import annotations

import functools
import hashlib
import logging
import os
import threading
import time
from pathlib import Path

from caravan.errors import GazetteerError
from caravan.geo.curated import curated_digest
from caravan.geo.store import Gazetteer
from caravan.settings import Settings

log = logging.getLogger(__name__)

SCHEMA_VERSION = "5"  # bump when the build changes what goes into the file
STALE_AFTER_S = 86400  # age after which another version's default file is deleted
# The code that decides what goes into the file: an edit to any of it builds a new file (with the curated data).
BUILDER_FILES = ("build.py", "curated.py", "names.py", "store.py")
_LOCK = threading.Lock()
_OPEN: dict[Path, Gazetteer] = {}


@functools.cache  # the files do not change while a process runs; this is asked for on every place lookup
def gazetteer_version() -> str:
    return f"{SCHEMA_VERSION}-{curated_digest()}-{builder_digest()}"


def builder_digest(folder: Path = Path(__file__).parent) -> str:
    """A short hash of the builder's source files: part of the gazetteer version, so code edits trigger a rebuild."""
    digest = hashlib.sha1()
    for name in BUILDER_FILES:
        digest.update((folder / name).read_bytes())
    return digest.hexdigest()[:8]


def cache_dir() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "caravan"


def gazetteer_path(settings: Settings) -> Path:
    """The configured gazetteer file, or the default one for this version in the user cache dir."""
    if settings.gazetteer_path:
        return Path(settings.gazetteer_path).expanduser()
    return cache_dir() / f"gazetteer-{gazetteer_version()}.sqlite"


def remove_stale(current: Path) -> None:
    """Delete default gazetteer files of other versions, a day old or more, next to the current one (younger ones
    may belong to another installed version still in use)."""
    for old in current.parent.glob("gazetteer-*.sqlite"):
        if old != current and time.time() - old.stat().st_mtime > STALE_AFTER_S:
            old.unlink(missing_ok=True)
            log.info("removed stale gazetteer %s", old)


def open_gazetteer(settings: Settings) -> Gazetteer:
    """The gazetteer of these settings, built from the packaged data first when the default file is missing."""
    path = gazetteer_path(settings)
    with _LOCK:
        if path not in _OPEN:
            if not path.is_file():
                if settings.gazetteer_path:
                    raise GazetteerError(
                        f"no gazetteer at {path} (settings.gazetteer_path); "
                        "run `caravan gazetteer build` or `caravan gazetteer import`"
                    )
                from caravan.geo.build import build_from_packages

                log.warning("building the gazetteer at %s (first use; takes a few seconds)", path)
                build_from_packages(path, gazetteer_version())
                remove_stale(path)
            _OPEN[path] = Gazetteer(path)
        return _OPEN[path]
