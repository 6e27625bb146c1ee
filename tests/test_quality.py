"""The recording's own confidence: what it warns about, and that clean input gets no warnings."""

from __future__ import annotations

import numpy as np
import pytest

from coach.levels import ECHO_DECAY_DB_S, steepest_decay_db_s
from coach.quality import _clipped_fraction, assess
from coach.vad import frame_power
from coach.types import Audio, Diarization, SpeechRegion

from .helpers import SR, fading_bursts, in_a_room


def speechlike(seconds: float, level: float, seed: int = 0) -> np.ndarray:
    """Noise at ``level``; with_silence_between() then leaves it only where the regions say speech is."""
    return np.random.default_rng(seed).normal(0, level, int(seconds * SR)).astype(np.float32)


def diarization(seconds: float, mode="two-mic") -> Diarization:
    regions = tuple(SpeechRegion("S1" if i % 2 else "S2", i, i + 0.8) for i in range(int(seconds) - 1))
    return Diarization(mode=mode, speakers=("S1", "S2"), regions=regions, overlaps=())


def audio_of(x: np.ndarray) -> Audio:
    return Audio(samples=x[None], path="x.wav", source_rate=SR)


def with_silence_between(x: np.ndarray, seconds: float) -> np.ndarray:
    y = x.copy()
    for i in range(int(seconds) - 1):
        y[int((i + 0.8) * SR) : int((i + 1) * SR)] = 1e-5
    return y


def test_clean_two_mic_recording_is_good():
    x = with_silence_between(speechlike(10, 0.1), 10)
    c = assess(audio_of(x), diarization(10), {"S1": 4.0, "S2": 4.0})
    assert c.level == "good" and c.warnings == ()


def test_clipping_quiet_and_dominance_are_named():
    x = with_silence_between(np.clip(speechlike(10, 2.0), -1, 1), 10)
    c = assess(audio_of(x), diarization(10), {"S1": 9.5, "S2": 0.3})
    text = " ".join(c.warnings)
    assert "clipped" in text and "one voice dominates" in text and c.level == "poor"
    quiet = with_silence_between(speechlike(10, 0.001), 10)
    assert any("very quiet" in w for w in assess(audio_of(quiet), diarization(10), {"S1": 4, "S2": 4}).warnings)


def test_single_mic_is_always_said():
    x = with_silence_between(speechlike(10, 0.1), 10)
    c = assess(audio_of(x), diarization(10, "single-mic"), {"S1": 4.0, "S2": 4.0})
    assert c.level == "fair" and any("single microphone" in w for w in c.warnings)


def test_clipped_fraction_counts_across_blocks():
    x = np.zeros((2, 3000), np.float32)
    x[0, :10] = 1.0
    x[1, 2990:] = -1.0
    assert _clipped_fraction(x, block=7) == 20 / 6000


def test_echo_is_named_and_a_dry_recording_has_none():
    dry = fading_bursts(30)
    talk = {"S1": 12.0, "S2": 12.0}
    assert steepest_decay_db_s(frame_power(dry[None])[0]) == pytest.approx(-400, abs=40)
    assert not any("echo" in w for w in assess(audio_of(dry), diarization(30, "single-mic"), talk).warnings)
    for rt60_s in (0.4, 0.7):
        wet = in_a_room(dry, rt60_s)
        assert steepest_decay_db_s(frame_power(wet[None])[0]) > ECHO_DECAY_DB_S
        c = assess(audio_of(wet), diarization(30, "single-mic"), talk)
        assert any("echoes" in w for w in c.warnings) and c.level == "fair"
    # Too few places where the voice stops to tell: nothing is said either way.
    assert steepest_decay_db_s(frame_power(in_a_room(fading_bursts(5), 0.5)[None])[0]) is None
