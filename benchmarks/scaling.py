"""Does the work stay linear in the input?  Time against size on hostile inputs.

Feeds 1, 2, 4 and 8 MB (MiB of UTF-8) of each input below to `govreport.extract(text,
year=2023)` and to `govreport.find_quantities(text)`, prints the seconds per size and the
ratio of the largest to the smallest size.  Linear work gives a ratio of 8; a ratio over
10 is flagged.  When the largest sizes were skipped (see --budget), the ratio printed is
that of the largest size measured, as "ratio/linear ratio" (e.g. 4.3/4), flagged when
over 10/8 of linear.

Inputs:
  real          the corpus files concatenated and repeated
  digit_runs    runs of 65,536 digits, each with a unit ("投资1234…亿元,")
  digit_single  one run of digits as long as the input, no unit
  qualifiers    "增长5%" followed by long runs of 以上左右以内约近超过突破…
  fenbie        lists of 50 subjects "A、B、C…分别增长1%、2%、…。"
  fenbie_single one 分别 list as long as the input
  no_stop       one sentence without a full stop: "产值增长5%" repeated

Each measurement runs once, in a forked child (patterns compiled and OpenCC loaded in
the parent beforehand), and is the CPU time of the call (time.process_time in the child),
so that other work on the machine does not bend the ratios.  The child has a wall-clock
limit (--timeout, or twice the projected time if more) and a memory limit, so that a hang
or a memory blow-up is reported, not waited for; the larger sizes of an input are skipped
when their projected time passes --budget.  Two rows are measured at a time (--jobs 2, for
two cores); the whole run takes about 2 minutes.  Forked children pay for fresh memory
pages, so their times run above an in-process call's; the ratios are what to read.

Run:  python benchmarks/scaling.py [--max-mb 8] [--inputs real,no_stop,...]
                                   [--timeout 30] [--budget 40] [--mem-mb 3000] [--jobs 2]
                                   [--corpus DIR]
      python benchmarks/scaling.py --max-mb 1      # quick: 1/8, 1/4, 1/2 and 1 MB
"""

from __future__ import annotations

import argparse
import multiprocessing as mp
import sys
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from _common import DEFAULT_CORPUS

MIB = 1 << 20
FLAG_RATIO = 10.0


def fit(unit: str, n_bytes: int) -> str:
    """`unit` repeated and cut to at most `n_bytes` of UTF-8 (at a character boundary)."""
    k = n_bytes // max(1, len(unit.encode("utf-8"))) + 1
    return (unit * k).encode("utf-8")[:n_bytes].decode("utf-8", errors="ignore")


SUBJECTS = ["地区生产总值", "规模以上工业增加值", "固定资产投资", "社会消费品零售总额", "一般公共预算收入",
            "城镇居民人均可支配收入", "农村居民人均可支配收入", "进出口总额", "实际利用外资", "税收收入"]


def fenbie_sentence(k: int) -> str:
    names = "、".join(f"{SUBJECTS[i % len(SUBJECTS)]}" for i in range(k))
    values = "、".join(f"{i % 20 + 1}%" for i in range(k))
    return f"{names}分别增长{values}。"


def make_inputs(corpus_text: str) -> dict[str, Callable[[int], str]]:
    digits = ("1234567890" * 6554)[:65_536]
    qual = "增长5%" + "以上左右以内" * 50 + "约近超过突破不低于控制在" * 20 + "，"

    def fenbie_single(n: int) -> str:
        # about 18 bytes per item: as many items as fill n bytes, one sentence
        return fit(fenbie_sentence(max(2, n // 40)), n)

    return {
        "real": lambda n: fit(corpus_text, n),
        "digit_runs": lambda n: fit(f"投资{digits}亿元，", n),
        "digit_single": lambda n: "1" * n,
        "qualifiers": lambda n: fit(qual, n),
        "fenbie": lambda n: fit(fenbie_sentence(50), n),
        "fenbie_single": fenbie_single,
        "no_stop": lambda n: fit("产值增长5%", n),
    }


# ------------------------------------------------------------------ measuring in a child


def _vm_bytes() -> int:
    try:
        with open("/proc/self/status") as f:
            for line in f:
                if line.startswith("VmSize:"):
                    return int(line.split()[1]) * 1024
    except OSError:
        pass
    return 0


def _child(conn, text: str, fn_name: str, mem_bytes: int) -> None:
    import govreport

    if mem_bytes > 0:
        try:
            import resource

            limit = _vm_bytes() + mem_bytes
            resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
        except (ImportError, ValueError, OSError):
            pass
    try:
        t0 = time.process_time()  # CPU time: what the call costs, whatever else runs beside it
        if fn_name == "extract":
            out = govreport.extract(text, year=2023)
        else:
            out = govreport.find_quantities(text)
        conn.send(("ok", time.process_time() - t0, len(out)))
    except Exception as e:  # report every error (MemoryError included); the parent decides
        conn.send(("error", 0.0, f"{type(e).__module__}.{type(e).__name__}: {str(e)[:120]}"))
    finally:
        conn.close()


def measure(text: str, fn_name: str, timeout: float, mem_bytes: int = 0) -> tuple[str, float, object]:
    """('ok', CPU seconds, count) | ('error', 0, message) | ('timeout', timeout, None).

    The child is forked, so `text` reaches it without a copy through a pipe."""
    ctx = mp.get_context("fork")
    parent, child = ctx.Pipe(duplex=False)
    p = ctx.Process(target=_child, args=(child, text, fn_name, mem_bytes))
    p.start()
    child.close()
    try:
        if parent.poll(timeout):
            result = parent.recv()
        else:
            result = ("timeout", timeout, None)
    except EOFError:
        result = ("error", 0.0, f"child died (exit code {p.exitcode})")
    finally:
        if p.is_alive():
            p.kill()
        p.join()
        parent.close()
    return result


def run_row(make: Callable[[int], str], fn_name: str, sizes: list[float], args) -> tuple[list[str], str]:
    """The cells of one (input, function) row and its note."""
    cells: list[str] = []
    times: list[float] = []
    note = ""
    stopped = False
    for mb in sizes:
        if stopped:
            cells.append(f"{'-':>11}")
            continue
        if len(times) >= 2 and times[-2] > 0:
            projected = times[-1] * max(2.0, times[-1] / times[-2])
        elif times:
            projected = times[-1] * 2
        else:
            projected = 0.0
        if projected > args.budget:
            cells.append(f"{'skip':>11}")
            note = f"skipped from {mb:g} MB (projected {projected:.0f} s)"
            stopped = True
            continue
        timeout = max(args.timeout, 2 * projected)  # a linear call is never cut short
        status, secs, extra = measure(make(int(mb * MIB)), fn_name, timeout, int(args.mem_mb * MIB))
        if status == "ok":
            times.append(secs)
            cells.append(f"{secs:>9.2f} s")
        elif status == "timeout":
            cells.append(f"{'TIMEOUT':>11}")
            note = f"HANG? no result after {timeout:g} s at {mb:g} MB"
            stopped = True
        elif str(extra).startswith("builtins.MemoryError"):
            cells.append(f"{'MEMORY':>11}")
            note = f"MEMORY BLOW-UP: over {args.mem_mb:g} MiB at {mb:g} MB"
            stopped = True
        else:
            cells.append(f"{'CRASH':>11}")
            note = f"CRASH at {mb:g} MB: {extra}"
            stopped = True
    ratio = times[-1] / times[0] if len(times) >= 2 and times[0] > 0 else None
    linear = sizes[len(times) - 1] / sizes[0] if times else 0.0
    if ratio is None:
        ratio_s = "     ?"
    elif len(times) == len(sizes):
        ratio_s = f"{ratio:6.1f}"
    else:
        ratio_s = f"{ratio:.1f}/{linear:g}".rjust(6)
    if ratio is not None and ratio > linear * FLAG_RATIO / 8:
        note = (note + "; " if note else "") + (
            f"!! SUPERLINEAR: ratio {ratio:.1f} > {linear * FLAG_RATIO / 8:g} (linear {linear:g})")
    return cells + [ratio_s], note


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--max-mb", type=float, default=8.0,
                    help="largest size in MiB; the sizes are it /8, /4, /2 and itself (default 8)")
    ap.add_argument("--inputs", default="", help="comma-separated subset of the inputs (default all)")
    ap.add_argument("--functions", default="extract,find_quantities", help="default extract,find_quantities")
    ap.add_argument("--timeout", type=float, default=30.0, help="seconds allowed per call (default 30)")
    ap.add_argument("--budget", type=float, default=40.0,
                    help="skip a size whose projected time passes this many seconds (default 40)")
    ap.add_argument("--mem-mb", type=float, default=3000.0,
                    help="memory a call may add, in MiB, before it fails with MemoryError (default 3000)")
    ap.add_argument("--jobs", type=int, default=2,
                    help="rows measured side by side (default 2, for 2 cores; 1 for the quietest timings)")
    ap.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS, help=f"corpus dir (default {DEFAULT_CORPUS})")
    args = ap.parse_args(argv)

    paths = sorted(args.corpus.glob("*.txt")) if args.corpus.is_dir() else []
    if not paths:
        print(f"corpus not found (no *.txt in {args.corpus}); nothing to benchmark.")
        return 0

    import govreport
    from govreport.text.reports import decode

    corpus_text = "\n".join(decode(p.read_bytes()) for p in paths)
    inputs = make_inputs(corpus_text)
    if args.inputs:
        wanted = [s.strip() for s in args.inputs.split(",") if s.strip()]
        unknown = [w for w in wanted if w not in inputs]
        if unknown:
            ap.error(f"unknown inputs {unknown}; choose from {sorted(inputs)}")
        inputs = {k: inputs[k] for k in wanted}
    functions = [f.strip() for f in args.functions.split(",") if f.strip()]

    # Warm-up in the parent: every child forks with compiled patterns and OpenCC loaded.
    warm = fit(corpus_text, 64 * 1024)
    govreport.extract(warm, year=2023)
    govreport.find_quantities(warm)

    sizes = [args.max_mb / 8, args.max_mb / 4, args.max_mb / 2, args.max_mb]
    head = "  ".join(f"{s:>8g} MB" for s in sizes)
    print(f"corpus: {len(paths)} files, {len(corpus_text):,} chars; one call per cell, "
          f"{args.jobs} at a time; timeout {args.timeout:g} s, budget {args.budget:g} s, "
          f"memory {args.mem_mb:g} MiB; linear ratio = 8")
    print(f"CPU seconds per call:\n{'input':<14} {'function':<16} {head}   ratio  note")

    flagged: list[str] = []
    t_start = time.perf_counter()
    rows = [(name, fn_name) for name in inputs for fn_name in functions]
    # Rows run side by side (--jobs), each forking its calls one after the other.
    with ThreadPoolExecutor(max_workers=max(1, args.jobs)) as pool:
        futures = {row: pool.submit(run_row, inputs[row[0]], row[1], sizes, args) for row in rows}
        for (name, fn_name), fut in futures.items():
            cells, note = fut.result()
            if note:
                flagged.append(f"{name}/{fn_name}: {note}")
            print(f"{name:<14} {fn_name:<16} {'  '.join(cells[:-1])}  {cells[-1]}  {note}", flush=True)

    print(f"total {time.perf_counter() - t_start:.0f} s")
    if flagged:
        print("FLAGGED:")
        for f in flagged:
            print(f"  {f}")
    else:
        print(f"no ratio over {FLAG_RATIO:g}, no crash, no hang")
    return 0


if __name__ == "__main__":
    sys.exit(main())
