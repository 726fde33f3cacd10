"""Kind and time of a number, one rule per row (tests/data/time_phrases.csv): short
passages in report wording, our own sentences, with no heading around them."""

import csv
from pathlib import Path

import pytest

from govreport import extract

ROWS = list(csv.DictReader((Path(__file__).parent / "data" / "time_phrases.csv").open(encoding="utf-8")))


@pytest.mark.parametrize("row", ROWS, ids=lambda r: f"{r['text'][:14]}-{r['value']}")
def test_time(row):
    records = extract(row["text"], region="某市", year=int(row["report_year"]))
    hits = [r for r in records if r.value == pytest.approx(float(row["value"]))]
    assert hits, f"no record of {row['value']} in {[(r.value, r.text) for r in records]}"
    r = hits[0]
    want = (row["kind"], int(row["year"]) if row["year"] else None, int(row["period_start"]) if row["period_start"] else None, row["estimated"] == "true")
    assert (r.kind, r.year, r.period_start, r.estimated) == want, row["rule"]
