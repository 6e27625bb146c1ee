"""The transcript as the session page shows it: who said what, what kind of listening it was, and for
each piece of advice or interruption a suggestion of what an attentive listener might have said."""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from typing import Any, Callable

from ..summary import words_in_doubt
from .timeline import clock, speaker_names, turn_anchor, turn_index

log = logging.getLogger(__name__)

# (label shown, tone): "good" listening, "watch" for what the practice is about, "" neutral.
LABELS: dict[str, tuple[str, str]] = {
    "interruption": ("spoke over", "watch"),
    "advice": ("advice", "watch"),
    "judgment": ("judging", "watch"),
    "self_focus": ("about yourself", "watch"),
    "closed_question": ("closed question", ""),
    "permission": ("asked first", "good"),
    "open_question": ("open question", "good"),
    "reflection": ("reflection", "good"),
    "validation": ("validation", "good"),
    "backchannel": ("encouraging sound", "good"),
}
SUGGEST_FOR = ("advice", "interruption")

Suggester = Callable[[dict[str, Any], dict[str, Any]], "str | None"]


@dataclass(frozen=True)
class Suggestion:
    text: str
    instead_of: str = ""  # the words it would replace, where they are only part of the line


@dataclass
class Line:
    index: int
    anchor: str
    speaker: str
    name: str
    role: str
    start: float
    end: float
    text: str
    labels: list[tuple[str, str]] = field(default_factory=list)
    suggestions: list[Suggestion] = field(default_factory=list)
    encouraged: int = 0  # the listener's backchannels heard during this line
    backchannel: bool = False  # folded into the line it encouraged rather than shown on its own
    overheard: bool = False  # single-mic, said mostly over the other voice: its words are in doubt

    @property
    def clock(self) -> str:
        return clock(self.start)


def default_suggester() -> Suggester | None:
    try:
        from ..suggest import suggestion_for
    except ImportError:  # the page still works, just without the suggestions
        log.warning("coach.suggest is missing: no suggestions on the session page")
        return None
    return suggestion_for


def lines(report: dict[str, Any], suggest: Suggester | None = None) -> list[Line]:
    names = speaker_names(report)
    roles = {s["id"]: s.get("role", "other") for s in report.get("speakers", [])}
    turns = report.get("turns", [])
    out = [
        Line(
            index=i,
            anchor=turn_anchor(i),
            speaker=t["speaker"],
            name=names.get(t["speaker"], t["speaker"]),
            role=roles.get(t["speaker"], "other"),
            start=float(t["start"]),
            end=float(t["end"]),
            text=(t.get("text") or "").strip(),
        )
        for i, t in enumerate(turns)
    ]
    for ln in out:
        ln.overheard = words_in_doubt(report, ln.start, ln.end)
    for e in sorted(report.get("events", []), key=lambda e: e["start"]):
        kind = e.get("type", "")
        if kind not in LABELS:
            continue
        is_listener = roles.get(e.get("speaker", "")) == "listener"
        if kind == "backchannel":
            # A backchannel sits inside the partner's speech: note it on the line it encouraged.
            host = next((ln for ln in out if ln.speaker != e["speaker"] and ln.start <= e["start"] <= ln.end), None)
            if host is not None and is_listener:
                host.encouraged += 1
            i = turn_index(turns, e["speaker"], e["start"])
            if i is not None and abs(turns[i]["start"] - e["start"]) < 0.05:
                out[i].backchannel = True
            continue
        i = turn_index(turns, e["speaker"], e["start"])
        if i is None or (not is_listener and kind != "interruption"):
            continue
        line = out[i]
        label = LABELS[kind]
        if kind == "advice" and (e.get("detail") or {}).get("with_permission"):
            label = ("advice, asked for", "")
        if label not in line.labels:
            line.labels.append(label)
        if is_listener and kind in SUGGEST_FOR and suggest is not None and label[1] == "watch":
            try:
                text = suggest(e, report)
            except Exception:  # a suggestion is a nicety; a bug in it must not take the page down
                log.exception("suggestion failed for %s at %.1f", kind, e["start"])
                text = None
            if text and not line.suggestions:  # one per line: advice and interruption are often one act
                said = (e.get("text") or "").strip()
                line.suggestions.append(Suggestion(text, said if said and said != line.text else ""))
    return [ln for ln in out if not ln.backchannel]
