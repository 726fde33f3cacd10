"""Kind and time of a number: target or achievement, the year it is about, and the first
year of a multi-year period, read from section headings, cue words and years in the text.

The reader walks the sentences in order and keeps a `Context` (what the text is talking
about right now); a sentence's own cues override it for that sentence and, when they are
strong (a year, 过去五年, 今后五年), for the sentences after it too.

>>> c = Context(report_year=2022)
>>> c = read_sentence(c, "过去五年,是白城发展极不平凡的五年。")
>>> (c.kind, c.year, c.period_start)
('achievement', 2021, 2017)
>>> c = read_sentence(Context(report_year=2022), "今年主要预期目标是:")
>>> (c.kind, c.year, c.period_start)
('target', 2022, None)
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass, field, replace
from functools import lru_cache
from typing import NamedTuple

import re


from ..lexicon import alternation, table
from ..text.segment import clause_start


@dataclass(frozen=True)
class Context:
    report_year: int
    kind: str | None = None  # 'target' / 'achievement' once the text says
    year: int | None = None
    period_start: int | None = None
    estimated_note: bool = False  # 预计(下同): later results of last year are estimates
    section: str | None = None  # 'review' / 'plan' from the last top-level heading
    pending_start: int | None = None  # 比2016年…: the next sentences speak of 2017 onwards
    addressed: bool = False  # the sentence before was 各位代表!: what follows opens a part
    whole: str = field(default="", repr=False)  # the whole text: its tense is the last resort

    @property
    def lean(self) -> str:
        """What the whole text reads as, when nothing else says: worked out only when a
        number has no heading or cue before it (a passage), since it costs a scan."""
        return _lean(self.whole)


@lru_cache(maxsize=4)  # a few whole texts only: the sentence cache of `tense` would keep 1024
def _lean(whole: str) -> str:
    return "target" if whole and tense.__wrapped__(whole) > 0 else "achievement"


@lru_cache(maxsize=1024)
def tense(text: str) -> int:
    """Plan words minus past words: > 0 reads as plans, < 0 as results.

    >>> tense("力争新增上市企业1家,加快推进项目建设") > 0, tense("累计建成了5G基站2万个,荣获全国文明城市") < 0
    (True, True)
    >>> tense("加快智能工厂建设,上云企业近9万户")  # 近9万: a result, against 加快: a plan
    0
    """
    hits = cue_hits(_QUOTED.sub("", text), weak=True)  # “千人计划” is a name, not a plan
    count = lambda cue: len(hits.get(cue, ()))  # noqa: E731
    plan = count("plan_verb") + 2 * count("target")
    past = count("past_verb") + 2 * count("estimate")
    # Goals are hedged and round (7%左右, 5000家以上); results are precise (1492个, 27584亿元).
    plan += len(_HEDGED.findall(text))
    past += sum(1 for m in _NUMBER.finditer(text) if _precise(m.group()) and _standalone(text, m))
    # 近9万户, 近八成: a count made, not a count aimed at (将近 and 接近 are hedges)
    past += sum(1 for m in _NEARLY.finditer(text) if text[m.start() - 1 : m.start()] not in ("将", "接"))
    return plan - past


# Patterns that open with a literal or a class, so the engine skips ahead fast; the
# characters around a match are checked after (a lookbehind first is tried everywhere).
_NEARLY = re.compile(r"近[0-9一二两三四五六七八九十百千万]")
_NUMBER = re.compile(r"[0-9]+(?:\.[0-9]+)?")


def _standalone(text: str, m: re.Match) -> bool:
    """A whole number, not a year, a month or a date (2021年, 3月, 12日)."""
    before = text[m.start() - 1 : m.start()] if m.start() else ""
    after = text[m.end() : m.end() + 1]
    return not (before and before in "0123456789.") and not (after and after in "0123456789.年月日号")


def _precise(number: str) -> bool:
    """1492, 6768, 38, 5.8 read as measured; 7.5, 8, 4000, 2500 as chosen."""
    digits = number.replace(".", "").strip("0")
    return len(digits) >= 2 and digits[-1] not in "05"


_QUOTED = re.compile(r"“[^“”]{0,20}”")


def _near(hits: "Hits", cue: str, lo: int = 0, hi: int = 1 << 30) -> bool:
    """Is there a `cue` word starting within [lo, hi)?"""
    pos = hits.get(cue, ())
    i = bisect_left(pos, lo)
    return i < len(pos) and pos[i] < hi
_HEDGED = re.compile(r"(?:左右|以上|以内)")


_WEAK = ("plan_verb", "past_verb")


@lru_cache(maxsize=2)
def _cue_table(weak: bool) -> tuple[re.Pattern, dict[str, tuple[str, ...]]]:
    words: dict[str, list[str]] = {}
    for row in table("cues"):
        if weak or row["cue"] not in _WEAK:
            words.setdefault(row["word"], []).append(row["cue"])
    # A list of literal words: the standard library's engine scans it four times faster.
    return re.compile(alternation(words)), {w: tuple(c) for w, c in words.items()}


@lru_cache(maxsize=4096)
def cue_hits(text: str, weak: bool = False) -> Hits:
    """Where each kind of cue word starts in `text`, in one pass.

    Words are matched longest first and do not overlap, so a false friend (争取到, 年初计划,
    cue ``not_cue``) hides the shorter cue inside it.  The weak cues (verbs of plans and of
    results, many of one character) are looked for only when `weak` is asked for.

    >>> cue_hits("力争新增上市企业1家")["target"]
    (0,)
    >>> "target" in cue_hits("成功争取到中央资金")
    False
    """
    pattern, cues = _cue_table(weak)
    hits: dict[str, list[int]] = {}
    for m in pattern.finditer(text):
        for cue in cues[m.group()]:
            hits.setdefault(cue, []).append(m.start())
    return {cue: tuple(pos) for cue, pos in hits.items()}


Hits = dict[str, tuple[int, ...]]
_NO_HITS: Hits = {}


class CueIndex:
    """The strong cue words of a whole text, found in one scan: three times cheaper than a
    scan per sentence, and most sentences have none.

    >>> idx = CueIndex("今年预期增长7%。去年增长6%。")
    >>> idx.within(9, 16) == cue_hits("去年增长6%。")
    True
    """

    def __init__(self, text: str) -> None:
        pattern, cues = _cue_table(False)
        found = list(pattern.finditer(text))
        self._pos = [m.start() for m in found]
        self._words = [m.group() for m in found]
        self._cues = cues

    def within(self, start: int, end: int) -> Hits:
        """`cue_hits` of text[start:end], with offsets from `start`."""
        i = bisect_left(self._pos, start)
        if i == len(self._pos) or self._pos[i] >= end:
            return _NO_HITS
        hits: dict[str, list[int]] = {}
        while i < len(self._pos) and self._pos[i] < end:
            for cue in self._cues[self._words[i]]:
                hits.setdefault(cue, []).append(self._pos[i] - start)
            i += 1
        return {cue: tuple(pos) for cue, pos in hits.items()}


_YEAR = re.compile(r"(?<![0-9比较是为于])(19[5-9][0-9]|20[0-9]{2})年(?!代|以来|来|的)")
_SINCE = re.compile(r"\s*(?:各位代表[!！:：,，]?\s*)?(20[0-9]{2})年以来")
_ADDRESS = re.compile(r"^\s*各位代表\s*[!！:：,，]?\s*$")
_OPENS = re.compile(r"\s*[,，、]")  # 2020年, 面对…: a year that opens what follows
_FROM_YEAR = re.compile(r"[由从](19[5-9][0-9]|20[0-9]{2})年(?:底|末)?的?$")
_TO_YEAR = re.compile(r"(?:到|至|在)(19[5-9][0-9]|20[0-9]{2})年")
_BASE_WORDS = ("比", "较", "是", "于", "比“", "较“", "是“", "于“")
_YEAR_ON_YEAR = re.compile(r"同比|比上年|较上年|比去年|较去年")
_FIVE_YEAR_PLAN_END = re.compile(r"十([一二三四五六])五”?(?:末|期末|时期末)")
_BASE_YEAR = re.compile(r"(?:比|较|是|为|相当于)(19[5-9][0-9]|20[0-9]{2})年")
# Where a sentence sets the time of what follows: its opening words (过去五年, 今后三年,
# 2022—2024年), not a phrase deep inside it (达到近十年最好水平).
_OPENING = 20
_N = "[二两三四五六七八九十]|[2-9]|10"
# A span opens the sentence, after a heading number and a 在/这/我们 at most.
_LEAD = r"^[\s—-]*(?:[一二三四五六七八九十]{1,3}、|[(（][一二三四五六七八九十]{1,3}[)）])?\s*(?:在|这|我们)?\s*"
_SPAN_AHEAD = re.compile(rf"{_LEAD}(?:今后|未来)({_N})年")
_SPAN_BEHIND = re.compile(rf"{_LEAD}(?:(?:过去|近)({_N})年|({_N})年来)")
_SPAN_YEARS = re.compile(rf"{_LEAD}(20[0-9]{{2}})\s*[-—–~至到]\s*(20[0-9]{{2}})年")
_CN_SMALL = {"二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "十": 10}


def _span(opening: str, y: int) -> tuple[str, int, int] | None:
    """(kind, first year, last year) of a multi-year span named in a sentence's opening.

    >>> _span("今后三年,", 2022), _span("过去五年,", 2022), _span("2022—2024年,", 2025)
    (('target', 2022, 2024), ('achievement', 2017, 2021), ('achievement', 2022, 2024))
    """
    m = _SPAN_YEARS.match(opening)
    if m:
        a, b = int(m.group(1)), int(m.group(2))
        if a < b:
            return ("achievement" if b < y else "target"), a, b
    m = _SPAN_AHEAD.match(opening)
    if m:
        n = _CN_SMALL.get(m.group(1)) or int(m.group(1))
        return "target", y, y + n - 1
    m = _SPAN_BEHIND.match(opening)
    if m:
        g = m.group(1) or m.group(2)
        n = _CN_SMALL.get(g) or int(g)
        return "achievement", y - n, y - 1
    return None


_GOAL_LIST = re.compile(r"目标(?:任务)?(?:是|为|:|：)")
_MULTI = re.compile(r"年均|累计|五年|多年")
_PLAN_NUM = {"一": 11, "二": 12, "三": 13, "四": 14, "五": 15, "六": 16}


def _plan_period(n: int) -> tuple[int, int]:
    """First and last year of the n-th five-year plan (十四五 → 2021–2025)."""
    start = 2001 + 5 * (n - 10)  # the 10th plan was 2001–2005
    return start, start + 4


def read_sentence(ctx: Context, sentence: str, hits: Hits | None = None) -> Context:
    """The context after reading `sentence` (whose cue words are `hits`, when the caller
    has them): strong cues carry on to later sentences."""
    hits = cue_hits(sentence) if hits is None else hits
    if not (hits or ctx.pending_start is not None or ctx.addressed) and not any(w in sentence for w in _MAY_SET):
        return ctx  # most sentences: no cue, no year, no address; checked by three scans in C
    ctx = _read(ctx, sentence, hits)
    addressed = _ADDRESS.match(sentence) is not None
    if addressed != ctx.addressed:
        ctx = replace(ctx, addressed=addressed)
    b = _BASE_YEAR.search(sentence) if ctx.kind == "achievement" and "年" in sentence else None
    if b and int(b.group(1)) <= ctx.report_year - 3:
        # a comparison with a year long past means the text reviews the years since
        ctx = replace(ctx, pending_start=int(b.group(1)) + 1)
    return ctx


_MAY_SET = ("年", "目标", "各位")  # words without which a sentence with no cue sets nothing


def _read(ctx: Context, sentence: str, hits: Hits) -> Context:
    y = ctx.report_year
    if ctx.pending_start is not None:
        ctx = replace(ctx, kind="achievement", year=y - 1, period_start=ctx.pending_start, pending_start=None)
    if not hits and "年" not in sentence and "目标" not in sentence:
        return ctx  # most sentences: nothing here sets a time
    if "下同" in sentence and "预计" in sentence:
        ctx = replace(ctx, estimated_note=True)
    span = _span(sentence[:_OPENING], y)
    if span is not None:
        return replace(ctx, kind=span[0], year=span[2], period_start=span[1])
    if _near(hits, "review_period", 0, _OPENING):
        return replace(ctx, kind="achievement", year=y - 1, period_start=y - 5)
    if _near(hits, "target_period", 0, _OPENING):
        return replace(ctx, kind="target", year=y + 4, period_start=y)
    m = _TO_YEAR.search(sentence)
    if m and int(m.group(1)) > y:
        return replace(ctx, kind="target", year=int(m.group(1)), period_start=y)
    m = _SINCE.match(sentence)
    if m and ctx.section != "plan" and ctx.kind != "target" and y - 1 <= int(m.group(1)) <= y:
        # 2021年以来,面对…: the review of the one year (a report drafted at the year's end may
        # name the year it plans for); an earlier year (2020年以来) opens no new part
        return replace(ctx, kind="achievement", year=y - 1, period_start=None)
    m = _YEAR.search(sentence[:30])
    if m:
        yr = int(m.group(1))
        if yr < y:
            opens = _OPENS.match(sentence, m.end()) is not None or (ctx.addressed and m.start() <= 2)
            if ctx.period_start is not None and ctx.kind == "achievement" and yr == ctx.year and not opens:
                # 2020年营业收入达到293亿元 inside a review of 2016–2020: that sentence only
                # (time_of reads its year); 2020年,面对疫情… or 各位代表!2021年喜迎… opens
                # the review of the one year
                return ctx
            if ctx.kind == "target" and not (opens and m.start() <= 2):
                return ctx  # 落实2018年峰会投资意向 in a plan: a year that names, not one that dates
            return replace(ctx, kind="achievement", year=yr, period_start=None)
        if yr == y:
            return replace(ctx, kind="target", year=yr, period_start=None)
    if _near(hits, "last_year", 0, 20):
        return replace(ctx, kind="achievement", year=y - 1, period_start=None)
    if _near(hits, "this_year", 0, 20) and ctx.section != "review":
        # 今年 in a report is the year it plans for: its numbers are goals; but inside the
        # review (a report drafted at the year's end) 今年以来 is the year reviewed
        return replace(ctx, kind="target", year=y, period_start=None)
    if _GOAL_LIST.search(sentence):
        return replace(ctx, kind="target", year=y, period_start=None)
    return ctx


# A review headed by a plan period (“十三五”时期和2020年工作回顾, 过去五年工作回顾) opens with
# the results of the whole period.
_PERIOD_REVIEW = re.compile(r"十[一二三四五]五|五年")


def enter_section(ctx: Context, kind: str | None, title: str = "") -> Context:
    """A top-level heading starts afresh: its kind, and the time it implies.

    >>> c = enter_section(Context(report_year=2021), "review", "一、“十三五”规划完成情况和2020年工作回顾")
    >>> (c.kind, c.year, c.period_start)
    ('achievement', 2020, 2016)
    """
    if kind == "review":
        y = ctx.report_year
        start = y - 5 if _PERIOD_REVIEW.search(title) else None
        return replace(ctx, section=kind, kind="achievement", year=y - 1, period_start=start)
    if kind == "plan":
        return replace(ctx, section=kind, kind="target", year=ctx.report_year, period_start=None)
    return ctx


# 年均 of a level is the mean of one year (PM2.5年均浓度, 村集体年均收入), not of a period
_ANNUAL_MEAN = re.compile(r"年均(?:浓度|收入|气温|降水|值)")
# A census's results are of its year (第七次全国人口普查结果显示…); 较上次人口普查 compares
# with the one ten years before.
_CENSUS_RESULT = re.compile(r"第([五六七八])次(?:全国)?人口普查(?:结果|数据|公报)")
_CENSUS_YEARS = {"五": 2000, "六": 2010, "七": 2020, "八": 2030}
_LAST_CENSUS = re.compile(r"上次人口普查|上一次人口普查|第[五六七]次人口普查")
# What a project is expected to yield once built (建成后, 全部投产后, 达产达效后)
_PROJECTED = re.compile(r"(?:建成|投产|达产|达效|投用|运营|竣工|满产)后")
# … and words of a yield to come after it (not 随着高铁站建成运营后,旅客发送量达到500万人次)
_YIELD = re.compile(r"可|将|预计|年产|每年|年均|达产")
_PROJECTION_REACH = 40


class Time(NamedTuple):  # a tuple: made once per number, ten times cheaper than a frozen dataclass
    kind: str
    year: int | None
    period_start: int | None
    estimated: bool


# How far back from a number its own cues are looked for: bounds the work on a sentence
# that never ends (a megabyte without a full stop stays linear).
WINDOW = 200


def time_of(ctx: Context, sentence: str, pos: int, hits: Hits | None = None, clause_at: int | None = None) -> Time:
    """Kind, year, period and estimate of the number at `pos` of `sentence` (whose clause
    starts at `clause_at`, when the caller knows it)."""
    hits = cue_hits(sentence) if hits is None else hits
    lo = max(0, pos - WINDOW)
    before = sentence[lo:pos]
    y = ctx.report_year
    kind, year, start = ctx.kind, ctx.year, ctx.period_start
    if kind is None:  # no heading and no cue yet: the tense of the sentence, else the text's
        lean = tense(sentence)
        kind = ("target" if lean > 0 else "achievement") if abs(lean) >= 2 else ctx.lean
        year = y if kind == "target" else y - 1
    estimated = False
    clause = before[clause_start(before, len(before)) if clause_at is None else clause_at - lo :]
    years = list(_YEAR.finditer(before)) if "年" in before else []
    if _near(hits, "estimate", 0, pos) and not any(int(m.group(1)) >= y for m in years):  # 预计, not 预计到2025年
        kind, estimated = "achievement", True
        if year is None or year >= y:
            year = y - 1
    elif kind == "achievement" and start is None and (
        _near(hits, "target", pos - len(clause), pos)
        or (ctx.section != "review" and _near(hits, "this_year", pos - len(clause), pos))
    ):
        kind, year = "target", (year if year and year >= y else y)  # 力争新增上市企业1家; 今年预期增长7%
    m = years[-1] if years else None
    if m is not None and not _BASE_YEAR.search(before[max(0, m.start() - 3) : m.end()]):
        yr = int(m.group(1))
        to = before[max(0, m.start() - 2) : m.start()].endswith(("到", "至", "力争", "争取", "确保"))
        if to and yr >= y:  # 到2026年, 力争2020年前: a goal for that year, from this one
            kind, year, start = "target", yr, (y if yr > y else None)
        elif yr < y and kind == "achievement":
            year, start = yr, (start if _MULTI.search(before) else None)
        elif yr == y and kind == "target":
            year, start = yr, None
    f = _FROM_YEAR.search(before[-12:]) if "年" in before else None
    if f and int(f.group(1)) < y:  # 由2016年的22%提高到…: the level of that year
        kind, year, start = "achievement", int(f.group(1)), None
    m = _FIVE_YEAR_PLAN_END.search(before) if "五" in before else None
    if m:
        first, last = _plan_period(_PLAN_NUM[m.group(1)])
        if before[max(0, m.start() - 3) : m.start()].endswith(_BASE_WORDS):
            start = last + 1  # 比“十二五”末提高4.6个百分点: a base, the period after it
        elif last >= y:
            kind, year, start = "target", last, first  # 到“十四五”末
        elif kind == "achievement":
            year, start = last, None  # “十三五”末 in a review: the plan's last year
    b = _BASE_YEAR.search(clause)
    if b and int(b.group(1)) < (year or y):
        start = int(b.group(1)) + 1
    elif start is not None and _YEAR_ON_YEAR.search(clause):
        start = None  # 同比改善44.7% inside a five-year review: a single year
    elif start is None and "年均" in clause and not _ANNUAL_MEAN.search(clause):
        start = y - 5 if kind == "achievement" else y
        if kind == "target" and (year is None or year <= y):
            year = y + 4
    # Results are of years before the one a report plans for; goals are of it or later.
    if kind == "achievement" and year is not None and year >= y:
        year, start = y - 1, (start if start is None or start < y - 1 else None)
    elif kind == "target" and (year is None or year < y):
        year, start = y, None
    if kind == "achievement" and ctx.estimated_note and year == y - 1:
        estimated = True
    if "普查" in before and (census := _CENSUS_RESULT.search(before)):
        # 第七次全国人口普查结果显示,城镇化率超过60%,较上次人口普查提高15.4个百分点: the
        # census year, and the census before as the base
        year = _CENSUS_YEARS[census.group(1)]
        return Time("achievement", year, year - 9 if _LAST_CENSUS.search(before, census.end()) else None, False)
    if "后" in before and (p := _PROJECTED.search(before, max(0, len(before) - _PROJECTION_REACH))) and _YIELD.search(before, p.end()):
        return Time("target", None, None, False)  # 项目投产后年产值可达6亿元: what a project is to yield, in no year
    return Time(kind, year, start, estimated)
