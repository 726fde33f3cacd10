"""Recipes of docs/cookbook.md, as functions you can import and run.

    python examples/cookbook.py REPORT_FILE...      # both recipes on your files

Needs pandas (``pip install 'govreport[frame]'``). The sections between the
``--8<--`` markers are shown in the documentation as they are here.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable
from pathlib import Path

import govreport


def read_all(paths: Iterable[str | Path]) -> list[govreport.Report]:
    """Every report of every file (a scraped file may hold several)."""
    return [rep for path in paths for rep in govreport.read_reports(path)]


# --8<-- [start:growth_targets]
HEADLINE = (
    "gdp",
    "industrial_value_added",
    "fixed_asset_investment",
    "retail_sales",
    "public_budget_revenue",
)


def growth_targets(reports, indicators=HEADLINE, year=None):
    """Growth targets side by side: one row per (region, year), one column per indicator.

    Keeps the targets of the report's own year (not 今后五年 averages: those carry a
    `period_start`). A missing target is NaN; a range (6%—6.5%) counts as its midpoint;
    when a report states two targets for one indicator (预期目标 and 奋斗目标), the first
    one wins.
    """
    df = govreport.to_frame(reports)
    keep = (
        (df["kind"] == "target")
        & (df["measure"] == "growth")
        & df["indicator"].isin(indicators)
        & df["period_start"].isna()
        & (df["year"] == df["report_year"])
    ).fillna(False)
    if year is not None:
        keep &= (df["year"] == year).fillna(False)
    t = df[keep]
    t = t.assign(target=t["value"].fillna((t["low"] + t["high"]) / 2))
    table = t.pivot_table(
        index=["region", "year"], columns="indicator", values="target",
        aggfunc="first", observed=True,
    )
    return table.reindex(columns=[c for c in indicators if c in table.columns]).astype("float64")
# --8<-- [end:growth_targets]


# --8<-- [start:target_vs_result]
def target_met(qualifier, target, result, *, low=None, tolerance=0.5):
    """The recipe's rule: was a target met by the result reported a year later?

    - ``exact`` and ``at_least``: result >= target;
    - ``at_most``: result <= target;
    - ``approx``: result >= target - tolerance (0.5 percentage point): within ±0.5 of
      the target counts as met, and so does anything above it;
    - ``range``: result >= the low end.

    Qualifiers speak of the number as written, so for a fall (a negative target,
    能耗下降3%) the comparisons are on the size of the fall: -3.2 meets -3.
    """
    if qualifier == "range":
        return result >= low
    sign = 1 if target >= 0 else -1
    ahead = sign * (result - target)  # > 0: better than the target
    if qualifier == "at_most":
        return ahead <= 0
    if qualifier == "approx":
        return ahead >= -tolerance
    return ahead >= 0


def target_vs_result(reports, indicators=None, tolerance=0.5):
    """Targets of report year Y beside the results for Y in the report of year Y+1.

    Pairs a target with a result of the same region, indicator, measure and year. Only
    single-year numbers in percent (growth rates, and rates such as the unemployment
    rate), so that the tolerance is in percentage points. `gap` is result - target
    (for a range, result - low); `estimated` says the result was an estimate (预计).
    """
    df = govreport.to_frame(reports)
    single = (df["period_start"].isna() & df["indicator"].notna() & (df["unit"] == "%")).fillna(False)
    if indicators is not None:
        single &= df["indicator"].isin(indicators)
    keys = ["region", "indicator", "measure", "year"]
    targets = df[single & (df["kind"] == "target") & (df["year"] == df["report_year"]).fillna(False)]
    results = df[
        single & (df["kind"] == "achievement") & df["value"].notna()
        & (df["year"] == df["report_year"] - 1).fillna(False)
    ]
    targets = targets.drop_duplicates(keys)[keys + ["qualifier", "value", "low", "high"]]
    results = results.drop_duplicates(keys)[keys + ["value", "estimated"]]
    table = targets.merge(results, on=keys, suffixes=("", "_result"))
    table = table.rename(columns={"value": "target", "value_result": "result"})
    table = table.astype({k: str for k in ("region", "indicator", "measure", "qualifier")})
    table["gap"] = (table["result"] - table["target"].fillna(table["low"])).round(2)
    table["met"] = [
        target_met(q, t, r, low=lo, tolerance=tolerance)
        for q, t, r, lo in zip(table["qualifier"], table["target"], table["result"], table["low"])
    ]
    columns = keys + ["qualifier", "target", "result", "estimated", "gap", "met"]
    return table[columns].sort_values(keys, ignore_index=True)
# --8<-- [end:target_vs_result]


def main(argv: list[str]) -> None:
    import pandas as pd

    pd.set_option("display.width", 160)
    reports = read_all(argv)
    print(growth_targets(reports).to_string(na_rep="-"))
    print()
    print(target_vs_result(reports).to_string())


if __name__ == "__main__":
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    main(sys.argv[1:])
