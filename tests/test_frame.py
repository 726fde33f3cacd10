"""govreport.frame: records as a DataFrame and as JSONL, CSV and Parquet files.

Skips without pandas (the optional extra ``govreport[frame]``); the missing-extra path is
tested by hiding pandas / pyarrow from the import system.
"""

from __future__ import annotations

import datetime as dt
import json
import sys

import pytest

pd = pytest.importorskip("pandas")

import govreport
from govreport import Indicator, Report
from govreport.cli import sample_path
from govreport.errors import GovreportError, InputError
from govreport.frame import (
    EXTRA,
    RECORD_COLUMNS,
    REPORT_COLUMNS,
    MissingExtraError,
    dtypes,
    to_frame,
    write_csv,
    write_jsonl,
    write_parquet,
)

# (column, dtype as pandas prints it)
DTYPES = [
    ("kind", "category"),
    ("indicator", "category"),
    ("mention", "string"),
    ("measure", "category"),
    ("value", "Float64"),
    ("low", "Float64"),
    ("high", "Float64"),
    ("qualifier", "category"),
    ("unit", "category"),
    ("raw_unit", "string"),
    ("year", "Int64"),
    ("period_start", "Int64"),
    ("estimated", "boolean"),
    ("region", "string"),
    ("text", "string"),
    ("start", "Int64"),
    ("end", "Int64"),
    ("report_title", "string"),
    ("report_region", "string"),
    ("report_level", "category"),
    ("report_year", "Int64"),
    ("report_date", "datetime64[ns]"),
    ("report_speaker", "string"),
    ("report_office", "string"),
]

# (column, its fixed categories)
FIXED_CATEGORIES = [
    ("kind", ["target", "achievement"]),
    ("measure", ["growth", "level", "change", "multiple"]),
    ("qualifier", ["exact", "approx", "at_least", "at_most", "range"]),
    ("report_level", ["national", "province", "prefecture", "county", "district", "town"]),
]

PASSAGE = ("2021年,全市经济总量2581.3亿元,比上年增长6.5%。今年主要预期目标是:"
           "地区生产总值增长7%左右,城乡居民人均可支配收入分别增长8%、10%左右,"
           "居民消费价格涨幅3%左右。")


@pytest.fixture(scope="module")
def reports() -> list[Report]:
    return govreport.read_reports(sample_path())


@pytest.fixture(scope="module")
def frame(reports):
    return to_frame(reports)


@pytest.fixture(scope="module")
def records() -> list[Indicator]:
    recs = govreport.extract(PASSAGE, region="咸阳市", year=2022)
    assert len(recs) >= 5
    return recs


def _range_record() -> Indicator:
    return Indicator(kind="target", indicator=None, mention="某指标", measure="growth",
                     low=6.0, high=6.5, qualifier="range", unit="%", raw_unit="%",
                     year=2022, period_start=2022, estimated=True, region="",
                     text="某指标增长6%—6.5%", start=0, end=12)


# --- columns and dtypes ------------------------------------------------------------------

def test_columns_are_the_records_fields_then_the_report_metadata(frame):
    assert RECORD_COLUMNS == tuple(Indicator.model_fields)
    assert list(frame.columns) == [c for c, _ in DTYPES]
    assert list(frame.columns) == list(RECORD_COLUMNS + REPORT_COLUMNS)


@pytest.mark.parametrize("column, dtype", DTYPES)
def test_dtype_of_each_column(frame, column, dtype):
    assert str(frame[column].dtype) == dtype


@pytest.mark.parametrize("column, dtype", DTYPES)
def test_dtype_of_each_column_of_an_empty_frame(column, dtype):
    empty = to_frame([Report()])  # a report without records: report columns, no rows
    assert len(empty) == 0
    assert str(empty[column].dtype) == dtype


@pytest.mark.parametrize("column, dtype", [d for d in DTYPES if d[0] in RECORD_COLUMNS])
def test_dtype_of_each_column_of_plain_records(records, column, dtype):
    assert str(to_frame(records)[column].dtype) == dtype


@pytest.mark.parametrize("column, categories", FIXED_CATEGORIES)
def test_enum_columns_have_all_members_as_categories(frame, column, categories):
    assert list(frame[column].cat.categories) == categories


@pytest.mark.parametrize("column", ["indicator", "unit"])
def test_open_categories_are_the_values_seen(frame, column):
    seen = sorted(frame[column].dropna().unique())
    assert list(frame[column].cat.categories) == seen


def test_dtypes_helper_matches_the_frame(frame):
    got = {c: str(t) for c, t in dtypes().items()}
    assert got == dict(DTYPES)
    assert list(dtypes(reports=False)) == list(RECORD_COLUMNS)


# --- contents -----------------------------------------------------------------------------

def test_sample_report_one_row_per_record(reports, frame):
    [rep] = reports
    assert len(frame) == len(rep.records) > 100
    assert list(frame.index) == list(range(len(frame)))
    for i in (0, len(frame) // 2, len(frame) - 1):
        rec = rep.records[i]
        row = frame.iloc[i]
        for col in RECORD_COLUMNS:
            want = getattr(rec, col)
            want = want.value if hasattr(want, "value") else want
            got = row[col]
            if want is None:
                assert got is pd.NA or pd.isna(got), col
            else:
                assert got == want, col
        assert rep.text[row["start"]:row["end"]] == row["text"]


@pytest.mark.parametrize("column, attr", [
    ("report_title", "title"),
    ("report_region", "region"),
    ("report_year", "year"),
    ("report_speaker", "speaker"),
    ("report_office", "office"),
])
def test_report_columns_repeat_the_metadata(reports, frame, column, attr):
    [rep] = reports
    assert frame[column].unique().tolist() == [getattr(rep, attr)]


def test_report_level_and_date(reports, frame):
    [rep] = reports
    assert frame["report_level"].unique().tolist() == [rep.level.value]
    assert (frame["report_date"] == pd.Timestamp(rep.date)).all()
    assert rep.date == dt.date(2023, 1, 9)


def test_single_report_is_the_same_as_a_list_of_one(reports, frame):
    pd.testing.assert_frame_equal(to_frame(reports[0]), frame)


def test_plain_records_have_no_report_columns(records):
    df = to_frame(records)
    assert list(df.columns) == list(RECORD_COLUMNS)
    assert not any(c.startswith("report_") for c in df.columns)
    assert len(df) == len(records)
    assert df["region"].unique().tolist() == ["咸阳市"]


def test_generator_and_single_record(records):
    pd.testing.assert_frame_equal(to_frame(r for r in records), to_frame(records))
    assert len(to_frame(records[0])) == 1


def test_nullable_values_are_missing_not_nan():
    df = to_frame([_range_record()])
    assert df["value"][0] is pd.NA
    assert (df["low"][0], df["high"][0]) == (6.0, 6.5)
    assert df["indicator"].isna().all()
    assert bool(df["estimated"][0]) is True
    assert df["period_start"][0] == 2022


@pytest.mark.parametrize("items", [[], (), iter([])], ids=["list", "tuple", "iterator"])
def test_empty_input_gives_empty_frame_with_record_columns(items):
    df = to_frame(items)
    assert len(df) == 0
    assert list(df.columns) == list(RECORD_COLUMNS)
    assert {c: str(df[c].dtype) for c in df.columns} == {
        c: t for c, t in DTYPES if c in RECORD_COLUMNS}


def test_mixed_list_of_reports(reports, records):
    [rep] = reports
    other = govreport.parse_report(PASSAGE, region="咸阳市", year=2022)
    df = to_frame([rep, other, Report()])
    assert len(df) == len(rep.records) + len(other.records)
    assert df["report_region"].value_counts().to_dict() == {
        "天元区": len(rep.records), "咸阳市": len(other.records)}
    assert df["report_year"].tolist() == [2023] * len(rep.records) + [2022] * len(other.records)
    # categories of unit / indicator cover both reports
    assert set(df["unit"].dropna()) == set(df["unit"].cat.categories)


def test_reports_and_plain_records_mixed(reports, records):
    [rep] = reports
    df = to_frame([rep, *records])
    assert list(df.columns) == list(RECORD_COLUMNS + REPORT_COLUMNS)
    tail = df.iloc[len(rep.records):]
    assert len(tail) == len(records)
    assert tail[list(REPORT_COLUMNS)].isna().all().all()


def test_frames_concatenate_keeping_enum_categories(reports, records):
    df = pd.concat([to_frame(records), to_frame(records[:1])], ignore_index=True)
    assert str(df["kind"].dtype) == "category"


@pytest.mark.parametrize("bad", ["地区生产总值增长7%", b"bytes", 42, [{"kind": "target"}], [None]])
def test_bad_items_raise_input_error(bad):
    with pytest.raises(InputError):
        to_frame(bad)
    assert issubclass(InputError, GovreportError)


# --- files --------------------------------------------------------------------------------

def _read_csv(path, types):
    back = pd.read_csv(path, keep_default_na=False, na_values=[""])
    return back.astype(types)


@pytest.mark.parametrize("which", ["reports", "records", "empty", "range"])
def test_csv_round_trip(tmp_path, reports, records, which):
    items = {"reports": reports, "records": records, "empty": [], "range": [_range_record()]}[which]
    df = to_frame(items)
    path = tmp_path / "records.csv"
    assert write_csv(items, path) == len(df)
    back = _read_csv(path, {c: df[c].dtype for c in df.columns})
    # CSV has no empty string apart from a missing value: the never-null text columns
    for col in ("mention", "raw_unit", "region", "text", "report_title", "report_region"):
        if col in back:
            back[col] = back[col].fillna("")
    pd.testing.assert_frame_equal(back, df)


def test_csv_is_utf8_with_header(tmp_path, records):
    path = tmp_path / "records.csv"
    write_csv(records, path)
    lines = path.read_text(encoding="utf-8").splitlines()
    assert lines[0].split(",") == list(RECORD_COLUMNS)
    assert "地区生产总值增长7%左右" in path.read_text(encoding="utf-8")


@pytest.mark.parametrize("which", ["reports", "records", "empty", "mixed"])
def test_jsonl_round_trip(tmp_path, reports, records, which):
    [rep] = reports
    items = {"reports": reports, "records": records, "empty": [],
             "mixed": [rep, _range_record()]}[which]
    path = tmp_path / "records.jsonl"
    n = write_jsonl(items, path)
    text = path.read_text(encoding="utf-8")
    rows = [json.loads(line) for line in text.splitlines()]
    assert len(rows) == n
    want = []
    for it in items:
        want += [(x, it) for x in it.records] if isinstance(it, Report) else [(it, None)]
    assert len(want) == n
    for row, (rec, rp) in zip(rows, want):
        assert Indicator.model_validate({c: row[c] for c in RECORD_COLUMNS}) == rec
        assert list(row)[:len(RECORD_COLUMNS)] == list(RECORD_COLUMNS)
        if rp is None:
            assert not any(k.startswith("report_") for k in row)
        else:
            assert list(row)[len(RECORD_COLUMNS):] == list(REPORT_COLUMNS)
            assert row["report_date"] == rp.date.isoformat()
            assert row["report_level"] == rp.level.value
            assert (row["report_title"], row["report_region"], row["report_year"]) == (
                rp.title, rp.region, rp.year)


def test_jsonl_keeps_characters_and_reads_into_pandas(tmp_path, reports, frame):
    path = tmp_path / "records.jsonl"
    write_jsonl(reports, path)
    text = path.read_text(encoding="utf-8")
    assert "\\u" not in text and "天元区" in text
    back = pd.read_json(path, lines=True, dtype=False)
    assert list(back.columns) == list(frame.columns)
    assert len(back) == len(frame)


@pytest.mark.parametrize("which", ["reports", "records", "empty", "mixed"])
def test_parquet_round_trip(tmp_path, reports, records, which):
    pytest.importorskip("pyarrow")
    [rep] = reports
    items = {"reports": reports, "records": records, "empty": [],
             "mixed": [rep, Report(), *records, _range_record()]}[which]
    df = to_frame(items)
    path = tmp_path / "records.parquet"
    assert write_parquet(items, path) == len(df)
    back = pd.read_parquet(path)
    # what Parquet (with pyarrow's pandas metadata) keeps: columns, dtypes, values
    assert {c: str(t) for c, t in back.dtypes.items()} == {c: str(t) for c, t in df.dtypes.items()}
    if len(df) == 0:  # no row group, so no dictionary: the categories are lost
        pd.testing.assert_frame_equal(back, df, check_categorical=False, check_dtype=False)
        return
    for col, cats in FIXED_CATEGORIES:  # unused categories are kept too
        if col in back:
            assert list(back[col].cat.categories) == cats
    pd.testing.assert_frame_equal(back, df)


# --- without the extra --------------------------------------------------------------------

@pytest.mark.parametrize("call", [
    lambda items, path: to_frame(items),
    lambda items, path: write_csv(items, path / "x.csv"),
    lambda items, path: write_parquet(items, path / "x.parquet"),
    lambda items, path: dtypes(),
], ids=["to_frame", "write_csv", "write_parquet", "dtypes"])
def test_missing_pandas_raises_missing_extra_error(monkeypatch, tmp_path, records, call):
    monkeypatch.setitem(sys.modules, "pandas", None)  # `import pandas` now fails
    with pytest.raises(MissingExtraError) as err:
        call(records, tmp_path)
    assert isinstance(err.value, GovreportError) and isinstance(err.value, ImportError)
    assert "pip install 'govreport[frame]'" in str(err.value)
    assert EXTRA == "pip install 'govreport[frame]'"
    assert "pandas" in str(err.value)
    assert not list(tmp_path.iterdir())  # nothing written


def test_missing_pyarrow_raises_missing_extra_error(monkeypatch, tmp_path, records):
    monkeypatch.setitem(sys.modules, "pyarrow", None)
    with pytest.raises(MissingExtraError, match="pyarrow.*pip install 'govreport\\[frame\\]'"):
        write_parquet(records, tmp_path / "x.parquet")
    assert not list(tmp_path.iterdir())


def test_missing_pandas_via_import_hook(monkeypatch, records):
    import builtins

    real_import = builtins.__import__

    def fake_import(name, *args, **kwargs):
        if name == "pandas" or name.startswith("pandas."):
            raise ModuleNotFoundError(f"No module named {name!r}", name=name)
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", fake_import)
    with pytest.raises(MissingExtraError) as err:
        to_frame(records)
    assert err.value.name == "pandas"
    assert isinstance(err.value.__cause__, ModuleNotFoundError)


def test_jsonl_needs_no_pandas(monkeypatch, tmp_path, reports):
    monkeypatch.setitem(sys.modules, "pandas", None)
    monkeypatch.setitem(sys.modules, "pyarrow", None)
    path = tmp_path / "records.jsonl"
    assert write_jsonl(reports, path) == len(reports[0].records)
    assert len(path.read_text(encoding="utf-8").splitlines()) == len(reports[0].records)
