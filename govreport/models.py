"""Typed records: one number as written (`Quantity`), one number about an indicator
(`Indicator`, the contract of RECORDS.md), and a whole report (`Report`).

All models are frozen and validated; they round-trip exactly through JSON.

>>> q = Quantity(value=7.5, qualifier="approx", unit="%", raw_unit="%", text="7.5%左右", start=0, end=6)
>>> Quantity.model_validate_json(q.model_dump_json()) == q
True
>>> Quantity(low=6, high=5, qualifier="range", unit="%", raw_unit="%", text="6-5%", start=0, end=4)
Traceback (most recent call last):
...
pydantic_core._pydantic_core.ValidationError: 1 validation error for Quantity
...
"""

from __future__ import annotations

import datetime as _dt
from enum import Enum
from typing import Optional

from pydantic import BaseModel, ConfigDict, Field, model_validator


class _StrEnum(str, Enum):
    """A str enum that prints as its value, so records read like the JSON they become."""

    def __repr__(self) -> str:
        return repr(self.value)

    __str__ = str.__str__


class Kind(_StrEnum):
    """A goal the government sets, or a result it reports."""

    TARGET = "target"
    ACHIEVEMENT = "achievement"


class Measure(_StrEnum):
    """What the number measures about its indicator."""

    GROWTH = "growth"
    LEVEL = "level"
    CHANGE = "change"
    MULTIPLE = "multiple"


class Qualifier(_StrEnum):
    """How the number is hedged: exactly, about, at least, at most, or a range."""

    EXACT = "exact"
    APPROX = "approx"
    AT_LEAST = "at_least"
    AT_MOST = "at_most"
    RANGE = "range"


class Level(_StrEnum):
    """Administrative level of a report's region."""

    NATIONAL = "national"
    PROVINCE = "province"
    PREFECTURE = "prefecture"
    COUNTY = "county"
    DISTRICT = "district"
    TOWN = "town"


# allow_inf_nan=False: pydantic-core refuses NaN and inf itself, faster than a Python check
_FROZEN = ConfigDict(frozen=True, extra="forbid", use_enum_values=False, allow_inf_nan=False)


class _Numeric(BaseModel):
    """Shared checks of value / low / high / qualifier (the fields are declared by each
    model, so that they come in the order of RECORDS.md)."""

    model_config = _FROZEN

    @model_validator(mode="after")
    def _check_numbers(self):
        if self.qualifier is Qualifier.RANGE:
            if self.low is None or self.high is None or self.value is not None:
                raise ValueError("a range has low and high and no value")
            if self.low > self.high:
                raise ValueError(f"a range needs low <= high, got {self.low} > {self.high}")
        else:
            if self.value is None or self.low is not None or self.high is not None:
                raise ValueError("a non-range quantity has a value and no low/high")
        return self


class Quantity(_Numeric):
    """One number as written in the text, in base units.

    `start`/`end` are half-open offsets into the string the caller passed, so that
    ``source[start:end] == text``.
    """

    value: Optional[float] = None
    low: Optional[float] = None
    high: Optional[float] = None
    qualifier: Qualifier = Qualifier.EXACT
    unit: str = Field(description="canonical unit (RECORDS.md) or the classifier as written")
    raw_unit: str = Field(description="the unit as written, with its magnitude: 亿元, 万人, %")
    text: str
    start: int = Field(ge=0)
    end: int = Field(ge=0)


class Indicator(_Numeric):
    """One number about one indicator of a region: the record of RECORDS.md."""

    kind: Kind
    indicator: Optional[str] = Field(None, description="code from indicators.csv, or null")
    mention: str = Field(description="the subject as written: the source's script and pinyin, without a PDF's spaces")
    measure: Measure
    value: Optional[float] = None
    low: Optional[float] = None
    high: Optional[float] = None
    qualifier: Qualifier = Qualifier.EXACT
    unit: str
    raw_unit: str
    year: Optional[int] = None
    period_start: Optional[int] = None
    estimated: bool = False
    region: str = ""
    text: str
    start: int = Field(ge=0)
    end: int = Field(ge=0)


    def _repr_html_(self) -> str:
        """Jupyter shows a record as a one-row table."""
        from .html import records_table_html

        return records_table_html([self])


class Section(BaseModel):
    """A part of a report between two headings: a review of the past, or plans."""

    model_config = _FROZEN

    title: str
    kind: str = Field(description="'review', 'plan' or 'other'")
    start: int = Field(ge=0)
    end: int = Field(ge=0)


class Report(BaseModel):
    """A whole report: metadata, sections and its records."""

    model_config = _FROZEN

    title: str = ""
    region: str = ""
    level: Optional[Level] = None
    year: Optional[int] = None
    date: Optional[_dt.date] = None
    speaker: Optional[str] = None
    office: Optional[str] = None
    sections: tuple[Section, ...] = ()
    records: tuple[Indicator, ...] = ()
    text: str = ""

    def _repr_html_(self) -> str:
        """Jupyter shows a report as its span view."""
        from .html import render_report

        return render_report(self)


def json_schema() -> dict:
    """The JSON Schema of an `Indicator` record.

    >>> sorted(json_schema()["properties"])[:3]
    ['end', 'estimated', 'high']
    """
    return Indicator.model_json_schema()
