"""The listener's voice profile: made once by ``coach enroll``, used by ``--listener auto``."""

from __future__ import annotations

import logging
from pathlib import Path

import numpy as np

from .errors import AudioError, StoreError
from .paths import data_dir
from .types import Audio, Diarization, SpeechRegion
from .vad import silero_speech

log = logging.getLogger(__name__)

PROFILE_NAME = "voice-profile.npy"
MIN_ENROLL_SPEECH_S = 5.0
# Same-speaker CAM++ cosines sit around 0.6–0.8, different speakers below 0.4 (measured on LibriSpeech).
MATCH_THRESHOLD = 0.45


def profile_path() -> Path:
    return data_dir() / PROFILE_NAME


def _windows(spans, length_s: float = 1.5, step_s: float = 0.75, most: int = 40) -> list[tuple[float, float]]:
    out = []
    for s in spans:
        t = s.start
        while t + length_s <= s.end:
            out.append((t, t + length_s))
            t += step_s
    if len(out) > most:
        out = [out[i] for i in np.linspace(0, len(out) - 1, most).astype(int)]
    return out


def _voiceprint(samples: np.ndarray, spans) -> np.ndarray | None:
    from .embedding import embed_windows

    windows = _windows(spans)
    if not windows:
        return None
    vectors = embed_windows(samples, windows)
    mean = vectors.mean(axis=0)
    return mean / (np.linalg.norm(mean) + 1e-9)


def enroll(audio: Audio) -> Path:
    """Save the voice in ``audio`` (only the speaker, 10–30 s of talk) as the listener's profile."""
    samples = audio.mono()
    speech = silero_speech(samples)
    spoken = sum(s.duration for s in speech)
    if spoken < MIN_ENROLL_SPEECH_S:
        raise AudioError(
            f"only {spoken:.1f} s of speech in {audio.path}; enrolling needs at least "
            f"{MIN_ENROLL_SPEECH_S:.0f} s of your voice alone"
        )
    vector = _voiceprint(samples, speech)
    target = profile_path()
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        partial = target.with_suffix(".partial.npy")
        np.save(partial, vector)
        partial.replace(target)
    except OSError as e:
        raise StoreError(f"cannot save the voice profile in {target.parent}: {e}") from e
    return target


def load_profile() -> np.ndarray | None:
    path = profile_path()
    if not path.is_file():
        return None
    try:
        return np.load(path)
    except (OSError, ValueError):
        log.warning("ignoring an unreadable voice profile at %s", path)
        return None


def match_speaker(audio: Audio, diarization: Diarization) -> str | None:
    """The speaker whose voice matches the enrolled profile, if there is a profile and a clear match."""
    reference = load_profile()
    if reference is None:
        return None
    scores = {}
    for speaker in diarization.speakers:
        regions = [r for r in diarization.regions if r.speaker == speaker]
        channel = diarization.channel_of.get(speaker)
        samples = audio.samples[channel] if channel is not None else audio.mono()
        voice = _voiceprint(samples, _solo(regions, diarization))
        if voice is not None:
            scores[speaker] = float(np.dot(voice, reference))
    log.info("voice profile similarity: %s", scores)
    if not scores:
        return None
    best = max(scores, key=scores.get)
    return best if scores[best] >= MATCH_THRESHOLD else None


def _solo(regions: list[SpeechRegion], diarization: Diarization) -> list[SpeechRegion]:
    """The speaker's regions minus overlaps, where only their voice is in the signal."""
    out = []
    for r in regions:
        cuts = [o for o in diarization.overlaps if o.end > r.start and o.start < r.end]
        t = r.start
        for o in cuts:
            if o.start > t:
                out.append(SpeechRegion(r.speaker, t, o.start))
            t = max(t, o.end)
        if r.end > t:
            out.append(SpeechRegion(r.speaker, t, r.end))
    return out

