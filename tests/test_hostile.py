"""Never crash, never hang, never lie: the public API on hostile input.

Every call returns a result or raises a `GovreportError` subclass; no value, low or high
is NaN or infinite; every span slices the string that was parsed
(``source[start:end] == text``).

The property tests (named ``test_prop_*``) run under a Hypothesis profile chosen with the
environment variable ``GOVREPORT_HYPOTHESIS_PROFILE``: ``ci`` (the default, about 200
examples a test) or ``slow`` (100 000 examples a test, no deadline; run it with
``python benchmarks/hypothesis_slow.py``).  The profile is applied to this module's tests
only, so that other test modules keep their own settings.
"""

from __future__ import annotations

import math
import os
from collections import Counter

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import govreport
from govreport import (
    DecodeError,
    GovreportError,
    Indicator,
    InputError,
    Quantity,
    Report,
)

# --------------------------------------------------------------------------- profiles

settings.register_profile(
    "ci",
    max_examples=200,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
settings.register_profile(
    "slow",
    max_examples=100_000,
    deadline=None,
    database=None,
    suppress_health_check=list(HealthCheck),
)
PROFILE_NAME = os.environ.get("GOVREPORT_HYPOTHESIS_PROFILE", "ci")
PROFILE = settings.get_profile(PROFILE_NAME)

# Examples run by each property test (read by benchmarks/hypothesis_slow.py).
EXAMPLES: Counter = Counter()

# --------------------------------------------------------------------------- checks

PUBLIC_TEXT_FUNCTIONS = {
    "extract": govreport.extract,
    "parse_report": govreport.parse_report,
    "find_quantities": govreport.find_quantities,
    "parse_quantity": govreport.parse_quantity,
    "normalize": govreport.normalize,
    "read_reports": govreport.read_reports,
}


def _finite(obj) -> None:
    for name in ("value", "low", "high"):
        v = getattr(obj, name)
        assert v is None or (isinstance(v, float) and math.isfinite(v)), (name, v, obj)


def check_quantities(src: str, qs) -> None:
    assert isinstance(qs, list)
    for q in qs:
        assert isinstance(q, Quantity)
        _finite(q)
        assert 0 <= q.start <= q.end <= len(src), (q, len(src))
        assert src[q.start : q.end] == q.text, (q, src[q.start : q.end])


def check_records(src: str, recs) -> None:
    for r in recs:
        assert isinstance(r, Indicator)
        _finite(r)
        assert 0 <= r.start <= r.end <= len(src), (r, len(src))
        assert src[r.start : r.end] == r.text, (r, src[r.start : r.end])


def check_report(rep, src: str | None = None) -> None:
    assert isinstance(rep, Report)
    if src is not None:
        assert rep.text == src
    check_records(rep.text, rep.records)
    for s in rep.sections:
        assert 0 <= s.start <= s.end <= len(rep.text), (s, len(rep.text))


def run_all(text: str) -> None:
    """Every public function on `text`; each either returns a sound result or raises a
    GovreportError (anything else propagates and fails the test)."""
    try:
        check_quantities(text, govreport.find_quantities(text))
    except GovreportError:
        pass
    try:
        q = govreport.parse_quantity(text)
        assert q is None or isinstance(q, Quantity)
        if q is not None:
            check_quantities(text, [q])
    except GovreportError:
        pass
    try:
        n = govreport.normalize(text)
        assert len(n.text) <= len(text)
        assert n.source == text
    except GovreportError:
        pass
    try:
        check_records(text, govreport.extract(text, year=2022))
    except GovreportError:
        pass
    try:  # no year: the year is guessed from the text
        check_report(govreport.parse_report(text, region="某市"), text)
    except GovreportError:
        pass


def run_read_reports(source, text: str | None = None) -> None:
    try:
        reps = govreport.read_reports(source)
    except GovreportError:
        return
    assert isinstance(reps, list)
    for rep in reps:
        check_report(rep)
        if text is not None:
            assert rep.text in text


# --------------------------------------------------------------------------- strategies

TOKENS = (
    list("0123456789")
    + list("零〇○一二两三四五六七八九十百千万亿点")
    + list("０１２３４５６７８９％．")
    + ["亿", "万", "元", "%", "个百分点", "亿元", "万元", "万人", "吨", "倍", "成", "番", "亩", "千瓦"]
    + ["左右", "以上", "以内", "约", "近", "超过", "突破", "余", "控制在", "不低于"]
    + ["分别", "、", "和", "及", "均"]
    + ["(jīng)", "(zhǎng)", "(chǎn)", "（jì）"]
    + [" ", "  ", "\n", "\t", "\u3000", "\r\n"]
    + ["“", "”", "《", "》", "(", ")", "（", "）", "【", "】"]
    + ["增长", "下降", "提高", "达到", "比上年", "今年", "预期目标", "力争", "预计", "过去五年"]
    + ["地区生产总值", "固定資產", "經濟", "城镇调查失业率", "居民人均可支配收入", "全市", "高新区"]
    + ["2022年", "2021年", "十四五", "第", "。", "，", ",", "；", "：", "-", "~", "至", "—", "."]
    + ["政府工作报告", "各位代表:", "——2022年1月10日", "市长 张三"]
)
CHINESE_TEXT = st.lists(st.sampled_from(TOKENS), max_size=80).map("".join)
SHORT_CHINESE_TEXT = st.lists(st.sampled_from(TOKENS), max_size=40).map("".join)
# Any code point, lone surrogates and control characters included, mixed with the
# report alphabet so that numbers and units still meet odd neighbours.
ANY_CHAR = st.one_of(
    st.characters(exclude_categories=()),
    st.characters(categories=["Cs"]),
    st.characters(max_codepoint=0x1F, exclude_categories=()),
    st.characters(min_codepoint=0x7F, max_codepoint=0x9F, exclude_categories=()),
    st.characters(min_codepoint=0x4E00, max_codepoint=0x9FFF),
)
ANY_TEXT = st.lists(st.one_of(ANY_CHAR, st.sampled_from(TOKENS)), max_size=60).map("".join)
ENCODINGS = ["utf-8", "utf-8-sig", "gb18030", "big5", "utf-16", "utf-16-le", "utf-32"]


# --------------------------------------------------------------------------- properties


@PROFILE
@given(CHINESE_TEXT)
def test_prop_chinese_text(text):
    EXAMPLES["test_prop_chinese_text"] += 1
    run_all(text)


@PROFILE
@given(ANY_TEXT)
def test_prop_arbitrary_unicode(text):
    EXAMPLES["test_prop_arbitrary_unicode"] += 1
    run_all(text)


@PROFILE
@given(st.sampled_from(["", "2022年某市政府工作报告\n", "首页 > 政务公开\n2023年某县政府工作报告\n——2023年1月9日\n各位代表:"]),
       SHORT_CHINESE_TEXT, SHORT_CHINESE_TEXT)
def test_prop_report_pages(head, body, tail):
    EXAMPLES["test_prop_report_pages"] += 1
    text = head + body + "\n上一页 下一页\n" + head + tail
    run_read_reports(text, text)


@PROFILE
@given(st.one_of(
    st.binary(max_size=200),
    st.tuples(CHINESE_TEXT, st.sampled_from(ENCODINGS)).map(
        lambda te: te[0].encode(te[1], errors="replace")),
    st.tuples(CHINESE_TEXT, st.binary(max_size=8)).map(lambda tb: tb[0].encode("gb18030") + tb[1]),
))
def test_prop_read_reports_bytes(data):
    EXAMPLES["test_prop_read_reports_bytes"] += 1
    run_read_reports(data)


# --------------------------------------------------------------------------- fixed hostile cases

HOSTILE = {
    "empty": "",
    "spaces": "   ",
    "whitespace": " \n\t\r\u3000\u00a0\u2028\u2029\ufeff\u200b",
    "newlines": "\n" * 1000,
    "controls": "".join(map(chr, range(32))) + "\x7f增长5%\x00左右\x1b[31m",
    "c1_controls": "".join(map(chr, range(0x80, 0xA0))) + "投资3亿元",
    "lone_surrogates": "\ud800地区生产总值增长7%左右\udfff，\udc00投资\ud83d5亿元\ude00",
    "surrogates_only": "\ud800\udfff\udc00\ud83d" * 50,
    "nul_in_number": "增长7\x00.5%左右",
    "bidi": "\u202e地区生产总值增长7%左右\u202c\u2066投资5亿元\u2069",
    "combining": "增\u0301长7\u0308%左\u20dd右",
    "digits_500": "投资" + "1" * 500 + "元",
    "digits_500_pct": "地区生产总值增长" + "7" * 500 + "%左右",
    "decimals_500": "增长0." + "0" * 498 + "1%",
    "fullwidth_500": "投资" + "９" * 500 + "亿元",
    "overflow_yi": "9" * 400 + "亿元",
    "overflow_sentence": "今年地区生产总值达到" + "9" * 400 + "亿元，增长" + "9" * 400 + "%。",
    "overflow_range": "增长" + "9" * 400 + "%-" + "9" * 401 + "%",
    "overflow_pp": "提高" + "9" * 400 + "个百分点",
    "overflow_multiple": "是2016年的" + "9" * 400 + "倍",
    "overflow_exponent": "增长1e400%，投资1E999亿元",
    "near_max_float": "投资" + "1" + "7" * 307 + "亿元",
    "chinese_numeral_500": "投资" + "九" * 500 + "亿元",
    "magnitudes_only": "亿" * 1000 + "元" + "万" * 1000 + "人",
    "many_points": "增长" + "1." * 500 + "%",
    "many_commas": "投资" + "1," * 500 + "000元",
    "unbalanced_open": "((((经(jīng",
    "unbalanced_open_many": "((((经(jīng" * 2000,
    "unbalanced_close": "))))经)jīng)增长5%)))",
    "nested_brackets": "（" * 5000 + "增长5%" + "）" * 4999,
    "pinyin_only": "(jīng)" * 3000,
    "repeat_growth": "增长" * 10_000,
    "repeat_growth_pct": "增长" * 10_000 + "5%",
    "repeat_qualifiers": "以上左右以内约近超过突破" * 2000 + "5%",
    "repeat_separators": "、" * 20_000 + "分别增长1%",
    "fenbie_empty": "分别" * 5000,
    "quotes": "“" * 3000 + "《" * 3000 + "增长5%" + "》”" * 100,
    "mixed_scripts": "GDP增长٣٫٥% Рост ВВП 5% 経済成長率5％ 경제성장률 5% ✓🚀 増長๕% Ⅻ倍 ①亿元 ²³%",
    "arabic_digits": "地区生产总值增长٧٫٥%左右，投资١٢٣亿元",
    "math_digits": "投资𝟗𝟗亿元，增长𝟕%",
    "emoji_numbers": "增长5️⃣%，投资🔟亿元",
    "only_units": "%%%亿元万元个百分点倍成" * 100,
    "dash_storm": "—" * 5000 + "2022年1月10日" + "-" * 5000,
    "title_storm": "政府工作报告\n" * 2000,
    "date_storm": "2022年1月10日" * 500,
    # runs of overlapping tail words before a number: a `(?:words)+$` would backtrack for ages
    "tail_word_run": "同比增长" * 40 + "甲了5%。",
    "duration_verb_run": "仅用了" * 60 + "甲5天签约。",
    # web and PDF debris that normalize deletes or joins
    "zero_width_run": "\u200b" * 50_000 + "增长5%",
    "zero_width_between_spaces": "增 \u200b \ufeff长" * 20_000 + "5%",
    "wrapped_digits": ("地区生产总值增长" * 4 + "1\n") * 2000,
    "wrapped_list_markers": ("全年一般公共预算收入完成29.6亿元，同比增长1\n2.") * 2000,
    # one clause of 100k characters with 10k numbers: each number's quote must stay local
    "one_long_clause": "产值增长5%" * 10_000,
    "one_long_ratio": "比例为" + "1:" * 20_000 + "2",
    "semicolons_without_end": "高新区产值增长5%;" * 5_000,
}


@pytest.mark.parametrize("text", list(HOSTILE.values()), ids=list(HOSTILE))
def test_hostile_text(text):
    run_all(text)
    run_read_reports(text, text)


@pytest.mark.parametrize("text", ["", " ", "\n\t\u3000 \r\n", "\ufeff"])
def test_empty_and_whitespace_give_nothing(text):
    assert govreport.extract(text) == []
    assert govreport.extract(text, year=2022) == []
    assert govreport.find_quantities(text) == []
    assert govreport.parse_quantity(text) is None
    assert govreport.parse_report(text).records == ()
    reps = govreport.read_reports(text)
    assert sum(len(r.records) for r in reps) == 0


@pytest.mark.parametrize("k", [1, 16, 17, 100, 300, 308, 309, 500])
@pytest.mark.parametrize("digit", ["1", "9"])
@pytest.mark.parametrize("mag,scale", [("", 1.0), ("万", 1e4), ("亿", 1e8)])
def test_long_numbers_are_exact_or_dropped(k, digit, mag, scale):
    """A number too large for a float is dropped, never turned into inf or a wrong value."""
    text = f"今年地区生产总值达到{digit * k}{mag}元。"
    try:
        want = float(digit * k) * scale
    except OverflowError:  # pragma: no cover - float() returns inf, it does not raise
        want = math.inf
    for q in govreport.find_quantities(text):
        _finite(q)
        if q.value is not None and math.isfinite(want):
            assert math.isclose(q.value, want, rel_tol=1e-9), (text[:40], q.value, want)
    for r in govreport.extract(text, year=2022):
        _finite(r)
        if r.value is not None and math.isfinite(want):
            assert math.isclose(r.value, want, rel_tol=1e-9), (text[:40], r.value, want)


@pytest.mark.parametrize("text", ["1" * 1_000_001, "1" * 999_999 + "万元"], ids=["bare", "wan"])
def test_million_digit_number_is_dropped(text):
    # Once crashed with decimal.Overflow (a digit run times its magnitude past Decimal's Emax).
    assert govreport.find_quantities(text) == []
    assert govreport.extract(text, year=2022) == []


LIST_SUBJECTS = [("地区生产总值", "gdp"), ("规模以上工业增加值", "industrial_value_added"),
                 ("固定资产投资", "fixed_asset_investment"), ("社会消费品零售总额", "retail_sales"),
                 ("一般公共预算收入", "public_budget_revenue"), ("城镇居民人均可支配收入", "urban_disposable_income"),
                 ("农村居民人均可支配收入", "rural_disposable_income"), ("进出口总额", "foreign_trade"),
                 ("实际利用外资", "fdi"), ("税收收入", "tax_revenue")]


@pytest.mark.parametrize("k", [
    7,  # 91 characters: once past the 60-character subject window
    20,  # past the 160-character window: no wrong code, at worst none
    4000,  # thousands of members: linear, each record quoting its own number
])
def test_long_fenbie_list_is_not_misattributed(k):
    subjects = [LIST_SUBJECTS[i % len(LIST_SUBJECTS)] for i in range(k)]
    text = "、".join(n for n, _ in subjects) + "分别增长" + "、".join(f"{i}%" for i in range(1, k + 1)) + "。"
    recs = govreport.extract(text, year=2023)
    check_records(text, recs)
    assert [r.value for r in recs] == [float(i) for i in range(1, k + 1)]
    for r, (name, code) in zip(recs, subjects):
        assert r.indicator in (code, None), (r.value, r.indicator, r.mention)
        assert r.indicator is None or r.mention == name, (r.value, r.indicator, r.mention)


def _two_mb_line() -> str:
    from govreport.cli import sample_path

    with open(sample_path(), encoding="utf-8") as f:
        one = "".join(f.read().split())  # one line, no whitespace at all
    reps = 2_000_000 // len(one.encode("utf-8")) + 1
    return one * reps


def test_two_megabyte_single_line_completes():
    text = _two_mb_line()
    assert "\n" not in text and len(text.encode("utf-8")) >= 2_000_000
    recs = govreport.extract(text, year=2023)
    assert recs, "report text should give records"
    check_records(text, recs)


# --------------------------------------------------------------------------- wrong argument types

NOT_TEXT = [None, 0, 3, 2.5, float("nan"), True, ["增长5%"], ("增长5%",), {"a": 1}, {"增长5%"}, object(),
            Exception("增长5%")]


@pytest.mark.parametrize("name", list(PUBLIC_TEXT_FUNCTIONS))
@pytest.mark.parametrize("bad", NOT_TEXT, ids=lambda b: type(b).__name__)
def test_not_text_raises_input_error(name, bad):
    with pytest.raises(InputError):
        PUBLIC_TEXT_FUNCTIONS[name](bad)


@pytest.mark.parametrize("name", [n for n in PUBLIC_TEXT_FUNCTIONS if n != "read_reports"])
@pytest.mark.parametrize("bad", [b"\xe5\xa2\x9e\xe9\x95\xbf5%", bytearray(b"5%"), memoryview(b"5%")],
                         ids=["bytes", "bytearray", "memoryview"])
def test_bytes_where_text_is_expected_raise_input_error(name, bad):
    with pytest.raises(InputError):
        PUBLIC_TEXT_FUNCTIONS[name](bad)


def test_read_reports_missing_path_raises_input_error(tmp_path):
    with pytest.raises(InputError):
        govreport.read_reports(tmp_path / "no_such_file.txt")
    with pytest.raises(InputError):
        govreport.read_reports(tmp_path)  # a directory is not a file


@pytest.mark.parametrize("fn", [govreport.extract, govreport.parse_report], ids=lambda f: f.__name__)
@pytest.mark.parametrize("kwargs", [
    {"region": 5}, {"region": ["某市"]}, {"region": b"x"},
    {"year": 2022.5}, {"year": [2022]}, {"year": float("nan")}, {"year": object()}, {"year": "2022"},
    {"year": True}, {"year": -1}, {"year": 10**30},
], ids=lambda kw: f"{next(iter(kw))}-{type(next(iter(kw.values()))).__name__}-{next(iter(kw.values()))!r:.12}")
def test_bad_keyword_arguments_raise_input_error(fn, kwargs):
    # Once leaked pydantic's ValidationError or a bare TypeError, or passed silently.
    with pytest.raises(InputError):
        fn("今年地区生产总值增长7%左右。", **kwargs)


# --------------------------------------------------------------------------- bytes that decode in no encoding

UNDECODABLE = [
    b"\xff\xff\xff",
    b"\x80" * 64,
    b"\xff" * 4096,
    bytes(range(0x80, 0x100)) * 4,
    b"\xfe\xff\xd8\x00",  # UTF-16-BE BOM, then a lone high surrogate
    b"\xff\xfe\x00\xd8",  # UTF-16-LE BOM, then a lone high surrogate
    b"\x00\x00\xfe\xff\x00\x11\x00\x00",  # UTF-32-BE BOM, then a code point past U+10FFFF
]


@pytest.mark.parametrize("data", UNDECODABLE, ids=lambda b: b[:6].hex())
def test_undecodable_bytes_raise_decode_error(data, tmp_path):
    # govreport/text/reports.py decode(): "Raises `DecodeError` when none does."
    with pytest.raises(DecodeError):
        govreport.read_reports(data)
    with pytest.raises(DecodeError):
        govreport.read_reports(bytearray(data))
    p = tmp_path / "bad.txt"
    p.write_bytes(data)
    with pytest.raises(DecodeError):
        govreport.read_reports(p)
    with pytest.raises(DecodeError):
        govreport.read_reports(str(p))


def test_error_classes_are_govreport_errors():
    for cls in (InputError, DecodeError, govreport.ValidationError):
        assert issubclass(cls, GovreportError)


@pytest.mark.parametrize(
    "text",
    [
        "全市甲" + "和" * 150 + "地区生产总值分别增长5%、6%。",  # names of a counted list, split one way only
        "粮食、油料二大作物产量分别增长5%、6%。",  # 二 as well as 两 counts a list
        "兴平、礼泉二县地区生产总值分别增长5%、6%。",
        "區級稅收12.3億元" + "，占比56.9%" * 400 + "。",  # a chain of appended words, as written
    ],
)
def test_hostile_text_with_a_region(text):
    """Rules that only run inside a report's region (place names, sub-regions)."""
    records = govreport.extract(text, region="咸阳市", year=2022)
    for r in records:
        assert text[r.start : r.end] == r.text
