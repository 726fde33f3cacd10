"""What a number is about: the subject before it (or the noun after a count), trimmed of
scope words, split into list members (A、B分别…), and mapped to an indicator code.

>>> indicator_code("规模工业增加值")
'industrial_value_added'
>>> indicator_code("电子显示产值") is None, indicator_code("现代服务业增加值") is None
(True, True)
>>> split_subjects("城乡居民人均可支配收入", 2)
['城镇居民人均可支配收入', '农村居民人均可支配收入']
>>> split_subjects("实际到位内资、外资", 2)
['实际到位内资', '实际到位外资']
>>> split_subjects("电子显示、装备制造、医药产值", 3)
['电子显示产值', '装备制造产值', '医药产值']
"""

from __future__ import annotations

from functools import lru_cache

import re


from ..lexicon import HAN, LIST_NUMBER, YUE_WORDS, alternation, column, table

# Verbs and particles between a subject and its number (longest first in the regex).
_LINK_WORDS = (
    "增长 同比增长 比上年增长 年均增长 下降 降低 减少 增加 提高 提升 达到 达 实现 完成 "
    "突破 超过 超 控制在 控制 保持在 保持 稳定在 稳定 提高到 提升到 降至 降到 下降到 增至 增加到 为 是 占 每人每月 每人每年 每人 "
    "占到 由 到 至 高于 低于 高出 迈上 迈入 跨越 累计 年均 分别 均 约 近 接近 将近 逾 不低于 不少于 "
    "不超过 预计 力争 确保 争取 有望 可望 超额 新增 净增 增产 增收 回落 下滑 缩小 收窄 改善 "
    "分别为 分别是 分别达到 同比 较上年 比上年 按可比口径 全年 以上 以内 在 的 了 和 上涨 降为 降 破 提高至 提高到 "
    "先后 五年 五年来 连续 从 由 共 合计 总计 新增 净增 同口径 预期 多 少 已 已经 共计 跨入 跨过 迈过 调整为 调整到 优化为 优化到 变为 发展到 发展至 翻了 "
    "年度目标 压减 削减 压降 缩减 压缩 降价 提速 相继 始终 双双 首次 平均 再 又 进一步 如期 各"
).split()
_LEAD_TIME = re.compile(
    r"^(?:[一二三四五六七八九十]{1,2}是|(?:到|至|截至|在|力争|争取|确保)?(?:20[0-9]{2}|19[0-9]{2})年(?:底|末|末期|前|以前|之前)?|(?:今年|去年)以来|今年|去年|上年|当年|全年|"
    r"“?十[三四五]五”?(?:末|时期|期间)?|五年来|过去五年|今后五年|未来五年|年内)"
)
_JUNK_HEAD = re.compile(r"(?:[\s“”\"'‘’、—\-()（）的]|大关|台阶|以上|左右|以内)*")
_JUNK_TAIL = frozenset("“”\"'‘’、—-(（")


def _keep_quote(s: str, h: int) -> int:
    """Where a subject starts once its head words up to `h` go: before an opening quote
    whose name goes on (“三公”经费), so that the quotes stay balanced."""
    if h and s[h - 1] == "“" and 0 <= s.find("”", h) and not 0 <= s.find("“", h) < s.find("”", h):
        return h - 1
    return h


def _strip_junk(s: str) -> str:
    """Quotes, dashes, brackets, spaces and 的/大关/以上… at the head; quotes, dashes and open
    brackets at the tail (a loop from the end: a `$` pattern would be tried at every place)."""
    s = s[_keep_quote(s, _JUNK_HEAD.match(s).end()) :]
    end = len(s)
    while end and (s[end - 1] in _JUNK_TAIL or s[end - 1].isspace()):
        if s[end - 1] == "”" and s.count("“", 0, end) > s.count("”", 0, end - 1):
            break  # 实施“十个常态化”: the quote closes a name, and stays
        end -= 1
    return s[:end]

_NOTE = re.compile(r"[(（](?:下同|预计|初步核算|快报数)[)）]")
# 比2016年增加, 是上年的: the base of a comparison is not part of the subject.
_COMPARE = re.compile(
    r"(?:(?:比|较|是|为|相当于|由|从)(?:19[5-9][0-9]年(?:度)?|20[0-9]{2}年(?:度)?|上年(?:度)?|去年|年初|“?十[一二三四]五”?末|上一?个五年|上次人口普查|全省|全市|全国|年初计划|计划|年初预期目标|预期目标|年度目标|目标)|(?:同比|高于|低于|超出|高出|快于|慢于)(?:19[5-9][0-9]年(?:度)?|20[0-9]{2}年(?:度)?|上年(?:度)?|去年|全省|全市|全国|年初计划|计划|年初预期目标|预期目标|年度目标|目标)?)"
    r"(?:底|末)?(?:同期)?(?:平均水平|平均)?(?:的)?$"
)
_LIST_SEP = re.compile(r"[、和及与]")
# 年均经济增速7%: growth words inside the subject say the measure.
GROWTH_NOUN = re.compile(r"(?:增速|增幅|涨幅|增长率)$")


@lru_cache(maxsize=1)
def _aliases():
    codes = {r["code"]: r for r in table("indicators")}
    mapping: dict[str, str | None] = {}
    for code, row in codes.items():  # the names and wordings of indicators.csv itself
        for word in [row["name_zh"], *row["examples_of_wording"].split("|")]:
            mapping.setdefault(word, code)
    # Our alias table adds wordings and wins; an empty code says "this wording is NOT the
    # indicator" (合同利用外资).
    mapping.update({r["alias"]: r["code"] or None for r in table("indicator_aliases") if not r["code"] or r["code"] in codes})
    pat = re.compile(rf"(?:{alternation(mapping)})(?:{_INDICATOR_TAIL})?$")
    return mapping, pat


@lru_cache(maxsize=8192)
def trim(subject: str) -> str:
    """Strip time words, scope words and linking verbs around a subject.

    >>> trim("今年全市地区生产总值增长")
    '地区生产总值'
    >>> trim("2021年,全市经济总量")
    '经济总量'
    >>> trim("“十四五”末全省(下同)城镇化率比上年提高")
    '城镇化率'
    """
    s = _NOTE.sub("", subject) if "下同" in subject or "预计" in subject or "核算" in subject or "快报" in subject else subject
    # Each end in one pass: head words interleave (2021年全市, 今年全市), and so do tail words
    # (比上年增长); the tail search runs only when the last character can end a tail word.
    s = s[_keep_quote(s, _head().match(s).end()) :]
    s = _strip_tail(s)
    if "我" in s:
        s = _OUR.sub("", s)
    if _MID_VERB_START.search(s):  # a cheap scan first: few subjects hold one
        s = _MID_VERB.sub("", s)  # 招商引资累计到位资金 → 招商引资到位资金
    return _strip_junk(s)


@lru_cache(maxsize=1)
def _head() -> re.Pattern:
    scope = alternation(column("scope_words"))
    # (a list number too: 4.改造农村危房6户, (3)新增企业5家)
    return re.compile(rf"(?:{LIST_NUMBER}|{_JUNK_HEAD.pattern[3:-2]}|{_LEAD_TIME.pattern[1:]}|[,，:：]|{scope})*")


# (a closing quote is left to _strip_junk, which keeps it when it closes a name: “十个常态化”)
# A few tail words at a time (下降+至), looked for in the last characters only: an unbounded
# `(?:words)+$` backtracks exponentially on a run of words that overlap (同比增长同比增长…).
_TAIL = re.compile(rf"(?:{alternation(_LINK_WORDS)}|{_COMPARE.pattern[:-1]}|[\s“\"'‘’、—\-(（]){{1,4}}$")
_TAIL_REACH = 24  # longer than any tail word or comparison (比“十二五”末平均水平的)


def _strip_tail(s: str) -> str:
    """`s` without the link words, comparisons and stray marks at its end (增长, 比上年, 了)."""
    while s and (s[-1] in _TAIL_ENDS or s[-1].isspace()):
        m = _TAIL.search(s, max(0, len(s) - _TAIL_REACH))
        if m is None or (s[-1] == "约" and len(s) > 1 and s[-2] in YUE_WORDS):  # 签约: no hedge
            break
        s = s[: m.start()]
    return s


# The characters a tail word, a comparison or a dangling quote can end with.
_TAIL_ENDS = frozenset(w[-1] for w in _LINK_WORDS) | frozenset("年度省市国划标比于出底末期平均的初查") | _JUNK_TAIL


_MID_VERB_START = re.compile(r"[累完实年全分(（要将]")
_OUR = re.compile(r"(?<=.)我(?:省|市|区|县|镇)")  # 中央财政给予我省各类补助: the report's own place
_MID_VERB = re.compile(
    rf"(?<=[{HAN}])(?:(?:累计|完成|实现)了?|年均|全年(?!龄|无)|分别|[(（]下同[)）]|(?<![重主需必只纲])要|(?<![即])将)(?=[{HAN}]{{2}}|$)"
)


@lru_cache(maxsize=8192)
def unspaced(mention: str) -> str:
    """`mention` without the spaces a PDF left in it, of any kind.

    >>> unspaced("G DP"), unspaced("PM\u00a02.5浓度")
    ('GDP', 'PM2.5浓度')
    """
    return "".join(mention.split()) if " " in mention or not mention.isprintable() else mention


def indicator_code(mention: str) -> str | None:
    """The code of indicators.csv that `mention` names, or None for the long tail.

    The alias must end the mention (modulo 总量/增速…), so 电子显示产值 or 税收过千万元企业
    do not borrow a code from a word inside them.
    """
    if not mention or "、" in mention:
        return None  # a list of subjects is no one indicator
    mention = unspaced(mention)
    mapping, pat = _aliases()
    share = _SHARE.search(mention)
    if share:  # X占Y(的)比重 / X占比: the code of the share, if X has one
        for alias in _longest_first("share"):
            if share.group(1).endswith(alias):
                return _share_aliases()[alias]
    if mention[-1] not in _alias_ends():
        return None  # no alias or tail ends this way: skip the search at every place
    m = pat.search(mention)
    if not m:
        return None
    core = m.group()
    if _narrowed().search(mention[: m.start()]):
        return None  # 海洋生产总值, 亩均税收: a part, not the indicator
    for alias in _longest_first("indicator"):
        if core.startswith(alias):
            if len(alias) <= 2 and m.start() > 2:
                return None  # 出口 is exports, 高新技术产品出口 is not
            return mapping[alias]
    return None


@lru_cache(maxsize=2)
def _longest_first(which: str) -> tuple[str, ...]:
    """The aliases of indicators ('indicator') or of shares ('share'), longest first."""
    words = _aliases()[0] if which == "indicator" else _share_aliases()
    return tuple(sorted(words, key=len, reverse=True))


def leading_indicator(clause: str) -> str:
    """The indicator a clause opens with, as written (利用外资创历史新高 → 利用外资); '' when
    it opens with none.

    >>> leading_indicator("全市利用外资创历史新高,"), leading_indicator("加快推进项目建设,")
    ('利用外资', '')
    """
    s = trim(clause)
    for alias in _longest_first("indicator"):
        if s.startswith(alias):
            return alias
    return ""


@lru_cache(maxsize=1)
def _alias_ends() -> frozenset[str]:
    """Last characters of the aliases and of their tails (总量, 增速…)."""
    return frozenset(w[-1] for w in _aliases()[0] if w) | frozenset(t[-1] for t in _INDICATOR_TAIL.split("|"))


@lru_cache(maxsize=1)
def _narrowed():
    return re.compile(rf"(?:{alternation(column('narrowing_modifiers'))})$")


_INDICATOR_TAIL = "总量|总额|总数|数量|个数|增速|增幅|涨幅|增长|规模|水平"


_SHARE = re.compile(r"^(.{2,20}?)(?:占|比重|占比)")


@lru_cache(maxsize=1)
def _share_aliases() -> dict[str, str]:
    return {r["alias"]: r["code"] for r in table("share_aliases")}


@lru_cache(maxsize=1)
def _pairs() -> dict[str, tuple[str, str]]:
    return {r["word"]: (r["first"], r["second"]) for r in table("pair_words")}


_SECTORS = re.compile(r"三次产业|产业结构")
_RESPECTIVELY = re.compile(r"分别|(?<!人)均$")
_LIST_AND = re.compile(r"[、和及]")
_ETC = re.compile(rf"等(?=[{HAN}])")
_MEASURE_END = set("次数率量额值入资重比")


@lru_cache(maxsize=1)
def _heads():
    return re.compile(rf"(?:{alternation(column('generic_heads'))})$")


_CLASS_HEAD = re.compile(rf"[{HAN}]*?((?:产业|行业|企业|项目|园区|基地)[{HAN}]*)$")


def _class_head(head: str) -> str:
    """What members of 甲、乙等<class> take from the class: its head noun and what follows
    (战略性新兴产业 → 产业: 新材料产业, not 新材料战略性新兴产业; 产业产值 stays whole).

    >>> _class_head("战略性新兴产业"), _class_head("产业产值"), _class_head("特色农业")
    ('产业', '产业产值', '特色农业')
    """
    m = _CLASS_HEAD.match(head)
    return m.group(1) if m else head


def split_subjects(subject: str, n: int) -> list[str]:
    """Split a list subject into `n` members, sharing heads and modifiers.

    城乡X → 城镇X, 农村X; 内资、外资 share the first member's modifier; a head noun of the
    last member (产值, 收入) is lent to members that lack one.
    """
    if n < 2:
        return [subject]
    if n == 3 and _SECTORS.search(subject):
        return ["第一产业比重", "第二产业比重", "第三产业比重"]  # 13.5∶44.6∶41.9
    subject = _RESPECTIVELY.sub("", subject)
    counted = _MEMBERS_COUNTED.search(subject)
    if counted and _SMALL_NUMERALS[counted.group(1)] == n:
        subject = subject[: counted.start()] + subject[counted.end() :]  # 城镇、农村两类居民收入
    if "占" in subject:  # 技术合同成交额、专利授权量占全省比重: each member's share of the whole
        left, right = subject.split("占", 1)
        parts = split_subjects(left, n)
        if len(set(parts)) == n:
            return [p + "占" + right for p in parts]
    if "等" in subject:  # 装备制造、电子信息等产业产值: what follows 等 is every member's head
        names, head = subject.rsplit("等", 1)
        parts = [p for p in _LIST_AND.split(names) if p]
        if len(parts) != n:  # 半导体和集成电路、新材料等: 和 inside a member's name
            parts = [p for p in names.split("、") if p]
        if len(parts) == n and head:
            return [p + _class_head(GROWTH_NOUN.sub("", head)) for p in parts]
    if n == 2 and "、" not in subject:  # 城乡居民收入 → 城镇…, 农村…; 存贷款余额 → 存款余额, 贷款余额
        for word, (a, b) in _pairs().items():
            i = subject.find(word)
            if i >= 0:
                return [subject[:i] + a + subject[i + len(word) :], subject[:i] + b + subject[i + len(word) :]]
    subject = _ETC.sub("", GROWTH_NOUN.sub("", subject))  # 电子信息等产业产值增幅
    parts = [p for p in subject.split("、") if p]
    if len(parts) != n:  # 和/及 join list members only when 、 does not (半导体和集成电路、…)
        parts = [p for p in _LIST_SEP.split(subject) if p]
    if len(parts) != n:
        return [subject] * n
    first, last = parts[0], parts[-1]
    out = []
    for i, p in enumerate(parts):
        if i > 0 and len(p) <= 2 < len(first):
            p = first[: len(first) - len(p)] + p  # 实际到位内资、外资
        out.append(p)
    if len(out[0]) <= 2 < len(last):  # 城镇和农村居民人均可支配收入
        tail = last[len(out[0]) :]
        out = [p + tail if len(p) <= 2 else p for p in out]
    for i, p in enumerate(out[:-1]):  # 城镇居民和农村居民人均可支配收入: share what follows 居民
        k = last.find(p[-2:]) if len(p) >= 2 and len(p) < len(last) else -1
        if k > 0 and k + 2 < len(last) and not last.endswith(p[-2:]):
            out[i] = p + last[k + 2 :]
    head = _heads().search(last)
    if head:
        # 电子显示、医药产值 → 电子显示产值; but 旅游人次、旅游总收入 stay: 人次 is a measure
        out = [p if _heads().search(p) or p[-1] in _MEASURE_END else p + head.group() for p in out]
    mod = _MODIFIER_END.search(last)
    if mod and mod.end() < len(last):
        # 纳税过亿元、过千万元工业企业: a member that is only a modifier takes the last one's noun
        out = [p + last[mod.end() :] if p[-1] in _MODIFIER_CHARS else p for p in out]
    per = _PER_UNIT.match(first)
    if per:
        # 万元生产总值能耗和二氧化碳排放量: an intensity's base is every member's
        out = [p if _PER_UNIT.match(p) else per.group() + p for p in out]
    return out


# the members counted after the list (粮食、油料两大作物): the count is no part of a name
_MEMBERS_COUNTED = re.compile(rf"(?<=[{HAN}])([两二三四五六七八九十])(?:类|项|个|大|种)(?=[{HAN}])")
_MODIFIER_CHARS = "元级型类"
_MODIFIER_END = re.compile(rf"[{_MODIFIER_CHARS}](?=[^{_MODIFIER_CHARS}]*$)")
_PER_UNIT = re.compile(r"(?:万元|单位|每万元)(?:地区生产总值|生产总值|GDP|工业增加值)")


# Zones a report names inside its region (高新区营业收入, 集美新城要完成投资).
_ZONES = (
    "经济技术开发区|高新技术产业开发区|经济开发区|临空经济区|综合保税区|高新区|经开区|开发区|新区|新城"
    "|园区|自贸区|自贸试验区|保税区|示范区|试验区|科学城|科技城|产业园区|工业园区|产业园|工业园"
)
# (a zone's named part goes with it: 临空经济区廊坊片区)
_ZONE = re.compile(rf"^[{HAN}]{{0,4}}(?:{_ZONES})(?:[{HAN}]{{2,4}}片区)?(?=[{HAN}A-Z])")
# (as a sentence's subject, a short name only: 加密老城新区 is a deed)
_ZONE_SUBJECT = re.compile(rf"([{HAN}]{{0,4}}?)({_ZONES})(?:[{HAN}]{{2,4}}片区)?(?=[{HAN}A-Z])")
# Verbs that open a clause about building a zone, not one about the zone (加快…园区建设)
_ZONE_VERBS = "加快|建设|创建|打造|推进|培育|争创|申报|积极|规划"
_VERB_FIRST = re.compile(rf"{_ZONE_VERBS}|新建|扩建|建成|实施|完善|提升|优化|聚焦|支持|发挥|充分|依托|加密|延伸|连通|以")
_ZONE_CLAUSE = re.compile(rf"(?!{_ZONE_VERBS})[{HAN}]{{0,5}}?(?:{_ZONES}|片区)(?=[,，:：])")


def opening_zone(sentence: str) -> str:
    """A zone that a sentence opens with, as a clause of its own (上合示范区,加快推进…) or as
    the subject of its first clause (东丽经开区加快建设,打造…): it is what the sentence is
    about; '' when there is none.

    >>> opening_zone("上合示范区,加快推进总投资1312亿元的52个项目建设。"), opening_zone("全市新增企业5家。")
    ('上合示范区', '')
    >>> opening_zone("东丽经开区加快建设,打造5个功能组团。"), opening_zone("加快高新区建设,新增企业5家。")
    ('东丽经开区', '')
    """
    head = sentence.lstrip(" \u3000—-")
    m = _ZONE_CLAUSE.match(head)
    if m is None and (m := _ZONE_SUBJECT.match(head)) and not _named_zone(m.group(1), m.group(2)):
        return ""  # 两个开发区实现…, 产业园区建设加快: zones in general, not one
    return m.group() if m and _is_zone(m.group()) else ""


# Kinds of zone that a city has one of, and that name it alone (高新区营业收入增长…)
_ONE_OF_A_KIND = ("高新区", "经开区", "自贸区", "临空经济区", "经济开发区", "经济技术开发区", "综合保税区")
_NOT_A_NAME = re.compile(r"[0-9一二两三四五六七八九十个各全]|^(?:产业|工业|新城|新区|园区)$")


def _named_zone(name: str, kind: str) -> bool:
    """Does the sentence open with one zone, named (东丽经开区) or one of a kind (高新区)?"""
    return kind in _ONE_OF_A_KIND if not name else not _NOT_A_NAME.search(name)


def _is_zone(name: str) -> bool:
    """Not a class of places: 国家级示范区 and 贫困县 name kinds, 上合示范区 a place; nor a
    bare 园区 (the parks in general)."""
    core = name[:-3] if name.endswith(("示范区", "试验区")) else name
    return (
        not name.startswith(("全", "各", "本", "我"))
        and not _NOT_A_PLACE.search(core)
        and name != "园区"
        and not _VERB_FIRST.match(name)  # 建设化工园区: a deed, not a place
    )
# Counties, districts and cities: candidates only, confirmed by the division data.
_PLACE_ENDS = frozenset("县区旗市城")  # the last characters of zones (…区, 新城) and counties
# Parts of a city or county that reports count apart (其中中心城区53个, 中心城区新建…)
AREAS = ("中心城区", "主城区", "老城区")
_AREA = re.compile(rf"(?:{'|'.join(AREAS)})(?=[{HAN}]|$)")
_UNIT = re.compile(rf"^[{HAN}]{{1,4}}?(?:县|区|旗|市)(?= ?[{HAN}A-Z])")  # (天元区 GDP: a space before a Latin word)


_REGION_LIST = re.compile(
    rf"^((?:[{HAN}]{{1,4}}(?:县|区|市|旗))(?:[、和及](?:[{HAN}]{{1,4}}(?:县|区|市|旗)))+)(?=[{HAN}]{{2}})"
)


# 兴平、礼泉两县: bare names, counted by a numeral and the kind of place they are
_PLACE_NAME = rf"(?:(?![和及])[{HAN}])"
_COUNTED_PLACES = re.compile(
    # (a name never holds a separator: the list splits one way only, in linear time)
    rf"^({_PLACE_NAME}{{2,4}}(?:[、和及]{_PLACE_NAME}{{2,4}})+)([两二三四五六七八九十])个?(?:县市区|县区|区县|县市|市县|县|区|市|旗|地|镇|乡)(?=[{HAN}]{{2}})"
)


def region_list(subject: str, n: int, within: str = "") -> tuple[list[str], str] | None:
    """青石县、白沙县地区生产总值 (n = 2) → (['青石县', '白沙县'], '地区生产总值'); bare names
    counted as places (兴平、礼泉两县) when the division data finds them all in `within`.

    >>> region_list("兴平、礼泉两县地区生产总值", 2, within="咸阳市")
    (['兴平', '礼泉'], '地区生产总值')
    >>> region_list("城镇、农村两类居民收入", 2, within="咸阳市") is None
    True
    """
    m = _REGION_LIST.match(subject)
    if m:
        names = _LIST_AND.split(m.group(1))
        if len(names) != n or any(_NOT_A_PLACE.search(x) or x.startswith(("全", "各")) for x in names):
            return None
        return names, subject[m.end() :]
    m = _COUNTED_PLACES.match(subject) if within else None
    if not m:
        return None
    names = _LIST_AND.split(m.group(1))
    if len(names) != n or _SMALL_NUMERALS[m.group(2)] != n:
        return None
    from ..regions import resolve_region  # the division data loads on first use

    home = resolve_region(within)
    places = [resolve_region(x, within=within) for x in names]
    if home is None or any(p is None or p.code == home.code or not home.contains(p) for p in places):
        return None
    return names, subject[m.end() :]


_SMALL_NUMERALS = {c: i for i, c in enumerate("一二三四五六七八九十", 1)} | {"两": 2}


_NOT_A_PLACE = re.compile(r"贫困|重点|示范|试点|产粮|百强|强县|大县|先进|各类|省级|国家级|市级")


# A place word that opens the name of a thing is no region (新城基地, 天津市石矿, 襄阳市中心医院)
_NAMES_A_THING = re.compile(r"基地|石矿|矿山|学院|大学(?!生)|医院|中学|小学|公司|集团(?!企业|化)|机场|火车站|高铁站|银行|分行")


@lru_cache(maxsize=8192)
def sub_region(subject: str, within: str = "") -> tuple[str, str]:
    """(region, rest) when the subject opens with a sub-region's name: a zone (高新区营业收入)
    or a county or district that the division data places in `within` (天元区地区生产总值 in a
    report of 株洲市); ('', subject) otherwise, and for the report's own region.

    >>> sub_region("高新区营业收入")
    ('高新区', '营业收入')
    >>> sub_region("天元区地区生产总值", within="株洲市")
    ('天元区', '地区生产总值')
    >>> sub_region("天元区 GDP", within="天元区")
    ('天元区', 'GDP')
    >>> sub_region("美丽县城建设", within="咸阳市")
    ('', '美丽县城建设')
    >>> sub_region("中心城区新建口袋公园", within="襄阳市")
    ('中心城区', '新建口袋公园')
    """
    if within and subject.startswith(within) and len(subject) > len(within):
        return within, subject[len(within) :].lstrip()  # 天元区 GDP in 天元区's own report
    if _PLACE_ENDS.isdisjoint(subject[:9]):
        return "", subject  # no zone or county word near the start: the usual subject
    area = _AREA.match(subject)
    if area:
        return area.group(), subject[area.end() :]  # 中心城区新建口袋公园10个: a part of the city
    m = _ZONE.match(subject)
    if m and _is_zone(m.group()) and not _NAMES_A_THING.match(subject, m.end()):
        return m.group(), subject[m.end() :]
    m = _UNIT.match(subject)
    if (
        m
        and m.group() != within
        and not m.group().startswith(("全", "各", "本", "我"))
        and not _NAMES_A_THING.match(subject, m.end())
    ):
        from ..regions import resolve_region  # the division data loads on first use

        place = resolve_region(m.group(), within=within or None)
        home = resolve_region(within) if within else None
        if (
            place is not None
            and (home is None or place.code != home.code)
            # a town is a region only inside the report's own (社区 is a 乡 of 山西, and a noun)
            and not (place.level == "town" and home is not None and not home.contains(place))
        ):
            return m.group(), subject[m.end() :].lstrip()
    return "", subject



@lru_cache(maxsize=1)
def _bare() -> dict[str, str]:
    return {r["word"]: r["use"] for r in table("bare_subjects")}


def bare_use(mention: str) -> str | None:
    """For a subject that is only a generic word (总量, 增幅, 占比, 在库): 'inherit' the
    previous subject, 'append' the word to it, take its 'total' (the stock a flow such as
    新增X adds to: X) or its 'stock' with the word before it (在库X); None for a real subject.

    >>> bare_use("增速"), bare_use("占比"), bare_use("总量"), bare_use("在库"), bare_use("地区生产总值")
    ('inherit', 'append', 'total', 'stock', None)
    """
    return _bare().get(mention)
