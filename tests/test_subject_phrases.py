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
