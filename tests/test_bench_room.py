"""The room mix (bench/room.py): echo of the right strength and length, the direct sound on time,
the fan's hum at its stated level."""

from __future__ import annotations

import numpy as np
import pytest

from bench.room import FIRST_REFLECTION_S, LEAK_DB, impulse_response, pink_noise, room_mix, room_mix_two
from bench.sound import SR


@pytest.mark.parametrize("rt60_s, drr_db", [(0.3, 6.0), (0.6, 0.0), (0.45, -2.0)])
def test_impulse_response_has_its_direct_to_reverberant_ratio_and_decays(rt60_s, drr_db):
    h = impulse_response(np.random.default_rng(1), rt60_s, drr_db)
    assert h[0] == 1.0 and len(h) == int(rt60_s * SR)
    assert not np.any(h[1 : int(FIRST_REFLECTION_S * SR)])
    tail = h[1:] ** 2
    assert 10 * np.log10(1.0 / tail.sum()) == pytest.approx(drr_db, abs=0.01)
    # Energy decays by 60 dB over rt60: the last tenth holds a tiny share of it.
    tenth = len(tail) // 10
    assert tail[-tenth:].sum() < 1e-3 * tail[:tenth * 2].sum()


def test_pink_noise_falls_three_db_per_octave():
    x = pink_noise(np.random.default_rng(2), 16 * SR)
    power = np.abs(np.fft.rfft(x)) ** 2
    f = np.fft.rfftfreq(len(x), 1 / SR)
    band = lambda lo: power[(f >= lo) & (f < 2 * lo)].mean()  # noqa: E731
    for lo in (250, 500, 1000, 2000):
        assert 10 * np.log10(band(lo) / band(2 * lo)) == pytest.approx(3.0, abs=0.5)
    assert np.sqrt(np.mean(x**2)) == pytest.approx(1.0)


def test_room_mix_keeps_each_voice_on_time_and_the_noise_at_its_level():
    rng = np.random.default_rng(3)
    n = 6 * SR
    t = np.arange(n) / SR
    # Two "voices": tones in turn, with a second of silence at the end for the noise floor.
    tracks = {"L": np.where((t > 0.5) & (t < 2.0), np.sin(2 * np.pi * 300 * t), 0.0).astype(np.float32) * 0.1,
              "P": np.where((t > 2.5) & (t < 4.5), np.sin(2 * np.pi * 500 * t), 0.0).astype(np.float32) * 0.1}
    (y,), info = room_mix(tracks, rng)
    again, _ = room_mix(tracks, np.random.default_rng(3))
    assert np.array_equal(y, again[0])
    assert y.shape == (n,) and np.max(np.abs(y)) <= 0.95
    # The direct sound arrives at once: the listener's tone is there from its first milliseconds.
    onset = y[int(0.505 * SR) : int(0.52 * SR)]
    before = y[int(0.3 * SR) : int(0.45 * SR)]
    assert np.sqrt(np.mean(onset**2)) > 10 * np.sqrt(np.mean(before**2))
    # The echo outlasts the sound: right after the partner's tone stops, far more than the noise.
    after = y[int(4.52 * SR) : int(4.6 * SR)]
    floor = y[int(5.3 * SR) :]
    assert np.sqrt(np.mean(after**2)) > 3 * np.sqrt(np.mean(floor**2))
    assert 18.0 <= info["snr_db"] <= 24.0 and 0.3 <= info["rt60_s"] <= 0.6
    assert info["drr_db"]["L"] > info["drr_db"]["P"]


def test_two_desk_microphones_hear_their_own_person_loudest():
    n = 6 * SR
    t = np.arange(n) / SR
    noise = np.random.default_rng(5).normal(0, 0.05, n)  # broadband, as a voice is: one tone would hear room modes
    tracks = {"L": np.where((t > 0.5) & (t < 2.5), noise, 0.0).astype(np.float32),
              "P": np.where((t > 3.0) & (t < 5.0), noise, 0.0).astype(np.float32)}
    y, info = room_mix_two(tracks, {"L": 1, "P": 0}, np.random.default_rng(4))
    assert y.shape == (2, n) and np.array_equal(y, room_mix_two(tracks, {"L": 1, "P": 0}, np.random.default_rng(4))[0])
    level = lambda ch, a, b: 20 * np.log10(np.sqrt(np.mean(y[ch, int(a * SR) : int(b * SR)] ** 2)))  # noqa: E731
    for spk, ch, (a, b) in (("L", 1, (1.0, 2.0)), ("P", 0, (3.5, 4.5))):
        other_person = "P" if spk == "L" else "L"
        # The other person's mic hears this one its leak_db down; the echo adds up to ~3 dB over there.
        drop = level(ch, a, b) - level(1 - ch, a, b)
        assert info["leak_db"][other_person] - 4 <= drop <= info["leak_db"][other_person] + 1
        assert LEAK_DB[0] <= info["leak_db"][other_person] <= LEAK_DB[1]
