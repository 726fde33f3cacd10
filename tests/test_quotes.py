"""The text a record quotes: the shortest clause of the source that carries its number
(RECORDS.md), cut at a 、 between numbers with words of their own, without an opening
enumeration (三是) or the spaces at its ends, and with the pinyin of its last character."""

import pytest

from govreport import extract

CASES = [
    # passage, value of the record, the text it quotes
    ("2021年,全市生猪达到239万头,增长5%。", 2390000, "全市生猪达到239万头"),  # scope words are quoted
    ("2021年,全市生猪达到239万头,增长5%。", 5, "增长5%"),
    ("三是新建学校12所,改造提升医院3家。", 12, "新建学校12所"),  # not the enumeration
    ("4.改造农村危房600户。", 600, "改造农村危房600户"),  # nor a list number
    ("（3）新增企业5家。", 5, "新增企业5家"),
    ("教师比例由10%提高到20%、骨干教师比例由20%提高到50%。", 10, "教师比例由10%提高到20%"),  # the item that holds both
    ("创建3个“美丽乡村、文明村镇”示范点,新增企业5家、个转企480家。", 3, "创建3个“美丽乡村、文明村镇”示范点"),  # not inside quotes
    ("三次产业比例由1:40.6:58.4调整为0.9:33.2:65.9。", 65.9, "三次产业比例由1:40.6:58.4调整为0.9:33.2:65.9"),  # a ratio's colons
    ("全年新增规上企业179家、个转企480家。", 179, "全年新增规上企业179家"),
    ("全年新增规上企业179家、个转企480家。", 480, "个转企480家"),  # cut at the 、
    ("如期实现5个县(市、区)全部摘帽。", 5, "如期实现5个县(市、区)全部摘帽"),  # not inside brackets
    ("城乡居民人均可支配收入分别增长8%、10%左右。", 10, "城乡居民人均可支配收入分别增长8%、10%左右"),  # a list shares it
    ("派出300名干部深入2108家企业,解决问题800余个。", 2108, "派出300名干部深入2108家企业"),  # no 、: shared
    ("一般公共預算收入增長6%以上(shàng),", 6, "一般公共預算收入增長6%以上(shàng)"),  # pinyin of the last word
    ("投资增长9%, \u3000地区生产总值增长 6.5% ,", 6.5, "地区生产总值增长 6.5%"),  # no spaces at the ends
]


@pytest.mark.parametrize("passage,value,quote", CASES)
def test_quote(passage, value, quote):
    records = [r for r in extract(passage, region="某市", year=2022) if r.value == value]
    assert len(records) == 1, [(r.value, r.text) for r in extract(passage, region="某市", year=2022)]
    r = records[0]
    assert passage[r.start : r.end] == r.text
    assert r.text == quote
