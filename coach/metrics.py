"""The numbers a listener sees: computed from turns, events and roles only."""

from __future__ import annotations

import statistics
from typing import Any

from .types import Event, Span, Turn


def _count(events: list[Event], kind: str, speaker: str, **detail: Any) -> int:
    return sum(
        1
        for e in events
        if e.type == kind and e.speaker == speaker and all(e.detail.get(k) == v for k, v in detail.items())
    )


def _stories(
    turns: list[Turn], speaker: str, backchannels: set[tuple[str, float]], interruptions: set[tuple[str, float]]
) -> list[tuple[float, float]]:
    """Stretches where ``speaker`` keeps the floor: their turns, joined across anything others say that is
    only a backchannel. An interruption ends the stretch where it starts; a reply ends it where the
    speaker had stopped."""
    stretches: list[tuple[float, float]] = []
    current: tuple[float, float] | None = None
    for t in turns:
        if t.speaker == speaker:
            current = (t.start, t.end) if current is None else (current[0], max(current[1], t.end))
        elif (t.speaker, t.start) not in backchannels and current is not None:
            cut = max(t.start, current[0]) if (t.speaker, t.start) in interruptions else current[1]
            stretches.append((current[0], cut))
            current = None
    if current is not None:
        stretches.append(current)
    return stretches


def compute_metrics(
    turns: list[Turn],
    events: list[Event],
    overlaps: tuple[Span, ...],
    talk: dict[str, float],
    listener: str | None,
    partner: str | None,
    duration_s: float,
) -> dict[str, Any]:
    """Metrics of the listener (and the partner's share); ``None`` where a number has no meaning."""
    overlap_s = round(sum(o.duration for o in overlaps), 2)
    base: dict[str, Any] = {"duration_s": round(duration_s, 2), "overlap_s": overlap_s}
    if listener is None or partner is None:
        return base
    minutes10 = duration_s / 600 if duration_s > 0 else None
    listener_talk, partner_talk = talk.get(listener, 0.0), talk.get(partner, 0.0)
    both = listener_talk + partner_talk
    interruptions = _count(events, "interruption", listener)
    # Whole turns that were only a backchannel (a turn may also start with one and go on).
    whole_turns = {(t.speaker, t.start, t.end) for t in turns}
    backchannel_keys = {(e.speaker, e.start) for e in events
                        if e.type == "backchannel" and (e.speaker, e.start, e.end) in whole_turns}
    open_q = _count(events, "open_question", listener)
    closed_q = _count(events, "closed_question", listener)
    reflections = _count(events, "reflection", listener)
    questions = open_q + closed_q

    # The gap after the partner stops: measured against whoever spoke last (by end time), so that a
    # reply to the partner is not measured from one's own earlier words.
    gaps = []
    last: Turn | None = None
    for t in turns:
        if (t.speaker, t.start) in backchannel_keys:
            continue
        if last is not None and last.speaker == partner and t.speaker == listener and t.start >= last.end:
            gaps.append(t.start - last.end)
        if last is None or t.end > last.end:
            last = t

    interruption_keys = {(e.speaker, e.start) for e in events if e.type == "interruption"}
    listener_runs = _stories(turns, listener, backchannel_keys, interruption_keys)
    partner_runs = _stories(turns, partner, backchannel_keys, interruption_keys)
    return {
        **base,
        "listener_talk_s": round(listener_talk, 2),
        "partner_talk_s": round(partner_talk, 2),
        "partner_talk_share": round(partner_talk / both, 3) if both else None,
        "interruptions": interruptions,
        "interruptions_took_floor": _count(events, "interruption", listener, outcome="took_floor"),
        "interruptions_per_10min": round(interruptions / minutes10, 2) if minutes10 else None,
        "partner_interruptions": _count(events, "interruption", partner),
        "backchannels": _count(events, "backchannel", listener),
        "advice": _count(events, "advice", listener),
        "advice_unasked": _count(events, "advice", listener, with_permission=False),
        "advice_with_permission": _count(events, "advice", listener, with_permission=True),
        "permission": _count(events, "permission", listener),
        "open_questions": open_q,
        "closed_questions": closed_q,
        "reflections": reflections,
        "validations": _count(events, "validation", listener),
        "self_focus": _count(events, "self_focus", listener),
        "judgments": _count(events, "judgment", listener),
        "reflection_to_question_ratio": round(reflections / questions, 2) if questions else None,
        "median_response_gap_s": round(statistics.median(gaps), 2) if gaps else None,
        "longest_listener_monologue_s": round(max((b - a for a, b in listener_runs), default=0.0), 1),
        "longest_partner_story_s": round(max((b - a for a, b in partner_runs), default=0.0), 1),
    }
