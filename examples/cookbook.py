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
# govreport.panel's columns that the recipe keeps, and what it calls them
RESULT_COLUMNS = {
    "region": "region",
    "indicator": "indicator",
    "measure": "measure",
    "unit": "unit",
    "year": "year",
    "period_start": "period_start",
    "target_qualifier": "qualifier",
    "target_value": "target",
    "target_low": "low",
    "target_high": "high",
    "result_value": "result",
    "gap": "gap",
    "met": "met",
}


def target_vs_result(reports, indicators=None, tolerance=0.5):
    """The targets that have a result, beside it: the rows of `govreport.panel` with both.

    `gap` and `met` are the panel's (docs/panel.md: "When is a target met"); `tolerance`
    is handed to it. A range target has `low` and `high` and no `target`.
    """
    df = govreport.panel(reports, tolerance=tolerance)
    keep = df["target_qualifier"].notna() & df["result_value"].notna()
    if indicators is not None:
        keep &= df["indicator"].isin(indicators).fillna(False)
    table = df.loc[keep, list(RESULT_COLUMNS)].rename(columns=RESULT_COLUMNS)
    return table.reset_index(drop=True)
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
