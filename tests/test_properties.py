"""Hypothesis properties: numbers written any way parse back; normalize and
find_quantities never raise, keep their offset maps monotone and their spans exact."""

import cn2an
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from govreport import find_quantities, normalize

MAGNITUDES = {"": 1, "万": 1e4, "亿": 1e8}
UNITS = {"元": "CNY", "人": "person", "吨": "t", "亩": "mu", "家": "count", "千瓦": "kW", "户": "household"}

# Chinese-heavy text with the characters that matter here: numerals, units, qualifiers,
# brackets of pinyin, PDF spaces, full-width digits.
ALPHABET = st.sampled_from(
    list("增长下降约近超过以上左右以内万亿千百十一二两三五〇○点%％．.,，、。 \n\t()（）0123456789０１２５")
    + list("经濟產值元人吨亩家分别控制在突破年月日第“”《》—-~至到倍番成半")
    + ["(jīng)", "(zhǎng)", "\u3000", "个百分点", "增 长", "以 上"]
)
TEXT = st.lists(ALPHABET, max_size=60).map("".join)


@settings(max_examples=200, deadline=None)
@given(
    n=st.integers(min_value=1, max_value=99999),
    frac=st.sampled_from(["", ".5", ".25", ".8"]),
    mag=st.sampled_from(sorted(MAGNITUDES)),
    unit=st.sampled_from(sorted(UNITS)),
    chinese=st.booleans(),
)
def test_numbers_parse_back(n, frac, mag, unit, chinese):
    # By design, 一 alone before a classifier (一个, 一批) is an article, and a numeral of
    # magnitudes only (十万亩, 千万头) is a slogan (千亩园区, 千万头肉牛工程), not a count.
    spelled = cn2an.an2cn(int(n * MAGNITUDES[mag])) if chinese else ""
    assume(not (chinese and (spelled == "一" or (len(spelled) > 1 and set(spelled) <= set("一十百千万亿")))))
    want = float(f"{n}{frac}") * MAGNITUDES[mag]
    if chinese:
        # Chinese numerals carry their own magnitude (一亿二千三百四十五万), and reports
        # write no Chinese decimals: the whole value is spelled out.
        want = float(n * MAGNITUDES[mag])
        text = f"投资{cn2an.an2cn(int(want))}{unit}"
    else:
        text = f"投资{n}{frac}{mag}{unit}"
    qs = find_quantities(text)
    assert len(qs) == 1, (text, qs)
    assert abs(qs[0].value - want) <= 1e-6 * max(1.0, want), (text, qs[0].value, want)
    assert qs[0].unit == UNITS[unit]


@settings(max_examples=300, deadline=None)
@given(TEXT)
def test_normalize_never_raises_and_maps_back(text):
    n = normalize(text)
    assert len(n.text) <= len(text)
    last = -1
    for i in range(len(n.text)):
        j = n.to_source(i)
        assert j > last  # monotone
        assert 0 <= j < len(text)
        last = j


@settings(max_examples=300, deadline=None)
@given(TEXT)
def test_find_quantities_spans_are_exact(text):
    for q in find_quantities(text):
        assert text[q.start : q.end] == q.text
        assert q.value is None or abs(q.value) < float("inf")


@given(st.text(alphabet="增长5%,，。;：\n其中工业" , max_size=300), st.data())
def test_clause_start_is_the_last_boundary(text, data):
    """The chunked reverse scan finds what a plain walk back finds."""
    from govreport.text.segment import CLAUSE_BOUNDARY, clause_start

    pos = data.draw(st.integers(0, len(text)))
    floor = data.draw(st.integers(0, pos))
    i = pos
    while i > floor and text[i - 1] not in CLAUSE_BOUNDARY:
        i -= 1
    assert clause_start(text, pos, floor) == i


@given(st.text(alphabet="增长5%,，。;：\n其中工业", max_size=300), st.data())
def test_clauses_index_agrees_with_the_scans(text, data):
    """A sentence's clause index answers as `clause_start` and `clause_end` do, inside and
    outside it."""
    from govreport.text.segment import Clauses, clause_end, clause_start

    lo = data.draw(st.integers(0, len(text)))
    hi = data.draw(st.integers(lo, len(text)))
    pos, floor, ceil = (data.draw(st.integers(0, len(text))) for _ in range(3))
    index = Clauses(text, lo, hi)
    assert index.start(pos, floor) == clause_start(text, pos, floor)
    assert index.end(pos, ceil) == clause_end(text, pos, ceil)


@given(st.from_regex(r"\A[0-9]{1,12}(\.[0-9]{1,6})?\Z"), st.integers(0, 15))
def test_arabic_value_scales_exactly(digits, k):
    """The fast path for powers of ten rounds once, exactly as decimal arithmetic does."""
    from decimal import Decimal

    from govreport.quantities.numerals import arabic_value

    assert arabic_value(digits, 10.0**k) == float(Decimal(digits) * Decimal(repr(10.0**k)))
