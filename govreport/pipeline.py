"""The whole flow, top to bottom: raw text → clean text + offset map → sentences with
their context → quantities → records with spans into the caller's string.

>>> recs = extract("今年主要预期目标是:地区生产总值增长7%左右,城镇调查失业率控制在5.5%以内。", region="咸阳市", year=2022)
>>> [(r.indicator, r.kind, r.measure, r.value, r.qualifier, r.year) for r in recs]
[('gdp', 'target', 'growth', 7.0, 'approx', 2022), ('surveyed_unemployment_rate', 'target', 'level', 5.5, 'at_most', 2022)]
"""

from __future__ import annotations

import os
from collections import Counter
from typing import Optional, Union

import regex

from .errors import InputError
from .gcpause import paused_gc
from .models import Indicator, Report, Section
from .records.build import build
from .text.normalize import normalize
from .text.segment import sections, sentences

_YEAR = regex.compile(r"(?<![0-9])(19[5-9][0-9]|20[0-9]{2})年")


def _guess_year(clean: str) -> int:
    """The year a text plans for when the caller did not say: the year of its title, or
    the latest year it mentions as past + 1."""
    m = regex.search(r"(20[0-9]{2})年[^\n。]{0,20}政府工作报告", clean[:3000])
    if m:
        return int(m.group(1))
    years = [int(y) for y in _YEAR.findall(clean)]
    if not years:
        return 0
    common = Counter(years).most_common(3)
    latest = max(y for y, _ in common)
    if regex.search(rf"{latest}年(?:[^。]{{0,12}})(?:主要预期目标|工作安排|重点工作|主要工作|是.{{0,8}}开局之年)", clean):
        return latest
    return latest + 1


def parse_report(text: str, *, region: Optional[str] = None, year: Optional[int] = None) -> Report:
    """Read one report (or a passage of one) into a `Report` with its records.

    `region` and `year` override what is inferred from the text.

    >>> r = parse_report("2022年咸阳市政府工作报告\\n各位代表:今年地区生产总值增长7%左右。")
    >>> (r.region, r.year, len(r.records))
    ('咸阳市', 2022, 1)
    """
    if not isinstance(text, str):
        raise InputError(f"parse_report() takes str, not {type(text).__name__}")
    if region is not None and not isinstance(region, str):
        raise InputError(f"region must be a str, not {type(region).__name__}")
    if year is not None and (isinstance(year, bool) or not isinstance(year, int) or not 1949 <= year <= 2100):
        raise InputError(f"year must be an int between 1949 and 2100, not {year!r}")
    from .text import reports as _reports

    return _parse(text, _reports.report_meta(text) if text.strip() else {}, region, year)


def _parse(text: str, meta: dict, region: Optional[str], year: Optional[int]) -> Report:
    """parse_report with the header already read (`read_reports` has it from the split)."""
    with paused_gc():
        return _parse_text(text, meta, region, year)


def _parse_text(text: str, meta: dict, region: Optional[str], year: Optional[int]) -> Report:
    norm = normalize(text)
    y = year or meta.get("year") or _guess_year(norm.text)
    reg = region if region is not None else (meta.get("region") or "")
    spans = sentences(norm.text)
    found = sections(norm.text, spans)
    records = build(norm, year=y, region=reg, spans=spans, parts=found) if y else []
    parts = []
    for s, e, title, kind in found:
        src_s, src_e = norm.span(s, e)
        parts.append(Section(title=title, kind=kind, start=src_s, end=src_e))
    return Report(
        title=meta.get("title") or "",
        region=reg,
        level=meta.get("level"),
        year=y or None,
        date=meta.get("date"),
        speaker=meta.get("speaker"),
        office=meta.get("office"),
        sections=tuple(parts),
        text=text,
    ).model_copy(update={"records": tuple(records)})  # each record was validated as it was made;
    # validating the tuple again would run every record's checks a second time


def extract(text: str, *, region: Optional[str] = None, year: Optional[int] = None) -> list[Indicator]:
    """The indicator records of `text`, with `start`/`end` into `text`.

    >>> [(r.mention, r.value, r.unit) for r in extract("全市经济总量2581.3亿元", year=2022)]
    [('经济总量', 258130000000.0, 'CNY')]
    """
    return list(parse_report(text, region=region, year=year).records)


def read_reports(source: Union[str, bytes, "os.PathLike[str]"]) -> list[Report]:
    """Every report in a file, bytes or text, split apart and parsed.

    >>> [r.region for r in read_reports("2022年咸阳市政府工作报告\\n——2022年3月28日\\n各位代表:地区生产总值增长7%左右。")]
    ['咸阳市']
    """
    from .text import reports as _reports

    out = []
    for text, meta in _reports.read_reports_raw(source):
        out.append(_parse(text, meta, None, None))
    return out
