"""A mention as the report writes it (RECORDS.md: "the subject as written").

Mentions are read on the clean text (simplified, without pinyin or a PDF's spaces). Where
the source is written otherwise, each stretch of the mention that the sentence holds is
given back as the source writes it there, pinyin and traditional characters included, a
PDF's spaces left out (社(shè)會消費品零售總額, 规模工业增加值 from 规模工业 增加值). What the
reading made up (城镇 and 农村 of a 城乡 subject) is turned to traditional characters when
the source was traditional (城鎮居民人均可支配收入).

>>> from govreport.text.normalize import normalize
>>> n = normalize("城(chéng)鄉(xiāng)居民人均可支配收入分別增長8%和8%以上")
>>> as_written(n, "城镇居民人均可支配收入", 0, len(n.text), 16, traditional=True)
'城鎮居民人均可支配收入'
>>> as_written(n, "居民人均可支配收入", 0, len(n.text), 16, traditional=True)
'居民人均可支配收入'
"""

from __future__ import annotations

from ..text.normalize import PINYIN, Normalized, fold_width, to_traditional

_SHORTEST = 2  # a stretch of one character is too common to say where the mention is
_LONGEST = 80  # longer mentions are lists of names, given as read
# A subject is read at most SUBJECT_SPAN (160) before its number and _AFTER_SPAN (80) after
# it; its stretches are looked for in a window a little wider.
_REACH = 400


def as_written(norm: Normalized, mention: str, s: int, e: int, pos: int, traditional: bool) -> str:
    """`mention`, read in the clean sentence text[s:e] about the number at `pos`, as the
    source writes it; made-up characters in traditional script when the sentence is."""
    text = norm.text
    if len(mention) > _LONGEST:
        return mention  # an endless list: as read (each stretch would cost a scan of its window)
    out: list[str] = []
    i = 0
    while i < len(mention):
        j, at = _longest_stretch(text, mention, i, s, e, pos)
        if at < 0:
            c = mention[i]
            out.append(to_traditional(c) if traditional else c)
            i += 1
            continue
        src_s, src_e = norm.quote(at, at + j - i)  # (with the pinyin of its last character)
        piece = norm.source[src_s:src_e]
        out.append("".join(piece.split()))  # (the source's PDF spaces go)
        i = j
    return "".join(out)


def unit_as_written(norm: Normalized, raw: str, start: int, end: int) -> str:
    """The unit `raw` of the number at clean text[start:end] as the source writes it, without
    pinyin or spaces (3.2萬人(rén) → 萬人).

    >>> from govreport.text.normalize import normalize
    >>> n = normalize("城鎮新增就業3.2萬人(rén)")
    >>> unit_as_written(n, "万人", 6, 11)
    '萬人'
    """
    at = norm.text.rfind(raw, start, end) if raw else -1
    if at < 0:
        return raw
    src_s, src_e = norm.span(at, at + len(raw))
    piece = norm.source[src_s:src_e]
    if "(" in piece or "（" in piece:
        piece = PINYIN.sub("", piece)
    return fold_width("".join(piece.split()))  # ％ is %: the units of RECORDS.md are half-width


def _longest_stretch(text: str, mention: str, i: int, s: int, e: int, pos: int) -> tuple[int, int]:
    """The longest mention[i:j] (at least _SHORTEST long) that the sentence holds near the
    number, and where: the last place before the number, else the first after; (i, -1)
    when none. Grown a character at a time: a stretch costs one scan of the window for
    each of its characters, and a mention at most _LONGEST of them."""
    lo, hi = max(s, pos - _REACH), min(e, pos + _REACH)

    def where(j: int) -> int:
        at = text.rfind(mention[i:j], lo, pos)
        return at if at >= 0 else text.find(mention[i:j], pos, hi)

    j = i + _SHORTEST
    at = where(j) if j <= len(mention) else -1
    if at < 0:
        return i, -1
    while j < len(mention) and (longer := where(j + 1)) >= 0:
        j, at = j + 1, longer
    return j, at

