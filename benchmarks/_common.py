"""What the benchmark scripts share: the corpus, the bare scan they compare with, timing."""

from __future__ import annotations

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
