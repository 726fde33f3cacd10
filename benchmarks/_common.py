"""What the benchmark scripts share: the corpus, the bare scan they compare with, timing."""

from __future__ import annotations

import argparse
import sys
import time
from collections import deque
from pathlib import Path
from typing import Callable

import regex

DEFAULT_CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"
# The yardstick: the cheapest scan that finds numbers at all.
BARE = regex.compile(r"\d+(?:\.\d+)?%?")


def bare_scan(text: str) -> None:
    deque(BARE.finditer(text), maxlen=0)


def clear_text_caches() -> int:
    """Empty govreport's caches keyed by input text (sentences, subjects, mentions, region
    names), so that a repeated run is timed as a first reading of the text: a corpus is
    read once, and a warm cache would flatter the figures by a quarter. The word tables
    loaded once per process stay. Returns how many caches were emptied."""
    n = 0
    for name, module in list(sys.modules.items()):
        if not name.startswith("govreport"):
            continue
        for obj in list(vars(module).values()):
            info = getattr(obj, "cache_info", None)
            if info is not None and info().maxsize not in (None, 1, 2):
                obj.cache_clear()
                n += 1
    return n


def best_of(fn: Callable[[], object], repeat: int) -> float:
    """Fastest of `repeat` timed calls of `fn`, in seconds, each on cold text caches."""
    best = float("inf")
    for _ in range(repeat):
        clear_text_caches()
        t0 = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - t0)
    return best


def rate(chars: int, seconds: float) -> str:
    return f"{chars / seconds:,.0f} chars/s" if seconds > 0 else "inf chars/s"


def corpus_parser(doc: str, repeat: int) -> argparse.ArgumentParser:
    """The options every corpus benchmark takes: --corpus DIR and --repeat N."""
    ap = argparse.ArgumentParser(description=doc.split("\n\n")[0])
    ap.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS, help=f"corpus dir (default {DEFAULT_CORPUS})")
    ap.add_argument("--repeat", type=int, default=repeat, help=f"repetitions; the best is kept (default {repeat})")
    return ap


def corpus_paths(corpus: Path) -> list[Path]:
    """The corpus files, or [] after saying there are none (the benchmark then exits 0)."""
    paths = sorted(corpus.glob("*.txt")) if corpus.is_dir() else []
    if not paths:
        print(f"corpus not found (no *.txt in {corpus}); nothing to benchmark.")
    return paths
