"""Two-mic cross-talk rejection: where each microphone hears its own person, not the other's leak.

Each microphone hears its own person plus the other person some 15–25 dB down and about 1 ms late.
In the short-time spectrum (32 ms window, 10 ms hop) that leak is, bin by bin, the other channel times a
transfer function: ``X_me(f, t) = S_me(f, t) + H(f) X_other(f, t - delay) + rest``. The delay (GCC-PHAT)
and ``H`` are estimated per direction from the frames where only the other person talks, the leak is
subtracted as complex spectra, and what the linear model cannot explain (the room's tail, movement) is
kept as a per-bin residual ratio applied to the other's recent spectrum. A bin belongs to the own voice
where what is left stands above that residual leak (by ``crosstalk_db``) and the channel's noise floor;
a frame is own speech where enough such energy is present, with hysteresis so that soft syllables
inside an utterance stay in.

Long recordings are processed in blocks of ``BLOCK_FRAMES`` and the leak is fitted on at most
``MAX_LEAK_FRAMES``: about 50 MB over the input, whatever its length (measured).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

import numpy as np

from .types import SAMPLE_RATE

log = logging.getLogger(__name__)

HOP = SAMPLE_RATE // 100  # the 10 ms activity grid
WIN = 512  # 32 ms
BLOCK_FRAMES = 1500  # 15 s per block
BAND = (int(80 * WIN / SAMPLE_RATE), int(6000 * WIN / SAMPLE_RATE) + 1)  # bins that carry speech
MAX_CANCEL = 0.01  # assume at most 20 dB of the leak is removed by subtraction, whatever the fit says
NOISE_MARGIN = 2.0  # a bin counts only where it is 3 dB over the noise floor
MAX_DELAY = 80  # 5 ms: how late the other voice may arrive
MIN_LEAK_FRAMES = 20
MAX_LEAK_FRAMES = 3000  # 30 s of leak is plenty for the fit and keeps memory small
MIN_COHERENCE = 0.5
MAX_LEAK_RATIO = 0.5  # a leak-only frame is at least 3 dB under the other mic
SPREAD_BINS = 4  # ±125 Hz: more than the spacing of a voice's harmonics
RESIDUAL_PERCENTILE = 90
MIN_BINS = 4  # own-voice bins a frame needs (125 Hz of spectrum)
TAIL_DB_PER_FRAME = 1.0  # the leak's room tail is assumed to die away no slower than 60 dB in 0.6 s
ENTER_DB = 10.0  # own-voice energy over the band's noise that starts an utterance...
STAY_DB = 5.0  # ...and that keeps it going (hysteresis)
_WINDOW = np.hanning(WIN + 1)[:WIN].astype(np.float32)


@dataclass(frozen=True)
class LeakPath:
    """How one microphone hears the other person: ``h`` per bin (complex) on the other channel delayed
    by ``delay`` samples; ``residual`` per bin, the power ratio of what is left after subtracting it;
    ``frames``, how many leak-only frames the fit rests on (0: none, ``residual`` is a broadband guess)."""

    h: np.ndarray
    residual: np.ndarray
    delay: int
    frames: int

    @property
    def gain_db(self) -> float:
        lo, hi = BAND
        return float(10 * np.log10(np.mean(np.abs(self.h[lo:hi]) ** 2 + self.residual[lo:hi]) + 1e-12))

    @property
    def cancelled_db(self) -> float:
        """How far the subtraction brings the leak down (0 where nothing could be fitted)."""
        lo, hi = BAND
        h2 = np.mean(np.abs(self.h[lo:hi]) ** 2)
        return float(10 * np.log10((h2 + np.mean(self.residual[lo:hi]) + 1e-20) / (np.mean(self.residual[lo:hi]) + 1e-20)))


def frame_power(samples: np.ndarray) -> np.ndarray:
    """Mean power per 10 ms frame of each channel, (channels, frames), computed block by block."""
    n = samples.shape[-1] // HOP
    out = np.empty((*samples.shape[:-1], n), dtype=np.float64)
    for a in range(0, n, BLOCK_FRAMES):
        b = min(n, a + BLOCK_FRAMES)
        block = samples[..., a * HOP : b * HOP].astype(np.float64)
        out[..., a:b] = (block.reshape(*block.shape[:-1], b - a, HOP) ** 2).mean(axis=-1)
    return out + 1e-12


def stft_frames(samples: np.ndarray, frames: np.ndarray, shifts: tuple[int, ...] = (0, 0)) -> np.ndarray:
    """Spectra (len(shifts), len(frames), bins) of the 32 ms windows centred on the given 10 ms frames.

    Entry ``i`` is channel ``i % 2`` delayed by ``shifts[i]`` samples (a leak path's delay), so
    ``shifts=(0, 0, d10, d01)`` gives both channels and both channels aligned to their leak into the other.
    """
    n = samples.shape[-1]
    bins = WIN // 2 + 1
    if len(frames) == 0:
        return np.zeros((len(shifts), 0, bins), np.complex64)
    starts = frames * HOP + HOP // 2 - WIN // 2
    pad = max(shifts)
    lo, hi = int(starts[0]) - pad, int(starts[-1]) + WIN
    a, b = max(lo, 0), min(hi, n)
    chunk = np.zeros((2, hi - lo), np.float32)
    chunk[:, a - lo : b - lo] = samples[:, a:b]
    out = np.empty((len(shifts), len(frames), bins), np.complex64)
    windows = [np.lib.stride_tricks.sliding_window_view(chunk[c], WIN) for c in range(2)]
    for i, d in enumerate(shifts):
        out[i] = np.fft.rfft(windows[i % 2][starts - lo - d] * _WINDOW, axis=-1)
    return out


def _blocks(frames: np.ndarray):
    """Split sorted frame indices into runs that span at most BLOCK_FRAMES frames."""
    if len(frames) == 0:
        return
    cuts = np.searchsorted(frames, np.arange(frames[0], frames[-1] + 1, BLOCK_FRAMES)[1:])
    yield from (part for part in np.split(frames, cuts) if len(part))


def leak_candidates(p_me: np.ndarray, p_other: np.ndarray) -> np.ndarray:
    """Frames where the other person talks loudly and this one is at most moderately loud: where the
    leak can be measured. At most ``MAX_LEAK_FRAMES`` of them, spread over the recording."""
    floor = np.percentile(p_other, 10)
    loud = np.flatnonzero((p_other > floor * 100) & (p_other >= np.percentile(p_other, 60)))
    if len(loud) < MIN_LEAK_FRAMES:
        return loud[:0]
    # The leak is quieter than its source (and the other way round the source is this mic's own person
    # heard by the other mic, which the coherence below cannot tell apart).
    ratio = p_me[loud] / p_other[loud]
    loud = loud[(ratio <= np.percentile(ratio, 50)) & (ratio < MAX_LEAK_RATIO)]
    if len(loud) > MAX_LEAK_FRAMES:
        loud = loud[np.linspace(0, len(loud) - 1, MAX_LEAK_FRAMES).astype(int)]
    return loud


def broadband_leak(p_me: np.ndarray, p_other: np.ndarray) -> float:
    """Power ratio of the other's voice in this microphone from frame powers alone: where the other is
    loud this mic hears at least their leak, so the low end of the ratio is the leak alone."""
    loud = p_other >= np.percentile(p_other, 80)
    if loud.sum() < 10:
        return 0.0
    return float(np.percentile(p_me[loud] / p_other[loud], 10))


def quiet_frames(power: np.ndarray) -> np.ndarray:
    """The quietest tenth of frames (both channels together): the noise floor's sample."""
    total = power.sum(axis=0)
    return np.flatnonzero(total <= np.percentile(total, 10))


def _spectra(samples: np.ndarray, frames: np.ndarray, shifts: tuple[int, ...]) -> np.ndarray:
    """``stft_frames`` for frames scattered over a long recording, one block at a time."""
    parts = [stft_frames(samples, part, shifts) for part in _blocks(frames)]
    if not parts:
        return stft_frames(samples, frames, shifts)
    return np.concatenate(parts, axis=1)


def _fit(x: np.ndarray, y: np.ndarray) -> np.ndarray:
    """Least-squares ``h`` per bin for ``x = h y`` over the frames (axis 0)."""
    syy = np.maximum(np.einsum("tf,tf->f", y.real, y.real) + np.einsum("tf,tf->f", y.imag, y.imag), 1e-20)
    return np.einsum("tf,tf->f", x, y.conj()) / syy


def gcc_delay(sxy: np.ndarray) -> int:
    """The lag (samples, 0..MAX_DELAY) at which the other channel best predicts this one (GCC-PHAT)."""
    lo, hi = BAND
    w = np.zeros_like(sxy)
    w[lo:hi] = sxy[lo:hi] / (np.abs(sxy[lo:hi]) + 1e-20)
    r = np.fft.irfft(w, WIN)
    return int(np.argmax(r[: MAX_DELAY + 1]))


def estimate_leak(samples: np.ndarray, me: int, other: int, frames: np.ndarray, fallback: float) -> LeakPath:
    """``H(f)`` of ``me``'s spectrum on ``other``'s (delay-aligned) over leak-only frames.

    The delay comes from the cross-spectrum of all candidate ``frames`` (GCC-PHAT: own speech there is
    uncorrelated and only adds noise). The leak-only frames are those where the aligned spectra are
    nearly proportional (coherence over the band); the fit is then refined on the frames it explains best.
    """
    bins = WIN // 2 + 1
    # Too little of the other alone to fit: no subtraction, and the leak's level taken as the lowest
    # broadband ratio seen while the other is loud (an over-estimate where this person talks too).
    none = LeakPath(np.zeros(bins, np.complex64), np.full(bins, fallback, np.float32), 0, 0)
    if len(frames) < MIN_LEAK_FRAMES:
        return none
    spec = _spectra(samples, frames, (0, 0))
    x, y = spec[me], spec[other]
    delay = gcc_delay(np.einsum("tf,tf->f", x, y.conj()))
    if delay:
        y = _spectra(samples, frames, (delay, delay))[other]
    lo, hi = BAND
    xb, yb = x[:, lo:hi], y[:, lo:hi]
    px = (xb.real**2 + xb.imag**2).sum(axis=1)
    py = (yb.real**2 + yb.imag**2).sum(axis=1)
    coherence = np.abs(np.einsum("tf,tf->t", xb, yb.conj())) ** 2 / (px * py + 1e-30)
    keep = coherence >= max(MIN_COHERENCE, np.percentile(coherence, 90) - 0.1)
    if keep.sum() < MIN_LEAK_FRAMES:
        return none
    for _ in range(2):
        h = _fit(x[keep], y[keep])
        e = xb - h[lo:hi] * yb
        misfit = (e.real**2 + e.imag**2).sum(axis=1) / (py + 1e-30)
        keep = misfit <= 4 * np.median(misfit[keep])
    h = _fit(x[keep], y[keep])
    # What the subtraction leaves (the room's tail, mostly) against the other's spectrum spread over
    # neighbouring bins: reverberation fills the valleys between harmonics, so a bin's own level is
    # no measure of it. A high percentile, so that the decision below is rarely fooled.
    e = x[keep] - h * y[keep]
    ratio = (e.real**2 + e.imag**2) / (_spread(y[keep].real ** 2 + y[keep].imag ** 2) + 1e-20)
    residual = np.maximum(np.percentile(ratio, RESIDUAL_PERCENTILE, axis=0), MAX_CANCEL * np.abs(h) ** 2)
    return LeakPath(h.astype(np.complex64), residual.astype(np.float32), delay, int(keep.sum()))


def _spread(p: np.ndarray) -> np.ndarray:
    """Mean over each bin and its ``SPREAD_BINS`` neighbours on either side (the last axis)."""
    k = SPREAD_BINS
    c = np.cumsum(np.pad(p, [(0, 0)] * (p.ndim - 1) + [(k + 1, k)], mode="edge"), axis=-1, dtype=np.float64)
    return ((c[..., 2 * k + 1 :] - c[..., : -2 * k - 1]) / (2 * k + 1)).astype(np.float32)


def _smooth3(p: np.ndarray) -> np.ndarray:
    """Mean over each frame and its two neighbours (axis 0 is time)."""
    out = p.copy()
    out[1:] += p[:-1]
    out[:-1] += p[1:]
    out[1:-1] /= 3
    out[0] /= 2
    out[-1] /= 2
    return out


def _cancelled(spec: np.ndarray, paths: list[LeakPath], me: int, bins=slice(None)):
    """This channel's spectrum with the other's leak subtracted, and the other's aligned power."""
    other = spec[2 + (1 - me)]
    y = other[:, bins]
    e = spec[me][:, bins] - paths[me].h[bins] * y
    return e.real**2 + e.imag**2, y.real**2 + y.imag**2


def noise_floor(samples: np.ndarray, paths: list[LeakPath], frames: np.ndarray) -> np.ndarray:
    """Mean power per bin of each channel's leak-cancelled spectrum in the quietest frames: (2, bins)."""
    total = np.zeros((2, WIN // 2 + 1))
    shifts = (0, 0, paths[1].delay, paths[0].delay)
    for part in _blocks(frames):
        spec = stft_frames(samples, part, shifts)
        for me in range(2):
            total[me] += _cancelled(spec, paths, me)[0].sum(axis=0)
    return np.maximum(total / max(len(frames), 1), 1e-14)


def _tail_envelope(power: np.ndarray, start: np.ndarray) -> np.ndarray:
    """Per bin, the other's power or its decaying recent peak, whichever is larger (time is axis 0):
    what the room still carries of the other's voice after each word."""
    decay = np.float32(10 ** (-TAIL_DB_PER_FRAME / 10))
    out = np.empty_like(power)
    env = start
    for t in range(len(power)):
        env = np.maximum(power[t], env * decay)
        out[t] = env
    return out


@dataclass(frozen=True)
class LeakFit:
    """Both leak paths and each channel's noise floor (per bin, after cancelling): all that the
    own-voice decision needs to know about the room and the microphones."""

    paths: tuple[LeakPath, LeakPath]
    noise: np.ndarray  # (2, bins)


@dataclass(frozen=True)
class EnergySoFar:
    """``own_energy_db`` of a recording's first whole blocks, and the leak's room tail where they end,
    so that a recording in progress is scored a block at a time and never twice."""

    energy: np.ndarray  # (2, frames), a whole number of blocks
    tails: tuple[np.ndarray, np.ndarray]


def own_energy_db(samples: np.ndarray, fit: LeakFit, crosstalk_db: float, known: EnergySoFar | None = None,
                  whole_only: bool = False) -> EnergySoFar:
    """Per 10 ms frame and channel: own-voice energy in the speech band over the band's noise, in dB.

    Only bins where the leak-cancelled spectrum beats the residual leak (including its room tail) by
    ``crosstalk_db`` and the noise floor by ``NOISE_MARGIN`` count; powers are smoothed over three
    frames, and a frame needs ``MIN_BINS`` of them, so that a few bins' chance peaks do not.
    Continues after ``known``; ``whole_only`` stops before a last block that the recording has not
    filled yet (a block's last window reaches a little past it).
    """
    paths, noise = fit.paths, fit.noise
    n = samples.shape[-1] // HOP
    if whole_only:
        n = max(0, (samples.shape[-1] - WIN) // HOP) // BLOCK_FRAMES * BLOCK_FRAMES
    first = known.energy.shape[1] if known is not None else 0
    out = np.empty((2, max(n, first)), np.float32)
    if known is not None:
        out[:, :first] = known.energy
    lo, hi = BAND
    band = slice(lo, hi)
    margin = np.float32(10 ** (crosstalk_db / 10))
    noise_band = noise[:, band].astype(np.float32)
    ref = noise_band.sum(axis=1)
    shifts = (0, 0, paths[1].delay, paths[0].delay)
    tails = list(known.tails) if known is not None else [np.zeros(hi - lo, np.float32) for _ in range(2)]
    for a in range(first, n, BLOCK_FRAMES):
        b = min(n, a + BLOCK_FRAMES)
        spec = stft_frames(samples, np.arange(a, b), shifts)
        for me in range(2):
            own, other = _cancelled(spec, paths, me, band)
            other = _tail_envelope(_smooth3(_spread(other)), tails[me])
            tails[me] = other[-1]
            own = _smooth3(own)
            leak = paths[me].residual[band] * other
            keep = (own > margin * leak) & (own > NOISE_MARGIN * noise_band[me])
            energy = np.where(keep, own - noise_band[me], 0.0).sum(axis=1)
            energy[keep.sum(axis=1) < MIN_BINS] = 0.0
            out[me, a:b] = 10 * np.log10(energy / ref[me] + 1e-6)
    return EnergySoFar(out, (tails[0], tails[1]))


def hysteresis(score: np.ndarray, enter: float, stay: float) -> np.ndarray:
    """Runs of ``score > stay`` that reach ``enter`` somewhere."""
    low = np.concatenate([[False], score > stay, [False]])
    edges = np.flatnonzero(np.diff(low.astype(np.int8)))
    high = np.concatenate([[0], np.cumsum(score > enter)])
    out = np.zeros(len(score), bool)
    for a, b in zip(edges[::2], edges[1::2]):
        if high[b] > high[a]:
            out[a:b] = True
    return out


def fit_leak(samples: np.ndarray) -> LeakFit | None:
    """Fit both leak paths and the noise floors on ``samples`` (None when there is no audio)."""
    power = frame_power(samples)
    if power.shape[1] == 0:
        return None
    paths = tuple(
        estimate_leak(
            samples, me, 1 - me, leak_candidates(power[me], power[1 - me]), broadband_leak(power[me], power[1 - me])
        )
        for me in (0, 1)
    )
    for me, p in enumerate(paths):
        log.debug(
            "channel %d hears the other at %.1f dB, %d samples late, %.1f dB cancelled (%d leak-only frames)",
            me, p.gain_db, p.delay, p.cancelled_db, p.frames,
        )
    return LeakFit(paths, noise_floor(samples, list(paths), quiet_frames(power)))


def own_voice_scores(samples: np.ndarray, crosstalk_db: float, fit: LeakFit | None = None,
                     known: EnergySoFar | None = None) -> tuple[np.ndarray, list[LeakPath]]:
    """Own-voice energy in dB over the noise per channel and frame (2, frames), and the leak paths.
    ``fit``: a fit made before (on a recording's first minutes); ``known``: energy computed with it."""
    fit = fit or fit_leak(samples)
    if fit is None:
        return np.zeros((2, 0), np.float32), []
    return own_energy_db(samples, fit, crosstalk_db, known).energy, list(fit.paths)


def own_voice_mask(samples: np.ndarray, crosstalk_db: float, fit: LeakFit | None = None,
                   known: EnergySoFar | None = None) -> np.ndarray:
    """(2, frames) bool: where each channel's own person speaks (before gap filling and speech gating)."""
    scores, _ = own_voice_scores(samples, crosstalk_db, fit, known)
    return np.stack([hysteresis(s, ENTER_DB, STAY_DB) for s in scores])
