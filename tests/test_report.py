"""The coach.report/2 document: round trip and re-deriving with another listener."""

from __future__ import annotations

import json

from coach.behaviours import labeller_version
from coach.options import AnalysisOptions
from coach.report import derive, report_from_dict, report_to_dict, upgraded, with_listener
from coach.types import AudioInfo, Confidence, Report, Span, Turn, Word


def make_report() -> Report:
    turns = [
        Turn("S1", 0, 8, "work has been hard", (Word(0, 1, "work"), Word(1, 2, "has"))),
        Turn("S2", 5, 7, "you should quit", (Word(5, 6, "you"),)),
        Turn("S1", 8.5, 9.5, "have you tried resting"),
    ]
    options = AnalysisOptions(listener="second")
    speakers, events, metrics = derive(
        turns, (Span(5, 7),), ("S1", "S2"), {"S1": 0, "S2": 1}, {"S1": 9.0, "S2": 2.0}, "S2", 10.0, options
    )
    return Report(
        audio=AudioInfo("talk.wav", 10.0, 2, 16000, "two-mic"),
        model="tiny.en",
        speakers=speakers,
        turns=tuple(turns),
        overlaps=(Span(5, 7),),
        events=events,
        metrics=metrics,
        timings={"total_s": 1.0},
        options=options.to_dict(),
        confidence=Confidence("good"),
        setup=("two channels, one person per microphone (correlation 0.10)", "listener S2: the second person to speak"),
        notes=("no speech of its own on the left channel",),
    )


def test_json_contract_and_round_trip():
    data = report_to_dict(make_report())
    assert data["schema"] == "coach.report/2"
    assert set(data) >= {"schema", "session_id", "audio", "model", "speakers", "turns", "overlaps", "events",
                         "metrics", "timings"}
    assert data["speakers"][1] == {"id": "S2", "role": "listener", "channel": 1, "talk_time_s": 2.0}
    json.dumps(data)  # serialisable as is
    assert report_to_dict(report_from_dict(json.loads(json.dumps(data)))) == data


def test_a_first_schema_report_reads_back_with_its_setup_apart_from_its_notes():
    today = report_to_dict(make_report())
    v1 = {k: v for k, v in today.items() if k != "setup"} | {
        "schema": "coach.report/1", "notes": today["setup"] + today["notes"],
    }
    assert report_to_dict(report_from_dict(v1)) == today
    assert upgraded(v1) == today
    assert upgraded(today) == today


def test_with_listener_swaps_roles_and_rederives():
    data = report_to_dict(make_report())
    assert data["metrics"]["interruptions"] == 1 and data["metrics"]["advice"] == 1
    swapped = with_listener(data, "S1")
    roles = {s["id"]: s["role"] for s in swapped["speakers"]}
    assert roles == {"S1": "listener", "S2": "partner"}
    assert swapped["metrics"]["interruptions"] == 0
    assert swapped["metrics"]["advice"] == 1  # "have you tried resting" is now the listener's
    assert swapped["options"]["listener"] == "S1"
    # how the listener was chosen is no longer "the second person to speak"
    assert swapped["setup"] == [data["setup"][0], "listener S1: chosen after the analysis"]
    assert swapped["notes"] == data["notes"]
    assert swapped["turns"] == data["turns"]
    # re-derived with today's labeller, and it says so
    assert swapped["options"]["labeller"] == labeller_version()
