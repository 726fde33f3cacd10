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
