"""The coach.report/2 document: built from the analysis, written as JSON, read back, re-derived.

The JSON shape is a contract other tools depend on (see the README); change it only with a new schema name.
"""

from __future__ import annotations

from dataclasses import asdict, replace
from typing import Any, Mapping

from .detect import detect_events
from .metrics import compute_metrics
from .options import AnalysisOptions
from .roles import assign_roles
from .types import AudioInfo, Confidence, Event, Report, Span, SpeakerInfo, Turn, Word

SCHEMA = "coach.report/2"
# coach.report/1 kept how the recording was read in the first two notes (every version wrote them there).
_SETUP_NOTES_IN_V1 = 2


def derive(
    turns: list[Turn],
    overlaps: tuple[Span, ...],
    speakers: tuple[str, ...],
    channel_of: Mapping[str, int],
    talk: Mapping[str, float],
    listener: str | None,
    duration_s: float,
    options: AnalysisOptions,
) -> tuple[tuple[SpeakerInfo, ...], tuple[Event, ...], dict[str, Any]]:
    """Roles, events and metrics: everything that depends on who the listener is."""
    roles = assign_roles(speakers, listener, talk)
    partner = next((s for s, r in roles.items() if r == "partner"), None)
    events = detect_events(turns, listener, options)
    metrics = compute_metrics(turns, events, overlaps, dict(talk), listener, partner, duration_s)
    infos = tuple(
        SpeakerInfo(s, roles[s], channel_of.get(s), round(talk.get(s, 0.0), 2)) for s in speakers
    )
    return infos, tuple(events), metrics


def saved_options(options: AnalysisOptions) -> dict[str, Any]:
    """What a session keeps of how it was analysed: every option, and the labeller's version."""
    from .behaviours import labeller_version

    return {**options.to_dict(), "labeller": labeller_version()}


def _r(x: float) -> float:
    return round(float(x), 3)


def report_to_dict(report: Report) -> dict[str, Any]:
    return {
        "schema": SCHEMA,
        "session_id": report.session_id,
        "audio": asdict(report.audio),
        "model": {"name": report.model},
        "speakers": [asdict(s) for s in report.speakers],
        "turns": [
            {
                "speaker": t.speaker,
                "start": _r(t.start),
                "end": _r(t.end),
                "text": t.text,
                "words": [
                    {"word": w.word, "start": _r(w.start), "end": _r(w.end), "probability": _r(w.probability)}
                    for w in t.words
                ],
            }
            for t in report.turns
        ],
        "overlaps": [{"start": _r(o.start), "end": _r(o.end)} for o in report.overlaps],
        "events": [
            {
                "type": e.type,
                "speaker": e.speaker,
                "start": _r(e.start),
                "end": _r(e.end),
                "text": e.text,
                "detail": dict(e.detail),
            }
            for e in report.events
        ],
        "metrics": dict(report.metrics),
        "confidence": {"level": report.confidence.level, "warnings": list(report.confidence.warnings)},
        "setup": list(report.setup),
        "notes": list(report.notes),
        "options": dict(report.options),
        "timings": dict(report.timings),
    }


def upgraded(data: Mapping[str, Any]) -> dict[str, Any]:
    """A report written under an earlier schema, in today's shape (the store upgrades its sessions with
    this once; ``report_from_dict`` accepts either)."""
    if data.get("schema", SCHEMA) == SCHEMA:
        return dict(data)
    notes = list(data.get("notes", ()))
    return {**data, "schema": SCHEMA, "setup": notes[:_SETUP_NOTES_IN_V1], "notes": notes[_SETUP_NOTES_IN_V1:]}


def report_from_dict(data: Mapping[str, Any]) -> Report:
    data = upgraded(data)
    setup, notes = data.get("setup", ()), data.get("notes", ())
    return Report(
        audio=AudioInfo(**data["audio"]),
        model=data["model"]["name"],
        speakers=tuple(SpeakerInfo(**s) for s in data["speakers"]),
        turns=tuple(
            Turn(
                t["speaker"],
                t["start"],
                t["end"],
                t["text"],
                tuple(Word(w["start"], w["end"], w["word"], w.get("probability", 1.0)) for w in t["words"]),
            )
            for t in data["turns"]
        ),
        overlaps=tuple(Span(o["start"], o["end"]) for o in data["overlaps"]),
        events=tuple(Event(e["type"], e["speaker"], e["start"], e["end"], e["text"], e["detail"]) for e in data["events"]),
        metrics=data["metrics"],
        timings=data.get("timings", {}),
        options=data.get("options", {}),
        confidence=Confidence(**data.get("confidence", {"level": "fair"})),
        setup=tuple(setup),
        notes=tuple(notes),
        session_id=data.get("session_id"),
    )


def with_listener(data: Mapping[str, Any], listener: str) -> dict[str, Any]:
    """The same report with ``listener`` as the person practising: events and metrics re-derived
    from the stored turns with the options the session was analysed with."""
    report = report_from_dict(data)
    ids = tuple(s.id for s in report.speakers)
    if listener not in ids:
        raise ValueError(f"no speaker {listener} in this session")
    options = AnalysisOptions.from_dict({**report.options, "listener": listener})
    speakers, events, metrics = derive(
        list(report.turns),
        report.overlaps,
        ids,
        {s.id: s.channel for s in report.speakers if s.channel is not None},
        {s.id: s.talk_time_s for s in report.speakers},
        listener,
        report.audio.duration_s,
        options,
    )
    setup = (*report.setup[:1], f"listener {listener}: chosen after the analysis")
    updated = replace(
        report, speakers=speakers, events=events, metrics=metrics, options=saved_options(options), setup=setup
    )
    return report_to_dict(updated)
