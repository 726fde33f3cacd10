"""The number grammar: find every quantity in clean text.

One compiled pattern finds candidates (a number with its magnitude, unit and suffix
qualifier, or a special form: 三分之一, 八成, 翻一番, 一半, 倍增); then a linear pass
over the candidates drops what is not a quantity (years, ordinals, names), joins ranges
(6%—6.5%), lends a list's unit to its bare members (3.9、1.1、1.3倍) and applies the
governing words: prefix qualifiers (突破, 控制在) and falling verbs (下降 → negative).

Works on normalized text; `govreport.quantities.find_quantities` maps the spans back.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from functools import lru_cache

import re

import regex

from ..lexicon import HAN, YUE_WORDS, alternation, is_common_han, table
from .numerals import CN_CHARS, arabic_value, chinese_value

_ARABIC = r"[0-9]+(?:,[0-9]{3}(?![0-9]))*(?:\.[0-9]+)?"
_CN = rf"[{CN_CHARS}]+"


@dataclass(slots=True)  # not frozen: a frozen dataclass pays a setattr call per field
class Found:
    """A quantity in clean text (offsets into the normalized string); treat as read-only,
    `dataclasses.replace` makes a changed copy."""

    start: int
    end: int
    value: float | None
    low: float | None
    high: float | None
    qualifier: str
    unit: str
    raw_unit: str
    num_start: int  # where the digits begin (the span may start earlier for a range)
    prefix: str = ""  # governing qualifier word before the number (突破, 控制在, 约)
    verb: str = ""  # falling verb before the number (下降), or 增长 for 增长N倍
    chinese: bool = False


@dataclass(frozen=True)
class _Lexicon:
    """The word tables of data/, compiled."""

    pattern: re.Pattern
    tail: re.Pattern  # suffix qualifiers after a unit
    tail_first: frozenset  # their first characters: most numbers are followed by none
    units: dict  # raw unit → (canonical unit, factor)
    mags: dict  # magnitude word → factor
    suffix: dict  # suffix qualifier word → qualifier
    prefix: dict  # prefix qualifier word → qualifier
    prefix_re: re.Pattern  # a prefix qualifier ending right before a number
    sign_re: re.Pattern  # a falling verb ending right before a number
    people: re.Pattern  # nouns that make "45.2万贫困人口" a count of people
    thresholds: re.Pattern  # nouns that make "N元以上" a size class
    abstract: re.Pattern  # nouns that make "八个" a count of a speech's parts
    abstract_first: frozenset
    set_phrases: re.Pattern  # idioms and slogans whose numerals count nothing (千家万户)


@lru_cache(maxsize=1)
def _lexicon() -> _Lexicon:
    units = {r["raw"]: (r["unit"], float(r["factor"])) for r in table("units")}
    mags = {r["word"]: float(r["factor"]) for r in table("magnitudes")}
    quals = {r["word"]: (r["qualifier"], r["position"]) for r in table("qualifiers")}
    suffix = {w: q for w, (q, pos) in quals.items() if pos == "suffix"}
    prefix = {w: q for w, (q, pos) in quals.items() if pos == "prefix"}
    words = lambda name: [r["word"] for r in table(name)]  # noqa: E731
    # 千 before 瓦/米/克/伏 is part of the unit (5000千瓦), not a magnitude.
    mag_alt = "|".join(
        regex.escape(m) + ("(?![瓦米克伏])" if m.endswith("千") else "")
        for m in sorted(mags, key=len, reverse=True)
    )
    unit_alt = alternation(units)
    suffix_alt = alternation(w for w in suffix if w not in ("余", "多"))
    # The lookahead lets the engine skip, cheaply, the many positions where no number can
    # start: five times faster over report text than the bare alternation.
    pattern = rf"""
    (?=[0-9{CN_CHARS}翻倍过半])
    (?:
      (?P<frac>(?P<fden>{_ARABIC}|{_CN})分之(?P<fnum>{_ARABIC}|{_CN}))
    | (?P<fan>翻了?(?P<fann>[一两二三四])?番)
    | (?P<cheng>(?P<chn>[一二三四五六七八九]|[1-9])成)(?![为立功果本长就效绩员熟型套交品都])
    | (?P<zero>零增长)
    | (?P<half>一半|过半|半数)
    | (?P<bz>倍增)(?!作用|效应|器)
    | (?P<ar>{_ARABIC})(?P<q0>[余多](?={mag_alt}))?(?P<mag>{mag_alt})?(?P<q1>[余多])?(?P<unit>{unit_alt})?
    | (?P<cn>{_CN})(?:(?P<cq1>[余多])?(?P<cunit>{unit_alt})|(?<=亿))
    )
    """
    return _Lexicon(
        # Literal words and plain classes only: the standard library's engine runs it twice
        # as fast as `regex` here.
        pattern=re.compile(pattern, re.VERBOSE),
        tail=re.compile(rf"(?:{suffix_alt})"),
        tail_first=frozenset(w[0] for w in suffix if w and w not in ("余", "多")),
        units=units,
        mags=mags,
        suffix=suffix,
        prefix=prefix,
        prefix_re=re.compile(rf"(?:{alternation(prefix)})(?:了)?$"),
        sign_re=re.compile(rf"(?:{alternation(words('sign_words'))})(?:了)?$"),
        people=re.compile(rf"[{HAN}]{{0,6}}?(?:{alternation(words('people_nouns'))})"),
        thresholds=re.compile(alternation(words("threshold_nouns"))),
        abstract=re.compile(alternation(words("abstract_nouns"))),
        abstract_first=frozenset(w[0] for w in words("abstract_nouns") if w),
        set_phrases=re.compile(alternation(words("set_phrases"))),
    )


_LIST_SEP = set("、和及与,，")
# 设立4亿元产业发展引导资金: an amount of a fund, not a class of industries (千亿元产业)
_RANKED = re.compile(r"[^，,。；;]{0,12}?(?:排名|排第|位列|位居|名列|首位|居首|中排|之首)")
_RANK_MOVE = re.compile(r"(?:跃升|上升|提升|前移|前进|后退|下降|排名|位次)$")
_FUND = re.compile(r"产业(?:发展|引导|投资)?(?:基金|资金|引导资金)")
_CLASS_LIST = re.compile(r"、[^，。；,;:：]{0,30}?元(?:以上|以下)?的?(?:工业企业|企业|项目)")
_CN_RUN = re.compile(_CN)
_PLAN_MAKING = re.compile(r"(?:定制|制定|制定实施|实施|蕴含|编制|出台|启动|推行)$")
_BARE_MAGS = ("万", "亿", "千万", "百万")
_MONEY_BEFORE = re.compile(r"(?:投资|资金|投入|收入|经费|补贴|奖励|补助|资助|捐款|捐赠|营收)(?:总额|总计|共计)?(?:达到|达|约|近|超过|超|了|共)?$")
_PEOPLE_BEFORE = re.compile(r"(人口|人数|人次)(?:规模|总量|总数)?(?:达到|达|约|近|超过|超|突破|为)?$")
_MILESTONE = ("大关", "台阶", "级大关", "级台阶")  # 跨过千亿级大关: a milestone, not a class
_MAG_TAIL = re.compile(r"[万亿]*$")
_SPECIAL_UNITS = ("一半", "过半", "半数", "倍增", "番", "成", "分之")
_COUNTED = ("count", "household", "person", "person_time")
_SPANS_OF_TIME = ("个月", "小时", "分钟")
_SIZED_PLACE = re.compile(r"的?(?:自然村|行政村|村|社区|小区|企业|乡镇|镇)")
_CAPACITY_LEAD = ("年产", "年产能", "年加工", "年处理")
_CAPACITY_NAME = re.compile(rf"(?:[{HAN}]|[(（][{HAN}]{{1,6}}[)）]){{1,12}}?等?(?:项目|基地|生产线|工厂|工程)")
# measure words that, after a Chinese numeral, tell a story rather than count (两次亲临;
# 份 and 篇 only after a small one: 两份答卷, but 下发通知书十八份)
_NARRATIVE_UNITS = frozenset(("次", "份", "篇"))
# 改善 is a fall when what improves is a concentration, an index or an intensity.
_FALLS_WHEN_BETTER = re.compile(r"浓度|指数|强度|能耗|排放")
_RATIO_SEP = (":", "：", "∶")
_RANGE_SEP = set("-—–~～至到")
_QUOTE_CLOSE = "”》」"  # the openers “《「 are looked for by rfind in _in_short_quote
_GROWTH_VERBS = ("增长", "增加", "提高", "提升", "增")


def _in_short_quote(text: str, pos: int) -> bool:
    """Is `pos` inside a short quoted name such as “十四五” or “三类500强”?"""
    lo = max(0, pos - 12)
    o = max(text.rfind("“", lo, pos), text.rfind("《", lo, pos), text.rfind("「", lo, pos))
    if o < 0:
        return False  # the usual case, found with three scans in C
    before = text[o + 1 : pos]
    if any(c in before for c in _QUOTE_CLOSE):
        return False
    after = text[pos : pos + 12]
    return any(c in after for c in _QUOTE_CLOSE)


def _candidates(text: str) -> list[Found]:
    lex = _lexicon()
    units, mags, suffix = lex.units, lex.mags, lex.suffix
    out: list[Found] = []
    for m in lex.pattern.finditer(text):
        s, e = m.span()
        qual = "exact"
        value = None
        unit = raw = ""
        chinese = False
        g = m.group
        q1_written = None
        # one call for the groups of the usual forms, not one call per group
        ar, q0, mag, q1, u, cn, cq1, cunit = m.group("ar", "q0", "mag", "q1", "unit", "cn", "cq1", "cunit")
        if ar is not None or cn is not None:
            if ar is not None:
                factor = mags.get(mag, 1.0) if mag else 1.0
                q1_written = q1
                q1 = q1 or q0
                raw = (mag or "") + (u or "")
            else:
                chinese = True
                value = chinese_value(cn)
                factor = 1.0
                q1 = cq1
                u = cunit
                # the magnitude as written: 十三万人 → 万人; 千亿 and 万亿元 keep their 千/万
                mag = cn if len(cn) >= 2 and all(c in "十百千万亿" for c in cn) else _MAG_TAIL.search(cn).group()
                raw = mag + (u or "")
            if u is not None:
                cu, uf = units[u]
                unit = cu
                factor *= uf
            elif chinese:
                unit = "CNY"
            if not chinese:
                value = arabic_value(ar, factor)
            elif value is not None:
                value *= factor
            if value is None:
                continue
            if u is None and not chinese and mag and lex.people.match(text, e):
                unit = "person"  # 45.2万农村贫困人口: people counted without 人
            elif u is None and not chinese and mag in _BARE_MAGS and s:
                # 投资1000万, 规划人口80万: the word before says what the bare 万 counts
                before = text[max(0, s - 8) : s]
                people = None if _MONEY_BEFORE.search(before) else _PEOPLE_BEFORE.search(before)
                unit = "person_time" if people and people.group(1) == "人次" else "person" if people else ""
                unit = "CNY" if not unit and _MONEY_BEFORE.search(before) else unit
            if ar is not None and q1_written is not None and u is None and not unit:
                # "3万多" with no unit: the 余/多 starts a word (多家, 余下); give it back
                e -= 1
                q1 = None
            if q1:
                qual = suffix[q1]
        elif g("frac"):
            den = _num(g("fden"))
            num = _num(g("fnum"))
            if not den or num is None:
                continue
            value, unit, raw = 100.0 * num / den, "%", "分之"
            chinese = True
        elif g("fan"):
            n = chinese_value(g("fann")) if g("fann") else 1.0
            value, unit, raw = 2.0 ** (n or 1.0), "times", "番"
            chinese = True
        elif g("cheng"):
            value, unit, raw = 10.0 * _num(g("chn")), "%", "成"
            chinese = True
        elif g("zero"):
            value, unit, raw = 0.0, "%", ""  # 转移支付零增长: a growth of nothing, no unit written
            out.append(Found(s, e, value, None, None, qual, unit, raw, s, verb="增长"))
            continue
        elif g("half"):
            value, unit, raw = 50.0, "%", g("half")
            if g("half") == "过半":
                qual = "at_least"
            chinese = True
        elif g("bz"):
            value, unit, raw = 2.0, "times", "倍增"
            chinese = True
        t = lex.tail.match(text, e) if text[e : e + 1] in lex.tail_first else None
        if t:
            qual = suffix[t.group()]
            e = t.end()
        elif text.startswith("内", e) and (unit == "day" or raw.endswith(_SPANS_OF_TIME)):
            qual, e = "at_most", e + 1  # 5天内, 40个工作日内: within (not 12个内设机构)
        out.append(Found(s, e, value, None, None, qual, unit, raw, s, chinese=chinese))
    return out


def people_noun(text: str, pos: int) -> str:
    """The noun of people that a bare 万 count at `pos` counts (45.2万|农村贫困人口), or ''.

    >>> people_noun("40.6万高校毕业生初次毕业去向落实率", 5)
    '高校毕业生'
    """
    m = _lexicon().people.match(text, pos)
    return m.group() if m else ""


def _num(s: str) -> float | None:
    return arabic_value(s) if s[:1].isdigit() else chinese_value(s)


def _excluded(text: str, f: Found) -> bool:
    """Years, ordinals, names and thresholds are not quantities."""
    lex = _lexicon()
    thresholds, abstract = lex.thresholds, lex.abstract
    s, e = f.num_start, f.end
    numeral = text[s:e]
    before = text[s - 1] if s else " "
    # the governing word matters to Chinese numerals and to 过/超 only: looked for then
    gov = lex.prefix_re.search(text, max(0, s - 4), s) if f.chinese or before in "过超" else None
    governed = gov is not None
    after = text[e] if e < len(text) else " "
    if before == "第" or (before.isascii() and before.isalpha()) or before in "×*xX·.":
        return True
    if after in "×*" or (after.isascii() and after.isalpha() and f.unit == ""):
        return True
    if before == "每":
        return True  # 每千人床位数, 每3年: the base of a rate, not a quantity
    if before in "前后" and f.raw_unit.endswith(("位", "名", "强")):
        return True  # 居全市前两位, 前10名: a ranking
    if f.raw_unit.endswith("位") and _RANK_MOVE.search(text, max(0, s - 4), s):
        return True  # 排名跃升40位: places in a ranking, not people
    if (text.endswith(("全国", "全省"), max(0, s - 2), s) or before == "在") and _RANKED.match(text, e):
        return True  # 在全国261个地级市排名跃升, 在36个省会城市排名第二: the peers of a ranking
    if f.chinese and f.raw_unit not in _SPECIAL_UNITS:
        if lex.set_phrases.match(text, s):
            return True  # 千家万户, 一户一策, 一个个难关: idioms and slogans
        if f.raw_unit.endswith("元") and f.value is not None and f.value < 10 and is_common_han(after):
            return True  # 城乡二元结构, 二元酸: a word, not two yuan
        digits = _CN_RUN.match(numeral)
        cn = digits.group() if digits else ""
        if cn in ("一", "零") and (not governed or f.raw_unit == "批"):
            return True  # 一个, 一批: an article (突破一批 too); 零部件
        if cn in ("万", "亿"):
            return True  # 每万元GDP, 亿元以上项目
        if f.raw_unit == "方":
            return True  # 双方, 三方协议: parties, not cubic metres
        if f.raw_unit == "家" and text.startswith("子", e):
            return True  # 城四家子城址, 三家子村: a place's name
        if f.raw_unit in _NARRATIVE_UNITS and (f.raw_unit == "次" or (f.value or 0) <= 10):
            return True  # 两次亲临, 六次会议, 两份答卷, 三篇大文章: narrative, not a measured count
        if text[max(0, s - 2) : s] in ("以下", "如下") or text[max(0, s - 1) : s] == "这":
            return True  # 重点抓好以下九项工作: the parts of a speech
        if len(cn) >= 2 and all(c in "十百千万亿" for c in cn) and f.unit != "CNY" and not governed:
            return True  # 千万头肉牛工程, 百万亩: slogans
        if f.unit == "CNY" and f.raw_unit == cn.lstrip("一二两三四五六七八九十") and not governed:
            if after not in "大台,，。；;、" and not text.startswith(_MILESTONE, e):
                return True  # 百亿级产业, 千亿产业链群: bare magnitudes are money only as a milestone
    first = lex.abstract_first
    if (text[e - 1] in first and abstract.match(text, e - 1)) or (text[e : e + 1] in first and abstract.match(text, e)):
        return True  # 八个方面, 六次会议, 1-2个位次
    # 1000家以上工业企业 is a count, 5000万元以上项目 a class; 80%以上的支出 a share
    if f.raw_unit.endswith(("户", "人")) and text[e - 2 : e] in ("以上", "以下") and _SIZED_PLACE.match(text, e):
        return True  # 300户以上自然村, 100人以上企业: households or people size a class of places
    sized = f.unit not in _COUNTED and f.unit != "%"
    if sized and f.qualifier in ("at_least", "at_most") and text[e - 2 : e] in ("以上", "以下"):
        if thresholds.match(text, e):
            return True  # 5000万元以上项目: a size class of projects
    if (
        f.unit in ("CNY", "USD")
        and thresholds.match(text, e)
        and not text.startswith("的", e)
        and not _FUND.match(text, e)
        and not text.startswith(_MILESTONE, e)
    ):
        return True  # 十亿元镇, 亿元项目: money that names a class of places or projects
    if f.unit in ("CNY", "USD") and text.startswith("、", e) and _CLASS_LIST.match(text, e):
        return True  # 税收过亿元、5千万元至1亿元、1千万元至5千万元企业: classes in a list
    word = gov.group() if gov else ""
    if word in ("过", "超") and (thresholds.match(text, e) or (sized and word == "过")):
        return True  # 投资过5亿元的工业项目, 税收过千万元企业, 超亿元企业: size classes
    if f.raw_unit.endswith("小时") and is_common_han(after):
        return True  # 1小时经济圈, 144小时过境免签, 24小时自助服务: a name, not a time taken
    if f.raw_unit == "倍增" and _PLAN_MAKING.search(text, max(0, s - 4), s):
        return True  # 量身定制倍增方案, 蕴含倍增潜力: a plan or a promise with nothing doubled
    if (text.endswith(_CAPACITY_LEAD, max(0, s - 3), s) and _CAPACITY_NAME.match(text, e)) or (
        text.startswith("/年", e) and _CAPACITY_NAME.match(text, e + 2)
    ):
        return True  # 年产10万吨增塑剂项目, 12万吨/年烷烃深加工项目: a plant's capacity names it (RECORDS.md)
    if _in_short_quote(text, s):
        return True
    return False


def find(text: str) -> list[Found]:
    """Quantities of clean `text`, in order.

    >>> [(f.value, f.unit, f.qualifier) for f in find("地区生产总值增长7.5%左右")]
    [(7.5, '%', 'approx')]
    >>> [(f.value, f.qualifier) for f in find("分别控制在3.5%和5.5%以内")]
    [(3.5, 'at_most'), (5.5, 'at_most')]
    >>> [(f.low, f.high, f.qualifier) for f in find("增长6%—6.5%")]
    [(6.0, 6.5, 'range')]
    >>> [f.value for f in find("分别是2016年的3.9、1.1、1.3倍")]
    [3.9, 1.1, 1.3]
    >>> [f.value for f in find("下降3%")]
    [-3.0]
    """
    if not text:
        return []
    # Ranges first, so that a range that names a class (1千万元至5千万元企业) goes whole.
    cands = [c for c in _join_ranges(text, _candidates(text)) if _may_count(text, c) and not _excluded(text, c)]
    cands = _lend_units(text, cands)
    return _govern(text, [c for c in cands if c.unit])


def _may_count(text: str, f: Found) -> bool:
    """Can `f` end up a quantity?  A bare number (2021, 3) only when a list or a ratio
    lends it a unit (3.9、1.1、1.3倍; 10.2:38.5:51.3): the usual bare number is dropped
    here, before the costlier checks."""
    if f.unit:
        return True
    after = text[f.end : f.end + 1]
    return (after in _LIST_SEP or after in _RATIO_SEP) or (f.num_start > 0 and text[f.num_start - 1] in _RATIO_SEP)


def _join_ranges(text: str, cands: list[Found]) -> list[Found]:
    out: list[Found] = []
    i = 0
    while i < len(cands):
        a = cands[i]
        if i + 1 < len(cands):
            b = cands[i + 1]
            sep = text[a.end : b.num_start]
            if (
                len(sep) == 1
                and sep in _RANGE_SEP
                and b.unit
                and b.qualifier == "exact"
                and (not a.unit or a.unit == b.unit)
                and a.value is not None
                and b.value is not None
            ):
                # 6-6.5%: the bare end takes the other's unit and magnitude; 60万—62万吨:
                # it has its magnitude already and takes only the unit
                lo = a.value if a.unit else _scale(a.value, _factor_of(b, unit_only=bool(a.raw_unit)))
                if lo <= b.value and not (a.unit == "" and b.raw_unit.startswith("年")):
                    out.append(
                        Found(a.start, b.end, None, lo, b.value, "range", b.unit, b.raw_unit, a.num_start)
                    )
                    i += 2
                    continue
        out.append(a)
        i += 1
    return out


def _scale(value: float, factor: float) -> float:
    """value × factor in decimal, so that 1.2 × 1e4 is 12000.0 exactly."""
    return arabic_value(repr(value), factor) if factor != 1.0 else value


def _factor_of(f: Found, unit_only: bool = False) -> float:
    """The multiplier that turned the number of `f` into its base value (of its unit
    alone, without the magnitude, when `unit_only`)."""
    units, mags = _lexicon().units, _lexicon().mags
    mag = next((m for m in sorted(mags, key=len, reverse=True) if f.raw_unit.startswith(m)), "")
    rest = f.raw_unit[len(mag) :]
    return (1.0 if unit_only else mags.get(mag, 1.0)) * (units[rest][1] if rest in units else 1.0)


def _lend_units(text: str, cands: list[Found]) -> list[Found]:
    """3.9、1.1、1.3倍: bare members of a list take the unit of the member that has one;
    10.2:38.5:51.3 (an industrial structure) becomes three % shares."""
    out = list(cands)
    for i in range(len(out) - 2, -1, -1):
        a, b = out[i], out[i + 1]
        if a.unit or a.value is None:
            continue
        sep = text[a.end : b.num_start]
        if sep in _LIST_SEP and b.unit and b.qualifier != "range":
            out[i] = replace(a, value=_scale(a.value, _factor_of(b)), unit=b.unit, raw_unit=b.raw_unit)
    # ratios a:b:c
    i = 0
    while i < len(out):
        j = i
        while j + 1 < len(out) and text[out[j].end : out[j + 1].num_start] in _RATIO_SEP:
            j += 1
        if j - i >= 1 and all(not c.unit for c in out[i : j + 1]):
            total = sum(c.value or 0 for c in out[i : j + 1])
            if 99.0 <= total <= 101.0:
                for k in range(i, j + 1):
                    out[k] = replace(out[k], unit="%", raw_unit="")  # no unit was written
        i = j + 1
    return out


def _govern(text: str, cands: list[Found]) -> list[Found]:
    """Prefix qualifiers and falling verbs, shared along a list (分别控制在3.5%和5.5%以内)."""
    lex = _lexicon()
    prefix, pre_re, sign_re = lex.prefix, lex.prefix_re, lex.sign_re
    out: list[Found] = []
    prev: Found | None = None
    for f in cands:
        head = text[max(0, f.start - 8) : f.start]
        p = pre_re.search(head)
        if p and p.group() == "约" and p.start() and head[p.start() - 1] in YUE_WORDS:
            p = None  # 签约, 节约, 预约: the 约 ends a word, it is no "about"
        pword = p.group().rstrip("了") if p else ""
        rest = head[: p.start()] if p else head
        v = sign_re.search(rest)
        verb = ""
        if v:
            verb = v.group().rstrip("了")
        elif rest.endswith("改善") and _FALLS_WHEN_BETTER.search(text, max(0, f.start - 16), f.start):
            verb = "改善"  # 综合污染指数改善41.2%: the index fell
        elif f.raw_unit == "倍" and rest.endswith(_GROWTH_VERBS + tuple(g + "了" for g in _GROWTH_VERBS)):
            verb = "增长"
        if (
            prev is not None
            and not pword
            and not verb
            and text[prev.end : f.num_start] in _LIST_SEP
        ):
            pword, verb = prev.prefix, prev.verb  # a list member shares its governor
        if pword or verb:
            qualifier = prefix[pword] if pword and f.qualifier == "exact" else f.qualifier
            value, unit = f.value, f.unit
            if verb == "增长" and f.raw_unit == "倍":
                value, unit = value * 100.0, "%"  # 增长1.5倍: +150 %
            elif verb and value is not None:
                value = -value
            f = replace(f, prefix=pword, verb=verb, qualifier=qualifier, value=value, unit=unit)
        out.append(f)
        prev = f
    return out
