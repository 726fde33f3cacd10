"""Targets against results: one row per region × indicator × measure × year.

`panel` lines up what a government set for a year (a ``target`` record with that
``year``) with what it later reported for the same year (an ``achievement`` record), and
says by how much the result missed or beat the target and whether it was met.

>>> import pytest; pd = pytest.importorskip("pandas")
>>> import govreport
>>> r22 = govreport.parse_report("今年主要预期目标是:地区生产总值增长7%左右,城镇调查失业率控制在5.5%以内。", region="株洲市", year=2022)
>>> r23 = govreport.parse_report("2022年,全市地区生产总值增长6.6%,城镇调查失业率5.3%。", region="株洲市", year=2023)
>>> df = panel([r22, r23])
>>> print(df[["region_code", "indicator", "year", "target_value", "result_value", "met"]].to_string())
  region_code                   indicator  year  target_value  result_value   met
0      430200                         gdp  2022           7.0           6.6  True
1      430200  surveyed_unemployment_rate  2022           5.5           5.3  True
>>> df.gap.round(2).tolist(), df.target_qualifier.tolist()
([-0.4, -0.2], ['approx', 'at_most'])
>>> bool(panel([r22, r23], tolerance=0.3).loc[0, "met"])
False

Rows. One per (region, indicator, measure, year, period_start) that has a target or a
result; records without an indicator code are left out. ``measure`` is part of the key
rather than a choice between growth and level: 地区生产总值增长7% and 地区生产总值达到
3000亿元 are two targets, compared with a growth and a level result respectively. Filter
``df[df.measure == "growth"]`` for the growth panel.

Regions. A record's region is its own (a county the clause names) or its report's;
``region_code`` is `govreport.regions.resolve_region` of it, within the report's region for
a sub-region. ``region`` is the official name when the code is known (咸阳 → 咸阳市),
else the name as written; rows of one region written two ways fall together when both
resolve.

Which records. The target of year Y is a target record with year Y, taken from the
report of year Y if it has one (the annual targets), else from the latest earlier report
(到2025年… in a 2022 report), else any. The result of year Y is an achievement record with
year Y, taken from the report of year Y + 1 (which reviews Y), else from the report of
year Y (a review delivered at the end of the year), else from the nearest other report.
Within one report the first record in text order is taken. ``target_report`` and
``result_report`` name the report by its region and year (``株洲市 2022``): a scraped
title can be wrong (a 2019 report of 厦门市 comes titled 2022年厦门市政府工作报告).

Multi-year targets (``period_start`` set: 今后五年年均增长7%, 2022—2024年年均增长7%) are
compared with an achievement of the same period (过去五年年均增长7.3% in the report
after it) when there is one; else, for a growth target, with the compound average of
the yearly growth results of every year of the period, when all of them are there
(``((1+g1/100)···(1+gn/100))^(1/n) − 1``, as 年均增长 is computed; ``result_text`` and
``result_report`` then list the years' records, joined by `` | ``); else, for other
measures, with the result of the period's last year. Otherwise the result is missing.

Gap. ``gap = result − target value``; for a range, 0 inside it and the distance to the
nearer bound outside (``result − low`` below, ``result − high`` above). Missing when either
side is, or when their units differ.

Met. By the target's qualifier, and by the indicator's direction: "more is better" for
all indicators except those of ``data/lower_is_better.csv`` (unemployment rates, CPI, energy
intensity, PM2.5), where less is better. With ``r`` the result and ``v`` the target value:

============  ============================  ============================
qualifier     more is better                less is better
============  ============================  ============================
exact         r ≥ v                         r ≤ v
approx        r ≥ v − tol                   r ≤ v + tol
at_least      r ≥ v  (r ≤ v when v < 0)     the same
at_most       r ≤ v  (r ≥ v when v < 0)     the same
range         low ≤ r ≤ high                the same
============  ============================  ============================

So a 左右 target is met by a result at most `tolerance` short of it, and by any result
beyond it in the good direction (6.9 and 8.0 both meet 7%左右; 6.4 does not). ``tol`` is
`tolerance` itself for percentages and percentage points (0.5 pp by default), and
`tolerance` percent of the target for other units (180亿元左右 is met from 179.1亿元).
at_least and at_most speak of the number as written, so for a fall they flip (下降3%以上 is
growth −3 at_least: met by −3.2). A result's own qualifier is not used (增长8%以上 counts as
8). ``met`` is missing when the gap is.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, Any, Optional

from .errors import InputError
from .frame import EXTRA, MissingExtraError
from .lexicon import table
from .models import Indicator, Kind, Measure, Qualifier, Report
from .regions import resolve_region

if TYPE_CHECKING:  # pragma: no cover
    import pandas

__all__ = ["COLUMNS", "LOWER_IS_BETTER", "panel"]

COLUMNS: tuple[str, ...] = (
    "region",
    "region_code",
    "indicator",
    "measure",
    "unit",
    "year",
    "period_start",
    "target_value",
    "target_low",
    "target_high",
    "target_qualifier",
    "target_text",
    "target_report",
    "result_value",
    "result_qualifier",
    "result_text",
    "result_report",
    "gap",
    "met",
)

_POINT_UNITS = ("%", "pp")
_EPS = 1e-9


@lru_cache(maxsize=1)
def _lower_is_better() -> frozenset[str]:
    return frozenset(row["indicator"] for row in table("lower_is_better"))


LOWER_IS_BETTER = _lower_is_better()


@dataclass(frozen=True)
class _Seen:
    """A record with where it comes from."""

    rec: Indicator
    rep: Report
    order: int  # input order of the report, then of the record


@dataclass(frozen=True)
class _Result:
    value: Optional[float]
    unit: str
    qualifier: Optional[str]
    text: str
    report: str


def _label(rep: Report) -> str:
    """How a row names a report: its region and year (``株洲市 2022``), which say more
    reliably than a scraped title which report it is; the title when both are missing."""
    parts = [p for p in (rep.region, str(rep.year) if rep.year else "") if p]
    return " ".join(parts) if parts else rep.title


def _reports(reports: Any) -> list[Report]:
    if isinstance(reports, Report):
        return [reports]
    if isinstance(reports, (str, bytes, bytearray)) or not isinstance(reports, Iterable):
        raise InputError(f"panel() takes Report objects, not {type(reports).__name__}")
    out = list(reports)
    for r in out:
        if not isinstance(r, Report):
            raise InputError(f"panel() takes Report objects, not {type(r).__name__}")
    return out


def _target_rank(s: _Seen, year: int, start: Optional[int]) -> tuple:
    """Smaller is better: the report of the target's (first) year, then the latest earlier."""
    ry = s.rep.year or 0
    set_in = start if start is not None else year
    if ry == set_in:
        return (0, 0, s.order)
    if ry < set_in:
        return (1, -ry, s.order)
    return (2, ry, s.order)


def _result_rank(s: _Seen, year: int) -> tuple:
    """Smaller is better: the report of the next year, then of the same year, then nearest."""
    ry = s.rep.year or 0
    if ry == year + 1:
        return (0, 0, s.order)
    if ry == year:
        return (1, 0, s.order)
    return (2, abs(ry - year - 1), s.order)


def _as_result(s: _Seen) -> _Result:
    r = s.rec
    return _Result(r.value, r.unit, r.qualifier.value, r.text, _label(s.rep))


def _compound(parts: list[_Seen]) -> Optional[_Result]:
    """The average yearly growth of `parts` (one result a year), as 年均增长 is computed."""
    values = [p.rec.value for p in parts]
    units = {p.rec.unit for p in parts}
    if any(v is None or v <= -100 for v in values) or len(units) != 1:
        return None
    prod = math.prod(1 + v / 100 for v in values)
    avg = (prod ** (1 / len(values)) - 1) * 100
    qual = "exact" if all(p.rec.qualifier is Qualifier.EXACT for p in parts) else "approx"
    reports = list(dict.fromkeys(_label(p.rep) for p in parts))
    return _Result(avg, units.pop(), qual, " | ".join(p.rec.text for p in parts), " | ".join(reports))


def _gap(t: Indicator, res: Optional[_Result]) -> Optional[float]:
    if res is None or res.value is None or res.unit != t.unit:
        return None
    r = res.value
    if t.qualifier is Qualifier.RANGE:
        if r < t.low - _EPS:
            return r - t.low
        if r > t.high + _EPS:
            return r - t.high
        return 0.0
    return r - t.value


def _met(t: Indicator, r: float, tolerance: float) -> bool:
    q = t.qualifier
    if q is Qualifier.RANGE:
        return t.low - _EPS <= r <= t.high + _EPS
    v = t.value
    lower = t.indicator in _lower_is_better()
    if q is Qualifier.AT_LEAST:
        return r >= v - _EPS if v >= 0 else r <= v + _EPS
    if q is Qualifier.AT_MOST:
        return r <= v + _EPS if v >= 0 else r >= v - _EPS
    tol = 0.0
    if q is Qualifier.APPROX:
        tol = tolerance if t.unit in _POINT_UNITS else abs(v) * tolerance / 100
    return r <= v + tol + _EPS if lower else r >= v - tol - _EPS


def panel(reports: Report | Iterable[Report], *, tolerance: float = 0.5) -> "pandas.DataFrame":
    """Targets against results, one row per region × indicator × measure × year ×
    period_start: see the module's docstring for which records are taken and the rule of
    ``met``. `tolerance` is how far short of a 左右 (approx) target a result may fall and
    still meet it: in points for percentages (0.5 pp by default), in percent of the target
    for other units.

    Columns: `COLUMNS`. Dtypes: ``string`` for region, region_code, indicator, unit and the
    text and report columns; ``category`` for measure and the qualifiers (all members of
    their enum); ``Int64`` for year and period_start; ``Float64`` for the numbers;
    ``boolean`` for met; all nullable. Rows are sorted by region_code (regions without
    one last), region, indicator, measure, year, period_start. Needs pandas (``pip install 'govreport[frame]'``).

    >>> import pytest; pd = pytest.importorskip("pandas")
    >>> list(panel([]).columns) == list(COLUMNS)
    True
    """
    try:
        import pandas as pd
    except ImportError as e:
        raise MissingExtraError(f"panel needs pandas, which is not installed: {EXTRA}", name="pandas") from e
    if isinstance(tolerance, bool) or not isinstance(tolerance, (int, float)) or not math.isfinite(tolerance) or tolerance < 0:
        raise InputError(f"tolerance must be a finite number >= 0, not {tolerance!r}")
    reps = _reports(reports)

    targets: dict[tuple, list[_Seen]] = defaultdict(list)
    results: dict[tuple, list[_Seen]] = defaultdict(list)
    where: dict[tuple, tuple[str, Optional[str]]] = {}  # region key -> (name, code)
    order = 0
    for rep in reps:
        for rec in rep.records:
            if not rec.indicator or rec.year is None:
                continue
            name = rec.region or rep.region
            sub = bool(rep.region) and name != rep.region
            reg = resolve_region(name, within=rep.region if sub else None) if name else None
            rkey = (reg.code, reg.name) if reg else ("", name)
            where[rkey] = (reg.name, reg.code) if reg else (name, None)
            key = (rkey, rec.indicator, rec.measure.value, rec.year, rec.period_start)
            (targets if rec.kind is Kind.TARGET else results)[key].append(_Seen(rec, rep, order))
            order += 1

    rows = []
    keys = set(targets) | set(results)
    for key in sorted(keys, key=lambda k: (k[0][0] == "", k[0], k[1], k[2], k[3], k[4] or 0)):
        rkey, indicator, measure, year, start = key
        t = min(targets[key], key=lambda s: _target_rank(s, year, start)) if key in targets else None
        res = None
        if key in results:
            res = _as_result(min(results[key], key=lambda s: _result_rank(s, year)))
        elif t is not None and start is not None:
            yearly = [(rkey, indicator, measure, y, None) for y in range(start, year + 1)]
            if measure == Measure.GROWTH.value:
                if all(k in results for k in yearly):
                    res = _compound([min(results[k], key=lambda s, y=k[3]: _result_rank(s, y)) for k in yearly])
            elif yearly[-1] in results:
                res = _as_result(min(results[yearly[-1]], key=lambda s: _result_rank(s, year)))
        tr = t.rec if t else None
        gap = _gap(tr, res) if tr else None
        name, code = where[rkey]
        rows.append({
            "region": name,
            "region_code": code,
            "indicator": indicator,
            "measure": measure,
            "unit": tr.unit if tr else (res.unit if res else None),
            "year": year,
            "period_start": start,
            "target_value": tr.value if tr else None,
            "target_low": tr.low if tr else None,
            "target_high": tr.high if tr else None,
            "target_qualifier": tr.qualifier.value if tr else None,
            "target_text": tr.text if tr else None,
            "target_report": _label(t.rep) if t else None,
            "result_value": res.value if res else None,
            "result_qualifier": res.qualifier if res else None,
            "result_text": res.text if res else None,
            "result_report": res.report if res else None,
            "gap": gap,
            "met": None if gap is None else _met(tr, res.value, tolerance),
        })
    return _frame(pd, rows)


def _frame(pd: Any, rows: list[dict]) -> "pandas.DataFrame":
    cats = {
        "measure": pd.CategoricalDtype([m.value for m in Measure]),
        "target_qualifier": pd.CategoricalDtype([q.value for q in Qualifier]),
        "result_qualifier": pd.CategoricalDtype([q.value for q in Qualifier]),
    }
    types: dict[str, Any] = {}
    for c in COLUMNS:
        if c in cats:
            types[c] = cats[c]
        elif c in ("year", "period_start"):
            types[c] = pd.Int64Dtype()
        elif c in ("target_value", "target_low", "target_high", "result_value", "gap"):
            types[c] = pd.Float64Dtype()
        elif c == "met":
            types[c] = pd.BooleanDtype()
        else:
            types[c] = pd.StringDtype()
    data = {}
    for c in COLUMNS:
        values = [r[c] for r in rows]
        if isinstance(types[c], pd.CategoricalDtype):
            data[c] = pd.Categorical(values, dtype=types[c])
        else:
            data[c] = pd.array(values, dtype=types[c])
    return pd.DataFrame(data, index=pd.RangeIndex(len(rows)))
