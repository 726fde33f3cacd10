"""The span view: a report's text with every record highlighted, like spaCy's displaCy.

`render_report` and `render_records` give one self-contained HTML document (inline CSS and
a few lines of inline JS; no external resource, no network): the text with one ``<mark>``
per distinct record span, coloured by kind, each carrying its records' fields in
``data-`` attributes and a hover tooltip, and beside it a table of all records, linked
both ways to the marks. `records_table_html` gives the table alone.

Everything taken from the input (text, titles, field values) is HTML-escaped: nothing in
a report can become markup or script. The page also declares a Content-Security-Policy
that allows no network and only its own inline script and style (by hash).

>>> import govreport
>>> text = "<script>alert(1)</script>今年地区生产总值增长7%左右。"
>>> page = render_records(text, govreport.extract(text, year=2022), title="<b>demo</b>")
>>> "&lt;script&gt;alert(1)&lt;/script&gt;" in page, "<script>alert" in page, "<b>demo" in page
(True, False, False)
>>> page.count('<mark id="m0" class="kind-target"')
1
"""

from __future__ import annotations

import base64
import hashlib
from collections.abc import Mapping, Sequence
from enum import Enum
from html import escape
from typing import Any, Optional

__all__ = ["render_report", "render_records", "records_table_html"]

#: The fields shown in the tooltip and the table, and carried as data- attributes.
FIELDS = ("kind", "indicator", "mention", "measure", "value", "low", "high", "qualifier", "unit",
          "raw_unit", "year", "period_start", "estimated", "region")

_CSS = """
:root { --target: #cfe0ff; --target-edge: #2f62c9; --ach: #ffd9a8; --ach-edge: #c86a00; }
* { box-sizing: border-box; }
body { margin: 0; font: 14px/1.5 system-ui, -apple-system, "Segoe UI", "Noto Sans CJK SC",
       "Microsoft YaHei", "WenQuanYi Micro Hei", sans-serif; color: #1d1d1f; background: #fafafa; }
header { padding: 12px 20px; background: #fff; border-bottom: 1px solid #ddd; }
header h1 { margin: 0 0 6px; font-size: 20px; }
.meta { display: flex; flex-wrap: wrap; gap: 4px 18px; margin: 0; }
.meta div { display: flex; gap: 4px; }
.meta dt { color: #666; }
.meta dd { margin: 0; font-weight: 600; }
.sections { margin: 6px 0 0; padding: 0; list-style: none; display: flex; flex-wrap: wrap; gap: 4px 14px; }
.sections a { color: #333; }
.legend { display: flex; flex-wrap: wrap; gap: 8px; margin-top: 8px; align-items: center; }
.legend .swatch { padding: 1px 8px; border-radius: 3px; }
main { display: grid; grid-template-columns: minmax(0, 1fr) minmax(0, 1fr); gap: 16px;
       padding: 16px 20px; align-items: start; }
@media (max-width: 900px) { main { grid-template-columns: minmax(0, 1fr); }
                             #records { position: static; max-height: none; } }
#text { font-family: inherit; white-space: pre-wrap; overflow-wrap: anywhere; font-size: 15px; line-height: 1.9;
        background: #fff; border: 1px solid #ddd; border-radius: 6px; padding: 14px 18px; margin: 0; }
#records { position: sticky; top: 8px; max-height: calc(100vh - 16px); overflow: auto;
           background: #fff; border: 1px solid #ddd; border-radius: 6px; }
mark { color: inherit; padding: 1px 0; border-radius: 2px; cursor: pointer; }
mark mark { padding: 0; box-shadow: inset 0 -2px 0 rgba(0, 0, 0, .45); }
.kind-target { background: var(--target); border-bottom: 2px solid var(--target-edge); }
.kind-achievement { background: var(--ach); border-bottom: 2px dashed var(--ach-edge); }
.kind-mixed { background: linear-gradient(180deg, var(--target) 50%, var(--ach) 50%);
              border-bottom: 2px dotted #555; }
mark.hl, mark:target { outline: 2px solid #d0021b; outline-offset: 1px; }
table.govreport-records { border-collapse: collapse; font-size: 12px; width: 100%; }
.govreport-records th, .govreport-records td { border-bottom: 1px solid #e5e5e5; padding: 3px 5px;
                                               text-align: left; vertical-align: top; }
.govreport-records th { position: sticky; top: 0; background: #f2f2f2; z-index: 1; }
.govreport-records td.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
.govreport-records td.src { color: #555; min-width: 14em; }
.govreport-records .code { font-family: ui-monospace, monospace; font-size: 11px; color: #333; }
.govreport-records td.subj { min-width: 8em; }
.govreport-records tr.hl td { background: #fff3b0; }
.govreport-records tr:target td { background: #fff3b0; }
.govreport-records td.kind-target, .govreport-records td.kind-achievement { border-bottom: 1px solid #e5e5e5; }
.empty { color: #777; padding: 10px; }
"""

_JS = """
(function () {
  function clear() {
    document.querySelectorAll('.hl').forEach(function (e) { e.classList.remove('hl'); });
  }
  function show(group, scrollTo) {
    clear();
    var marks = document.querySelectorAll('mark[data-group="' + group + '"]');
    var rows = document.querySelectorAll('tr[data-group="' + group + '"]');
    marks.forEach(function (e) { e.classList.add('hl'); });
    rows.forEach(function (e) { e.classList.add('hl'); });
    if (scrollTo === 'mark') {
      if (marks[0]) { marks[0].scrollIntoView({block: 'center'}); }
    } else if (rows[0]) {
      var pane = document.getElementById('records');
      if (getComputedStyle(pane).position === 'sticky') {  /* side by side: scroll the pane only */
        var dy = rows[0].getBoundingClientRect().top - pane.getBoundingClientRect().top;
        pane.scrollTop += dy - pane.clientHeight / 2;
      } else {
        rows[0].scrollIntoView({block: 'center'});
      }
    }
  }
  document.addEventListener('click', function (ev) {
    var m = ev.target.closest('mark[data-group]');
    if (m) { ev.preventDefault(); show(m.getAttribute('data-group'), 'row'); return; }
    var a = ev.target.closest('a.to-mark');
    if (a) { ev.preventDefault(); show(a.getAttribute('data-group'), 'mark'); }
  });
  function fromHash() {
    var id = decodeURIComponent(location.hash.slice(1));
    if (!/^m[0-9]+$/.test(id)) { return; }
    show(id, 'row');
    var m = document.getElementById(id);
    if (m) { m.scrollIntoView({block: 'center'}); }
  }
  window.addEventListener('hashchange', fromHash);
  fromHash();
  document.documentElement.setAttribute('data-span-view', 'ready');
})();
"""


def _csp_hash(source: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(source.encode("utf-8")).digest()).decode() + "'"


# No network at all; only this module's own inline style and script run.
_CSP = (f"default-src 'none'; style-src {_csp_hash(_CSS)}; script-src {_csp_hash(_JS)}; "
        "img-src data:; base-uri 'none'; form-action 'none'")


def _esc(x: Any) -> str:
    """Escape any value for HTML text or a double-quoted attribute."""
    return escape("" if x is None else str(x), quote=True)


def _get(record: Any, name: str) -> Any:
    """A field of an `Indicator` (or of a dict of one, e.g. a JSONL line), as a plain value."""
    v = record.get(name) if isinstance(record, Mapping) else getattr(record, name, None)
    return v.value if isinstance(v, Enum) else v


def _num(v: Any) -> str:
    if v is None:
        return ""
    if isinstance(v, bool) or not isinstance(v, (int, float)):
        return str(v)
    return format(v, ",.12g")


def _value(record: Any) -> str:
    if _get(record, "value") is not None:
        return _num(_get(record, "value"))
    low, high = _get(record, "low"), _get(record, "high")
    return f"{_num(low)}–{_num(high)}" if low is not None or high is not None else ""


def _period(record: Any) -> str:
    ps, year = _get(record, "period_start"), _get(record, "year")
    return f"{ps}–{year if year is not None else ''}" if ps is not None else ""


def _unit(record: Any) -> str:
    unit, raw = _get(record, "unit") or "", _get(record, "raw_unit") or ""
    return f"{unit} ({raw})" if raw and raw != unit else str(unit)


def _kind_class(kinds: set) -> str:
    if kinds == {"target"}:
        return "kind-target"
    if kinds == {"achievement"}:
        return "kind-achievement"
    return "kind-mixed"


def _tooltip(index: int, record: Any) -> str:
    """Plain text (escaped later) of one record for a title attribute."""
    subject = _get(record, "indicator") or ""
    mention = _get(record, "mention") or ""
    head = f"#{index} {_get(record, 'kind') or '?'}: " + (f"{subject} / {mention}" if subject else mention)
    line2 = (f"measure {_get(record, 'measure') or ''} · value {_value(record)} {_unit(record)}"
             f" · qualifier {_get(record, 'qualifier') or ''}")
    parts = [f"year {_get(record, 'year') if _get(record, 'year') is not None else '—'}"]
    if _period(record):
        parts.append(f"period {_period(record)}")
    if _get(record, "region"):
        parts.append(f"region {_get(record, 'region')}")
    if _get(record, "estimated"):
        parts.append("estimated")
    return "\n".join([head, line2, " · ".join(parts)])


def _span(record: Any, n: int) -> Optional[tuple[int, int]]:
    """The record's span clamped into the text, or None when it is empty or unusable."""
    try:
        start, end = int(_get(record, "start")), int(_get(record, "end"))
    except (TypeError, ValueError):
        return None
    start, end = max(0, min(start, n)), max(0, min(end, n))
    return (start, end) if start < end else None


class _Groups:
    """Records grouped by identical span; group ids m0, m1, … in text order."""

    def __init__(self, text: str, records: Sequence[Any]):
        by_span: dict[tuple[int, int], list[int]] = {}
        for i, r in enumerate(records):
            span = _span(r, len(text))
            if span is not None:
                by_span.setdefault(span, []).append(i)
        self.spans = sorted(by_span, key=lambda s: (s[0], -s[1]))
        self.members = [by_span[s] for s in self.spans]
        self.of_record = {i: g for g, ms in enumerate(self.members) for i in ms}


def _mark_attrs(g: int, members: list[int], records: Sequence[Any]) -> str:
    """The attributes of every piece of group g's mark (not the id)."""
    rs = [records[i] for i in members]
    kinds = {str(_get(r, "kind")) for r in rs}
    attrs = [("class", _kind_class(kinds)), ("data-group", f"m{g}"),
             ("data-records", " ".join(map(str, members)))]
    for name in FIELDS:
        vals = [_get(r, name) for r in rs]
        if name in ("value", "low", "high"):
            shown = [_num(v) for v in vals]
        else:
            shown = ["" if v is None else str(v).lower() if isinstance(v, bool) else str(v) for v in vals]
        attrs.append(("data-" + name.replace("_", "-"), " | ".join(shown)))
    attrs.append(("title", "\n\n".join(_tooltip(i, records[i]) for i in members)))
    return " ".join(f'{k}="{_esc(v)}"' for k, v in attrs)


def _marked_text(text: str, records: Sequence[Any], groups: _Groups,
                 anchors: Sequence[int] = ()) -> str:
    """The escaped text with one <mark> per group, well nested.

    Spans are opened longest first at a shared start, so that contained spans nest; a span
    that crosses the end of one opened before it is closed there and reopened (a second
    piece, same data-group, no id), so tags always balance.
    """
    n = len(text)
    starts: dict[int, list[int]] = {}
    for g, (s, _e) in enumerate(groups.spans):
        starts.setdefault(s, []).append(g)
    ends = {e for _s, e in groups.spans}
    anchor_at: dict[int, list[int]] = {}
    for k, p in enumerate(anchors):
        anchor_at.setdefault(max(0, min(int(p), n)), []).append(k)
    bounds = sorted(set(starts) | ends | set(anchor_at) | {n})
    attrs = [_mark_attrs(g, ms, records) for g, ms in enumerate(groups.members)]

    out: list[str] = []
    stack: list[int] = []
    pos = 0
    for p in bounds:
        out.append(_esc(text[pos:p]))
        pos = p
        reopen: list[int] = []
        closing = [k for k, g in enumerate(stack) if groups.spans[g][1] == p]
        if closing:
            k = closing[0]
            out.append("</mark>" * (len(stack) - k))
            reopen = [g for g in stack[k:] if groups.spans[g][1] != p]
            del stack[k:]
        for a in anchor_at.get(p, ()):
            out.append(f'<a class="anchor" id="s{a}"></a>')
        opening = [(g, True) for g in reopen] + [(g, False) for g in starts.get(p, ())]
        opening.sort(key=lambda item: -groups.spans[item[0]][1])  # stable: outer first
        for g, is_piece in opening:
            ident = "" if is_piece else f'id="m{g}" '
            out.append(f"<mark {ident}{attrs[g]}>")
            stack.append(g)
    out.append("</mark>" * len(stack))
    return "".join(out)


def _table(records: Sequence[Any], groups: Optional[_Groups]) -> str:
    head = ("#", "kind", "indicator / mention", "measure", "value", "unit", "qualifier", "year",
            "period", "region", "est.", "text")
    rows = []
    for i, r in enumerate(records):
        g = groups.of_record.get(i) if groups is not None else None
        kind = str(_get(r, "kind") or "")
        ref = _esc(i)
        if g is not None:
            ref = f'<a class="to-mark" href="#m{g}" data-group="m{g}">{ref}</a>'
        group_attr = f' data-group="m{g}"' if g is not None else ""
        cells = [
            f'<td class="num">{ref}</td>',
            f'<td class="{_esc(_kind_class({kind}))}">{_esc(kind)}</td>',
            f'<td class="subj"><div class="code">{_esc(_get(r, "indicator"))}</div>{_esc(_get(r, "mention"))}</td>',
            f"<td>{_esc(_get(r, 'measure'))}</td>",
            f'<td class="num">{_esc(_value(r))}</td>',
            f"<td>{_esc(_unit(r))}</td>",
            f"<td>{_esc(_get(r, 'qualifier'))}</td>",
            f"<td>{_esc(_get(r, 'year'))}</td>",
            f"<td>{_esc(_period(r))}</td>",
            f"<td>{_esc(_get(r, 'region'))}</td>",
            f"<td>{'yes' if _get(r, 'estimated') else ''}</td>",
            f'<td class="src">{_esc(_get(r, "text"))}</td>',
        ]
        rows.append(f'<tr id="r{i}" data-record="{i}"{group_attr}>' + "".join(cells) + "</tr>")
    if not rows:
        rows.append(f'<tr class="empty"><td colspan="{len(head)}">no records</td></tr>')
    return ('<table class="govreport-records"><thead><tr>'
            + "".join(f"<th>{_esc(h)}</th>" for h in head)
            + "</tr></thead><tbody>\n" + "\n".join(rows) + "\n</tbody></table>")


def records_table_html(records: Sequence[Any]) -> str:
    """An HTML table of records (one row per record, all values escaped), for notebooks.

    Records are `Indicator` objects or dicts with the same keys.

    >>> import govreport
    >>> rs = govreport.extract("今年地区生产总值增长7%左右。", year=2022)
    >>> t = records_table_html(rs)
    >>> t.startswith("<table"), t.count("<tr id="), "gdp" in t
    (True, 1, True)
    >>> "no records" in records_table_html([])
    True
    """
    return _table(records, None)


def _page(title: str, meta: Sequence[tuple[str, Any]], text: str, records: Sequence[Any],
          sections: Sequence[Any] = ()) -> str:
    groups = _Groups(text, records)
    kinds = [str(_get(r, "kind")) for r in records]
    meta_html = "".join(f"<div><dt>{_esc(k)}</dt><dd>{_esc(v)}</dd></div>"
                        for k, v in meta if v not in (None, ""))
    sec_html = ""
    if sections:
        sec_html = '<ul class="sections">' + "".join(
            f'<li><a href="#s{k}">{_esc(_get(s, "title"))}</a> <small>({_esc(_get(s, "kind"))})</small></li>'
            for k, s in enumerate(sections)) + "</ul>"
    mixed = any(len({kinds[i] for i in ms}) > 1 for ms in groups.members)
    legend = ('<div class="legend" id="legend"><strong>Legend</strong>'
              f'<span class="swatch kind-target">target 目标 ({kinds.count("target")})</span>'
              f'<span class="swatch kind-achievement">achievement 成绩 ({kinds.count("achievement")})</span>'
              + ('<span class="swatch kind-mixed">both (shared span)</span>' if mixed else "")
              + f"<span>{len(records)} records, {len(groups.spans)} spans · hover a mark for its fields,"
                " click it for its rows</span></div>")
    body = _marked_text(text, records, groups, [_get(s, "start") or 0 for s in sections])
    return (
        "<!DOCTYPE html>\n"
        '<html lang="zh"><head><meta charset="utf-8">'
        f'<meta http-equiv="Content-Security-Policy" content="{_esc(_CSP)}">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{_esc(title or 'govreport span view')}</title>"
        f"<style>{_CSS}</style></head>\n<body>\n"
        f'<header><h1>{_esc(title or "govreport span view")}</h1><dl class="meta">{meta_html}</dl>'
        f"{sec_html}{legend}</header>\n"
        f'<main><pre id="text">{body}</pre>\n'
        f'<section id="records">{_table(records, groups)}</section></main>\n'
        f"<script>{_JS}</script>\n</body></html>\n"
    )


def render_records(text: str, records: Sequence[Any], *, title: str = "") -> str:
    """One HTML page of `text` with `records` (e.g. from `govreport.extract(text)`) marked.

    Identical spans share one mark (``data-records`` lists their record numbers); nested
    spans nest, crossing ones are split into pieces, so the page is always well formed.

    >>> import govreport
    >>> text = "城乡居民人均可支配收入分别增长8%、10%左右。<i>x</i>"
    >>> page = render_records(text, govreport.extract(text, year=2022))
    >>> page.count("<mark "), 'data-records="0 1"' in page, "<i>" in page
    (1, True, False)
    """
    kinds = [str(_get(r, "kind")) for r in records]
    meta = [("characters", len(text)), ("records", len(records)),
            ("targets", kinds.count("target")), ("achievements", kinds.count("achievement"))]
    return _page(title, meta, text, records)


def render_report(report: Any) -> str:
    """One HTML page of a `Report` (from `govreport.read_reports` or `parse_report`): its
    title and metadata, then its text with every record marked, and the records table.

    >>> import govreport
    >>> rep = govreport.parse_report("2022年某市政府工作报告\\n<script>x</script>今年地区生产总值增长7%左右。")
    >>> page = render_report(rep)
    >>> "<mark id=" in page, "&lt;script&gt;x" in page, "<script>x" in page
    (True, True, False)
    """
    level = _get(report, "level")
    meta = [("region", report.region), ("level", level), ("year", report.year),
            ("date", report.date), ("speaker", report.speaker), ("office", report.office),
            ("records", len(report.records)), ("characters", len(report.text))]
    return _page(report.title, meta, report.text, report.records, report.sections)
