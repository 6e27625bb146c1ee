"""Small signal helpers for building benchmark audio: resampling, levels, and where speech is.

Speech intervals are what the ground truth is made of, so they are found the same way for every
source (TTS and LibriSpeech): frame energy against a threshold set between the clip's own noise
floor and its speech level. TTS clips have digital silence around words, so there the intervals are
close to word-accurate; LibriSpeech has room noise, so there they are within a frame or two.
"""

from __future__ import annotations

import numpy as np
import soundfile as sf

SR = 16_000
FRAME_S = 0.01


def resample(x: np.ndarray, sr_in: int, sr_out: int = SR) -> np.ndarray:
    """Band-limited resampling through the FFT; the clips are short, so one transform is cheap
    and it saves a dependency on scipy or sox."""
    if sr_in == sr_out or len(x) == 0:
        return x.astype(np.float32)
    n_out = int(round(len(x) * sr_out / sr_in))
    spec = np.fft.rfft(x.astype(np.float64))
    keep = n_out // 2 + 1
    if keep <= len(spec):
        spec = spec[:keep]
    else:
        spec = np.concatenate([spec, np.zeros(keep - len(spec), dtype=spec.dtype)])
    return (np.fft.irfft(spec, n_out) * (n_out / len(x))).astype(np.float32)


def load(path, sr: int = SR) -> np.ndarray:
    """Mono float32 at ``sr``."""
    x, rate = sf.read(str(path), dtype="float32", always_2d=True)
    return resample(x.mean(axis=1), rate, sr)


def frame_db(x: np.ndarray, sr: int = SR, frame_s: float = 0.02, hop_s: float = FRAME_S) -> np.ndarray:
    """RMS level in dBFS of overlapping frames, one per ``hop_s``."""
    frame, hop = int(frame_s * sr), int(hop_s * sr)
    n = max(0, 1 + (len(x) - frame) // hop) if len(x) >= frame else 0
    if n == 0:
        return np.zeros(0)
    idx = np.arange(frame)[None, :] + hop * np.arange(n)[:, None]
    power = np.mean(x[idx].astype(np.float64) ** 2, axis=1)
    return 10 * np.log10(power + 1e-12)


def speech_intervals(
    x: np.ndarray,
    sr: int = SR,
    min_gap_s: float = 0.2,
    min_len_s: float = 0.05,
    pad_s: float = 0.02,
) -> list[tuple[float, float]]:
    """Where ``x`` holds speech, in seconds from its start.

    The threshold sits 35 dB under the loud frames but at least 8 dB over the quiet ones, which
    keeps soft consonants of clean TTS and still ignores LibriSpeech room tone. Gaps shorter than
    ``min_gap_s`` are joined: that is shorter than any pause a diarizer is expected to report and
    shorter than the 2 × 0.25 s collar the DER leaves unscored.
    """
    db = frame_db(x, sr)
    if len(db) == 0:
        return []
    loud, quiet = np.percentile(db, 95), np.percentile(db, 10)
    if loud < -70:
        return []
    thr = max(loud - 35.0, quiet + 8.0)
    active = db > thr
    spans: list[list[float]] = []
    i = 0
    while i < len(active):
        if active[i]:
            j = i
            while j < len(active) and active[j]:
                j += 1
            start = max(0.0, i * FRAME_S - pad_s)
            end = min(len(x) / sr, j * FRAME_S + 0.02 + pad_s)
            if spans and start - spans[-1][1] < min_gap_s:
                spans[-1][1] = end
            else:
                spans.append([start, end])
            i = j
        else:
            i += 1
    return [(round(s, 3), round(e, 3)) for s, e in spans if e - s >= min_len_s]


def trim(x: np.ndarray, sr: int = SR) -> np.ndarray:
    """``x`` without its leading and trailing silence, so a clip's first sample is its onset."""
    spans = speech_intervals(x, sr, pad_s=0.01)
    if not spans:
        return x[:0]
    return x[int(spans[0][0] * sr) : int(np.ceil(spans[-1][1] * sr))]


def active_rms_db(x: np.ndarray, sr: int = SR) -> float:
    """Level of the speech only (pauses left out), so clips with long pauses match in loudness."""
    spans = speech_intervals(x, sr)
    if not spans:
        return -120.0
    parts = [x[int(s * sr) : int(e * sr)] for s, e in spans]
    sig = np.concatenate(parts).astype(np.float64)
    return float(10 * np.log10(np.mean(sig**2) + 1e-12))


def set_level(x: np.ndarray, target_db: float, sr: int = SR) -> np.ndarray:
    return (x * 10 ** ((target_db - active_rms_db(x, sr)) / 20)).astype(np.float32)


def fade_out(x: np.ndarray, n: int) -> np.ndarray:
    """A short fade so a cut-off voice ends without a click (a click would read as a speech onset)."""
    x = x.copy()
    n = min(n, len(x))
    if n:
        x[-n:] *= np.linspace(1.0, 0.0, n, dtype=np.float32)
    return x
