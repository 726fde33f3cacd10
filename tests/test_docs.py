"""The documentation site and the examples: they run, say what the library does, and build.

- the ``pycon`` sessions of docs/*.md pass as doctests;
- docs/indicators.md is what docs/gen_indicators.py makes of govreport/data/indicators.csv;
- the recipes of examples/cookbook.py give the tables the cookbook shows;
- examples/growth_targets.py runs as a plain script, prints its table and draws its PNG;
- ``mkdocs build --strict`` succeeds.

Parts that need pandas, matplotlib, jupytext or mkdocs skip, saying so, without them
(``pip install -e ".[docs]"``).
"""

from __future__ import annotations

import doctest
import importlib.util
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

import govreport

ROOT = Path(__file__).resolve().parents[1]
DOCS = ROOT / "docs"
EXAMPLES = ROOT / "examples"
CORPUS = ROOT.parent / "shared" / "corpus"


def _load(path: Path, name: str):
    """Import a script that is not in a package (docs/, examples/) as a module."""
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def cookbook():
    return _load(EXAMPLES / "cookbook.py", "cookbook")


def _need(module: str, why: str):
    return pytest.importorskip(module, reason=f"{module} is not installed ({why}; pip install -e '.[docs]')")


def _squash(text: str) -> list[str]:
    """The non-empty lines of a printed table, with runs of spaces made one."""
    return [" ".join(line.split()) for line in text.splitlines() if line.strip()]


def _output_block(page: str, marker: str) -> str:
    """The ```text block that follows ``<!-- output: marker -->`` in a docs page."""
    m = re.search(rf"<!-- output: {re.escape(marker)} -->\n```text\n(.*?)```", page, re.DOTALL)
    assert m, f"no output block {marker!r}"
    return m.group(1)


# ------------------------------------------------------------------ pages


@pytest.mark.parametrize("page", sorted(p.name for p in DOCS.glob("*.md")))
def test_doc_sessions_run(page):
    """Every ```pycon block of a page is a doctest; a page's blocks share their names."""
    text = (DOCS / page).read_text(encoding="utf-8")
    blocks = re.findall(r"^```pycon\n(.*?)^```", text, re.DOTALL | re.MULTILINE)
    parser = doctest.DocTestParser()
    runner = doctest.DocTestRunner(optionflags=doctest.NORMALIZE_WHITESPACE | doctest.ELLIPSIS)
    globs: dict = {}
    for i, block in enumerate(blocks):
        test = parser.get_doctest(block, globs, f"{page}[{i}]", page, 0)
        runner.run(test, clear_globs=False)
        globs = test.globs  # DocTest copies the names it is given: hand them on
    assert runner.failures == 0, f"{runner.failures} failing example(s) in docs/{page}"


def test_indicators_page_is_up_to_date():
    gen = _load(DOCS / "gen_indicators.py", "gen_indicators")
    page = (DOCS / "indicators.md").read_text(encoding="utf-8")
    assert page == gen.render(), "docs/indicators.md is out of date: run python docs/gen_indicators.py"
    with open(ROOT / "govreport" / "data" / "indicators.csv", encoding="utf-8") as f:
        codes = [line.split(",", 1)[0] for line in f.read().splitlines()[1:] if line.strip()]
    assert all(f"| `{code}` |" in page for code in codes)


def test_render_escapes_table_cells(tmp_path):
    gen = _load(DOCS / "gen_indicators.py", "gen_indicators")
    csv = tmp_path / "indicators.csv"
    csv.write_text("code,name_zh,name_en,examples_of_wording\nx,甲|乙,A|B,一|二\n", encoding="utf-8")
    assert r"| `x` | 甲\|乙 | A\|B | 一、二 |" in gen.render(csv)


def test_doctests_become_code_fences():
    _need("griffe", "the API pages are rendered with mkdocstrings")
    fence = _load(DOCS / "griffe_doctest.py", "griffe_doctest").fence_doctests
    assert fence("a\n\n>>> 1\n1\n\nb") == "a\n\n```pycon\n>>> 1\n1\n```\n\nb"
    assert fence("  >>> x\n  [1]") == "  ```pycon\n  >>> x\n  [1]\n  ```"
    inside = "```python\n>>> 1\n1\n```"
    assert fence(inside) == inside  # already fenced: left alone


# ------------------------------------------------------------------ cookbook

QINGHE_2022 = """2022年青禾县政府工作报告
——2022年1月20日在青禾县第十七届人民代表大会第一次会议上
各位代表:
一、2021年工作回顾
2021年,全县地区生产总值增长7.1%,固定资产投资增长9.4%。
二、2022年工作安排
今后五年,地区生产总值年均增长7%左右。
今年全县发展的主要预期目标是:地区生产总值增长6%—7%,固定资产投资增长10%以上,社会消费品零售总额增长8%左右,城镇调查失业率控制在5.5%以内,居民消费价格涨幅3%左右。
"""

QINGHE_2023 = """2023年青禾县政府工作报告
——2023年1月18日在青禾县第十七届人民代表大会第二次会议上
各位代表:
一、2022年工作回顾
2022年,全县地区生产总值增长7.2%,固定资产投资增长9.2%,社会消费品零售总额增长7.6%,城镇调查失业率为5.6%,居民消费价格上涨2.1%。
二、2023年工作安排
今年全县发展的主要预期目标是:地区生产总值增长6.5%左右,固定资产投资增长9%以上。
"""


@pytest.fixture(scope="module")
def qinghe(tmp_path_factory):
    folder = tmp_path_factory.mktemp("qinghe")
    (folder / "2022.txt").write_text(QINGHE_2022, encoding="utf-8")
    (folder / "2023.txt").write_bytes(QINGHE_2023.encode("gb18030"))
    return sorted(folder.glob("*.txt"))


def test_growth_targets_recipe(cookbook, qinghe):
    _need("pandas", "the cookbook works on DataFrames")
    reports = cookbook.read_all(qinghe)
    assert [(r.region, r.year) for r in reports] == [("青禾县", 2022), ("青禾县", 2023)]
    table = cookbook.growth_targets(reports)
    assert table.index.names == ["region", "year"]
    assert list(table.index) == [("青禾县", 2022), ("青禾县", 2023)]
    assert list(table.columns) == ["gdp", "fixed_asset_investment", "retail_sales"]
    # the 2022 range 6%—7% is its midpoint; the 今后五年 average (7%) is left out
    assert table.loc[("青禾县", 2022)].tolist() == [6.5, 10.0, 8.0]
    assert table.loc[("青禾县", 2023), "gdp"] == 6.5
    assert table.loc[("青禾县", 2023), "fixed_asset_investment"] == 9.0
    assert table.loc[("青禾县", 2023)].isna().tolist() == [False, False, True]
    only_2023 = cookbook.growth_targets(reports, indicators=["gdp"], year=2023)
    assert only_2023["gdp"].tolist() == [6.5]


def test_target_vs_result_recipe(cookbook, qinghe):
    _need("pandas", "the cookbook works on DataFrames")
    reports = cookbook.read_all(qinghe)
    table = cookbook.target_vs_result(reports)
    assert list(table.columns) == [
        "region", "indicator", "measure", "unit", "year", "period_start",
        "qualifier", "target", "low", "high", "result", "gap", "met",
    ]
    assert set(table["region"]) == {"青禾县"} and set(table["year"]) == {2022}
    # only rows with a target and a result: not the 2021 results, the 2023 targets, nor
    # the 今后五年 average, which has no result yet
    assert table["period_start"].isna().all()
    rows = {
        r.indicator: (r.measure, r.qualifier, _opt(r.target), _opt(r.low), _opt(r.high), r.result, r.gap, r.met)
        for r in table.itertuples()
    }
    assert rows.keys() == {"gdp", "fixed_asset_investment", "retail_sales", "surveyed_unemployment_rate", "cpi"}
    expected = {
        # 6%—7%: met inside the range only; the gap is to the nearer bound
        "gdp": ("growth", "range", None, 6.0, 7.0, 7.2, 0.2, False),
        "fixed_asset_investment": ("growth", "at_least", 10.0, None, None, 9.2, -0.8, False),
        "retail_sales": ("growth", "approx", 8.0, None, None, 7.6, -0.4, True),  # at most 0.5 short
        "surveyed_unemployment_rate": ("level", "at_most", 5.5, None, None, 5.6, 0.1, False),
        # less is better: 3%左右 is a ceiling, so 2.1 meets it
        "cpi": ("growth", "approx", 3.0, None, None, 2.1, -0.9, True),
    }
    for indicator, (measure, qual, target, low, high, result, gap, met) in expected.items():
        got = rows[indicator]
        assert got[:5] == (measure, qual, target, low, high), indicator
        assert got[5] == pytest.approx(result) and got[6] == pytest.approx(gap), indicator
        assert bool(got[7]) is met, indicator
    # the recipe is the panel's answer, not a rule of its own
    panel = govreport.panel(reports)
    both = panel[panel["target_qualifier"].notna() & panel["result_value"].notna()]
    assert both["met"].tolist() == table["met"].tolist()
    # tolerance goes to the panel: 7.6 is 0.4 short of 8%左右
    strict = cookbook.target_vs_result(reports, tolerance=0.3)
    assert not strict.loc[strict["indicator"] == "retail_sales", "met"].item()
    assert strict.loc[strict["indicator"] == "cpi", "met"].item()  # 2.1 <= 3 + 0.3
    only = cookbook.target_vs_result(reports, indicators=["gdp", "cpi"])
    assert only["indicator"].tolist() == ["cpi", "gdp"]


def _opt(v):
    """A missing number (pd.NA) as None."""
    import pandas as pd

    return None if pd.isna(v) else v


@pytest.mark.skipif(not CORPUS.is_dir(), reason=f"the corpus is not there: {CORPUS}")
def test_cookbook_page_shows_the_corpus_table(cookbook):
    _need("pandas", "the cookbook works on DataFrames")
    reports = cookbook.read_all(sorted(CORPUS.glob("*.txt")))
    printed = cookbook.growth_targets(reports, year=2022).to_string(na_rep="-")
    shown = _output_block((DOCS / "cookbook.md").read_text(encoding="utf-8"), "growth_targets(corpus, year=2022)")
    assert _squash(shown) == _squash(printed)


# ------------------------------------------------------------------ the example


def test_growth_targets_example_runs(tmp_path):
    _need("pandas", "the example builds a DataFrame")
    _need("matplotlib", "the example draws a chart")
    png = tmp_path / "chart.png"
    env = {**os.environ, "GOVREPORT_EXAMPLE_OUT": str(png), "MPLBACKEND": "Agg"}
    run = subprocess.run(
        [sys.executable, str(EXAMPLES / "growth_targets.py")],
        check=False, cwd=ROOT, env=env, capture_output=True, text=True, encoding="utf-8", timeout=120,
    )
    assert run.returncode == 0, run.stderr
    out = run.stdout
    assert "云溪市 2022 (2022-01-12, 市长 李明): 17 records" in out
    assert "江岭县 2023 (2023-02-08, 县长 王芳)" in out
    assert "met 7 of 13 targets" in out
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and png.stat().st_size > 5000
    # the cookbook page shows this very table
    shown = _output_block((DOCS / "cookbook.md").read_text(encoding="utf-8"), "examples/growth_targets.py")
    printed = _squash(out)
    assert all(line in printed for line in _squash(shown)), "docs/cookbook.md shows another table than the example prints"


def test_growth_targets_example_is_a_notebook():
    jupytext = _need("jupytext", "the example is a jupytext percent script")
    notebook = jupytext.read(EXAMPLES / "growth_targets.py")
    kinds = [cell.cell_type for cell in notebook.cells]
    assert kinds.count("code") >= 5 and kinds.count("markdown") >= 4


# ------------------------------------------------------------------ the site


def test_site_builds_strict(tmp_path):
    _need("mkdocs", "the site is built with mkdocs")
    _need("material", "the theme is mkdocs-material")
    _need("mkdocstrings_handlers.python", "the API pages need mkdocstrings[python]")
    site = tmp_path / "site"
    run = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-f", str(ROOT / "mkdocs.yml"), "-d", str(site)],
        check=False, cwd=ROOT, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        capture_output=True, text=True, timeout=300,
    )
    assert run.returncode == 0, run.stdout + run.stderr
    for page in ("index.html", "records/index.html", "indicators/index.html", "panel/index.html",
                 "cookbook/index.html", "cli/index.html", "api/index.html"):
        assert (site / page).is_file(), page
    api = (site / "api" / "index.html").read_text(encoding="utf-8")
    assert 'id="govreport.pipeline.read_reports"' in api and 'id="govreport.frame.to_frame"' in api
    assert 'id="govreport.panel.panel"' in api and 'id="govreport.regions.resolve_region"' in api
    cookbook = (site / "cookbook" / "index.html").read_text(encoding="utf-8")
    assert "target_vs_result" in cookbook and "--8&lt;--" not in cookbook  # snippets included
