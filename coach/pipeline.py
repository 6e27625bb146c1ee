"""The whole analysis: audio file in, Report out. Touches nothing but the file it reads."""

from __future__ import annotations

import logging
import time
from pathlib import Path
from typing import Callable, Sequence

import numpy as np

from . import profile
from .audio import load_audio, recording_mode
from .diarize import diarize_two_mic
from .errors import AudioError
from .options import AnalysisOptions
from .quality import assess
from .report import derive, saved_options
from .roles import resolve_listener
from .transcribe import drop_leaked_words, fill_skipped, load_model, transcribe_signals
from .turns import build_turns, merge_regions, talk_time
from .types import MIN_DURATION_S, Audio, AudioInfo, Diarization, Precomputed, Report, Span, SpeechRegion, Word

log = logging.getLogger(__name__)

Progress = Callable[[str, float], None]

# Share of the run each stage takes (measured on tiny.en, 2 cores), so one bar moves evenly.
_STAGES = {"decode": (0.0, 0.03), "speakers": (0.03, 0.25), "transcribe": (0.25, 0.97), "feedback": (0.97, 1.0)}


class _Reporter:
    def __init__(self, progress: Progress | None):
        self.progress = progress
        self.timings: dict[str, float] = {}
        self._t0 = time.perf_counter()
        self._stage_t0 = self._t0

    def stage(self, name: str, fraction: float = 0.0) -> None:
        if self.progress is not None:
            lo, hi = _STAGES[name]
            self.progress(name, lo + (hi - lo) * min(max(fraction, 0.0), 1.0))

    def done(self, name: str) -> None:
        now = time.perf_counter()
        self.timings[f"{name}_s"] = round(now - self._stage_t0, 3)
        self._stage_t0 = now
        self.stage(name, 1.0)

    def total(self) -> dict[str, float]:
        return {**self.timings, "total_s": round(time.perf_counter() - self._t0, 3)}


def analyze(
    path: str | Path,
    options: AnalysisOptions | None = None,
    progress: Progress | None = None,
    channels: Sequence[int] | None = None,
) -> Report:
    """Analyse one recorded conversation. Raises AudioError/ModelError/CoachError for bad input."""
    rep = _Reporter(progress)
    rep.stage("decode")
    audio = load_audio(path, channels)
    return analyze_audio(audio, options, prior=None, rep=rep)


def analyze_audio(
    audio: Audio,
    options: AnalysisOptions | None = None,
    progress: Progress | None = None,
    prior: Precomputed | None = None,
    rep: _Reporter | None = None,
) -> Report:
    """Analyse decoded audio; ``prior``: work done while it was recorded (``live.py``)."""
    options = options or AnalysisOptions()
    rep = rep or _Reporter(progress)
    path = audio.path
    if audio.duration < MIN_DURATION_S:
        raise AudioError(f"{path} is only {audio.duration:.2f} s long: record at least a few seconds of conversation")
    mode, mode_note = recording_mode(audio, options.same_mic_correlation)
    rep.done("decode")

    rep.stage("speakers")
    model = load_model(options.model)  # fail on a bad --model before the slow stages
    if mode == "two-mic":
        diarization = diarize_two_mic(audio, options, prior)
    else:
        from .singlemic import diarize_single_mic

        diarization = diarize_single_mic(audio.mono(), options, lambda f: rep.stage("speakers", f), prior)
    if not diarization.regions:
        raise AudioError(f"{path}: no speech found (is it silent, or was the microphone muted?)")
    # Before transcribing: a --listener that does not fit this recording should fail in seconds.
    enrolled = profile.match_speaker(audio, diarization) if options.listener == "auto" else None
    listener, listener_note = resolve_listener(options.listener, diarization.speakers, diarization.channel_of, enrolled)
    rep.done("speakers")

    rep.stage("transcribe")
    words_by_speaker, unassigned = _transcribe(
        model, audio, diarization, options, lambda f: rep.stage("transcribe", f), prior
    )
    if diarization.mode == "single-mic" and options.second_opinion:
        from .singlemic import drop_unheard_wordless

        diarization = drop_unheard_wordless(audio.mono(), diarization, unassigned, options.min_silence_s)
    rep.done("transcribe")

    turns = build_turns(diarization.regions, words_by_speaker, options.min_silence_s, unassigned, diarization.dominant)
    talk = talk_time(diarization.regions)
    speakers, events, metrics = derive(
        turns, diarization.overlaps, diarization.speakers, diarization.channel_of, talk, listener,
        audio.duration, options,
    )
    confidence = assess(audio, diarization, talk)
    notes = list(diarization.notes)
    if len(diarization.speakers) == 1:
        notes.append("only one person was heard: interruptions and backchannels need two voices")
    rep.done("feedback")

    return Report(
        audio=AudioInfo(str(path), round(audio.duration, 3), audio.channels, audio.source_rate, mode),
        model=options.model,
        speakers=speakers,
        turns=tuple(turns),
        overlaps=diarization.overlaps,
        events=events,
        metrics=metrics,
        timings=rep.total(),
        options=saved_options(options),
        confidence=confidence,
        setup=(mode_note, listener_note),
        notes=tuple(notes),
    )


def transcription_plan(diarization: Diarization, options: AnalysisOptions) -> dict[int | str, list[Span]]:
    """What to transcribe from which signal. Two-mic: each speaker's own speech from their own
    microphone (key: the channel). Single-mic: all speech of the mixed signal (key: "mono"), words
    assigned to speakers afterwards by time; overlapping speech of two people is transcribed once."""
    utterances = merge_regions(diarization.regions, options.min_silence_s)
    if diarization.mode == "two-mic":
        return {
            channel: [Span(u.start, u.end) for u in utterances if u.speaker == speaker]
            for speaker, channel in diarization.channel_of.items()
        }
    everyone = merge_regions([SpeechRegion("all", u.start, u.end) for u in utterances], options.min_silence_s)
    return {"mono": [Span(u.start, u.end) for u in everyone]}


def signal_of(audio: Audio, key: int | str) -> np.ndarray:
    return audio.mono() if key == "mono" else audio.samples[key]


def _transcribe(
    model, audio: Audio, diarization: Diarization, options: AnalysisOptions, progress: Callable[[float], None],
    prior: Precomputed | None,
) -> tuple[dict[str, list[Word]], list[Word]]:
    plan = transcription_plan(diarization, options)
    signals = {key: signal_of(audio, key) for key in plan}
    known = prior.transcripts if prior is not None else None
    batch_s = prior.whisper_batch_s if prior is not None else None
    words = transcribe_signals(model, signals, plan, progress, known, batch_s, options.beam_size)
    if diarization.mode != "two-mic":
        if options.fill_gaps_one_mic_s > 0:
            words = fill_skipped(model, signals, plan, words, options.fill_gaps_one_mic_s, options.beam_size,
                                 diarization.overlaps)
        return {}, words["mono"]
    speaker_of = {c: s for s, c in diarization.channel_of.items()}
    by_speaker = {speaker_of[c]: ws for c, ws in words.items()}
    samples = {speaker_of[c]: audio.samples[c] for c in words}
    if options.fill_gaps_s > 0:
        spans = {speaker_of[c]: plan[c] for c in words}
        by_speaker = fill_skipped(model, samples, spans, by_speaker, options.fill_gaps_s, options.beam_size)
    return drop_leaked_words(by_speaker, samples, options.leaked_word_db), []
