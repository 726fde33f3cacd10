"""cProfile of extraction over the whole corpus, for developers hunting hot spots.

Profiles `govreport.read_reports(path)` of every corpus file (split + parse every
report, i.e. `govreport.extract` of each report) after one unprofiled warm-up pass
(pattern compilation and OpenCC loading are left out; --no-warmup keeps them in).
With --extract it profiles `govreport.extract(text)` of each whole file instead.
Prints the top N functions (default 25) by cumulative and by total (own) time;
--out FILE also saves the raw stats for snakeviz / pstats.

Run:  python benchmarks/profile_extract.py [--corpus DIR] [--top N] [--extract] [--out FILE]
"""

from __future__ import annotations

import argparse
import cProfile
import io
import pstats
import sys
from pathlib import Path

from _common import DEFAULT_CORPUS  # noqa: E402  (run as a script: benchmarks/ is on sys.path)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS, help=f"corpus dir (default {DEFAULT_CORPUS})")
    ap.add_argument("--top", type=int, default=25, help="functions to list per ordering (default 25)")
    ap.add_argument("--extract", action="store_true", help="profile extract() of each whole file, not read_reports()")
    ap.add_argument("--no-warmup", action="store_true", help="include first-call costs (compiling, OpenCC)")
    ap.add_argument("--out", type=Path, help="also dump the raw stats to this file")
    args = ap.parse_args(argv)

    paths = sorted(args.corpus.glob("*.txt")) if args.corpus.is_dir() else []
    if not paths:
        print(f"corpus not found (no *.txt in {args.corpus}); nothing to profile.")
        return 0

    import govreport
    from govreport.text.reports import decode

    if args.extract:
        texts = [decode(p.read_bytes()) for p in paths]

        def job() -> object:
            return [govreport.extract(t) for t in texts]
    else:

        def job() -> object:
            return [govreport.read_reports(p) for p in paths]

    if not args.no_warmup:
        job()
    prof = cProfile.Profile()
    prof.enable()
    job()
    prof.disable()
    if args.out:
        prof.dump_stats(str(args.out))

    what = "extract(file text)" if args.extract else "read_reports(path)"
    for key, title in (("cumulative", "cumulative time"), ("tottime", "total (own) time")):
        buf = io.StringIO()
        stats = pstats.Stats(prof, stream=buf).strip_dirs().sort_stats(key)
        stats.print_stats(args.top)
        print(f"=== {what} over {len(paths)} files: top {args.top} by {title} ===")
        body = buf.getvalue()
        # Drop pstats' preamble up to the summary line; keep the totals and the table.
        start = body.find("function calls")
        print(body[body.rfind("\n", 0, start) + 1 :].rstrip() if start >= 0 else body.rstrip())
        print()
    return 0


if __name__ == "__main__":
    sys.exit(main())
