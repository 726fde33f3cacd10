"""The typed records: frozen, validated, exact JSON round trip, JSON Schema."""

import json
import math

import pydantic
import pytest

import govreport
from govreport import Indicator, Kind, Measure, Qualifier, Quantity

RECORD = dict(
    kind="target", indicator="gdp", mention="地区生产总值", measure="growth", value=7.5, low=None,
    high=None, qualifier="approx", unit="%", raw_unit="%", year=2022, period_start=None,
    estimated=False, region="忻州市", text="地区生产总值增长7.5%左右", start=3, end=17,
)
RECORDS_MD_FIELDS = ["kind", "indicator", "mention", "measure", "value", "low", "high", "qualifier",
                     "unit", "raw_unit", "year", "period_start", "estimated", "region", "text"]


def test_fields_follow_records_md_in_order():
    assert list(Indicator.model_fields)[:15] == RECORDS_MD_FIELDS
    assert list(Indicator.model_fields)[15:] == ["start", "end"]


def test_enums_are_the_strings_of_records_md():
    assert {k.value for k in Kind} == {"target", "achievement"}
    assert {m.value for m in Measure} == {"growth", "level", "change", "multiple"}
    assert {q.value for q in Qualifier} == {"exact", "approx", "at_least", "at_most", "range"}
    assert Kind.TARGET == "target"  # str enums compare as their strings


def test_json_round_trip_is_exact():
    r = Indicator(**RECORD)
    assert Indicator.model_validate_json(r.model_dump_json()) == r
    assert json.loads(r.model_dump_json()) == RECORD


def test_frozen():
    r = Indicator(**RECORD)
    with pytest.raises(pydantic.ValidationError):
        r.value = 8.0


@pytest.mark.parametrize(
    "change",
    [
        dict(qualifier="range", value=None, low=6.5, high=6.0),  # low > high
        dict(qualifier="range", value=6.0, low=6.0, high=6.5),  # a range has no value
        dict(value=None),  # a non-range needs a value
        dict(value=math.inf),
        dict(value=math.nan),
        dict(kind="goal"),
        dict(measure="speed"),
        dict(start=-1),
        dict(colour="red"),  # unknown fields are refused
    ],
)
def test_invalid_records_are_refused(change):
    with pytest.raises(pydantic.ValidationError):
        Indicator(**{**RECORD, **change})


def test_quantity_range_is_valid():
    q = Quantity(low=6.0, high=6.5, qualifier="range", unit="%", raw_unit="%", text="6%—6.5%", start=0, end=7)
    assert q.value is None and q.qualifier is Qualifier.RANGE


def test_json_schema_describes_every_field():
    schema = govreport.json_schema()
    assert set(RECORDS_MD_FIELDS) <= set(schema["properties"])
    assert schema["properties"]["kind"]["$ref"].endswith("Kind")
