"""The text a record quotes: the shortest clause of the source that carries its number
(RECORDS.md), as the gold cuts it.

A clause runs between the marks of `segment.CLAUSE_BOUNDARY`. Two runs of numbers in one
clause are cut apart at the first 、 between them (outside brackets: 5个县(市、区));
without one they share the clause (8个项目获批资金6.6亿元). A clause does not quote the
enumeration that opens it (三是…, 4.), nor spaces at its ends.

>>> from govreport.quantities.grammar import find
>>> from govreport.text.segment import Clauses
>>> text = "三是派出300名干部深入2108家企业,新增企业179家、个转企480家。"
>>> qs = [[q] for q in find(text)]
>>> quotes = Quotes(text, 0, len(text), qs, Clauses(text, 0, len(text)))
>>> [text[slice(*quotes.of(i))] for i in range(len(qs))]
['派出300名干部深入2108家企业', '派出300名干部深入2108家企业', '新增企业179家', '个转企480家']
"""

from __future__ import annotations

import re

from ..lexicon import LIST_NUMBER
from ..quantities.grammar import Found
from ..text.segment import Clauses

_RATIO = frozenset(":：∶")
_RATIO_TERMS = 6
_ITEM_REACH = 80  # an item of a list is short: the 、 that ends it is looked for this far
_ENUMERATORS = frozenset("一二三四五六七八九十0123456789(（")
# 三是…, 4.改造…: the number of an item in a list
_ENUMERATION = re.compile(LIST_NUMBER)
_LIST_MARKS = re.compile(r"[、(（)）“”]")
_OPENERS = "(（“"  # (every other mark of _LIST_MARKS but 、 closes)


class Quotes:
    """The quoted span of each run of one sentence, asked for in order."""

    __slots__ = ("_text", "_s", "_e", "_runs", "_clauses", "_cut")

    def __init__(self, text: str, s: int, e: int, runs: list[list[Found]], clauses: Clauses) -> None:
        self._text, self._s, self._e, self._runs, self._clauses = text, s, e, runs, clauses
        self._cut: int | None = None  # where the run before was cut off, in this clause

    def of(self, i: int) -> tuple[int, int]:
        """The clean span that run `i` quotes."""
        text, run = self._text, self._runs[i]
        first, last = run[0].start, run[-1].end
        lo = self._clauses.start(first, self._s)
        if i and self._cut is not None and self._runs[i - 1][-1].end > lo:
            lo = self._cut
        if text[lo : lo + 1] in _ENUMERATORS and (m := _ENUMERATION.match(text, lo, first)):
            lo = m.end()
        # 由1:40.6:58.4调整为…: a ratio's colons are no clause marks (a ratio has few terms)
        for _ in range(_RATIO_TERMS):
            if not (lo > self._s + 1 and text[lo - 1] in _RATIO and text[lo - 2].isdigit()):
                break
            lo = self._clauses.start(lo - 1, self._s)
        hi = self._clauses.end(last, self._e)
        for _ in range(_RATIO_TERMS):
            if not (hi + 1 < self._e and text[hi] in _RATIO and text[hi + 1].isdigit()):
                break
            hi = self._clauses.end(hi + 1, self._e)
        self._cut = None
        nxt = self._runs[i + 1][0].start if i + 1 < len(self._runs) else None
        if nxt is not None and nxt < hi:  # the next run is in this clause
            mark = _first_item_mark(text, last, nxt)
            if mark is not None:
                hi, self._cut = mark, mark + 1
            elif (mark := _first_item_mark(text, nxt, min(hi, nxt + _ITEM_REACH))) is not None:
                hi = mark  # 比例由10%提高到20%、骨干教师比例…: the item that holds both
        while lo < first and text[lo].isspace():
            lo += 1
        while hi > last and text[hi - 1].isspace():
            hi -= 1
        return lo, hi


def _first_item_mark(text: str, lo: int, hi: int) -> int | None:
    """The first 、 of text[lo:hi] outside brackets and quotes, or None; the first of all
    when a bracket is left open (5个县(市、区示范点…)."""
    depth, first = 0, None
    for m in _LIST_MARKS.finditer(text, lo, hi):
        c = m.group()
        if c == "、":
            if depth == 0:
                return m.start()
            first = m.start() if first is None else first
        else:
            depth = depth + 1 if c in _OPENERS else max(0, depth - 1)
    return first if depth else None
