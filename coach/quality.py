"""How much the recording lets the numbers be trusted, said plainly rather than pretended."""

from __future__ import annotations

import numpy as np

from .levels import ECHO_DECAY_DB_S, steepest_decay_db_s
from .types import Audio, Confidence, Diarization
from .types import Span
from .vad import frame_power, spans_to_mask


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


def _clipped_fraction(samples: np.ndarray, block: int = 1 << 20) -> float:
    """Share of samples at full scale, a block at a time: a whole-file ``abs`` of an hour of stereo is
    half a gigabyte."""
    count = 0
    for start in range(0, samples.shape[-1], block):
        count += int(np.count_nonzero(np.abs(samples[..., start : start + block]) >= 0.999))
    return count / max(samples.size, 1)

