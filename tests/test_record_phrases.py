"""Records of short passages written for the project (tests/data/record_phrases.jsonl):
our own wording in the style of reports, each with every record RECORDS.md says it holds.

Scored with govreport.evaluate: the table as a whole must stay above its floor (raise it
as the library improves), and every negative case (years, ordinals, names) yields nothing.
"""

import json
from pathlib import Path

import pytest

from govreport import extract
from govreport.evaluate import score

CASES = [json.loads(line) for line in (Path(__file__).parent / "data" / "record_phrases.jsonl").open(encoding="utf-8")]
for case in CASES:
    case["year"] = case["report_year"]
FLOOR = {"quantity_f1": 0.995, "record_f1": 0.98}


def test_table_floor():
    result = score(CASES)
    for figure, floor in FLOOR.items():
        assert getattr(result, figure) >= floor, f"{figure} fell to {getattr(result, figure):.3f}"


@pytest.mark.parametrize("case", [c for c in CASES if not c["records"]], ids=lambda c: c["id"])
def test_negative_case_yields_nothing(case):
    assert extract(case["text"], region=case["region"], year=case["report_year"]) == []


@pytest.mark.parametrize("case", [c for c in CASES if c["records"]], ids=lambda c: c["id"])
def test_every_number_is_found_with_its_span(case):
    """Quantity level: each gold number is found, and each record's span slices its text."""
    got = extract(case["text"], region=case["region"], year=case["report_year"])
    for r in got:
        assert case["text"][r.start : r.end] == r.text
    want = sorted(abs(r["value"]) if r["value"] is not None else r["low"] for r in case["records"])
    have = sorted(abs(r.value) if r.value is not None else r.low for r in got)
    assert have == pytest.approx(want), case["text"]
