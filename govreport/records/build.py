"""From clean text with its quantities to `Indicator` records.

For each sentence: update the context (heading, time cues), group the sentence's
quantities into list runs (8%、10%左右 / 3.5%和5.5%以内), find the subject of each run,
split it over the run's numbers (分别) or repeat it (均), and decide measure, kind and time.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from ..lexicon import HAN, is_common_han
from ..models import Indicator
from ..quantities.grammar import Found, find, people_noun
from ..text.normalize import Normalized
from ..text.segment import (
    CLAUSE_BOUNDARY,
    clause_end,
    Clauses,
    heading_start,
    heading_kind,
    sections,
    sentences,
)
from .context import WINDOW, Context, CueIndex, enter_section, read_sentence, time_of
from .subjects import GROWTH_NOUN, bare_use, indicator_code, leading_indicator, opening_zone, region_list, split_subjects, sub_region, trim

_RUN_SEP = {"、", "和", "及", "与", "、和", ":", "：", "∶"}
_GROWTH_VERB = re.compile(
    r"(?:增长|下降|降低|减少|提高|提升|回落|下滑|增速|增幅|降幅|涨幅|改善|上涨|上升|压减|削减|压降|缩减|增|降|涨)"
    r"(?:了)?(?:分别|均)?(?:为|达到|达|是)?(?:约|近|超过|突破|超)?$"
)
_CHANGE_VERB = re.compile(
    r"(?:增加|减少|增产|减产|增收|提高|降低|下降|增长|高出|高于|低于|新增|净增|(?<!至)多|(?<!至)少)"
    r"(?:了)?(?:分别|均)?(?:约|近|超过|超)?$"
)
# 由18.9%提高到22.6%: the first number is the level before the period began.
_TO = re.compile(
    r"(?:提高|提升|增长|增加|上升|扩大|下降|降低|减少|缩小|增|降|减|跃升|发展|调整|优化)(?:到|至)"
    r"|跨过|跨越|跨入|突破|迈上|迈入|迈过|达到|调整为|优化为|变为"
)
_FALL_FIRST = re.compile(rf"(?:今年|全年|年内|累计|共|力争|确保|要|将)*(?:压减|削减|减少|压降)(?=[{HAN}]{{2}})")
# a level reached after the cut is no cut (压减…比重降至50%, 网上可办率达到95%)
_LEVEL_AFTER_CUT = re.compile(r"达到|达|降至|降到|降为|至|到|为|是|提高|提升")
_BELOW = re.compile(r"(?:低于|慢于|少于|落后于?)[^，,；;。]{0,12}$")
# (a size class may open it: 390个5亿元以上重大项目)
_NOUN_AFTER = re.compile(
    rf"(?:[0-9]+(?:\.[0-9]+)?[万亿]?元以[上下]|[0-9]+(?:\.[0-9]+)?[千百万亿]*元?级|[0-9]+[项个件类])?[{HAN}“”A-Za-z](?:[{HAN}“”A-Za-z]|、(?=[{HAN}])|[(（][^()（）]{{0,8}}[)）]|(?<=[过超])[0-9]+(?:\.[0-9]+)?[千百万亿]*元){{0,15}}"
)
# A noun after a count ends before these words: 384个贫困村全部退出, 126家增加到215家.
_NOUN_VERB = re.compile(r"^(?:增加|提高|减少|下降|增长|达到|超过|获得|入围)")
_NOUN_STOP = re.compile(
    r"全部|均|实现|获得|获评|荣获|被|开工|竣工|投产|建成|入围|达到|顺利|完成|进行|落地|增收|"
    r"脱贫|退出|摘帽|签约|的|成为|通过|列入|纳入|达|在(?!建|库|册|岗|营)|大关|台阶|被评为|按计划|按期|"
    r"全面|提供|荣获|获|上线|清零|连续|、实现|深入|稳定"
    r"|(?<![高中初同平均对上])等"  # 等 ends a name list (甲等3家), not 高等院校
    r"|以及|去年|今年|目前|已经|开展|相继|先后|陆续|如期|倍增|翻番|正在"
    r"|释放|参与|参加|入驻|落户|享受|开通|接入|配备|加入|全?覆盖(?!率|面)|通(?=高铁|高速|动车|火车|公交|客车|班车|天然气|宽带|5G|硬化路|自来水|快递)"
)
_AND = re.compile(r"[、和]")
# deeds that name a one-word noun counted before them (对25个县进行重点帮扶 → 进行重点帮扶县)
_DOES = re.compile(r"通|进行|完成|实现|开展|开工|竣工|投产|建成|顺利|脱贫|退出|摘帽|签约|上线|清零|落地")
_SIBLING_TAIL = re.compile(r"(?:播种面积|总产量|总产值|面积|产量|产值|单产|销量|销售额)$")  # 粮食面积 → 粮食产量
_DOUBLING_FRAME = re.compile(r"^(?:以|在全[市省区县]|率先|继续|深入|大力|全面|实施)+")
# deeds that a part of the things counted did, told by a second count (项目竣工79个)
_DEED_END = re.compile(r"(?:复工|竣工|开工|投产|完工|建成|开业|达标|验收|销号|交付|入驻|落地|签约|办结|化解)$")
# money that moves other money (带动社会资金, 撬动银行贷款) is not that money
_LEVERS = ("带动", "撬动", "吸引", "拉动", "争取", "用于", "支持", "的")
_FUND_AFTER = re.compile(
    rf"(?!{'|'.join(_LEVERS)})[{HAN}]{{0,12}}?"
    r"(?:奖补资金|奖励资金|补助资金|补贴资金|引导资金|基金|资金|奖励|补助|补贴|奖补|贷款|债券)"
)
_DURATION_LEAD = re.compile(r"(?:时间|之内|内|就|即|便)*")
_DEED_STOP = re.compile(r"[0-9、，,；;。：:！？!?\n“]|的")
# verbs of taking a time, stripped one at a time from the subject's end (a `(?:…)+$` pattern
# of overlapping words would backtrack exponentially)
_DURATION_VERBS = ("仅用了", "只用了", "实现了", "仅用", "只用", "用了", "实现", "历时", "花了", "用", "仅", "只")
_DIGIT = re.compile(r"[0-9]")
_LIGHT_VERB = re.compile(rf"^[{HAN}]{{2}}了(?=[{HAN}]{{2}})")  # 开展了, 实施了
_OWN_MEASURE = re.compile(r"(?:人口|容量|产能|里程)$")
_SIZE_CLASS = re.compile(r"[0-9百千万亿]+元(?:以上|以下)?$")  # 收入过亿元(的企业)
# words of the next list member that bring their own count (、市级45项)
_NEXT_COUNT = re.compile(rf"[{HAN}]{{0,6}}[0-9]")
# a level that names a class of things (省级8项反馈问题, 国家级3家): no verb, part of the name
_LEVEL = re.compile(r"(?:国家|中央|省|市|州|县|区|镇|乡|村|地方|世界|国际)级$")
_QUOTED = re.compile(r"“[^“”]{0,30}”")
# the glossary after a speech (附:名词解释)
_GLOSSARY = re.compile(r"\s*(?:附[:：]?\s*)?名词解释")
_FLOW = re.compile(r"新增|净增|新登记|新认定")
# Verbs that make a count a flow (新建4家中心, 引进10家企业): kept before the counted noun.
_FLOW_LEAD = re.compile(r"新增|净增|新建改扩建|新改扩建|新建改造|新建|引进|新登记|新认定")
_OWN_FLOW = re.compile(r"新|净增|引进|竣工|开工|在建|投产|累计")  # a member with its own verb
_FLOW_VERB = re.compile(r"(?:新增|净增|新建改扩建|新改扩建|新建改造|新建|引进|新登记|新认定)$")
_WHOLES = ("全国", "全省", "全市", "全区", "全县", "全州")
_SHARE_OF = re.compile(r"占(全国|全省|全市|全区|全县|全州)")
_COUNTS = ("count", "household", "person", "person_time")
_RATE_HEAD = re.compile(r"(?:标准|率|比例|比重|占比|价格|单价)$")
# A record's text quotes its clause, but never more than this (a list of thousands).
_LONGEST_TEXT = 300
# A subject is looked for at most this far before its number (a clause can be endless),
# and the words after a count at most this far after it.
_SUBJECT_SPAN = 160
_AFTER_SPAN = 80
_LEAD_JUNK = re.compile(r"(?:[、\s“”]|大关|台阶|以上)+")
# Money and rates do not take a noun after them (100亿元大关, 5.2亿元的项目).
_NO_NOUN_AFTER = {"%", "pp", "times", "CNY", "USD"}


# A count whose things then become or win something is named by it, as a relative clause:
# 10个县市成为示范县 → 成为示范县县市, 11个村镇荣获“文明村镇”称号 → 荣获“文明村镇”称号的村镇.
_NAMED = re.compile(r"(?:被|均|全部)?(?:成为|被?评为|获评|荣获|入选|入围|获批|获得|获|被?纳入|被?列入)")
_NAMED_END = re.compile(r"[0-9，,；;。:：！？!?\n]")
_COUNT_FIRST = re.compile(r"^[0-9]+[项个件类]")
# Verbs made nouns that close a count's noun: the count is of the thing, not of the work.
_DOING = re.compile(r"(?<=..)(?:建设|改造|创建|扶持|规模|水平|作用)$")  # and attributes: 基地规模


# Measure words whose owner may follow the amount: 总投资1.2亿元的铭基磁芯, 占地400亩的产业园.
# A rate verb before N% makes 的X a word about the number (增长5%的好成绩), not its owner.
_RATE_VERB = re.compile(r"(?:增长|下降|提高|降低|提升|达到|达|实现|保持|超过|突破|控制在|稳定在|为|是|在)\s*(?:约|近)?$")
_ETC_HEAD = re.compile(rf"等[{HAN}]{{0,6}}?(项目|工程|基地)")
_MEASURED = re.compile(r"(?:总投资|投资|占地面积|占地|建筑面积|总面积|面积|总规模|总长度|总长)$")
_PROJECT = re.compile(rf"^[0-9]*[项个座]?((?:[{HAN}“”+]|(?<=[{HAN}])[A-Za-z0-9]){{2,24}}?(项目|基地|工程|园区|产业园|中心|电站))")


def _invested_in(after: str) -> str:
    """What a bare 总投资N亿元 is the investment of: the project named after the money
    (总投资1186亿元的180项产业项目, 总投资110亿元“光热+风电”示范项目); '' when none."""
    rest = after.split("的", 1)[1] if "的" in after else after
    m = _PROJECT.match(rest.replace(" ", ""))
    if not m:
        return ""
    name = _LIGHT_VERB.sub("", m.group(1))  # 开展了派出所新建工程: the work, not the doing
    if "等" in name:  # 投资11.7亿元的甲项目等重点项目: the money is the first one's
        name = name[: name.index("等")] + m.group(2)
    return name


def _named(after: str, at: int, noun: str) -> str:
    """`noun` named by the clause from a verb of becoming (at `at` of `after`); `noun`
    alone when the clause goes on to a number of its own (8个项目获批资金6.6亿元)."""
    end = _NAMED_END.search(after, at)
    if end and end.group().isdigit():
        return noun
    vp = _ALL.sub("", after[at : end.start() if end else len(after)][:30])
    if vp.endswith(noun[-2:]):
        return vp  # 7家企业获评示范企业
    return vp + ("的" if vp.endswith("称号") or vp.startswith("荣获") else "") + noun


_ALL = re.compile(r"^(?:均|全部)")
_NOUN_UNITS = ("农户",)  # classifiers that are nouns of their own (units.csv)


_validate = Indicator.__pydantic_validator__.validate_python


@dataclass(slots=True)
class _Subject:
    mention: str
    region: str
    start: int  # clean offset where the record's text begins
    end: int = 0  # clean offset where the subject's words end (after a noun that follows)
    clause: int = 0  # clean offset where the number's clause begins


def build(
    norm: Normalized,
    *,
    year: int,
    region: str,
    spans: list[tuple[int, int]] | None = None,
    parts: list[tuple[int, int, str, str]] | None = None,
) -> list[Indicator]:
    """Records of a whole clean text (a report or a passage); `spans` are its sentences
    and `parts` its `sections` when the caller has them already."""
    text = norm.text
    found = find(text)
    if not found:
        return []
    ctx = _opening_context(Context(report_year=year, whole=text), text)
    cues = CueIndex(text)
    spans = sentences(text) if spans is None else spans
    tops = {p[0]: p for p in (sections(text, spans) if parts is None else parts)}
    out: list[Indicator] = []
    qi = 0
    for s, e in spans:
        if _GLOSSARY.match(text, s, e):
            break  # 名词解释: the glossary after the speech defines its slogans (“1+8+N”), no numbers
        sent = text[s:e]
        top = tops.get(s)
        if top is not None:  # a new part of the report: start afresh
            fresh = Context(report_year=year, estimated_note=ctx.estimated_note, whole=text)
            # the government's own conduct after the plan (四、全面加强政府自身建设) still plans
            kind = "plan" if top[3] == "other" and ctx.section == "plan" else top[3]
            ctx = enter_section(fresh, None if kind == "other" else kind, top[2])
        elif (sub := heading_start(text, s, e)) is not None and (kind := heading_kind(text[sub:e])):
            ctx = enter_section(ctx, kind)
        hits = cues.within(s, e)
        ctx = read_sentence(ctx, sent, hits)
        in_sentence: list[Found] = []
        while qi < len(found) and found[qi].start < e:
            if found[qi].start >= s and not _place_name(text, found[qi], region):
                in_sentence.append(found[qi])
            qi += 1
        if in_sentence:
            out.extend(_sentence_records(norm, s, e, in_sentence, ctx, region, hits))
    return out


def _place_name(text: str, q: Found, region: str) -> bool:
    """Is a Chinese-numeral count the name of a place in the report's region (五台 in a
    report of 忻州市: 五台县)?  Only checked for Chinese numerals, which are rare."""
    if not q.chinese or not region or q.qualifier != "exact":
        return False
    from ..regions import resolve_region  # the division data loads on first use

    place = resolve_region(text[q.num_start : q.end], within=region)
    home = resolve_region(region)
    return place is not None and home is not None and place.code != home.code and home.contains(place)


# A passage is short: a report has headings that say what its parts are about.
_PASSAGE = 6000


def _opening_context(ctx: Context, text: str) -> Context:
    """The time a passage without headings speaks of, before any cue says: results with
    年均 and 累计 figures are a multi-year review (服务业增加值年均增长7.5%…累计竣工投产…),
    goals with 年均 ones the plan of the five years ahead."""
    if len(text) > _PASSAGE or "年均" not in text or _TOP_ANYWHERE.search(text):
        return ctx
    y = ctx.report_year
    if ctx.lean == "target":
        # 年均增长8%以上 among goals: the goals of the five years ahead (到2026年)
        ahead = [int(m.group(1)) for m in _TO_YEAR_AHEAD.finditer(text) if int(m.group(1)) > y]
        return replace(ctx, kind="target", year=max(ahead) if ahead else y + 4, period_start=y)
    if text.count("年均") + text.count("累计") < 2:
        return ctx
    return replace(ctx, kind="achievement", year=y - 1, period_start=y - 5)


_TO_YEAR_AHEAD = re.compile(r"到(20[0-9]{2})年")
_TOP_ANYWHERE = re.compile(r"(?:^|[。\n])\s*[一二三四五六七八九十]{1,3}、")


def _runs(text: str, qs: list[Found]) -> list[list[Found]]:
    runs: list[list[Found]] = []
    for q in qs:
        if runs and text[runs[-1][-1].end : q.start].strip() in _RUN_SEP:
            runs[-1].append(q)
        else:
            runs.append([q])
    return runs


def _subject(text: str, s: int, q: Found, region: str, clauses: Clauses) -> _Subject:
    """The subject of `q`: the trimmed clause before it (not reaching back past the number
    or noun before it, `s`), and the noun after a count (384个贫困村)."""
    cs = clause = clauses.start(q.start, max(s, q.start - _SUBJECT_SPAN))
    prefix = text[cs : q.start]
    if cs == s and s > 0 and text[s - 1] not in CLAUSE_BOUNDARY and "、" in prefix:
        cs += prefix.rfind("、") + 1  # 投资40亿元的甲项目、投资14.7亿元…: one item
        prefix = text[cs : q.start]
    subj = whole = trim(prefix)
    if "等" in subj and q.unit not in _NO_NOUN_AFTER:
        lead = _FLOW_LEAD.match(subj)  # 新增独角兽、瞪羚等高成长性企业: the flow stays
        subj = (lead.group() if lead else "") + trim(subj[subj.rfind("等") + 1 :])  # 敏华、益海嘉里等101个项目: the examples go
    lead = _LEAD_JUNK.match(prefix)
    start = cs + max(prefix.find(subj), 0) if subj else cs + (lead.end() if lead else 0)
    noun_end = q.end
    share_of = q.raw_unit in ("成", "一半", "半数", "过半") and not subj  # 近八成工业行业实现盈利
    if q.unit not in _NO_NOUN_AFTER or share_of:
        after = text[q.end : clause_end(text, q.end, q.end + _AFTER_SPAN)]
        m = _NOUN_AFTER.match(after)
        if m and not _NOUN_VERB.match(after):
            noun = m.group()
            people = people_noun(text, q.end) if q.unit == "person" and q.raw_unit in ("万", "亿") else ""
            noun = people or noun  # 40.6万高校毕业生|初次毕业去向落实率
            stop = _NOUN_STOP.search(noun)
            noun = (noun[: stop.start()] if stop else noun).rstrip("、和及与")
            if "、" in noun and _NEXT_COUNT.match(after, noun.index("、") + 1):
                noun = noun[: noun.index("、")]  # 省级8项反馈问题、市级45项…: the next member's words
            deed = _DEED_END.search(noun) if noun and after[len(noun) : len(noun) + 1].isdigit() else None
            if deed and deed.start() >= 2:
                noun = noun[: deed.start()]  # 21个问题楼盘复工19个: the deed is the next number's
            noun_end = q.end + len(noun)
            noun = _DOING.sub("", _COUNT_FIRST.sub("", noun))  # 166个项目建设: of 项目; 12件36项实事: of 实事
            if (
                stop
                and stop.group() == "的"
                and stop.start() == len(noun)
                and (len(noun) == 1 or _SIZE_CLASS.search(noun))
            ):
                # 9个村的农业产业化经营试点: a one-word noun says little; 1000家主营业务收入过亿元
                # 的企业: the size names a class of the noun after 的. Keep both, as written.
                whose = _NOUN_AFTER.match(after, len(noun) + 1)
                np = whose.group() if whose else ""
                cut = _NOUN_STOP.search(np)
                np = np[: cut.start()] if cut else np
                if len(np) >= 2:
                    # (one word is what was counted: 83个村的产权制度改革 → 产权制度改革的村)
                    noun_end = q.end + len(noun) + 1 + len(np)
                    noun = np + "的" + noun if len(noun) == 1 else noun + "的" + np
            named = _NAMED.match(after, len(noun)) if stop and stop.start() == len(noun) else None
            if named is None and len(noun) == 1 and noun not in "内外前后中间里" and stop and stop.start() == 1 and _DOES.match(stop.group()):
                named = stop  # 对25个县进行重点帮扶, 3个村完成搬迁: a one-word noun is named by its deed
            if len(noun) >= 2 or (noun and named):
                # A list of names before a count is its examples (高端装备、新材料…6条产业链),
                # and a short verb before it is no part of the name (出台15项稳增长措施).
                joint = "的" if text[q.start - 1 : q.start] == "的" else ""  # 纳入考核的7个县
                # and a frame before a count of people is not theirs (现行标准下45.2万贫困人口)
                short = len(subj) <= 4 and not _LEVEL.search(subj)  # but 省级8项: a level, kept
                subj = noun if "、" in subj or short or people else subj + joint + noun
                bare = subj == noun
                if named and bare:
                    subj = _named(after, named.start(), subj)  # 10个县市成为国家…示范县
                flow = _FLOW_VERB.search(prefix[-6:])  # a tail: a $ search is tried at every place
                if flow and bare:  # 新建4家日间照料中心: a flow, not the stock
                    subj = flow.group() + subj
                if share_of:
                    subj += "占比"
            else:
                noun_end = q.end
        if len(subj) <= 4 and noun_end == q.end and q.raw_unit.endswith(_NOUN_UNITS):
            # 18.1万农户实现清洁取暖: the unit is the noun; what they did names them
            word = next(w for w in _NOUN_UNITS if q.raw_unit.endswith(w))
            vp_end = _NAMED_END.search(after)
            vp = after[: vp_end.start() if vp_end else len(after)][:20]
            subj = (vp if m is None or _NOUN_VERB.match(after) or _NOUN_STOP.match(after) else "") + word
    taken = _DURATION_LEAD.match(text, q.end)
    nothing_before = len(whole) <= 2 and not prefix.endswith(("连续", "提前", "缩短", "延长", "推迟"))
    if (q.unit == "day" or q.raw_unit == "个月") and (taken.end() > q.end or prefix.endswith(_DURATION_VERBS) or nothing_before):
        # 项目实现了5天签约, 25天时间企业全面复工复产: a time taken is named by what was done in
        # it (not 办理时限由20天压缩到3天, 优良天数318天, 连续3个月: there the days are measured)
        done = taken
        limit = min(len(text), done.end() + 30)
        stop = _DEED_STOP.search(text, done.end(), limit)
        while stop and stop.group() == "“":  # a quoted name goes whole: 实现“机构、人员、职责”三到位
            close = text.find("”", stop.end(), limit)
            if close < 0:
                break  # a quote left open: the deed ends before it
            stop = _DEED_STOP.search(text, close + 1, limit)
        deed = text[done.end() : stop.start() if stop else limit]
        if len(deed) >= 2:
            base = whole
            while base.endswith(_DURATION_VERBS):
                base = base[: -len(next(v for v in _DURATION_VERBS if base.endswith(v)))]
            subj = base + deed + "用时"
            noun_end = done.end() + len(deed)
    if q.unit in ("CNY", "USD") and len(subj) <= 4 and text[q.end : q.end + 1] not in CLAUSE_BOUNDARY:
        # 发挥5亿元科技成果转化基金, 最高给予100万元奖励: the money is the fund or the award named after it
        fund = _FUND_AFTER.match(text, q.end, min(len(text), q.end + 24))
        if fund:
            subj, noun_end = fund.group(), fund.end()
    measured = _MEASURED.search(subj[-6:])
    of_share = q.raw_unit == "%" and not _RATE_VERB.search(prefix[-8:])  # not 增长5%的好成绩
    if (
        text.startswith("的", q.end)
        and (of_share or (q.unit not in ("pp", "times", "%") and (measured or len(subj) <= 4)))
        and not _OWN_MEASURE.search(subj)  # 规划人口80万的临沂西城: 人口 names the number already
    ):
        # 99%的行政村通达快递服务: a share of what follows; 投资50亿元的新能源发电: its
        # investment; 打造了20平方公里的美丽乡村示范片区: what the amount is of
        of = _NOUN_AFTER.match(text, q.end + 1, clause_end(text, q.end + 1, q.end + 1 + _AFTER_SPAN))
        owner = (of.group() if of else "").split("、")[0].rstrip("和及与")
        if q.unit != "%":
            cut = _NOUN_STOP.search(owner)
            owner = _DOING.sub("", _COUNT_FIRST.sub("", owner[: cut.start()] if cut else owner))
        if measured:
            # the project named after the money (甲项目等 → 甲项目) owns it; the next number
            # may speak of the project again (的宏工智能项目实现了5天签约), so the noun stays
            clause_after = text[q.end : clause_end(text, q.end, q.end + 120)]
            owner = _invested_in(clause_after) or owner
            kind_of = _ETC_HEAD.search(clause_after)
            if kind_of and not owner.endswith(kind_of.group(1)):
                owner += kind_of.group(1)  # 投资40亿元的甲、投资14.7亿元的乙等重点项目: 甲项目
            if len(owner) >= 2:
                subj = owner + measured.group()
        elif len(owner) >= 2:
            subj = trim(subj + owner) if q.unit == "%" else owner
            noun_end = q.end + 1 + len(owner)
    elif q.unit == "%" and not subj and of_share and not text.startswith("的", q.end):
        # 30%以上城市社区达到绿色社区标准: nothing before, the words after are the subject
        of = _NOUN_AFTER.match(text, q.end, clause_end(text, q.end, q.end + _AFTER_SPAN))
        if of and len(of.group()) >= 2:
            subj = trim(of.group())
            noun_end = of.end()
    elif q.unit == "CNY" and measured and measured.group().endswith("投资"):
        deed = text[q.end : clause_end(text, q.end, min(len(text), q.end + 60))]
        done = _DIGIT.split(deed, 1)[0]
        if len(subj) <= 4 and 2 <= len(done) <= 30 and is_common_han(deed[0]) and not deed.startswith(_LEVERS):
            target = _LIGHT_VERB.sub("", done)  # 投资40万元配齐办公用品: what the money did
        else:
            target = _invested_in(deed)
        if target:
            subj = target + measured.group()  # 总投资110亿元“光热+风电”示范项目: its investment
    if q.raw_unit == "倍增" and subj:
        # 实施人才兴咸计划、科技企业倍增: the last of a list doubles; 以…/率先实施… frame it
        subj = _DOUBLING_FRAME.sub("", subj[subj.rfind("、") + 1 :]) or subj
    if q.unit == "%" and "占" in subj and not subj.endswith(("比重", "占比", "比例")):
        subj += "比重"  # 占全省60%以上: a share
    reg, rest = sub_region(subj, region)
    if not reg and whole is not subj:  # 自贸区完成…等40余项: the place opened the examples
        reg = sub_region(whole, region)[0]
        rest = subj
    return _Subject(rest if reg else subj, reg, start, noun_end, clause)


def _measure(q: Found, before: str, mention: str) -> str:
    if q.raw_unit == "倍" and q.unit == "%":
        return "growth"  # 增长1.5倍
    if q.unit == "times":
        return "multiple"
    if q.unit == "pp":
        return "change"
    tail = before[-8:]
    if q.unit == "%":
        if q.verb == "增长" or _GROWTH_VERB.search(tail) or (GROWTH_NOUN.search(mention) and not tail.endswith(("到", "至"))):
            return "growth"
        return "level"
    m = _CHANGE_VERB.search(tail)
    if m and not (m.group().startswith(("新增", "净增")) and len(before) - len(tail) + m.start() < 2):
        return "change"  # X增加N, X新增N; but 新增X N is the level of the flow 新增X
    return "level"


def _sentence_records(norm, s, e, qs, ctx, region, hits) -> list[Indicator]:
    text = norm.text
    sent = text[s:e]
    out: list[Indicator] = []
    last_members: list[_Subject] = []
    last_subject: _Subject | None = None
    last_unit = ""
    last_start = s
    singles: list[_Subject] = []  # subjects of the one-number runs just before
    floor = s
    clauses = Clauses(text, s, e)  # the clause of each number is looked up, not walked back to
    place = opening_zone(sent)  # a sub-region the sentence opens with (集美新城要完成投资…,加快…): the rest is its
    for run in _runs(text, qs):
        head = run[0]
        subj = _subject(text, floor, head, region, clauses)
        prefix_head = text[subj.clause : head.start]
        if subj.region and clauses.start(head.start, max(s, head.start - _SUBJECT_SPAN)) == s:
            place = subj.region
        elif place and not subj.region and not any(w in prefix_head for w in _WHOLES):
            subj = replace(subj, region=place)
        use = bare_use(subj.mention)
        if last_subject is not None and (use == "append" or (use == "of_count" and last_unit == "count")):
            # 区级税收12.3亿元,占比56.9%; 签约项目31个、总投资50亿元: the things counted
            subj = _Subject(last_subject.mention + subj.mention, last_subject.region, subj.start)
        elif (
            last_subject is not None
            and use in ("sibling", "of_count")
            and (kin := _SIBLING_TAIL.search(last_subject.mention[-4:]))
        ):
            # 粮食面积稳定在470万亩以上,产量稳定在185万吨以上: the 产量 of 粮食
            m = last_subject.mention
            subj = _Subject(m[: len(m) - len(m[-4:]) + kin.start()] + subj.mention, last_subject.region, subj.start)
        elif last_subject is not None and use in ("total", "stock") and (flow := _FLOW.match(last_subject.mention)):
            # 新增规上企业167家、在库350家 / 总数达到65家: the stock of what the flow added to
            stock = last_subject.mention[flow.end() :]
            subj = _Subject((subj.mention if use == "stock" else "") + stock, last_subject.region, subj.start)
        elif last_subject is not None and (
            use in ("inherit", "total", "stock")
            or (
                subj.mention
                and subj.end == head.end
                and subj.mention in last_subject.mention
                # 5天签约 after 项目总投资52亿元 is no investment; a growth says nothing of units
                and (head.unit == last_unit or "%" in (head.unit, last_unit) or "pp" in (head.unit, last_unit))
            )
        ):
            subj = _Subject(last_subject.mention, last_subject.region, subj.start)  # 累计完成投资
        if (
            last_subject is not None
            and head.unit == last_unit
            and clauses.start(head.start, last_start) == last_start  # one clause: not 签约项目30个,开工25个
            and _DEED_END.fullmatch(subj.mention)
        ):
            # …问题楼盘复工19个: those of the things just counted that did it (复工问题楼盘)
            subj = _Subject(subj.mention + last_subject.mention, last_subject.region, subj.start, subj.end, subj.clause)
        flow = _FLOW_LEAD.match(last_subject.mention) if last_subject is not None else None
        if (
            flow
            and use is None
            and prefix_head.startswith("、")
            and len(subj.mention) >= 2
            and not _OWN_FLOW.match(subj.mention)
            and indicator_code(subj.mention) is None
        ):
            # 新增规上服务业企业10家、限上商贸企业50家: the verb governs the whole list (but
            # 实际利用外资 names itself); 新增公办幼儿园6所、园位2370个: a part of the one before
            part = len(subj.mention) <= 2 and subj.mention[-1] in "位数量积额"
            lead = last_subject.mention if part else flow.group()
            subj = _Subject(lead + subj.mention, subj.region, subj.start, subj.end, subj.clause)
        elif flow and prefix_head.lstrip("、，, ").startswith("其中") and not _FLOW_LEAD.match(subj.mention):
            # 新增市场主体6000家,其中企业2000家: the part is a flow too (新增企业)
            subj = _Subject(flow.group() + subj.mention, subj.region, subj.start, subj.end)
        whole = prefix_head.strip("、，, ")
        if len(subj.mention) < 2 and last_subject is not None and whole in _WHOLES:
            share = _SHARE_OF.search(last_subject.mention)
            if share:  # 占全省40%、全国10%: the same share, of another whole
                m = last_subject.mention
                subj = _Subject(m[: share.start(1)] + whole + m[share.end(1) :], last_subject.region, subj.start)
        if (len(subj.mention) < 2 or (len(subj.mention) <= 4 and subj.end == head.end)) and len(run) > 1 and run[-1].unit != head.unit and {run[-1].unit, head.unit} != {"household", "person"}:
            # 沿河路等11条、65公里道路: numbers of different units share the noun after the last
            tail = _subject(text, run[-2].end, run[-1], region, clauses)
            if len(tail.mention) >= 2:
                subj = _Subject(tail.mention, tail.region, subj.start, tail.end, subj.clause)
        if len(subj.mention) < 2 or (subj.mention.startswith("占") and head.unit == "%" and last_subject is not None):
            # 增长64%: the subject of the previous number; 分别占全市36.8%、44.5%: their shares
            share = subj.mention if len(subj.mention) >= 2 else ""
            if len(run) > 1 and len(last_members) == len(run):
                members = [_Subject(m.mention + share, m.region, subj.start) for m in last_members]
            elif len(run) > 1 and len(singles) >= len(run):
                # 存款余额5860亿元,贷款余额4920亿元,分别增长9.3%和11.6%
                members = [_Subject(m.mention + share, m.region, subj.start) for m in singles[-len(run) :]]
            elif last_subject is not None:
                members = [_Subject(last_subject.mention + share, last_subject.region, subj.start)] * len(run)
            else:
                # 利用外资创历史新高,突破1.5亿美元: the indicator opens the clause before
                # the clause just before, else the sentence's first (short ones only: trim is not free)
                named = ""
                for lo in (clauses.start(subj.clause - 1, s), s) if subj.clause > s else ():
                    if 0 < subj.clause - lo <= _SUBJECT_SPAN and (named := leading_indicator(text[lo : subj.clause])):
                        break
                members = [_Subject(named + share, subj.region, subj.start) if named else subj] * len(run)
        elif len(run) > 1 and (places := region_list(subj.mention, len(run))):
            # 青石县、白沙县地区生产总值分别增长…: one region per number
            members = [_Subject(places[1], r, subj.start) for r in places[0]]
        elif len(run) > 1:
            names = split_subjects(subj.mention, len(run))
            members = [_Subject(n, subj.region, subj.start) for n in names]
        elif (("均" in prefix_head[-6:] or prefix_head.endswith("各")) and _AND.search(subj.mention)) or (
            (head.unit == "%" or (_RATE_HEAD.search(subj.mention) and head.unit not in _COUNTS))
            and _AND.search(subj.mention)
            and _AND.search(_QUOTED.sub("", prefix_head))  # “一趟不用跑、最多跑一趟”事项: one name
            and "等" not in subj.mention
        ):
            # 新建项目、产业项目占比均超过50%; 旅游人次、旅游总收入增长20%以上: each of them
            names = split_subjects(subj.mention, len(_AND.split(subj.mention)))
            members = [_Subject(n, subj.region, subj.start) for n in names]
            run = run * len(members)
        else:
            members = [subj]
        listed = len(set(map(id, run))) > 1  # several numbers (not one repeated for 均)
        # 由18.9%提高到22.6%, 三次产业比例由1:40.6:58.4调整为…: the level(s) before the change
        before_change = head.start > s and text[head.start - 1] in "由从" and _TO.match(text, run[-1].end)
        for q, who in zip(run, members):
            t = time_of(ctx, sent, q.start - s, hits, clauses.start(q.start, max(s, q.start - WINDOW)) - s)
            if before_change:
                # 由18.9%提高到22.6%: the level before, a result even in a plan
                t = t._replace(kind="achievement", year=(t.period_start or t.year or ctx.report_year) - 1, period_start=None)
            mention = who.mention
            # list members share the verb before the first number (分别增长8%、10%)
            measure = _measure(q, prefix_head, mention)
            value = q.value
            cut = _FALL_FIRST.match(prefix_head) if value is not None and value > 0 and q.unit != "pp" else None
            if cut and not (q.unit == "%" and _LEVEL_AFTER_CUT.search(prefix_head, cut.end())):
                # 压减煤炭消费量120万吨: a cut; 压减审批时限86%: a fall of 86%
                measure, value = ("growth" if q.unit == "%" else "change"), -value
            elif value is not None and value > 0 and measure == "change" and _BELOW.search(prefix_head):
                value = -value  # 低于全省0.5个百分点: a gap below the benchmark
            start = min(who.start, q.start)
            end = max(q.end, run[-1].end) if listed else q.end
            if end - start > _LONGEST_TEXT:  # an endless list: each number quotes itself
                start, end = q.start, q.end
            src_s, src_e = norm.span(start, end)
            out.append(
                _validate(  # the model's full validation, without __init__'s frame: 2.2 µs, not 3.5
                    dict(
                        kind=t.kind,
                        indicator=indicator_code(mention),
                        mention=mention,
                        measure=measure,
                        value=value,
                        low=q.low,
                        high=q.high,
                        qualifier=q.qualifier,
                        unit=q.unit,
                        raw_unit=q.raw_unit,
                        year=t.year,
                        period_start=t.period_start,
                        estimated=t.estimated,
                        region=who.region or region,
                        text=norm.source[src_s:src_e],
                        start=src_s,
                        end=src_e,
                    )
                )
            )
        last_members = members
        if len(members) == 1:
            singles.append(members[0])
        else:
            singles = []
        last_subject = members[-1]
        last_unit = run[-1].unit
        last_start = run[-1].start
        floor = max(run[-1].end, subj.end)
    return out
