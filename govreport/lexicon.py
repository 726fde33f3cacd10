"""Load the word tables of `govreport/data/` once, and turn word lists into regex
alternations (longest first, so that 千瓦时 wins over 千瓦)."""

from __future__ import annotations

import csv
from functools import lru_cache
from importlib import resources

import regex


# Han characters as a class the standard library's engine reads (CJK, extension A,
# compatibility ideographs): what `\p{Han}` means for report text.
HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
# Characters before which a final 约 ends a word (签约, 节约, 预约) and is no "about".
YUE_WORDS = "签节预合制公条契邀"


def is_common_han(ch: str) -> bool:
    """Is `ch` one character of the basic CJK block (the words of a report)?

    >>> is_common_han("经"), is_common_han("5"), is_common_han("")
    (True, False, False)
    """
    return "\u4e00" <= ch <= "\u9fff"


@lru_cache(maxsize=None)
def table(name: str) -> tuple[dict[str, str], ...]:
    """Rows of ``data/<name>.csv`` as dicts (comment-free CSV with a header)."""
    with resources.files("govreport.data").joinpath(f"{name}.csv").open(encoding="utf-8") as f:
        return tuple(dict(row) for row in csv.DictReader(f))


def column(name: str, col: str = "word") -> list[str]:
    """One column of a table, in file order."""
    return [row[col] for row in table(name)]


def alternation(words) -> str:
    """A regex alternation of literal `words`, longest first.

    >>> alternation(["千瓦", "千瓦时", "%"])
    '千瓦时|千瓦|%'
    """
    uniq = sorted(set(w for w in words if w), key=lambda w: (-len(w), w))
    return "|".join(regex.escape(w) for w in uniq)

# The number of an item in a list, where a subject or a quote starts: 4.改造…, (3)新增…,
# 三是…, 二、…; not a decimal (4.5%).
LIST_NUMBER = r"[0-9]{1,2}[.．、](?![0-9])|[(（][0-9一二三四五六七八九十]{1,3}[)）]|[一二三四五六七八九十]{1,3}是"
