"""Speed of `govreport.find_quantities` against a bare regex number scan.

Measures, over the whole corpus (all files concatenated in memory, and optionally
file by file with --per-file), the throughput in chars/s of

* `govreport.find_quantities(text)`, and
* a bare `regex.finditer(r"\\d+(?:\\.\\d+)?%?")` scan (the floor any number finder pays),

and their ratio, plus the two stages of `find_quantities`: `govreport.normalize`
alone and the grammar (`govreport.quantities.grammar.find`) alone on the clean text.
Best of N repetitions (time.perf_counter), after one warm-up call that compiles the
patterns and loads OpenCC.

Run:  python benchmarks/quantities.py [--corpus DIR] [--repeat N] [--per-file]
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path


from _common import BARE, DEFAULT_CORPUS, bare_scan, best_of, rate  # noqa: E402


def load_corpus(corpus: Path) -> list[tuple[str, str]]:
    """(file name, text) of every *.txt in `corpus`, decoded as govreport decodes files."""
    from govreport.text.reports import decode

    return [(p.name, decode(p.read_bytes())) for p in sorted(corpus.glob("*.txt"))]




def measure(text: str, repeat: int) -> dict[str, float]:
    import govreport
    from govreport.quantities import grammar

    clean = govreport.normalize(text).text
    return {
        "find_quantities": best_of(lambda: govreport.find_quantities(text), repeat),
        "bare": best_of(lambda: bare_scan(text), repeat),
        "normalize": best_of(lambda: govreport.normalize(text), repeat),
        "grammar": best_of(lambda: grammar.find(clean), repeat),
    }


def report(label: str, chars: int, t: dict[str, float], n_found: int, n_bare: int) -> None:
    fq, bare = t["find_quantities"], t["bare"]
    print(
        f"{label}find_quantities {rate(chars, fq)} | bare scan {rate(chars, bare)} | "
        f"ratio 1/{fq / bare:.1f}"
    )
    parts = t["normalize"] + t["grammar"]
    print(
        f"{label}  stages: normalize {t['normalize'] * 1e3:.1f} ms ({rate(chars, t['normalize'])}, "
        f"{100 * t['normalize'] / parts:.0f}%) | grammar.find {t['grammar'] * 1e3:.1f} ms "
        f"({rate(chars, t['grammar'])}, {100 * t['grammar'] / parts:.0f}%) | "
        f"find_quantities total {fq * 1e3:.1f} ms (offset mapping etc. "
        f"{(fq - parts) * 1e3:+.1f} ms)"
    )
    print(f"{label}  matches: {n_found:,} quantities, {n_bare:,} bare numbers")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS, help=f"corpus dir (default {DEFAULT_CORPUS})")
    ap.add_argument("--repeat", type=int, default=5, help="repetitions; the best is kept (default 5)")
    ap.add_argument("--per-file", action="store_true", help="also report each file separately")
    args = ap.parse_args(argv)

    if not args.corpus.is_dir() or not any(args.corpus.glob("*.txt")):
        print(f"corpus not found (no *.txt in {args.corpus}); nothing to benchmark.")
        return 0
    import govreport

    files = load_corpus(args.corpus)
    text = "\n".join(t for _, t in files)
    chars = len(text)

    t0 = time.perf_counter()
    found = govreport.find_quantities(text)  # warm-up: compiles patterns, loads OpenCC
    warm = time.perf_counter() - t0
    n_bare = sum(1 for _ in BARE.finditer(text))

    print(f"corpus: {len(files)} files, {chars:,} chars; best of {args.repeat}; warm-up call {warm:.2f} s")
    report("", chars, measure(text, args.repeat), len(found), n_bare)

    if args.per_file:
        for name, t in files:
            n_found = len(govreport.find_quantities(t))
            nb = sum(1 for _ in BARE.finditer(t))
            print(f"-- {name} ({len(t):,} chars)")
            report("   ", len(t), measure(t, args.repeat), n_found, nb)
    return 0


if __name__ == "__main__":
    sys.exit(main())
