"""Command line: ``govreport extract PATH...`` (or ``--sample``) and ``govreport schema``.

Records go to standard output as JSON lines (one record a line, with the report's title,
region and year), or as a readable table with ``--format table``.
"""

from __future__ import annotations

import json
import sys
from importlib import resources
from pathlib import Path

import click

from .errors import GovreportError
from .models import json_schema
from .pipeline import read_reports


def _paths(paths: tuple[str, ...]) -> list[Path]:
    out: list[Path] = []
    for p in map(Path, paths):
        out.extend(sorted(q for q in p.rglob("*") if q.is_file()) if p.is_dir() else [p])
    return out


def sample_path() -> Path:
    """The sample report shipped in the package (a district's 2023 report, PDF text)."""
    return Path(str(resources.files("govreport.data").joinpath("sample_report.txt")))


@click.group()
def main() -> None:
    """Targets and results, in numbers, from Chinese government work reports."""


@main.command()
@click.argument("paths", nargs=-1, type=click.Path())
@click.option("--sample", is_flag=True, help="Read the sample report shipped in the package.")
@click.option(
    "--format", "fmt", type=click.Choice(["jsonl", "csv", "parquet", "table"]), default="jsonl", show_default=True
)
@click.option("--out", "out", type=click.Path(dir_okay=False), help="Write to this file instead of standard output.")
@click.option("-j", "--jobs", type=click.IntRange(min=1), default=1, show_default=True,
              help="Worker processes reading the files (1: this process).")
def extract(paths: tuple[str, ...], sample: bool, fmt: str, out: str | None, jobs: int) -> None:
    """Extract the records of every report in PATHS (files or folders).

    Goes on past a file it cannot read, says why on standard error, and exits 1 at the end.
    A progress bar shows on a terminal, never in a pipe.
    """
    files = _paths(paths) + ([sample_path()] if sample else [])
    if not files:
        raise click.UsageError("give a file or folder, or --sample")
    if fmt == "parquet" and not out:
        raise click.UsageError("--format parquet needs --out FILE")
    from .scale import extract_many

    reports, failed = [], 0
    for path, result in _progress(extract_many(files, jobs=jobs), len(files)):
        if isinstance(result, GovreportError):
            failed += 1
            click.echo(f"govreport: {path}: {result}", err=True)
        else:
            reports.extend(result)
    try:
        _write(reports, fmt, out)
    except GovreportError as e:
        raise click.ClickException(str(e)) from e
    if failed:
        sys.exit(1)


def _progress(items, total: int):
    """The items, with a rich progress bar when standard error is a terminal."""
    if total < 2 or not sys.stderr.isatty():
        yield from items
        return
    from rich.progress import track

    yield from track(items, total=total, description="reading reports", console=None, transient=True)


def _write(reports: list, fmt: str, out: str | None) -> None:
    from . import frame

    if fmt == "table":
        text = "\n".join(_table_line(r) for rep in reports for r in rep.records)
    elif fmt == "jsonl":
        rows = [json.dumps(row, ensure_ascii=False) for row in frame.jsonl_rows(reports)]
        text = "\n".join(rows)
    elif fmt == "csv":
        if out:
            frame.write_csv(reports, out)
            return
        text = frame.to_frame(reports).to_csv(index=False).rstrip("\n")
    else:
        frame.write_parquet(reports, out)
        return
    if out:
        Path(out).write_text(text + "\n" if text else "", encoding="utf-8")
    elif text:
        click.echo(text)


def _table_line(r) -> str:
    v = r.value if r.value is not None else f"{r.low}–{r.high}"
    return (
        f"{r.kind.value[:3]}  {r.year or '':<4}  {(r.indicator or '-'):<28}  "
        f"{r.measure.value:<8} {v:>16} {r.unit:<10} {r.qualifier.value:<8}  {r.text}"
    )


@main.command()
@click.argument("path", type=click.Path(exists=True, dir_okay=False))
def show(path: str) -> None:
    """Print the reports in PATH as readable tables: header, then one row a record."""
    from rich.console import Console
    from rich.table import Table

    try:
        reports = read_reports(Path(path))
    except GovreportError as e:
        raise click.ClickException(f"{path}: {e}") from e
    console = Console() if sys.stdout.isatty() else Console(width=200)  # a pipe: wide rows
    for rep in reports:
        level = rep.level.value if rep.level else "?"
        console.print(
            f"[bold]{rep.title or path}[/bold]  {rep.region} ({level}), plans for {rep.year}, "
            f"delivered {rep.date or '?'} by {rep.office or ''} {rep.speaker or ''}: {len(rep.records)} records"
        )
        table = Table(show_lines=False)
        for col in ("kind", "year", "indicator / mention", "measure", "value", "unit", "qualifier", "text"):
            table.add_column(col, overflow="fold")
        for r in rep.records:
            v = r.value if r.value is not None else f"{r.low}–{r.high}"
            table.add_row(
                r.kind.value, str(r.year or ""), r.indicator or r.mention, r.measure.value,
                f"{v:,}" if isinstance(v, float) else v, r.unit, r.qualifier.value, r.text,
            )
        console.print(table)


@main.command()
@click.argument("path", type=click.Path(exists=True, dir_okay=False))
@click.option("-o", "--out", type=click.Path(dir_okay=False), required=True, help="The HTML file to write.")
def html(path: str, out: str) -> None:
    """Write the span view of the reports in PATH: one self-contained HTML file."""
    from .html import render_report

    try:
        reports = read_reports(Path(path))
    except GovreportError as e:
        raise click.ClickException(f"{path}: {e}") from e
    pages = [render_report(r) for r in reports]
    # several reports: one page each, side by side in one file would not read well
    Path(out).write_text(pages[0] if len(pages) == 1 else _join_pages(pages), encoding="utf-8")
    click.echo(f"wrote {out} ({len(reports)} report{'s' if len(reports) != 1 else ''})", err=True)


def _join_pages(pages: list[str]) -> str:
    """Several self-contained pages as one: each in an iframe's srcdoc."""
    import html as _html

    frames = "".join(
        f'<iframe style="width:100%;height:90vh;border:0;border-bottom:4px solid #ccc" srcdoc="{_html.escape(p)}"></iframe>'
        for p in pages
    )
    return f"<!doctype html><meta charset='utf-8'><title>govreport</title><body style='margin:0'>{frames}</body>"


@main.command()
def schema() -> None:
    """Print the JSON Schema of a record."""
    click.echo(json.dumps(json_schema(), ensure_ascii=False, indent=2))


if __name__ == "__main__":  # pragma: no cover
    main()
