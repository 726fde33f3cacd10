"""Clean report text as it comes from the web and from PDFs, keeping a map back.

Three kinds of edit, in one pass each:

* deletions: pinyin after a Han character (經(jīng)濟 → 經濟), whitespace that a PDF
  put inside words and numbers (增 长 10.5% → 增长10.5%, 96%以 上 → 96%以上), and the
  invisible characters of web pages (zero-width spaces, soft hyphens);
* one-for-one substitutions: NFKC width folding (７．５％ → 7.5%) and traditional →
  simplified (OpenCC ``t2s``, which never changes the length of a text).

Only deletions move characters, so the map back is a short list of kept segments.

>>> n = normalize("地區生產(chǎn)總值增 長７．５％左右")
>>> n.text
'地区生产总值增长7.5%左右'
>>> s, e = n.span(6, 12)   # '增长7.5%' in the clean text
>>> n.source[s:e]
'增 長７．５％'
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from functools import lru_cache

import regex

from ..errors import InputError
from ..lexicon import is_common_han

# Pinyin as 20th-century web converters printed it: lower-case syllable with tone marks,
# in ASCII or full-width brackets, right after a Han character.
_PINYIN_CHARS = "a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüńňǹḿ"
_PINYIN = rf"(?<=\p{{Han}})[(（][{_PINYIN_CHARS}]{{1,7}}[)）]"
# Whitespace between two characters of running Chinese text or numbers.  Which runs to
# delete is decided in `_keep_space`, because it depends on both neighbours.
_SPACE = " \t\r\n\u3000\u00a0\u2002\u2003\u2009"
# Invisible format characters of web pages (zero-width spaces and joiners, a BOM inside
# the text, soft hyphens): never part of a word, always deleted.
_INVISIBLE = "\u200b\u200c\u200d\u2060\ufeff\u00ad"
PINYIN = regex.compile(_PINYIN)  # pinyin in brackets after a Han character
# (a run of spaces and invisible characters is one run: 增 \u200b 长)
_DELETABLE = regex.compile(rf"{_PINYIN}|[{_SPACE}{_INVISIBLE}]+")

# Characters of running Chinese text and numbers, between which a space is a PDF's
# (with the full-width digits and signs that are folded later, and the ratio colon ∶)
_TIGHT_CHARS = "0123456789０１２３４５６７８９%％.．,，、。；：;:∶×“”‘’《》（）()-—~～/"
_TIGHT_MARKS = frozenset(_TIGHT_CHARS)
_TIGHT = regex.compile("[\\p{Han}" + regex.escape(_TIGHT_CHARS) + "]")


def _tight(c: str) -> bool:
    """`_TIGHT.match(c)`, with the usual characters answered without the engine."""
    if c in _TIGHT_MARKS or is_common_han(c):
        return True
    return c >= "\u2e80" and _TIGHT.match(c) is not None


# A line that starts with a list number (2.加快…, （三）…, 四、…) is a new item, not the rest
# of a number or of a clause.
_LIST_ITEM = re.compile(
    r"[0-9０-９]{1,2}[.．、)）](?![ 　]{0,3}[0-9０-９])|[（(][一二三四五六七八九十0-9]{1,3}[)）]|[一二三四五六七八九十]{1,3}、"
)
_SENTENCE_END = set("。！？!?")


def _fold_table() -> dict[int, str]:
    """NFKC width folding restricted to one-for-one changes (offsets stay put).

    The full-width comma stays: folded to ',' it would read as a thousands separator.
    """
    table: dict[int, str] = {}
    for cp in list(range(0xFF01, 0xFF5F)) + [0x3000]:
        folded = unicodedata.normalize("NFKC", chr(cp))
        if len(folded) == 1 and cp != 0xFF0C:
            table[cp] = folded
    # Lone surrogates (from broken decoding) cannot be encoded: one replacement char each.
    table.update({cp: "\ufffd" for cp in range(0xD800, 0xE000)})
    return table


_FOLD = _fold_table()
_FOLDABLE = re.compile("[" + re.escape("".join(map(chr, _FOLD))) + "]")


@lru_cache(maxsize=1)
def _converter():
    import opencc  # imported lazily: most texts are already simplified

    return opencc.OpenCC("t2s")


@lru_cache(maxsize=1)
def _traditional() -> re.Pattern:
    """A class of every character that t2s changes on its own (4,000-odd), built once
    from the converter itself: a scan for them is far cheaper than converting a text that
    is simplified already, as most reports are."""
    chars = [chr(c) for r in ((0x3400, 0x4DC0), (0x4E00, 0xA000), (0xF900, 0xFB00)) for c in range(*r)]
    converted = _converter().convert("\n".join(chars)).split("\n")
    changed = [c for c, d in zip(chars, converted) if c != d] if len(converted) == len(chars) else chars
    return re.compile("[" + re.escape("".join(changed)) + "]")


@lru_cache(maxsize=1)
def _to_traditional():
    """OpenCC's character table only (data/s2t_characters.json): its phrase table costs
    23 MiB, and only single characters are ever turned."""
    from importlib import resources

    import opencc

    with resources.as_file(resources.files("govreport.data").joinpath("s2t_characters.json")) as path:
        return opencc.OpenCC(str(path))


def fold_width(text: str) -> str:
    """Full-width letters, digits and signs as half-width ones (the comma excepted).

    >>> fold_width("７．５％")
    '7.5%'
    """
    return text.translate(_FOLD) if _FOLDABLE.search(text) else text


def has_traditional(text: str) -> bool:
    """Does `text` hold a character that t2s would change?

    >>> has_traditional("經濟總量"), has_traditional("经济总量")
    (True, False)
    """
    return not text.isascii() and _traditional().search(text) is not None


def to_traditional(char: str) -> str:
    """The traditional form of one simplified character (itself when it has none).

    >>> to_traditional("镇"), to_traditional("人")
    ('鎮', '人')
    """
    out = _to_traditional().convert(char)
    return out if len(out) == len(char) else char


def to_simplified(text: str) -> str:
    """Traditional → simplified, guaranteed to keep the length of `text`.

    >>> to_simplified("經濟總量")
    '经济总量'
    """
    out = _converter().convert(text)
    if len(out) == len(text):
        return out
    # A phrase rule changed the length (not seen with t2s, but the offset map relies
    # on it): convert character by character instead.
    conv = _converter().convert
    return "".join(c if len(d := conv(c)) != 1 else d for c in text)


@dataclass(frozen=True)
class Normalized:
    """Clean text plus the map from its offsets back to the source string."""

    source: str
    text: str
    # Kept segments: clean offset seg_clean[i] corresponds to source offset seg_src[i],
    # and the following characters correspond one for one until the next segment.
    seg_clean: list[int] = field(repr=False)
    seg_src: list[int] = field(repr=False)
    converted: bool = False  # traditional characters were made simplified
    folded: bool = False  # full-width characters were made half-width

    def verbatim(self, start: int, end: int) -> bool:
        """Is the clean text[start:end] the source's own, character for character?

        >>> n = normalize("增长5%。增 长6%。")
        >>> n.verbatim(0, 5), n.verbatim(5, 10)
        (True, False)
        """
        if self.converted or self.folded:
            src_s, src_e = self.span(start, end)
            return self.source[src_s:src_e] == self.text[start:end]
        return bisect_right(self.seg_clean, start) == bisect_left(self.seg_clean, end)  # no deletion inside

    def to_source(self, i: int) -> int:
        """Source offset of the clean character at `i` (``len(text)`` maps to the end)."""
        if i >= len(self.text):
            return len(self.source)
        k = bisect_right(self.seg_clean, i) - 1
        return self.seg_src[k] + (i - self.seg_clean[k])

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Half-open source span of the clean span [start, end)."""
        if end <= start:
            s = self.to_source(start)
            return s, s
        return self.to_source(start), self.to_source(end - 1) + 1

    def quote(self, start: int, end: int) -> tuple[int, int]:
        """`span`, with the pinyin of its last character when the source has it
        (增長6%以上(shàng), not 以上): a quote takes the word as written.

        >>> n = normalize("收入增長6%以上(shàng),")
        >>> s, e = n.quote(2, 8)
        >>> n.source[s:e]
        '增長6%以上(shàng)'
        """
        s, e = self.span(start, end)
        if e < len(self.source) and self.source[e] in "(（" and end > start:
            m = PINYIN.match(self.source, e)
            if m and (end >= len(self.text) or self.to_source(end) >= m.end()):
                e = m.end()
        return s, e


def _keep_space(text: str, start: int, end: int) -> bool:
    """Is the whitespace run text[start:end] a real separator?"""
    if start == 0 or end >= len(text):
        return True
    left, right = text[start - 1], text[end]
    tight_left, tight_right = _tight(left), _tight(right)
    if not (tight_left or tight_right):
        return True  # Latin words, or a line of site chrome: keep
    digits = left.isdigit() and right.isdigit()
    if "\n" in text[start:end]:
        if left in _SENTENCE_END or _LIST_ITEM.match(text, end):
            return True
        # A short line without a full stop is a heading or a title, not a PDF line break;
        # a long one was wrapped, inside a word or a number (2965\n0亿元, 5\nG基站), or
        # after a clause (增长7.6%；\n规上…) alike.
        line_start = text.rfind("\n", 0, start) + 1
        return start - line_start < 25
    if not (tight_left and tight_right):
        return True  # 天元区 GDP: a space beside a Latin word is the writer's
    return digits  # two numbers side by side on a line ("1 2 3 下一页") stay apart


def normalize(text: str) -> Normalized:
    """Clean `text` and keep the map back to it.

    >>> normalize("96%以 上").text
    '96%以上'
    >>> normalize("3. 1 万平米").text
    '3.1万平米'
    >>> normalize("Hello world").text
    'Hello world'
    """
    if not isinstance(text, str):
        raise InputError(f"normalize() takes str, not {type(text).__name__}")
    pieces: list[str] = []
    seg_clean: list[int] = [0]
    seg_src: list[int] = [0]
    pos = 0
    clean_len = 0
    for m in _DELETABLE.finditer(text):
        s, e = m.span()
        if text[s] not in "(（" and m.group().strip(_INVISIBLE) and _keep_space(text, s, e):
            # (pinyin, and a run of invisible characters only, always go)
            continue
        pieces.append(text[pos:s])
        clean_len += s - pos
        pos = e
        seg_clean.append(clean_len)
        seg_src.append(e)
    pieces.append(text[pos:])
    clean = "".join(pieces)
    unfolded = clean
    clean = fold_width(clean)  # (rare in report text: a scan is 20 times cheaper than translate)
    folded = clean is not unfolded
    converted = has_traditional(clean)
    if converted:
        clean = to_simplified(clean)
    return Normalized(text, clean, seg_clean, seg_src, converted, folded)

