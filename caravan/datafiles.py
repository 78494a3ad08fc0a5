"""Reading Caravan's tab-separated data files: one row a line, ``#`` comments and blank lines skipped."""

from __future__ import annotations

from pathlib import Path

DATA_DIR = Path(__file__).parent / "data"


def read_rows(path: Path) -> list[list[str]]:
    """The rows of a data file, each split on tabs, without comment or blank lines."""
    lines = path.read_text(encoding="utf-8").splitlines()
    return [line.split("\t") for line in lines if line.strip() and not line.startswith("#")]
