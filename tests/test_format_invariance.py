"""The same report in another dress gives the same records.

Reports arrive as web pages in traditional characters (some with pinyin in brackets),
as PDF text hard-wrapped at a fixed width (inside words and numbers), with spaces or
zero-width spaces between characters, and with full-width digits. Each passage of our
own record table (tests/data/record_phrases.jsonl) is re-dressed each of these ways, and
its records must keep every field but the text they quote (and the spaces a mention
quotes beside a Latin word: 5 G基站).
"""

import json
import random
from pathlib import Path

import opencc
import pytest

from govreport import extract, normalize

CASES = [json.loads(line) for line in (Path(__file__).parent / "data" / "record_phrases.jsonl").open(encoding="utf-8")]
_S2T = opencc.OpenCC("s2t")


def hard_wrap(text: str, width: int = 37) -> str:
    """A PDF line break every `width` characters, wherever it falls (not after a stop)."""
    out, n = [], 0
    for c in text:
        out.append(c)
        n = 0 if c == "\n" else n + 1
        if n >= width and c not in "。；;！？":
            out.append("\n")
            n = 0
    return "".join(out)


def pdf_spaces(text: str, rate: float = 0.15) -> str:
    """Spaces a PDF put between characters, at random places (never between two digits:
    those stay two numbers, as in 上一页 1 2 3)."""
    rnd = random.Random(len(text))
    out = []
    for c, n in zip(text, text[1:] + "\n"):
        out.append(c)
        if n != "\n" and c != "\n" and not (c.isdigit() and n.isdigit()) and rnd.random() < rate:
            out.append(rnd.choice(" \u00a0\u3000"))  # plain, no-break or ideographic
    return "".join(out)


def zero_width(text: str) -> str:
    """Zero-width spaces a web page left between characters."""
    rnd = random.Random(len(text))
    return "".join(c + ("\u200b" if rnd.random() < 0.1 else "") for c in text)


def full_width(text: str) -> str:
    return "".join(chr(ord(c) + 0xFEE0) if c.isdigit() or c in "%." else c for c in text)


def traditional(text: str) -> str:
    return _S2T.convert(text)


def all_at_once(text: str) -> str:
    """A traditional-character PDF with full-width digits: every defect on one text."""
    return hard_wrap(pdf_spaces(traditional(full_width(text))))


_SYLLABLES = ["zhí", "chǎn", "jīng", "bié", "zēng", "zhǎng", "shàng", "kòng", "é", "lǜ"]


def pinyin(text: str) -> str:
    """Traditional characters with pinyin in brackets after some of them, as old web
    converters printed it: 經(jīng)濟."""
    rnd = random.Random(len(text))
    return "".join(
        c + (f"({rnd.choice(_SYLLABLES)})" if "\u4e00" <= c <= "\u9fff" and rnd.random() < 0.2 else "")
        for c in traditional(text)
    )


def _fields(text: str, case: dict) -> list[tuple]:
    return [
        (r.kind, r.indicator, "".join(normalize(r.mention).text.split()), r.measure, r.value, r.low, r.high, r.qualifier,
         r.unit, r.year, r.period_start, r.estimated, r.region)
        for r in extract(text, region=case["region"], year=case["report_year"])
    ]


@pytest.mark.parametrize("dress", [hard_wrap, pdf_spaces, zero_width, full_width, traditional, pinyin, all_at_once], ids=lambda f: f.__name__)
def test_records_do_not_depend_on_the_dress(dress):
    changed = [c["id"] for c in CASES if _fields(dress(c["text"]), c) != _fields(c["text"], c)]
    assert not changed, f"{len(changed)} of {len(CASES)} passages read differently: {changed[:10]}"


@pytest.mark.parametrize("width", [29, 35, 41, 52])  # lines of an A4 page; a shorter one reads as a heading
def test_a_wrap_at_any_width_keeps_the_numbers(width):
    for c in CASES:
        wrapped = hard_wrap(c["text"], width)
        got = [(r.value, r.unit) for r in extract(wrapped, region=c["region"], year=c["report_year"])]
        assert got == [(r.value, r.unit) for r in extract(c["text"], region=c["region"], year=c["report_year"])], c["id"]
