"""normalize: the defects of scraped and PDF text, with the map back to the source."""

import pytest

from govreport import InputError, normalize

CASES = [
    # source, clean text
    ("經(jīng)濟總量", "经济总量"),  # pinyin after a Han character, traditional → simplified
    ("增(zēng)長(zhǎng)8%", "增长8%"),
    ("控(kòng)製在(zài)3%左右", "控制在3%左右"),
    ("增 长 10.5%", "增长10.5%"),  # PDF spaces inside words
    ("96%以 上", "96%以上"),  # … and inside a qualifier
    ("3. 1 万平米", "3.1万平米"),  # … and inside a number
    ("突破6 万户", "突破6万户"),
    ("７．５％", "7.5%"),  # full-width digits
    ("GDP 增长 7.5%左右", "GDP 增长7.5%左右"),  # a space after a Latin word is a separator
    ("Hello world", "Hello world"),  # real separators stay
    ("上一页 1 2 3 下一页", "上一页1 2 3下一页"),  # two numbers side by side stay apart
    ("一、过去五年工作回顾\n过去五年,", "一、过去五年工作回顾\n过去五年,"),  # a heading's line break stays
    # a line break inside a long line of running text is the PDF's, not the author's
    ("高效落实稳经济一揽子政策措施,天元区规模工业增加值增\n长 10.5%", "高效落实稳经济一揽子政策措施,天元区规模工业增加值增长10.5%"),
    # … inside a number too, however the line fell
    ("全年一般公共预算收入完成29.6亿元,同比增长12.4%,其中税收收入完成2\n1.3亿元", "全年一般公共预算收入完成29.6亿元,同比增长12.4%,其中税收收入完成21.3亿元"),
    ("全年新建改造农村公路210公里,新建改造通信基站1300个,其中5\nG基站860个", "全年新建改造农村公路210公里,新建改造通信基站1300个,其中5G基站860个"),
    # but a number at a line's start with 、 or . after it opens a new item
    ("全年新建改造农村公路210公里,新建改造通信基站达到1300\n2.加快产业转型", "全年新建改造农村公路210公里,新建改造通信基站达到1300\n2.加快产业转型"),
    # after a clause's ；the wrap joins; after a full stop, or before （二）, the break stays
    ("预计全年全市地区生产总值完成1580亿元,增长7.6%；\n规上工业增加值增长9%。", "预计全年全市地区生产总值完成1580亿元,增长7.6%;规上工业增加值增长9%。"),  # (；folds to ;)
    ("预计全年全市地区生产总值完成1580亿元,增长7.6%。\n规上工业增加值增长9%。", "预计全年全市地区生产总值完成1580亿元,增长7.6%。\n规上工业增加值增长9%。"),
    ("预计全年全市地区生产总值完成1580亿元,增长7.6%；\n（二）规上工业", "预计全年全市地区生产总值完成1580亿元,增长7.6%;\n(二)规上工业"),
    ("增 长 １０．５％", "增长10.5%"),  # full-width digits with PDF spaces
    ("三次产业结构调整为15.2∶ 38.6∶46.2", "三次产业结构调整为15.2∶38.6∶46.2"),  # the ratio colon
    ("地区生\u200b产总值增长\u200b7.5%\ufeff左右", "地区生产总值增长7.5%左右"),  # zero-width characters
    ("生产总\u00ad值", "生产总值"),  # a soft hyphen
    ("城镇化率(%)", "城镇化率(%)"),  # brackets that are not pinyin stay
    ("", ""),
]


@pytest.mark.parametrize("source,clean", CASES)
def test_clean_text(source, clean):
    assert normalize(source).text == clean


@pytest.mark.parametrize("source,clean", CASES)
def test_every_clean_character_maps_back(source, clean):
    n = normalize(source)
    for i, c in enumerate(n.text):
        j = n.to_source(i)
        # the source character is the same one, or its traditional / full-width form
        assert normalize(source[j]).text == c or source[j] == c


def test_span_maps_to_the_source_slice():
    src = "地區生產(chǎn)總值增 長７．５％左右"
    n = normalize(src)
    i = n.text.index("增长")
    s, e = n.span(i, len(n.text))
    assert src[s:e] == "增 長７．５％左右"


@pytest.mark.parametrize("bad", [None, 12, b"bytes", ["list"]])
def test_not_text_is_a_typed_error(bad):
    with pytest.raises(InputError):
        normalize(bad)
