"""Single-microphone diarization: the windows say who speaks, the segmentation's local speakers say when."""

from __future__ import annotations

import json

import numpy as np
import pytest
import soundfile as sf

from coach import singlemic
from coach.options import AnalysisOptions
from coach.paths import samples_dir
from coach.types import Diarization, Span, SpeechRegion, Word
from coach.segmentation import (
    _TO_SPEAKERS, CHUNK_S, FRAME_DURATION, FRAME_STEP, FRAMES_PER_CHUNK, POWERSET, SegmentationOutput,
)

VOICE_A, VOICE_B = np.eye(2, 192, dtype=np.float32)


def _segmentation(local_speakers: list[list[tuple[float, float]]], duration: float, step: float = 5.0):
    """A segmentation output in which local speaker k of every chunk is active over ``local_speakers[k]``
    (spans in recording time), as the model would say it with certainty."""
    starts = np.arange(0.0, max(duration - CHUNK_S, 0.0) + step, step)
    powerset = np.zeros((len(starts), FRAMES_PER_CHUNK, len(POWERSET)), np.float32)
    for c, start in enumerate(starts):
        centres = start + FRAME_DURATION / 2 + np.arange(FRAMES_PER_CHUNK) * FRAME_STEP
        for f, t in enumerate(centres):
            active = tuple(k for k, spans in enumerate(local_speakers) if any(a <= t < b for a, b in spans))
            powerset[c, f, POWERSET.index(active)] = 1.0
    return SegmentationOutput(starts, powerset, powerset @ _TO_SPEAKERS, duration, step)


def _diarize(seg, truth: list[tuple[float, float, np.ndarray]], options=AnalysisOptions()):
    """Run the voice assignment with each window embedded as the voice that fills most of it."""
    windows, speech, overlap, edge = singlemic._windows(seg, options)

    def who(t0, t1):
        cover = [max(0.0, min(t1, b) - max(t0, a)) for a, b, _ in truth]
        return truth[int(np.argmax(cover))][2]

    embeddings = np.stack([who(*w) for w in windows])
    return singlemic._assign_voices(embeddings, windows, speech, overlap, options, edge, seg,
                                    embed=lambda spans: np.stack([who(*span) for span in spans]))


def _change_time(diarization) -> float:
    first, second = diarization.regions[0], diarization.regions[1]
    assert first.speaker != second.speaker
    return second.start


def test_change_of_speaker_is_placed_where_the_segmentation_puts_it():
    # 0.375 s past a window step: the windows alone put the change anywhere within their overlap
    truth = [(0.0, 5.375, VOICE_A), (5.375, 12.0, VOICE_B)]
    seg = _segmentation([[(0.0, 5.375)], [(5.375, 12.0)]], 12.0)
    diarization = _diarize(seg, truth)
    assert len(diarization.regions) == 2
    assert _change_time(diarization) == pytest.approx(5.375, abs=2 * FRAME_STEP)
    assert diarization.regions[0].start <= diarization.regions[0].end <= diarization.regions[1].start


def test_a_track_spanning_two_voices_does_not_outvote_the_windows():
    # the model ran both voices into local speaker 0, which is mostly A: B's clear majorities still stand
    truth = [(0.0, 7.375, VOICE_A), (7.375, 10.0, VOICE_B)]
    seg = _segmentation([[(0.0, 10.0)]], 10.0)
    diarization = _diarize(seg, truth)
    assert [r.speaker for r in diarization.regions] == ["S1", "S2"]
    assert abs(_change_time(diarization) - 7.375) < AnalysisOptions().embedding_window_s / 2


def test_a_murmur_in_the_partners_pause_goes_to_the_local_speaker_the_segmentation_heard():
    # B's "mm-hmm" joins A's speech on both sides: every 1.5 s window over it is mostly A
    truth = [(0.0, 6.0, VOICE_A), (6.0, 6.5, VOICE_B), (6.5, 14.0, VOICE_A), (15.0, 20.0, VOICE_B)]
    seg = _segmentation([[(0.0, 6.0), (6.5, 14.0)], [(6.0, 6.5), (15.0, 20.0)]], 20.0)
    regions = [(r.speaker, r.start, r.end) for r in _diarize(seg, truth).regions]
    murmur = [(a, b) for speaker, a, b in regions if speaker == "S2" and a < 10]
    assert len(murmur) == 1 and murmur[0] == pytest.approx((6.0, 6.5), abs=3 * FRAME_STEP)
    # a local speaker for the murmur is the only evidence: where the model heard one voice, A keeps it
    seg = _segmentation([[(0.0, 14.0)], [(15.0, 20.0)]], 20.0)
    assert not [r for r in _diarize(seg, truth).regions if r.speaker == "S2" and r.start < 10]
    # the model split A in two after an overlap: embedded alone, the burst still sounds like A
    truth = [(0.0, 14.0, VOICE_A), (15.0, 20.0, VOICE_B)]
    seg = _segmentation([[(0.0, 6.0), (6.5, 14.0)], [(6.0, 6.5), (15.0, 20.0)]], 20.0)
    assert not [r for r in _diarize(seg, truth).regions if r.speaker == "S2" and r.start < 10]
    # nor is a turn of B's own a murmur to move: the windows hear it
    truth = [(0.0, 6.0, VOICE_A), (6.0, 9.0, VOICE_B), (9.0, 14.0, VOICE_A)]
    seg = _segmentation([[(0.0, 6.0), (9.0, 14.0)], [(6.0, 9.0)]], 14.0)
    assert [r.speaker for r in _diarize(seg, truth).regions] == ["S1", "S2", "S1"]


def test_cut_ins_on_the_bundled_sample_start_where_the_listener_starts():
    truth = json.loads((samples_dir() / "practice-two-mic.json").read_text())
    samples, _ = sf.read(samples_dir() / truth["files"]["single-mic"], dtype="float32")
    diarization = singlemic.diarize_single_mic(samples, AnalysisOptions())
    regions = list(diarization.regions)
    assert all(r.start <= r.end for r in regions) and regions == sorted(regions, key=lambda r: (r.start, r.end))
    for d in diarization.dominant:  # the voice most heard is one of the voices speaking
        assert d.end - d.start < AnalysisOptions().min_speech_s or any(
            r.speaker == d.speaker and r.start <= d.start <= d.end <= r.end for r in regions
        )
    assert {d.speaker for d in diarization.dominant} == set(diarization.speakers)
    for cut_in in truth["interruptions"]:
        # the windows alone began the first cut-in 0.8 s early, taking the partner's last words with it
        starts = [r.start for r in regions if r.speaker == "S2" and abs(r.start - cut_in["time"]) < 1.0]
        assert starts and abs(starts[0] - cut_in["time"]) < 0.25, (cut_in, starts)


# -- a second opinion on stretches with no words ---------------------------------------------------


def _noise_then_speech():
    """1 s silence, 1.5 s of hiss, 1 s silence, then 3.4 s of the partner talking alone (the bundled
    sample's first words), then 1 s silence."""
    truth = json.loads((samples_dir() / "practice-two-mic.json").read_text())
    sample, _ = sf.read(samples_dir() / truth["files"]["single-mic"], dtype="float32")
    speech = sample[int(1.6 * 16000): int(5.0 * 16000)]
    listener_first = min(s["start"] for s in truth["segments"] if s["speaker"] == "L")
    assert listener_first > 5.0, "the stretch taken as the partner alone must not hold the listener"
    hiss = (0.03 * np.random.default_rng(0).standard_normal(int(1.5 * 16000))).astype(np.float32)
    gap = np.zeros(16000, np.float32)
    return np.concatenate([gap, hiss, gap, speech, gap])


def _diarization(regions):
    return Diarization("single-mic", ("S1", "S2"), tuple(SpeechRegion(*r) for r in regions),
                       (Span(1.2, 2.0),), dominant=tuple(SpeechRegion(*r) for r in regions))


def test_a_wordless_sound_silero_does_not_hear_either_is_not_speech():
    samples = _noise_then_speech()
    regions = [("S1", 1.0, 2.5), ("S2", 1.2, 2.0), ("S2", 3.5, 6.9)]
    kept = singlemic.drop_unheard_wordless(samples, _diarization(regions), [], 0.5)
    # The hiss goes, with the overlap the segmentation model saw in it; the wordless speech stays.
    assert [(r.speaker, r.start, r.end) for r in kept.regions] == [("S2", 3.5, 6.9)]
    assert kept.overlaps == () and kept.dominant == kept.regions and kept.speakers == ("S1", "S2")
    # Words heard in a stretch keep it without asking Silero.
    word = Word(1.5, 1.9, " hm", 0.3)
    assert singlemic.drop_unheard_wordless(samples, _diarization(regions), [word], 0.5).regions == tuple(
        SpeechRegion(*r) for r in regions
    )


def test_the_meeting_clip_loses_its_wordless_sound_and_keeps_its_speech(shared_data):
    from coach.pipeline import analyze

    dev01 = shared_data / "ami" / "dev01.flac"
    report = analyze(dev01, AnalysisOptions(listener="first"))
    assert not any(t.start < 27.4 and t.end > 25.9 for t in report.turns)  # a sound 10 dB under the speech
    before = analyze(dev01, AnalysisOptions(listener="first", second_opinion=False))
    assert any(t.start < 27.4 and t.end > 25.9 for t in before.turns)
    assert [t.text for t in report.turns if t.text] == [t.text for t in before.turns if t.text]
