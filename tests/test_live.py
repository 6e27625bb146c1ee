"""Analysis while recording (coach/live.py) and the resumable stages it rests on: work done on the
beginning of a recording is exactly what the final analysis would do, and reusing it changes nothing."""

from __future__ import annotations

import numpy as np
import pytest

from coach import crosstalk, transcribe, vad
from coach.audio import load_audio
from coach.live import LiveAnalysis
from coach.options import AnalysisOptions
from coach.paths import samples_dir
from coach.pipeline import analyze_audio
from coach.report import report_to_dict
from coach.types import SAMPLE_RATE, Audio, Precomputed, Span

SAMPLE = samples_dir() / "practice-two-mic.flac"


@pytest.fixture(scope="module")
def sample() -> np.ndarray:
    return load_audio(SAMPLE).samples


def test_silero_blocks_done_early_are_the_blocks_of_the_whole(sample, monkeypatch):
    monkeypatch.setattr(vad, "VAD_BLOCK_S", 20.0)
    whole = vad.silero_speech(sample[0])
    early = vad.speech_blocks(sample[0][: 45 * SAMPLE_RATE], whole_only=True)
    assert len(early) == 2  # the unfinished third block is left for later
    assert vad.silero_speech(sample[0], known=early) == whole
    assert whole and all(a.end <= b.start for a, b in zip(whole, whole[1:]))


def test_energy_resumed_block_by_block_equals_energy_in_one_go(sample):
    fit = crosstalk.fit_leak(sample)
    whole = crosstalk.own_energy_db(sample, fit, 6.0).energy
    early = crosstalk.own_energy_db(sample[:, : 40 * SAMPLE_RATE], fit, 6.0, whole_only=True)
    assert early.energy.shape[1] == 2 * crosstalk.BLOCK_FRAMES  # 30 s: the third block is not full yet
    resumed = crosstalk.own_energy_db(sample, fit, 6.0, known=early)
    assert resumed.energy.shape == whole.shape
    np.testing.assert_array_equal(resumed.energy, whole)


def test_first_whisper_batches_do_not_depend_on_what_follows():
    spans = [Span(t, t + 4.0 + (i % 3)) for i, t in enumerate(np.arange(0.0, 300.0, 9.0))]
    full = transcribe.plan_batches({0: spans}, 400.0, 29.0)
    early = transcribe.plan_batches({0: spans[:20]}, 400.0, 29.0)
    assert len(full) > len(early) > 2
    assert early[:-1] == full[: len(early) - 1]  # all but the last, which may still grow
    assert all(sum(p.duration + transcribe.GAP_S for _, p in b) <= 29.0 for b in full)


def test_off_at_another_rate():
    assert not LiveAnalysis(AnalysisOptions(), 48_000, 2).active
    assert not LiveAnalysis(AnalysisOptions(), 44_100, 1).active


def _record_live(recording: np.ndarray, options: AnalysisOptions) -> LiveAnalysis:
    live = LiveAnalysis(options, SAMPLE_RATE, recording.shape[0])
    block = SAMPLE_RATE // 20
    for a in range(0, recording.shape[1], block):
        live.feed(recording[:, a : a + block].T)
    live.catch_up()
    return live


def _as_read_back(recording: np.ndarray, path) -> Audio:
    """The recording as the analysis reads it back from its 16-bit file."""
    quantised = np.rint(np.clip(recording, -1, 1) * 32767).astype(np.int16).astype(np.float32) / 32768
    return Audio(quantised, str(path), SAMPLE_RATE)


def _whisper_calls(monkeypatch) -> list:
    calls = []
    real_batch = transcribe.transcribe_batch

    def counted(*args, **kwargs):
        calls.append(args[2])
        return real_batch(*args, **kwargs)

    monkeypatch.setattr(transcribe, "transcribe_batch", counted)
    return calls


def _same_feedback(a, b) -> None:
    left, right = report_to_dict(a), report_to_dict(b)
    for data in (left, right):
        data.pop("timings")
    assert left == right


@pytest.mark.slow
def test_two_mic_live_report_is_the_whole_analysis_with_less_left_to_do(sample, monkeypatch, tmp_path):
    recording = np.concatenate([sample, sample], axis=1)  # two minutes: some batches finish early
    options = AnalysisOptions(listener="second")
    live = _record_live(recording, options)
    prior = live.precomputed()
    assert live.mode == "two-mic" and prior.leak_fit is not None and prior.energy is not None and prior.transcripts

    calls = _whisper_calls(monkeypatch)
    live_report = live.finish(tmp_path / "talk.wav")
    live_calls = len(calls)
    calls.clear()
    # From scratch, with the leak fit the live analysis kept (the one thing it decides differently) and
    # its Whisper batches (one window each, so that little is left at the stop).
    offline = analyze_audio(_as_read_back(recording, tmp_path / "talk.wav"), options,
                            prior=Precomputed(leak_fit=prior.leak_fit, whisper_batch_s=prior.whisper_batch_s))
    assert live_calls < len(calls)  # whisper ran on less after the stop …
    _same_feedback(live_report, offline)  # … and the feedback is the same
    assert live_report.audio.duration_s == pytest.approx(recording.shape[1] / SAMPLE_RATE, abs=1e-3)


@pytest.mark.slow
def test_single_mic_live_report_is_the_whole_analysis_with_less_left_to_do(monkeypatch, tmp_path):
    one = load_audio(samples_dir() / "practice-single-mic.flac").samples
    recording = np.concatenate([one, one], axis=1)
    options = AnalysisOptions(listener="second")
    live = _record_live(recording, options)
    prior = live.precomputed()
    assert live.mode == "single-mic" and prior.segmentation is not None and prior.embeddings and prior.transcripts

    calls = _whisper_calls(monkeypatch)
    live_report = live.finish(tmp_path / "talk.wav")
    live_calls = len(calls)
    calls.clear()
    offline = analyze_audio(_as_read_back(recording, tmp_path / "talk.wav"), options,
                            prior=Precomputed(whisper_batch_s=prior.whisper_batch_s))
    assert live_calls < len(calls)
    _same_feedback(live_report, offline)


@pytest.mark.slow
def test_a_broken_worker_loses_nothing_the_file_is_analysed(sample, tmp_path):
    """If the worker fails (here: a block it cannot take), the recording on disk is analysed instead."""
    import soundfile as sf

    path = tmp_path / "talk.wav"
    sf.write(path, sample.T, SAMPLE_RATE, subtype="PCM_16")
    live = LiveAnalysis(AnalysisOptions(listener="second"), SAMPLE_RATE, 2)
    half = sample.shape[1] // 2
    live.feed(sample[:, :half].T)
    live.feed(np.zeros((100, 3), np.float32))  # not two channels: the worker breaks on it
    live.feed(sample[:, half:].T)
    live.catch_up()
    assert live.failed is not None
    report = live.finish(path)
    assert report.audio.duration_s == pytest.approx(sample.shape[1] / SAMPLE_RATE, abs=1e-3)
    assert sum(e.type == "interruption" for e in report.events) == 2
