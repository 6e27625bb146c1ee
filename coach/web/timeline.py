"""The conversation as an SVG drawn on the server: readable without JavaScript, seekable with it.

One lane per person, speech as bars, overlaps shaded across the lanes, and a mark for every
interruption and piece of advice. Marks are links to the transcript line; the page's script turns a
click into a seek of the audio to ``data-seek`` (a little before the moment, to hear how it came about).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from markupsafe import Markup, escape

from ..summary import words_in_doubt

WIDTH = 1000
GUTTER = 92  # room for the lane names
LANE_H = 34
TOP = 18  # room for the interruption marks above the first lane
AXIS_H = 24
LEAD_IN_S = 1.5
TICK_STEPS = (5, 10, 15, 30, 60, 120, 300, 600, 900, 1800, 3600)


def clock(t: float) -> str:
    t = max(0, int(t))
    return f"{t // 3600}:{t // 60 % 60:02d}:{t % 60:02d}" if t >= 3600 else f"{t // 60}:{t % 60:02d}"


@dataclass(frozen=True)
class Mark:
    """A moment worth hearing again, shown on the timeline and in the list beside it."""

    kind: str  # "interruption" or "advice"; for what went well, the good listening it was
    speaker: str
    start: float
    seek: float
    text: str
    anchor: str  # the transcript line it links to, or ""
    mine: bool  # by the listener (what the feedback is about) rather than by the partner


def listeners(report: dict[str, Any]) -> set[str]:
    return {s["id"] for s in report.get("speakers", []) if s.get("role") == "listener"}


def speaker_names(report: dict[str, Any]) -> dict[str, str]:
    """"You" for the listener, "Partner" for the first partner, "Speaker N" for anyone else."""
    names: dict[str, str] = {}
    for s in report.get("speakers", []):
        role = s.get("role")
        if role == "listener":
            names[s["id"]] = "You"
        elif role == "partner" and "Partner" not in names.values():
            names[s["id"]] = "Partner"
        else:
            names[s["id"]] = f"Speaker {len(names) + 1}"
    for t in report.get("turns", []):  # speakers missing from the list still get a lane
        names.setdefault(t["speaker"], f"Speaker {len(names) + 1}")
    return names


def lane_order(report: dict[str, Any]) -> list[str]:
    roles = {s["id"]: s.get("role") for s in report.get("speakers", [])}
    rank = {"listener": 0, "partner": 1}
    ids = list(speaker_names(report))
    return sorted(ids, key=lambda i: (rank.get(roles.get(i) or "", 2), ids.index(i)))


def turn_anchor(i: int) -> str:
    return f"turn-{i}"


def marks(report: dict[str, Any]) -> list[Mark]:
    listener = listeners(report)
    turns = report.get("turns", [])
    out = []
    for e in report.get("events", []):
        if e.get("type") not in ("interruption", "advice"):
            continue
        if e["type"] == "advice" and (e.get("detail") or {}).get("with_permission"):
            continue  # asked-for advice is not a moment to regret
        i = turn_index(turns, e["speaker"], e["start"])
        out.append(
            Mark(
                kind=e["type"],
                speaker=e["speaker"],
                start=float(e["start"]),
                seek=max(0.0, float(e["start"]) - LEAD_IN_S),
                text=e.get("text") or (turns[i]["text"] if i is not None else ""),
                anchor=turn_anchor(i) if i is not None else "",
                mine=e["speaker"] in listener,
            )
        )
    return sorted(out, key=lambda m: m.start)


@dataclass(frozen=True)
class Moment:
    """One line of "moments to hear again": a turn with its marks (advice said over the partner is
    one moment, not two)."""

    mark: Mark
    text: str


def moments(report: dict[str, Any]) -> list[Moment]:
    names = speaker_names(report)
    grouped: dict[tuple[str, str | float], list[Mark]] = {}
    for m in marks(report):
        grouped.setdefault((m.speaker, m.anchor or m.start), []).append(m)
    out = []
    for ms in grouped.values():
        first, kinds = ms[0], {m.kind for m in ms}
        did = []
        if "interruption" in kinds:
            did.append("spoke over your partner" if first.mine else "spoke over you")
        if "advice" in kinds:
            did.append("gave advice")
        name = names.get(first.speaker, first.speaker)
        who = "You" if first.mine else "Your partner" if name == "Partner" else name
        out.append(Moment(first, f"{who} {' and '.join(did)}"))
    return sorted(out, key=lambda m: m.mark.start)


# Good listening worth hearing again, in the order it is named when one turn did several.
WELL_DONE = {
    "reflection": "said back what you heard",
    "validation": "showed their feelings make sense",
    "open_question": "asked an open question",
    "permission": "asked before offering ideas",
}
WELL_DONE_SHOWN = 8
WELL_DONE_FIRST = ("reflection", "validation")  # the harder skills, kept when there are too many to show


def well_done(report: dict[str, Any]) -> tuple[list[Moment], int]:
    """The listener's turns that were good listening, as moments to hear again (at most WELL_DONE_SHOWN,
    reflections and validations first), and how many more there were. A turn said mostly over the other
    voice on one microphone is left out: its words may not be the listener's."""
    listener = listeners(report)
    turns = report.get("turns", [])
    by_turn: dict[int, list[dict[str, Any]]] = {}
    for e in report.get("events", []):
        if e.get("type") in WELL_DONE and e.get("speaker") in listener:
            i = turn_index(turns, e["speaker"], e["start"])
            if i is not None and not words_in_doubt(report, turns[i]["start"], turns[i]["end"]):
                by_turn.setdefault(i, []).append(e)
    out = []
    for i, events in by_turn.items():
        kinds = [k for k in WELL_DONE if any(e["type"] == k for e in events)]
        turn = turns[i]
        mark = Mark(kind=kinds[0], speaker=turn["speaker"], start=float(turn["start"]),
                    seek=max(0.0, float(turn["start"]) - LEAD_IN_S), text=turn.get("text") or "",
                    anchor=turn_anchor(i), mine=True)
        out.append(Moment(mark, "You " + " and ".join(WELL_DONE[k] for k in kinds)))
    shown = sorted(out, key=lambda m: (m.mark.kind not in WELL_DONE_FIRST, m.mark.start))[:WELL_DONE_SHOWN]
    return sorted(shown, key=lambda m: m.mark.start), len(out) - len(shown)


def turn_index(turns: list[dict[str, Any]], speaker: str, t: float) -> int | None:
    best = None
    for i, turn in enumerate(turns):
        if turn["speaker"] != speaker:
            continue
        if turn["start"] - 0.25 <= t <= turn["end"] + 0.25:
            return i
        if turn["start"] <= t:
            best = i
    return best


def _tick_step(duration: float) -> int:
    for step in TICK_STEPS:
        if duration / step <= 10:
            return step
    return TICK_STEPS[-1]


def render(report: dict[str, Any], *, compact: bool = False) -> Markup:
    names = speaker_names(report)
    lanes = lane_order(report)
    duration = max(float(report.get("audio", {}).get("duration_s") or 0.0), 1.0)
    lane_h = 22 if compact else LANE_H
    height = TOP + lane_h * max(len(lanes), 1) + AXIS_H
    scale = (WIDTH - GUTTER - 8) / duration

    def x(t: float) -> float:
        return GUTTER + max(0.0, min(t, duration)) * scale

    lane_y = {sid: TOP + i * lane_h for i, sid in enumerate(lanes)}
    roles = {s["id"]: s.get("role", "other") for s in report.get("speakers", [])}
    parts: list[str] = [
        f'<svg class="timeline" viewBox="0 0 {WIDTH} {height}" role="img" '
        f'data-duration="{duration:.3f}" data-x0="{GUTTER}" data-x1="{WIDTH - 8}" '
        f'aria-label="Timeline of the conversation, {escape(clock(duration))} long: '
        f'{escape(", ".join(names[s] for s in lanes))}">'
    ]
    for sid in lanes:
        y = lane_y[sid]
        parts.append(f'<rect class="lane" x="{GUTTER}" y="{y}" width="{WIDTH - GUTTER - 8}" height="{lane_h - 6}"/>')
        parts.append(
            f'<text class="lane-name" x="{GUTTER - 8}" y="{y + (lane_h - 6) / 2 + 5:.1f}" '
            f'text-anchor="end">{escape(names[sid])}</text>'
        )
    lanes_bottom = TOP + lane_h * len(lanes) - 6
    for o in report.get("overlaps", []):
        parts.append(
            f'<rect class="overlap" x="{x(o["start"]):.1f}" y="{TOP - 4}" '
            f'width="{max(x(o["end"]) - x(o["start"]), 1.5):.1f}" height="{lanes_bottom - TOP + 8}">'
            f"<title>Both talking, {clock(o['start'])}</title></rect>"
        )
    for i, t in enumerate(report.get("turns", [])):
        sid = t["speaker"]
        if sid not in lane_y:
            continue
        snippet = (t.get("text") or "").strip()
        snippet = snippet[:80] + ("…" if len(snippet) > 80 else "")
        parts.append(
            f'<rect class="speech role-{escape(roles.get(sid, "other"))}" x="{x(t["start"]):.1f}" y="{lane_y[sid] + 3}" '
            f'width="{max(x(t["end"]) - x(t["start"]), 1.0):.1f}" height="{lane_h - 12}" rx="2">'
            f"<title>{escape(names[sid])}, {clock(t['start'])}: {escape(snippet) or '(no words heard)'}</title></rect>"
        )
    for m in marks(report):
        if m.speaker not in lane_y:
            continue
        parts.append(_mark_svg(m, x(m.start), lane_y[m.speaker], lane_h, names[m.speaker]))
    parts.append(_axis(duration, x, lanes_bottom + 6))
    parts.append(f'<line class="playhead" x1="{GUTTER}" x2="{GUTTER}" y1="{TOP - 6}" y2="{lanes_bottom + 4}" visibility="hidden"/>')
    parts.append("</svg>")
    return Markup("".join(parts))


def mark_label(m: Mark, who: str) -> str:
    if m.kind == "interruption":
        return f"{who} spoke over {'your partner' if m.mine else 'you'} at {clock(m.start)}"
    return f"{who} gave advice at {clock(m.start)}"


def _mark_svg(m: Mark, cx: float, lane_top: float, lane_h: int, who: str) -> str:
    label = escape(mark_label(m, "You" if m.mine else who))
    if m.kind == "interruption":
        y = lane_top - 2  # a downward triangle pointing at the moment, just above the lane
        shape = f'<path d="M{cx - 7:.1f},{y - 12:.1f} L{cx + 7:.1f},{y - 12:.1f} L{cx:.1f},{y:.1f} Z"/>'
    else:
        cy = lane_top + (lane_h - 6) / 2
        shape = (
            f'<path d="M{cx:.1f},{cy - 8:.1f} L{cx + 8:.1f},{cy:.1f} L{cx:.1f},{cy + 8:.1f} L{cx - 8:.1f},{cy:.1f} Z"/>'
        )
    href = f"#{m.anchor}" if m.anchor else "#transcript"
    return (
        f'<a class="mark mark-{m.kind}{" mine" if m.mine else ""}" href="{href}" data-seek="{m.seek:.2f}" '
        f'data-at="{m.start:.2f}" aria-label="{label}"><title>{label}</title>{shape}</a>'
    )


def _axis(duration: float, x: Any, y: float) -> str:
    step = _tick_step(duration)
    out = [f'<g class="axis" aria-hidden="true"><line x1="{GUTTER}" x2="{WIDTH - 8}" y1="{y}" y2="{y}"/>']
    t = 0
    while t <= duration + 1e-6:
        anchor = "end" if x(t) > WIDTH - 30 else "start" if t == 0 else "middle"
        out.append(
            f'<line x1="{x(t):.1f}" x2="{x(t):.1f}" y1="{y}" y2="{y + 4}"/>'
            f'<text x="{x(t):.1f}" y="{y + 16}" text-anchor="{anchor}">{clock(t)}</text>'
        )
        t += step
    out.append("</g>")
    return "".join(out)

