"""The span view (govreport.html): escaping, one mark per span, well-formed nesting, the
records table, and the page as a real headless browser renders it."""

import os
import re
import shutil
import subprocess
from html.parser import HTMLParser

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import govreport
from govreport import Indicator
from govreport.cli import sample_path
from govreport.html import records_table_html, render_records, render_report

VOID = {"meta", "br", "img", "input", "hr", "link", "wbr", "col", "area", "base", "source"}
HOSTILE = "<script>document.title='PWNED'</script>"


class Page(HTMLParser):
    """Checks that tags balance and collects marks, table rows and the text of #text
    (with, per character, the mark groups that cover it)."""

    def __init__(self, html: str):
        super().__init__(convert_charrefs=True)
        self.stack: list[str] = []
        self.errors: list[str] = []
        self.tags: list[tuple[str, dict]] = []
        self.marks: list[dict] = []
        self.rows: list[dict] = []
        self.text: list[str] = []
        self.cover: list[frozenset] = []
        self.groups: list[str] = []  # data-group of the open marks
        self.in_text = 0
        self.feed(html)
        self.close()
        if self.stack:
            self.errors.append(f"unclosed {self.stack}")

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        self.tags.append((tag, a))
        if tag in VOID:
            return
        self.stack.append(tag)
        if tag == "pre" and a.get("id") == "text":
            self.in_text = len(self.stack)
        if tag == "mark":
            self.marks.append(a)
            self.groups.append(a.get("data-group"))
        if tag == "tr" and "data-record" in a:
            self.rows.append(a)

    def handle_startendtag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))

    def handle_endtag(self, tag):
        if tag in VOID:
            return
        if not self.stack or self.stack[-1] != tag:
            self.errors.append(f"</{tag}> closes {self.stack[-1:]}")
            return
        if tag == "pre" and self.in_text == len(self.stack):
            self.in_text = 0
        if tag == "mark":
            self.groups.pop()
        self.stack.pop()

    def handle_data(self, data):
        if self.in_text:
            self.text.append(data)
            self.cover.extend([frozenset(self.groups)] * len(data))

    @property
    def source(self) -> str:
        return "".join(self.text)


def rec(source, start, end, kind="target", **kw):
    fields = dict(kind=kind, mention="m", measure="growth", value=1.0, unit="%", raw_unit="%",
                  text=source[start:end], start=start, end=end)
    fields.update(kw)
    return Indicator(**fields)


def mark_groups(page):
    """group id -> the record numbers of its mark (from the mark with the id)."""
    return {m["id"]: m["data-records"].split() for m in page.marks if "id" in m}


README = ("2021年,全市经济总量2581.3亿元,比上年增长6.5%。今年主要预期目标是:"
          "地区生产总值增长7%左右,城乡居民人均可支配收入分别增长8%、10%左右。")


# ---------------------------------------------------------------- escaping


def test_hostile_text_and_fields_stay_text():
    source = HOSTILE + '\n<img src=x onerror="alert(1)">今年地区生产总值增长7%左右。&amp;'
    start = source.index("地区")
    evil = '"><img src=x onerror=alert(2)><script>alert(3)</script>'
    records = [rec(source, start, start + 12, mention=evil, raw_unit="<b>%</b>", region=evil,
                   indicator="gdp' onmouseover='alert(4)")]
    html = render_records(source, records, title="<script>alert(5)</script>")
    page = Page(html)
    assert not page.errors
    assert "<script>document" not in html and "<img" not in html and "<b>" not in html
    assert "&lt;script&gt;document.title=&#x27;PWNED&#x27;&lt;/script&gt;" in html
    names = [t for t, _ in page.tags]
    assert names.count("script") == 1 and "img" not in names and "b" not in names
    assert not [k for _, a in page.tags for k in a if k.startswith("on")]
    assert page.source == source  # the hostile text is shown, as text, character for character
    [mark] = page.marks
    assert mark["data-mention"] == evil and mark["data-region"] == evil and mark["data-raw-unit"] == "<b>%</b>"
    assert evil in mark["title"]
    table = records_table_html(records)
    assert "<img" not in table and "<script" not in table and "&lt;img" in table


# ---------------------------------------------------------------- marks


def test_one_mark_per_distinct_span_and_identical_spans_merged():
    records = govreport.extract(README, region="咸阳市", year=2022)
    spans = {(r.start, r.end) for r in records}
    assert len(spans) < len(records)  # the 分别 clause shares one span
    page = Page(render_records(README, records))
    assert not page.errors and page.source == README
    assert len(page.marks) == len(spans)
    groups = mark_groups(page)
    assert sorted(int(i) for ms in groups.values() for i in ms) == list(range(len(records)))
    [shared] = [m for m in page.marks if len(m["data-records"].split()) == 2]
    assert shared["data-value"] == "8 | 10" and shared["data-qualifier"] == "exact | approx"
    assert shared["class"] == "kind-target"
    for m in page.marks:  # each mark covers exactly its records' text
        first = records[int(m["data-records"].split()[0])]
        assert README[first.start:first.end] == first.text


def test_kinds_have_distinct_classes_and_a_legend():
    records = govreport.extract(README, year=2022)
    html = render_records(README, records)
    classes = {m["class"] for m in Page(html).marks}
    assert classes == {"kind-target", "kind-achievement"}
    assert 'id="legend"' in html and 'swatch kind-target' in html and 'swatch kind-achievement' in html
    assert 'swatch kind-mixed' not in html  # shown only when a shared span mixes kinds


def test_overlapping_spans_nest_or_split_and_stay_well_formed():
    source = "ABCDEFGHIJKLMNOPQRSTUVWXYZ\nline two"
    spans = [(0, 10), (5, 15), (5, 8), (2, 4), (12, 20), (12, 20), (18, 25), (3, 3), (30, 99), (20, 20), (0, 26)]
    records = [rec(source, s, min(e, len(source)), kind="target" if i % 2 else "achievement")
               for i, (s, e) in enumerate(spans)]
    page = Page(render_records(source, records))
    assert not page.errors
    assert page.source == source
    valid = {(s, min(e, len(source))) for s, e in spans if s < min(e, len(source))}
    groups = mark_groups(page)
    assert len(groups) == len(valid)
    # every character is covered by exactly the groups whose span holds it
    span_of = {}
    for gid, members in groups.items():
        r = records[int(members[0])]
        span_of[gid] = (r.start, r.end)
        assert all((records[int(i)].start, records[int(i)].end) == span_of[gid] for i in members)
    for pos, cov in enumerate(page.cover):
        assert cov == {g for g, (s, e) in span_of.items() if s <= pos < e}, pos
    # the two records of (12, 20) share one mark, and its kinds differ: a mixed mark
    shared = [m for m in page.marks if "id" in m and len(m["data-records"].split()) == 2]
    assert len(shared) == 1 and shared[0]["class"] == "kind-mixed"


@settings(max_examples=150, deadline=None)
@given(st.text(alphabet="ab<>&\n增长", max_size=30).flatmap(
    lambda t: st.tuples(st.just(t), st.lists(st.tuples(st.integers(0, 32), st.integers(0, 32)), max_size=8))))
def test_any_spans_give_well_formed_html(case):
    source, spans = case
    records = [rec(source, s, e) for s, e in spans if s <= e]
    page = Page(render_records(source, records))
    assert not page.errors and page.source == source
    expected = {(s, min(e, len(source))) for s, e in spans if s < min(e, len(source))}
    assert len(mark_groups(page)) == len(expected)
    assert len(page.rows) == len(records)


# ---------------------------------------------------------------- table


def test_every_record_has_a_row_linked_to_its_mark():
    records = govreport.extract(README, region="咸阳市", year=2022)
    html = render_records(README, records)
    page = Page(html)
    assert [int(r["data-record"]) for r in page.rows] == list(range(len(records)))
    assert [r["id"] for r in page.rows] == [f"r{i}" for i in range(len(records))]
    groups = mark_groups(page)
    for row in page.rows:
        assert row["data-record"] in groups[row["data-group"]]
        assert f'href="#{row["data-group"]}"' in html
    table = records_table_html(records)
    assert not Page(table).errors and len(Page(table).rows) == len(records)
    assert "gdp" in table and "咸阳市" in table and "258,130,000,000" in table


def test_empty_records_and_empty_text():
    for source in ("", "abc\n<def>"):
        html = render_records(source, [])
        page = Page(html)
        assert not page.errors and page.source == source
        assert page.marks == [] and page.rows == [] and "no records" in html
    assert "no records" in records_table_html([]) and not Page(records_table_html([])).errors


def test_records_as_dicts_and_ranges():
    source = "增长6%-8%"
    r = rec(source, 0, len(source), value=None, low=6.0, high=8.0, qualifier="range", year=2025,
            period_start=2021)
    page = Page(render_records(source, [r.model_dump()]))
    assert not page.errors
    [m] = page.marks
    assert m["data-low"] == "6" and m["data-high"] == "8" and "2021–2025" in m["title"]


@pytest.fixture(scope="module")
def sample_report():
    [rep] = govreport.read_reports(sample_path())
    return rep


def test_sample_report_page(sample_report):
    rep = sample_report
    html = render_report(rep)
    page = Page(html)
    assert not page.errors
    assert page.source == rep.text
    assert len(mark_groups(page)) == len({(r.start, r.end) for r in rep.records})
    assert len(page.rows) == len(rep.records)
    head = html.split("</header>")[0]
    for value in (rep.title, rep.region, "district", "2023-01-09", rep.speaker, rep.office):
        assert value in head
    assert all(f'id="s{k}"' in html for k in range(len(rep.sections)))


# ---------------------------------------------------------------- headless browser

CHROMIUM = "/usr/bin/chromium"


def chromium(tmp_path, url, *args):
    if not os.path.exists(CHROMIUM):
        pytest.skip(f"{CHROMIUM} is absent (apt-get install -y chromium) - no headless browser test")
    profile = tmp_path / f"profile-{len(list(tmp_path.iterdir()))}"
    cmd = [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
           "--disable-background-networking", "--disable-component-update", "--disable-sync",
           f"--user-data-dir={profile}", *args, url]
    try:
        done = subprocess.run(cmd, capture_output=True, text=True, timeout=60)
    finally:
        shutil.rmtree(profile, ignore_errors=True)
    assert done.returncode == 0, done.stderr[-2000:]
    return done.stdout


@pytest.fixture(scope="module")
def sample_page(tmp_path_factory, sample_report):
    path = tmp_path_factory.mktemp("span_view") / "report.html"
    path.write_text(render_report(sample_report), encoding="utf-8")
    return path


def test_browser_renders_marks_legend_and_links(sample_page, tmp_path):
    dom = chromium(tmp_path, sample_page.as_uri() + "#m3", "--dump-dom")
    assert len(re.findall(r"<mark[ >]", dom)) > 50
    assert 'id="legend"' in dom
    assert 'data-span-view="ready"' in dom  # the page's own script ran under its CSP
    # the #m3 anchor highlighted the rows of that mark
    hl_rows = re.findall(r'<tr [^>]*data-group="m3"[^>]*>', dom)
    assert hl_rows and all('class="hl"' in row for row in hl_rows)


def test_browser_runs_no_injected_script(tmp_path):
    source = HOSTILE + '\n<img src=x onerror="document.title=\'PWNED\'">\n今年地区生产总值增长7%左右。'
    records = govreport.extract(source, year=2022)
    assert records
    page = tmp_path / "hostile.html"
    page.write_text(render_records(source, records, title="span view"), encoding="utf-8")
    dom = chromium(tmp_path, page.as_uri(), "--dump-dom")
    assert re.search(r"<title>span view</title>", dom) and "PWNED</title>" not in dom
    assert "&lt;script&gt;document.title='PWNED'&lt;/script&gt;" in dom
    assert "<img" not in dom and 'data-span-view="ready"' in dom


def test_browser_screenshot(sample_page, tmp_path):
    shot = tmp_path / "shot.png"
    chromium(tmp_path, sample_page.as_uri(), f"--screenshot={shot}", "--window-size=1280,2000")
    assert shot.exists() and shot.stat().st_size > 10_000
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
