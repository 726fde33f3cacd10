"""From clean text with its quantities to `Indicator` records.

For each sentence: update the context (heading, time cues), group the sentence's
quantities into list runs (8%、10%左右 / 3.5%和5.5%以内), find the subject of each run
(`mention.subject_of`), let it lean on the subjects before it (占比56.9% after 区级税收,
产量 after 粮食面积), split it over the run's numbers (分别) or repeat it (均), and decide
measure, kind and time.
"""

from __future__ import annotations

import re
from dataclasses import replace

from ..lexicon import HAN
from ..models import Indicator
from ..quantities.grammar import Found, find
from ..text.normalize import Normalized, has_traditional
from ..text.segment import (
    Clauses,
    heading_start,
    heading_kind,
    sections,
    sentences,
)
from .context import WINDOW, Context, CueIndex, enter_section, read_sentence, time_of
from .as_written import as_written, unit_as_written
from .quote import Quotes
from .mention import DEED_END, FLOW_LEAD, SUBJECT_SPAN, Subject, subject_of
from .subjects import AREAS, GROWTH_NOUN, bare_use, indicator_code, leading_indicator, opening_zone, region_list, split_subjects, unspaced

_RUN_SEP = {"、", "和", "及", "与", "、和", ":", "：", "∶"}
_GROWTH_VERB = re.compile(
    r"(?:增长|下降|降低|减少|提高|提升|回落|下滑|增速|增幅|降幅|涨幅|改善|上涨|上升|压减|削减|压降|缩减|压缩|降价|提速|增|降|涨)"
    r"(?:了)?(?:分别|均)?(?:为|达到|达|是)?(?:约|近|超过|突破|超)?$"
)
_CHANGE_VERB = re.compile(
    r"(?:增加|减少|增产|减产|增收|提高|降低|下降|增长|高出|高于|低于|新增|净增|压减|削减|压降|压缩|缩减|(?<!至)多|(?<!至)少)"
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
_AND = re.compile(r"[、和]")
_SIBLING_TAIL = re.compile(r"(?:播种面积|总产量|总产值|面积|产量|产值|单产|销量|销售额)$")  # 粮食面积 → 粮食产量
_QUOTED = re.compile(r"“[^“”]{0,30}”")
# the glossary after a speech (附:名词解释)
_GLOSSARY = re.compile(r"\s*(?:附[:：]?\s*)?名词解释")
_OWN_FLOW = re.compile(r"新|净增|引进|竣工|开工|在建|投产|累计")  # a member with its own verb
_WHOLES = ("全国", "全省", "全市", "全区", "全县", "全州")
_SHARE_OF = re.compile(r"占(全国|全省|全市|全区|全县|全州)")
_COUNTS = ("count", "household", "person", "person_time")
_RATE_HEAD = re.compile(r"(?:标准|率|比例|比重|占比|价格|单价)$")
_TOTAL = re.compile(r"累计|总数|总量|共有|现有|达")
_SEMICOLON = re.compile(r";")  # (；is folded to ; by normalize)
_RATE_END = re.compile(r"(?:比例|比重|占比|率|强度)$")  # a count is never of a rate (35个断面水质优良比例)
_ZONE_REACH = 40  # a zone's name and the mark after it
_OPENING = re.compile(r"(?:[、,，\s]|累计|全年|今年|年内|共|其中|全市|全省|全县|全区|当年)*")  # words before 新增 that leave it first
_LEVEL_WORD = re.compile(r"(?:国家|省|市|县|区|镇|乡|村)级(?:以上|以下)?")
# A record's text quotes its clause, but never more than this (a list of thousands).
_LONGEST_TEXT = 300


_validate = Indicator.__pydantic_validator__.validate_python


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
    at = len(before) - len(tail)
    if m and not (
        m.group().startswith(("新增", "净增"))
        and _OPENING.fullmatch(before[: at + m.start()])
        and (before[at + m.end() :].strip() or mention.startswith(m.group()))  # (新增496人 after 上线2853人: a change of that)
    ):
        return "change"  # X增加N, X新增N, X压减N; but (累计)新增X N is the level of the flow 新增X
    return "level"


def _sentence_records(norm, s, e, qs, ctx, region, hits) -> list[Indicator]:
    text = norm.text
    sent = text[s:e]
    # A mention is read on the clean text; where the source writes the sentence otherwise
    # (traditional script, pinyin, a PDF's spaces), it is given back as written.
    plain = norm.verbatim(s, e)
    traditional = False
    if not plain and norm.converted:
        src_s, src_e = norm.span(s, e)
        traditional = has_traditional(norm.source[src_s:src_e])
    out: list[Indicator] = []
    last_members: list[Subject] = []
    last_subject: Subject | None = None
    last_unit = ""
    last_end = s
    singles: list[Subject] = []  # subjects of the one-number runs just before
    counted: dict[str, Subject] = {}  # the last subject of each unit as written (所, 个)
    floor = s
    clauses = Clauses(text, s, e)  # the clause of each number is looked up, not walked back to
    place = opening_zone(sent)  # a sub-region the sentence opens with (集美新城要完成投资…,加快…): the rest is its
    # …;高端装备产业园提升…,实施…: a part after a semicolon may open with a zone of its own
    parts = [(m.end(), z) for m in _SEMICOLON.finditer(sent) if (z := opening_zone(sent[m.end() : m.end() + _ZONE_REACH]))] if ";" in sent else []
    runs = _runs(text, qs)
    quotes = Quotes(text, s, e, runs, clauses)
    for i, run in enumerate(runs):
        head = run[0]
        subj = subject_of(text, floor, head, region, clauses)
        quote = quotes.of(i)
        prefix_head = text[subj.clause : head.start]
        while parts and parts[0][0] <= head.start - s:
            place = parts.pop(0)[1]
        if subj.region and clauses.start(head.start, max(s, head.start - SUBJECT_SPAN)) == s:
            place = subj.region
        elif place and not subj.region and not any(w in prefix_head for w in _WHOLES):
            subj = replace(subj, region=place)
        use = bare_use(subj.mention)
        if last_subject is not None and (use == "append" or (use == "of_count" and last_unit == "count")):
            # 区级税收12.3亿元,占比56.9%; 签约项目31个、总投资50亿元: the things counted
            m = last_subject.mention  # (once: 占比56.9%,占比…: the same share again)
            subj = Subject(m if m.endswith(subj.mention) else m + subj.mention, last_subject.region, subj.start)
        elif (
            last_subject is not None
            and use in ("sibling", "of_count")
            and (kin := _SIBLING_TAIL.search(last_subject.mention[-4:]))
        ):
            # 粮食面积稳定在470万亩以上,产量稳定在185万吨以上: the 产量 of 粮食
            m = last_subject.mention
            subj = Subject(m[: len(m) - len(m[-4:]) + kin.start()] + subj.mention, last_subject.region, subj.start)
        elif last_subject is not None and use in ("total", "stock") and (flow := FLOW_LEAD.match(last_subject.mention)):
            # 新增规上企业167家、在库350家 / 总数达到65家: the stock of what the flow added to
            stock = last_subject.mention[flow.end() :]
            subj = Subject((subj.mention if use == "stock" else "") + stock, last_subject.region, subj.start)
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
            subj = Subject(last_subject.mention, last_subject.region, subj.start)  # 累计完成投资
        deed = subj.mention.removeprefix("已经").removeprefix("已")
        if (
            last_subject is not None
            and head.unit == last_unit
            and DEED_END.fullmatch(deed)
            and head.start - last_end < 40
            and clauses.marks(last_end, head.start) <= 1  # this clause or the next
        ):
            # …问题楼盘复工19个, 签约项目30个,开工25个: those of the things just counted that
            # did it (复工问题楼盘, 开工签约项目); a part of them, so no indicator of its own
            subj = Subject(deed + last_subject.mention, last_subject.region, subj.start, subj.end, subj.clause, coded=False)
        if last_subject is not None and _LEVEL_WORD.fullmatch(subj.mention) and (lv := _LEVEL_WORD.search(last_subject.mention)):
            # 新增省级以上企业技术创新平台18个、市级48个: the same things, of another level
            m = last_subject.mention
            subj = Subject(m[: lv.start()] + subj.mention + m[lv.end() :], subj.region, subj.start, subj.end, subj.clause)
        flow = FLOW_LEAD.match(last_subject.mention) if last_subject is not None else None
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
            where = (subj.region or last_subject.region) if part else subj.region  # (a part is where its whole is)
            subj = Subject(lead + subj.mention, where, subj.start, subj.end, subj.clause)
        elif flow and prefix_head.lstrip("、，, ").startswith("其中") and not FLOW_LEAD.match(subj.mention):
            # 新增市场主体6000家,其中企业2000家: the part is a flow too (新增企业)
            subj = Subject(flow.group() + subj.mention, subj.region, subj.start, subj.end)
        whole = prefix_head.strip("、，, ")
        if len(subj.mention) < 2 and last_subject is not None and whole in _WHOLES:
            share = _SHARE_OF.search(last_subject.mention)
            if share:  # 占全省40%、全国10%: the same share, of another whole
                m = last_subject.mention
                subj = Subject(m[: share.start(1)] + whole + m[share.end(1) :], last_subject.region, subj.start)
        if (len(subj.mention) < 2 or (len(subj.mention) <= 4 and subj.end == head.end)) and len(run) > 1 and run[-1].unit != head.unit and {run[-1].unit, head.unit} != {"household", "person"}:
            # 沿河路等11条、65公里道路: numbers of different units share the noun after the last
            tail = subject_of(text, run[-2].end, run[-1], region, clauses)
            if len(tail.mention) >= 2:
                subj = Subject(tail.mention, tail.region, subj.start, tail.end, subj.clause)
        if len(subj.mention) < 2 or (subj.mention.startswith("占") and head.unit == "%" and last_subject is not None):
            # 增长64%: the subject of the previous number; 分别占全市36.8%、44.5%: their shares
            share = subj.mention if len(subj.mention) >= 2 else ""
            if subj.region in AREAS and not subj.mention and head.raw_unit in counted:
                # …幼儿园15所,增加学位2900个,其中中心城区6所: the things of that unit, there
                members = [Subject(counted[head.raw_unit].mention, subj.region, subj.start)] * len(run)
            elif len(run) > 1 and len(last_members) == len(run):
                members = [Subject(m.mention + share, m.region, subj.start) for m in last_members]
            elif len(run) > 1 and len(singles) >= len(run):
                # 存款余额5860亿元,贷款余额4920亿元,分别增长9.3%和11.6%
                members = [Subject(m.mention + share, m.region, subj.start) for m in singles[-len(run) :]]
            elif last_subject is not None:
                m = last_subject.mention
                if (flow := FLOW_LEAD.match(m)) and _TOTAL.search(prefix_head):
                    m = m[flow.end() :]  # 新增3条千亿产业链群,累计达8条: the stock, not the flow
                members = [Subject(m + share, last_subject.region, subj.start)] * len(run)
            else:
                # 利用外资创历史新高,突破1.5亿美元: the indicator opens the clause before
                # the clause just before, else the sentence's first (short ones only: trim is not free)
                named = ""
                for lo in (clauses.start(subj.clause - 1, s), s) if subj.clause > s else ():
                    if 0 < subj.clause - lo <= SUBJECT_SPAN and (named := leading_indicator(text[lo : subj.clause])):
                        break
                members = [Subject(named + share, subj.region, subj.start) if named else subj] * len(run)
        elif len(run) > 1 and (places := region_list(subj.mention, len(run), region)):
            # 青石县、白沙县地区生产总值分别增长…: one region per number
            members = [Subject(places[1], r, subj.start) for r in places[0]]
        elif len(run) > 1:
            names = split_subjects(subj.mention, len(run))
            members = [Subject(n, subj.region, subj.start) for n in names]
        elif (("均" in prefix_head[-6:] or prefix_head.endswith("各")) and _AND.search(subj.mention)) or (
            (head.unit == "%" or (_RATE_HEAD.search(subj.mention) and head.unit not in _COUNTS))
            and _AND.search(subj.mention)
            and _AND.search(_QUOTED.sub("", prefix_head))  # “一趟不用跑、最多跑一趟”事项: one name
            and "等" not in subj.mention
        ):
            # 新建项目、产业项目占比均超过50%; 旅游人次、旅游总收入增长20%以上: each of them
            names = split_subjects(subj.mention, len(_AND.split(subj.mention)))
            members = [Subject(n, subj.region, subj.start) for n in names]
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
            start, end = quote
            if end - start > _LONGEST_TEXT:  # an endless clause: from the subject to the number
                start = min(who.start, q.start)
                end = max(q.end, run[-1].end) if listed else q.end
            if end - start > _LONGEST_TEXT:  # an endless list: each number quotes itself
                start, end = q.start, q.end
            src_s, src_e = norm.quote(start, end)
            out.append(
                _validate(  # the model's full validation, without __init__'s frame: 2.2 µs, not 3.5
                    dict(
                        kind=t.kind,
                        indicator=indicator_code(mention) if who.coded and not (q.unit in _COUNTS and _RATE_END.search(mention)) else None,
                        mention=unspaced(mention if plain else as_written(norm, mention, s, e, q.start, traditional)),
                        measure=measure,
                        value=value,
                        low=q.low,
                        high=q.high,
                        qualifier=q.qualifier,
                        unit=q.unit,
                        raw_unit=q.raw_unit if plain else unit_as_written(norm, q.raw_unit, q.start, q.end),
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
        counted.update((q.raw_unit, who) for q, who in zip(run, members))
        if len(members) == 1:
            singles.append(members[0])
        else:
            singles = []
        last_subject = members[-1]
        last_unit = run[-1].unit
        last_end = run[-1].end
        floor = max(run[-1].end, subj.end)
    return out
