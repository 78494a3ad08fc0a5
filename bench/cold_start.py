"""Benchmark 4: one article end to end from a fresh process: ``caravan extract FILE --json`` (goal: < 3 s).

    .venv/bin/python bench/cold_start.py

The article is a short report written for this benchmark. The median of three fresh processes is the figure.
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from common import load_average

REPORT = ("About 120 people crossed the river into the border town on Tuesday, local police said. "
          "\"We have opened the school gym for the night,\" the mayor told reporters. "
          "Aid groups said the families had walked for nine days.\n")
CARAVAN = Path(sys.executable).parent / "caravan"


def once(path: Path) -> float:
    started = time.perf_counter()
    subprocess.run([str(CARAVAN), "extract", str(path), "--json"], check=True, capture_output=True)
    return time.perf_counter() - started


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "report.txt"
        path.write_text(REPORT, encoding="utf-8")
        times = [once(path) for _ in range(3)]
    print(f"runs: {', '.join(f'{t:.2f}' for t in times)} s   (load average {load_average()})")
    print(f"cold start, one article end to end, seconds: {statistics.median(times):.2f}")


if __name__ == "__main__":
    main()
