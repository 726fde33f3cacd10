"""Speed of govreport against other Chinese number/money extractors (the anchors).

In one process, over the whole corpus (every *.txt decoded with
`govreport.text.reports.decode`), times best of N (time.perf_counter, after one
untimed warm-up call each) and prints chars/s and the ratio to govreport's full job:

* govreport.read_reports(path) per file -- read, decode, split into reports, parse:
  the realistic full job, and the REFERENCE for the ratio column;
* govreport.extract(text) on each decoded file text (one report per file, no split);
* govreport.find_quantities(text) on each decoded file text;
* jionlp.ner.extract_money (jionlp 1.5 has no top-level extract_money) on each
  non-empty line, and once more on the whole concatenated text (same hits; it does
  not need short input);
* cn2an.transform(line, "cn2an") on each non-empty line (its "data format" warnings
  are silenced);
* chinese2digits.takeNumberFromString(line) (a thin wrapper of
  takeChineseNumberFromString) on each non-empty line;
* Microsoft Recognizers-Text Chinese number model,
  NumberRecognizer(Culture.Chinese).get_number_model().parse(line), on each line.

Every rate divides the same corpus size (chars of the decoded files) by the time.
An alternative that cannot be imported prints "not installed", one that raises prints
"failed: <reason>"; both are skipped and the script still exits 0. If one call of an
alternative over the corpus is projected to take longer than --budget seconds, it is
timed on a fixed sample (the lines making up the first 100k chars) and its chars/s is
extrapolated; the row says so.

Install the anchors:  pip install -e ".[bench]"
  (jionlp, chinese2digits, recognizers-text-suite, and emoji<2, because
  recognizers-text 1.0.2a2 imports emoji.UNICODE_EMOJI, removed in emoji 2.0)
Run:  python benchmarks/anchors.py [--corpus DIR] [--repeat N] [--budget SECONDS]
"""

from __future__ import annotations

import contextlib
import io
import sys
import time
import warnings
from typing import Callable, Optional

from _common import corpus_parser, corpus_paths, best_of  # noqa: E402

SAMPLE_CHARS = 100_000
PROBE_CHARS = 10_000


def lines_upto(lines: list[str], limit: int) -> list[str]:
    """The first lines of `lines` whose lengths add up to at least `limit` chars (all if fewer)."""
    out, n = [], 0
    for line in lines:
        if n >= limit:
            break
        out.append(line)
        n += len(line)
    return out


def quiet_import(name: str):
    """Import `name`, swallowing the banner some packages print (jionlp)."""
    import importlib

    with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
        return importlib.import_module(name)


def main(argv: Optional[list[str]] = None) -> int:
    ap = corpus_parser(__doc__, repeat=3)
    ap.add_argument("--budget", type=float, default=20.0,
                    help=f"seconds one corpus call may take before a {SAMPLE_CHARS:,}-char sample is used (default 20)")
    args = ap.parse_args(argv)

    paths = corpus_paths(args.corpus)
    if not paths:
        return 0

    import govreport
    from govreport.text.reports import decode

    texts = [decode(p.read_bytes()) for p in paths]
    whole = "\n".join(texts)
    chars = sum(len(t) for t in texts)
    lines = [line for t in texts for line in t.splitlines() if line.strip()]
    print(f"corpus: {len(paths)} files, {chars:,} chars, {len(lines):,} non-empty lines; best of {args.repeat}")

    rows: list[tuple[str, Optional[float], str, str]] = []  # name, chars/s, what, note

    def run(name: str, what: str, setup: Callable[[], Callable[[list[str]], object]],
            per_line: bool = True, whole_text: bool = False) -> None:
        """Time one tool. `setup()` imports it and returns fn(units), where units are the
        corpus lines (per_line), the file texts, or [whole concatenated text]."""
        try:
            fn = setup()
        except ImportError as e:
            print(f"{name}: not installed ({e})")
            rows.append((name, None, what, "not installed"))
            return
        except Exception as e:  # noqa: BLE001 - an anchor must never stop the run
            print(f"{name}: failed: {type(e).__name__}: {e}")
            rows.append((name, None, what, f"failed: {type(e).__name__}: {e}"))
            return
        units = lines if per_line else ([whole] if whole_text else texts)
        n, note = chars, ""
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                if per_line:
                    probe = lines_upto(units, PROBE_CHARS)
                    p_chars = sum(map(len, probe))
                    t0 = time.perf_counter()
                    fn(probe)  # also the warm-up
                    projected = (time.perf_counter() - t0) * chars / max(p_chars, 1)
                    if projected > args.budget:
                        units = lines_upto(lines, SAMPLE_CHARS)
                        n = sum(map(len, units))
                        note = f"sampled first {n:,} chars (~{projected:.1f} s/corpus projected), rate extrapolated"
                fn(units)  # warm-up
                secs = best_of(lambda: fn(units), args.repeat)
        except Exception as e:  # noqa: BLE001
            print(f"{name}: failed: {type(e).__name__}: {e}")
            rows.append((name, None, what, f"failed: {type(e).__name__}: {e}"))
            return
        rows.append((name, n / secs if secs > 0 else float("inf"), what, note))

    # govreport -------------------------------------------------------------------
    def s_read_reports():
        return lambda _units: [govreport.read_reports(p) for p in paths]

    def s_extract():
        return lambda units: [govreport.extract(t) for t in units]

    def s_find_quantities():
        return lambda units: [govreport.find_quantities(t) for t in units]

    # anchors ---------------------------------------------------------------------
    def s_jionlp():
        jio = quiet_import("jionlp")
        return lambda units: [jio.ner.extract_money(u) for u in units]

    def s_cn2an():
        import cn2an

        return lambda units: [cn2an.transform(u, "cn2an") for u in units]

    def s_c2d():
        import chinese2digits

        return lambda units: [chinese2digits.takeNumberFromString(u) for u in units]

    def s_recognizers():
        from recognizers_number import Culture, NumberRecognizer

        model = NumberRecognizer(Culture.Chinese).get_number_model()
        return lambda units: [model.parse(u) for u in units]

    full = "full records"
    run("govreport.read_reports(path) per file [reference]", full, s_read_reports, per_line=False)
    run("govreport.extract(text) per file text", full, s_extract, per_line=False)
    run("govreport.find_quantities(text) per file text", "numbers only (with units, qualifiers)",
        s_find_quantities, per_line=False)
    run("jionlp.ner.extract_money per line", "money only", s_jionlp)
    run("jionlp.ner.extract_money whole text", "money only", s_jionlp, per_line=False, whole_text=True)
    run('cn2an.transform(line, "cn2an")', "numbers only (rewrites text)", s_cn2an)
    run("chinese2digits.takeNumberFromString per line", "numbers only", s_c2d)
    run("recognizers_number Chinese number model per line", "numbers only", s_recognizers)

    ref = rows[0][1]
    ext = rows[1][1]
    width = max(len(r[0]) for r in rows)
    print(f"{'tool':<{width}} | {'chars/s':>11} | {'÷ read_reports':>14} | what it does")
    for name, cps, what, note in rows:
        if cps is None:
            print(f"{name:<{width}} | {'-':>11} | {'-':>14} | {what}; {note}")
            continue
        ratio = f"{cps / ref:.2f}x" if ref else "-"
        print(f"{name:<{width}} | {cps:>11,.0f} | {ratio:>14} | {what}{'; ' + note if note else ''}")

    others = [(n, c) for n, c, _, _ in rows[3:] if c is not None]
    if ref is None or not others:
        print("verdict: not enough measurements to compare")
        return 0
    for label, mine in (("read_reports (full job)", ref), ("extract(text)", ext)):
        if mine is None:
            continue
        slower_than = [n for n, c in others if c >= mine]
        if slower_than:
            print(f"verdict: {label} is NOT faster than every alternative; slower than: {', '.join(slower_than)}")
        else:
            print(f"verdict: {label} is faster than every one of the {len(others)} measured alternatives")
    return 0


if __name__ == "__main__":
    sys.exit(main())
