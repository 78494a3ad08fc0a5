"""Fuzzing every ingest path at volume: generated text, HTML, JSON Lines, feed, WARC and URL-list files.

    .venv/bin/python bench/fuzz_ingest.py                  # 10,000 inputs (about 2-4 minutes)
    .venv/bin/python bench/fuzz_ingest.py --inputs 2000 --seed 7

Inputs are drawn by hypothesis from the strategies of the suite's fuzz tests (``tests/ingest/strategies.py``),
good and hostile mixed, ten to a batch: each batch is written to a folder, read with ``read_sources`` and ingested
into a fresh SQLite store. A batch passes when nothing escapes the readers or the batch (a *crash*), every good
article is read and stored, and every failure is recorded in the store with its reason (else a *violation*).
The last line gives inputs tried, failures recorded, crashes and violations. URLs only name non-public addresses
or bad schemes: nothing is fetched.
"""

from __future__ import annotations

import argparse
import logging
import resource
import sys
import tempfile
import time
import traceback
from pathlib import Path

from hypothesis import HealthCheck, Phase, given, seed, settings
from hypothesis import strategies as st

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests" / "ingest"))
from strategies import Case, any_case, check_cases

log = logging.getLogger("fuzz_ingest")
BATCH = 10  # inputs per batch (one folder, one store)
SHOWN = 5  # crashes and violations printed in full


class Tally:
    """Counts of the run, and the first problems found."""

    def __init__(self) -> None:
        self.inputs = self.articles = self.failures = self.crashes = self.violations = 0
        self.problems: list[str] = []

    def note(self, kind: str, cases: list[Case], detail: str) -> None:
        if len(self.problems) < SHOWN:
            self.problems.append(
                f"{kind}: {detail}\n  kinds: {[c.kind for c in cases]}\n  first bytes: {[c.data[:120] for c in cases]}"
            )


def run_batch(tally: Tally, cases: list[Case]) -> None:
    tally.inputs += len(cases)
    with tempfile.TemporaryDirectory(prefix="caravan-fuzz-") as folder:
        try:
            checked = check_cases(cases, Path(folder) / "in", Path(folder) / "caravan.db")
        except AssertionError as exc:
            tally.violations += 1
            tally.note("violation", cases, str(exc))
            return
        except Exception:
            tally.crashes += 1
            tally.note("crash", cases, traceback.format_exc(limit=6))
            return
    tally.articles += checked.articles
    tally.failures += checked.failures


RUN_BATCHES = 50  # batches per hypothesis run


def runs_of(batches: int) -> list[int]:
    """The batches of each hypothesis run: RUN_BATCHES each, the rest in the last."""
    return [min(RUN_BATCHES, batches - start) for start in range(0, batches, RUN_BATCHES)]


def fuzz_run(tally: Tally, run_seed: int, batches: int) -> None:
    """One hypothesis run of ``batches`` batches, drawn from ``run_seed``."""

    @seed(run_seed)
    @settings(
        max_examples=batches,
        deadline=None,
        database=None,
        phases=[Phase.generate],
        suppress_health_check=list(HealthCheck),
    )
    @given(st.lists(any_case, min_size=BATCH, max_size=BATCH))
    def fuzz(cases: list[Case]) -> None:
        run_batch(tally, cases)

    fuzz()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--inputs", type=int, default=10_000, help="generated inputs to try (default 10000)")
    parser.add_argument("--seed", type=int, default=0, help="hypothesis seed (default 0)")
    options = parser.parse_args()
    logging.basicConfig(level=logging.CRITICAL)  # readers log each bad item; the tally says how many
    tally = Tally()
    batches = -(-options.inputs // BATCH)
    started = time.perf_counter()
    for run, count in enumerate(runs_of(batches)):  # short runs: hypothesis keeps every choice of a run in memory
        fuzz_run(tally, options.seed + run, count)
    for problem in tally.problems:
        print(problem)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024
    print(f"{tally.articles} articles read and stored in {time.perf_counter() - started:.0f} s (peak {peak} MB)")
    print(
        f"inputs tried: {tally.inputs}, failures recorded: {tally.failures}, crashes: {tally.crashes}, "
        f"violations: {tally.violations}"
    )


if __name__ == "__main__":
    main()
