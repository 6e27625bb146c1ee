"""A laptop on a table in a living room: the single-mic mix with room echo and a fan's hum; and the
same room with a desk microphone in front of each person.

The bench's own single-mic mix is dry speech with light white noise, which flatters the coach: a
real laptop microphone hears each voice through the room, the one farther away more through its
echo than directly, and under the steady noise of a fan or a fridge. This mix is for measuring how
much that costs, not a target of the issue (whose single-mic mix is "one channel with light noise").

Each voice goes through its own synthetic room impulse response: the direct sound, then a tail of
exponentially decaying noise (a diffuse reverberation, as rooms give after their first few
milliseconds) that loses its high frequencies as it decays, scaled to a direct-to-reverberant ratio.
The listener sits at the laptop (direct sound stronger than the echo); the partner sits across the
table, farther away (the echo about as strong as the direct sound, and the voice a few dB quieter).
The direct path arrives at time zero, so the ground truth's times hold unchanged.

With two desk microphones (``room_mix_two``), each 30–50 cm from its person, each mic hears its own
person mostly directly and the other, across the table, 12–18 dB down, 2–4 ms late and as much through
the room's echo as directly: a harder leak than the bench's two-mic mix (16–24 dB, 1 ms, no echo),
which is what lavalier microphones give.
"""

from __future__ import annotations

import numpy as np

from .sound import SR
from .timeline import LEVEL_DB, never_clip

# Reverberation time of a furnished living room or kitchen, seconds.
RT60_S = (0.3, 0.6)
# Direct-to-reverberant ratio, dB: the listener at the laptop, the partner across the table.
DRR_DB = {"L": (4.0, 8.0), "P": (-2.0, 2.0)}
# The partner, farther away, is this much quieter at the microphone (before the per-speaker gains).
FARTHER_DB = {"L": (0.0, 0.0), "P": (-6.0, -3.0)}
# A fan's or a fridge's hum under the speech (pink noise), dB below the speech.
SNR_DB = (18.0, 24.0)
FIRST_REFLECTION_S = 0.003


def impulse_response(rng: np.random.Generator, rt60_s: float, drr_db: float) -> np.ndarray:
    """Direct sound (1.0 at time zero) and a diffuse tail whose energy is ``drr_db`` under it."""
    n = int(rt60_s * SR)
    t = np.arange(n) / SR
    noise = rng.standard_normal(n)
    # Walls and air absorb high frequencies first: smooth the noise more as it decays.
    alpha = np.clip(0.15 + 0.8 * t / rt60_s, 0.0, 0.95)
    tail = np.empty(n)
    acc = 0.0
    for i in range(n):  # a one-pole low-pass whose cutoff falls with time; n is a few thousand
        acc = alpha[i] * acc + (1.0 - alpha[i]) * noise[i]
        tail[i] = acc
    tail *= np.exp(-6.908 * t / rt60_s)  # -60 dB at rt60
    tail[: int(FIRST_REFLECTION_S * SR)] = 0.0
    tail *= np.sqrt(10 ** (-drr_db / 10) / np.sum(tail**2))
    tail[0] = 1.0
    return tail


def _convolve(x: np.ndarray, h: np.ndarray) -> np.ndarray:
    size = 1 << int(np.ceil(np.log2(len(x) + len(h))))
    y = np.fft.irfft(np.fft.rfft(x, size) * np.fft.rfft(h, size), size)
    return y[: len(x)]


def pink_noise(rng: np.random.Generator, n: int) -> np.ndarray:
    """Noise whose power falls 3 dB per octave, with unit RMS."""
    spec = np.fft.rfft(rng.standard_normal(n))
    f = np.fft.rfftfreq(n, 1 / SR)
    spec /= np.sqrt(np.maximum(f, 20.0))
    x = np.fft.irfft(spec, n)
    return x / np.sqrt(np.mean(x**2))


def room_mix(tracks: dict[str, np.ndarray], rng: np.random.Generator):
    """One channel: each track (keyed "L"/"P" as the timeline's speakers) through its own room
    response, summed, with pink noise under it. Returns (samples (1, n), info)."""
    n = len(next(iter(tracks.values())))
    rt60 = float(rng.uniform(*RT60_S))
    info: dict = {"rt60_s": round(rt60, 2), "drr_db": {}, "gains_db": {}, "level_db": LEVEL_DB}
    y = np.zeros(n)
    for spk, x in tracks.items():
        drr = float(rng.uniform(*DRR_DB[spk]))
        gain = float(rng.uniform(-3.0, 3.0)) + float(rng.uniform(*FARTHER_DB[spk]))
        y += _convolve(x.astype(np.float64), impulse_response(rng, rt60, drr)) * 10 ** (gain / 20)
        info["drr_db"][spk] = round(drr, 2)
        info["gains_db"][spk] = round(gain, 2)
    snr = float(rng.uniform(*SNR_DB))
    speech_db = LEVEL_DB + float(np.mean(list(info["gains_db"].values())))
    y += pink_noise(rng, n) * 10 ** ((speech_db - snr) / 20)
    info["snr_db"] = round(snr, 2)
    return never_clip(y[None, :], info), info


# Two desk microphones: one's own person near it, the other across the table.
OWN_DRR_DB = (6.0, 10.0)
LEAK_DB = (12.0, 18.0)
LEAK_DRR_DB = (-2.0, 2.0)
LEAK_DELAY_MS = (2.0, 4.0)
DESK_SNR_DB = (25.0, 30.0)


def room_mix_two(tracks: dict[str, np.ndarray], channel_of: dict[str, int], rng: np.random.Generator):
    """Two channels, one desk microphone per person (``channel_of``: "L"/"P" -> channel), in the room
    of ``room_mix``. Returns (samples (2, n), info)."""
    n = len(next(iter(tracks.values())))
    rt60 = float(rng.uniform(*RT60_S))
    info: dict = {"rt60_s": round(rt60, 2), "gains_db": {}, "leak_db": {}, "level_db": LEVEL_DB}
    gains = {spk: float(rng.uniform(-6.0, 3.0)) for spk in tracks}
    out = np.zeros((2, n))
    for spk, ch in channel_of.items():
        other = next(s for s in tracks if s != spk)
        own = _convolve(tracks[spk].astype(np.float64), impulse_response(rng, rt60, float(rng.uniform(*OWN_DRR_DB))))
        leak_db = float(rng.uniform(*LEAK_DB))
        delay = int(round(float(rng.uniform(*LEAK_DELAY_MS)) * SR / 1000))
        leak = _convolve(tracks[other].astype(np.float64), impulse_response(rng, rt60, float(rng.uniform(*LEAK_DRR_DB))))
        leak = np.concatenate([np.zeros(delay), leak[: n - delay]])
        own_db = gains[spk]
        snr = float(rng.uniform(*DESK_SNR_DB))
        out[ch] = (own * 10 ** (own_db / 20) + leak * 10 ** ((gains[other] - leak_db) / 20)
                   + pink_noise(rng, n) * 10 ** ((LEVEL_DB + own_db - snr) / 20))
        info["gains_db"][spk] = round(own_db, 2)
        info["leak_db"][spk] = round(leak_db, 2)
    return never_clip(out, info), info
