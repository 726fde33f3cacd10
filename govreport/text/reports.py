"""Read scraped files of government work reports: decode the bytes, split a page that
holds several reports, and read each report's header (title, region, date, speaker).

A scraped page looks like this: site chrome, a title line, the report's opening (a date
line "——2022年1月11日在…人民代表大会…会议上", the speaker "XX市市长 某某", then
"各位代表:"), the body, and more chrome (a bare date, pagination, 文章来源, 投稿, …)
before the next title.

>>> page = ("首页 > 政务公开\\n2022年宁德市政府工作报告\\n"
...         "——2022年1月11日在宁德市第七届人民代表大会第一次会议上\\n"
...         "宁德市代市长 张三\\n各位代表:现在,我代表市人民政府,向大会报告工作,请予审议。\\n"
...         "2025-07-02\\n上一页 [1] [2] 下一页\\n")
>>> [(s, e)] = split_reports(page)
>>> page[s:e].splitlines()[0], page[s:e].splitlines()[-1][-6:]
('2022年宁德市政府工作报告', ',请予审议。')
>>> meta = report_meta(page[s:e])
>>> meta["region"], meta["level"], meta["year"], str(meta["date"]), meta["speaker"], meta["office"]
('宁德市', 'prefecture', 2022, '2022-01-11', '张三', '代市长')
"""

from __future__ import annotations

import datetime as _dt
import os
from collections import Counter
from functools import lru_cache
from typing import Any, NamedTuple, Optional, Union

import regex

from ..errors import DecodeError, InputError
from ..lexicon import column
from ..models import Level
from .normalize import normalize

__all__ = ["decode", "split_reports", "report_meta", "read_reports_raw"]

# --------------------------------------------------------------------------- decoding

_BOMS: tuple[tuple[bytes, str], ...] = (
    (b"\x00\x00\xfe\xff", "utf-32-be"),
    (b"\xff\xfe\x00\x00", "utf-32-le"),
    (b"\xef\xbb\xbf", "utf-8"),
    (b"\xff\xfe", "utf-16-le"),
    (b"\xfe\xff", "utf-16-be"),
)
_LEGACY = ("gb18030", "big5")  # GB18030 is a superset of GBK and GB2312


def decode(data: bytes) -> str:
    """Decode the bytes of a scraped report.

    Order: a byte-order mark (UTF-8, UTF-16 LE/BE, UTF-32), strict UTF-8, then GB18030
    or Big5 as charset-normalizer judges best, then whichever of the two decodes strictly.
    Raises `DecodeError` when none does.

    >>> decode("政府工作报告".encode("gb18030"))
    '政府工作报告'
    >>> decode("政府工作報告，各位代表：現在，我代表市人民政府向大會報告工作。".encode("big5"))
    '政府工作報告，各位代表：現在，我代表市人民政府向大會報告工作。'
    >>> decode("各位代表".encode("utf-16"))
    '各位代表'
    >>> decode(b"")
    ''
    >>> decode(b"\\xff\\xff\\xff")
    Traceback (most recent call last):
    ...
    govreport.errors.DecodeError: cannot decode 3 bytes: ...
    """
    if not isinstance(data, (bytes, bytearray, memoryview)):
        raise InputError(f"decode() takes bytes, not {type(data).__name__}")
    data = bytes(data)
    if not data:
        return ""
    for bom, codec in _BOMS:
        if data.startswith(bom):
            try:
                return data[len(bom):].decode(codec)
            except UnicodeDecodeError:
                break  # a false BOM: try the other encodings
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    try:
        import charset_normalizer

        best = charset_normalizer.from_bytes(data, cp_isolation=list(_LEGACY)).best()
    except Exception:  # pragma: no cover - detector failure is not the caller's problem
        best = None
    if best is not None:
        try:
            return data.decode(best.encoding)
        except (UnicodeDecodeError, LookupError):
            pass
    reasons = []
    for codec in _LEGACY:
        try:
            return data.decode(codec)
        except UnicodeDecodeError as e:
            reasons.append(f"{codec}: bad byte 0x{data[e.start]:02x} at offset {e.start}")
    raise DecodeError(
        f"cannot decode {len(data)} bytes: not UTF-8/UTF-16/UTF-32 (with BOM), "
        f"GB18030 or Big5 ({'; '.join(reasons)})"
    )


# --------------------------------------------------------------------------- shared patterns

_CN_DIGIT = {c: i for i, c in enumerate("零一二三四五六七八九")}
_CN_DIGIT.update({"〇": 0, "○": 0, "О": 0, "0": 0, "两": 2})
_YEAR_CH = r"[0-9零〇○一二三四五六七八九]"
_MD_CH = r"[0-9零〇○一二三四五六七八九十廿卅]"
# A date as written: 2022年3月28日, 二○二一年一月十二日, 2023 年 1 月 9 日.
_DATE_BODY = rf"{_YEAR_CH}{{4}}\s?年\s?{_MD_CH}{{1,3}}\s?月\s?{_MD_CH}{{1,3}}\s?日"
_DATE = regex.compile(
    rf"(?P<y>{_YEAR_CH}{{4}})\s?年\s?(?P<m>{_MD_CH}{{1,3}})\s?月\s?(?P<d>{_MD_CH}{{1,3}})\s?日"
)
_COMPACT_DATE = regex.compile(r"[(（]\s?(?P<y>(?:19|20)\d\d)(?P<m>[01]\d)(?P<d>[0-3]\d)\s?[)）]")
_DASHES = "—\\-–－―~～"
# The first line of a report's content, tested on a key (see `_key`).
_OPENING = regex.compile(
    rf"^[(（]?[{_DASHES}]{{0,4}}[(（]?(?:{_DATE_BODY}|在.{{0,40}}?人民代表大会|各位代表|各位委员)"
)
_SENTENCE_PUNCT = "。，,；;：:！!？?、"
# A title: at most 40 characters without sentence punctuation, ending at 政府工作报告, with
# an optional (date) and 全文 tag.  What follows on the same line is `rest`.
_TITLE = regex.compile(
    rf"^(?P<title>[^{_SENTENCE_PUNCT}]{{0,40}}?政府工作报告"
    rf"(?:[(（][^()（）{_SENTENCE_PUNCT}]{{1,20}}[)）])?"
    rf"(?:[{_DASHES}]{{0,2}}全文|[(（]全文[)）])?)(?P<rest>.*)$",
    flags=regex.DOTALL,
)
# Bullets and site tags in front of a title: "• 【青岛招商】".
_LEAD = regex.compile(rf"^[\s•·●○■□◆◇▪►▶*>{_DASHES}]{{0,8}}(?:[【\[][^】\]]{{0,30}}[】\]]){{0,3}}")
_WS = regex.compile(r"[\s\u200b\u200c\u200d\ufeff]+")
# Site chrome that ends a report (tested on keys of at most 80 characters).
_CHROME = regex.compile(
    r"""^\d{4}[-/.]\d{1,2}[-/.]\d{1,2}(?:\d{1,2}:\d{2}(?::\d{2})?)?$
    |上一[页篇章]|下一[页篇章]|^共\d+页$|^(?:\[\d+\]){2,}$|^首页|尾页$
    |文章来源|信息来源|^来源[:：]|责任编辑|^编辑[:：]|^作者[:：]|浏览次数|阅读次数|点击次数|发布时间[:：]
    |相关阅读|相关文章|相关推荐|相关链接|相关新闻|热门推荐|猜你喜欢|延伸阅读|推荐阅读
    |版权所有|版权声明|copyright|©|ICP备|公网安备|免责声明|网站内容|^本站|^本网
    |投稿|联系我们|关于我们|企业入驻|网站地图|返回顶部|打印本页|关闭窗口|分享到|扫一扫|加入收藏|设为首页""",
    flags=regex.VERBOSE | regex.IGNORECASE,
)
_JUNK = regex.compile(rf"^[\s{_DASHES}•·●■◆◇▪|_=*#.。]*$")
_PROSE = regex.compile(r"[，,。；;、]")
_MAX_SKIP = 3  # short lines allowed between a title and the report's opening


def _key(line: str) -> str:
    """A line as compared: normalized (simplified, no pinyin), without any whitespace.

    >>> _key("上一頁 [1] [2] 下(xià)一頁")
    '上一页[1][2]下一页'
    """
    return _WS.sub("", normalize(line[:240]).text)


class _Title(NamedTuple):
    title: str
    opening: bool  # the report's opening follows on the same line


def _title_match(key: str) -> Optional[_Title]:
    """The title at the start of a line key, if the line is a title line.

    >>> _title_match("•【青岛招商】青岛市政府工作报告")
    _Title(title='青岛市政府工作报告', opening=False)
    >>> _title_match("2022年甲市政府工作报告2022年3月28日在甲市第九届人民代表大会第一次会议上")
    _Title(title='2022年甲市政府工作报告', opening=True)
    >>> _title_match("现在,我代表市人民政府向大会作政府工作报告") is None
    True
    """
    key = _LEAD.sub("", key, count=1)
    m = _TITLE.match(key)
    if m is None:
        return None
    rest = m.group("rest")
    if not rest:
        return _Title(m.group("title"), False)
    if _OPENING.match(rest):
        return _Title(m.group("title"), True)
    return None


# --------------------------------------------------------------------------- splitting


def _line_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of every line, without its line break."""
    spans = []
    pos = 0
    n = len(text)
    while pos <= n:
        nl = text.find("\n", pos)
        if nl < 0:
            spans.append((pos, n))
            break
        spans.append((pos, nl))
        pos = nl + 1
    return spans


def _classify(key: str) -> str:
    """One of blank, chrome, title, title_open, open, body, short."""
    if not key:
        return "blank"
    if len(key) <= 80 and _CHROME.search(key):
        return "chrome"
    t = _title_match(key)
    if t is not None:
        return "title_open" if t.opening else "title"
    if _OPENING.match(key):
        return "open"
    if len(key) >= 30 and _PROSE.search(key):
        return "body"
    return "short"


def _starts(kinds: list[str]) -> list[tuple[int, int]]:
    """(title line, first content line) of every report.

    A title line counts when it is followed - possibly after blank lines, at most
    `_MAX_SKIP` short lines and more title lines (a repeated title) - by an opening or a
    paragraph of prose.  Chrome in between disqualifies it.
    """
    out: list[tuple[int, int]] = []
    n = len(kinds)
    i = 0
    while i < n:
        if kinds[i] not in ("title", "title_open"):
            i += 1
            continue
        j, body = i, None
        while True:
            if kinds[j] == "title_open":
                body = j
                break
            k, skipped, nxt = j + 1, 0, None
            while k < n:
                if kinds[k] == "blank":
                    k += 1
                elif kinds[k] == "short" and skipped < _MAX_SKIP:
                    skipped += 1
                    k += 1
                else:
                    nxt = k
                    break
            if nxt is None:
                break
            if kinds[nxt] in ("title", "title_open"):
                j = nxt
                continue
            if kinds[nxt] in ("open", "body"):
                body = nxt
            break
        if body is None:
            i = j + 1
        else:
            out.append((i, body))
            i = body + 1
    return out


def _trimmed_end(text: str, spans: list[tuple[int, int]], keys: list[str], first: int, limit: int) -> int:
    """End offset of the last content line in lines [first, limit)."""
    last = limit - 1
    while last > first and _JUNK.match(keys[last]):
        last -= 1
    s, e = spans[last]
    return s + len(text[s:e].rstrip())


def split_reports(text: str) -> list[tuple[int, int]]:
    """Half-open spans of the reports in a scraped page, in order.

    A report starts at its title line (or, for a title-less fragment, at its first line
    of content) and ends before the site chrome that follows it.  A text without any
    recognisable title is one report: the stripped text, cut before trailing chrome.

    >>> t = ("-\\n2021年乙县政府工作报告\\n2021年乙县政府工作报告2021年1月5日在乙县第九届人民代表大会"
    ...      "第五次会议上县长 李四各位代表:现在,我代表县人民政府向大会报告工作。\\n2025-07-02\\n-\\n"
    ...      "• 【丙市招商】丙市丁区政府工作报告\\n\\n    各位代表:现在,我代表区人民政府向大会报告工作。\\n"
    ...      "有想补充的信息?点我投稿\\n")
    >>> [t[s:e].split("\\n")[0] for s, e in split_reports(t)]
    ['2021年乙县政府工作报告', '• 【丙市招商】丙市丁区政府工作报告']
    >>> split_reports("  各位代表:现在,我代表市人民政府向大会报告工作。\\n上一页 [1] [2] 下一页\\n")
    [(2, 26)]
    >>> split_reports("   ")
    []
    """
    if not isinstance(text, str):
        raise InputError(f"split_reports() takes str, not {type(text).__name__}")
    if not text.strip():
        return []
    spans = _line_spans(text)
    keys = [_key(text[s:e]) for s, e in spans]
    kinds = [_classify(k) for k in keys]
    starts = _starts(kinds)
    n = len(spans)

    def cut(body: int, limit: int) -> int:
        """First chrome line at or after `body` and before `limit`, else `limit`."""
        for k in range(body, limit):
            if kinds[k] == "chrome":
                return k
        return limit

    out: list[tuple[int, int]] = []
    first_title = starts[0][0] if starts else n
    # Content before the first title (a fragment whose title was cut off).
    lead = [k for k in range(first_title) if kinds[k] in ("open", "body")]
    if not starts:
        s0 = len(text) - len(text.lstrip())
        first = next(k for k in range(n) if keys[k] or text[spans[k][0]:spans[k][1]].strip())
        limit = cut(lead[0], n) if lead else n
        end = _trimmed_end(text, spans, keys, first, limit) if limit > first else len(text.rstrip())
        return [(s0, max(end, s0))]
    if lead and (kinds[lead[0]] == "open" or spans[lead[0]][1] - spans[lead[0]][0] >= 300):
        limit = cut(lead[0], first_title)
        s = spans[lead[0]][0]
        s += len(text[s:spans[lead[0]][1]]) - len(text[s:spans[lead[0]][1]].lstrip())
        out.append((s, _trimmed_end(text, spans, keys, lead[0], limit)))
    for idx, (ti, body) in enumerate(starts):
        nxt = starts[idx + 1][0] if idx + 1 < len(starts) else n
        limit = cut(body, nxt)
        s, e = spans[ti]
        line = text[s:e]
        s += len(line) - len(line.lstrip())
        out.append((s, max(s, _trimmed_end(text, spans, keys, ti, limit))))
    return out


# --------------------------------------------------------------------------- metadata

# One administrative unit: a name of 1-8 characters and its suffix.  A one-character
# suffix must not be followed by another (郴州市 is not 郴州 + 市).
_UNIT = regex.compile(
    r"\p{Han}{1,8}?(?:特别行政区|自治区|自治州|自治县|自治旗|地区|新区|林区|街道|苏木"
    r"|[省市州盟县区旗镇乡](?![省市州盟县区旗镇乡]))"
)
_TITLE_NOISE = regex.compile(
    r"\d{4}\s?年度?|[0-9零〇○一二三四五六七八九]{4}年|近[0-9一二三四五六七八九十]{1,2}年|[(（][^()（）]{0,20}[)）]|关于|[^\p{Han}]"
)
_CONGRESS = regex.compile(r"在(?P<p>[^在。，,]{0,30}?)第[0-9一二三四五六七八九十]{1,4}届")
_OFFICE = regex.compile(
    r"(?:代理|代|副)?(?:行政长官|省长|市长|区长|县长|州长|盟长|旗长|镇长|乡长|主席|总理|主任)"
)
_NAME = regex.compile(r"\p{Han}{2,4}|\p{Han}{1,8}[·•]\p{Han}{1,10}")
# A line "株洲市天元区人民政府区长 何柢" of its own.
_SPEAKER_LINE = regex.compile(
    rf"(?P<pre>[^{_SENTENCE_PUNCT}]{{0,30}}?)(?P<o>{_OFFICE.pattern})[\s:：;；]?(?P<n>{_NAME.pattern})"
)
_ZONE_PUNCT = " \t\u3000:：;；,，、.。—-–()（）[]【】"
_MUNICIPALITIES = {"北京市", "天津市", "上海市", "重庆市"}
# Prefecture-level cities (地级市, without 市) are listed in data/prefecture_cities.csv;
# a 市 not listed there is a county-level city.


@lru_cache(maxsize=1)
def _prefecture_cities() -> frozenset[str]:
    return frozenset(column("prefecture_cities", "name"))
_OFFICE_LEVEL = {
    "总理": Level.NATIONAL, "省长": Level.PROVINCE, "主席": Level.PROVINCE,
    "市长": Level.PREFECTURE, "州长": Level.PREFECTURE, "盟长": Level.PREFECTURE,
    "县长": Level.COUNTY, "旗长": Level.COUNTY, "区长": Level.DISTRICT,
    "镇长": Level.TOWN, "乡长": Level.TOWN,
}
_LEVEL_CHAR = regex.compile(r"我代表(?P<c>[省市县区旗州盟镇乡])(?:人民)?政府")
_PLAN_YEAR = regex.compile(
    r"(?P<y>(?:19|20)\d\d)年(?:的)?(?:重点|主要)?(?:工作(?:安排|任务|部署|打算|建议)|(?:主要)?(?:预期)?(?:发展)?目标)"
)
_REVIEW_YEAR = regex.compile(r"(?P<y>(?:19|20)\d\d)年(?:政府)?工作回顾")


def _units(s: str) -> list[str]:
    """Administrative units named in `s`, outermost first.

    >>> _units("株洲市天元区"), _units("郴州市"), _units("垦利区胜坨镇"), _units("冠县")
    (['株洲市', '天元区'], ['郴州市'], ['垦利区', '胜坨镇'], ['冠县'])
    """
    return [m.group() for m in _UNIT.finditer(s)]


def _title_units(title: str) -> list[str]:
    """Units named in a title, before 政府工作报告, years and tags removed.

    >>> _title_units("近五年白城市政府工作报告(20220111)"), _title_units("兰陵镇2019年政府工作报告")
    (['白城市'], ['兰陵镇'])
    """
    head = _LEAD.sub("", title, count=1).split("政府工作报告", 1)[0]
    head = _TITLE_NOISE.sub("", head)
    if head.endswith("人民"):
        head = head[:-2]
    if "国务院" in head or "全国" in head:
        return ["全国"]
    return _units(head)


def _level(region: str, units: list[str]) -> Optional[Level]:
    """Administrative level of `region` (the last of `units`)."""
    if not region:
        return None
    if region in ("全国", "中国", "国务院"):
        return Level.NATIONAL
    if region in _MUNICIPALITIES or region.endswith(("省", "自治区", "特别行政区")):
        return Level.PROVINCE
    if region.endswith(("自治州", "州", "盟", "地区")):
        return Level.PREFECTURE
    if region.endswith(("县", "旗", "林区")):
        return Level.COUNTY
    if region.endswith("区"):
        return Level.DISTRICT
    if region.endswith(("镇", "乡", "街道", "苏木")):
        return Level.TOWN
    if region.endswith("市"):
        parent = units[-2] if len(units) > 1 else ""
        if parent.endswith(("市", "州", "盟", "地区")) and parent not in _MUNICIPALITIES:
            return Level.COUNTY  # a city under a city: 县级市
        return Level.PREFECTURE if region[:-1] in _prefecture_cities() else Level.COUNTY
    return None


def _cn_int(s: str) -> Optional[int]:
    """A month or day as written, in digits or Chinese: 12, 十二, 二十一, 廿三.

    >>> _cn_int("十二"), _cn_int("二十一"), _cn_int("三十"), _cn_int("9"), _cn_int("〇九")
    (12, 21, 30, 9, 9)
    """
    s = s.replace("廿", "二十").replace("卅", "三十")
    if s.isdigit():
        return int(s)
    if "十" in s:
        tens, _, ones = s.partition("十")
        if len(tens) > 1 or len(ones) > 1 or "十" in ones:
            return None
        t = _CN_DIGIT.get(tens, None) if tens else 1
        o = _CN_DIGIT.get(ones, None) if ones else 0
        return None if t is None or o is None else 10 * t + o
    digits = [_CN_DIGIT.get(c) for c in s]
    if not digits or None in digits:
        return None
    return int("".join(str(d) for d in digits))


def _make_date(y: str, m: str, d: str) -> Optional[_dt.date]:
    """A date from the three fields as written; dateparser reads the digit form.

    >>> _make_date("二○二一", "一", "十二")
    datetime.date(2021, 1, 12)
    >>> _make_date("2021", "2", "30") is None
    True
    """
    year = _cn_int(y) if not y.isdigit() else int(y)
    month, day = _cn_int(m), _cn_int(d)
    if year is None or month is None or day is None or not 1900 <= year <= 2100:
        return None
    try:
        exact = _dt.date(year, month, day)
    except ValueError:
        return None
    try:
        import dateparser

        # The explicit format lets dateparser take its strptime path: 80 times faster
        # than its language detection, for the one form left after the numerals are read.
        parsed = dateparser.parse(f"{year}年{month}月{day}日", date_formats=["%Y年%m月%d日"], languages=["zh"])
    except Exception:  # pragma: no cover - dateparser failing is not fatal
        parsed = None
    if parsed is not None and parsed.date() == exact:
        return parsed.date()
    return exact


def _head(text: str, limit: int = 2000) -> list[str]:
    """The first non-empty lines of a report, normalized and stripped."""
    out = []
    for line in text[:limit].split("\n"):
        line = normalize(line).text.strip()
        if line:
            out.append(line)
    return out


def _delivery_date(head: str) -> tuple[Optional[_dt.date], int]:
    """The delivery date in the header and the offset where it ends (-1 if none)."""
    for m in _DATE.finditer(head):
        before = head[max(0, m.start() - 3):m.start()]
        after = head[m.end():m.end() + 3]
        if (
            regex.search(rf"(?:^|[{_DASHES}(（\n])\s?$", before)
            or regex.match(r"\s?[)）]?\s?在", after)
        ):
            d = _make_date(m.group("y"), m.group("m"), m.group("d"))
            if d is not None:
                return d, m.end()
    return None, -1


def _speaker_office(zone: str) -> tuple[Optional[str], Optional[str]]:
    """Speaker and office from the words between the date line and 各位代表.

    >>> _speaker_office("株洲市天元区人民政府区长 何柢")
    ('何柢', '区长')
    >>> _speaker_office("白城市市长:李洪慈"), _speaker_office("吴巨培"), _speaker_office("")
    (('李洪慈', '市长'), ('吴巨培', None), (None, None))
    """
    zone = _WS.sub(" ", zone).strip(_ZONE_PUNCT)
    if not zone or len(zone) > 60:
        return None, None
    offices = list(_OFFICE.finditer(zone))
    if offices:
        m = offices[-1]
        name = zone[m.end():].strip(_ZONE_PUNCT)
        return (name if _NAME.fullmatch(name) else None), m.group()
    return (zone if _NAME.fullmatch(zone) else None), None


_NOT_NAMES = frozenset("代表 建设 发展 城市 人民 政府 推进 加快 落实 部署 监督 支持 服务 管理 打造 实施".split())


def _body_region(text: str) -> str:
    """Region of a report without a title: the name most often written before the level
    character of "我代表X人民政府" (忻州 in 忻州市, 我代表市人民政府)."""
    body = normalize(text[:30000]).text
    lv = _LEVEL_CHAR.search(body)
    if lv is None:
        return ""
    c = lv.group("c")
    stop = set("全本我该各每城和与及在对向把将为是省市县镇乡的等")
    counts: Counter[str] = Counter()
    # X市 not followed by 场/民/委/政…: 市场, 市民, 市委 and 我代表市人民政府 are not names.
    for m in regex.finditer(rf"(?=(\p{{Han}}{{2}}){regex.escape(c)}(?![场民委政级直属长人]))", body):
        name = m.group(1)
        if name in counts or name[0] in stop or name[1] in stop or name in _NOT_NAMES:
            continue
        counts[name] = body.count(name)
    if not counts:
        return ""
    name, n = counts.most_common(1)[0]
    if n < 3:
        return ""
    # Extend to the left while the longer name is about as frequent (呼和浩特, not 浩特).
    while len(name) < 6:
        i = body.find(name)
        if i <= 0 or not regex.match(r"\p{Han}", body[i - 1]):
            break
        longer = body[i - 1] + name
        if body.count(longer) < 0.8 * n:
            break
        name = longer
    return name + c


def report_meta(text: str) -> dict[str, Any]:
    """Title, region, level, year, date, speaker and office of one report.

    Missing pieces are "" (title, region) or None; odd text never raises.

    >>> m = report_meta("2023年丙市丁区政府工作报告\\n——2023 年 1 月 9 日在丙市丁区第六届人民代表大会"
    ...                 "第三次会议上\\n丙市丁区人民政府区长 王五\\n各位代表:")
    >>> m["title"], m["region"], m["level"], m["year"], m["date"], m["speaker"], m["office"]
    ('2023年丙市丁区政府工作报告', '丁区', 'district', 2023, datetime.date(2023, 1, 9), '王五', '区长')
    >>> report_meta("青岛市政府工作报告\\n二○二○年十二月二十八日在青岛市人民代表大会上")["year"]
    2021
    >>> report_meta("")["title"], report_meta("")["level"]
    ('', None)
    """
    if not isinstance(text, str):
        raise InputError(f"report_meta() takes str, not {type(text).__name__}")
    meta: dict[str, Any] = {
        "title": "", "region": "", "level": None, "year": None,
        "date": None, "speaker": None, "office": None,
    }
    lines = _head(text)
    if not lines:
        return meta
    head = "\n".join(lines)

    titles = []
    for line in lines[:6]:
        t = _title_match(_WS.sub("", line))
        if t is not None:
            titles.append(regex.sub(rf"(?:[{_DASHES}]{{0,2}}全文|[(（]全文[)）])$", "", t.title))
    if titles:
        meta["title"] = titles[0]

    # Date: the delivery date of the opening, else the compact (20220111) of a title.
    date, date_end = _delivery_date(head)
    if date is None:
        for t in titles:
            m = _COMPACT_DATE.search(t)
            if m and (d := _make_date(m.group("y"), m.group("m"), m.group("d"))):
                date = d
                break
    meta["date"] = date

    # Speaker and office: between the end of the opening line and 各位代表.
    p = head.find("各位代表", 0, 1500)
    speaker = office = None
    if p >= 0:
        anchors = [date_end]
        anchors.extend(m.end() for m in regex.finditer(r"会议上|大会上|会上", head[:p]))
        for t in titles:
            i = head.rfind(t, 0, p)
            if i >= 0:
                anchors.append(i + len(t))
        q = max(anchors)
        if q >= 0:
            speaker, office = _speaker_office(head[q:p])
    zone_prefix = ""
    if office is None:
        for line in lines[:8]:
            m = _SPEAKER_LINE.fullmatch(line)
            if m:
                speaker, office = m.group("n"), m.group("o")
                zone_prefix = m.group("pre")
                break
    meta["speaker"], meta["office"] = speaker, office

    # Region: from a title, else the congress of the opening, else the speaker's title,
    # else the body ("我代表市人民政府" and the most frequent city name).
    units: list[str] = []
    for t in titles:
        units = _title_units(t)
        if units:
            break
    if not units:
        m = _CONGRESS.search(head)
        if m:
            units = _units(_TITLE_NOISE.sub("", m.group("p")))
        if not units and "全国人民代表大会" in head[:500]:
            units = ["全国"]
    if not units and office:
        pre = zone_prefix
        if not pre and p >= 0:
            zone = head[max(0, p - 60):p]
            om = list(_OFFICE.finditer(zone))
            if om:
                pre = zone[:om[-1].start()].rsplit("\n", 1)[-1]
        pre = regex.sub(r"人民政府$|政府$", "", pre)
        units = _units(_TITLE_NOISE.sub("", pre))
    if not units:
        r = _body_region(text)
        units = [r] if r else []
    region = units[-1] if units else ""
    meta["region"] = region
    level = _level(region, units)
    if level is None and office:
        level = _OFFICE_LEVEL.get(office.lstrip("代理副"))
    meta["level"] = level

    # Year planned for: the delivery date (+1 when delivered in Nov/Dec) - it wins over a
    # site's title when the two disagree - else the title's year, else the body's plans.
    year = None
    if date is not None:
        year = date.year + (1 if date.month >= 11 else 0)
    else:
        for t in titles:
            m = regex.search(rf"{_YEAR_CH}{{4}}(?=年)", t)
            y = _cn_int(m.group()) if m else None
            if y is not None and 1900 <= y <= 2100:
                year = y
                break
    if year is None:
        body = normalize(text[:60000]).text
        m = _PLAN_YEAR.search(body)
        if m:
            year = int(m.group("y"))
        else:
            m = _REVIEW_YEAR.search(body)
            if m:
                year = int(m.group("y")) + 1
    meta["year"] = year
    return meta


# --------------------------------------------------------------------------- reading

Source = Union[str, bytes, bytearray, "os.PathLike[str]"]


def _read_source(source: Source) -> str:
    """Text of a path, of bytes, or a str that is already text."""
    if isinstance(source, (bytes, bytearray)):
        return decode(bytes(source))
    if isinstance(source, os.PathLike):
        path = os.fspath(source)
        if not os.path.isfile(path):
            raise InputError(f"no such file: {path!r}")
        with open(path, "rb") as f:
            return decode(f.read())
    if isinstance(source, str):
        if len(source) < 4096 and "\n" not in source and source.strip():
            try:
                is_file = os.path.isfile(source)
            except (OSError, ValueError):
                is_file = False
            if is_file:
                with open(source, "rb") as f:
                    return decode(f.read())
        return source
    raise InputError(
        f"expected a path, bytes or str of text, not {type(source).__name__}"
    )


def read_reports_raw(source: Source) -> list[tuple[str, dict[str, Any]]]:
    """(report text, meta) for every report in `source`: a path, bytes or text.

    A str that names an existing file is read as that file; any other str is text.

    >>> [(t[:9], m["region"]) for t, m in read_reports_raw("甲县政府工作报告\\n各位代表:现在,我代表县人民政府报告工作。")]
    [('甲县政府工作报告\\n', '甲县')]
    >>> read_reports_raw(42)
    Traceback (most recent call last):
    ...
    govreport.errors.InputError: expected a path, bytes or str of text, not int
    """
    text = _read_source(source)
    return [(text[s:e], report_meta(text[s:e])) for s, e in split_reports(text)]
