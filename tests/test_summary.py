"""The CLI's plain-text feedback, and the doubt it shares with the page about words said over each other."""

from __future__ import annotations

import pytest

from coach.summary import DOUBT, format_summary, mmss, words_in_doubt

from .web_support import make_report


@pytest.mark.parametrize(
    "mode, overlaps, start, end, doubtful",
    [
        ("single-mic", [(4.9, 6.5)], 4.9, 8.0, True),  # 1.6 s of 3.1 s said over the other voice
        ("single-mic", [(4.9, 6.4)], 4.9, 8.0, False),  # 1.5 s: less than half
        ("single-mic", [(4.0, 5.0), (7.0, 9.0)], 4.9, 8.0, False),  # two bits, 1.1 s
        ("single-mic", [(4.0, 6.0), (7.0, 9.0)], 4.9, 8.0, True),  # 1.1 + 1.0 s
        ("two-mic", [(4.0, 9.0)], 4.9, 8.0, False),  # each voice on its own microphone
        ("single-mic", [(4.0, 9.0)], 5.0, 5.0, False),  # no time, no words
    ],
)
def test_words_said_mostly_over_the_other_voice_on_one_microphone_are_in_doubt(mode, overlaps, start, end, doubtful):
    report = {"audio": {"mode": mode}, "overlaps": [{"start": a, "end": b} for a, b in overlaps]}
    assert words_in_doubt(report, start, end) is doubtful


def test_the_summary_says_which_moments_may_be_misheard():
    report = make_report()  # single-mic; the listener's advice 4.9–8.0 s cuts in on the partner
    report["metrics"]["interruptions_took_floor"] = 1
    report["overlaps"] = [{"start": 4.9, "end": 7.0}]
    text = format_summary(report)
    said = '    0:05  "You should just talk to your boss about it."'
    assert f"{said}\n           ({DOUBT})\n  Advice nobody asked for:" in text
    assert text.count(DOUBT) == 2  # under "talked over" and under "advice": the same words
    report["overlaps"] = [{"start": 4.9, "end": 5.6}]
    assert DOUBT not in format_summary(report)


def test_lengths_round_to_the_second():
    assert [mmss(s) for s in (0, 59.4, 59.6, 64.0, 3600)] == ["0:00", "0:59", "1:00", "1:04", "60:00"]
