"""Analysis while recording, so that feedback is ready seconds after a recording stops, however long.

The recorder hands every block it has written to ``LiveAnalysis.feed``. A background thread keeps the
audio and, every ``STEP_S`` of it, does the slow work on the part of the recording that can no longer
change: Silero VAD of finished blocks, the own-voice energy of finished blocks and Whisper on finished
batches of each microphone's speech. At stop, ``finish`` runs the ordinary analysis
(``pipeline.analyze_audio``) with that work as its ``Precomputed``: what is left is the last Whisper
window or so of each microphone, and Silero on the last (at most 5-minute) VAD block.

The work is reused only where it is exactly what the final analysis asks for (same blocks, same packed
batches), so a wrong guess about what is finished costs time, never a different result. The one thing the
final analysis takes from here instead of computing itself is the two-mic leak fit: it is refitted on the
first 30 s, 1, 2, 4 and 8 minutes until enough of each person has been heard alone, then kept, because
a fit that moved would change every block's energy.

Single-mic recordings get the same treatment with their own slow stages: the segmentation model's
finished 10 s chunks and the voice embeddings of finished windows (the clustering, cheap, is redone at
the end on all of them). Live work needs 16 kHz audio (what ``coach record`` records when the device can);
other rates are analysed when the recording stops.
"""

from __future__ import annotations

import logging
import queue
import threading
from pathlib import Path

import numpy as np

from . import crosstalk
from .audio import channel_similarity
from .diarize import diarize_two_mic
from .options import AnalysisOptions
from .pipeline import Progress, analyze, analyze_audio, signal_of, transcription_plan
from .segmentation import CHUNK_SAMPLES, segment_chunks, whole_chunks
from .singlemic import diarize_single_mic, finished_windows
from .transcribe import WINDOW_S, load_model, plan_batches, transcribe_batch
from .types import SAMPLE_RATE, Audio, Precomputed, Report
from .vad import speech_blocks

log = logging.getLogger(__name__)

STEP_S = 20.0  # how much new audio wakes the worker
FIT_AT_S = (30.0, 60.0, 120.0, 240.0, 480.0)  # when the leak fit is tried; the last is kept whatever it is
SETTLED_FRAMES = 1000  # leak-only frames (10 s) per direction for a fit to be kept early
SETTLE_S = 3.0  # speech this close to the end of what is known may still grow or merge
GROW_S = 600  # the audio buffer grows by this much
WHISPER_BATCH_S = WINDOW_S - 1.0  # one Whisper window per call: at the stop, at most one is left per signal


class LiveAnalysis:
    """Feed it the blocks of a recording in progress; ``finish`` returns the report."""

    def __init__(self, options: AnalysisOptions, samplerate: int, channels: int):
        self.options = options
        self.active = samplerate == SAMPLE_RATE and channels in (1, 2)
        self.channels = channels
        self._samples = np.zeros((channels, SAMPLE_RATE * 60), np.float32)
        self._n = 0
        self._fed = 0  # frames handed over by the recorder; _n falls short only if the worker broke
        self._inbox: queue.SimpleQueue = queue.SimpleQueue()
        self._closing = threading.Event()
        self._stepped_at = 0
        self._fit: crosstalk.LeakFit | None = None
        self._fit_kept = False
        self._fits_tried = 0
        self._energy: crosstalk.EnergySoFar | None = None
        self._speech: list[list] = [[] for _ in range(channels)]
        self._transcripts: dict[tuple, tuple] = {}
        self.failed: str | None = None
        self.mode: str | None = None
        self._segmentation: np.ndarray | None = None
        self._embeddings: dict[tuple[float, float], np.ndarray] = {}
        self._thread = threading.Thread(target=self._run, name="coach-live", daemon=True)
        if self.active:
            self._thread.start()
        else:
            log.info("live analysis off (%d Hz, %d channel(s)): the recording is analysed when it stops",
                     samplerate, channels)

    # ------------------------------------------------------------ the recorder's side

    def feed(self, block: np.ndarray) -> None:
        """A block as written to the WAV file: (frames, channels) float32. Quick; never blocks."""
        if self.active:
            self._fed += len(block)
            # The file holds 16-bit samples; analyse exactly those, as reading the file back would.
            self._inbox.put(np.rint(np.clip(block, -1.0, 1.0) * 32767.0).astype(np.int16))

    def finish(self, path: str | Path, progress: Progress | None = None) -> Report:
        """Wait for the worker, then analyse the whole recording, reusing what was done while recording."""
        self.close()
        if not self.active or self._n != self._fed:
            if self.active:  # the worker lost audio: the file on disk has all of it
                log.warning("live analysis kept %d of %d frames; analysing %s instead", self._n, self._fed, path)
            return analyze(path, self.options, progress)
        audio = Audio(self._samples[:, : self._n], str(path), SAMPLE_RATE)
        log.info("live: %.0f s recorded, %d batches transcribed while recording", audio.duration, len(self._transcripts))
        try:
            return analyze_audio(audio, self.options, progress, self.precomputed())
        finally:
            # A server keeps finished jobs around: do not keep an hour of audio with them.
            self._samples, self._n, self._transcripts, self._embeddings = self._samples[:, :0], 0, {}, {}

    def close(self) -> None:
        """Stop the worker (``finish`` does; call it where the recording is not analysed)."""
        if self.active and self._thread.is_alive():
            self._closing.set()  # steps left to do now would only repeat what the final analysis does
            self._inbox.put(None)
            self._thread.join()

    def precomputed(self) -> Precomputed:
        return Precomputed(
            leak_fit=self._fit,
            energy=self._energy if self._fit is not None else None,
            speech=tuple(tuple(tuple(b) for b in blocks) for blocks in self._speech),
            segmentation=self._segmentation,
            embeddings=dict(self._embeddings),
            transcripts=dict(self._transcripts),
            whisper_batch_s=WHISPER_BATCH_S,
        )

    # ------------------------------------------------------------ the worker

    def catch_up(self) -> None:
        """Wait until the worker has done the steps for everything fed so far (tests, benchmarks)."""
        if self.active:
            done = threading.Event()
            self._inbox.put(done)
            done.wait()

    def _run(self) -> None:
        while (item := self._inbox.get()) is not None:
            if isinstance(item, threading.Event):
                item.set()
                continue
            if self.failed is not None:
                continue  # keep draining, so the recorder never waits on us
            try:
                self._append(item)
                if not self._closing.is_set() and self._n - self._stepped_at >= STEP_S * SAMPLE_RATE:
                    self._stepped_at = self._n
                    self.step()
            except Exception as e:  # the recording must go on; the final analysis does the work instead
                self.failed = f"{type(e).__name__}: {e}"
                log.warning("live analysis stopped (%s); the recording is analysed when it stops", self.failed)

    def _append(self, block: np.ndarray) -> None:
        n = len(block)
        if self._n + n > self._samples.shape[1]:
            # Ten more minutes at a time, not a factor: a factor leaves up to half the buffer unused
            # and the copy then briefly holds 2.5 times the audio (an hour of two mics: 0.46 GB).
            grown = np.empty((self.channels, self._n + n + GROW_S * SAMPLE_RATE), np.float32)
            grown[:, : self._n] = self._samples[:, : self._n]
            self._samples = grown
        self._samples[:, self._n : self._n + n] = block.T.astype(np.float32) / 32768.0
        self._n += n

    def step(self) -> None:
        """Do the work that what has been recorded so far allows."""
        samples = self._samples[:, : self._n]
        if self.mode is None and (self.channels == 1 or samples.shape[1] >= FIT_AT_S[0] * SAMPLE_RATE):
            self.mode = self._decide_mode(samples)
        if self.mode == "two-mic":
            self._step_two_mic(samples)
        elif self.mode == "single-mic":
            self._step_single_mic(samples)

    def _decide_mode(self, samples: np.ndarray) -> str:
        # On the first 30 s, as the final analysis decides on the whole recording; should they
        # disagree, what was done here is simply not used.
        if self.channels == 1:
            return "single-mic"
        similar = channel_similarity(samples[:, : int(FIT_AT_S[0] * SAMPLE_RATE)])
        mode = "single-mic" if similar >= self.options.same_mic_correlation else "two-mic"
        log.info("live: %s (channel correlation %.2f)", mode, similar)
        return mode

    def _step_two_mic(self, samples: np.ndarray) -> None:
        self._maybe_fit(samples)
        if self._fit is None:
            return
        for c in range(self.channels):
            self._speech[c] += speech_blocks(samples[c], len(self._speech[c]), whole_only=True)
        self._energy = crosstalk.own_energy_db(samples, self._fit, self.options.crosstalk_db, self._energy,
                                               whole_only=True)
        known_s = self._energy.energy.shape[1] * crosstalk.HOP / SAMPLE_RATE
        if known_s <= SETTLE_S:
            return
        # Silero runs again on the unfinished 5-minute block each step (about 8 % of a core); only its
        # settled part is used, and that is what the finished block will say.
        prefix = Audio(samples[:, : int(known_s * SAMPLE_RATE)], "", SAMPLE_RATE)
        self._transcribe_finished(prefix, diarize_two_mic(prefix, self.options, self.precomputed()), known_s)

    def _step_single_mic(self, samples: np.ndarray) -> None:
        step = self.options.segmentation_step_s
        mono = samples[0] if self.channels == 1 else samples.mean(axis=0, dtype=np.float32)
        whole = whole_chunks(len(mono), step)
        done = 0 if self._segmentation is None else len(self._segmentation)
        if whole > done:
            new = segment_chunks(mono, step, done, whole)
            self._segmentation = new if self._segmentation is None else np.concatenate([self._segmentation, new])
        if whole < 2:
            return
        # Frames before the last whole chunk's start have every chunk that sees them.
        known_s = (whole - 1) * round(step * SAMPLE_RATE) / SAMPLE_RATE
        prefix = Audio(samples[:, : (whole - 1) * round(step * SAMPLE_RATE) + CHUNK_SAMPLES], "", SAMPLE_RATE)
        signal = signal_of(prefix, "mono")
        self._embeddings.update(finished_windows(signal, self.options, self.precomputed(), known_s - SETTLE_S))
        diarization = diarize_single_mic(signal, self.options, None, self.precomputed())
        self._transcribe_finished(prefix, diarization, known_s)

    def _transcribe_finished(self, prefix: Audio, diarization, known_s: float) -> None:
        model = load_model(self.options.model)
        for key, spans in transcription_plan(diarization, self.options).items():
            signals = {key: signal_of(prefix, key)}
            batches = plan_batches({key: spans}, prefix.duration, WHISPER_BATCH_S)
            # A batch is finished once the piece that opens the next one is settled: it can take no more.
            for batch, following in zip(batches, batches[1:]):
                if following[0][1].end > known_s - SETTLE_S:
                    break
                if tuple(batch) not in self._transcripts:
                    self._transcripts[tuple(batch)] = tuple(
                        transcribe_batch(model, signals, batch, beam_size=self.options.beam_size)
                    )

    def _maybe_fit(self, samples: np.ndarray) -> None:
        # Each fit sees exactly the first FIT_AT_S seconds, however late the worker gets to it, so that
        # the result does not depend on how busy the computer was.
        while not self._fit_kept and self._fits_tried < len(FIT_AT_S):
            upto = int(FIT_AT_S[self._fits_tried] * SAMPLE_RATE)
            if samples.shape[1] < upto:
                return
            self._fits_tried += 1
            fit = crosstalk.fit_leak(samples[:, :upto])
            self._fit, self._energy = fit, None  # energy computed with another fit is worthless
            self._fit_kept = self._fits_tried == len(FIT_AT_S) or (
                fit is not None and min(p.frames for p in fit.paths) >= SETTLED_FRAMES
            )
            log.info("live: leak fit on the first %.0f s%s", upto / SAMPLE_RATE, " (kept)" if self._fit_kept else "")
