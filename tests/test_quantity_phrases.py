"""The phrase table: real phrases of the corpus, each with the quantity it holds (or none).

tests/data/quantity_phrases.csv is read by hand from ../shared/corpus: every phrase is
copied as written (pinyin, traditional characters, PDF spaces included).
"""

import csv
import math
from pathlib import Path

import pytest

from govreport import find_quantities

ROWS = list(csv.DictReader((Path(__file__).parent / "data" / "quantity_phrases.csv").open(encoding="utf-8")))


def _num(s):
    return float(s) if s != "" else None


def _close(a, b):
    if a is None or b is None:
        return a is b
    return math.isclose(a, b, rel_tol=1e-6, abs_tol=1e-9)


@pytest.mark.parametrize("row", ROWS, ids=[f"{r['file']}:{r['phrase'][:24]}" for r in ROWS])
def test_phrase(row, request):
    if row["gap"]:  # a known limitation, kept in the table so that fixing it shows
        request.applymarker(pytest.mark.xfail(reason=row["gap"], strict=True))
    found = find_quantities(row["phrase"])
    if row["form"] == "not_quantity":
        assert found == [], f"no quantity expected in {row['phrase']!r}, got {found}"
        return
    assert len(found) == 1, f"one quantity expected in {row['phrase']!r}, got {[q.text for q in found]}"
    q = found[0]
    assert row["phrase"][q.start : q.end] == q.text
    got = (q.value, q.low, q.high, q.unit, q.qualifier.value)
    want = (_num(row["value"]), _num(row["low"]), _num(row["high"]), row["unit"], row["qualifier"])
    assert all(_close(a, b) for a, b in zip(got[:3], want[:3])) and got[3:] == want[3:], f"{got} != {want}"
    assert q.raw_unit == row["raw_unit"]


def test_table_is_broad():
    """The table covers every file, every qualifier and the defect kinds it is about."""
    assert len(ROWS) >= 300
    assert {r["file"] for r in ROWS} >= {"000", "001", "002", "003", "004"}
    assert {r["qualifier"] for r in ROWS} >= {"exact", "approx", "at_least", "at_most", "range"}
    forms = {r["form"] for r in ROWS}
    assert {"pinyin", "pdf_space", "chinese_numeral", "not_quantity", "range", "fraction"} <= forms
