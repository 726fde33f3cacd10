"""The public API on odd input: a typed error or an empty result, never a crash."""

import pytest

import govreport
from govreport import GovreportError, InputError

FUNCTIONS = [govreport.extract, govreport.parse_report, govreport.find_quantities, govreport.normalize,
             govreport.parse_quantity]


@pytest.mark.parametrize("fn", FUNCTIONS, ids=lambda f: f.__name__)
@pytest.mark.parametrize("bad", [None, 3, 2.5, ["增长5%"], {"a": 1}])
def test_not_text_raises_input_error(fn, bad):
    with pytest.raises(InputError):
        fn(bad)
    assert issubclass(InputError, GovreportError)


@pytest.mark.parametrize("text", ["", " ", "\n\n", "。。。", "政府工作报告", "abc", "\x00\x01", "\ud800"])
def test_empty_or_numberless_text_gives_nothing(text):
    assert govreport.extract(text, year=2022) == []
    assert govreport.find_quantities(text) == []


def test_huge_numbers_never_reach_a_record_as_inf():
    text = "投资" + "9" * 400 + "亿元," + "增长" + "1" * 500 + "%"
    for q in govreport.find_quantities(text):
        assert q.value is None or abs(q.value) < float("inf")
    for r in govreport.extract(text, year=2022):
        assert r.value is None or abs(r.value) < float("inf")


def test_read_reports_takes_text_bytes_and_paths(tmp_path):
    text = "2022年某市政府工作报告\n——2022年1月10日在某市第八届人民代表大会第一次会议上\n各位代表:今年地区生产总值增长6%左右。"
    p = tmp_path / "r.txt"
    p.write_bytes(text.encode("gb18030"))
    for source in (text, text.encode("utf-8"), p, str(p)):
        [rep] = govreport.read_reports(source)
        assert rep.year == 2022 and [r.value for r in rep.records] == [6.0]


def test_parse_report_overrides_region_and_year():
    rep = govreport.parse_report("今年地区生产总值增长6%左右。", region="某县", year=2023)
    assert (rep.region, rep.year) == ("某县", 2023)
    assert [(r.region, r.year) for r in rep.records] == [("某县", 2023)]
