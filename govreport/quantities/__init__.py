"""Quantities as written: `find_quantities` and `parse_quantity`.

>>> [(q.value, q.unit, q.qualifier, q.text) for q in find_quantities("全市经济总量2581.3亿元,城镇新增就业3.2萬人")]
[(258130000000.0, 'CNY', 'exact', '2581.3亿元'), (32000.0, 'person', 'exact', '3.2萬人')]
>>> parse_quantity("近八成").value
80.0
>>> parse_quantity("2021年") is None
True
"""

from __future__ import annotations

from ..errors import InputError
from ..gcpause import paused_gc
from ..models import Quantity
from ..text.normalize import Normalized, normalize
from .grammar import Found, find

__all__ = ["find_quantities", "parse_quantity", "to_quantity"]


def to_quantity(norm: Normalized, f: Found) -> Quantity:
    """A clean-text `Found` as a public `Quantity` with offsets into the source."""
    s, e = norm.span(f.start, f.end)
    return Quantity(
        value=f.value,
        low=f.low,
        high=f.high,
        qualifier=f.qualifier,
        unit=f.unit,
        raw_unit=f.raw_unit,
        text=norm.source[s:e],
        start=s,
        end=e,
    )


def find_quantities(text: str) -> list[Quantity]:
    """Every quantity in `text`, in order, with spans into `text`.

    Years, dates, ordinals, rankings and numbers inside names are left out.

    >>> [q.value for q in find_quantities("国道338改造,“十四五”时期,第49位,下降3%")]
    [-3.0]
    """
    if not isinstance(text, str):
        raise InputError(f"find_quantities() takes str, not {type(text).__name__}")
    with paused_gc():
        norm = normalize(text)
        return [to_quantity(norm, f) for f in find(norm.text)]


def parse_quantity(s: str) -> Quantity | None:
    """The single quantity written in `s` (the first, if there are several), or None.

    >>> q = parse_quantity("突破100亿元")
    >>> (q.value, q.unit, q.raw_unit, q.qualifier)
    (10000000000.0, 'CNY', '亿元', 'at_least')
    """
    found = find_quantities(s)
    return found[0] if found else None
