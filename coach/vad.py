"""Voice activity: Silero VAD (shipped with faster-whisper) and a per-channel own-voice detector.

Activity is handled as boolean masks on a 10 ms frame grid; ``mask_to_spans`` turns a mask into spans.
"""

from __future__ import annotations

import logging

import numpy as np
from faster_whisper.vad import VadOptions, get_speech_timestamps

from .types import SAMPLE_RATE, Span

log = logging.getLogger(__name__)

FRAME_S = 0.01
FRAME = int(SAMPLE_RATE * FRAME_S)


def silero_speech(samples: np.ndarray, threshold: float = 0.5, min_silence_ms: int = 100) -> list[Span]:
    """Speech spans of one channel according to Silero VAD."""
    if len(samples) < SAMPLE_RATE // 10:
        return []
    options = VadOptions(
        threshold=threshold,
        min_speech_duration_ms=80,
        min_silence_duration_ms=min_silence_ms,
        speech_pad_ms=30,
    )
    stamps = get_speech_timestamps(samples, options)
    return [Span(s["start"] / SAMPLE_RATE, s["end"] / SAMPLE_RATE) for s in stamps]


def spans_to_mask(spans: list[Span], n_frames: int) -> np.ndarray:
    mask = np.zeros(n_frames, dtype=bool)
    for span in spans:
        a = max(0, int(round(span.start / FRAME_S)))
        b = min(n_frames, int(round(span.end / FRAME_S)))
        mask[a:b] = True
    return mask


def mask_to_spans(mask: np.ndarray, frame_s: float = FRAME_S) -> list[Span]:
    if not mask.any():
        return []
    padded = np.concatenate([[False], mask, [False]])
    edges = np.flatnonzero(np.diff(padded.astype(np.int8)))
    return [Span(round(a * frame_s, 3), round(b * frame_s, 3)) for a, b in zip(edges[::2], edges[1::2])]


def close_gaps(mask: np.ndarray, max_gap_frames: int) -> np.ndarray:
    """Fill pauses of at most ``max_gap_frames`` between active stretches."""
    out = mask.copy()
    spans = mask_to_spans(mask, 1.0)
    for prev, nxt in zip(spans, spans[1:]):
        if nxt.start - prev.end <= max_gap_frames:
            out[int(prev.end) : int(nxt.start)] = True
    return out


def drop_short(mask: np.ndarray, min_frames: int) -> np.ndarray:
    out = mask.copy()
    for span in mask_to_spans(mask, 1.0):
        if span.end - span.start < min_frames:
            out[int(span.start) : int(span.end)] = False
    return out


def frame_power(samples: np.ndarray) -> np.ndarray:
    """Mean power per 10 ms frame of each channel: (channels, frames)."""
    n = samples.shape[-1] // FRAME
    frames = samples[..., : n * FRAME].reshape(*samples.shape[:-1], n, FRAME).astype(np.float64)
    return (frames**2).mean(axis=-1) + 1e-12


def leak_ratio(p_self: np.ndarray, p_other: np.ndarray) -> float:
    """How much of the other voice this microphone hears (power ratio), estimated where the other is loud.

    Where the other person is loud, this mic hears at least their leak; the low percentile of the ratio
    is the leak alone (moments when this mic's own person is silent).
    """
    loud = p_other >= np.percentile(p_other, 80)
    if loud.sum() < 10:
        return 0.0
    return float(np.percentile(p_self[loud] / p_other[loud], 10))


def own_voice_activity(
    samples: np.ndarray, crosstalk_db: float, min_speech_s: float, speech_spans: list[list[Span]] | None = None
) -> np.ndarray:
    """Per channel of a two-mic recording: where that channel's own person speaks, not the other's leak.

    Returns a (2, frames) boolean mask. ``speech_spans`` (Silero, per channel) restricts activity to
    speech, so a cough on one mic or noise is not talk.
    """
    power = frame_power(samples)
    n_frames = power.shape[1]
    active = np.zeros_like(power, dtype=bool)
    for me, other in ((0, 1), (1, 0)):
        k = leak_ratio(power[me], power[other])
        leak = k * power[other]
        own = np.maximum(power[me] - leak, 1e-12)
        floor = np.percentile(power[me], 10)
        margin = 10 ** (crosstalk_db / 10)
        # Smooth over 50 ms so that the gaps between syllables do not flicker.
        kernel = np.ones(5) / 5
        own_s = np.convolve(own, kernel, mode="same")
        leak_s = np.convolve(leak, kernel, mode="same")
        loud_enough = own_s > floor * 10 ** 1.2
        above_leak = own_s > margin * leak_s
        mask = loud_enough & above_leak
        if speech_spans is not None:
            speech = spans_to_mask(speech_spans[me], n_frames)
            mask &= close_gaps(speech, 10)
        log.debug("channel %d: leak %.1f dB, floor %.1f dB", me, 10 * np.log10(k + 1e-12), 10 * np.log10(floor))
        active[me] = mask
    min_frames = max(1, int(round(min_speech_s / FRAME_S)))
    return np.stack([drop_short(close_gaps(m, 15), min_frames) for m in active])
