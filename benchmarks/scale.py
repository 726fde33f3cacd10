"""Throughput over many files: `extract_many` with 1 and 2 processes, Dask with 1 and 2 workers.

Copies the corpus files N times into a temporary folder (one subfolder per copy) and
times, over the whole folder:

* extract_many jobs=1    `govreport.scale.extract_many(folder)` in this process
* extract_many jobs=2    the same with a pool of 2 processes (pool start-up included:
                         it is part of every call)
* dask, 1 / 2 workers    `govreport.scale.write_partitioned_parquet(folder, out,
                         client=...)` on a `distributed.LocalCluster` of 1 / 2 worker
                         processes with one thread each: read, parse, frame and write
                         Parquet partitioned on report_year. The cluster is started and
                         every worker warmed up (govreport imported, patterns compiled,
                         OpenCC loaded) before the clock starts. Dask's statistical
                         profiler of worker threads is switched off (it samples the stack
                         every 10 ms and slows parsing by up to a third; --dask-profile
                         keeps it on).

Prints files/s, chars/s (decoded characters) and the speed-up of each 2-process run
over its 1-process run and over extract_many jobs=1. One run each (the runs are long
enough to be steady); the default N makes the whole benchmark take 30-60 s on two cores.
Speed-ups need the cores to be free: other busy processes on the machine eat them.

Run:  python benchmarks/scale.py [--copies N] [--corpus DIR] [--no-dask] [--dask-profile]
"""

from __future__ import annotations

import argparse
import os
import shutil
import tempfile
import time
from pathlib import Path

from _common import DEFAULT_CORPUS, rate


def _warm() -> int:
    """Run on every Dask worker before timing: import and exercise the pipeline once."""
    import govreport

    return len(govreport.extract("2022年地区生产总值增长7%左右", year=2022))


def _dask_run(folder: Path, out: Path, workers: int, profile: bool) -> tuple[float, int]:
    import dask
    import pandas as pd
    from distributed import Client, LocalCluster

    from govreport.scale import write_partitioned_parquet

    with dask.config.set({"distributed.worker.profile.enabled": profile}), \
            LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                         dashboard_address=None, silence_logs=40) as cluster, Client(cluster) as client:
        client.run(_warm)
        t0 = time.perf_counter()
        write_partitioned_parquet(folder, out, client=client, overwrite=True)
        seconds = time.perf_counter() - t0
    rows = len(pd.read_parquet(out, columns=["start"]))
    return seconds, rows


def _pool_run(folder: Path, jobs: int) -> tuple[float, int, int]:
    from govreport.scale import extract_many

    t0 = time.perf_counter()
    files = records = 0
    for _, result in extract_many(folder, jobs=jobs):
        files += 1
        if isinstance(result, Exception):
            raise result
        records += sum(len(r.records) for r in result)
    return time.perf_counter() - t0, files, records


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS, help=f"corpus dir (default {DEFAULT_CORPUS})")
    ap.add_argument("--copies", type=int, default=30, help="copies of the corpus (default 30)")
    ap.add_argument("--no-dask", action="store_true", help="time extract_many only")
    ap.add_argument("--dask-profile", action="store_true", help="keep Dask's profiler of worker threads on")
    args = ap.parse_args(argv)

    paths = sorted(args.corpus.glob("*.txt")) if args.corpus.is_dir() else []
    if not paths:
        print(f"corpus not found (no *.txt in {args.corpus}); nothing to benchmark.")
        return 0
    dask_ok = not args.no_dask
    if dask_ok:
        try:
            import dask.dataframe  # noqa: F401
            import distributed  # noqa: F401
        except ImportError:
            print("dask / distributed not installed (pip install 'govreport[dask]'): Dask runs skipped")
            dask_ok = False

    import govreport  # noqa: F401  (import and warm-up outside the timings)
    from govreport.text.reports import decode

    chars_one = sum(len(decode(p.read_bytes())) for p in paths)
    tmp = Path(tempfile.mkdtemp(prefix="govreport-scale-"))
    try:
        folder = tmp / "in"
        for i in range(args.copies):
            d = folder / f"copy{i:04d}"
            d.mkdir(parents=True)
            for p in paths:
                shutil.copyfile(p, d / p.name)
        n_files = len(paths) * args.copies
        chars = chars_one * args.copies
        load = os.getloadavg()[0] if hasattr(os, "getloadavg") else None
        print(f"{n_files} files ({args.copies} copies of {len(paths)}), {chars:,} chars; "
              f"{os.cpu_count()} CPUs" + (f", load average {load:.1f} before the run" if load is not None else ""))
        if load is not None and load > 0.5:
            print("  (other processes are busy: the 2-process speed-ups will be low)")
        govreport.read_reports(paths[0])  # warm this process

        rows: list[tuple[str, int, float]] = []
        records = None
        for jobs in (1, 2):
            seconds, files, recs = _pool_run(folder, jobs)
            assert files == n_files and (records is None or recs == records), (files, recs, records)
            records = recs
            rows.append(("extract_many", jobs, seconds))
        if dask_ok:
            for workers in (1, 2):
                seconds, recs = _dask_run(folder, tmp / f"out{workers}", workers, args.dask_profile)
                assert recs == records, (recs, records)
                rows.append(("dask parquet", workers, seconds))

        print(f"{records:,} records\n")
        print(f"{'path':<14}{'procs':>6}{'seconds':>9}{'files/s':>10}{'chars/s':>20}{'speed-up':>10}")
        base = {}
        for name, procs, seconds in rows:
            base.setdefault(name, seconds)
            up = base[name] / seconds
            print(f"{name:<14}{procs:>6}{seconds:>9.2f}{n_files / seconds:>10.1f}{rate(chars, seconds):>20}"
                  f"{up:>9.2f}x")
        t1 = rows[0][2]
        print("\nspeed-up over extract_many jobs=1: "
              + ", ".join(f"{name} x{procs} {t1 / s:.2f}x" for name, procs, s in rows[1:]))
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
