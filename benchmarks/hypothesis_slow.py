"""The property tests of tests/test_hostile.py under the slow Hypothesis profile.

Sets GOVREPORT_HYPOTHESIS_PROFILE=slow (100 000 examples a test, no deadline) and runs
the `test_prop_*` tests of tests/test_hostile.py through `pytest.main` in this process;
then prints, for each property test, the examples it ran, its time and its outcome, and
the totals.  Expect about a quarter of an hour on one core.

Run:  python benchmarks/hypothesis_slow.py [--profile slow|ci] [-k EXPR] [--corpus DIR]

The corpus is not needed by these tests; `--corpus` is only checked so that the script
behaves like the other benchmarks (a clear message and exit 0 when it is missing).
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

from _common import DEFAULT_CORPUS

ROOT = Path(__file__).resolve().parents[1]
TEST_FILE = ROOT / "tests" / "test_hostile.py"
ENV = "GOVREPORT_HYPOTHESIS_PROFILE"


class _Collector:
    """A pytest plugin that keeps each test's outcome, duration and example count."""

    def __init__(self) -> None:
        self.results: dict[str, dict] = {}
        self.modules: dict[str, object] = {}

    def pytest_runtest_logreport(self, report) -> None:
        r = self.results.setdefault(report.nodeid, {"outcome": "passed", "seconds": 0.0})
        r["seconds"] += report.duration
        if report.failed:
            r["outcome"] = f"FAILED ({report.when})"
        elif report.skipped and r["outcome"] == "passed":
            r["outcome"] = "skipped"

    def pytest_collection_modifyitems(self, items) -> None:
        for item in items:
            self.modules[item.nodeid] = item.module

    def examples(self, nodeid: str) -> int | None:
        module = self.modules.get(nodeid)
        counts = getattr(module, "EXAMPLES", None)
        if counts is None:
            return None
        return counts.get(nodeid.rsplit("::", 1)[-1].split("[", 1)[0])


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--profile", default="slow", choices=["slow", "ci"],
                    help="Hypothesis profile of tests/test_hostile.py (default slow: 100k examples a test)")
    ap.add_argument("-k", dest="keyword", default="test_prop_",
                    help="pytest -k expression selecting the tests (default: test_prop_)")
    ap.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS, help=f"corpus dir (default {DEFAULT_CORPUS})")
    args = ap.parse_args(argv)

    if not (args.corpus.is_dir() and any(args.corpus.glob("*.txt"))):
        print(f"corpus not found (no *.txt in {args.corpus}); nothing to run.")
        return 0
    if not TEST_FILE.is_file():
        print(f"{TEST_FILE} not found; nothing to run.")
        return 0

    import pytest

    os.environ[ENV] = args.profile
    collector = _Collector()
    print(f"{ENV}={args.profile}: running {TEST_FILE.relative_to(ROOT)} -k {args.keyword!r}", flush=True)
    t0 = time.perf_counter()
    code = pytest.main(
        [str(TEST_FILE), "-q", "-k", args.keyword, "-p", "no:cacheprovider", "--rootdir", str(ROOT)],
        plugins=[collector],
    )
    wall = time.perf_counter() - t0

    print()
    total = 0
    width = max((len(n) for n in collector.results), default=10)
    for nodeid, r in collector.results.items():
        n = collector.examples(nodeid)
        total += n or 0
        n_s = f"{n:>9,}" if n is not None else "        ?"
        rate = f"{n / r['seconds']:8,.0f}/s" if n and r["seconds"] > 0 else "         "
        print(f"{nodeid:<{width}}  {n_s} examples  {r['seconds']:8.1f} s  {rate}  {r['outcome']}")
    verdict = "PASSED" if code == 0 else f"FAILED (pytest exit code {int(code)})"
    print(f"total: {len(collector.results)} tests, {total:,} examples, {wall:.1f} s wall; {verdict}")
    return int(code)


if __name__ == "__main__":
    sys.exit(main())
