"""How much the recording lets the numbers be trusted, said plainly rather than pretended."""

from __future__ import annotations

import numpy as np

from .types import Audio, Confidence, Diarization
from .types import Span
from .vad import frame_power, spans_to_mask

FRAME_S = 0.01  # frame_power's frames
# Sound in a room dies away no faster than the room lets it: where a voice stops, its level falls freely
# at the room's rate. Measured as the steepest tenth of the 80 ms stretches over which the level falls
# frame after frame: dry recordings (the bench's mixes, LibriSpeech voices, the AMI clips) fall at
# 252–640 dB/s, the bench's laptop-in-a-room mix (reverberation time 0.3–0.6 s) at 159–241 dB/s.
# Slower than this is echo.
ECHO_DECAY_DB_S = -250.0
DECAY_FRAMES = 8
MIN_DECAYS = 8  # fewer places where the level falls freely (a short clip) say nothing either way


def assess(audio: Audio, diarization: Diarization, talk: dict[str, float]) -> Confidence:
    warnings: list[str] = []
    samples = audio.samples
    power = frame_power(samples).max(axis=0)
    speech_mask = spans_to_mask([Span(r.start, r.end) for r in diarization.regions], len(power))
    speech_db = 10 * np.log10(np.median(power[speech_mask])) if speech_mask.any() else -120.0
    noise_db = 10 * np.log10(np.percentile(power[~speech_mask], 20)) if (~speech_mask).sum() > 50 else -120.0
    clipped = _clipped_fraction(samples)

    if speech_db < -45:
        warnings.append(f"the speech is very quiet ({speech_db:.0f} dBFS): words and short sounds may be missed")
    if clipped > 0.001:
        warnings.append(f"{clipped:.1%} of the samples are clipped: move the microphone back or lower the gain")
    if speech_db - noise_db < 15 and speech_mask.any():
        warnings.append(
            f"heavy background noise (speech only {speech_db - noise_db:.0f} dB above it): "
            "who-spoke-when and backchannels are less reliable"
        )
    decay = steepest_decay_db_s(power)
    if decay is not None and decay > ECHO_DECAY_DB_S:
        warnings.append(
            "the room echoes (voices die away slowly): overlaps and interruptions are less reliable; "
            "a microphone nearer each person, or a smaller or softer room, helps"
        )
    total = sum(talk.values())
    if len(talk) >= 2 and total > 0 and max(talk.values()) / total > 0.9:
        warnings.append(
            "one voice dominates the recording: the other person may be too far from the microphone, "
            "so their backchannels and interruptions may be undercounted"
        )
    if diarization.mode == "single-mic":
        warnings.append(
            "single microphone: overlaps and backchannels are estimated from one mixed signal; "
            "one microphone per person gives the most reliable feedback"
        )
    level = "good"
    serious = [w for w in warnings if not w.startswith("single microphone")]
    if len(serious) >= 2:
        level = "poor"
    elif serious or diarization.mode == "single-mic":
        level = "fair"
    return Confidence(level, tuple(warnings))


def steepest_decay_db_s(power: np.ndarray) -> float | None:
    """How fast the level falls where it falls freely (dB/s, negative): the steepest tenth of the
    stretches of ``DECAY_FRAMES`` frames over which it falls frame after frame, from near the loudest
    speech and staying clear of the noise floor. None where fewer than ``MIN_DECAYS`` separate places
    have such stretches."""
    n = len(power) - DECAY_FRAMES
    if n <= 0:
        return None
    db = 10 * np.log10(power + 1e-12)
    floor, top = np.percentile(db, 10), np.percentile(db, 95)
    falls = np.concatenate([[0], np.cumsum(np.diff(db) < 0)])
    start = np.arange(n)
    end = start + DECAY_FRAMES
    free = (falls[end] - falls[start] == DECAY_FRAMES) & (db[start] >= top - 20) & (db[end] >= floor + 6)
    starts = np.flatnonzero(free)
    if len(starts) == 0 or 1 + np.count_nonzero(np.diff(starts) > DECAY_FRAMES) < MIN_DECAYS:
        return None
    return float(np.percentile((db[end] - db[start])[free] / (DECAY_FRAMES * FRAME_S), 10))


def _clipped_fraction(samples: np.ndarray, block: int = 1 << 20) -> float:
    """Share of samples at full scale, a block at a time: a whole-file ``abs`` of an hour of stereo is
    half a gigabyte."""
    count = 0
    for start in range(0, samples.shape[-1], block):
        count += int(np.count_nonzero(np.abs(samples[..., start : start + block]) >= 0.999))
    return count / max(samples.size, 1)

