"""Tests of govreport.text.reports: decoding, splitting a scraped page into reports,
and reading each report's header."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import pytest

from govreport.errors import DecodeError, GovreportError, InputError
from govreport.models import Level
from govreport.text.reports import decode, read_reports_raw, report_meta, split_reports

CORPUS = Path(__file__).parents[2] / "shared" / "corpus"

# --------------------------------------------------------------------------- synthetic pages

BODY_A = "现在,我代表市人民政府,向大会报告工作,请予审议,并请市政协委员提出意见。一、2021年工作回顾。地区生产总值增长6.5%。"
BODY_B = "现在,我代表区人民政府向大会报告工作,请予审议。一、过去一年工作回顾。全区一般公共预算收入增长8%。"
BODY_C = "2018年工作回顾一年来,在县委、县政府和镇党委的坚强领导下,全镇上下团结拼搏,实现生产总值26.1亿元,增长7%。"

# Site A: title line, then the title repeated at the start of one long content line; a
# bare date and a dash between reports; footer links at the end.
PAGE_A = (
    "-\n"
    "2022年宁德市政府工作报告\n"
    f"2022年宁德市政府工作报告2022年1月11日在宁德市第七届人民代表大会第一次会议上宁德市代市长 张三各位代表:{BODY_A}\n"
    "2025-07-02\n"
    "-\n"
    "2022年东丽区政府工作报告\n"
    f"政府工作报告2021年12月12日在东丽区第十八届人民代表大会第一次会议上区长 李四各位代表:{BODY_B}\n"
    "2025-07-02\n"
    "-\n"
    "2022年蓟州区政府工作报告\n"
    f"2021年12月12日在天津市蓟州区第二届人民代表大会第一次会议上代区长王五各位代表:{BODY_B}\n"
    "2025-07-02\n"
    "有想补充的信息?点我投稿\n\n- 联系我们\n- 企业入驻\n"
)

# Site B: bulleted titles with a site tag, blank lines, indented content; one report
# opens straight with its review (no date line, no 各位代表).
PAGE_B = (
    "• 【青岛招商】青岛市政府工作报告\n\n"
    f"    二○二一年一月十二日在青岛市第十六届人民代表大会第五次会议上 \xa0\xa0青岛市代市长赵豪志 各位代表: {BODY_A}\n\n"
    "    2025-07-08\n\n"
    "  • 【滕州市招商】2019年南站镇政府工作报告\n\n"
    f"    {BODY_C}\n\n"
    "    2025-07-08\n\n"
    "  • 【兰陵县招商】2019年兰陵镇政府工作报告\n\n"
    f"    兰陵镇2019年政府工作报告—2019年3月23日在兰陵镇第十六届人民代表大会第五次会议上各位代表:{BODY_C}\n\n"
    "    2025-07-08\n\n"
    "有想补充的信息?点我投稿\n\n共 507 页\n\n"
    "1.产业园区网现征集招商资讯、经典招商方案、政策解读、产业经济分析等稿件。欢迎全国招商机构、专家学者等投稿。\n"
)

# Site C: a PDF as text, one short line per line, spaced-out headings.
PAGE_C = (
    "2023年株洲市天元区政府工作报告—全文\n"
    "政 府 工 作 报 告\n"
    "——2023 年 1 月 9 日在株洲市天元区第六届人民代表大会 第三次会议上\n"
    "株洲市天元区人民政府区长 何柢\n"
    "各位代表:\n"
    "现在,我代表区人民政府, 向大会作政府工作报告,请予审议, 并请各位政协委员提出意见。\n"
    "一、攻坚克难,2022 年成绩来之不易\n"
    "2022 年是极不寻常、极不平凡、极其难忘的一年。天元区 GDP 增长 4.0% 。\n"
)

# Site D: a title, a download button, then the title again with the opening.
PAGE_D = (
    "购物车\n我的足迹\n\n"
    "近五年白城市政府工作报告(20220111)\n\n"
    "加入Vip免费下载 立即下载\n"
    f"近五年白城市政府工作报告 ——2022年1月11日在白城市第七届 人民代表大会第一次会议上 白城市市长:李洪慈 各位代表: {BODY_A}\n"
)

# Site E: a fragment without title, traditional characters with pinyin, pagination.
PAGE_E = (
    "  各位代表!事業成之惟艱,成績來之不易。我代表市人(rén)民政府,向全市人民致以崇高敬意。\n"
    "三、2022年重點工作安排\n"
    "今年全市地區生產(chǎn)總值增長7.5%左右,忻州經濟穩中向好,忻州人民安居樂業,建設忻州市新局麵。\n"
    "上一頁 [1] [2] [3] 下(xià)一頁\n"
    "文章來(lái)源(yuán)於:http://www.example.com\n"
    "網站內容來源於網絡,其真實性與本站無關\n"
)

# Chrome with report titles in it: a related-reading list is not a report.
RELATED = (
    "相关阅读\n"
    "2021年甲市政府工作报告\n"
    "2020年甲市政府工作报告\n"
    "版权所有 © 2025 某某网\n"
)


def _first_line(text: str) -> str:
    return text.split("\n", 1)[0]


@pytest.mark.parametrize(
    ("page", "titles", "last_words"),
    [
        (
            PAGE_A,
            ["2022年宁德市政府工作报告", "2022年东丽区政府工作报告", "2022年蓟州区政府工作报告"],
            ["增长6.5%。", "增长8%。", "增长8%。"],
        ),
        (
            PAGE_B,
            [
                "• 【青岛招商】青岛市政府工作报告",
                "• 【滕州市招商】2019年南站镇政府工作报告",
                "• 【兰陵县招商】2019年兰陵镇政府工作报告",
            ],
            ["增长6.5%。", "增长7%。", "增长7%。"],
        ),
        (PAGE_C, ["2023年株洲市天元区政府工作报告—全文"], ["增长 4.0% 。"]),
        (PAGE_D, ["近五年白城市政府工作报告(20220111)"], ["增长6.5%。"]),
        (PAGE_E, ["各位代表!事業成之惟艱,成績來之不易。我代表市人(rén)民政府,向全市人民致以崇高敬意。"], ["新局麵。"]),
        (RELATED, ["相关阅读"], ["某某网"]),  # no real title: the whole text
        (RELATED + PAGE_A, ["2022年宁德市政府工作报告"] + ["2022年东丽区政府工作报告", "2022年蓟州区政府工作报告"], ["增长6.5%。", "增长8%。", "增长8%。"]),
        ("  单独一行文字  \n", ["单独一行文字"], ["单独一行文字"]),
        ("", [], []),
        (" \n\t\n ", [], []),
    ],
)
def test_split(page: str, titles: list[str], last_words: list[str]) -> None:
    spans = split_reports(page)
    assert [_first_line(page[s:e]) for s, e in spans] == titles
    for (s, e), words in zip(spans, last_words):
        assert page[s:e].endswith(words)
    # Spans are ordered, disjoint, stripped and free of footer chrome.
    ends = [0] + [x for span in spans for x in span] + [len(page)]
    assert ends == sorted(ends)
    for s, e in spans:
        piece = page[s:e]
        assert piece == piece.strip()
        assert "2025-07" not in piece and "投稿" not in piece and "下一页" not in piece


def test_split_keeps_report_text_exact() -> None:
    """A mention of 政府工作报告 inside the body does not start a new report, and the
    spans index the original text (CRLF included)."""
    page = PAGE_C.replace("\n", "\r\n")
    [(s, e)] = split_reports(page)
    assert page[s:e].startswith("2023年株洲市天元区") and page[s:e].endswith("4.0% 。")


def test_split_rejects_non_str() -> None:
    with pytest.raises(InputError):
        split_reports(b"bytes")  # type: ignore[arg-type]


# --------------------------------------------------------------------------- metadata


def _report(title: str, date_line: str, speaker_line: str, body: str = BODY_A) -> str:
    return "\n".join(x for x in (title, date_line, speaker_line, "各位代表:", body) if x)


META_CASES = [
    # title, date line, speaker line -> region, level, year, date, speaker, office
    (("2022年咸阳市政府工作报告", "——2022年3月28日在咸阳市第九届人民代表大会第一次会议上", "咸阳市代市长 冷劲松"),
     ("咸阳市", Level.PREFECTURE, 2022, dt.date(2022, 3, 28), "冷劲松", "代市长")),
    (("青岛市政府工作报告", "二○二一年一月十二日在青岛市第十六届人民代表大会第五次会议上", "青岛市代市长赵豪志"),
     ("青岛市", Level.PREFECTURE, 2021, dt.date(2021, 1, 12), "赵豪志", "代市长")),
    (("近五年白城市政府工作报告(20220111)", "", "白城市市长:李洪慈"),
     ("白城市", Level.PREFECTURE, 2022, dt.date(2022, 1, 11), "李洪慈", "市长")),
    (("2023年株洲市天元区政府工作报告", "——2023 年 1 月 9 日在株洲市天元区第六届人民代表大会 第三次会议上", "株洲市天元区人民政府区长 何柢"),
     ("天元区", Level.DISTRICT, 2023, dt.date(2023, 1, 9), "何柢", "区长")),
    (("2022年东丽区政府工作报告", "——2021年12月12日在东丽区第十八届人民代表大会第一次会议上", "区长 贾堤"),
     ("东丽区", Level.DISTRICT, 2022, dt.date(2021, 12, 12), "贾堤", "区长")),
    (("政府工作报告", "——二〇二〇年十一月三十日在某县第九届人民代表大会第五次会议上", "代县长 钱七"),
     ("某县", Level.COUNTY, 2021, dt.date(2020, 11, 30), "钱七", "代县长")),
    (("2022年北京市政府工作报告", "——2022年1月6日在北京市第十五届人民代表大会第五次会议上", "北京市代市长 甲乙丙"),
     ("北京市", Level.PROVINCE, 2022, dt.date(2022, 1, 6), "甲乙丙", "代市长")),
    (("2022年河北省政府工作报告", "2022年1月17日在河北省第十三届人民代表大会第五次会议上", "河北省人民政府代省长王正谱"),
     ("河北省", Level.PROVINCE, 2022, dt.date(2022, 1, 17), "王正谱", "代省长")),
    (("2021年广西壮族自治区政府工作报告", "——2021年1月24日在广西壮族自治区第十三届人民代表大会第四次会议上", "自治区主席 蓝天立"),
     ("广西壮族自治区", Level.PROVINCE, 2021, dt.date(2021, 1, 24), "蓝天立", "主席")),
    (("2021年延边朝鲜族自治州政府工作报告", "——2021年1月20日在延边朝鲜族自治州第十五届人民代表大会第五次会议上", "州长 金某某"),
     ("延边朝鲜族自治州", Level.PREFECTURE, 2021, dt.date(2021, 1, 20), "金某某", "州长")),
    (("2021年锡林郭勒盟政府工作报告", "", "锡林郭勒盟盟长 乙丙"),
     ("锡林郭勒盟", Level.PREFECTURE, 2021, None, "乙丙", "盟长")),
    (("2021年达拉特旗政府工作报告", "——2021年2月1日在达拉特旗第十七届人民代表大会第五次会议上", "旗长 丙丁"),
     ("达拉特旗", Level.COUNTY, 2021, dt.date(2021, 2, 1), "丙丁", "旗长")),
    (("2019年垦利区胜坨镇政府工作报告", "2019年3月23日在胜坨镇第十三届人民代表大会第五次会议上", "盖红旗"),
     ("胜坨镇", Level.TOWN, 2019, dt.date(2019, 3, 23), "盖红旗", None)),
    (("2020年泰山街道政府工作报告", "", ""),
     ("泰山街道", Level.TOWN, 2020, None, None, None)),
    (("2022年滕州市政府工作报告", "", "滕州市市长 丁戊"),  # county-level city (县级市)
     ("滕州市", Level.COUNTY, 2022, None, "丁戊", "市长")),
    (("2022年厦门市政府工作报告", "二〇一九年一月九日在厦门市第十五届人民代表大会第三次会议上", "厦门市人民政府市长庄稼汉"),
     ("厦门市", Level.PREFECTURE, 2019, dt.date(2019, 1, 9), "庄稼汉", "市长")),  # the date wins over a site's title
    (("政府工作报告", "——2023年3月5日在第十四届全国人民代表大会第一次会议上", "国务院总理 李强"),
     ("全国", Level.NATIONAL, 2023, dt.date(2023, 3, 5), "李强", "总理")),
]


@pytest.mark.parametrize(("parts", "expected"), META_CASES, ids=[c[0][0] or c[0][1] for c in META_CASES])
def test_meta(parts: tuple[str, str, str], expected: tuple) -> None:
    meta = report_meta(_report(*parts))
    got = tuple(meta[k] for k in ("region", "level", "year", "date", "speaker", "office"))
    assert got == expected
    assert meta["title"] == parts[0]
    assert meta["level"] is None or isinstance(meta["level"], Level)


@pytest.mark.parametrize(
    ("text", "date"),
    [
        ("——2022年3月28日在某市第九届人民代表大会第一次会议上", dt.date(2022, 3, 28)),
        ("二○二一年一月十二日在某市第十六届人民代表大会第五次会议上", dt.date(2021, 1, 12)),
        ("（二〇一九年一月九日在某市第十五届人民代表大会第三次会议上）", dt.date(2019, 1, 9)),
        ("——二〇二〇年十二月三十一日在某市人民代表大会上", dt.date(2020, 12, 31)),
        ("——2023 年 1 月 9 日在某区第六届人民代表大会 第三次会议上", dt.date(2023, 1, 9)),
        ("——２０２２年１月１１日在某市人民代表大会上", dt.date(2022, 1, 11)),
        ("——2021年2月30日在某市人民代表大会上", None),  # no such day
        ("2018年工作回顾一年来,全镇上下团结拼搏。", None),  # not a delivery date
    ],
)
def test_date_forms(text: str, date: dt.date | None) -> None:
    assert report_meta("某市政府工作报告\n" + text + "\n各位代表:")["date"] == date


def test_compact_title_date() -> None:
    assert report_meta("近五年白城市政府工作报告(20220111)\n各位代表:")["date"] == dt.date(2022, 1, 11)


@pytest.mark.parametrize(
    ("text", "year"),
    [
        ("2020年姜屯镇政府工作报告\n各位代表:现在,我代表镇人民政府向大会报告工作。", 2020),
        ("某县政府工作报告\n——2021年12月20日在某县人民代表大会上\n各位代表:", 2022),
        ("某县政府工作报告\n——2022年1月5日在某县人民代表大会上\n各位代表:", 2022),
        ("各位代表!一、2021年工作回顾。二、2022年重点工作安排。", 2022),
        ("各位代表!一、2020年工作回顾。全年增长8%。", 2021),
        ("各位代表!", None),
    ],
)
def test_year(text: str, year: int | None) -> None:
    assert report_meta(text)["year"] == year


def test_meta_of_traditional_fragment_reads_body() -> None:
    [(s, e)] = split_reports(PAGE_E)
    meta = report_meta(PAGE_E[s:e])
    assert (meta["title"], meta["region"], meta["level"], meta["year"]) == ("", "忻州市", Level.PREFECTURE, 2022)
    assert (meta["date"], meta["speaker"], meta["office"]) == (None, None, None)


@pytest.mark.parametrize(
    "text",
    ["", "   ", "政府工作报告", "各位代表", "\x00\x01\x02", "年" * 5000, "市长" * 100,
     "政府工作报告\n——9999年99月99日在\n各位代表", "【】•\n——\n:\n", "二○二一年十十月三十三日在"],
)
def test_meta_never_raises(text: str) -> None:
    meta = report_meta(text)
    assert set(meta) == {"title", "region", "level", "year", "date", "speaker", "office"}
    assert isinstance(meta["title"], str) and isinstance(meta["region"], str)


def test_meta_rejects_non_str() -> None:
    with pytest.raises(InputError):
        report_meta(None)  # type: ignore[arg-type]


# --------------------------------------------------------------------------- decoding

SIMPLIFIED = "2022年某市政府工作报告\n各位代表：现在，我代表市人民政府，向大会报告工作，请予审议。地区生产总值增长6.5%。"
TRADITIONAL = "2022年某市政府工作報告\n各位代表：現在，我代表市人民政府，向大會報告工作，請予審議。地區生產總值增長6.5%。"


@pytest.mark.parametrize(
    ("data", "text"),
    [
        (SIMPLIFIED.encode("utf-8"), SIMPLIFIED),
        (SIMPLIFIED.encode("utf-8-sig"), SIMPLIFIED),
        (SIMPLIFIED.encode("gb18030"), SIMPLIFIED),
        (SIMPLIFIED.encode("gbk"), SIMPLIFIED),
        (TRADITIONAL.encode("gb18030"), TRADITIONAL),
        (TRADITIONAL.encode("big5"), TRADITIONAL),
        (SIMPLIFIED.encode("utf-16"), SIMPLIFIED),
        (b"\xff\xfe" + SIMPLIFIED.encode("utf-16-le"), SIMPLIFIED),
        (b"\xfe\xff" + SIMPLIFIED.encode("utf-16-be"), SIMPLIFIED),
        (SIMPLIFIED.encode("utf-32"), SIMPLIFIED),
        (b"plain ascii", "plain ascii"),
        (b"", ""),
        (bytearray("各位代表".encode("gb18030")), "各位代表"),
    ],
)
def test_decode(data: bytes, text: str) -> None:
    assert decode(data) == text


@pytest.mark.parametrize("data", [b"\xff\xff\xff\xff", b"\x80abc\xff", b"\xfe\xff\xd8\x00"])
def test_decode_error(data: bytes) -> None:
    with pytest.raises(DecodeError, match="cannot decode"):
        decode(data)


def test_decode_rejects_str() -> None:
    with pytest.raises(InputError):
        decode("text")  # type: ignore[arg-type]


# --------------------------------------------------------------------------- reading


def test_read_sources(tmp_path: Path) -> None:
    path = tmp_path / "page.txt"
    path.write_bytes(PAGE_A.encode("gb18030"))
    expected = [(t, m) for t, m in read_reports_raw(PAGE_A)]
    assert [m["region"] for _, m in expected] == ["宁德市", "东丽区", "蓟州区"]
    assert read_reports_raw(path) == expected
    assert read_reports_raw(str(path)) == expected
    assert read_reports_raw(PAGE_A.encode("gb18030")) == expected
    assert read_reports_raw(PAGE_A.encode("utf-16")) == expected
    assert read_reports_raw(str(tmp_path / "missing.txt")) != []  # a str that is no file is text
    assert read_reports_raw("") == []


@pytest.mark.parametrize("bad", [None, 42, 3.5, ["a"], {"a": 1}, object()])
def test_read_bad_input(bad: object) -> None:
    with pytest.raises(InputError):
        read_reports_raw(bad)  # type: ignore[arg-type]


def test_read_missing_path(tmp_path: Path) -> None:
    with pytest.raises(GovreportError):
        read_reports_raw(tmp_path / "missing.txt")


def test_read_undecodable_file(tmp_path: Path) -> None:
    path = tmp_path / "bad.bin"
    path.write_bytes(b"\xff\xff\xff\xff")
    with pytest.raises(DecodeError):
        read_reports_raw(os.fspath(path))


# --------------------------------------------------------------------------- corpus


def _corpus(prefix: str) -> Path:
    if not CORPUS.is_dir():
        pytest.skip(f"corpus directory {CORPUS} is absent")
    found = sorted(CORPUS.glob(f"{prefix}_*.txt"))
    if not found:
        pytest.skip(f"no {prefix}_*.txt in {CORPUS}")
    return found[0]


SUFFIXES = ("省", "自治区", "市", "州", "盟", "县", "旗", "区", "镇", "乡", "街道")


@pytest.mark.parametrize("prefix", ["000", "003"])
def test_corpus_multi_report_pages(prefix: str) -> None:
    reports = read_reports_raw(_corpus(prefix))
    assert len(reports) == 10
    regions = []
    for text, meta in reports:
        assert "政府工作报告" in meta["title"]
        assert meta["region"].endswith(SUFFIXES) and meta["region"] in meta["title"]
        assert meta["level"] is not None
        assert 2015 <= meta["year"] <= 2025
        assert len(text) > 5000 and "2025-07" not in text and "投稿" not in text
        regions.append(meta["region"])
    assert len(set(regions)) == 10


@pytest.mark.parametrize(
    ("prefix", "region", "level", "year"),
    [
        ("001", "忻州市", Level.PREFECTURE, 2022),
        ("002", "白城市", Level.PREFECTURE, 2022),
        ("004", "天元区", Level.DISTRICT, 2023),
    ],
)
def test_corpus_single_report_pages(prefix: str, region: str, level: Level, year: int) -> None:
    [(text, meta)] = read_reports_raw(_corpus(prefix))
    assert (meta["region"], meta["level"], meta["year"]) == (region, level, year)
    assert "下一" not in text[-200:] and "来源" not in text[-100:]
