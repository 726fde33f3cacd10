"""Targets against results (govreport.panel): reports of consecutive years written for
the test, read by the library, and the rows that come out of them, row by row."""

from __future__ import annotations

import re
import sys

import pytest

import govreport
from govreport.lexicon import table
from govreport.panel import COLUMNS, LOWER_IS_BETTER, _met, panel

pd = pytest.importorskip("pandas")


def report(year: int, body: str, region: str = "株洲市") -> govreport.Report:
    text = f"{year}年{region}政府工作报告\n——{year}年1月10日在{region}人民代表大会上\n各位代表:\n{body}\n"
    [rep] = govreport.read_reports(text)
    assert (rep.region, rep.year) == (region, year)
    return rep


REPORTS = [
    report(2022, "一、2021年工作回顾\n2021年,全市地区生产总值增长8.1%,城镇调查失业率5.2%。\n"
           "二、2022年工作安排\n今年主要预期目标是:地区生产总值增长7%左右,规模以上工业增加值增长8%以上,"
           "固定资产投资增长10%,社会消费品零售总额增长6.5%-7%,城镇调查失业率控制在5.5%以内,"
           "居民消费价格涨幅3%左右,单位地区生产总值能耗下降3%以上,一般公共预算收入达到180亿元左右,"
           "PM2.5平均浓度下降到35微克/立方米以下。炎陵县地区生产总值增长9%。\n"
           "到2024年,全市地区生产总值年均增长6%以上。今后五年,全市地区生产总值年均增长7%左右。"),
    report(2023, "一、2022年工作回顾\n2022年,全市地区生产总值增长6.6%,规模以上工业增加值增长7.5%,"
           "固定资产投资增长10.4%,社会消费品零售总额增长7.2%,城镇调查失业率5.3%,居民消费价格上涨2.1%,"
           "单位地区生产总值能耗下降3.2%,一般公共预算收入179.5亿元,PM2.5平均浓度34微克/立方米。"
           "炎陵县地区生产总值增长9.5%。\n二、2023年工作安排\n今年主要预期目标是:地区生产总值增长6.5%左右,"
           "城镇调查失业率控制在5.5%以内。"),
    # restates 2022 differently: the 2023 report, which reviews 2022, is the one taken
    report(2024, "一、2023年工作回顾\n2023年,全市地区生产总值增长5.9%。2022年,全市地区生产总值增长6.5%。"),
    report(2025, "一、2024年工作回顾\n2024年,全市地区生产总值增长6.8%。"),
    report(2027, "一、过去五年工作回顾\n过去五年,全市地区生产总值年均增长7.3%。"),
    # a second region: a town, two consecutive years
    report(2020, "一、2019年工作回顾\n2019年,全镇地区生产总值增长8.2%。\n二、2020年工作安排\n"
           "2020年,全镇地区生产总值增长8%左右,城镇新增就业500人以上。", region="胜坨镇"),
    report(2021, "一、2020年工作回顾\n2020年,全镇地区生产总值增长4.1%,城镇新增就业620人。", region="胜坨镇"),
]

T22, T23, T24, T25, T27, S20, S21 = (f"{r} {y}" for y, r in
                                      [(2022, "株洲市"), (2023, "株洲市"), (2024, "株洲市"), (2025, "株洲市"),
                                       (2027, "株洲市"), (2020, "胜坨镇"), (2021, "胜坨镇")])
NA = None

# (region, code, indicator, measure, year, period_start) ->
#   (target value or (low, high), target qualifier, target report,
#    result value, result report, gap, met)
ROWS = {
    ("株洲市", "430200", "gdp", "growth", 2021, NA): (NA, NA, NA, 8.1, T22, NA, NA),
    ("株洲市", "430200", "gdp", "growth", 2022, NA): (7.0, "approx", T22, 6.6, T23, -0.4, True),
    ("株洲市", "430200", "gdp", "growth", 2023, NA): (6.5, "approx", T23, 5.9, T24, -0.6, False),
    ("株洲市", "430200", "gdp", "growth", 2024, NA): (NA, NA, NA, 6.8, T25, NA, NA),
    # 2022—2024: compound average of 6.6, 5.9, 6.8
    ("株洲市", "430200", "gdp", "growth", 2024, 2022): (
        6.0, "at_least", T22, ((1.066 * 1.059 * 1.068) ** (1 / 3) - 1) * 100, f"{T23} | {T24} | {T25}",
        ((1.066 * 1.059 * 1.068) ** (1 / 3) - 1) * 100 - 6.0, True),
    # 今后五年 against 过去五年
    ("株洲市", "430200", "gdp", "growth", 2026, 2022): (7.0, "approx", T22, 7.3, T27, 0.3, True),
    ("株洲市", "430200", "industrial_value_added", "growth", 2022, NA): (8.0, "at_least", T22, 7.5, T23, -0.5, False),
    ("株洲市", "430200", "fixed_asset_investment", "growth", 2022, NA): (10.0, "exact", T22, 10.4, T23, 0.4, True),
    # a range is met inside it only; the gap is to the nearer bound
    ("株洲市", "430200", "retail_sales", "growth", 2022, NA): ((6.5, 7.0), "range", T22, 7.2, T23, 0.2, False),
    ("株洲市", "430200", "surveyed_unemployment_rate", "level", 2021, NA): (NA, NA, NA, 5.2, T22, NA, NA),
    ("株洲市", "430200", "surveyed_unemployment_rate", "level", 2022, NA): (5.5, "at_most", T22, 5.3, T23, -0.2, True),
    ("株洲市", "430200", "surveyed_unemployment_rate", "level", 2023, NA): (5.5, "at_most", T23, NA, NA, NA, NA),
    # less is better: 3%左右 is a ceiling (with the tolerance)
    ("株洲市", "430200", "cpi", "growth", 2022, NA): (3.0, "approx", T22, 2.1, T23, -0.9, True),
    # 下降3%以上 is growth -3 at_least: a fall of at least 3%
    ("株洲市", "430200", "energy_intensity", "growth", 2022, NA): (-3.0, "at_least", T22, -3.2, T23, -0.2, True),
    # approx outside percentages: tolerance is 0.5% of the target (0.9亿元)
    ("株洲市", "430200", "public_budget_revenue", "level", 2022, NA): (
        180e8, "approx", T22, 179.5e8, T23, -0.5e8, True),
    ("株洲市", "430200", "pm25", "level", 2022, NA): (35.0, "at_most", T22, 34.0, T23, -1.0, True),
    # a county the city report names
    ("炎陵县", "430225", "gdp", "growth", 2022, NA): (9.0, "exact", T22, 9.5, T23, 0.5, True),
    # the town
    ("胜坨镇", "370505", "gdp", "growth", 2019, NA): (NA, NA, NA, 8.2, S20, NA, NA),
    ("胜坨镇", "370505", "gdp", "growth", 2020, NA): (8.0, "approx", S20, 4.1, S21, -3.9, False),
    ("胜坨镇", "370505", "new_urban_jobs", "level", 2020, NA): (500.0, "at_least", S20, 620.0, S21, 120.0, True),
}


@pytest.fixture(scope="module")
def df():
    return panel(REPORTS)


def _key(row):
    start = None if pd.isna(row.period_start) else int(row.period_start)
    return (row.region, row.region_code, row.indicator, row.measure, int(row.year), start)


def _opt(v):
    return None if pd.isna(v) else v


def test_rows_are_the_expected_ones(df):
    assert sorted(map(_key, df.itertuples()), key=str) == sorted(ROWS, key=str)


@pytest.mark.parametrize("key", list(ROWS), ids=[f"{k[0]}-{k[2]}-{k[4]}-{k[5]}" for k in ROWS])
def test_row(df, key):
    [row] = [r for r in df.itertuples() if _key(r) == key]
    target, qual, treport, result, rreport, gap, met = ROWS[key]
    if isinstance(target, tuple):
        assert (row.target_low, row.target_high) == target and pd.isna(row.target_value)
    else:
        assert _opt(row.target_value) == pytest.approx(target) if target is not None else pd.isna(row.target_value)
    assert _opt(row.target_qualifier) == qual
    assert _opt(row.target_report) == treport
    assert (_opt(row.result_value) == pytest.approx(result)) if result is not None else pd.isna(row.result_value)
    assert _opt(row.result_report) == rreport
    assert (_opt(row.gap) == pytest.approx(gap)) if gap is not None else pd.isna(row.gap)
    assert (bool(row.met) is met) if met is not None else pd.isna(row.met)
    assert row.unit in ("%", "CNY", "微克/立方米", "person")


def test_texts_point_at_the_records(df):
    row = df[(df.indicator == "surveyed_unemployment_rate") & (df.year == 2022)].iloc[0]
    assert row.target_text == "城镇调查失业率控制在5.5%以内"
    assert row.result_text == "城镇调查失业率5.3%"
    assert row.result_qualifier == "exact"
    avg = df[(df.indicator == "gdp") & (df.period_start == 2022) & (df.year == 2024)].iloc[0]
    assert avg.result_text == "全市地区生产总值增长6.6% | 全市地区生产总值增长5.9% | 全市地区生产总值增长6.8%"


def test_dtypes_and_columns(df):
    assert tuple(df.columns) == COLUMNS
    types = df.dtypes.astype(str).to_dict()
    assert types["measure"] == types["target_qualifier"] == types["result_qualifier"] == "category"
    assert types["year"] == types["period_start"] == "Int64"
    assert types["target_value"] == types["gap"] == "Float64"
    assert types["met"] == "boolean"
    assert types["region"] == types["region_code"] == types["target_text"] == "string"
    empty = panel([])
    assert tuple(empty.columns) == COLUMNS and len(empty) == 0
    assert empty.dtypes.astype(str).to_dict() == types


@pytest.mark.parametrize(
    "tolerance, indicator, met",
    [
        (0.5, "gdp", True),  # 6.6 against 7%左右
        (0.4, "gdp", True),
        (0.3, "gdp", False),
        (0.0, "gdp", False),
        (0.5, "public_budget_revenue", True),  # 179.5 against 180亿元左右: 0.28% short
        (0.2, "public_budget_revenue", False),
        (0.0, "cpi", True),  # 2.1 under the 3% ceiling needs no tolerance
    ],
)
def test_tolerance(tolerance, indicator, met):
    df = panel(REPORTS[:2], tolerance=tolerance)
    row = df[(df.indicator == indicator) & (df.year == 2022) & (df.region == "株洲市")].iloc[0]
    assert bool(row.met) is met


@pytest.mark.parametrize("bad", [-0.1, float("nan"), float("inf"), "0.5", True, None])
def test_bad_tolerance(bad):
    with pytest.raises(govreport.InputError):
        panel(REPORTS[:1], tolerance=bad)


@pytest.mark.parametrize("bad", ["2022年…", 3, [REPORTS[0], "x"], [REPORTS[0].records[0]]])
def test_bad_input(bad):
    with pytest.raises(govreport.InputError):
        panel(bad)


def test_one_report_and_order_of_input():
    one = panel(REPORTS[0])
    assert set(one.year) == {2021, 2022, 2024, 2026}
    shuffled = panel(list(reversed(REPORTS)))
    assert shuffled.equals(panel(REPORTS))


def test_short_and_full_region_names_fall_together():
    a = govreport.parse_report("今年主要预期目标是:地区生产总值增长7%左右。", region="咸阳", year=2022)
    b = govreport.parse_report("2022年,全市地区生产总值增长6.9%。", region="咸阳市", year=2023)
    [row] = panel([a, b]).itertuples()
    assert (row.region, row.region_code, row.target_value, row.result_value, row.met) == ("咸阳市", "610400", 7.0, 6.9, True)


def test_unresolved_regions_keep_their_name():
    a = govreport.parse_report("今年主要预期目标是:地区生产总值增长7%左右。", region="南桥镇", year=2022)
    [row] = panel([a]).itertuples()
    assert row.region == "南桥镇" and pd.isna(row.region_code)  # six counties have a 南桥镇


def test_units_must_agree():
    a = govreport.parse_report("今年主要预期目标是:PM2.5平均浓度下降到35微克/立方米以下。", region="株洲市", year=2022)
    b = govreport.parse_report("2022年,全市PM2.5平均浓度下降到34%。", region="株洲市", year=2023)
    rows = panel([a, b])
    row = rows[rows.year == 2022].iloc[0]
    assert row.unit == "微克/立方米" and row.result_value == 34.0
    assert pd.isna(row.gap) and pd.isna(row.met)


def test_lower_is_better_codes_exist():
    codes = {row["code"] for row in table("indicators")}
    assert LOWER_IS_BETTER <= codes
    assert {"surveyed_unemployment_rate", "cpi", "energy_intensity", "pm25"} <= LOWER_IS_BETTER


def _t(indicator, qualifier, value=None, low=None, high=None, unit="%"):
    return govreport.Indicator(kind="target", indicator=indicator, mention="x", measure="growth", value=value,
                               low=low, high=high, qualifier=qualifier, unit=unit, raw_unit=unit, year=2022,
                               text="x", start=0, end=1)


# The rule of `met`, case by case: (indicator, qualifier, value or (low, high), result, met)
RULE = [
    ("gdp", "exact", 7.0, 7.0, True),
    ("gdp", "exact", 7.0, 6.99, False),
    ("gdp", "approx", 7.0, 6.5, True),
    ("gdp", "approx", 7.0, 6.4, False),
    ("gdp", "approx", 7.0, 9.0, True),  # beyond it in the good direction
    ("gdp", "at_least", 7.0, 7.0, True),
    ("gdp", "at_least", 7.0, 6.9, False),
    ("gdp", "at_most", 7.0, 7.1, False),
    ("gdp", "range", (6.0, 7.0), 6.0, True),
    ("gdp", "range", (6.0, 7.0), 7.01, False),
    ("surveyed_unemployment_rate", "exact", 5.5, 5.5, True),
    ("surveyed_unemployment_rate", "exact", 5.5, 5.6, False),
    ("surveyed_unemployment_rate", "approx", 5.5, 6.0, True),
    ("surveyed_unemployment_rate", "approx", 5.5, 6.1, False),
    ("surveyed_unemployment_rate", "approx", 5.5, 3.0, True),
    ("energy_intensity", "exact", -3.0, -2.9, False),
    ("energy_intensity", "exact", -3.0, -3.1, True),
    ("energy_intensity", "at_least", -3.0, -2.9, False),  # a fall of at least 3%
    ("energy_intensity", "at_most", -3.0, -3.5, False),  # a fall of at most 3%
    ("pm25", "at_most", 35.0, 35.0, True),
]


@pytest.mark.parametrize("indicator, qualifier, value, result, met", RULE)
def test_met_rule(indicator, qualifier, value, result, met):
    t = _t(indicator, qualifier, low=value[0], high=value[1]) if isinstance(value, tuple) else _t(indicator, qualifier, value)
    assert _met(t, result, 0.5) is met


def test_without_pandas(monkeypatch):
    monkeypatch.setitem(sys.modules, "pandas", None)
    with pytest.raises(govreport.MissingExtraError, match="govreport\\[frame\\]"):
        panel(REPORTS)


def test_corpus_panel_runs():
    """The corpus holds one report per region: rows have a target or a result; all
    regions of the reports resolve but the two shared town names, and zones (上合示范区),
    which the division data does not hold."""
    from pathlib import Path

    corpus = Path(__file__).resolve().parents[2] / "shared" / "corpus"
    if not corpus.is_dir():
        pytest.skip(f"no corpus at {corpus}")
    reps = [r for p in sorted(corpus.glob("*.txt")) for r in govreport.read_reports(p)]
    df = panel(reps)
    assert len(df) > 300
    assert (df.target_text.notna() | df.result_text.notna()).all()
    unresolved = set(df[df.region_code.isna()].region) - {"南桥镇", "姜屯镇"}
    assert all(re.search(r"(?:示范区|片区|试验区|高新区|经开区|开发区|新区|新城|园区|自贸区|保税区)$", r) for r in unresolved), unresolved
