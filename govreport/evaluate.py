"""Score extracted records against gold passages: the library's own scorer.

usage: ``python -m govreport.evaluate GOLD.jsonl [...] [--show N] [--json]``

A gold file holds one passage per line (``id, source, report, region, year, text,
records``; see ``spec/RECORDS.md``). Each passage's text is given to the extractor,
``predict(text, region=passage["region"], year=passage["year"])`` (by default
`govreport.extract`), and its records are compared with the gold ones.

How records are compared
------------------------
Spans. Predicted records carry ``start``/``end`` into the passage. Gold records only
carry ``text``; it is looked up in the passage. When several gold records have the same
text, the k-th of m such records takes the k-th occurrence of the text if there are at
least m occurrences, and otherwise occurrence ``k*n//m`` of the n there are (so the
records of one ``分别`` clause share the clause). A text that cannot be found (even
after normalisation) spans the whole passage.

Pairs. A predicted and a gold record *pair* when they state the same number and their
spans overlap. Same number: ``abs(value)`` equal within relative 1e-6 (absolute 1e-9), or
for ranges the absolute bounds equal. The sign is not part of pairing: ``下降3%`` read
as +3 still pairs, and counts as a wrong ``value``. Matching is one-to-one and greedy:
all candidate pairs are taken in order of more agreeing fields first, then larger span
overlap, then text order.

Quantity P/R/F1 counts pairs: a pair is a quantity found.

Record P/R/F1 counts *correct* pairs: kind, measure, unit, qualifier, year, value
(signed; for ranges low and high) and indicator-or-mention all right.
Indicator-or-mention: when the gold indicator is a code, the predicted indicator must be
that code; when it is null, the predicted indicator must be null too and the mentions must
agree. Mentions agree when, after normalising both, they are equal or one contains the
other. Normalising a mention: `govreport.text.normalize.normalize` (traditional →
simplified, pinyin and PDF spaces removed, full-width folded), then quotes ``“”"`` removed
and the scope words 全市, 全省, 全区, 全县, 今年, 全年 stripped from either end (新增 is
kept: ``新增就业`` is its own flow).

Per-field accuracy is over pairs, for kind, indicator (equal, null included), mention (as
above, whatever the indicator), measure, value (signed), qualifier, unit, raw_unit
(normalised, equal), year, period_start, estimated, region (normalised; equal or one
contains the other: 高新区 agrees with 株洲高新区) and text (normalised, all whitespace
dropped, equal; counted, not listed among the wrong fields). It is NaN when there are no
pairs.

A predictor that raises on a passage (or returns something that is not a record) has all
of that passage's gold records counted as missed; the error is reported, not raised.

>>> gold = [{"id": "p1", "region": "某市", "year": 2022, "text": "某市产值增长5%左右。",
...          "records": [dict(kind="target", indicator=None, mention="產值", measure="growth",
...                           value=5.0, low=None, high=None, qualifier="approx", unit="%",
...                           raw_unit="%", year=2022, period_start=None, estimated=False,
...                           region="某市", text="产值增长5%左右")]}]
>>> def fake(text, *, region=None, year=None):
...     r = dict(gold[0]["records"][0], mention="全市产值", qualifier="exact", start=2, end=10)
...     return [r]
>>> s = score(gold, fake)
>>> s.quantity_f1, s.record_f1, s.fields["qualifier"], s.fields["mention"]
(1.0, 0.0, 0.0, 1.0)
"""

from __future__ import annotations

import argparse
import json
import math
import sys
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any, Callable, Iterable, Optional

FIELDS = (
    "kind",
    "indicator",
    "mention",
    "measure",
    "value",
    "qualifier",
    "unit",
    "raw_unit",
    "year",
    "period_start",
    "estimated",
    "region",
    "text",
)
# Fields that must all be right for a pair to be a correct record ("subject" stands for
# indicator-or-mention).
RECORD_FIELDS = ("kind", "measure", "unit", "qualifier", "year", "value", "subject")

SCOPE_WORDS = ("全市", "全省", "全区", "全县", "今年", "全年")
QUOTES = "“”\"＂"
REL_TOL = 1e-6
ABS_TOL = 1e-9

Predict = Callable[..., Iterable[Any]]


def default_predict(text: str, *, region: Optional[str] = None, year: Optional[int] = None):
    """`govreport.extract`, imported when first needed."""
    from govreport import extract

    return extract(text, region=region, year=year)


# ---------------------------------------------------------------------------- results


@dataclass
class Missed:
    """A gold record that no prediction paired with."""

    passage: str
    record: dict
    error: Optional[str] = None  # set when the predictor failed on the passage


@dataclass
class Extra:
    """A prediction that paired with no gold record."""

    passage: str
    record: dict


@dataclass
class Wrong:
    """A pair with at least one wrong field: ``errors`` holds (field, gold, predicted)."""

    passage: str
    gold: dict
    predicted: dict
    errors: list[tuple[str, Any, Any]]
    correct_record: bool  # the record-level fields are all right (only e.g. raw_unit is off)


@dataclass
class Score:
    """Counts of one or more scored passages, with the figures derived from them."""

    passages: int = 0
    gold: int = 0
    predicted: int = 0
    pairs: int = 0
    correct: int = 0
    field_right: dict[str, int] = field(default_factory=lambda: {f: 0 for f in FIELDS})
    missed: list[Missed] = field(default_factory=list)
    extra: list[Extra] = field(default_factory=list)
    wrong: list[Wrong] = field(default_factory=list)
    errors: list[tuple[str, str]] = field(default_factory=list)  # (passage id, error)

    @property
    def quantity_p(self) -> float:
        return _ratio(self.pairs, self.predicted, self.gold)

    @property
    def quantity_r(self) -> float:
        return _ratio(self.pairs, self.gold, self.predicted)

    @property
    def quantity_f1(self) -> float:
        return _f1(self.quantity_p, self.quantity_r)

    @property
    def record_p(self) -> float:
        return _ratio(self.correct, self.predicted, self.gold)

    @property
    def record_r(self) -> float:
        return _ratio(self.correct, self.gold, self.predicted)

    @property
    def record_f1(self) -> float:
        return _f1(self.record_p, self.record_r)

    @property
    def fields(self) -> dict[str, float]:
        """Per-field accuracy over pairs (NaN when there are no pairs)."""
        return {f: (self.field_right[f] / self.pairs if self.pairs else math.nan) for f in FIELDS}

    def __add__(self, other: "Score") -> "Score":
        return Score(
            passages=self.passages + other.passages,
            gold=self.gold + other.gold,
            predicted=self.predicted + other.predicted,
            pairs=self.pairs + other.pairs,
            correct=self.correct + other.correct,
            field_right={f: self.field_right[f] + other.field_right[f] for f in FIELDS},
            missed=self.missed + other.missed,
            extra=self.extra + other.extra,
            wrong=self.wrong + other.wrong,
            errors=self.errors + other.errors,
        )

    def figures(self) -> dict:
        """The numbers of this score as plain JSON-ready data (NaN → None)."""
        return {
            "passages": self.passages,
            "gold": self.gold,
            "predicted": self.predicted,
            "pairs": self.pairs,
            "correct_records": self.correct,
            "quantity": {"p": self.quantity_p, "r": self.quantity_r, "f1": self.quantity_f1},
            "record": {"p": self.record_p, "r": self.record_r, "f1": self.record_f1},
            "fields": {f: (None if math.isnan(v) else v) for f, v in self.fields.items()},
            "missed": len(self.missed),
            "extra": len(self.extra),
            "wrong": len(self.wrong),
            "errors": [{"passage": p, "error": e} for p, e in self.errors],
        }


def _ratio(num: int, den: int, other: int) -> float:
    """num/den; with nothing to divide by, 1.0 if the other side is empty too, else 0.0."""
    if den:
        return num / den
    return 1.0 if other == 0 else 0.0


def _f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


# ---------------------------------------------------------------------- normalisation


@lru_cache(maxsize=4096)
def _norm(s: str) -> str:
    from govreport.text.normalize import normalize

    return normalize(s).text.strip()


@lru_cache(maxsize=4096)
def norm_mention(s: Optional[str]) -> str:
    """A mention as compared: normalised, unquoted, without scope words at either end.

    >>> norm_mention("全市“地區生產(chǎn)總值”")
    '地区生产总值'
    >>> norm_mention("新增就业")
    '新增就业'
    """
    if not s:
        return ""
    t = _norm(s)
    for q in QUOTES:
        t = t.replace(q, "")
    t = t.strip()
    changed = True
    while changed:
        changed = False
        for w in SCOPE_WORDS:
            if t.startswith(w) and len(t) > len(w):
                t, changed = t[len(w):].strip(), True
            if t.endswith(w) and len(t) > len(w):
                t, changed = t[: -len(w)].strip(), True
    return t


def _agree_contains(a: str, b: str) -> bool:
    if a == b:
        return True
    return bool(a) and bool(b) and (a in b or b in a)


def mentions_agree(gold: Optional[str], pred: Optional[str]) -> bool:
    """Equal or one contains the other, after `norm_mention`.

    >>> mentions_agree("城鎮新增(zēng)就業", "新增就业")
    True
    >>> mentions_agree("新增就业", "就业人数")
    False
    """
    return _agree_contains(norm_mention(gold), norm_mention(pred))


def regions_agree(gold: Optional[str], pred: Optional[str]) -> bool:
    """
    >>> regions_agree("高新区", "株洲高新區")
    True
    """
    return _agree_contains(_norm(gold or ""), _norm(pred or ""))


def _close(a: Any, b: Any) -> bool:
    if a is None or b is None:
        return a is None and b is None
    try:
        return math.isclose(float(a), float(b), rel_tol=REL_TOL, abs_tol=ABS_TOL)
    except (TypeError, ValueError):
        return False


def _number_key(r: dict) -> Optional[tuple[float, ...]]:
    """The unsigned number a record states: (|value|,) or the sorted absolute bounds."""
    try:
        if r.get("value") is not None:
            return (abs(float(r["value"])),)
        if r.get("low") is not None and r.get("high") is not None:
            return tuple(sorted((abs(float(r["low"])), abs(float(r["high"])))))
    except (TypeError, ValueError):
        pass
    return None


def _same_number(a: tuple, b: tuple) -> bool:
    return len(a) == len(b) and all(_close(x, y) for x, y in zip(a, b))


def _value_right(g: dict, p: dict) -> bool:
    return all(_close(g.get(k), p.get(k)) for k in ("value", "low", "high"))


def _value_text(r: dict) -> str:
    if r.get("value") is None and r.get("low") is not None:
        return f"{r.get('low')}–{r.get('high')}"
    return str(r.get("value"))


def field_right(name: str, g: dict, p: dict) -> bool:
    """Is field `name` of prediction `p` right for gold record `g`?"""
    if name == "value":
        return _value_right(g, p)
    if name == "mention":
        return mentions_agree(g.get("mention"), p.get("mention"))
    if name == "raw_unit":
        return _norm(g.get("raw_unit") or "") == _norm(p.get("raw_unit") or "")
    if name == "region":
        return regions_agree(g.get("region"), p.get("region"))
    if name == "subject":
        if g.get("indicator") is not None:
            return p.get("indicator") == g.get("indicator")
        return p.get("indicator") is None and mentions_agree(g.get("mention"), p.get("mention"))
    if name == "estimated":
        return bool(g.get("estimated")) == bool(p.get("estimated"))
    if name == "text":  # the same clause, whatever its spaces and script
        return "".join(_norm(g.get("text") or "").split()) == "".join(_norm(p.get("text") or "").split())
    return g.get(name) == p.get(name)


# ---------------------------------------------------------------------------- records


def _as_dict(r: Any) -> dict:
    """A record as a plain dict with string enums (pydantic model or mapping)."""
    if hasattr(r, "model_dump"):
        return r.model_dump(mode="json")
    if isinstance(r, dict):
        return {k: (getattr(v, "value", v) if k in ("kind", "measure", "qualifier") else v) for k, v in r.items()}
    raise TypeError(f"a record must be an Indicator or a dict, not {type(r).__name__}")


def _find_all(text: str, sub: str) -> list[int]:
    out, i = [], text.find(sub)
    while sub and i >= 0:
        out.append(i)
        i = text.find(sub, i + 1)
    return out


def _locate(text: str, sub: str) -> list[tuple[int, int]]:
    """Spans of `sub` in `text`: exact, else after normalising both (mapped back)."""
    spans = [(i, i + len(sub)) for i in _find_all(text, sub)]
    if spans or not sub:
        return spans
    from govreport.text.normalize import normalize

    n, ns = normalize(text), normalize(sub).text
    return [n.span(i, i + len(ns)) for i in _find_all(n.text, ns)]


def gold_spans(text: str, records: list[dict]) -> list[tuple[int, int]]:
    """Spans of the gold records in `text` (see the module docstring).

    >>> gold_spans("增长8%，又增长8%", [{"text": "增长8%"}, {"text": "增长8%"}])
    [(0, 4), (6, 10)]
    >>> gold_spans("分别增长8%和9%", [{"text": "分别增长8%和9%"}] * 2)
    [(0, 9), (0, 9)]
    """
    by_text: dict[str, list[int]] = {}
    for i, r in enumerate(records):
        by_text.setdefault(r.get("text") or "", []).append(i)
    spans: list[tuple[int, int]] = [(0, len(text))] * len(records)
    for sub, idx in by_text.items():
        occ = _locate(text, sub)
        n, m = len(occ), len(idx)
        if not n:
            continue
        for k, i in enumerate(idx):
            spans[i] = occ[k] if m <= n else occ[k * n // m]
    return spans


def _pred_span(text: str, r: dict) -> tuple[int, int]:
    s, e = r.get("start"), r.get("end")
    if isinstance(s, int) and isinstance(e, int):
        return s, e
    occ = _locate(text, r.get("text") or "")
    return occ[0] if occ else (0, len(text))


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> int:
    """Length of the overlap of two half-open spans; an empty span inside counts as 1."""
    lo, hi = max(a[0], b[0]), min(a[1], b[1])
    if hi > lo:
        return hi - lo
    if (a[0] == a[1] and b[0] <= a[0] < b[1]) or (b[0] == b[1] and a[0] <= b[0] < a[1]):
        return 1
    return 0


def match(text: str, gold: list[dict], pred: list[dict]) -> list[tuple[int, int]]:
    """One-to-one greedy pairs (gold index, predicted index), in gold order."""
    gspans = gold_spans(text, gold)
    pspans = [_pred_span(text, p) for p in pred]
    gkeys = [_number_key(g) for g in gold]
    pkeys = [_number_key(p) for p in pred]
    cands = []
    for i, g in enumerate(gold):
        if gkeys[i] is None:
            continue
        for j, p in enumerate(pred):
            if pkeys[j] is None or not _same_number(gkeys[i], pkeys[j]):
                continue
            ov = _overlap(gspans[i], pspans[j])
            if not ov:
                continue
            agree = sum(field_right(f, g, p) for f in FIELDS)
            cands.append((-agree, -ov, gspans[i][0], i, pspans[j][0], j))
    cands.sort()
    used_g, used_p, pairs = set(), set(), []
    for *_, i, _ps, j in cands:
        if i in used_g or j in used_p:
            continue
        used_g.add(i)
        used_p.add(j)
        pairs.append((i, j))
    return sorted(pairs)


# ---------------------------------------------------------------------------- scoring


def score_passage(passage: dict, predict: Optional[Predict] = None) -> Score:
    """Score one gold passage."""
    if predict is None:
        predict = default_predict
    pid = str(passage.get("id", "?"))
    text = passage["text"]
    gold = [_as_dict(r) for r in passage.get("records", [])]
    s = Score(passages=1, gold=len(gold))
    try:
        pred = [_as_dict(r) for r in predict(text, region=passage.get("region"), year=passage.get("year"))]
    except Exception as exc:  # noqa: BLE001 - a failing extractor is a result, not a crash
        msg = f"{type(exc).__name__}: {exc}"
        s.errors.append((pid, msg))
        s.missed.extend(Missed(pid, g, error=msg) for g in gold)
        return s
    s.predicted = len(pred)
    pairs = match(text, gold, pred)
    s.pairs = len(pairs)
    paired_g = {i for i, _ in pairs}
    paired_p = {j for _, j in pairs}
    for i, j in pairs:
        g, p = gold[i], pred[j]
        errors = []
        for f in FIELDS:
            if field_right(f, g, p):
                s.field_right[f] += 1
            elif f == "value":
                errors.append((f, _value_text(g), _value_text(p)))
            elif f == "text":
                continue  # a quote cut otherwise is counted, not listed: the span shows it
            else:
                errors.append((f, g.get(f), p.get(f)))
        ok = all(field_right(f, g, p) for f in RECORD_FIELDS)
        s.correct += ok
        if errors:
            s.wrong.append(Wrong(pid, g, p, errors, ok))
    s.missed.extend(Missed(pid, g) for i, g in enumerate(gold) if i not in paired_g)
    s.extra.extend(Extra(pid, p) for j, p in enumerate(pred) if j not in paired_p)
    return s


def score(passages: Iterable[dict], predict: Optional[Predict] = None) -> Score:
    """Score gold passages against `predict` (default: `govreport.extract`)."""
    if predict is None:
        predict = default_predict
    total = Score()
    for passage in passages:
        total = total + score_passage(passage, predict)
    return total


def load(path: str) -> list[dict]:
    """The passages of a JSONL gold file (blank lines skipped)."""
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


# ---------------------------------------------------------------------------- reports


def _pct(x: float) -> str:
    return "   n/a" if math.isnan(x) else f"{100 * x:6.1f}"


def format_score(name: str, s: Score) -> str:
    lines = [
        f"== {name}",
        f"passages {s.passages}   gold records {s.gold}   predicted records {s.predicted}   pairs {s.pairs}"
        f"   correct records {s.correct}",
        f"{'':10}{'P':>8}{'R':>8}{'F1':>8}",
        f"{'quantity':10}{_pct(s.quantity_p):>8}{_pct(s.quantity_r):>8}{_pct(s.quantity_f1):>8}",
        f"{'record':10}{_pct(s.record_p):>8}{_pct(s.record_r):>8}{_pct(s.record_f1):>8}",
        "field accuracy over pairs:",
    ]
    for f, v in s.fields.items():
        lines.append(f"  {f:<13}{_pct(v)}{'' if math.isnan(v) else '%'}  ({s.field_right[f]}/{s.pairs})")
    if s.errors:
        lines.append(f"predictor errors: {len(s.errors)}")
    return "\n".join(lines)


def _brief(r: dict) -> str:
    subject = r.get("indicator") or "-"
    return (
        f"{r.get('kind')} {subject}/{r.get('mention')} {r.get('measure')} {_value_text(r)} "
        f"{r.get('qualifier')} {r.get('unit')} year={r.get('year')}"
    )


def format_examples(s: Score, show: int) -> str:
    lines = []
    if s.errors:
        lines.append(f"-- predictor errors ({len(s.errors)})")
        lines += [f"  [{pid}] {msg}" for pid, msg in s.errors[:show]]
    lines.append(f"-- missed ({len(s.missed)}), showing {min(show, len(s.missed))}")
    for m in s.missed[:show]:
        why = f"  (predictor error: {m.error})" if m.error else ""
        lines.append(f"  [{m.passage}] {_brief(m.record)}{why}\n      「{m.record.get('text')}」")
    lines.append(f"-- extra ({len(s.extra)}), showing {min(show, len(s.extra))}")
    for x in s.extra[:show]:
        lines.append(f"  [{x.passage}] {_brief(x.record)}\n      「{x.record.get('text')}」")
    lines.append(f"-- wrong ({len(s.wrong)}), showing {min(show, len(s.wrong))}")
    for w in s.wrong[:show]:
        tag = "" if not w.correct_record else "  (record still correct)"
        diffs = "; ".join(f"{f}: gold {g!r} vs predicted {p!r}" for f, g, p in w.errors)
        lines.append(f"  [{w.passage}] {diffs}{tag}\n      「{w.gold.get('text')}」")
    return "\n".join(lines)


def main(argv: Optional[list[str]] = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m govreport.evaluate", description=__doc__.split("\n")[0])
    ap.add_argument("gold", nargs="+", help="gold JSONL files")
    ap.add_argument("--show", type=int, default=20, help="examples of each kind of error to show (default 20)")
    ap.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = ap.parse_args(argv)

    per_file = {path: score(load(path), default_predict) for path in args.gold}
    overall = Score()
    for s in per_file.values():
        overall = overall + s

    if args.json:
        out = {"files": {p: s.figures() for p, s in per_file.items()}, "overall": overall.figures()}
        print(json.dumps(out, ensure_ascii=False, indent=2))
        return 0
    blocks = [format_score(p, s) for p, s in per_file.items()]
    blocks.append(format_score("overall", overall))
    blocks.append(format_examples(overall, max(args.show, 0)))
    print("\n\n".join(blocks))
    return 0


if __name__ == "__main__":
    sys.exit(main())
