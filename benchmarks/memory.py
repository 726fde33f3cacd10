"""Does memory stay flat when many files stream through `govreport.read_reports`?

Writes N synthetic report files into a temporary directory (each file a few reports of
the corpus, split apart with `read_reports_raw` and joined again with site chrome between
them, as scraped pages hold them), then, in a fresh Python process per N so that peaks do
not mix, streams the files through `govreport.read_reports` one file at a time (a
generator; only counts are kept) and prints the process's peak RSS
(`resource.getrusage(RUSAGE_SELF).ru_maxrss`) for each N, and the ratio of the peaks of
the largest and smallest N.  Flat memory gives a ratio near 1; over 1.1 is flagged.

Run:  python benchmarks/memory.py [--n 100,1000] [--per-file 3] [--corpus DIR]
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from _common import DEFAULT_CORPUS

FLAG_RATIO = 1.1
CHROME = "\n2025-07-02\n上一页 [1] [2] 下一页\n文章来源:本站\n"


def max_rss_kib() -> int:
    import resource

    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return rss // 1024 if sys.platform == "darwin" else rss  # bytes on macOS, KiB elsewhere


def write_files(corpus: Path, out: Path, n: int, per_file: int) -> int:
    """N files of `per_file` corpus reports each; returns the total bytes written."""
    from govreport.text.reports import read_reports_raw

    reports = [text for p in sorted(corpus.glob("*.txt")) for text, _ in read_reports_raw(p)]
    total = 0
    for i in range(n):
        parts = [reports[(i * per_file + j) % len(reports)] for j in range(per_file)]
        data = ("首页 > 政务公开\n" + CHROME.join(parts) + CHROME).encode("utf-8")
        (out / f"r{i:05d}.txt").write_bytes(data)
        total += len(data)
    return total


def child(directory: Path, n: int) -> int:
    """Stream the first `n` files of `directory` and print one JSON line of figures."""
    import govreport

    paths = sorted(directory.glob("r*.txt"))[:n]
    rss_import = max_rss_kib()

    def stream():
        for p in paths:
            yield govreport.read_reports(p)

    t0 = time.perf_counter()
    files = reports = records = 0
    rss_first = None
    for reps in stream():
        files += 1
        reports += len(reps)
        records += sum(len(r.records) for r in reps)
        del reps
        if rss_first is None:
            rss_first = max_rss_kib()
    secs = time.perf_counter() - t0
    print(json.dumps({
        "n": n, "files": files, "reports": reports, "records": records, "seconds": secs,
        "rss_import_kib": rss_import, "rss_first_kib": rss_first, "rss_peak_kib": max_rss_kib(),
    }))
    return 0


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--n", default="100,1000", help="comma-separated numbers of files (default 100,1000)")
    ap.add_argument("--per-file", type=int, default=3, help="reports per synthetic file (default 3)")
    ap.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS, help=f"corpus dir (default {DEFAULT_CORPUS})")
    ap.add_argument("--child", type=Path, help=argparse.SUPPRESS)  # internal: the directory to stream
    args = ap.parse_args(argv)
    ns = sorted({int(x) for x in args.n.split(",") if x.strip()})

    if args.child is not None:
        return child(args.child, ns[-1])

    if not (args.corpus.is_dir() and any(args.corpus.glob("*.txt"))):
        print(f"corpus not found (no *.txt in {args.corpus}); nothing to benchmark.")
        return 0
    if not ns or ns[0] < 1:
        ap.error("--n needs positive numbers")

    with tempfile.TemporaryDirectory(prefix="govreport-memory-") as tmp:
        d = Path(tmp)
        t0 = time.perf_counter()
        size = write_files(args.corpus, d, ns[-1], args.per_file)
        print(f"wrote {ns[-1]} files of {args.per_file} reports ({size / 2**20:.1f} MiB in all) "
              f"in {time.perf_counter() - t0:.1f} s")
        results = []
        for n in ns:
            proc = subprocess.run(
                [sys.executable, str(Path(__file__).resolve()), "--child", str(d), "--n", str(n)],
                check=False, capture_output=True, text=True,
            )
            if proc.returncode != 0:
                print(f"N={n}: child failed (exit code {proc.returncode}):\n{proc.stderr[-3000:]}")
                return 1
            r = json.loads(proc.stdout.strip().splitlines()[-1])
            results.append(r)
            print(f"N={n:>5}: {r['files']} files, {r['reports']} reports, {r['records']:,} records in "
                  f"{r['seconds']:.1f} s | RSS after import {r['rss_import_kib'] / 1024:.0f} MiB, "
                  f"after the first file {r['rss_first_kib'] / 1024:.0f} MiB, peak {r['rss_peak_kib'] / 1024:.1f} MiB",
                  flush=True)

    if len(results) >= 2:
        lo, hi = results[0], results[-1]
        ratio = hi["rss_peak_kib"] / lo["rss_peak_kib"]
        verdict = "OK (flat)" if ratio <= FLAG_RATIO else f"!! MEMORY GROWS: ratio over {FLAG_RATIO}"
        print(f"peak RSS N={hi['n']} / N={lo['n']}: {ratio:.3f}  {verdict}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
