"""One self-contained HTML page for leaders: inline CSS and SVG charts, no script, font or image from
anywhere else, so it opens in any browser and prints on A4.

The page has the report's title, date range and summary, its charts (`charts_for`: by report kind),
its table and one table per section. Tables repeat their header row on every printed page
(`thead { display: table-header-group }`), rows are not split across pages, and the warning lights keep
their colours in print (`print-color-adjust: exact`).
"""

from __future__ import annotations

from html import escape
from typing import Any

from taskctl.render import Report, cell_text, export_columns

#: Series colours (light, print well, and tell apart in a screenshot).
COLOURS = {"open": "#4f81bd", "done": "#70ad47", "overdue": "#c0504d"}
LIGHTS = {
    "red": ("#ffc7ce", "#9c0006"),
    "yellow": ("#ffeb9c", "#9c5700"),
    "green": ("#c6efce", "#006100"),
}
MAX_BARS = 15

CSS = """
@page { size: A4; margin: 15mm 12mm; }
* { box-sizing: border-box; }
body { font-family: "Noto Sans CJK SC", "Microsoft YaHei", "PingFang SC", "SimSun", sans-serif;
       color: #222; background: #fff; margin: 24px; font-size: 14px; line-height: 1.5; }
h1 { font-size: 22px; margin: 0 0 4px; color: #1f3864; }
h2 { font-size: 17px; margin: 24px 0 8px; color: #1f3864; border-bottom: 1px solid #d9e1f2; }
.subtitle { color: #555; margin: 0 0 4px; }
.summary { margin: 8px 0 16px; padding: 8px 12px; background: #f3f6fb; border-left: 4px solid #8eaadb; }
.charts { display: flex; flex-wrap: wrap; gap: 16px; margin: 8px 0 16px; }
figure { margin: 0; padding: 8px; border: 1px solid #e3e8f0; background: #fcfdff; }
figcaption { font-weight: bold; font-size: 13px; margin-bottom: 4px; }
svg text { font-size: 11px; fill: #333; }
table { border-collapse: collapse; width: 100%; margin: 4px 0 12px; font-size: 12px; }
thead { display: table-header-group; }
th { background: #d9e1f2; text-align: left; }
th, td { border: 1px solid #b4c6e7; padding: 3px 6px; vertical-align: top; }
tr { page-break-inside: avoid; break-inside: avoid; }
td.num { text-align: right; white-space: nowrap; }
td.light-red { background: #ffc7ce; color: #9c0006; font-weight: bold; }
td.light-yellow { background: #ffeb9c; color: #9c5700; font-weight: bold; }
td.light-green { background: #c6efce; color: #006100; font-weight: bold; }
.none { color: #777; }
@media print {
  body { margin: 0; font-size: 11px; }
  * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  h2 { page-break-after: avoid; break-after: avoid; }
  figure { page-break-inside: avoid; break-inside: avoid; }
}
"""


def _t(lang: str, zh: str, en: str) -> str:
    return zh if lang == "zh" else en


def bar_chart(
    title: str, labels: list[str], series: list[tuple[str, str, list[float]]], *, unit: str = ""
) -> str:
    """A horizontal grouped bar chart: one group per label, one bar per series (name, colour,
    values)."""
    n = max(len(series), 1)
    bar, gap, left, width = 12, 8, 130, 560
    top = 24
    height = top + len(labels) * (n * bar + gap) + 8
    peak = max([v for _, _, values in series for v in values] + [1])
    parts = [
        f'<svg class="chart" role="img" width="{width + 60}" '
        f'height="{height}" viewBox="0 0 {width + 60} {height}"><title>{escape(title)}</title>'
    ]
    x = left
    for name, colour, _ in series:  # legend
        parts.append(f'<rect x="{x}" y="4" width="10" height="10" fill="{colour}"/>')
        parts.append(f'<text x="{x + 14}" y="13">{escape(name)}</text>')
        x += 20 + 12 * len(name) + 10
    for i, label in enumerate(labels):
        y = top + i * (n * bar + gap)
        parts.append(
            f'<text x="{left - 6}" y="{y + n * bar / 2 + 4}" text-anchor="end">'
            f"{escape(label[:12])}</text>"
        )
        for j, (_, colour, values) in enumerate(series):
            value = values[i]
            w = round(value / peak * (width - left), 1)
            by = y + j * bar
            parts.append(
                f'<rect x="{left}" y="{by}" width="{w}" height="{bar - 2}" fill="{colour}"/>'
            )
            shown = f"{value:g}{unit}"
            parts.append(f'<text x="{left + w + 4}" y="{by + bar - 3}">{shown}</text>')
    parts.append("</svg>")
    return "".join(parts)


def line_chart(title: str, labels: list[str], series: list[tuple[str, str, list[float]]]) -> str:
    """A line chart over `labels` (weeks), one polyline with dots per series."""
    width, height, left, bottom, top = 620, 240, 40, 36, 28
    plot_w, plot_h = width - left - 20, height - top - bottom
    peak = max([v for _, _, values in series for v in values] + [1])
    step = plot_w / max(len(labels) - 1, 1)

    def xy(i: int, v: float) -> tuple[float, float]:
        return round(left + i * step, 1), round(top + plot_h - v / peak * plot_h, 1)

    parts = [
        f'<svg class="chart" role="img" width="{width}" '
        f'height="{height}" viewBox="0 0 {width} {height}"><title>{escape(title)}</title>',
        f'<line x1="{left}" y1="{top + plot_h}" x2="{left + plot_w}" y2="{top + plot_h}" '
        'stroke="#999"/>',
        f'<line x1="{left}" y1="{top}" x2="{left}" y2="{top + plot_h}" stroke="#999"/>',
        f'<text x="{left - 4}" y="{top + 4}" text-anchor="end">{peak:g}</text>',
        f'<text x="{left - 4}" y="{top + plot_h}" text-anchor="end">0</text>',
    ]
    for i, label in enumerate(labels):
        x, _ = xy(i, 0)
        parts.append(
            f'<text x="{x}" y="{height - bottom + 16}" text-anchor="middle">{escape(label)}</text>'
        )
    x = left + 10
    for name, colour, values in series:
        points = " ".join(f"{px},{py}" for px, py in (xy(i, v) for i, v in enumerate(values)))
        parts.append(
            f'<polyline points="{points}" fill="none" stroke="{colour}" stroke-width="3"/>'
        )
        for i, v in enumerate(values):
            px, py = xy(i, v)
            parts.append(f'<rect x="{px - 4}" y="{py - 4}" width="8" height="8" fill="{colour}"/>')
        parts.append(f'<rect x="{x}" y="6" width="10" height="10" fill="{colour}"/>')
        parts.append(f'<text x="{x + 14}" y="15">{escape(name)}</text>')
        x += 20 + 12 * len(name) + 10
    parts.append("</svg>")
    return "".join(parts)


def _section(report: Report, key: str) -> Report | None:
    return next((s for s in report.sections if s.key == key), None)


def _unit_bars(rows: list[dict[str, Any]], lang: str) -> tuple[str, str] | None:
    """Finished and overdue lead tasks per lead unit (workload rows)."""
    rows = sorted((r for r in rows if r.get("lead_total")), key=lambda r: -r["lead_total"])
    rows = rows[:MAX_BARS]
    if not rows:
        return None
    title = _t(lang, "各牵头单位办结与逾期任务", "Finished and overdue tasks by lead unit")
    svg = bar_chart(
        title,
        [r["unit"] for r in rows],
        [
            (_t(lang, "办结", "Done"), COLOURS["done"], [r["lead_done"] for r in rows]),
            (_t(lang, "逾期", "Overdue"), COLOURS["overdue"], [r["lead_overdue"] for r in rows]),
        ],
    )
    return title, svg


def charts_for(report: Report, lang: str) -> list[tuple[str, str]]:
    """(caption, SVG) of the charts a report gets: the weekly summary its trend and units, the
    workload its units, overdue its lead units, a unit report its lights."""
    from collections import Counter

    out: list[tuple[str, str]] = []
    if report.key == "weekly":
        trend = _section(report, "trend")
        if trend is not None and trend.rows:
            title = _t(
                lang, f"近 {len(trend.rows)} 周趋势", f"Trend of the last {len(trend.rows)} weeks"
            )
            series = [
                (_t(lang, zh, en), COLOURS[key], [r[key] for r in trend.rows])
                for key, zh, en in (
                    ("open", "未办结", "Open"),
                    ("done", "已办结", "Done"),
                    ("overdue", "逾期", "Overdue"),
                )
            ]
            out.append((title, line_chart(title, [r["week"][-3:] for r in trend.rows], series)))
        workload = _section(report, "workload")
        if workload is not None and (chart := _unit_bars(workload.rows, lang)):
            out.append(chart)
    elif report.key == "workload":
        if chart := _unit_bars(report.rows, lang):
            out.append(chart)
    elif report.key == "overdue" and report.rows:
        counts = Counter(
            name for r in report.rows for name in (r["lead"] or r["responsible"] or [])
        )
        top = counts.most_common(MAX_BARS)
        title = _t(lang, "各牵头单位逾期任务", "Overdue tasks by lead unit")
        svg = bar_chart(
            title,
            [u for u, _ in top],
            [(_t(lang, "逾期", "Overdue"), COLOURS["overdue"], [n for _, n in top])],
        )
        out.append((title, svg))
    elif report.key == "unit_report" and report.rows:
        lights = Counter(r["light"] for r in report.rows if r.get("light"))
        names = [("red", "红灯", "Red"), ("yellow", "黄灯", "Yellow"), ("green", "绿灯", "Green")]
        title = _t(lang, "预警灯", "Warning lights")
        series = [(_t(lang, "任务数", "Tasks"), COLOURS["open"], [lights[k] for k, _, _ in names])]
        out.append((title, bar_chart(title, [_t(lang, zh, en) for _, zh, en in names], series)))
    return out


def _table(report: Report, lang: str) -> str:
    cols = export_columns(report, for_people=True)
    if not report.rows:
        return f'<p class="none">{_t(lang, "（无）", "(none)")}</p>'
    head = "".join(f"<th>{escape(c.header(lang))}</th>" for c in cols)
    body = []
    for row in report.rows:
        cells = []
        for c in cols:
            value = row.get(c.key)
            text = escape(cell_text(value, c.kind, lang))
            if c.kind == "light" and value:
                cells.append(f'<td class="light-{escape(str(value))}">{text}</td>')
            elif c.kind in ("int", "percent"):
                cells.append(f'<td class="num">{text}</td>')
            else:
                cells.append(f"<td>{text}</td>".replace("\n", "<br>"))
        body.append("<tr>" + "".join(cells) + "</tr>")
    return f"<table><thead><tr>{head}</tr></thead><tbody>{''.join(body)}</tbody></table>"


def to_html(report: Report, lang: str) -> str:
    """The whole page."""
    title = report.title or _t(lang, "任务", "Tasks")
    parts = [
        "<!DOCTYPE html>",
        f'<html lang="{"zh-CN" if lang == "zh" else "en"}"><head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{escape(title)}</title><style>{CSS}</style></head><body>",
        f"<h1>{escape(title)}</h1>",
    ]
    if report.subtitle:
        parts.append(f'<p class="subtitle">{escape(report.subtitle)}</p>')
    if report.summary:
        parts.append(f'<p class="summary">{escape(report.summary)}</p>')
    charts = charts_for(report, lang)
    if charts:
        parts.append('<div class="charts">')
        for caption, svg in charts:
            parts.append(f"<figure><figcaption>{escape(caption)}</figcaption>{svg}</figure>")
        parts.append("</div>")
    parts.append(_table(report, lang))
    for section in report.sections:
        parts.append(f"<h2>{escape(section.title)}</h2>")
        if section.summary:
            parts.append(f'<p class="summary">{escape(section.summary)}</p>')
        parts.append(_table(section, lang))
    parts.append("</body></html>")
    return "\n".join(parts) + "\n"
