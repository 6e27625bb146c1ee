"""Voice activity, and the two-mic detector that must hear each person on their own microphone only."""

from __future__ import annotations

import numpy as np
import pytest

from coach.types import SAMPLE_RATE, Span
from coach.vad import close_gaps, drop_short, mask_to_spans, own_voice_activity, silero_speech, spans_to_mask

from .helpers import two_mic_mix, voice


def test_mask_spans_round_trip():
    spans = [Span(0.1, 0.5), Span(1.0, 1.2)]
    mask = spans_to_mask(spans, 200)
    assert mask_to_spans(mask) == spans
    assert mask_to_spans(np.zeros(10, bool)) == []


def test_close_gaps_and_drop_short():
    mask = np.array([1, 1, 0, 0, 1, 0, 0, 0, 0, 1], bool)
    assert close_gaps(mask, 2).tolist() == [1, 1, 1, 1, 1, 0, 0, 0, 0, 1]
    assert drop_short(mask, 2).tolist() == [1, 1, 0, 0, 0, 0, 0, 0, 0, 0]


def test_silero_finds_no_speech_in_silence_or_a_tone():
    assert silero_speech(np.zeros(SAMPLE_RATE * 3, np.float32)) == []
    t = np.arange(SAMPLE_RATE * 3) / SAMPLE_RATE
    assert silero_speech((0.3 * np.sin(2 * np.pi * 440 * t)).astype(np.float32)) == []
    assert silero_speech(np.zeros(10, np.float32)) == []


@pytest.mark.parametrize("leak_db, gains", [(-15, (1.0, 1.0)), (-25, (0.4, 1.6)), (-20, (1.8, 0.5))])
def test_own_voice_activity_rejects_crosstalk(shared_data, leak_db, gains):
    a = voice(shared_data, "1688", 0)[: SAMPLE_RATE * 6]
    b = voice(shared_data, "2033", 1)[: SAMPLE_RATE * 5]
    mixed, own = two_mic_mix(a, b, b_at=4.0, leak_db=leak_db, gains=gains)
    speech = [silero_speech(mixed[c]) for c in range(2)]
    active = own_voice_activity(mixed, crosstalk_db=6.0, min_speech_s=0.12, speech_spans=speech)
    n = active.shape[1]
    for c in range(2):
        truth = spans_to_mask(silero_speech(own[c]), n)
        agree = np.mean(active[c] == truth)
        assert agree > 0.9, f"channel {c}: only {agree:.0%} of frames right"
        # The other person's speech alone (not overlapped) must not show up on this channel.
        other_only = spans_to_mask(silero_speech(own[1 - c]), n) & ~truth
        assert np.mean(active[c][other_only]) < 0.05
    # Where both really talk at once (from 4 s), both are mostly heard. Measured 0.60–0.95 by the case:
    # a quiet voice under a loud one's leak loses its soft syllables (the benchmark tracks overlap F1).
    truth_both = spans_to_mask(silero_speech(own[0]), n) & spans_to_mask(silero_speech(own[1]), n)
    assert truth_both.sum() > 50
    assert np.mean((active[0] & active[1])[truth_both]) > 0.55
