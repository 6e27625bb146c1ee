"""Two-mic cross-talk rejection (coach/crosstalk.py): the leak path, soft bursts, blocks and memory."""

from __future__ import annotations

import tracemalloc

import numpy as np

from coach import crosstalk
from coach.types import SAMPLE_RATE
from coach.vad import own_voice_activity, silero_speech, spans_to_mask

from .helpers import two_mic_mix, voice

SR = SAMPLE_RATE


def babble(seconds: float, seed: int, duty: float = 0.5) -> np.ndarray:
    """Speech-like generated sound: noise in 150-400 ms 'syllables', silent about ``1 - duty`` of the time,
    coloured differently per seed (two different 'voices')."""
    rng = np.random.default_rng(seed)
    n = int(seconds * SR)
    env = np.zeros(n, np.float32)
    t = 0
    while t < n:
        length = int(rng.uniform(0.15, 0.4) * SR)
        if rng.random() < duty:
            env[t : t + length] = np.hanning(length)[: n - t] ** 0.5
        t += length
    noise = rng.standard_normal(n).astype(np.float32)
    tilt = 0.3 + 0.6 * (seed % 2)
    noise[1:] += tilt * noise[:-1]
    return 0.1 * noise * env


def test_leak_path_gain_and_delay_are_measured():
    a, b = babble(30, 1), babble(30, 2)
    mixed, _ = two_mic_mix(a, b, b_at=0.0, leak_db=-20, gains=(1.0, 0.5))
    _, paths = crosstalk.own_voice_scores(mixed, 6.0)
    for path in paths:
        assert path.delay == 16 and path.frames >= 100
        lo, hi = crosstalk.BAND
        gain_db = 10 * np.log10(np.mean(np.abs(path.h[lo:hi]) ** 2))
        assert abs(gain_db + 20) < 1.0


def test_soft_backchannel_inside_the_other_persons_speech_is_heard(shared_data):
    """A 0.4 s word of B at -6 dB, said while A talks on: found on B's mic, and A is not cut."""
    a = voice(shared_data, "1688", 0)[: SR * 8]
    b_word = voice(shared_data, "2033", 2)[int(0.6 * SR) : int(1.0 * SR)] * np.hanning(int(0.4 * SR)) ** 0.2
    b = np.concatenate([np.zeros(int(SR * 4.5), np.float32), 0.5 * b_word.astype(np.float32), np.zeros(SR, np.float32)])
    tail = voice(shared_data, "2033", 3)[: SR * 3]  # B speaks alone later, so the leak can be measured
    b = np.concatenate([b, np.zeros(SR * 5, np.float32), tail])
    for leak_db, gains in ((-15, (1.6, 0.6)), (-20, (1.0, 1.0)), (-25, (0.5, 1.8))):
        mixed, own = two_mic_mix(a, b, b_at=0.0, leak_db=leak_db, gains=gains)
        speech = [silero_speech(mixed[c]) for c in range(2)]
        active = own_voice_activity(mixed, 6.0, 0.12, speech)
        burst = slice(450, 490)
        assert active[1, burst].mean() > 0.6, (leak_db, gains)
        # B's mic hears nothing of its own while A talks alone (A's leak rejected)...
        a_talks = spans_to_mask(silero_speech(own[0]), active.shape[1])
        a_alone = a_talks.copy()
        a_alone[430:510] = False
        assert active[1][a_alone].mean() < 0.02
        # ...and A's own activity is not broken by the burst.
        assert a_talks[burst].all() and active[0, 400:540][a_talks[400:540]].mean() > 0.95


def test_blocks_give_the_same_answer_as_one_pass(monkeypatch):
    a, b = babble(70, 3), babble(70, 4)
    mixed, _ = two_mic_mix(a, b, b_at=1.0, leak_db=-18, gains=(0.7, 1.4))
    whole = own_voice_activity(mixed, 6.0, 0.12)
    monkeypatch.setattr(crosstalk, "BLOCK_FRAMES", 700)
    blocked = own_voice_activity(mixed, 6.0, 0.12)
    assert whole.shape == blocked.shape == (2, mixed.shape[1] // crosstalk.HOP)
    assert np.mean(whole == blocked) > 0.999


def test_a_long_recording_needs_little_memory_beyond_itself():
    """Five minutes of stereo (38 MB of samples): the detector's own allocations stay small."""
    a, b = babble(300, 5), babble(300, 6)
    mixed, own = two_mic_mix(a, b, b_at=0.3, leak_db=-20, gains=(1.0, 1.0))
    del own
    tracemalloc.start()
    active = own_voice_activity(mixed, 6.0, 0.12)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert peak < 80e6, f"{peak / 1e6:.0f} MB"
    assert active.shape == (2, mixed.shape[1] // crosstalk.HOP)
    assert 0.2 < active.mean() < 0.8


def test_edge_cases_give_empty_masks():
    assert own_voice_activity(np.zeros((2, 0), np.float32), 6.0, 0.12).shape == (2, 0)
    assert own_voice_activity(np.zeros((2, 100), np.float32), 6.0, 0.12).shape == (2, 0)
    silent = own_voice_activity(np.zeros((2, SR * 3), np.float32), 6.0, 0.12)
    assert silent.shape == (2, 300) and not silent.any()
    one_sided = np.stack([babble(10, 7), np.zeros(SR * 10, np.float32)])
    active = own_voice_activity(one_sided, 6.0, 0.12)
    assert active[0].any() and not active[1].any()
