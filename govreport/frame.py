"""Records as a table: a pandas `DataFrame`, and JSONL, CSV and Parquet files.

One row per record, the fields of `Indicator` as columns in the order of RECORDS.md, and,
when the records come from `Report` objects, the report's metadata in columns prefixed
``report_``. `to_frame`, `write_csv` and `write_parquet` need the optional extra
(``pip install 'govreport[frame]'``: pandas, pyarrow); `write_jsonl` needs nothing.

>>> import govreport, json, pathlib, tempfile
>>> from govreport.frame import write_jsonl
>>> recs = govreport.extract("地区生产总值增长7%左右", year=2022)
>>> path = pathlib.Path(tempfile.mkdtemp()) / "records.jsonl"
>>> write_jsonl(recs, path)
1
>>> row = json.loads(path.read_text(encoding="utf-8"))
>>> row["indicator"], row["value"], row["qualifier"], row["text"]
('gdp', 7.0, 'approx', '地区生产总值增长7%左右')
>>> govreport.Indicator.model_validate(row) == recs[0]
True

Without pandas the frame functions raise `MissingExtraError`, which is both a
`GovreportError` and an `ImportError`, and names the extra to install.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable
from typing import Iterator, TYPE_CHECKING, Any

from .errors import GovreportError, InputError
from .models import Indicator, Kind, Level, Measure, Qualifier, Report

if TYPE_CHECKING:  # pragma: no cover
    import pandas

__all__ = [
    "EXTRA",
    "RECORD_COLUMNS",
    "REPORT_COLUMNS",
    "MissingExtraError",
    "dtypes",
    "to_frame",
    "write_csv",
    "write_jsonl",
    "write_parquet",
]

EXTRA = "pip install 'govreport[frame]'"

#: The record columns, in the order of RECORDS.md (the field order of `Indicator`).
RECORD_COLUMNS: tuple[str, ...] = tuple(Indicator.model_fields)

#: The report metadata columns, present when the input holds `Report` objects.
REPORT_COLUMNS: tuple[str, ...] = (
    "report_title",
    "report_region",
    "report_level",
    "report_year",
    "report_date",
    "report_speaker",
    "report_office",
)

# Column kinds; `dtypes` makes the pandas dtypes from them (pandas is optional).
# Categories of the enum columns are fixed (all members, in declaration order), so that
# frames from different inputs concatenate as categoricals; the categories of `unit` and
# `indicator` are the values seen, sorted.
_ENUMS = {"kind": Kind, "measure": Measure, "qualifier": Qualifier, "report_level": Level}
_OPEN_CATEGORIES = ("indicator", "unit")
_FLOATS = ("value", "low", "high")
_INTS = ("year", "period_start", "start", "end", "report_year")
_BOOLS = ("estimated",)
_STRINGS = ("mention", "raw_unit", "region", "text",
            "report_title", "report_region", "report_speaker", "report_office")
_DATES = ("report_date",)

PathLike = str | os.PathLike[str]
Items = Report | Indicator | Iterable[Report | Indicator]


class MissingExtraError(GovreportError, ImportError):
    """An optional dependency of the ``frame`` extra (pandas, pyarrow) is not installed.

    >>> issubclass(MissingExtraError, GovreportError), issubclass(MissingExtraError, ImportError)
    (True, True)
    """


def _require(module: str, what: str) -> Any:
    """Import `module` or raise `MissingExtraError` naming the extra."""
    try:
        return __import__(module)
    except ImportError as e:
        raise MissingExtraError(
            f"{what} needs {module}, which is not installed: {EXTRA}", name=module
        ) from e


def _pairs(items: Items) -> tuple[list[tuple[Indicator, Report | None]], bool]:
    """(record, its report or None) for every record of `items`, and whether any item
    was a `Report` (then the frame has the report_ columns, even with no records)."""
    if isinstance(items, (Report, Indicator)):
        items = [items]
    elif isinstance(items, (str, bytes, bytearray)) or not isinstance(items, Iterable):
        raise InputError(
            f"expected Indicator records or Report objects, got {type(items).__name__}"
        )
    pairs: list[tuple[Indicator, Report | None]] = []
    saw_report = False
    for item in items:
        if isinstance(item, Report):
            saw_report = True
            pairs.extend((r, item) for r in item.records)
        elif isinstance(item, Indicator):
            pairs.append((item, None))
        else:
            raise InputError(
                f"expected Indicator records or Report objects, got {type(item).__name__}"
            )
    return pairs, saw_report


def _report_meta(rep: Report | None) -> dict[str, Any]:
    """The report_ columns of one report (all None for a record without a report)."""
    if rep is None:
        return dict.fromkeys(REPORT_COLUMNS)
    return {
        "report_title": rep.title,
        "report_region": rep.region,
        "report_level": rep.level,
        "report_year": rep.year,
        "report_date": rep.date,
        "report_speaker": rep.speaker,
        "report_office": rep.office,
    }


def _plain(v: Any) -> Any:
    """Enum members as their values; everything else as is."""
    return v.value if isinstance(v, (Kind, Measure, Qualifier, Level)) else v


def dtypes(*, reports: bool = True) -> dict[str, Any]:
    """The dtype of every column of `to_frame`, by name: the record columns, then (with
    `reports`) the report_ columns. The enum columns get their fixed categories; indicator
    and unit get plain ``"category"`` (their categories are the values seen). Handy to
    give a CSV read back its dtypes: ``pandas.read_csv(...).astype(dtypes())``.
    """
    pd = _require("pandas", "dtypes")
    out: dict[str, Any] = {}
    for name in RECORD_COLUMNS + (REPORT_COLUMNS if reports else ()):
        if name in _ENUMS:
            out[name] = pd.CategoricalDtype([m.value for m in _ENUMS[name]])
        elif name in _OPEN_CATEGORIES:
            out[name] = "category"
        elif name in _FLOATS:
            out[name] = pd.Float64Dtype()
        elif name in _INTS:
            out[name] = pd.Int64Dtype()
        elif name in _BOOLS:
            out[name] = pd.BooleanDtype()
        elif name in _STRINGS:
            out[name] = pd.StringDtype()
        elif name in _DATES:
            out[name] = "datetime64[ns]"
        # a field added to Indicator later: left out, pandas infers its dtype
    return out


def _column(pd: Any, dtype: Any, values: list) -> Any:
    """One column of `to_frame` with its dtype (None: let pandas infer it)."""
    if dtype is None:
        return pd.array([_plain(v) for v in values])
    if isinstance(dtype, pd.CategoricalDtype):  # before == "category", which it equals
        return pd.Categorical([_plain(v) for v in values], dtype=dtype)
    if dtype == "category":
        seen = sorted({v for v in values if v is not None})
        # no values: categories typed as text all the same, so that pyarrow writes a
        # dictionary of strings, not of nulls, and the column comes back as a category
        cats = pd.Index(seen, dtype=str if seen else pd.StringDtype())
        return pd.Categorical(values, dtype=pd.CategoricalDtype(cats))
    if dtype == "datetime64[ns]":
        return pd.to_datetime(pd.Series(values, dtype=object)).astype(dtype).array
    return pd.array(values, dtype=dtype)


def to_frame(items: Items) -> pandas.DataFrame:
    """A DataFrame with one row per record.

    `items` is a `Report`, or an iterable of `Indicator` records and/or `Report` objects
    (as `govreport.read_reports` returns). Columns: `RECORD_COLUMNS`, then, if any item is a
    `Report`, `REPORT_COLUMNS` (missing for records given on their own).

    Dtypes: ``category`` for kind, measure, qualifier, report_level (all members of
    their enum as categories) and for indicator, unit (the values seen); ``Int64`` for
    year, period_start, start, end, report_year; ``Float64`` for value, low, high;
    ``boolean`` for estimated; ``string`` for the text columns; ``datetime64[ns]`` for
    report_date. All are nullable (missing values are ``<NA>`` / ``NaT``). An empty input
    gives an empty frame with the same columns and dtypes.

    >>> import pytest; pd = pytest.importorskip("pandas")
    >>> import govreport
    >>> recs = govreport.extract("2021年,全市经济总量2581.3亿元,比上年增长6.5%。", region="咸阳市")
    >>> df = to_frame(recs)
    >>> df[["indicator", "measure", "value", "unit", "year"]]
      indicator measure         value unit  year
    0       gdp   level  258130000000.0  CNY  2021
    1       gdp  growth           6.5    %  2021
    >>> df.dtypes[["kind", "value", "year", "estimated", "text"]].astype(str).tolist()
    ['category', 'Float64', 'Int64', 'boolean', 'string']
    >>> list(to_frame([]).columns) == list(df.columns)
    True
    """
    pd = _require("pandas", "to_frame")
    pairs, saw_report = _pairs(items)
    columns: dict[str, list] = {c: [getattr(r, c) for r, _ in pairs] for c in RECORD_COLUMNS}
    if saw_report:
        metas = [_report_meta(rep) for _, rep in pairs]
        for c in REPORT_COLUMNS:
            columns[c] = [m[c] for m in metas]
    types = dtypes(reports=saw_report)
    return pd.DataFrame(
        {name: _column(pd, types.get(name), values) for name, values in columns.items()},
        index=pd.RangeIndex(len(pairs)),
    )


def jsonl_rows(items: Items) -> Iterator[dict[str, Any]]:
    """The rows of `write_jsonl`, as dicts: the record as `Indicator.model_dump(mode="json")`
    gives it, followed, for records of a `Report`, by the report_ metadata (report_date as
    ``YYYY-MM-DD``). Needs no pandas.
    """
    pairs, _ = _pairs(items)
    for rec, rep in pairs:
        row = rec.model_dump(mode="json")
        if rep is not None:
            meta = _report_meta(rep)
            meta["report_level"] = _plain(meta["report_level"])
            if meta["report_date"] is not None:
                meta["report_date"] = meta["report_date"].isoformat()
            row.update(meta)
        yield row


def write_jsonl(items: Items, path: PathLike) -> int:
    """Write one JSON object a line (UTF-8, characters as they are: see `jsonl_rows`) and
    return the number of lines. `Indicator.model_validate(row)` on the record's keys gives
    the record back.

    >>> import tempfile, pathlib, govreport
    >>> recs = govreport.extract("今年地区生产总值增长7%左右。", year=2022)
    >>> out = pathlib.Path(tempfile.mkdtemp()) / "records.jsonl"
    >>> write_jsonl(recs, out)
    1
    """
    n = 0
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        for row in jsonl_rows(items):
            f.write(json.dumps(row, ensure_ascii=False) + "\n")
            n += 1
    return n


def write_csv(items: Items, path: PathLike) -> int:
    """Write the frame of `items` (see `to_frame`) as UTF-8 CSV with a header row, and
    return the number of rows. Missing values are empty cells, so CSV cannot tell them
    from empty strings (a record's ``region`` may be ``""``); nor does it keep dtypes. Read
    it back with ``pandas.read_csv(path, keep_default_na=False, na_values=[""])`` (so that
    a text such as 'NA' stays text) and ``.astype(dtypes())`` (``dtypes(reports=False)``
    for plain records).

    >>> import pytest; _ = pytest.importorskip("pandas")
    >>> import tempfile, pathlib, govreport
    >>> recs = govreport.extract("今年地区生产总值增长7%左右。", year=2022)
    >>> out = pathlib.Path(tempfile.mkdtemp()) / "records.csv"
    >>> write_csv(recs, out)
    1
    """
    _require("pandas", "write_csv")  # fail before touching the file
    df = to_frame(items)
    df.to_csv(path, index=False, encoding="utf-8")
    return len(df)


def write_parquet(items: Items, path: PathLike) -> int:
    """Write the frame of `items` (see `to_frame`) as Parquet with pyarrow, and return the
    number of rows. ``pandas.read_parquet(path)`` gives the same frame back: columns,
    dtypes (through the pandas metadata pyarrow stores) and values; the categories of a
    categorical column, unused ones included, come back too, except from a file with no
    rows (Parquet keeps them in the dictionary of a row group).

    >>> import pytest; _ = pytest.importorskip("pyarrow")
    >>> import tempfile, pathlib, govreport
    >>> recs = govreport.extract("今年地区生产总值增长7%左右。", year=2022)
    >>> out = pathlib.Path(tempfile.mkdtemp()) / "records.parquet"
    >>> write_parquet(recs, out)
    1
    """
    _require("pandas", "write_parquet")
    _require("pyarrow", "write_parquet")
    df = to_frame(items)
    df.to_parquet(path, engine="pyarrow", index=False)
    return len(df)
