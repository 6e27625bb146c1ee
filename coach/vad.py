"""Voice activity: Silero VAD (shipped with faster-whisper) and a per-channel own-voice detector
(two-mic; the cross-talk rejection itself is in ``crosstalk.py``).

Activity is handled as boolean masks on a 10 ms frame grid; ``mask_to_spans`` turns a mask into spans.
"""

from __future__ import annotations

import logging

import numpy as np
from faster_whisper.vad import VadOptions, get_speech_timestamps

from . import crosstalk
from .types import SAMPLE_RATE, Span

log = logging.getLogger(__name__)

FRAME_S = 0.01
FRAME = int(SAMPLE_RATE * FRAME_S)
VAD_BLOCK_S = 300.0


def speech_blocks(samples: np.ndarray, first: int = 0, whole_only: bool = False,
                  threshold: float = 0.5, min_silence_ms: int = 100) -> list[list[Span]]:
    """Silero speech spans (recording time) of each ``VAD_BLOCK_S`` block of one channel, from block
    ``first`` on; ``whole_only`` leaves out a last block that is not yet full (a recording in progress).

    Blocks are independent runs of Silero (its state starts afresh), so a block computed while recording
    is the block the final analysis would compute: ``silero_speech(..., known=...)`` reuses them.
    They bound memory (faster-whisper's VAD holds its whole input in framed copies: 225 MB more for
    every ten minutes); shorter blocks were tried and dropped: Silero needs a moment to settle after
    each edge, and 30 s blocks changed the bundled sample's result.
    """
    options = VadOptions(
        threshold=threshold,
        min_speech_duration_ms=80,
        min_silence_duration_ms=min_silence_ms,
        speech_pad_ms=30,
    )
    block = int(VAD_BLOCK_S * SAMPLE_RATE)
    out: list[list[Span]] = []
    for offset in range(first * block, len(samples), block):
        piece = samples[offset : offset + block]
        if len(piece) < SAMPLE_RATE // 10 or (whole_only and len(piece) < block):
            break
        stamps = get_speech_timestamps(piece, options)
        out.append([Span((offset + s["start"]) / SAMPLE_RATE, (offset + s["end"]) / SAMPLE_RATE) for s in stamps])
    return out


def join_blocks(blocks: list[list[Span]]) -> list[Span]:
    """One list of speech spans; a stretch of speech cut by a block edge is joined again."""
    spans: list[Span] = []
    for span in (s for block in blocks for s in block):
        if spans and span.start - spans[-1].end < 0.1:
            spans[-1] = Span(spans[-1].start, span.end)
        else:
            spans.append(span)
    return spans


def silero_speech(samples: np.ndarray, threshold: float = 0.5, min_silence_ms: int = 100,
                  known: list[list[Span]] | tuple = ()) -> list[Span]:
    """Speech spans of one channel according to Silero VAD. ``known``: the first blocks' spans, computed
    before (``speech_blocks``), which are not run again."""
    return join_blocks([*known, *speech_blocks(samples, len(known), False, threshold, min_silence_ms)])


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
    """Mean power per 10 ms frame of each channel: (channels, frames), block by block (memory bounded)."""
    return crosstalk.frame_power(samples)


def dilate(mask: np.ndarray, frames: int) -> np.ndarray:
    """Widen every active stretch by ``frames`` on both sides."""
    if frames <= 0 or not mask.any():
        return mask.copy()
    return np.convolve(mask.astype(np.float32), np.ones(2 * frames + 1, np.float32), mode="same") > 0.5


def own_voice_activity(
    samples: np.ndarray,
    crosstalk_db: float,
    min_speech_s: float,
    speech_spans: list[list[Span]] | None = None,
    fit: crosstalk.LeakFit | None = None,
    known: crosstalk.EnergySoFar | None = None,
) -> np.ndarray:
    """Per channel of a two-mic recording: where that channel's own person speaks, not the other's leak.

    Returns a (2, frames) boolean mask. The leak is cancelled per frequency bin (``crosstalk.py``); a
    frame is own speech where enough energy beats the remaining leak by ``crosstalk_db`` and the noise
    floor. ``speech_spans`` (Silero, per channel) restricts activity to speech (widened by 100 ms, as
    Silero trims soft word edges), so a cough on one mic or noise is not talk. ``fit`` and ``known``:
    see ``crosstalk.own_voice_scores``.
    """
    active = crosstalk.own_voice_mask(samples, crosstalk_db, fit, known)
    n_frames = active.shape[1]
    if speech_spans is not None:
        for c in range(2):
            active[c] &= dilate(close_gaps(spans_to_mask(speech_spans[c], n_frames), 10), 10)
    min_frames = max(1, int(round(min_speech_s / FRAME_S)))
    return np.stack([drop_short(close_gaps(m, 15), min_frames) for m in active])
