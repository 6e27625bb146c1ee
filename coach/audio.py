"""Decode any common audio file to 16 kHz float32, and tell a two-mic recording from a single mic."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Sequence

import numpy as np
import soundfile as sf

from .errors import AudioError
from .types import SAMPLE_RATE, Audio, Mode

log = logging.getLogger(__name__)

# soundfile reads these directly (and fast); everything else goes through PyAV (FFmpeg).
_SOUNDFILE_FORMATS = {".wav", ".flac", ".ogg", ".aiff", ".aif"}


def load_audio(path: str | Path, channels: Sequence[int] | None = None) -> Audio:
    """Read ``path`` into (channels, n) float32 at 16 kHz.

    ``channels`` picks channels of a multichannel file (e.g. the two mics of a 4-channel interface).
    """
    path = Path(path)
    if not path.exists():
        raise AudioError(f"{path}: no such file")
    if path.is_dir():
        raise AudioError(f"{path} is a directory, not an audio file")
    if path.stat().st_size == 0:
        raise AudioError(f"{path} is empty (0 bytes)")

    samples, rate = None, 0
    if path.suffix.lower() in _SOUNDFILE_FORMATS:
        try:
            samples, rate = _read_with_soundfile(path, channels)
        except (sf.LibsndfileError, RuntimeError, ValueError) as e:
            log.debug("soundfile could not read %s (%s); trying FFmpeg", path, e)
    if samples is None:
        samples, rate = _decode_with_av(path)
        samples = np.ascontiguousarray(samples[_channels_to_keep(samples.shape[0], channels, path)])
    if samples.shape[1] == 0:
        raise AudioError(f"{path} holds no audio samples")
    if rate != SAMPLE_RATE:
        samples = resample(samples, rate, SAMPLE_RATE)
    if not np.isfinite(samples).all():
        raise AudioError(f"{path} is corrupt: it decodes to invalid sample values")
    return Audio(samples=samples, path=str(path), source_rate=int(rate))


def _read_with_soundfile(path: Path, channels: Sequence[int] | None) -> tuple[np.ndarray, int]:
    """Read block by block straight into a (channels, n) array: a 2-hour stereo file needs its own size
    in memory, not twice that for an interleaved copy."""
    with sf.SoundFile(path) as f:
        keep = _channels_to_keep(f.channels, channels, path)
        out = np.empty((len(keep), f.frames), np.float32)
        pos = 0
        for block in f.blocks(blocksize=1 << 18, dtype="float32", always_2d=True):
            out[:, pos : pos + len(block)] = block[:, keep].T
            pos += len(block)
        if pos < f.frames:
            raise RuntimeError(f"file ends after {pos} of {f.frames} frames")
        return out, f.samplerate


def _channels_to_keep(n: int, channels: Sequence[int] | None, path: Path) -> list[int]:
    if channels:
        bad = [c for c in channels if not 0 <= c < n]
        if bad:
            raise AudioError(f"{path} has {n} channels (0 to {n - 1}); there is no channel {bad[0]}")
        if len(channels) > 2:
            raise AudioError("pick one or two channels: one per person, e.g. --channels 0,1")
        return list(channels)
    if n > 2:
        raise AudioError(
            f"{path} has {n} channels; coach takes 1 or 2 "
            "(`coach analyze` picks the two microphones with --channels 0,1)"
        )
    return list(range(n))


def _decode_with_av(path: Path) -> tuple[np.ndarray, int]:
    """Decode with FFmpeg (mp3, m4a, webm, …), resampled to 16 kHz, every channel kept."""
    import av

    try:
        with av.open(str(path), metadata_errors="ignore") as container:
            if not container.streams.audio:
                raise AudioError(f"{path} has no audio stream")
            stream = container.streams.audio[0]
            # Keep the source's channel layout: channels are picked (or refused) afterwards.
            resampler = av.AudioResampler(format="fltp", rate=SAMPLE_RATE)
            pieces = []
            for frame in container.decode(stream):
                for out in resampler.resample(frame):
                    pieces.append(out.to_ndarray())
            for out in resampler.resample(None):
                pieces.append(out.to_ndarray())
    except AudioError:
        raise
    except (av.error.FFmpegError, UnicodeDecodeError, ValueError, IndexError) as e:
        raise AudioError(f"{path} is not audio coach can read ({_first_line(e)})") from e
    if not pieces:
        raise AudioError(f"{path} holds no audio samples")
    samples = np.concatenate(pieces, axis=1).astype(np.float32, copy=False)
    return samples, SAMPLE_RATE


def _first_line(e: Exception) -> str:
    # FFmpeg's errors read "[Errno 1094995529] Invalid data found…: 'path'"; its strerror is the useful part.
    strerror = getattr(e, "strerror", None)
    if strerror:
        return str(strerror)
    text = str(e).strip().splitlines()
    return text[0] if text else type(e).__name__


def resample(samples: np.ndarray, rate: int, target: int) -> np.ndarray:
    """Band-limited resampling (windowed-sinc polyphase through FFmpeg's swr would need a container;
    a linear-phase FFT resampler is exact enough for speech and keeps numpy the only dependency)."""
    n_out = int(round(samples.shape[1] * target / rate))
    out = np.empty((samples.shape[0], n_out), dtype=np.float32)
    # Blockwise so a 2-hour file does not need several full-length complex spectra at once.
    block_in = rate * 60
    for c in range(samples.shape[0]):
        pos = 0
        written = 0
        while pos < samples.shape[1]:
            chunk = samples[c, pos : pos + block_in]
            chunk_out = int(round((pos + len(chunk)) * target / rate)) - written
            out[c, written : written + chunk_out] = _fft_resample(chunk, chunk_out)
            written += chunk_out
            pos += len(chunk)
    return out


def _fft_resample(x: np.ndarray, n_out: int) -> np.ndarray:
    if n_out <= 0:
        return np.zeros(0, dtype=np.float32)
    spectrum = np.fft.rfft(x.astype(np.float64))
    keep = min(len(spectrum), n_out // 2 + 1)
    out_spec = np.zeros(n_out // 2 + 1, dtype=complex)
    out_spec[:keep] = spectrum[:keep]
    y = np.fft.irfft(out_spec, n_out) * (n_out / len(x))
    return y.astype(np.float32)


def channel_similarity(samples: np.ndarray, max_lag: int = 16) -> float:
    """Peak normalised cross-correlation of two channels within ±1 ms, over their loud stretches.

    Two microphones of one laptop hear the same sound a few samples apart (≈ 1.0); one microphone per
    person hears mostly its own voice and the other's only 15–25 dB down (≈ 0.1–0.4).
    """
    if samples.shape[0] != 2:
        return 1.0
    frame = 1600
    n_frames = samples.shape[1] // frame
    if n_frames == 0:
        return 1.0
    # Frame energies a block at a time: float64 copies of an hour of stereo would take a gigabyte.
    frames = samples[:, : n_frames * frame].reshape(2, n_frames, frame)
    energy = np.concatenate([
        np.square(frames[:, i : i + 4096], dtype=np.float64).sum(axis=(0, 2)) for i in range(0, n_frames, 4096)
    ])
    loud = np.flatnonzero(energy >= np.percentile(energy, 50))
    if len(loud) == 0 or energy.max() <= 0:
        return 1.0
    # A few hundred loud frames spread over the file say as much as all of them, much faster.
    loud = loud[np.linspace(0, len(loud) - 1, min(len(loud), 300)).astype(int)]
    idx = (loud[:, None] * frame + np.arange(frame)[None, :]).ravel()
    a_sel, b_sel = samples[0][idx].astype(np.float64), samples[1][idx].astype(np.float64)
    a_sel -= a_sel.mean()
    b_sel -= b_sel.mean()
    denom = np.sqrt((a_sel**2).sum() * (b_sel**2).sum())
    if denom == 0:
        return 1.0
    best = 0.0
    for lag in range(-max_lag, max_lag + 1):
        if lag >= 0:
            c = np.dot(a_sel[lag:], b_sel[: len(b_sel) - lag])
        else:
            c = np.dot(a_sel[: lag], b_sel[-lag:])
        best = max(best, abs(c) / denom)
    return float(best)


def recording_mode(audio: Audio, same_mic_correlation: float) -> tuple[Mode, str]:
    """Decide two-mic or single-mic, with a sentence saying why (shown in the report)."""
    if audio.channels == 1:
        return "single-mic", "one channel: single-microphone analysis"
    similarity = channel_similarity(audio.samples)
    if similarity >= same_mic_correlation:
        return "single-mic", (
            f"two channels that carry the same sound (correlation {similarity:.2f}): "
            "treated as one microphone"
        )
    return "two-mic", f"two channels, one person per microphone (correlation {similarity:.2f})"
