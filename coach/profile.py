"""The listener's voice profile: made by ``coach enroll`` or from a session ("This is me" with "remember my
voice" on its page), used by ``--listener auto``, forgotten on request. It is one 192-d vector in the data
directory, never anything that could play back a voice."""

from __future__ import annotations

import logging
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, Mapping

import numpy as np

from .errors import AudioError, StoreError
from .paths import data_dir
from .types import Audio, Diarization, Span, SpeechRegion

log = logging.getLogger(__name__)

PROFILE_NAME = "voice-profile.npy"
MIN_ENROLL_SPEECH_S = 5.0
# Same-speaker CAM++ cosines sit around 0.6–0.8, different speakers below 0.4 (measured on LibriSpeech).
MATCH_THRESHOLD = 0.45
WINDOW_S = 1.5  # the voice is averaged over windows this long


def profile_path(home: Path | None = None) -> Path:
    """Where the profile lives: in ``home``, the data directory (``coach.paths.data_dir()`` by default)."""
    return (home if home is not None else data_dir()) / PROFILE_NAME


def _windows(spans, length_s: float = WINDOW_S, step_s: float = WINDOW_S / 2, most: int = 40) -> list[tuple[float, float]]:
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


def enroll(audio: Audio, home: Path | None = None) -> Path:
    """Save the voice in ``audio`` (only the speaker, 10–30 s of talk) as the listener's profile."""
    from .vad import silero_speech  # here: the page reads and forgets profiles without the speech stack

    samples = audio.mono()
    speech = silero_speech(samples)
    return _save(_enough_voice(samples, speech, f"speech in {audio.path}", "enrolling"), home)


def enroll_from_session(audio: Audio, report: Mapping[str, Any], speaker: str, home: Path | None = None) -> Path:
    """Save ``speaker``'s voice in an analysed session (``report``, as stored, and its recording) as the
    listener's profile: their turns where nobody else talks, on their own microphone if they had one."""
    info = next((s for s in report.get("speakers", []) if s.get("id") == speaker), None)
    if info is None:
        raise AudioError(f"there is no speaker {speaker} in this session")
    analysed = int((report.get("audio") or {}).get("channels") or audio.channels)
    if audio.channels != analysed:
        # Analysed with --channels: which of the file's channels was whose microphone is not stored.
        raise AudioError(
            f"this session used {analysed} of the recording's {audio.channels} channels; "
            "save your voice with `coach enroll` instead"
        )
    channel = info.get("channel")
    samples = audio.samples[channel] if channel is not None and 0 <= channel < audio.channels else audio.mono()
    turns = [SpeechRegion(speaker, float(t["start"]), float(t["end"]))
             for t in report.get("turns", []) if t.get("speaker") == speaker]
    overlaps = [Span(float(o["start"]), float(o["end"])) for o in report.get("overlaps", [])]
    alone = _solo(turns, overlaps)
    return _save(_enough_voice(samples, alone, f"{speaker} talking alone in this session", "saving a voice"), home)


def _enough_voice(samples: np.ndarray, spans, what: str, doing: str) -> np.ndarray:
    """The voiceprint of ``spans``, or an AudioError saying why there is too little voice for one."""
    spoken = sum(s.end - s.start for s in spans)
    if spoken < MIN_ENROLL_SPEECH_S:
        raise AudioError(f"only {spoken:.1f} s of {what}; {doing} needs at least {MIN_ENROLL_SPEECH_S:.0f} s")
    vector = _voiceprint(samples, spans)
    if vector is None:  # enough in total, but in bits shorter than one embedding window
        raise AudioError(
            f"there are {spoken:.1f} s of {what}, but only in bits under {WINDOW_S} s; {doing} needs longer stretches"
        )
    return vector


def _save(vector: np.ndarray, home: Path | None) -> Path:
    target = profile_path(home)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        partial = target.with_suffix(".partial.npy")
        np.save(partial, vector)
        partial.replace(target)
    except OSError as e:
        raise StoreError(f"cannot save the voice profile in {target.parent}: {e}") from e
    log.info("saved a voice profile to %s", target)
    return target


def forget(home: Path | None = None) -> bool:
    """Delete the saved profile; False if there was none."""
    path = profile_path(home)
    try:
        path.unlink()
    except FileNotFoundError:
        return False
    except OSError as e:
        raise StoreError(f"cannot delete the voice profile {path}: {e}") from e
    log.info("deleted the voice profile %s", path)
    return True


def saved_at(home: Path | None = None) -> datetime | None:
    """When the profile was saved, or None if there is none."""
    try:
        return datetime.fromtimestamp(profile_path(home).stat().st_mtime, timezone.utc)
    except OSError:
        return None


def load_profile(home: Path | None = None) -> np.ndarray | None:
    path = profile_path(home)
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
        voice = _voiceprint(samples, _solo(regions, diarization.overlaps))
        if voice is not None:
            scores[speaker] = float(np.dot(voice, reference))
    log.info("voice profile similarity: %s", scores)
    if not scores:
        return None
    best = max(scores, key=scores.get)
    return best if scores[best] >= MATCH_THRESHOLD else None


def _solo(regions: list[SpeechRegion], overlaps) -> list[SpeechRegion]:
    """The speaker's regions minus overlaps, where only their voice is in the signal."""
    out = []
    for r in regions:
        cuts = sorted((o for o in overlaps if o.end > r.start and o.start < r.end), key=lambda o: o.start)
        t = r.start
        for o in cuts:
            if o.start > t:
                out.append(SpeechRegion(r.speaker, t, o.start))
            t = max(t, o.end)
        if r.end > t:
            out.append(SpeechRegion(r.speaker, t, r.end))
    return out

