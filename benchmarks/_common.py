"""What the benchmark scripts share: the corpus, the bare scan they compare with, timing."""

from __future__ import annotations

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


def best_of(fn: Callable[[], object], repeat: int) -> float:
    """Fastest of `repeat` timed calls of `fn`, in seconds."""
    best = float("inf")
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - t0)
    return best


def rate(chars: int, seconds: float) -> str:
    return f"{chars / seconds:,.0f} chars/s" if seconds > 0 else "inf chars/s"
