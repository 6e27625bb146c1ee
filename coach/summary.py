"""The short plain-text feedback the CLI prints after an analysis (a pure function of the report)."""

from __future__ import annotations

from typing import Any, Mapping


def _mmss(seconds: float) -> str:
    seconds = max(0, round(float(seconds)))
    return f"{seconds // 60}:{seconds % 60:02d}"


def _quote(text: str, limit: int = 70) -> str:
    text = " ".join(text.split())
    return f'"{text[: limit - 1]}…"' if len(text) > limit else f'"{text}"'


def format_summary(report: Mapping[str, Any], examples: int = 3) -> str:
    m = report["metrics"]
    audio = report["audio"]
    notes = [*report.get("setup", ()), *report.get("notes", ())]
    lines = [f"{audio['path']}: {_mmss(audio['duration_s'])}, {audio['mode']}, model {report['model']['name']}"]
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
                lines.append(f"    {_mmss(e['start'])}  {_quote(e['text']) if e['text'] else '(no words caught)'}")
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
