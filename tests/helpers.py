"""Generated inputs shared by the tests."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import soundfile as sf

SHARED = Path(__file__).resolve().parents[2] / "shared"
DATA = SHARED / "data"
SR = 16_000


def tone(seconds: float, freq: float = 220.0, level: float = 0.3, sr: int = SR) -> np.ndarray:
    t = np.arange(int(seconds * sr)) / sr
    return (level * np.sin(2 * np.pi * freq * t)).astype(np.float32)


def write(path: Path, samples: np.ndarray, sr: int = SR) -> Path:
    """Write (n,) or (channels, n) samples."""
    data = samples.T if samples.ndim == 2 else samples
    sf.write(path, data, sr)
    return path


def voice(shared: Path, speaker: str, index: int) -> np.ndarray:
    """One LibriSpeech utterance (16 kHz mono)."""
    files = sorted((shared / "librispeech-voices" / speaker).glob("*.flac"))
    samples, sr = sf.read(files[index], dtype="float32")
    assert sr == SR
    return samples


def two_mic_mix(a: np.ndarray, b: np.ndarray, b_at: float, leak_db: float, gains=(1.0, 1.0)):
    """A on mic 0 from 0 s, B on mic 1 from b_at; each mic hears the other leak_db down and 1 ms late."""
    n = max(len(a), int(b_at * SR) + len(b)) + SR
    own = np.zeros((2, n), np.float32)
    own[0, : len(a)] = gains[0] * a
    start = int(b_at * SR)
    own[1, start : start + len(b)] = gains[1] * b
    leak = 10 ** (leak_db / 20)
    delay = 16
    mixed = own.copy()
    mixed[0, delay:] += leak * own[1, :-delay]
    mixed[1, delay:] += leak * own[0, :-delay]
    rng = np.random.default_rng(0)
    return mixed + rng.normal(0, 1e-4, mixed.shape).astype(np.float32), own
