"""Invariants on every record of the whole corpus (../shared/corpus; skipped without it)."""

import math
from pathlib import Path

import pytest

import govreport
from govreport.lexicon import table

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"
CANONICAL = {"%", "pp", "CNY", "USD", "times", "person", "person_time", "household", "t", "jin",
             "kW", "kWh", "mu", "hectare", "m2", "km2", "km", "m3", "day", "count"}
AS_WRITTEN = {r["unit"] for r in table("units")} - CANONICAL


@pytest.fixture(scope="module")
def reports():
    files = sorted(CORPUS.glob("*.txt")) if CORPUS.is_dir() else []
    if not files:
        pytest.skip(f"corpus not found at {CORPUS} (../shared is not beside the repository)")
    return [(f.read_text(encoding="utf-8"), r) for f in files for r in govreport.read_reports(f)]


def test_corpus_yields_records(reports):
    assert len(reports) == 23
    assert sum(len(r.records) for _, r in reports) > 2000


def test_every_record_keeps_the_contract(reports):
    for _, rep in reports:
        for r in rep.records:
            assert rep.text[r.start : r.end] == r.text
            for v in (r.value, r.low, r.high):
                assert v is None or math.isfinite(v)
            if r.qualifier == "range":
                assert r.low <= r.high
            assert r.unit in CANONICAL or r.unit in AS_WRITTEN, r.unit
            assert r.year is None or abs(r.year - rep.year) <= 10, (r.year, rep.year, r.text)
            assert r.period_start is None or r.period_start <= r.year
