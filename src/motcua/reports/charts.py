"""Small server-rendered SVG charts for the dashboard: no JavaScript, no CDN, readable printed.

Each function returns SVG markup (safe: every label is escaped) with a <title> per mark, so a
screen reader or a hover gives the exact figure.
"""

from __future__ import annotations

from html import escape

from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

from motcua.core.formatting import vn_number
from motcua.reports.domain.ontime import format_percent

GREEN, RED, BLUE, GREY = "#1a7f37", "#b42318", "#1f5fa8", "#667085"
CHANNEL_COLOURS = {1: "#1f5fa8", 2: "#1a7f37", 3: "#b54708"}


def _svg(width: int, height: int, body: str, label: str) -> str:
    return mark_safe(
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" '
        f'role="img" aria-label="{escape(label)}" class="chart">{body}</svg>'
    )


def _empty() -> str:
    nothing = escape(_("Chưa có dữ liệu"))
    return _svg(600, 40, f'<text x="10" y="25">{nothing}</text>', nothing)


def trend_svg(rows) -> str:
    """Bars: dossiers received per month; line: on-time rate (seed) per month, 90–100%."""
    if not rows:
        return _empty()
    w, h, left, bottom, top = 720, 240, 44, 36, 16
    plot_w, plot_h = w - left - 44, h - bottom - top
    n = len(rows)
    step = plot_w / n
    peak = max((r.extra["received"] for r in rows), default=0) or 1
    parts = [
        f'<line x1="{left}" y1="{top + plot_h}" x2="{left + plot_w}" y2="{top + plot_h}" '
        f'stroke="{GREY}"/>',
        f'<text x="4" y="{top + 8}" font-size="10" fill="{GREY}">{vn_number(peak)}</text>',
        f'<text x="{w - 40}" y="{top + 8}" font-size="10" fill="{GREEN}">100%</text>',
        f'<text x="{w - 40}" y="{top + plot_h}" font-size="10" fill="{GREEN}">90%</text>',
    ]
    points = []
    for i, r in enumerate(rows):
        x = left + i * step
        bh = plot_h * r.extra["received"] / peak
        label = _("%(period)s: tiếp nhận %(received)s, đúng hạn %(rate)s") % {
            "period": r.period.label_in(_),
            "received": vn_number(r.extra["received"]),
            "rate": format_percent(r.counts.seed_rate),
        }
        parts.append(
            f'<rect x="{x + step * 0.15:.1f}" y="{top + plot_h - bh:.1f}" '
            f'width="{step * 0.7:.1f}" height="{bh:.1f}" fill="{BLUE}" opacity="0.35">'
            f"<title>{escape(label)}</title></rect>"
        )
        if i % max(1, n // 8) == 0:
            parts.append(
                f'<text x="{x + step / 2:.1f}" y="{h - 18}" font-size="10" text-anchor="middle">'
                f"{r.period.first:%m/%y}</text>"
            )
        rate = r.counts.seed_rate
        if rate is not None:
            y = top + plot_h * (1 - max(0, float(rate) - 90) / 10)
            points.append(f"{x + step / 2:.1f},{y:.1f}")
    if points:
        parts.append(
            f'<polyline points="{" ".join(points)}" fill="none" stroke="{GREEN}" stroke-width="2"/>'
        )
    legend = _(
        "Cột: hồ sơ tiếp nhận theo tháng · Đường: tỷ lệ giải quyết đúng hạn (trục phải, 90–100%)"
    )
    parts.append(f'<text x="{left}" y="{h - 3}" font-size="11">{escape(legend)}</text>')
    return _svg(w, h, "".join(parts), _("Xu hướng tiếp nhận và tỷ lệ đúng hạn theo tháng"))


def channel_svg(rows) -> str:
    """One stacked bar: the share of each channel among dossiers received."""
    total = sum(r.extra["received"] for r in rows)
    if not total:
        return _empty()
    w, h = 600, 80
    x = 0.0
    parts = []
    legend = []
    for r in sorted(rows, key=lambda r: r.key):
        share = r.extra["received"] / total
        colour = CHANNEL_COLOURS.get(r.key, GREY)
        pct = format_percent(None if not total else _pct(r.extra["received"], total))
        label = _("%(channel)s: %(received)s hồ sơ (%(share)s)") % {
            "channel": r.label,
            "received": vn_number(r.extra["received"]),
            "share": pct,
        }
        parts.append(
            f'<rect x="{x:.1f}" y="0" width="{w * share:.1f}" height="36" fill="{colour}">'
            f"<title>{escape(label)}</title></rect>"
        )
        legend.append((colour, label))
        x += w * share
    for i, (colour, label) in enumerate(legend):
        parts.append(
            f'<rect x="{i * 200}" y="50" width="12" height="12" fill="{colour}"/>'
            f'<text x="{i * 200 + 16}" y="61" font-size="11">{escape(label)}</text>'
        )
    return _svg(w, h, "".join(parts), _("Tỷ lệ hồ sơ theo kênh nộp"))


def _pct(a: int, b: int):
    from motcua.reports.domain.ontime import percent

    return percent(a, b)


def ranking_svg(rows) -> str:
    """Horizontal bars: units from the lowest on-time rate up (the ones to look at first)."""
    if not rows:
        return _empty()
    w, bar_h, label_w = 640, 22, 230
    h = len(rows) * (bar_h + 6) + 10
    parts = []
    for i, r in enumerate(rows):
        y = i * (bar_h + 6) + 4
        rate = float(r.counts.seed_rate or 0)
        # 95–100% spread over the bar: differences of tenths of a percent stay visible.
        length = (w - label_w - 70) * max(0.0, rate - 95) / 5
        colour = GREEN if rate >= 99.5 else RED if rate < 98 else "#b54708"
        text = (
            f"{r.label}: {format_percent(r.counts.seed_rate)} "
            f"({vn_number(r.counts.resolved_in_time)}/{vn_number(r.counts.seed_denominator)})"
        )
        parts.append(
            f'<text x="0" y="{y + 15}" font-size="12">{escape(r.label[:34])}</text>'
            f'<rect x="{label_w}" y="{y}" width="{max(length, 1):.1f}" height="{bar_h}" '
            f'fill="{colour}"><title>{escape(text)}</title></rect>'
            f'<text x="{label_w + max(length, 1) + 6:.1f}" y="{y + 15}" font-size="12">'
            f"{escape(format_percent(r.counts.seed_rate))}</text>"
        )
    return _svg(w, h, "".join(parts), _("Xếp hạng đơn vị theo tỷ lệ đúng hạn (thang 95–100%)"))
