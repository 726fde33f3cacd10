"""govreport.scale: many files with a process pool (`extract_many`) and with Dask.

The Dask tests skip without dask / distributed (the optional extra ``govreport[dask]``)
and run on a LocalCluster of two worker processes, started once for the module.
"""

from __future__ import annotations

import pickle
import shutil
import sys
from collections import Counter
from pathlib import Path

import pytest

import govreport
from govreport.cli import sample_path
from govreport.errors import DecodeError, GovreportError, InputError
from govreport.frame import MissingExtraError
from govreport import scale
from govreport.scale import ReadError, expand_paths, extract_many

GARBAGE = b"\xff\xfe\x00"  # a UTF-16 byte-order mark, then half a character: no encoding reads it


def _report(region: str, year: int, growth: int) -> str:
    return (
        f"{year}年{region}政府工作报告\n"
        f"——{year}年1月10日在{region}人民代表大会会议上\n"
        f"各位代表:现在,我代表{region}人民政府,向大会报告工作,请予审议。\n"
        f"{year - 1}年,全市经济总量{2000 + growth}.5亿元,比上年增长{growth}.5%。"
        f"今年主要预期目标是:地区生产总值增长{growth}%左右,城镇调查失业率控制在5.5%以内。\n"
    )


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    """A folder of report files: the sample report, synthetic ones (one holding two
    reports, one in GB18030, one in a subfolder) and one with no report in it."""
    d = tmp_path_factory.mktemp("reports")
    shutil.copy(sample_path(), d / "a_sample.txt")
    (d / "b_two.txt").write_text(
        "首页 > 政务公开\n" + _report("咸阳市", 2022, 7) + "2025-07-02\n上一页 下一页\n" + _report("宝鸡市", 2021, 6),
        encoding="utf-8",
    )
    (d / "c_gb.txt").write_bytes(_report("宁德市", 2023, 8).encode("gb18030"))
    (d / "sub").mkdir()
    (d / "sub" / "d_nested.txt").write_text(_report("甲县", 2022, 9), encoding="utf-8")
    (d / "e_empty.txt").write_text("", encoding="utf-8")
    return d


def _files(corpus: Path) -> list[Path]:
    return [corpus / "a_sample.txt", corpus / "b_two.txt", corpus / "c_gb.txt", corpus / "e_empty.txt",
            corpus / "sub" / "d_nested.txt"]


# --------------------------------------------------------------------------- extract_many


def test_expand_paths_walks_folders_sorted(corpus):
    assert list(expand_paths(corpus)) == sorted(_files(corpus))
    assert list(expand_paths(str(corpus / "c_gb.txt"))) == [corpus / "c_gb.txt"]
    missing = corpus / "nope"
    assert list(expand_paths([missing, corpus / "c_gb.txt"])) == [missing, corpus / "c_gb.txt"]


def test_jobs_1_equals_read_reports_in_order(corpus):
    files = _files(corpus)
    out = list(extract_many(files))
    assert [p for p, _ in out] == files
    for path, reports in out:
        assert reports == govreport.read_reports(path)
    assert [len(r) for _, r in out] == [1, 2, 1, 0, 1]
    assert all(rep.records for _, reps in out for rep in reps)


@pytest.mark.parametrize("chunksize", [1, 2])
def test_jobs_2_equals_jobs_1(corpus, chunksize):
    files = _files(corpus) * 3  # more chunks than the window of 4 * jobs
    one = list(extract_many(files, jobs=1))
    two = list(extract_many(files, jobs=2, chunksize=chunksize))
    assert [p for p, _ in two] == files
    assert two == one


@pytest.mark.parametrize("jobs", [1, 2])
def test_unreadable_files_give_their_error_and_the_run_goes_on(corpus, tmp_path, jobs):
    garbage = tmp_path / "garbage.txt"
    garbage.write_bytes(GARBAGE)
    missing = tmp_path / "no_such_folder"
    files = [corpus / "c_gb.txt", missing, garbage, corpus / "b_two.txt"]
    out = list(extract_many(files, jobs=jobs))
    assert [p for p, _ in out] == files
    assert isinstance(out[1][1], InputError) and "no such file" in str(out[1][1])
    assert isinstance(out[2][1], DecodeError)
    assert out[0][1] == govreport.read_reports(files[0])
    assert out[3][1] == govreport.read_reports(files[3])


def test_os_error_is_wrapped_as_read_error(corpus, monkeypatch):
    def refuse(path):
        raise PermissionError(13, "Permission denied", str(path))

    monkeypatch.setattr(scale, "read_reports", refuse)
    [(path, err)] = list(extract_many(corpus / "c_gb.txt"))
    assert isinstance(err, ReadError) and isinstance(err, GovreportError) and isinstance(err, OSError)
    assert (err.errno, err.filename) == (13, str(corpus / "c_gb.txt"))
    back = pickle.loads(pickle.dumps(err))  # crosses process boundaries intact
    assert type(back) is ReadError and (back.errno, back.filename) == (13, err.filename)


def test_stopping_early_shuts_the_pool_down(corpus):
    it = extract_many(_files(corpus) * 4, jobs=2)
    path, reports = next(it)
    assert path == corpus / "a_sample.txt" and reports
    it.close()  # must not hang or leak workers


@pytest.mark.parametrize("kwargs", [{"jobs": 0}, {"jobs": 1.5}, {"jobs": True}, {"chunksize": 0}])
def test_bad_arguments(kwargs):
    with pytest.raises(InputError):
        extract_many([sample_path()], **kwargs)  # at the call, not at the first result


def test_not_paths():
    with pytest.raises(InputError):
        extract_many(b"bytes")
    with pytest.raises(InputError):
        extract_many(42)
    with pytest.raises(InputError):
        next(extract_many([42]))


def test_missing_dask_names_the_extra(monkeypatch, corpus):
    monkeypatch.setitem(sys.modules, "dask.bag", None)
    with pytest.raises(MissingExtraError, match=r"govreport\[dask\]"):
        scale.to_dask_bag(corpus)
    with pytest.raises(ImportError):
        scale.write_partitioned_parquet(corpus, corpus / "out")


# --------------------------------------------------------------------------- Dask


@pytest.fixture(scope="module")
def client():
    pytest.importorskip("dask")
    pytest.importorskip("dask.dataframe")
    distributed = pytest.importorskip("distributed")
    pytest.importorskip("pyarrow")
    with distributed.LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
    ) as cluster, distributed.Client(cluster) as c:
        yield c


def _expected(files: list[Path]):
    """to_frame of read_reports, file by file, with the `file` column."""
    import pandas as pd
    from govreport.frame import to_frame

    reports, owners = [], []
    for f in files:
        reps = govreport.read_reports(f)
        reports.extend(reps)
        owners.extend([str(f)] * sum(len(r.records) for r in reps))
    df = to_frame(reports)
    df["file"] = pd.array(owners, dtype="string")
    return df


def _rows(df) -> Counter:
    """The rows of a frame as a multiset of tuples, columns sorted by name, NA as None."""
    import pandas as pd

    df = df[sorted(df.columns)].astype(object)
    return Counter(
        tuple(None if v is pd.NA or v is pd.NaT or (isinstance(v, float) and v != v) else v for v in row)
        for row in df.itertuples(index=False)
    )


def test_dask_bag_and_dataframe(client, corpus):
    import pandas as pd
    from govreport.frame import dtypes, jsonl_rows

    files = sorted(_files(corpus))
    bag = scale.to_dask_bag(corpus, npartitions=3)
    rows = bag.compute()
    want = [dict(row, file=str(f)) for f in files for row in jsonl_rows(govreport.read_reports(f))]
    assert rows == want

    ddf = scale.to_dask_dataframe(corpus, npartitions=3)
    assert ddf.npartitions == 3
    types = dict(dtypes(), file=pd.StringDtype())
    assert list(ddf.columns) == list(types)
    df = ddf.compute()
    expected = _expected(files)
    assert len(df) == len(expected) == len(want)
    for c in df.columns:
        if c in ("indicator", "unit"):  # categories of each partition: compared as values
            assert isinstance(df[c].dtype, pd.CategoricalDtype)
        else:
            assert df[c].dtype == types[c], c
    pd.testing.assert_frame_equal(
        df.reset_index(drop=True).astype({"indicator": object, "unit": object}),
        expected.astype({"indicator": object, "unit": object}),
    )


def test_dask_partitioned_parquet(client, corpus, tmp_path):
    import pandas as pd
    from govreport.frame import dtypes

    out = scale.write_partitioned_parquet(corpus, tmp_path / "pq", client=client, npartitions=3)
    assert sorted(p.name for p in out.iterdir()) == ["report_year=2021", "report_year=2022",
                                                     "report_year=2023"]
    back = pd.read_parquet(out)
    expected = _expected(sorted(_files(corpus)))
    assert set(back.columns) == set(expected.columns)
    types = dtypes()
    for c in back.columns:
        if c not in ("indicator", "unit", "report_year", "file"):
            assert back[c].dtype == types[c], c
    back["report_year"] = back["report_year"].astype("int64").astype("Int64")
    assert _rows(back) == _rows(expected)


def test_dask_errors_raise_or_skip(client, corpus, tmp_path):
    garbage = tmp_path / "garbage.txt"
    garbage.write_bytes(GARBAGE)
    files = [corpus / "c_gb.txt", garbage, tmp_path / "missing.txt"]
    with pytest.raises(DecodeError):  # one partition: the garbage file fails it first
        scale.to_dask_bag(files, npartitions=1).compute()
    rows = scale.to_dask_bag(files, npartitions=3, errors="skip").compute()
    assert {r["file"] for r in rows} == {str(corpus / "c_gb.txt")}
    df = scale.to_dask_dataframe(files, npartitions=2, errors="skip").compute()
    assert len(df) == len(rows)
    with pytest.raises(InputError):
        scale.to_dask_bag(files, errors="ignore")
