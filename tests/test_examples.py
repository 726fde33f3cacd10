"""The examples run as written."""

import runpy
from pathlib import Path

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"


def test_quickstart_runs(capsys):
    runpy.run_path(str(EXAMPLES / "quickstart.py"), run_name="__main__")
    out = capsys.readouterr().out
    assert "天元区" in out and "target" in out and "achievement" in out


def test_cli_on_the_sample(capsys):
    import json

    from click.testing import CliRunner

    from govreport.cli import main

    result = CliRunner().invoke(main, ["extract", "--sample"])
    assert result.exit_code == 0
    rows = [json.loads(line) for line in result.output.splitlines()]
    assert len(rows) > 100 and all(r["report_region"] == "天元区" for r in rows)
    bad = CliRunner().invoke(main, ["extract", "/nonexistent/file.txt"])
    assert bad.exit_code == 1 and "nonexistent" in bad.output


def test_cli_html_and_schema(tmp_path):
    import json

    from click.testing import CliRunner

    from govreport.cli import main, sample_path

    out = tmp_path / "view.html"
    result = CliRunner().invoke(main, ["html", str(sample_path()), "-o", str(out)])
    assert result.exit_code == 0, result.output
    page = out.read_text(encoding="utf-8")
    assert page.count("<mark") > 50 and "天元区" in page
    schema = json.loads(CliRunner().invoke(main, ["schema"]).output)
    assert "kind" in schema["properties"]


def test_notebook_reprs():
    import govreport

    [r] = govreport.extract("地区生产总值增长7%左右", year=2022)
    assert "<table" in r._repr_html_() and "gdp" in r._repr_html_()
    rep = govreport.parse_report("今年地区生产总值增长7%左右。", year=2022)
    assert "<mark" in rep._repr_html_()


def test_cli_formats_and_files(tmp_path):
    import pytest
    from click.testing import CliRunner

    from govreport.cli import main

    pd = pytest.importorskip("pandas")
    pytest.importorskip("pyarrow")
    runner = CliRunner()
    for fmt in ("jsonl", "csv", "parquet", "table"):
        out = tmp_path / f"records.{fmt}"
        result = runner.invoke(main, ["extract", "--sample", "--format", fmt, "--out", str(out)])
        assert result.exit_code == 0, result.output
        assert out.stat().st_size > 1000
    frame = pd.read_parquet(tmp_path / "records.parquet")
    assert len(frame) > 100 and str(frame["kind"].dtype) == "category"
    assert runner.invoke(main, ["extract", "--sample", "--format", "parquet"]).exit_code == 2  # needs --out


def test_cli_show():
    from click.testing import CliRunner

    from govreport.cli import main, sample_path

    result = CliRunner().invoke(main, ["show", str(sample_path())])
    assert result.exit_code == 0, result.output
    assert "天元区" in result.output and "retail_sales" in result.output and "district" in result.output
