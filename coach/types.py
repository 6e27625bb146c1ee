"""The typed values that travel between coach's stages.

Every stage is a function from some of these to others; none of them touch the outside world.
Times are seconds from the start of the recording, and every span keeps ``start <= end``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal, Mapping

import numpy as np

SAMPLE_RATE = 16_000
# Shorter than this holds no exchange to give feedback on (and "no speech found" would misname why).
MIN_DURATION_S = 1.0

Mode = Literal["two-mic", "single-mic"]
Role = Literal["listener", "partner", "other"]

BEHAVIOUR_LABELS = (
    "advice",
    "permission",
    "open_question",
    "closed_question",
    "reflection",
    "validation",
    "self_focus",
    "judgment",
)
EVENT_TYPES = ("interruption", "backchannel") + BEHAVIOUR_LABELS


@dataclass(frozen=True, eq=False)
class Audio:
    """Decoded audio: ``samples`` is (channels, n) float32 at 16 kHz."""

    samples: np.ndarray
    path: str
    source_rate: int

    @property
    def channels(self) -> int:
        return int(self.samples.shape[0])

    @property
    def duration(self) -> float:
        return self.samples.shape[1] / SAMPLE_RATE

    def mono(self) -> np.ndarray:
        if self.channels == 1:
            return self.samples[0]
        return self.samples.mean(axis=0, dtype=np.float32)


@dataclass(frozen=True)
class Span:
    start: float
    end: float

    @property
    def duration(self) -> float:
        return self.end - self.start


@dataclass(frozen=True)
class SpeechRegion:
    """One speaker speaking from ``start`` to ``end`` (diarization output; may overlap another's)."""

    speaker: str
    start: float
    end: float

    @property
    def duration(self) -> float:
        return self.end - self.start


@dataclass(frozen=True)
class Diarization:
    """Who spoke when.

    ``regions`` include overlapped speech: where two people talk at once, both have a region.
    ``overlaps`` are the stretches where at least two speakers are active.
    ``channel_of`` maps a speaker to its microphone in two-mic mode.
    ``dominant`` (single-mic): where each speaker is the voice most heard, overlaps included; a word
    Whisper hears inside an overlap is most likely that voice's.
    """

    mode: Mode
    speakers: tuple[str, ...]
    regions: tuple[SpeechRegion, ...]
    overlaps: tuple[Span, ...]
    channel_of: Mapping[str, int] = field(default_factory=dict)
    notes: tuple[str, ...] = ()
    dominant: tuple[SpeechRegion, ...] = ()


@dataclass(frozen=True, eq=False)
class Precomputed:
    """Work done on the beginning of a recording while it was being recorded (``live.py``), for the final
    analysis to reuse instead of repeating: each part is what the analysis would compute itself.

    Two-mic: ``leak_fit`` (a ``crosstalk.LeakFit``) is fitted on the recording's first minutes and then
    kept; the analysis uses it instead of fitting on the whole file, so that ``energy`` (a
    ``crosstalk.EnergySoFar``) stays valid. ``speech``: per channel, the Silero spans of each finished VAD
    block. Single-mic: ``segmentation``, the segmentation model's output for the first whole chunks;
    ``embeddings``, the voice embedding of each finished window. Both: ``transcripts``, Whisper's words per
    batch of packed speech (each word with its signal), keyed by the batch's (signal, piece) pairs;
    batches of ``whisper_batch_s``.
    """

    leak_fit: Any = None
    energy: Any = None
    speech: tuple[tuple[tuple[Span, ...], ...], ...] = ()
    segmentation: np.ndarray | None = None
    embeddings: Mapping[tuple[float, float], np.ndarray] = field(default_factory=dict)
    transcripts: Mapping[tuple, tuple[tuple[Any, "Word"], ...]] = field(default_factory=dict)
    whisper_batch_s: float | None = None


@dataclass(frozen=True)
class Word:
    start: float
    end: float
    word: str
    probability: float = 1.0


@dataclass(frozen=True)
class Turn:
    """One speaker's utterance: contiguous speech, with the words recognised in it (possibly none)."""

    speaker: str
    start: float
    end: float
    text: str = ""
    words: tuple[Word, ...] = ()

    @property
    def duration(self) -> float:
        return self.end - self.start


@dataclass(frozen=True)
class SpeakerInfo:
    id: str
    role: Role
    channel: int | None
    talk_time_s: float


@dataclass(frozen=True)
class Event:
    type: str
    speaker: str
    start: float
    end: float
    text: str = ""
    detail: Mapping[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class AudioInfo:
    path: str
    duration_s: float
    channels: int
    sample_rate: int
    mode: Mode


@dataclass(frozen=True)
class Confidence:
    """How far the recording lets the numbers be trusted; ``warnings`` say which are weaker and why."""

    level: Literal["good", "fair", "poor"]
    warnings: tuple[str, ...] = ()


@dataclass(frozen=True)
class Report:
    """One analysed conversation. ``setup`` says how the recording was read: how many microphones, then
    who the listener is and how that was decided; ``notes`` say what limits the analysis of this recording
    (a silent channel, fewer voices than expected), beside ``confidence``'s warnings about its sound."""

    audio: AudioInfo
    model: str
    speakers: tuple[SpeakerInfo, ...]
    turns: tuple[Turn, ...]
    overlaps: tuple[Span, ...]
    events: tuple[Event, ...]
    metrics: Mapping[str, Any]
    timings: Mapping[str, float]
    options: Mapping[str, Any]
    confidence: Confidence
    setup: tuple[str, ...] = ()
    notes: tuple[str, ...] = ()
    session_id: str | None = None
