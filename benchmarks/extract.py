"""Speed of the whole extraction job against a bare regex number scan.

Measures, over the corpus, the throughput in chars/s of `govreport.read_reports(path)`
for every corpus file (read, decode, split into reports, parse every report: the
realistic way to run `govreport.extract` on a file) and, in the same run, of a bare
`regex.finditer(r"\\d+(?:\\.\\d+)?%?")` scan of the same text; their ratio; and the
stages, each timed alone on the already-split reports:

* read/split  `govreport.text.reports.read_reports_raw(path)` (decode, split, report_meta)
* normalize   `govreport.normalize(report)`
* quantities  `govreport.quantities.grammar.find(clean)`
* records     `govreport.records.build.build(norm, ...)` minus quantities (build runs find)

Best of N repetitions (time.perf_counter) after one warm-up pass that compiles the
patterns and loads OpenCC. Peak memory (tracemalloc, one separate pass, and the
process's ru_maxrss) is printed for information.

Run:  python benchmarks/extract.py [--corpus DIR] [--repeat N]
"""

from __future__ import annotations

import sys
import time
import tracemalloc
from collections import deque


from _common import corpus_parser, corpus_paths, BARE, best_of, rate  # noqa: E402




def max_rss_mb() -> float | None:
    try:
        import resource
    except ImportError:  # not on Windows
        return None
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return rss / (1024 * 1024) if sys.platform == "darwin" else rss / 1024  # bytes on macOS, KiB elsewhere


def main(argv: list[str] | None = None) -> int:
    ap = corpus_parser(__doc__, repeat=5)
    args = ap.parse_args(argv)

    paths = corpus_paths(args.corpus)
    if not paths:
        return 0

    import govreport
    from govreport.quantities.grammar import find
    from govreport.records.build import build
    from govreport.text.reports import decode, read_reports_raw

    texts = [decode(p.read_bytes()) for p in paths]
    chars = sum(len(t) for t in texts)

    def whole_job() -> list:
        return [govreport.read_reports(p) for p in paths]

    def bare_scan() -> None:
        for t in texts:
            deque(BARE.finditer(t), maxlen=0)

    t0 = time.perf_counter()
    reports = [r for rs in whole_job() for r in rs]  # warm-up: compiles patterns, loads OpenCC
    warm = time.perf_counter() - t0
    n_records = sum(len(r.records) for r in reports)

    t_job = best_of(whole_job, args.repeat)
    t_bare = best_of(bare_scan, args.repeat)

    print(
        f"corpus: {len(paths)} files, {chars:,} chars, {len(reports)} reports, {n_records:,} records; "
        f"best of {args.repeat}; warm-up pass {warm:.2f} s"
    )
    print(
        f"extract (read_reports) {rate(chars, t_job)} | bare scan {rate(chars, t_bare)} | "
        f"ratio 1/{t_job / t_bare:.1f}"
    )

    # Stages, each alone, on the split reports with the year/region the job settled on.
    raw = [item for p in paths for item in read_reports_raw(p)]
    norms = [govreport.normalize(text) for text, _ in raw]
    years = [r.year or 0 for r in reports]
    regions = [r.region for r in reports]
    t_split = best_of(lambda: [read_reports_raw(p) for p in paths], args.repeat)
    t_norm = best_of(lambda: [govreport.normalize(text) for text, _ in raw], args.repeat)
    t_quant = best_of(lambda: [find(n.text) for n in norms], args.repeat)
    t_build = best_of(
        lambda: [build(n, year=y, region=g) for n, y, g in zip(norms, years, regions) if y], args.repeat
    )
    t_records = max(t_build - t_quant, 0.0)
    stages = {"read/split": t_split, "normalize": t_norm, "quantities": t_quant, "records": t_records}
    parts = " | ".join(
        f"{k} {v * 1e3:.0f} ms ({100 * v / t_job:.0f}%)" for k, v in stages.items()
    )
    print(f"  stages: {parts} | rest {(t_job - sum(stages.values())) * 1e3:+.0f} ms; job {t_job * 1e3:.0f} ms")

    tracemalloc.start()
    whole_job()
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    rss = max_rss_mb()
    rss_s = f"; process max RSS {rss:.0f} MB" if rss is not None else ""
    print(f"  memory: tracemalloc peak {peak / 2**20:.1f} MB during one pass{rss_s}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
