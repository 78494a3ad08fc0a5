"""Benchmark 4: one article end to end from a fresh process: ``caravan extract FILE --json`` (goal: < 3 s).

    .venv/bin/python bench/cold_start.py

The article is a short report written for this benchmark. The median of three fresh processes is the figure.
"""

from __future__ import annotations

import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from common import load_average

REPORT = (
    "About 120 people crossed the river into the border town on Tuesday, local police said. "
    '"We have opened the school gym for the night," the mayor told reporters. '
    "Aid groups said the families had walked for nine days.\n"
)
CARAVAN = Path(sys.executable).parent / "caravan"


def once(path: Path) -> tuple[float, float]:
    """Wall seconds and CPU seconds (user + system) of one fresh ``caravan extract``."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    subprocess.run([str(CARAVAN), "extract", str(path), "--json"], check=True, capture_output=True)
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "report.txt"
        path.write_text(REPORT, encoding="utf-8")
        runs = [once(path) for _ in range(3)]
    print(f"runs (wall/CPU s): {', '.join(f'{w:.2f}/{c:.2f}' for w, c in runs)}   (load average {load_average()})")
    print(f"cold start, one article end to end, seconds: {statistics.median(w for w, _ in runs):.2f}")


if __name__ == "__main__":
    main()
