"""Subjects of counts and lists, one rule per row (tests/data/subject_phrases.csv): real
report wording, our own sentences, with the mention each number must get."""

import csv
from pathlib import Path

import pytest

from govreport import extract

ROWS = list(csv.DictReader((Path(__file__).parent / "data" / "subject_phrases.csv").open(encoding="utf-8")))


@pytest.mark.parametrize("row", ROWS, ids=lambda r: f"{r['text'][:14]}-{r['value']}")
def test_mention(row):
    records = extract(row["text"], region=row["region"] or "某市", year=2022)
    hits = [r for r in records if r.value == pytest.approx(float(row["value"]))]
    assert hits, f"no record of {row['value']} in {[(r.value, r.mention) for r in records]}"
    assert hits[0].mention == row["mention"], row["rule"]
    if row["place"]:
        assert hits[0].region == row["place"], row["rule"]


@pytest.mark.parametrize("text", ["新培育农民专业合作社、家庭农场各8家。", "新建学校、医院均为3所。"])
def test_each_member_of_a_list_gets_the_shared_number(text):
    """各 and 均 after a list: one record per member, all with the one number."""
    records = extract(text, region="某市", year=2022)
    assert len(records) == 2 and records[0].value == records[1].value
    assert records[0].mention != records[1].mention


def test_a_part_of_the_things_counted_names_no_indicator():
    """达标50家 are some of the 新增市场主体: not the market_entities indicator itself."""
    whole, part = extract("新增市场主体2000家，达标50家。", region="某市", year=2022)
    assert (whole.indicator, part.indicator) == ("market_entities", None)
    assert part.mention == "达标新增市场主体"


@pytest.mark.parametrize(
    "text,measure",
    [
        ("累计新增规上企业120家。", "level"),
        ("新增规上企业120家。", "level"),
        ("新增17家标准化菜市场。", "level"),
        ("企业数量新增120家。", "change"),
        ("高考本科上线2853人,新增496人。", "change"),  # the second: 新增 of the subject before
        ("煤炭消费量压减120万吨。", "change"),  # X压减N is a change of X
    ],
)
def test_a_flow_opening_its_clause_is_a_level(text, measure):
    """RECORDS.md: 新增X N is the level of the flow 新增X, X增加N a change of X; 累计 or
    全年 before 新增 leaves it first."""
    assert extract(text, region="某市", year=2022)[-1].measure == measure


def test_a_count_names_no_rate_indicator():
    """35个断面 are sections, not the share of good water that the words after them name."""
    count, share = extract("35个国家考核断面水质优良比例达到100%。", region="某市", year=2022)
    assert (count.indicator, share.indicator) == (None, "surface_water_quality")
