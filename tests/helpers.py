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
