"""CAM++ speaker embeddings: shapes and invariants on generated audio, voices on real LibriSpeech clips."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from coach import embedding
from coach.errors import ModelError
from coach.types import SAMPLE_RATE

SHARED = Path(__file__).resolve().parents[2] / "shared"
VOICES = SHARED / "data" / "librispeech-voices"


def noise(seconds: float, seed: int = 0) -> np.ndarray:
    return np.random.default_rng(seed).normal(0, 0.1, int(seconds * SAMPLE_RATE)).astype(np.float32)


def _kaldi_native_fbank(samples: np.ndarray) -> np.ndarray:
    knf = pytest.importorskip("kaldi_native_fbank", reason="the reference filterbank: pip install -e '.[test]'")
    opts = knf.FbankOptions()
    opts.frame_opts.samp_freq = SAMPLE_RATE
    opts.frame_opts.dither = 0.0  # the rest are Kaldi's defaults: povey, snip_edges, 20 Hz to Nyquist
    opts.mel_opts.num_bins = embedding.NUM_MEL_BINS
    extractor = knf.OnlineFbank(opts)
    extractor.accept_waveform(SAMPLE_RATE, samples)
    extractor.input_finished()
    return np.array([extractor.get_frame(i) for i in range(extractor.num_frames_ready)], np.float32)


@pytest.mark.parametrize("seconds", [0.025, 0.0351, 3.0])
def test_filterbanks_are_kaldis(seconds):
    """The numpy filterbank is the one CAM++ was trained on: Kaldi's, as kaldi-native-fbank computes it,
    on speech-like input (a tone with harmonics and noise), silence included."""
    t = np.arange(int(seconds * SAMPLE_RATE)) / SAMPLE_RATE
    voiced = sum(0.2 / k * np.sin(2 * np.pi * 140 * k * t) for k in range(1, 20)) + noise(seconds, 3)
    samples = np.concatenate([voiced, np.zeros(800)]).astype(np.float32)
    ours, theirs = embedding.fbank(samples), _kaldi_native_fbank(samples)
    assert ours.shape == theirs.shape == (1 + (len(samples) - 400) // 160, 80) and ours.dtype == np.float32
    np.testing.assert_allclose(ours, theirs, atol=2e-3)  # float32 rounding of log energies near -15
    assert embedding.fbank(samples[:399]).shape == (0, 80)


def test_embed_is_a_unit_vector():
    vector = embedding.embed(noise(2.0))
    assert vector.shape == (embedding.EMBEDDING_DIM,)
    assert vector.dtype == np.float32
    assert np.linalg.norm(vector) == pytest.approx(1.0, abs=1e-5)


@pytest.mark.parametrize("seconds", [0.0, 0.01, 0.1])
def test_embed_accepts_audio_shorter_than_a_frame(seconds):
    vector = embedding.embed(noise(seconds))
    assert vector.shape == (embedding.EMBEDDING_DIM,)
    assert np.all(np.isfinite(vector))


def test_embed_windows_matches_embed_on_the_frame_grid():
    audio = noise(8.0, seed=1)
    spans = [(0.0, 1.5), (2.37, 3.87), (5.0, 8.0)]
    windows = embedding.embed_windows(audio, spans)
    for (start, end), vector in zip(spans, windows):
        direct = embedding.embed(audio[round(start * SAMPLE_RATE) : round(end * SAMPLE_RATE)])
        assert float(vector @ direct) > 0.9999


def test_embed_windows_keeps_order_whatever_the_lengths(monkeypatch):
    monkeypatch.setattr(embedding, "BLOCK_FRAMES", 300)  # several filterbank blocks, one window longer
    audio = noise(13.0, seed=2)
    spans = [(12.0, 12.5), (3.0, 4.0), (0.0, 1.5), (6.1, 7.6), (3.0, 4.0), (1.0, 7.0), (12.9, 13.4)]
    together = embedding.embed_windows(audio, spans)
    apart = np.stack([embedding.embed_windows(audio, [span])[0] for span in spans])
    assert together.shape == (len(spans), embedding.EMBEDDING_DIM)
    np.testing.assert_allclose(together, apart, atol=1e-4)
    assert float(together[1] @ together[4]) == pytest.approx(1.0, abs=1e-5)


def test_embed_windows_edge_cases():
    audio = noise(3.0)
    assert embedding.embed_windows(audio, []).shape == (0, embedding.EMBEDDING_DIM)
    odd = embedding.embed_windows(audio, [(1.0, 1.0), (2.9, 5.0), (-1.0, 0.2), (10.0, 11.0)])
    assert odd.shape == (4, embedding.EMBEDDING_DIM)
    assert np.all(np.isfinite(odd))
    with pytest.raises(ValueError):
        embedding.embed_windows(audio, [(2.0, 1.0)])
    with pytest.raises(ValueError):
        embedding.embed_windows(np.zeros((2, 100), np.float32), [(0.0, 0.001)])


def test_missing_model_is_a_model_error(tmp_path, monkeypatch):
    monkeypatch.setenv("COACH_MODELS", str(tmp_path))
    with pytest.raises(ModelError, match="missing"):
        embedding.embed(noise(1.0))


def test_corrupt_model_is_a_model_error(tmp_path, monkeypatch):
    (tmp_path / embedding.MODEL_FILE).write_bytes(b"not an onnx model")
    monkeypatch.setenv("COACH_MODELS", str(tmp_path))
    with pytest.raises(ModelError, match="corrupt") as info:
        embedding.embed(noise(1.0))
    assert "\n" not in str(info.value)


def _voices(n_files: int, seconds: int) -> dict[str, list[np.ndarray]]:
    if not VOICES.is_dir():
        pytest.skip(f"real clips not found at {VOICES} (the shared data directory is absent)")
    import soundfile as sf

    clips = {}
    for speaker in sorted(p for p in VOICES.iterdir() if p.is_dir()):
        files = sorted(speaker.glob("*.flac"))[:n_files]
        clips[speaker.name] = [sf.read(f, frames=seconds * SAMPLE_RATE, dtype="float32")[0] for f in files]
    return clips


def test_same_speaker_is_closer_than_different_speakers():
    # Measured on the 10 speakers (first 4 s of two utterances each, 2026-11-24): same-speaker cosine
    # 0.63 or more, different-speaker 0.35 or less; means 0.75 and 0.10.
    clips = _voices(2, seconds=4)
    vectors = {name: [embedding.embed(c) for c in pair] for name, pair in clips.items()}
    same = [float(a @ b) for a, b in vectors.values()]
    names = list(vectors)
    different = [float(vectors[x][0] @ vectors[y][1]) for x in names for y in names if x != y]
    assert min(same) > max(different)
    assert np.mean(same) - np.mean(different) > 0.4


def test_sliding_windows_separate_two_voices():
    # 1.5 s windows every 0.75 s, as the diarizer uses them: mean same-speaker cosine minus mean
    # different-speaker cosine measured 0.47 on these two speakers (1688, 1998).
    clips = _voices(1, seconds=8)
    first, second = (pair[0] for pair in list(clips.values())[:2])
    audio = np.concatenate([first[: 8 * SAMPLE_RATE], second[: 8 * SAMPLE_RATE]])
    starts = np.arange(0, 14.5, 0.75)
    starts = starts[(starts + 1.5 <= 8) | (starts >= 8)]
    vectors = embedding.embed_windows(audio, [(s, s + 1.5) for s in starts])
    who = starts >= 8
    sims = vectors @ vectors.T
    pairs = ~np.eye(len(starts), dtype=bool)
    same = sims[(who[:, None] == who[None]) & pairs].mean()
    different = sims[who[:, None] != who[None]].mean()
    assert same - different > 0.3
