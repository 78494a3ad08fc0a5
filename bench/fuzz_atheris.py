"""Coverage-guided fuzzing (atheris, libFuzzer) of every ingest parser and of the store's add path.

    .venv/bin/pip install -e '.[fuzz]'                          # atheris (not in the test extra: CI need not build it)
    .venv/bin/python bench/fuzz_atheris.py --seconds 600         # the budget split evenly over the targets
    .venv/bin/python bench/fuzz_atheris.py --seconds 60 --target feed

Targets: plain text, HTML, JSON Lines (plain and gzip), RSS/Atom feeds, WARC (plain and gzip), URL lists, and the
store's ``add_article``. Each must only raise (or yield) the documented errors of ``caravan/errors.py`` for bad
input: any other exception is a *finding* (its input is printed and saved under ``--crash-dir``) and the
fuzzing goes on; an input that runs longer than ``--hang`` seconds is a *crash* (libFuzzer stops the target and
saves it as ``timeout-*``). Each target runs in its own process; feed items are never fetched (the fetcher is
replaced by one that refuses, so only parsing is fuzzed). The last line gives inputs tried, findings and crashes.
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import io
import json
import logging
import os
import subprocess
import sys
import tempfile
import time
import traceback
from collections.abc import Callable, Iterable
from pathlib import Path

TARGETS = ("text", "html", "jsonl", "jsonl_gz", "feed", "warc", "warc_gz", "urls", "store")
GZIP_MAGIC = b"\x1f\x8b"
MAX_LEN = 64 * 1024  # longest input libFuzzer generates
SEEDS: dict[str, list[bytes]] = {  # one valid input per target, so the fuzzer starts inside each format
    "text": [b"Migrants walked north at night. Officials said the shelter was full."],
    "html": [b"<html><head><title>T</title></head><body><article><p>Families crossed the river.</p></article></body>"],
    "jsonl": [b'{"id": "a", "text": "Families crossed the river.", "published": "2024-01-02"}\n{"text": ""}\n'],
    "feed": [
        b"<?xml version='1.0'?><rss version='2.0'><channel><title>t</title><item><title>x</title>"
        b"<link>http://news.example/1</link><description>Families crossed the river.</description></item>"
        b"</channel></rss>",
        b"<feed xmlns='http://www.w3.org/2005/Atom'><entry><title>x</title><content>Families waited.</content>"
        b"</entry></feed>",
    ],
    "warc": [
        b"WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: http://news.example/1\r\n"
        b"Content-Type: application/http; msgtype=response\r\nContent-Length: 97\r\n\r\n"
        b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n"
        b"<html><body><p>Families crossed the river.</p></body></html>"
        b"\r\n\r\n"
    ],
    "urls": [b"https://news.example/a\n# a comment\nhttp://10.0.0.1/b\nnot a url\n"],
    "store": [b"\x05id-1\x10Families waited.\x08a title"],
}
SEEDS["jsonl_gz"] = [gzip.compress(s) for s in SEEDS["jsonl"]]
SEEDS["warc_gz"] = [gzip.compress(s) for s in SEEDS["warc"]]


def consume(items: Iterable[object]) -> None:
    for _ in items:
        pass


def gzipped(data: bytes) -> bytes:
    """The input as gzip: itself when it already starts with the magic bytes (so broken gzip is fuzzed too)."""
    return data if data.startswith(GZIP_MAGIC) else gzip.compress(data, mtime=0)


def make_target(name: str, work: Path) -> Callable[[bytes], None]:
    """The function one input of a target runs through."""
    from caravan.ingest import feeds
    from caravan.ingest.gzipped import open_gzip
    from caravan.ingest.html import extract_html
    from caravan.ingest.jsonl import read_jsonl_stream
    from caravan.ingest.text import decode_bytes
    from caravan.ingest.urls import read_url_list
    from caravan.ingest.warc import GzipStream, read_warc_stream
    from caravan.settings import Settings

    settings = Settings(db_path=str(work / "fuzz.db"), max_bytes=MAX_LEN, timeout=0.1)

    def refuse(url: str, _settings: Settings) -> None:
        from caravan.errors import FetchError

        raise FetchError(url, "not fetched while fuzzing")

    feeds.fetch = refuse  # type: ignore[assignment]
    url_file = work / "urls.txt"

    def warc(data: bytes, gz: bool) -> None:
        stream = GzipStream(io.BytesIO(data), settings.max_bytes + 65536, gzipped=gz)
        consume(read_warc_stream(stream, "fuzz.warc", settings))

    def urls(data: bytes) -> None:
        url_file.write_bytes(data)
        consume(read_url_list(url_file, settings))

    if name == "store":
        return store_target(work, settings)
    targets: dict[str, Callable[[bytes], None]] = {
        "text": lambda d: decode_bytes(d, "fuzz.txt") and None,
        "html": lambda d: extract_html(d, item="fuzz.html", article_id="f") and None,
        "jsonl": lambda d: consume(read_jsonl_stream(io.BytesIO(d), "fuzz.jsonl", "fuzz", settings)),
        "jsonl_gz": lambda d: consume(
            read_jsonl_stream(open_gzip(io.BytesIO(gzipped(d))), "fuzz.jsonl.gz", "fuzz", settings)
        ),
        "feed": lambda d: consume(feeds.read_feed(d, "fuzz.xml", "fuzz", settings)),
        "warc": lambda d: warc(d, False),
        "warc_gz": lambda d: warc(gzipped(d), True),
        "urls": urls,
    }
    return targets[name]


def store_target(work: Path, settings: object) -> Callable[[bytes], None]:
    """``add_article`` of an article whose fields come from the input (ids, text, title, url, dates)."""
    import atheris

    from caravan.model import Article, Record
    from caravan.store import Database

    db = Database(work / "store.db")

    def add(data: bytes) -> None:
        fdp = atheris.FuzzedDataProvider(data)
        fields = [fdp.ConsumeUnicodeNoSurrogates(fdp.ConsumeIntInRange(0, 200)) for _ in range(6)]
        article = Article(
            id=fields[0],
            text=fields[1],
            title=fields[2] or None,
            url=fields[3] or None,
            outlet=fields[4] or None,
            published=fields[5] or None,
        )
        db.add_article(article, Record(id=article.id, language="en", published=article.published))

    return add


def run_target(name: str, seconds: float, crash_dir: Path, hang: int, out: Path) -> None:
    """The child process: fuzz one target until its budget is spent, then write its counts to ``out``."""
    import atheris

    with atheris.instrument_imports():
        import caravan.ingest.feeds
        import caravan.ingest.html
        import caravan.ingest.jsonl
        import caravan.ingest.text
        import caravan.ingest.urls
        import caravan.ingest.warc
        import caravan.store  # noqa: F401
    from caravan.errors import CaravanError

    logging.disable(logging.CRITICAL)
    work = Path(tempfile.mkdtemp(prefix=f"caravan-atheris-{name}-"))
    target = make_target(name, work)
    counts = {"target": name, "inputs": 0, "findings": 0}
    deadline = time.monotonic() + seconds

    def one_input(data: bytes) -> None:
        if time.monotonic() > deadline:
            out.write_text(json.dumps(counts))
            os._exit(0)
        counts["inputs"] += 1
        try:
            target(data)
        except CaravanError:
            pass
        except Exception:  # anything else is a finding: the input is kept
            counts["findings"] += 1
            digest = hashlib.sha1(data).hexdigest()[:16]
            (crash_dir / f"{name}-{digest}").write_bytes(data)
            if counts["findings"] <= 3:
                print(f"FINDING {name}: {data[:200]!r}\n{traceback.format_exc()}", file=sys.stderr, flush=True)
        if counts["inputs"] % 1000 == 0:
            out.write_text(json.dumps(counts))

    corpus = work / "corpus"
    corpus.mkdir()
    for n, seed in enumerate(SEEDS[name]):
        (corpus / f"seed{n}").write_bytes(seed)
    args = [
        sys.argv[0],
        str(corpus),
        f"-timeout={hang}",
        f"-max_len={MAX_LEN}",
        f"-artifact_prefix={crash_dir}/{name}-",
        "-print_final_stats=0",
        "-close_fd_mask=1",
    ]
    atheris.Setup(args, one_input)
    atheris.Fuzz()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--seconds", type=float, default=600.0, help="budget of the whole run, split over targets")
    parser.add_argument("--target", choices=TARGETS, help="fuzz one target only")
    parser.add_argument("--crash-dir", type=Path, default=Path("fuzz-crashes"), help="where findings are saved")
    parser.add_argument("--hang", type=int, default=20, help="seconds one input may run before it is a crash")
    parser.add_argument("--child", help=argparse.SUPPRESS)
    parser.add_argument("--out", type=Path, help=argparse.SUPPRESS)
    args, _ = parser.parse_known_args()
    args.crash_dir.mkdir(parents=True, exist_ok=True)
    if args.child:
        sys.argv = sys.argv[:1]
        run_target(args.child, args.seconds, args.crash_dir.resolve(), args.hang, args.out)
        return
    targets = [args.target] if args.target else list(TARGETS)
    share = args.seconds / len(targets)
    inputs = findings = crashes = 0
    for name in targets:
        with tempfile.NamedTemporaryFile(suffix=".json", delete=False) as fh:
            out = Path(fh.name)
        cmd = [sys.executable, __file__, "--child", name, "--seconds", str(share), "--out", str(out)]
        cmd += ["--crash-dir", str(args.crash_dir), "--hang", str(args.hang)]
        done = subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        counts = json.loads(out.read_text() or "{}") if out.stat().st_size else {"inputs": 0, "findings": 0}
        out.unlink()
        crashed = done.returncode != 0
        if crashed:  # a hang or a crash libFuzzer caught: its input is under crash_dir
            tail = "\n".join(done.stderr.splitlines()[-15:])
            print(f"CRASH {name} (exit {done.returncode}):\n{tail}", file=sys.stderr)
        for block in done.stderr.split("FINDING ")[1:4]:  # the first findings, with their input and traceback
            print("FINDING " + block.split("\n#")[0].split("\nINFO:")[0][:4000], file=sys.stderr)
        inputs += counts["inputs"]
        findings += counts["findings"]
        crashes += crashed
        print(f"{name}: {counts['inputs']:,} inputs, {counts['findings']} findings{', CRASH' if crashed else ''}")
    summary = f"inputs tried {inputs:,} over {len(targets)} targets in {args.seconds:.0f} s"
    print(f"{summary}, findings {findings}, crashes {crashes}")


if __name__ == "__main__":
    main()
