"""The whole analysis through the real models, checked against the bundled sample's ground truth."""

from __future__ import annotations

import json
from dataclasses import fields

import pytest

from coach.behaviours import labeller_version
from coach.options import AnalysisOptions
from coach.paths import samples_dir
from coach.pipeline import analyze
from coach.report import report_to_dict

pytestmark = pytest.mark.slow

TRUTH = json.loads((samples_dir() / "practice-two-mic.json").read_text())


def matched(found, truth, key="time", within=1.0):
    """How many truth events have a found event starting within ``within`` seconds."""
    return sum(any(abs(f["start"] - t[key]) <= within for f in found) for t in truth)


def words_of(text: str) -> list[str]:
    return "".join(c for c in text.lower() if c.isalnum() or c.isspace()).split()


@pytest.fixture(scope="module")
def two_mic():
    stages = []
    report = analyze(samples_dir() / TRUTH["files"]["two-mic"], AnalysisOptions(listener="left"),
                     progress=lambda stage, fraction: stages.append((stage, fraction)))
    return report_to_dict(report), stages


def test_two_mic_sample_finds_every_interruption_and_backchannel(two_mic):
    report, _ = two_mic
    listener = next(s["id"] for s in report["speakers"] if s["role"] == "listener")
    assert next(s for s in report["speakers"] if s["id"] == listener)["channel"] == TRUTH["channels"]["L"]
    events = [e for e in report["events"] if e["speaker"] == listener]
    interruptions = [e for e in events if e["type"] == "interruption"]
    backchannels = [e for e in events if e["type"] == "backchannel"]
    assert matched(interruptions, TRUTH["interruptions"]) == len(TRUTH["interruptions"])
    assert len(interruptions) == len(TRUTH["interruptions"])
    assert matched(backchannels, TRUTH["backchannels"]) == len(TRUTH["backchannels"])
    assert len(backchannels) == len(TRUTH["backchannels"])
    outcomes = sorted(e["detail"]["outcome"] for e in interruptions)
    assert outcomes == sorted(t["outcome"] for t in TRUTH["interruptions"])


def test_two_mic_sample_advice_permission_and_invariants(two_mic):
    report, _ = two_mic
    m = report["metrics"]
    truth_advice = [u for u in TRUTH["utterances"] if "advice" in u["labels"]]
    assert m["advice"] == len(truth_advice)
    assert m["advice_unasked"] == sum(not u.get("permitted") for u in truth_advice)
    assert m["permission"] == 1 and m["open_questions"] >= 2
    turns = report["turns"]
    assert turns == sorted(turns, key=lambda t: (t["start"], t["end"]))
    assert all(t["start"] <= t["end"] for t in turns)
    assert all(e["start"] <= e["end"] for e in report["events"])
    # saved with the session: every option, and which labeller found the advice
    assert set(report["options"]) == {f.name for f in fields(AnalysisOptions)} | {"labeller"}
    assert report["options"]["labeller"] == labeller_version()


def test_two_mic_sample_keeps_what_the_listener_said_over_the_partner(two_mic):
    """Both say "I" at the same moment (30.7 s); the listener's is theirs, not the partner's leak."""
    report, _ = two_mic
    listener = next(s["id"] for s in report["speakers"] if s["role"] == "listener")
    said = next(u["text"] for u in TRUTH["utterances"] if "self_focus" in u["labels"])
    turn = next(t for t in report["turns"] if t["speaker"] == listener and 29 < t["start"] < 31)
    assert words_of(turn["text"]) == words_of(said)


def test_progress_moves_forward_to_the_end(two_mic):
    _, stages = two_mic
    fractions = [f for _, f in stages]
    assert fractions == sorted(fractions)
    assert fractions[-1] == 1.0
    assert [s for s, _ in stages][0] == "decode" and "transcribe" in {s for s, _ in stages}


def test_single_mic_sample_finds_both_voices_and_the_cut_ins(monkeypatch):
    import coach.pipeline

    filled = []
    fill = coach.pipeline.fill_skipped
    monkeypatch.setattr(coach.pipeline, "fill_skipped", lambda *a, **k: filled.append(a) or fill(*a, **k))
    report = report_to_dict(analyze(samples_dir() / TRUTH["files"]["single-mic"], AnalysisOptions(listener="second")))
    assert len(report["speakers"]) == 2
    assert report["overlaps"]
    # what Whisper skipped is looked for on one microphone too, away from where two voices overlap
    ((_, signals, _, _, min_gap_s, _, avoid),) = filled
    assert list(signals) == ["mono"] and min_gap_s == 1.5
    assert [[round(o.start, 3), round(o.end, 3)] for o in avoid] == [[o["start"], o["end"]] for o in report["overlaps"]]
    listener = next(s["id"] for s in report["speakers"] if s["role"] == "listener")
    interruptions = [e for e in report["events"] if e["type"] == "interruption" and e["speaker"] == listener]
    assert matched(interruptions, TRUTH["interruptions"]) >= 1
    words = " ".join(t["text"] for t in report["turns"]).lower()
    assert "human resources" in words and "weekly check" in words
