"""Rich display in Jupyter: the small HTML summaries that ``_repr_html_`` of networks, graphs and
results return (private). Every summary is bounded: at most ``ROWS`` rows per table, whatever the
size of the network, so that a notebook stays light on 10^6 nodes."""

from __future__ import annotations

import html
import math

ROWS = 10  # rows shown per table; the rest are counted in a last row

_STYLE = ("<style>.essnet-summary table{border-collapse:collapse;margin:0.2em 1.5em 0.6em 0;display:inline-table;"
          "vertical-align:top}.essnet-summary th,.essnet-summary td{padding:0.1em 0.6em;text-align:right}"
          ".essnet-summary th:first-child,.essnet-summary td:first-child{text-align:left}"
          ".essnet-summary caption{font-weight:bold;text-align:left}</style>")


def text(value) -> str:
    """A value as escaped HTML text: numbers in a short form, missing values as a dash."""
    if value is None:
        return "&ndash;"
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, float):
        if math.isnan(value):
            return "&ndash;"
        if math.isfinite(value) and value == int(value) and abs(value) < 1e15:
            return f"{int(value):,}"  # counts stay exact, with thousands separators
        return f"{value:.4g}"
    if isinstance(value, int):
        return f"{value:,}"
    try:
        import numpy as np

        if isinstance(value, np.generic):
            return text(value.item())
    except ImportError:  # pragma: no cover
        pass
    return html.escape(str(value))


def table(caption: str, header: list[str], rows: list[list], total: int | None = None, limit: int = ROWS) -> str:
    """An HTML table of at most ``limit`` rows; ``total`` (the number of rows there are) adds a last
    row saying how many were left out."""
    shown = rows[:limit]
    total = len(rows) if total is None else total
    out = [f"<table><caption>{html.escape(caption)}</caption><thead><tr>"]
    out += [f"<th>{html.escape(h)}</th>" for h in header]
    out.append("</tr></thead><tbody>")
    for row in shown:
        out.append("<tr>" + "".join(f"<td>{text(v)}</td>" for v in row) + "</tr>")
    if total > len(shown):
        out.append(f'<tr><td colspan="{len(header)}">&hellip; {total - len(shown):,} more</td></tr>')
    out.append("</tbody></table>")
    return "".join(out)


def summary(title: str, facts: list[tuple[str, object]], tables: list[str] = ()) -> str:
    """A titled list of facts followed by tables, wrapped in one block."""
    items = "".join(f"<li>{html.escape(k)}: <b>{text(v)}</b></li>" for k, v in facts)
    body = f"<ul>{items}</ul>" if items else ""
    return (f'<div class="essnet-summary">{_STYLE}<p><b>{html.escape(title)}</b></p>{body}'
            f'<div>{"".join(tables)}</div></div>')
