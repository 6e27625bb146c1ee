"""Small trend charts for the history page, drawn on the server as SVG (no chart library, no script)."""

from __future__ import annotations

from typing import Sequence

from markupsafe import Markup, escape

from .metrics import Metric

W, H = 320, 150
LEFT, RIGHT, TOP, BOTTOM = 40, 10, 12, 26
DOTS_UP_TO = 60  # beyond this many sessions the dots would merge into the line


def trend(metric: Metric, values: Sequence[float | None], dates: Sequence[str], goal: float | None = None) -> Markup:
    """``values`` oldest first, one per session (None where the session lacks the number)."""
    known = [(i, v) for i, v in enumerate(values) if v is not None]
    title = escape(metric.label)
    if not known:
        return Markup(
            f'<svg class="trend" viewBox="0 0 {W} {H}" role="img" aria-label="{title}: no data yet">'
            f'<text class="empty" x="{W / 2}" y="{H / 2}" text-anchor="middle">No sessions with this yet</text></svg>'
        )
    lo = min(0.0, *(v for _, v in known))
    hi = max(*(v for _, v in known), goal if goal is not None else lo, 1.0 if metric.unit == "share" else 0.0)
    if metric.unit == "rating":
        lo, hi = 1.0, 5.0
    if hi - lo < 1e-9:
        hi = lo + 1.0
    n = len(values)

    def px(i: int) -> float:
        return LEFT + (W - LEFT - RIGHT) * (i / (n - 1) if n > 1 else 0.5)

    def py(v: float) -> float:
        return TOP + (H - TOP - BOTTOM) * (1 - (v - lo) / (hi - lo))

    recent = ", ".join(metric.format(v) for _, v in known[-5:])
    parts = [
        f'<svg class="trend" viewBox="0 0 {W} {H}" role="img" '
        f'aria-label="{title}, {len(known)} sessions, most recent: {escape(recent)}">',
        f'<line class="grid" x1="{LEFT}" x2="{W - RIGHT}" y1="{py(hi):.1f}" y2="{py(hi):.1f}"/>',
        f'<line class="grid" x1="{LEFT}" x2="{W - RIGHT}" y1="{py(lo):.1f}" y2="{py(lo):.1f}"/>',
        f'<text class="tick" x="{LEFT - 5}" y="{py(hi) + 4:.1f}" text-anchor="end">{escape(metric.format(hi))}</text>',
        f'<text class="tick" x="{LEFT - 5}" y="{py(lo) + 4:.1f}" text-anchor="end">{escape(metric.format(lo))}</text>',
    ]
    if goal is not None:
        parts.append(
            f'<line class="goal" x1="{LEFT}" x2="{W - RIGHT}" y1="{py(goal):.1f}" y2="{py(goal):.1f}">'
            f"<title>Your goal: {escape(metric.format(goal))}</title></line>"
        )
    points = " ".join(f"{px(i):.1f},{py(v):.1f}" for i, v in known)
    parts.append(f'<polyline class="line" points="{points}"/>')
    if len(known) <= DOTS_UP_TO:
        for i, v in known:
            parts.append(
                f'<circle class="dot" cx="{px(i):.1f}" cy="{py(v):.1f}" r="3.5">'
                f"<title>{escape(dates[i])}: {escape(metric.format(v))}</title></circle>"
            )
    else:
        i, v = known[-1]
        parts.append(f'<circle class="dot" cx="{px(i):.1f}" cy="{py(v):.1f}" r="3.5"/>')
    parts.append(f'<text class="tick" x="{LEFT}" y="{H - 6}">{escape(dates[0])}</text>')
    if n > 1:
        parts.append(f'<text class="tick" x="{W - RIGHT}" y="{H - 6}" text-anchor="end">{escape(dates[-1])}</text>')
    parts.append("</svg>")
    return Markup("".join(parts))
