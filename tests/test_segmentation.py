"""pyannote segmentation-3.0: shapes and invariants on generated audio, speech and overlap on AMI clips."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from coach import segmentation
from coach.errors import ModelError
from coach.types import SAMPLE_RATE, Span

SHARED = Path(__file__).resolve().parents[2] / "shared"
AMI = SHARED / "data" / "ami"


def noise(seconds: float, level: float = 0.1) -> np.ndarray:
    return np.random.default_rng(0).normal(0, level, int(seconds * SAMPLE_RATE)).astype(np.float32)


def tone(seconds: float) -> np.ndarray:
    t = np.arange(int(seconds * SAMPLE_RATE)) / SAMPLE_RATE
    return (0.3 * np.sin(2 * np.pi * 440 * t)).astype(np.float32)


def check_invariants(seg: segmentation.SegmentationOutput, seconds: float, step: float) -> None:
    chunks = len(seg.chunk_starts)
    assert seg.powerset.shape == (chunks, segmentation.FRAMES_PER_CHUNK, len(segmentation.POWERSET))
    assert seg.activity.shape == (chunks, segmentation.FRAMES_PER_CHUNK, segmentation.MAX_LOCAL_SPEAKERS)
    np.testing.assert_allclose(seg.powerset.sum(-1), 1.0, atol=1e-4)
    assert np.all((seg.activity >= 0) & (seg.activity <= 1 + 1e-5))
    np.testing.assert_allclose(seg.chunk_starts, np.arange(chunks) * step)
    if chunks:  # the chunks cover the audio and the last one starts inside it
        assert seg.chunk_starts[-1] + segmentation.CHUNK_S >= seconds
        assert seg.chunk_starts[-1] < max(seconds, 1e-9)


@pytest.mark.parametrize("seconds, step, chunks", [(25.0, 5.0, 4), (25.0, 2.5, 7), (10.0, 5.0, 1), (3.0, 5.0, 1)])
def test_chunks_cover_the_recording(seconds, step, chunks):
    seg = segmentation.segment(noise(seconds), step=step)
    assert len(seg.chunk_starts) == chunks
    check_invariants(seg, seconds, step)
    frames = segmentation.speech_and_overlap(seg)
    assert len(frames.speech) == len(frames.overlap)
    assert frames.times[-1] <= seconds < frames.times[-1] + segmentation.FRAME_STEP


def test_silence_has_no_speech():
    frames = segmentation.speech_and_overlap(segmentation.segment(np.zeros(12 * SAMPLE_RATE, np.float32)))
    assert frames.speech.max() < 0.05
    assert frames.overlap.max() < 0.05


@pytest.mark.parametrize("make", [noise, tone], ids=["noise", "tone"])
def test_noise_and_tone_are_not_taken_for_talk(make):
    # Measured: speech probability peaks at 0.14 on white noise and 0.06 on a 440 Hz tone.
    frames = segmentation.speech_and_overlap(segmentation.segment(make(12.0)))
    assert np.all(np.isfinite(frames.speech))
    assert frames.speech.mean() < 0.2
    assert frames.overlap.max() < 0.2


def test_overlap_never_exceeds_speech():
    frames = segmentation.speech_and_overlap(segmentation.segment(noise(21.0)))
    assert np.all(frames.overlap <= frames.speech + 1e-5)


@pytest.mark.parametrize("samples", [0, 1, 160])
def test_tiny_audio(samples):
    seg = segmentation.segment(np.zeros(samples, np.float32))
    frames = segmentation.speech_and_overlap(seg)
    assert len(seg.chunk_starts) == (1 if samples else 0)
    assert len(frames.speech) == (1 if samples else 0)


def test_progress_reaches_one_and_bad_input_is_refused():
    seen = []
    segmentation.segment(noise(31.0), step=5.0, batch_size=2, progress=seen.append)
    assert seen == sorted(seen) and seen[-1] == 1.0 and len(seen) == 3
    with pytest.raises(ValueError):
        segmentation.segment(noise(1.0), step=0.0)
    with pytest.raises(ValueError):
        segmentation.segment(np.zeros((2, 100), np.float32))


def test_active_spans():
    probs = np.zeros(100, np.float32)
    probs[10:20] = 0.9
    probs[50:52] = 0.9
    probs[98:] = 0.9
    spans = segmentation.active_spans(probs, duration=100 * segmentation.FRAME_STEP)
    assert len(spans) == 3 and all(isinstance(s, Span) and s.start < s.end for s in spans)
    assert spans[0].duration == pytest.approx(10 * segmentation.FRAME_STEP)
    assert spans[-1].end == pytest.approx(100 * segmentation.FRAME_STEP)
    long_only = segmentation.active_spans(probs, duration=2.0, min_duration=0.1)
    assert [s.start for s in long_only] == [spans[0].start]


def test_missing_or_corrupt_model_is_a_model_error(tmp_path, monkeypatch):
    monkeypatch.setenv("COACH_MODELS", str(tmp_path))
    with pytest.raises(ModelError, match="missing"):
        segmentation.segment(noise(1.0))
    (tmp_path / segmentation.MODEL_FILE).write_bytes(b"\x00" * 64)
    with pytest.raises(ModelError, match="corrupt"):
        segmentation.segment(noise(1.0))


def reference(name: str, times: np.ndarray) -> np.ndarray:
    """Number of speakers the RTTM says are talking at each time."""
    count = np.zeros(len(times), np.int64)
    for line in (AMI / "dev.rttm").read_text().splitlines():
        fields = line.split()
        if fields and fields[1] == name:
            start, length = float(fields[3]), float(fields[4])
            count += (times >= start) & (times < start + length)
    return count


def ami_frames(name: str):
    if not (AMI / f"{name}.flac").is_file():
        pytest.skip(f"AMI clips not found in {AMI} (the shared data directory is absent)")
    import soundfile as sf

    audio, rate = sf.read(AMI / f"{name}.flac", dtype="float32")
    assert rate == SAMPLE_RATE
    frames = segmentation.speech_and_overlap(segmentation.segment(audio))
    return frames, reference(name, frames.times)


def precision_recall(hyp: np.ndarray, ref: np.ndarray) -> tuple[float, float]:
    hits = float((hyp & ref).sum())
    return hits / max(hyp.sum(), 1), hits / max(ref.sum(), 1)


@pytest.mark.parametrize("name, bound", [("dev00", 0.9), ("dev01", 0.75)])
def test_speech_matches_the_reference(name, bound):
    # Measured at 0.5 (2026-11-24): dev00 precision 0.99, recall 0.97; dev01 0.84, 0.95.
    frames, count = ami_frames(name)
    precision, recall = precision_recall(frames.speech > 0.5, count >= 1)
    assert precision > bound and recall > bound


def test_overlap_is_found_where_the_reference_has_it():
    # dev01 holds 1.4 s of overlapped speech (4.6 % of frames); at threshold 0.3 the model measured
    # precision 0.85, recall 0.58, F1 0.69 (chance, flagging 4.6 % of frames at random: F1 ≈ 0.05).
    # dev00's overlaps are left out on purpose: five turn-boundary overlaps of 0.08–0.2 s and one
    # 0.74 s interjection inside a long turn, which this model does not detect at all (frame-level
    # AUC 0.41, overlap probability never above 0.23 there).
    frames, count = ami_frames("dev01")
    precision, recall = precision_recall(frames.overlap > 0.3, count >= 2)
    f1 = 2 * precision * recall / max(precision + recall, 1e-9)
    assert precision > 0.6 and recall > 0.4 and f1 > 0.5
