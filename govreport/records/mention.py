"""The words that name one number: its subject, before it or after it.

`subject_of` reads them in steps, each a kind of wording, in this order:

1. the clause before the number, trimmed of verbs and scope words (`trim`), without the
   examples of an 等 list (敏华、益海嘉里等101个项目 → 项目);
2. the noun after a count (384个贫困村), with what the things did or became when the noun
   alone says little (10个县市成为示范县, 对25个县进行重点帮扶);
3. a time taken, named by what was done in it (5天签约 → 签约用时);
4. a fund or an award named after the money (5亿元科技成果转化基金);
5. the owner after 的 (99%的行政村, 总投资50亿元的新能源项目), or what invested money
   did (投资40万元配齐办公用品), or the service people were given (为6200名残障儿童提供
   康复救助 → 康复救助残障儿童);
6. last touches: the last of a list doubles (倍增), 占 makes a share (比重), and a
   sub-region at the head becomes the record's region.

>>> from govreport.quantities.grammar import find
>>> from govreport.text.segment import Clauses
>>> text = "全市384个贫困村全部退出"
>>> q = find(text)[0]
>>> subject_of(text, 0, q, "甲市", Clauses(text, 0, len(text))).mention
'贫困村'
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..lexicon import HAN, is_common_han
from ..quantities.grammar import Found, people_noun
from ..text.segment import CLAUSE_BOUNDARY, Clauses, clause_end
from .subjects import sub_region, trim

# A subject is looked for at most this far before its number (a clause can be endless),
# and the words after a count at most this far after it.
SUBJECT_SPAN = 160
_AFTER_SPAN = 80


@dataclass(slots=True)
class Subject:
    mention: str
    region: str
    start: int  # clean offset where the record's text begins
    end: int = 0  # clean offset where the subject's words end (after a noun that follows)
    clause: int = 0  # clean offset where the number's clause begins
    coded: bool = True  # may name an indicator (not a part of one: 达标新增市场主体)


def subject_of(text: str, s: int, q: Found, region: str, clauses: Clauses) -> Subject:
    """The subject of `q`: the trimmed clause before it (not reaching back past the number
    or noun before it, `s`), and the noun after a count (384个贫困村)."""
    clause = clauses.start(q.start, max(s, q.start - SUBJECT_SPAN))
    cs, prefix = _one_item(text, s, clause, q.start)
    subj = whole = trim(prefix)
    subj = _without_examples(subj, q)
    lead = _LEAD_JUNK.match(prefix)
    start = cs + max(prefix.find(subj), 0) if subj else cs + (lead.end() if lead else 0)
    subj, noun_end = _counted_noun(text, q, prefix, subj)
    # (each step looks only at the numbers it is about: a step is a call, and calls cost)
    if q.unit == "day" or q.raw_unit == "个月":
        subj, noun_end = _time_taken(text, q, prefix, whole, subj, noun_end)
    if q.unit in ("CNY", "USD"):
        subj, noun_end = _fund_named(text, q, subj, noun_end)
    subj, noun_end = _owner(text, q, prefix, subj, noun_end)
    if prefix.endswith("为"):
        subj, noun_end = _served(text, q, prefix, subj, noun_end)
    if q.raw_unit == "倍增" or (q.unit == "%" and "占" in subj):
        subj = _last_touches(q, subj)
    reg, rest = sub_region(subj, region)
    if not reg and whole is not subj:  # 自贸区完成…等40余项: the place opened the examples
        reg = sub_region(whole, region)[0]
        rest = subj
    return Subject(rest if reg else subj, reg, start, noun_end, clause)


# --- 1. the clause before ------------------------------------------------------------

_LEAD_JUNK = re.compile(r"(?:[、\s“”]|大关|台阶|以上)+")
# Money and rates do not take a noun after them (100亿元大关, 5.2亿元的项目).
_NO_NOUN_AFTER = {"%", "pp", "times", "CNY", "USD"}
# Verbs that make a count a flow (新建4家中心, 引进10家企业): kept before the counted noun.
FLOW_LEAD = re.compile(r"新增|净增|新建改扩建|新改扩建|新建改造|新建改建|新建扩建|新改建|新建|引进|新登记|新认定|新成立|新组建|新设立|新培育|新发展")
_FLOW_VERB = re.compile(rf"(?:{FLOW_LEAD.pattern})$")


def _one_item(text: str, s: int, cs: int, pos: int) -> tuple[int, str]:
    """Where the words before `pos` start, and the words: the clause from `cs`, or only its
    last list item when the clause began at the number before (投资40亿元的甲项目、投资14.7亿元…)."""
    prefix = text[cs:pos]
    if cs == s and s > 0 and text[s - 1] not in CLAUSE_BOUNDARY and "、" in prefix:
        cs += prefix.rfind("、") + 1
        prefix = text[cs:pos]
    return cs, prefix


def _without_examples(subj: str, q: Found) -> str:
    """敏华、益海嘉里等101个项目: the examples go; 新增独角兽、瞪羚等高成长性企业: the flow stays."""
    if "等" not in subj or q.unit in _NO_NOUN_AFTER:
        return subj
    lead = FLOW_LEAD.match(subj)
    return (lead.group() if lead else "") + trim(subj[subj.rfind("等") + 1 :])


# --- 2. the noun after a count -----------------------------------------------------

# (a size class may open it: 390个5亿元以上重大项目)
_NOUN_AFTER = re.compile(
    rf"(?:[0-9]+(?:\.[0-9]+)?[万亿]?元以[上下]|[0-9]+(?:\.[0-9]+)?[千百万亿]*元?级|[0-9]+[项个件类]|[0-9](?=[A-Z]))?[{HAN}“”A-Za-z](?:[{HAN}“”A-Za-z]|、(?=[{HAN}])|[(（][^()（）]{{0,8}}[)）]|(?<=[过超])[0-9]+(?:\.[0-9]+)?[千百万亿]*元){{0,21}}"
)
# A noun after a count ends before these words: 384个贫困村全部退出, 126家增加到215家.
_NOUN_VERB = re.compile(r"^(?:增加|提高|减少|下降|增长|达到|超过|获得|入围|压缩|缩短|缩减|压减|延长)")
_NOUN_STOP = re.compile(
    r"全部|均|实现|获得|获评|荣获|被|开工|竣工|投产|建成|入围|达到|顺利|完成|进行|落地|增收|"
    r"脱贫|退出|摘帽|签约|的|成为|通过|列入|纳入|达|在(?!建|库|册|岗|营)|大关|台阶|被评为|按计划|按期|"
    r"全面|提供|荣获|获|上线|清零|连续|、实现|深入|稳定|成功"
    r"|(?<![高中初同平均对上])等"  # 等 ends a name list (甲等3家), not 高等院校
    r"|以及|去年|今年|目前|已经|开展|相继|先后|陆续|如期|倍增|翻番|正在"
    r"|释放|参与|参加|入驻|落户|享受|开通|接入|配备|加入|全?覆盖(?!率|面)|通(?=高铁|高速|动车|火车|公交|客车|班车|天然气|宽带|5G|硬化路|自来水|快递)"
)
# deeds that name a one-word noun counted before them (对25个县进行重点帮扶 → 进行重点帮扶县)
_DOES = re.compile(r"通|进行|完成|实现|开展|开工|竣工|投产|建成|顺利|成功|脱贫|退出|摘帽|签约|上线|清零|落地")
# deeds that a part of the things counted did, told by a second count (项目竣工79个)
DEED_END = re.compile(r"(?:复工|竣工|开工|投产|完工|建成|开业|达标|验收|销号|交付|入驻|落地|签约|办结|化解)$")
# words of the next list member that bring their own count (、市级45项)
_NEXT_COUNT = re.compile(rf"[{HAN}]{{0,6}}[0-9]")
# a level that names a class of things (省级8项反馈问题, 国家级3家): no verb, part of the name
_LEVEL = re.compile(r"(?:国家|中央|省|市|州|县|区|镇|乡|村|地方|世界|国际)级$")
_SIZE_CLASS = re.compile(r"[0-9百千万亿]+元(?:以上|以下)?$")  # 收入过亿元(的企业)
_COUNT_FIRST = re.compile(r"^[0-9]+[项个件类]")
_STACKED = re.compile(r"[0-9]+(?:\.[0-9]+)?[万亿]?(?:个|家|户|名|套|所|座|处|项|条|人|间|栋)")
# Verbs made nouns that close a count's noun: the count is of the thing, not of the work.
_DOING = re.compile(r"(?<=..)(?:建设|改造|创建|扶持|规模|水平|作用)$")  # and attributes: 基地规模
# A count whose things then become or win something is named by it, as a relative clause:
# 10个县市成为示范县 → 成为示范县县市, 11个村镇荣获“文明村镇”称号 → 荣获“文明村镇”称号的村镇.
_NAMED = re.compile(r"(?:被|均|全部)?(?:成为|被?评为|获评|荣获|入选|入围|获批|获得|获|被?纳入|被?列入)")
_NAMED_END = re.compile(r"[0-9，,；;。:：！？!?\n]")
_ALL = re.compile(r"^(?:均|全部|成功|顺利)+")
_NOUN_UNITS = ("农户",)  # classifiers that are nouns of their own (units.csv)


def _counted_noun(text: str, q: Found, prefix: str, subj: str) -> tuple[str, int]:
    """The subject with the noun after a count (and where the noun ends): 384个贫困村,
    出台15项稳增长措施 (the short verb before goes), 新建4家日间照料中心 (a flow stays)."""
    noun_end = q.end
    share_of = q.raw_unit in ("成", "一半", "半数", "过半") and not subj  # 近八成工业行业实现盈利
    if q.unit in _NO_NOUN_AFTER and not share_of:
        return subj, noun_end
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
        deed = DEED_END.search(noun) if noun and after[len(noun) : len(noun) + 1].isdigit() else None
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
            np = _noun_at(after, len(noun) + 1)
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
            listed = "、" in subj
            # (新增计算机、机械装备、文化创意3条千亿产业链群: the verb of the examples is the count's)
            flow = _FLOW_VERB.search(prefix[-6:]) or (FLOW_LEAD.match(subj) if listed else None)
            if flow and subj.startswith("、", flow.end()):
                flow = None  # 新建、续建、改扩建11处: a list of verbs, not one flow
            subj = noun if listed or short or people else subj + joint + noun
            bare = subj == noun
            if named and bare:
                subj = _named(after, named.start(), subj)  # 10个县市成为国家…示范县
            if flow and bare and not noun.startswith(flow.group()):  # 新建4家日间照料中心: a flow, not the stock
                subj = flow.group() + subj
            if share_of:
                subj += "占比"
        else:
            noun_end = q.end
    if len(subj) <= 4 and not _LEVEL.search(subj) and m is None and (stacked := _STACKED.match(after)):
        # 7797户15739名贫困群众, 抓好31个2.9万套棚改项目: two counts of one noun; the second
        # number reads it again, so the noun is not taken from it
        np = _DOING.sub("", _noun_at(after, stacked.end()))
        subj = np if len(np) >= 2 else subj
    if len(subj) <= 4 and noun_end == q.end and q.raw_unit.endswith(_NOUN_UNITS):
        # 18.1万农户实现清洁取暖: the unit is the noun; what they did names them
        word = next(w for w in _NOUN_UNITS if q.raw_unit.endswith(w))
        vp_end = _NAMED_END.search(after)
        vp = after[: vp_end.start() if vp_end else len(after)][:20]
        subj = (vp if m is None or _NOUN_VERB.match(after) or _NOUN_STOP.match(after) else "") + word
    return subj, noun_end


def _noun_at(words: str, at: int) -> str:
    """The noun that starts at `at` of `words`, up to the word that ends it (的, 全部…)."""
    m = _NOUN_AFTER.match(words, at)
    noun = m.group() if m else ""
    stop = _NOUN_STOP.search(noun)
    return noun[: stop.start()] if stop else noun


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


# --- 3. a time taken -----------------------------------------------------------------

_DURATION_LEAD = re.compile(r"(?:时间|之内|内|就|即|便)*")
_MORE_TIMES = re.compile(r"(?:[和、及与][0-9]+(?:\.[0-9]+)?(?:天|个月)){1,8}")
_DEED_STOP = re.compile(r"[0-9、，,；;。：:！？!?\n“]|的")
# verbs of taking a time, stripped one at a time from the subject's end (a `(?:…)+$` pattern
# of overlapping words would backtrack exponentially)
_DURATION_VERBS = ("仅用了", "只用了", "实现了", "仅用", "只用", "用了", "实现", "历时", "花了", "用", "仅", "只")


def _time_taken(text: str, q: Found, prefix: str, whole: str, subj: str, noun_end: int) -> tuple[str, int]:
    """项目实现了5天签约, 25天时间企业全面复工复产: a time taken is named by what was done in it
    (not 办理时限由20天压缩到3天, 优良天数318天, 连续3个月: there the days are measured)."""
    if q.unit != "day" and q.raw_unit != "个月":
        return subj, noun_end
    rest = _MORE_TIMES.match(text, q.end)  # 分别用45天和24天实现…: the deed follows the last
    last = rest.end() if rest else q.end
    taken = _DURATION_LEAD.match(text, last)
    nothing_before = len(whole) <= 2 and not prefix.endswith(("连续", "提前", "缩短", "延长", "推迟"))
    within = text[q.end - 1] == "内"  # 25天内企业全面复工: the qualifier took the 内
    if not (taken.end() > last or within or prefix.endswith(_DURATION_VERBS) or nothing_before):
        return subj, noun_end
    limit = min(len(text), taken.end() + 30)
    stop = _DEED_STOP.search(text, taken.end(), limit)
    while stop and stop.group() == "“":  # a quoted name goes whole: 实现“机构、人员、职责”三到位
        close = text.find("”", stop.end(), limit)
        if close < 0:
            break  # a quote left open: the deed ends before it
        stop = _DEED_STOP.search(text, close + 1, limit)
    deed = text[taken.end() : stop.start() if stop else limit]
    if len(deed) < 2:
        return subj, noun_end
    base = whole
    while base.endswith(_DURATION_VERBS):
        base = base[: -len(next(v for v in _DURATION_VERBS if base.endswith(v)))]
    return base + deed + "用时", taken.end() + len(deed)


# --- 4. a fund named after its money -----------------------------------------------

# money that moves other money (带动社会资金, 撬动银行贷款) is not that money
_LEVERS = ("带动", "撬动", "吸引", "拉动", "争取", "用于", "支持", "的")
_FUND_AFTER = re.compile(
    rf"(?!{'|'.join(_LEVERS)})[{HAN}]{{0,16}}?"
    r"(?:奖补资金|奖励资金|补助资金|补贴资金|引导资金|基金|资金|奖励|补助|补贴|奖补|贷款|债券)"
)


def _fund_named(text: str, q: Found, subj: str, noun_end: int) -> tuple[str, int]:
    """发挥5亿元科技成果转化基金, 最高给予100万元奖励: the money is the fund or the award
    named after it."""
    if q.unit in ("CNY", "USD") and len(subj) <= 4 and text[q.end : q.end + 1] not in CLAUSE_BOUNDARY:
        fund = _FUND_AFTER.match(text, q.end, min(len(text), q.end + 28))
        if fund:
            return fund.group(), fund.end()
    return subj, noun_end


# --- 5. the owner after 的, and what invested money did ---------------------------------

# Measure words whose owner may follow the amount: 总投资1.2亿元的铭基磁芯, 占地400亩的产业园.
# (an investment keeps what kind it is: 年度计划投资1005亿元的196个重点项目)
_MEASURED = re.compile(r"(?:(?:年度计划|年度|计划)?(?:总投资|投资)|占地面积|占地|建筑面积|总面积|面积|总规模|总长度|总长)$")
# A rate verb before N% makes 的X a word about the number (增长5%的好成绩), not its owner.
_RATE_VERB = re.compile(r"(?:增长|下降|提高|降低|提升|达到|达|实现|保持|超过|突破|控制在|稳定在|为|是|在)\s*(?:约|近)?$")
_OWN_MEASURE = re.compile(r"(?:人口|容量|产能|里程)$")
_ETC_HEAD = re.compile(rf"等[{HAN}]{{0,6}}?(项目|工程|基地)")
_PROJECT = re.compile(rf"^[0-9]*[项个座]?((?:[{HAN}“”+]|(?<=[{HAN}])[A-Za-z0-9]){{2,24}}?(项目|基地|工程|园区|产业园|中心|电站))")
_DIGIT = re.compile(r"[0-9]")
_LIGHT_VERB = re.compile(rf"^[{HAN}]{{2}}了(?=[{HAN}]{{2}})")  # 开展了, 实施了


def _owner(text: str, q: Found, prefix: str, subj: str, noun_end: int) -> tuple[str, int]:
    """99%的行政村通达快递服务: a share of what follows; 投资50亿元的新能源发电: its
    investment; 打造了20平方公里的美丽乡村示范片区: what the amount is of; 30%以上城市社区
    达到…: the words after, with nothing before; 投资40万元配齐办公用品: what the money did."""
    measured = _MEASURED.search(subj[-6:])
    of_share = q.raw_unit == "%" and not _RATE_VERB.search(prefix[-8:])  # not 增长5%的好成绩
    if (
        text.startswith("的", q.end)
        and (of_share or (q.unit not in ("pp", "times", "%") and (measured or len(subj) <= 4)))
        and not _OWN_MEASURE.search(subj)  # 规划人口80万的临沂西城: 人口 names the number already
    ):
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
    return subj, noun_end


# 为N名X提供Y: the people are named by what they were given
_SERVE = re.compile(r"提供|发放|办理|落实|减免|兑现|安排|解决")
_HOW = re.compile(r"(?:免费|无偿|集中|及时|全部|累计|共)+$")


def _served(text: str, q: Found, prefix: str, subj: str, noun_end: int) -> tuple[str, int]:
    """为6200名14岁以下符合救助条件的残障儿童提供康复救助: 康复救助残障儿童."""
    if not prefix.endswith("为") or q.unit not in ("person", "household", "count", "person_time"):
        return subj, noun_end
    end = clause_end(text, q.end, q.end + _AFTER_SPAN)
    verb = _SERVE.search(text, q.end, end)
    if verb is None:
        return subj, noun_end
    whom = text[q.end : verb.start()]
    whom = _HOW.sub("", whom[whom.rfind("的") + 1 :])  # 14岁以下符合救助条件的残障儿童: the people
    rest = text[verb.end() : end]
    deed = _DIGIT.split(rest, 1)[0]
    if len(whom) < 2 or len(deed.removeprefix("了")) < 2 or not is_common_han(whom[0]):
        return subj, noun_end
    # 发放护理补贴790万元: the number after is the deed's own, and the deed its subject
    return deed.removeprefix("了") + whom, (verb.start() if len(deed) < len(rest) else end)


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


# --- 6. last touches ------------------------------------------------------------------

_DOUBLING_FRAME = re.compile(r"^(?:以|在全[市省区县]|率先|继续|深入|大力|全面|实施)+")


def _last_touches(q: Found, subj: str) -> str:
    if q.raw_unit == "倍增" and subj:
        # 实施人才兴咸计划、科技企业倍增: the last of a list doubles; 以…/率先实施… frame it
        subj = _DOUBLING_FRAME.sub("", subj[subj.rfind("、") + 1 :]) or subj
    if q.unit == "%" and "占" in subj and not subj.endswith(("比重", "占比", "比例")):
        subj += "比重"  # 占全省60%以上: a share
    return subj
