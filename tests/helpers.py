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


def sample_truth_report() -> dict:
    """A stored-session report of the bundled two-mic sample built from its ground truth (no Whisper):
    speakers L (left microphone, the listener) and P (right), turns where each spoke, the overlaps."""
    import json

    from coach.paths import samples_dir

    truth = json.loads((samples_dir() / "practice-two-mic.json").read_text())
    return {
        "schema": "coach.report/2",
        "audio": {"path": "practice-two-mic.flac", "duration_s": truth["duration_s"], "channels": 2,
                  "sample_rate": 16000, "mode": "two-mic"},
        "speakers": [
            {"id": s["id"], "role": s["role"], "channel": truth["channels"][s["id"]], "talk_time_s": 0.0}
            for s in truth["speakers"]
        ],
        "turns": [{"speaker": s["speaker"], "start": s["start"], "end": s["end"], "text": ""}
                  for s in truth["segments"]],
        "overlaps": truth["overlaps"],
        "events": [],
        "metrics": {"duration_s": truth["duration_s"], "partner_talk_share": 0.6, "interruptions": 0},
        "confidence": {"level": "good", "warnings": []},
        "setup": ["two channels, one person per microphone", "listener L: the first person to speak"],
        "notes": [],
        "options": {},
        "model": {"name": "tiny.en"},
    }


def sample_truth_diarization(mode: str):
    """The same ground truth as the analysis' speaker stage gives it, for ``mode`` (two-mic or single-mic)."""
    from coach.types import Diarization, Span, SpeechRegion

    report = sample_truth_report()
    return Diarization(
        mode=mode,
        speakers=("L", "P"),
        regions=tuple(SpeechRegion(t["speaker"], t["start"], t["end"]) for t in report["turns"]),
        overlaps=tuple(Span(o["start"], o["end"]) for o in report["overlaps"]),
        channel_of={s["id"]: s["channel"] for s in report["speakers"]} if mode == "two-mic" else {},
    )


def fading_bursts(seconds: float, level: float = 0.1, seed: int = 0, db_per_s: float = 400.0) -> np.ndarray:
    """Speech-like noise a second at a time: each burst fades out over 0.2 s at ``db_per_s``, as a voice
    does when it stops in a dry room, and 0.2 s of near silence follows."""
    x = np.random.default_rng(seed).normal(0, level, int(seconds * SR)).astype(np.float32)
    fade = (10 ** (-db_per_s * np.arange(int(0.2 * SR)) / SR / 20)).astype(np.float32)
    for i in range(int(seconds)):
        a = int((i + 0.6) * SR)
        x[a : a + len(fade)] *= fade[: len(x) - a]
        x[int((i + 0.8) * SR) : int((i + 1) * SR)] = 1e-5
    return x


def in_a_room(x: np.ndarray, rt60_s: float, seed: int = 1) -> np.ndarray:
    """``x`` as a microphone across a room hears it: the direct sound and a tail of decaying noise as
    strong as it (-60 dB at ``rt60_s``)."""
    t = np.arange(int(rt60_s * SR)) / SR
    tail = np.random.default_rng(seed).normal(0, 1, len(t)) * np.exp(-6.9 * t / rt60_s)
    tail[: int(0.003 * SR)] = 0
    h = tail / np.sqrt(np.sum(tail**2))
    h[0] = 1.0
    n = len(x) + len(h)
    return np.fft.irfft(np.fft.rfft(x, n) * np.fft.rfft(h, n), n)[: len(x)].astype(np.float32)
