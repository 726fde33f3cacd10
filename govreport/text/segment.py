"""Sentences, clauses and headings of clean report text.

>>> [s for s, e in sentences("一是增长5%。二是下降3%!")]
[0, 7]
>>> heading_kind("一、过去五年工作回顾"), heading_kind("三、2022年重点工作")
('review', 'plan')
"""

from __future__ import annotations

from bisect import bisect_left
import re


_SENTENCE_END = re.compile(r"[。！？!?\n]+")
CLAUSE_BOUNDARY = set("，,；;：:。！？!?\n")
# A heading opens a sentence: 一、 / (一) / 第一部分.  Bounded length keeps it linear.
_HEADING = re.compile(r"(?:[一二三四五六七八九十]{1,3}、|[(（][一二三四五六七八九十]{1,3}[)）])")
_AHEAD = re.compile(r"目标|安排|今后|未来")
_AHEAD_OR_WORK = re.compile(r"目标|安排|今后|未来|重点工作")
_REVIEW = re.compile(r"回顾|过去|成绩|一年来|五年来|来之不易|工作总结")
# The last part of most reports, which is neither a review nor a plan.
# Its title opens with it (五、加强政府自身建设), not a plan item that mentions it late
# (十、全力以赴建设人民满意政府…对政府自身建设提出…).
OTHER_TOP = re.compile(r"^[\s—-]*(?:[一二三四五六七八九十]{1,3}、)?[^，,。；;]{0,8}自身建设")
_PLAN = re.compile(r"目标|安排|任务|打算|重点工作|主要工作|总体要求|建议|今后|未来|20[0-9]{2}年(?:工作|政府工作|重点|主要)")


def sentences(text: str) -> list[tuple[int, int]]:
    """Half-open spans of the sentences of `text` (the terminator included)."""
    ends = [m.end() for m in _SENTENCE_END.finditer(text)]  # matches are never empty
    out = list(zip([0, *ends], ends))
    last = ends[-1] if ends else 0
    if last < len(text):
        out.append((last, len(text)))
    return out


_IN_CLAUSE_RUN = re.compile("[^" + re.escape("".join(sorted(CLAUSE_BOUNDARY))) + "]*")
_STEP = 48


def clause_start(text: str, pos: int, floor: int = 0) -> int:
    """Start of the clause that holds `pos` (not before `floor`).

    Reads back in reversed chunks, so the work is the clause's length, done by the engine.

    >>> clause_start("增长5%,其中工业增长8%", 13), clause_start("增长5%,其中工业增长8%", 13, 10)
    (5, 10)
    """
    i = pos
    while i > floor:
        lo = max(floor, i - _STEP)
        run = _IN_CLAUSE_RUN.match(text[lo:i][::-1]).end()
        if run < i - lo:
            return i - run
        i = lo
    return i


_BOUNDARY = re.compile("[" + re.escape("".join(sorted(CLAUSE_BOUNDARY))) + "]")


class Clauses:
    """The clause boundaries of one stretch of text, found in one scan, so that the
    clause start of each of its numbers is a bisect: `clause_start` for many positions.

    >>> c = Clauses("增长5%,其中工业增长8%", 0, 13)
    >>> c.start(13), c.start(13, 10), c.start(3), c.end(3, 13), c.end(6, 13), c.marks(0, 13)
    (5, 10, 0, 4, 13, 1)
    """

    __slots__ = ("_text", "_lo", "_hi", "_marks")

    def __init__(self, text: str, start: int = 0, end: int | None = None) -> None:
        self._text = text
        self._lo = start
        self._hi = len(text) if end is None else end
        self._marks = [m.start() for m in _BOUNDARY.finditer(text, start, self._hi)]

    def end(self, pos: int, ceil: int) -> int:
        """`clause_end(text, pos, ceil)`, for `pos` and `ceil` inside the stretch scanned."""
        if pos < self._lo or ceil > self._hi or ceil < pos:
            return clause_end(self._text, pos, ceil)
        i = bisect_left(self._marks, pos)
        return min(self._marks[i], ceil) if i < len(self._marks) else ceil

    def marks(self, lo: int, hi: int) -> int:
        """How many clause marks text[lo:hi] holds, inside the stretch scanned."""
        return bisect_left(self._marks, hi) - bisect_left(self._marks, lo)

    def start(self, pos: int, floor: int = 0) -> int:
        """`clause_start(text, pos, floor)`."""
        if pos <= floor:
            return pos
        if floor < self._lo or pos > self._hi:
            return clause_start(self._text, pos, floor)  # outside the stretch scanned
        i = bisect_left(self._marks, pos)
        if i and self._marks[i - 1] >= floor:
            return self._marks[i - 1] + 1
        return floor


def clause_end(text: str, pos: int, ceil: int | None = None) -> int:
    """End of the clause that holds `pos` (not after `ceil`)."""
    ceil = len(text) if ceil is None else ceil
    return _IN_CLAUSE_RUN.match(text, pos, max(pos, ceil)).end()


_HEADING_AFTER_LEAD = re.compile(rf"[ \u3000—-]*({_HEADING.pattern})")


def heading_start(text: str, start: int, end: int) -> int | None:
    """Where a numbered heading (一、 / (一)) opens text[start:end], after any dashes and
    spaces; None when none does.

    >>> heading_start("  (二)稳投资", 0, 9), heading_start("增长(二)", 0, 6)
    (2, None)
    """
    m = _HEADING_AFTER_LEAD.match(text, start, end)
    return m.start(1) if m else None


def heading_kind(heading: str) -> str | None:
    """'review' or 'plan' for a section heading; None when it says neither.

    Plans are checked first: 今后五年的目标任务 mentions 五年 too.
    """
    head = heading[:40]
    top = bool(_TOP.match(head))
    if _REVIEW.search(head) and not _AHEAD.search(head):
        return "review"
    if top and _PLAN.search(head):
        return "plan"
    if _PLAN.search(head) and _AHEAD_OR_WORK.search(head):
        return "plan"
    return None


_TOP = re.compile(r"[一二三四五六七八九十]{1,3}、")
_TOP_FIRST = frozenset(" \u3000—-一二三四五六七八九十2")
_TOP_AT = re.compile(
    r"[ \u3000—-]*(?:([一二三四五六七八九十]{1,3}、)|(20[0-9]{2}年(?:全年|度)?(?:政府)?工作(?:回顾|总结|安排|打算|思路)))"
)


def top_heading(text: str, start: int, end: int) -> str | None:
    """The title of a top-level heading (一、过去五年工作回顾) opening text[start:end], if any.

    The title runs to the first full stop, colon or line break, at most 30 characters.  A
    numbered heading is top-level when it names a review, a plan or the government's own
    conduct; other numbered headings are parts of those.  Town reports often head their
    parts without a number: 2018年工作回顾, 2019年工作安排.

    >>> top_heading("二、2022年工作安排。", 0, 11), top_heading("2018年工作回顾过去一年,全镇…", 0, 17)
    ('二、2022年工作安排', '2018年工作回顾')
    """
    if start >= end or text[start] not in _TOP_FIRST:
        return None  # most sentences: no heading starts with their first character
    m = _TOP_AT.match(text, start, end)
    if m is None:
        return None
    if m.group(2):  # 2018年工作回顾, unnumbered (town reports): the title is those words
        return m.group(2)
    lead = m.start(1)
    stop = lead
    while stop < min(end, lead + 30) and text[stop] not in "。:：\n!！?？":
        stop += 1
    title = text[lead:stop]
    # 二、聚焦聚力增量提质 inside a review is a sub-section, numbered afresh
    return title if heading_kind(title) or OTHER_TOP.search(title) else None


def sections(text: str, spans: list[tuple[int, int]] | None = None) -> list[tuple[int, int, str, str]]:
    """Top-level sections of clean report text: (start, end, title, kind) with kind
    'review', 'plan' or 'other'.

    >>> [(t, k) for s, e, t, k in sections("一、2021年工作回顾。增长5%。二、2022年工作安排。增长6%左右。")]
    [('一、2021年工作回顾', 'review'), ('二、2022年工作安排', 'plan')]
    """
    spans = sentences(text) if spans is None else spans
    heads = [(s, t) for s, e in spans if (t := top_heading(text, s, e))]
    out = []
    for i, (s, title) in enumerate(heads):
        end = heads[i + 1][0] if i + 1 < len(heads) else len(text)
        kind = "other" if OTHER_TOP.search(title) else heading_kind(title) or "other"
        out.append((s, end, title, kind))
    return out
