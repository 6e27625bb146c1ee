"""Metrics from hand-built turns and events."""

from __future__ import annotations

from coach.detect import detect_events
from coach.metrics import compute_metrics
from coach.options import AnalysisOptions
from coach.types import Span, Turn

P, L = "S1", "S2"


def metrics_of(turns, overlaps=(), duration=600.0):
    events = detect_events(turns, L, AnalysisOptions())
    talk = {}
    for t in turns:
        talk[t.speaker] = talk.get(t.speaker, 0) + t.duration
    return compute_metrics(turns, events, tuple(overlaps), talk, L, P, duration)


def test_counts_and_shares():
    turns = [
        Turn(P, 0, 20, "so work has been awful lately"),
        Turn(L, 5, 5.4, "mm-hmm"),
        Turn(L, 21, 23, "it sounds like you're exhausted"),
        Turn(P, 24, 40, "yes and my boss keeps piling it on"),
        Turn(L, 35, 38, "you should talk to HR"),
        Turn(P, 41, 45, "maybe"),
        Turn(L, 46, 47, "what would help most?"),
    ]
    m = metrics_of(turns, [Span(35, 38)])
    assert m["interruptions"] == 1 and m["interruptions_per_10min"] == 1.0
    assert m["backchannels"] == 1
    assert m["advice"] == 1 and m["advice_unasked"] == 1
    assert m["reflections"] == 1 and m["open_questions"] == 1
    assert m["reflection_to_question_ratio"] == 1.0
    assert m["overlap_s"] == 3.0
    assert m["partner_talk_share"] == round(40 / (40 + 6.4), 3)
    assert m["median_response_gap_s"] == 1.0  # 20→21 and 45→46
    # The partner's first stretch runs on through the mm-hmm until the listener replies.
    assert m["longest_partner_story_s"] == 20.0


def test_no_questions_means_no_ratio_and_nothing_divides_by_zero():
    m = metrics_of([Turn(P, 0, 5, "hello")], duration=0.0)
    assert m["reflection_to_question_ratio"] is None
    assert m["median_response_gap_s"] is None
    assert m["interruptions_per_10min"] is None


def test_without_a_listener_only_the_recording_metrics():
    m = compute_metrics([Turn(P, 0, 5, "x")], [], (), {P: 5.0}, None, None, 5.0)
    assert set(m) == {"duration_s", "overlap_s"}
