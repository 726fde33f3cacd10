"""Mentions as the report writes them (RECORDS.md: "the subject as written"): traditional
characters and pinyin kept, a PDF's spaces left out, made-up words in the source's script."""

import pytest

from govreport import extract

CASES = [
    # passage, value, mention as written
    ("今年全市地區生產(chǎn)總值(zhí)增長7.5%左右。", 7.5, "地區生產(chǎn)總值(zhí)"),
    ("固定資產(chǎn)投資增長9%左右。", 9, "固定資產(chǎn)投資"),
    ("城(chéng)鄉(xiāng)居民人均可支配收入分別增長8%和8.5%。", 8.5, "農村居民人均可支配收入"),  # made up: in the source's script
    ("规模工业 增加值增 长 10.5%。", 10.5, "规模工业增加值"),  # a PDF's spaces left out
    ("天元区 GDP 增长 4.0%。", 4.0, "GDP"),  # (天元区 is the region, in a report of 株洲市)
    ("全市地区生产总值增长6.5%。", 6.5, "地区生产总值"),  # simplified text: as read
    ("新建５Ｇ基站１２００个。", 1200, "新建５Ｇ基站"),  # full-width as written
]


@pytest.mark.parametrize("passage,value,mention", CASES)
def test_mention_as_written(passage, value, mention):
    hits = [r for r in extract(passage, region="株洲市", year=2022) if r.value == pytest.approx(value)]
    assert hits, [(r.value, r.mention) for r in extract(passage, region="某市", year=2022)]
    assert hits[0].mention == mention


def test_unit_as_written():
    r = extract("城鎮新增就業3.2萬人(rén),", region="株洲市", year=2022)[0]
    assert (r.raw_unit, r.unit, r.value) == ("萬人", "person", 32000.0)


def test_made_up_words_follow_the_script_of_their_sentence():
    """A simplified sentence in a file that has traditional ones elsewhere stays simplified."""
    records = extract("經濟增長5%。城乡居民人均可支配收入分别增 长8%和8.5%。", region="株洲市", year=2022)
    assert [r.mention for r in records][1:] == ["城镇居民人均可支配收入", "农村居民人均可支配收入"]
    assert records[0].raw_unit == "%" and extract("增长７．５％。", region="株洲市", year=2022)[0].raw_unit == "%"


def test_indicator_code_is_read_on_the_clean_mention():
    r = extract("今年全市地區生產(chǎn)總值(zhí)增長7.5%左右。", region="某市", year=2022)[0]
    assert r.indicator == "gdp"
