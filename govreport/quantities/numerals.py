"""Numbers as written → floats: Arabic (1,234.5) and Chinese numerals (一千二百, 两, 十三万).

Chinese numerals are read by cn2an; this module only puts the forms cn2an refuses into
the shape it accepts (千亿 → 一千亿, 二○二一 → 二零二一).

>>> arabic_value("1,234.5")
1234.5
>>> chinese_value("一千二百"), chinese_value("两"), chinese_value("十三万"), chinese_value("千亿")
(1200.0, 2.0, 130000.0, 100000000000.0)
>>> chinese_value("万众") is None
True
"""

from __future__ import annotations

import math
from decimal import Decimal
from functools import lru_cache

import cn2an

_MAX_DIGITS = 30
CN_DIGITS = "零〇○一二两三四五六七八九"
CN_UNITS = "十百千万亿"
CN_CHARS = CN_DIGITS + CN_UNITS


_POWERS = {10.0**k: k for k in range(0, 16)}


def arabic_value(s: str, factor: float = 1.0) -> float | None:
    """Value of an Arabic number with optional thousands commas, times `factor`, computed
    in decimal so that 2581.3 × 1e8 is 258130000000.0 exactly; None when unreadable.

    >>> arabic_value("2581.3", 1e8)
    258130000000.0
    """
    digits = s.replace(",", "")
    if len(digits) > _MAX_DIGITS:
        return None  # no indicator is written with this many digits: not a quantity
    exp = _POWERS.get(factor)
    if exp is not None:
        # 1e4, 1e8…: float() of "2581.3e8" rounds the exact decimal once, as Decimal would,
        # at a tenth of the cost
        try:
            return float(f"{digits}e{exp}")
        except ValueError:
            return None
    try:
        v = float(Decimal(digits) * Decimal(repr(factor)))
    except (ArithmeticError, ValueError):  # InvalidOperation, Overflow
        return None
    return v if math.isfinite(v) else None


@lru_cache(maxsize=4096)
def chinese_value(s: str) -> float | None:
    """Value of a Chinese numeral, or None when it is not one (or not a well-formed one)."""
    if not s or any(c not in CN_CHARS for c in s):
        return None
    t = s.replace("〇", "零").replace("○", "零").replace("两", "二")
    if t[0] in "百千万亿":
        t = "一" + t  # 千亿 → 一千亿: cn2an wants a leading digit
    try:
        v = float(cn2an.cn2an(t, "strict" if len(t) > 1 else "smart"))
    except (ValueError, KeyError, IndexError, TypeError):
        return None
    return v if math.isfinite(v) else None
