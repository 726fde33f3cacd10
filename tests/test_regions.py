"""Region names → division codes (govreport.regions): one table of names, one of the
corpus' report regions, and the rules about short forms, `within`, towns and ambiguity."""

from __future__ import annotations

from pathlib import Path

import pytest

import govreport
from govreport import Level
from govreport.regions import Region, candidates, resolve_region, short_form

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"

# name, within, (code, official name, level, province, prefecture, county) or None
CASES = [
    # exact names at every level
    ("河北省", None, ("130000", "河北省", "province", "河北省", None, None)),
    ("北京市", None, ("110000", "北京市", "province", "北京市", None, None)),
    ("咸阳市", None, ("610400", "咸阳市", "prefecture", "陕西省", "咸阳市", None)),
    ("东莞市", None, ("441900", "东莞市", "prefecture", "广东省", "东莞市", None)),  # no counties
    ("天门市", None, ("429006", "天门市", "county", "湖北省", None, None)),  # run by its province
    ("东丽区", None, ("120110", "东丽区", "district", "天津市", None, None)),  # a municipality's
    ("冠县", None, ("371525", "冠县", "county", "山东省", "聊城市", None)),
    ("六枝特区", None, ("520203", "六枝特区", "county", "贵州省", "六盘水市", None)),
    ("渝北区", None, ("500112", "渝北区", "district", "重庆市", None, None)),  # regions_extra.csv
    # short forms
    ("咸阳", None, ("610400", "咸阳市", "prefecture", "陕西省", "咸阳市", None)),
    ("广西", None, ("450000", "广西壮族自治区", "province", "广西壮族自治区", None, None)),
    ("恩施", None, ("422800", "恩施土家族苗族自治州", "prefecture", "湖北省", "恩施土家族苗族自治州", None)),
    ("长沙", None, ("430100", "长沙市", "prefecture", "湖南省", "长沙市", None)),  # not 长沙县
    ("吉林", None, ("220000", "吉林省", "province", "吉林省", None, None)),  # not 吉林市
    ("天元", None, ("430211", "天元区", "district", "湖南省", "株洲市", None)),
    # sub-regions named in a report of their city
    ("天元区", "株洲市", ("430211", "天元区", "district", "湖南省", "株洲市", None)),
    ("炎陵县", "株洲", ("430225", "炎陵县", "county", "湖南省", "株洲市", None)),
    ("鼓楼区", "南京市", ("320106", "鼓楼区", "district", "江苏省", "南京市", None)),
    ("鼓楼区", "福州市", ("350102", "鼓楼区", "district", "福建省", "福州市", None)),
    ("朝阳", "北京市", ("110105", "朝阳区", "district", "北京市", None, None)),
    ("朝阳区", "吉林省", ("220104", "朝阳区", "district", "吉林省", "长春市", None)),
    ("咸阳市", "株洲市", ("610400", "咸阳市", "prefecture", "陕西省", "咸阳市", None)),  # unique anyway
    # paths
    ("株洲市天元区", None, ("430211", "天元区", "district", "湖南省", "株洲市", None)),
    ("湖南省株洲市炎陵县", None, ("430225", "炎陵县", "county", "湖南省", "株洲市", None)),
    # towns resolve to their county
    ("胜坨镇", None, ("370505", "胜坨镇", "town", "山东省", "东营市", "垦利区")),
    ("南站镇", None, ("370830", "南站镇", "town", "山东省", "济宁市", "汶上县")),
    ("兰陵镇", None, ("371324", "兰陵镇", "town", "山东省", "临沂市", "兰陵县")),
    ("东华门街道", None, ("110101", "东华门街道", "town", "北京市", None, "东城区")),
    ("南桥镇", "奉贤区", ("310120", "南桥镇", "town", "上海市", None, "奉贤区")),
    ("姜屯镇", "枣庄市", ("370481", "姜屯镇", "town", "山东省", "枣庄市", "滕州市")),
    ("姜屯镇", "辽宁省", ("210726", "姜屯镇", "town", "辽宁省", "锦州市", "黑山县")),
    # never a guess: several places of one name, or no such division
    ("鼓楼区", None, None),
    ("朝阳区", None, None),
    ("鼓楼区", "江苏省", None),  # 南京 and 徐州 both have one
    ("南桥镇", None, None),  # six counties have one
    ("姜屯镇", None, None),
    ("高新区", "株洲市", None),
    ("经开区", "咸阳市", None),
    ("美丽县", "襄阳市", None),
    ("", None, None),
    ("x" * 200, None, None),
]


@pytest.mark.parametrize("name, within, want", CASES, ids=[f"{n[:12]}@{w}" for n, w, _ in CASES])
def test_resolve(name, within, want):
    got = resolve_region(name, within=within)
    if want is None:
        assert got is None
        return
    assert isinstance(got, Region)
    assert (got.code, got.name, got.level.value, got.province, got.prefecture, got.county) == want
    assert isinstance(got.level, Level)


@pytest.mark.parametrize(
    "name, short",
    [
        ("咸阳市", "咸阳"),
        ("河北省", "河北"),
        ("内蒙古自治区", "内蒙古"),
        ("新疆维吾尔自治区", "新疆"),
        ("延边朝鲜族自治州", "延边"),
        ("积石山保安族东乡族撒拉族自治县", "积石山"),
        ("龙胜各族自治县", "龙胜"),
        ("阿拉善盟", "阿拉善"),
        ("香港特别行政区", "香港"),
        ("兰山区", "兰山"),
        ("冠县", None),
        ("蓟州区", "蓟州"),
    ],
)
def test_short_form(name, short):
    assert short_form(name) == short


def test_spaces_and_errors():
    assert resolve_region(" 咸 阳 市 ").code == "610400"
    with pytest.raises(govreport.InputError):
        resolve_region(None)
    with pytest.raises(govreport.InputError):
        resolve_region("咸阳", within=3)


def test_within_that_does_not_resolve_is_ignored():
    assert resolve_region("天元区", within="不存在市").code == "430211"
    assert resolve_region("鼓楼区", within="不存在市") is None


def test_contains_and_candidates():
    zhuzhou, tianyuan, town = resolve_region("株洲市"), resolve_region("天元区"), resolve_region("群丰镇", within="天元区")
    assert zhuzhou.contains(tianyuan) and zhuzhou.contains(town) and tianyuan.contains(town)
    assert not tianyuan.contains(zhuzhou)
    assert resolve_region("湖南省").contains(town)
    assert {r.code for r in candidates("南桥镇")} == {"130125", "310120", "360734", "371324", "431122", "469006"}


def test_regions_are_frozen_and_hashable():
    r = resolve_region("咸阳")
    with pytest.raises(AttributeError):
        r.code = "000000"  # type: ignore[misc]
    assert {r, resolve_region("咸阳市")} == {r}


@pytest.mark.skipif(not CORPUS.is_dir(), reason=f"no corpus at {CORPUS}")
def test_corpus_report_regions():
    """Every report region of the corpus resolves, but for the two towns whose name several
    counties share (the report does not say which county)."""
    regions = {rep.region: rep.level for p in sorted(CORPUS.glob("*.txt")) for rep in govreport.read_reports(p)}
    unresolved = {name for name in regions if resolve_region(name) is None}
    assert unresolved == {"南桥镇", "姜屯镇"}
    for name, level in regions.items():
        r = resolve_region(name)
        if r is not None:
            assert r.level is level, name  # the levels agree with the report reader's
