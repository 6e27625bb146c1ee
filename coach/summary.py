"""The short plain-text feedback the CLI prints after an analysis (a pure function of the report), and
what the page says of a stored report the same way (``words_in_doubt``)."""

from __future__ import annotations

from datetime import datetime
from typing import Any, Mapping

# On one microphone a stretch said mostly while the other talked too has its words in doubt: Whisper
# writes one of the two voices there (bench/separation_trial.py: in utterances said over each other it
# gets about a quarter of the partner's words wrong and half of the listener's).
DOUBTFUL_OVERLAP_SHARE = 0.5
DOUBT = "you both spoke: on one microphone these words may be misheard, or be the other voice's"


def words_in_doubt(report: Mapping[str, Any], start: float, end: float) -> bool:
    """Whether the words said from ``start`` to ``end`` may be misheard or the other voice's: on one
    microphone, when both spoke for at least half of that time."""
    if (report.get("audio") or {}).get("mode") != "single-mic" or end <= start:
        return False
    both = sum(max(0.0, min(float(o["end"]), end) - max(float(o["start"]), start)) for o in report.get("overlaps", []))
    return both >= DOUBTFUL_OVERLAP_SHARE * (end - start)


def local_time(created: str) -> datetime | None:
    """A stored session time (UTC, ISO) in this computer's time zone: people think in their own."""
    try:
        return datetime.fromisoformat(created).astimezone()
    except ValueError:
        return None


def mmss(seconds: float) -> str:
    seconds = max(0, round(float(seconds)))
    return f"{seconds // 60}:{seconds % 60:02d}"


def _quote(text: str, limit: int = 70) -> str:
    text = " ".join(text.split())
    return f'"{text[: limit - 1]}…"' if len(text) > limit else f'"{text}"'


def format_summary(report: Mapping[str, Any], examples: int = 3) -> str:
    m = report["metrics"]
    audio = report["audio"]
    notes = [*report.get("setup", ()), *report.get("notes", ())]
    lines = [f"{audio['path']}: {mmss(audio['duration_s'])}, {audio['mode']}, model {report['model']['name']}"]
    roles = {s["id"]: s["role"] for s in report["speakers"]}
    listener = next((s for s, r in roles.items() if r == "listener"), None)
    if listener is None or "interruptions" not in m:
        lines += [f"  {n}" for n in notes]
        return "\n".join(lines)
    lines.append(f"You are {listener}, the listener.")
    share = m.get("partner_talk_share")
    lines.append("")
    if share is not None:
        lines.append(f"  Your partner talked {share:.0%} of the time" + (" — good, it was their turn." if share >= 0.6 else "."))
    lines.append(
        f"  Interruptions: {m['interruptions']} ({m['interruptions_took_floor']} took the floor)"
        f"   backchannels (mm-hmm, yeah): {m['backchannels']} — those are good listening."
    )
    lines.append(
        f"  Advice: {m['advice']} ({m['advice_unasked']} unasked, {m['advice_with_permission']} after asking)"
        f"   reflections: {m['reflections']}   questions: {m['open_questions']} open, {m['closed_questions']} closed"
    )
    extras = []
    if m.get("validations"):
        extras.append(f"validations: {m['validations']}")
    if m.get("self_focus"):
        extras.append(f"turned to yourself: {m['self_focus']}")
    if m.get("judgments"):
        extras.append(f"judgments: {m['judgments']}")
    if m.get("median_response_gap_s") is not None:
        extras.append(f"you waited {m['median_response_gap_s']:.1f} s (median) before replying")
    if extras:
        lines.append("  " + "   ".join(extras))
    lines.append(f"  Longest stretch your partner talked without being cut off: {m['longest_partner_story_s']:.0f} s")

    def show(kind: str, title: str) -> None:
        chosen = [e for e in report["events"] if e["type"] == kind and e["speaker"] == listener]
        if kind == "advice":
            chosen = [e for e in chosen if not e["detail"].get("with_permission")]
        if chosen:
            lines.append(f"  {title}:")
            for e in chosen[:examples]:
                said = _quote(e["text"]) if e["text"] else "(no words caught)"
                if e["text"] and words_in_doubt(report, e["start"], e["end"]):
                    said += f"\n           ({DOUBT})"
                lines.append(f"    {mmss(e['start'])}  {said}")
            if len(chosen) > examples:
                lines.append(f"    … and {len(chosen) - examples} more")

    lines.append("")
    show("interruption", "Where you talked over your partner")
    show("advice", "Advice nobody asked for")
    show("reflection", "Reflections (well done)")
    if notes:
        lines.append("")
        lines += [f"  note: {n}" for n in notes]
    confidence = report.get("confidence", {})
    if confidence.get("warnings"):
        lines.append("")
        lines.append(f"  Confidence: {confidence['level']}")
        lines += [f"    - {w}" for w in confidence["warnings"]]
    return "\n".join(lines)
