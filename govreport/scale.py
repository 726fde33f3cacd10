"""Many files at once: a process pool on one machine, or Dask on a cluster.

`extract_many` reads files and folders with a pool of worker processes and streams
``(path, reports or error)`` back in input order; memory stays flat however many files
there are (a bounded number of files is in flight at any time). A file that cannot be
read gives its error and the run goes on.

>>> import pathlib, tempfile
>>> folder = pathlib.Path(tempfile.mkdtemp())
>>> _ = (folder / "a.txt").write_text("2022年甲县政府工作报告\\n各位代表:地区生产总值增长7%左右。", encoding="utf-8")
>>> _ = (folder / "b.txt").write_bytes(b"\\xff\\xfe\\x00")
>>> for path, result in extract_many([folder, folder / "missing.txt"]):
...     print(path.name, [len(r.records) for r in result] if isinstance(result, list) else type(result).__name__)
a.txt [1]
b.txt DecodeError
missing.txt InputError

The Dask functions (`to_dask_bag`, `to_dask_dataframe`, `write_partitioned_parquet`) need
the ``dask`` extra (``pip install 'govreport[dask]'``: dask[dataframe], distributed,
pandas, pyarrow); without it they raise `MissingExtraError`. They run on whatever Dask
scheduler is current: a ``distributed.Client`` when one exists (pass ``client=`` to
`write_partitioned_parquet` to choose it). Parsing holds the GIL, so Dask's default
threaded scheduler gives no speed-up: use a client with one thread per worker process.
Paths may be local or fsspec URLs (``s3://bucket/reports/``, with s3fs installed); every
worker must be able to read them and must have govreport installed.
"""

from __future__ import annotations

import math
import os
from collections import deque
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any, Optional, Sequence, Union

from .errors import GovreportError, InputError
from .frame import REPORT_COLUMNS, RECORD_COLUMNS, MissingExtraError, jsonl_rows
from .models import Report
from .pipeline import read_reports

if TYPE_CHECKING:  # pragma: no cover
    import dask.bag
    import dask.dataframe
    import pandas

__all__ = [
    "DASK_EXTRA",
    "FILE_COLUMN",
    "PARTITION_BYTES",
    "ReadError",
    "expand_paths",
    "extract_many",
    "to_dask_bag",
    "to_dask_dataframe",
    "write_partitioned_parquet",
]

DASK_EXTRA = "pip install 'govreport[dask]'"
#: The column that names the file a record comes from (after the report_ columns).
FILE_COLUMN = "file"

PathLike = Union[str, "os.PathLike[str]"]
Result = Union[list[Report], GovreportError]


class ReadError(GovreportError, OSError):
    """A file the operating system would not let us read (permissions, I/O error, ...):
    an `OSError` that is also a `GovreportError`, with the same errno, strerror and
    filename."""


def _require_dask(what: str) -> tuple[Any, ...]:
    """Import dask.bag and dask.dataframe, or raise `MissingExtraError` naming the extra."""
    try:
        import dask.bag as db
        import dask.dataframe as dd
    except ImportError as e:
        raise MissingExtraError(
            f"{what} needs dask[dataframe], which is not installed: {DASK_EXTRA}", name="dask"
        ) from e
    return db, dd


# --------------------------------------------------------------------------- paths


def _is_url(p: Any) -> bool:
    return isinstance(p, str) and "://" in p


def expand_paths(paths: Union[PathLike, Iterable[PathLike]]) -> Iterator[Union[Path, str]]:
    """Every file named by `paths`, lazily, in order: a file as given, a folder as all the
    files under it (recursively, sorted by path, hidden ones included, as the CLI does).
    A path that does not exist is given as is (reading it then fails with its error).
    fsspec URLs (``s3://...``) are expanded with fsspec and stay strings.
    """
    if isinstance(paths, (str, os.PathLike)):
        paths = [paths]
    elif isinstance(paths, (bytes, bytearray)) or not isinstance(paths, Iterable):
        raise InputError(f"expected paths, got {type(paths).__name__}")
    for p in paths:
        if _is_url(p):
            yield from _expand_url(p)
        elif isinstance(p, (str, os.PathLike)):
            p = Path(p)
            if p.is_dir():
                yield from sorted(q for q in p.rglob("*") if q.is_file())
            else:
                yield p
        else:
            raise InputError(f"expected a path, got {type(p).__name__}")


def _expand_url(url: str) -> list[str]:
    try:
        import fsspec
    except ImportError as e:
        raise MissingExtraError(f"URLs need fsspec, which is not installed: {DASK_EXTRA}", name="fsspec") from e
    fs, root = fsspec.core.url_to_fs(url)
    if fs.isdir(root):
        return [fs.unstrip_protocol(f) for f in sorted(fs.find(root))]
    return [url]


def _read(path: Union[Path, str]) -> Result:
    """The reports of one file, or the error that kept it from being read."""
    try:
        if _is_url(path):
            import fsspec

            with fsspec.open(path, "rb") as f:
                return read_reports(f.read())
        return read_reports(Path(path))
    except GovreportError as e:
        return e
    except OSError as e:
        return ReadError(e.errno, e.strerror or str(e), e.filename if e.filename is not None else str(path))


# --------------------------------------------------------------------------- process pool


def _read_chunk(paths: list[Union[Path, str]]) -> list[Result]:
    """Worker: the results of a few files (top level, so that "spawn" can pickle it)."""
    return [_read(p) for p in paths]


def _chunks(it: Iterator[Any], size: int) -> Iterator[list[Any]]:
    chunk: list[Any] = []
    for x in it:
        chunk.append(x)
        if len(chunk) == size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def extract_many(
    paths: Union[PathLike, Iterable[PathLike]],
    *,
    jobs: int = 1,
    chunksize: int = 1,
    mp_context: Optional[Any] = None,
) -> Iterator[tuple[Union[Path, str], Result]]:
    """``(path, reports)`` for every file of `paths` (files and folders, see
    `expand_paths`; the path is a `Path`, or a str for an fsspec URL), in input order, as soon as each is ready; ``(path, error)`` for a file
    that cannot be read (a `GovreportError`: `InputError` for a missing file,
    `DecodeError` for bytes in no supported encoding, `ReadError` for an `OSError`), and
    the run goes on.

    `jobs` worker processes read the files (``jobs=1``: in this process, no pool), handed
    `chunksize` files at a time; at most ``4 * jobs`` chunks are in flight, so memory
    stays flat for any number of files, and a slow file holds back at most that many
    results. `mp_context` is passed to `ProcessPoolExecutor` (e.g.
    ``multiprocessing.get_context("spawn")``). Other exceptions (a bug, a worker killed
    for lack of memory) propagate. Call it under ``if __name__ == "__main__":`` in a
    script: worker processes started by "spawn" or "forkserver" import the main module.

    >>> from govreport.cli import sample_path
    >>> [(path.name, len(reps)) for path, reps in extract_many([sample_path()])]
    [('sample_report.txt', 1)]
    >>> [type(err).__name__ for _, err in extract_many(["/no/such/file.txt"])]
    ['InputError']
    """
    if isinstance(jobs, bool) or not isinstance(jobs, int) or jobs < 1:
        raise InputError(f"jobs must be an int >= 1, not {jobs!r}")
    if isinstance(chunksize, bool) or not isinstance(chunksize, int) or chunksize < 1:
        raise InputError(f"chunksize must be an int >= 1, not {chunksize!r}")
    if isinstance(paths, (bytes, bytearray)) or not isinstance(paths, (str, os.PathLike, Iterable)):
        raise InputError(f"expected paths, got {type(paths).__name__}")
    files = expand_paths(paths)
    if jobs == 1:
        return ((p, _read(p)) for p in files)
    return _pooled(files, jobs, chunksize, mp_context)


def _pooled(files: Iterator[Any], jobs: int, chunksize: int, mp_context: Any) -> Iterator[tuple[Any, Result]]:
    from concurrent.futures import ProcessPoolExecutor

    pool = ProcessPoolExecutor(max_workers=jobs, mp_context=mp_context)
    pending: deque = deque()
    try:
        chunks = _chunks(files, chunksize)
        window = 4 * jobs
        for chunk in chunks:
            pending.append((chunk, pool.submit(_read_chunk, chunk)))
            if len(pending) >= window:
                yield from _done(*pending.popleft())
        while pending:
            yield from _done(*pending.popleft())
    finally:
        # also when the caller stops early: drop the chunks not started, wait for the
        # running ones (at most `jobs`), leave no process behind
        for _, fut in pending:
            fut.cancel()
        pool.shutdown(wait=True, cancel_futures=True)


def _done(chunk: list[Any], fut: Any) -> Iterator[tuple[Any, Result]]:
    yield from zip(chunk, fut.result())


# --------------------------------------------------------------------------- Dask


def _files_list(paths: Union[PathLike, Iterable[PathLike]]) -> list[str]:
    return [os.fspath(p) for p in expand_paths(paths)]


#: Input bytes a Dask partition is meant to hold by default. Parsing takes about 20
#: times a file's size at its peak, so a partition of 32 MB needs some 650 MB of worker
#: memory on top of the ~150 MB of the imports.
PARTITION_BYTES = 32 * 2**20


def _size(path: str) -> int:
    if _is_url(path):
        return 0  # not looked up: one request per file
    try:
        return os.path.getsize(path)
    except OSError:
        return 0


def _npartitions(files: list[str], npartitions: Optional[int]) -> int:
    """`npartitions` if given, else enough for about `PARTITION_BYTES` of input each and
    at least 100 (Dask's default for a bag), never more than one a file."""
    n_files = len(files)
    if npartitions is None:
        by_size = math.ceil(sum(_size(f) for f in files) / PARTITION_BYTES)
        return max(1, min(n_files, max(100, by_size)))
    if isinstance(npartitions, bool) or not isinstance(npartitions, int) or npartitions < 1:
        raise InputError(f"npartitions must be an int >= 1, not {npartitions!r}")
    return max(1, min(n_files, npartitions))


def _reports_or_raise(path: str, errors: str) -> list[Report]:
    r = _read(path)
    if isinstance(r, GovreportError):
        if errors == "skip":
            import logging

            logging.getLogger("govreport.scale").warning("skipped %s: %s", path, r)
            return []
        raise r
    return r


def _check_errors(errors: str) -> str:
    if errors not in ("raise", "skip"):
        raise InputError(f"errors must be 'raise' or 'skip', not {errors!r}")
    return errors


def _rows_of_files(files: Iterable[str], errors: str = "raise") -> list[dict[str, Any]]:
    """Bag partition: the `jsonl_rows` of every file, each with its `file`."""
    out: list[dict[str, Any]] = []
    for path in files:
        reports = _reports_or_raise(path, errors)
        for row in jsonl_rows(reports):
            row[FILE_COLUMN] = path
            out.append(row)
    return out


def to_dask_bag(
    paths: Union[PathLike, Iterable[PathLike]],
    *,
    npartitions: Optional[int] = None,
    errors: str = "raise",
) -> "dask.bag.Bag":
    """A dask bag of one dict per record: the `govreport.frame.jsonl_rows` of the
    file's reports (record fields, then the report_ metadata, report_date as
    ``YYYY-MM-DD``) and ``file``, the path as expanded. The files are listed here (see
    `expand_paths`); they are read on the workers, a partition being `npartitions`'th of
    the files (default: at least 100 partitions, or as many as hold about
    `PARTITION_BYTES` of input each, never more than one a file). ``errors="raise"``
    fails the computation on a file that cannot be read; ``"skip"`` logs a warning on the
    worker and goes on.
    """
    db, _ = _require_dask("to_dask_bag")
    _check_errors(errors)
    files = _files_list(paths)
    if not files:
        return db.from_sequence([], npartitions=1)
    seq = db.from_sequence(files, npartitions=_npartitions(files, npartitions))
    return seq.map_partitions(_rows_of_files, errors)


def _meta() -> "pandas.DataFrame":
    """The empty frame with the columns and dtypes of `to_dask_dataframe`."""
    import pandas as pd

    from .frame import dtypes

    types = dtypes(reports=True)
    cols = {c: pd.Series([], dtype=types[c]) for c in RECORD_COLUMNS + REPORT_COLUMNS if c in types}
    cols[FILE_COLUMN] = pd.Series([], dtype=pd.StringDtype())
    return pd.DataFrame(cols)


def _frame_of_files(files: Sequence[str], errors: str = "raise") -> "pandas.DataFrame":
    """Dataframe partition: `govreport.frame.to_frame` of the files' reports, plus `file`."""
    import pandas as pd

    from .frame import to_frame

    reports: list[Report] = []
    owners: list[str] = []
    for path in files:
        reps = _reports_or_raise(path, errors)
        reports.extend(reps)
        owners.extend([path] * sum(len(r.records) for r in reps))
    meta = _meta()
    if not owners:
        return meta
    df = to_frame(reports)
    df[FILE_COLUMN] = pd.array(owners, dtype=pd.StringDtype())
    return df[list(meta.columns)]


def to_dask_dataframe(
    paths: Union[PathLike, Iterable[PathLike]],
    *,
    npartitions: Optional[int] = None,
    errors: str = "raise",
) -> "dask.dataframe.DataFrame":
    """A dask dataframe of one row per record: the columns and dtypes of
    ``govreport.frame.to_frame(reports)`` (`govreport.frame.dtypes()`), then ``file``
    (string). Partitions as in `to_dask_bag`; each is made by `to_frame` on its worker.
    The categories of ``indicator`` and ``unit`` are those seen in each partition, so
    Dask marks them unknown (``df.categorize()`` or ``.cat.as_known()`` finds them all).
    """
    _, dd = _require_dask("to_dask_dataframe")
    _check_errors(errors)
    files = _files_list(paths)
    n = _npartitions(files, npartitions)
    size = math.ceil(len(files) / n) if files else 1
    parts = [files[i:i + size] for i in range(0, len(files), size)] or [[]]
    meta = _meta()
    from dask.dataframe.utils import clear_known_categories

    meta = clear_known_categories(meta, cols=["indicator", "unit"])
    return dd.from_map(_frame_of_files, parts, errors=errors, meta=meta, enforce_metadata=False)


def write_partitioned_parquet(
    paths: Union[PathLike, Iterable[PathLike]],
    out_dir: PathLike,
    *,
    partition_on: Sequence[str] = ("report_year",),
    client: Any = None,
    npartitions: Optional[int] = None,
    errors: str = "raise",
    overwrite: bool = False,
) -> Path:
    """Write the records of `paths` (see `to_dask_dataframe`) as a Parquet dataset
    partitioned Hive-style on `partition_on` (``out_dir/report_year=2023/part.0.parquet``,
    one file per Dask partition and value) and return `out_dir`. Runs on `client` (a
    ``distributed.Client``) when given, else on the current Dask scheduler. With
    `overwrite`, `out_dir` is emptied first (else files of an earlier run may stay).

    ``pandas.read_parquet(out_dir)`` reads the whole dataset back, the partition columns
    as categoricals (their values are in the folder names). Every record has a
    report_year; a column that may be missing (report_speaker, report_level) puts those
    rows under ``column=__HIVE_DEFAULT_PARTITION__``, which pyarrow cannot read back as a
    categorical ("Cannot yet unify dictionaries with nulls"); give the partitioning as
    strings: ``pandas.read_parquet(out_dir, partitioning=pyarrow.dataset.partitioning(
    pyarrow.schema([("report_speaker", pyarrow.string())]), flavor="hive"))``.
    """
    _require_dask("write_partitioned_parquet")
    ddf = to_dask_dataframe(paths, npartitions=npartitions, errors=errors)
    on = [partition_on] if isinstance(partition_on, str) else list(partition_on)
    unknown = [c for c in on if c not in ddf.columns]
    if unknown:
        raise InputError(f"cannot partition on {unknown}: not a column")
    out = os.fspath(out_dir)
    task = ddf.to_parquet(out, partition_on=on or None, write_index=False, engine="pyarrow",
                          overwrite=overwrite, compute=False)
    if client is not None:
        client.compute(task).result()
    else:
        task.compute()
    return Path(out) if not _is_url(out) else out  # type: ignore[return-value]
