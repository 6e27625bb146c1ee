"""The recorder on generated input: what reaches the disk, what is reported, and what survives failures."""

from __future__ import annotations

import builtins
import errno
import os
import signal
import subprocess
import sys
import threading
import time
import types
from pathlib import Path

import numpy as np
import pytest
import soundfile as sf

from coach.errors import AudioError, DeviceError
from coach.levels import LevelMonitor
from .helpers import fading_bursts, in_a_room, voice
from coach.devices import fake_source, import_sounddevice
from coach.record import (
    Recorder,
    RecordingInterrupted,
    WavWriter,
    default_recording_path,
    find_unfinished,
    partial_path_for,
    recover,
)

RATE = 16_000
BLOCK = 800  # 50 ms
REPO = Path(__file__).resolve().parents[1]


def tone(seconds, freq=440.0, amp=0.3, channels=1, start=0):
    n = np.arange(start, start + int(seconds * RATE))
    x = amp * np.sin(2 * np.pi * freq * n / RATE)
    return np.repeat(x[:, None], channels, 1).astype(np.float32)


def blocks_of(signal_, overflow_at=()):
    for i in range(0, len(signal_), BLOCK):
        yield signal_[i:i + BLOCK], i // BLOCK in overflow_at


def record(path, signal_, channels=1, **kw):
    updates = []
    rec = Recorder(path, blocks_of(signal_, kw.pop("overflow_at", ())), RATE, channels,
                   hook=updates.append, **kw.pop("recorder", {}))
    return rec.run(**kw), updates


def test_tone_reaches_disk_exactly(tmp_path):
    x = tone(2.5, channels=2)
    result, updates = record(tmp_path / "a.wav", x, channels=2)
    assert result.path == tmp_path / "a.wav" and result.stopped_by == "end"
    assert not partial_path_for(result.path).exists()
    y, rate = sf.read(result.path, dtype="float32")
    assert rate == RATE and y.shape == x.shape
    assert np.max(np.abs(y - x)) <= 1 / 32767 + 1e-6
    assert result.duration_s == pytest.approx(2.5)
    # 0.3 amplitude sine: RMS -13.5 dBFS, peak -10.5 dBFS
    lv = updates[-1].levels
    assert lv[0].rms_db == pytest.approx(-13.5, abs=0.2) and lv[1].peak_db == pytest.approx(-10.5, abs=0.2)
    assert updates[-1].elapsed_s == pytest.approx(2.5)


def test_partial_file_plays_while_recording(tmp_path):
    """Mid-recording, the unfinished file already plays up to the last second."""
    seen = []
    path = tmp_path / "live.wav"

    def hook(u):
        if u.elapsed_s in (2.5, 3.5):
            info = sf.info(partial_path_for(path))
            seen.append((u.elapsed_s, info.frames / RATE))

    Recorder(path, blocks_of(tone(4)), RATE, 1, hook=hook).run()
    assert len(seen) == 2
    for elapsed, playable in seen:
        assert elapsed - 1.0 <= playable <= elapsed


def test_duration_and_stop_event(tmp_path):
    result, _ = record(tmp_path / "d.wav", tone(5), duration=1.23)
    assert result.stopped_by == "duration" and sf.info(result.path).frames == round(1.23 * RATE)

    stop = threading.Event()
    n = 0

    def source():
        nonlocal n
        while True:
            n += 1
            if n == 20:
                stop.set()
            yield tone(0.05), False

    result = Recorder(tmp_path / "s.wav", source(), RATE, 1).run(stop)
    assert result.stopped_by == "stop" and sf.info(result.path).frames == 20 * BLOCK


def test_silence_warns_wrong_device(tmp_path):
    result, updates = record(tmp_path / "q.wav", np.zeros((4 * RATE, 1), np.float32))
    silence = [n for u in updates for n in u.notices if n.kind == "silence"]
    assert len(silence) == 1 and "muted" in silence[0].message and silence[0].time == pytest.approx(3.0)
    # a mic with speech in the first seconds does not warn
    _, updates = record(tmp_path / "ok.wav", tone(4, amp=0.05))
    assert not [n for u in updates for n in u.notices if n.kind == "silence"]


def test_quiet_but_live_channel_warns_only_that_channel(tmp_path):
    x = np.concatenate([tone(4, amp=0.1), 1e-4 * tone(4)], 1)
    _, updates = record(tmp_path / "q2.wav", x, channels=2)
    silence = [n for u in updates for n in u.notices if n.kind == "silence"]
    assert [n.channel for n in silence] == [1] and "below -55 dBFS" in silence[0].message


def test_clipping_is_flagged_and_rate_limited(tmp_path):
    x = tone(6, amp=1.5)
    result, updates = record(tmp_path / "c.wav", np.clip(x, -1, 1))
    clips = [n for u in updates for n in u.notices if n.kind == "clipping"]
    assert len(clips) == 2  # at 0 s and 5 s, not every block
    assert result.clipped_blocks == (6 * RATE // BLOCK,)
    assert all(u.levels[0].clipped for u in updates if u.levels)


def test_overflows_are_counted_and_reported(tmp_path):
    result, updates = record(tmp_path / "o.wav", tone(3), overflow_at={5, 6, 30})
    assert result.overflows == 3 and updates[-1].overflows == 3
    assert len([n for u in updates for n in u.notices if n.kind == "overflow"]) == 1


def test_device_error_mid_recording_keeps_audio(tmp_path):
    def source():
        yield from blocks_of(tone(2.0))
        raise DeviceError("The input device stopped sending audio.")

    with pytest.raises(RecordingInterrupted) as e:
        Recorder(tmp_path / "u.wav", source(), RATE, 1).run()
    assert "saved in" in str(e.value) and "0:02" in str(e.value)
    rec = e.value.recording
    assert rec.stopped_by == "error" and rec.path == tmp_path / "u.wav"
    y, _ = sf.read(rec.path, dtype="float32")
    assert len(y) == 2 * RATE and np.max(np.abs(y - tone(2.0)[:, 0])) < 1e-4


def test_disk_full_keeps_whole_frames(tmp_path, monkeypatch):
    real = WavWriter._write_raw
    calls = 0

    def write_raw(self, data):
        nonlocal calls
        calls += 1
        if calls > 41:  # header + 40 blocks (2 s), then half a block lands before the disk fills up
            os.write(self.fd, data[: len(data) // 2 + 1])
            raise OSError(errno.ENOSPC, "No space left on device")
        real(self, data)

    monkeypatch.setattr(WavWriter, "_write_raw", write_raw)
    with pytest.raises(RecordingInterrupted, match="disk is full") as e:
        Recorder(tmp_path / "f.wav", blocks_of(tone(5)), RATE, 1).run()
    y, _ = sf.read(e.value.recording.path, dtype="float32")
    assert len(y) == 2 * RATE and e.value.recording.duration_s == 2.0
    assert os.path.getsize(e.value.recording.path) == 44 + 2 * 2 * RATE


def crash_writer(path, seconds, channels=1):
    """A writer that dies without closing: the data after the last sync has no header yet."""
    w = WavWriter(path, RATE, channels)
    x = tone(seconds, channels=channels)
    for i in range(0, len(x), BLOCK):
        w.write(x[i:i + BLOCK])
    return w, x


def test_recover_uses_file_length(tmp_path):
    w, x = crash_writer(tmp_path / "r.wav", 2.5, channels=2)
    assert sf.info(w.path).frames == 2 * RATE  # header as of the last sync
    assert find_unfinished(tmp_path) == []  # still locked by a live writer
    os.close(w.fd)  # the process dies
    assert find_unfinished(tmp_path) == [w.path]
    fixed = recover(w.path)
    assert fixed == tmp_path / "r.wav" and not w.path.exists()
    y, _ = sf.read(fixed, dtype="float32")
    assert y.shape == x.shape and np.max(np.abs(y - x)) < 1e-4


def test_recover_never_overwrites_and_rejects_junk(tmp_path):
    (tmp_path / "r.wav").write_bytes(b"keep me")
    w, _ = crash_writer(tmp_path / "x.wav", 1.0)
    os.close(w.fd)
    os.replace(w.path, tmp_path / "r.partial.wav")
    fixed = recover(tmp_path / "r.partial.wav")
    assert fixed.name == "r-recovered.wav" and (tmp_path / "r.wav").read_bytes() == b"keep me"

    junk = tmp_path / "junk.partial.wav"
    junk.write_bytes(b"\0" * 100)
    with pytest.raises(AudioError, match="not an unfinished coach recording"):
        recover(junk)
    empty = WavWriter(tmp_path / "e.wav", RATE, 1)
    os.close(empty.fd)
    with pytest.raises(AudioError, match="no audio"):
        recover(empty.path)


def test_default_path_under_data_dir(coach_home):
    from datetime import datetime

    when = datetime(2025, 3, 4, 5, 6, 7)
    p = default_recording_path(when)
    assert p == coach_home / "recordings" / "2025-03-04_05-06-07.wav"
    p.parent.mkdir(parents=True)
    p.write_bytes(b"")
    assert default_recording_path(when).name == "2025-03-04_05-06-07-2.wav"


def test_missing_portaudio_says_what_to_install(monkeypatch):
    real_import = builtins.__import__

    def fake_import(name, *a, **kw):
        if name == "sounddevice":
            raise OSError("PortAudio library not found")
        return real_import(name, *a, **kw)

    monkeypatch.delitem(sys.modules, "sounddevice", raising=False)
    monkeypatch.setattr(builtins, "__import__", fake_import)
    with pytest.raises(DeviceError, match="libportaudio2"):
        import_sounddevice()


# ---------------------------------------------------------------- the live nudge

def speech(seconds, seed, amp=0.2):
    """Speech-like: noise with a syllable-rate envelope, never quite silent for long."""
    rng = np.random.default_rng(seed)
    n = int(seconds * RATE)
    env = 0.6 + 0.4 * np.sin(2 * np.pi * 4 * np.arange(n) / RATE)
    return (amp * env * rng.standard_normal(n)).astype(np.float32)


def two_mic(partner_spans, listener_spans, seconds, leak_db=18.0):
    """Channel 0 = listener, channel 1 = partner; each mic hears the other ``leak_db`` lower, 1 ms later."""
    own = np.zeros((2, int(seconds * RATE)), np.float32)
    for ch, spans in ((0, listener_spans), (1, partner_spans)):
        for i, (a, b) in enumerate(spans):
            own[ch, int(a * RATE):int(b * RATE)] = speech(b - a, seed=10 * ch + i)
    leak = 10 ** (-leak_db / 20)
    mixed = own + leak * np.roll(own[::-1], 16, axis=1)
    mixed += 1e-3 * np.random.default_rng(9).standard_normal(mixed.shape).astype(np.float32)
    return mixed.T.copy()


def nudges_for(x, listener="left", channels=2):
    mon = LevelMonitor(RATE, channels, listener)
    out = list(mon.start_notices())
    for i in range(0, len(x), BLOCK):
        out += mon.process(x[i:i + BLOCK])[1]
    return [n for n in out if n.kind == "nudge"], out


def test_nudge_when_listener_talks_over_partner():
    x = two_mic(partner_spans=[(1.0, 6.0)], listener_spans=[(3.0, 4.0)], seconds=7)
    nudges, _ = nudges_for(x)
    assert len(nudges) == 1 and 3.0 <= nudges[0].time <= 3.2 and nudges[0].channel == 0


def test_no_nudge_for_turn_taking_or_partner_leak():
    # partner speaks, stops, listener answers after a pause: leak of the partner alone never counts
    x = two_mic(partner_spans=[(1.0, 3.0), (5.5, 7.0)], listener_spans=[(3.6, 5.0)], seconds=8)
    assert nudges_for(x)[0] == []
    # the partner starting over the listener is not the listener's interruption
    x = two_mic(partner_spans=[(2.0, 3.5)], listener_spans=[(1.0, 4.5)], seconds=5)
    assert nudges_for(x)[0] == []


def test_nudge_learns_who_is_second():
    x = two_mic(partner_spans=[(1.0, 6.0)], listener_spans=[(3.0, 4.0)], seconds=7)
    assert len(nudges_for(x, listener="second")[0]) == 1
    assert nudges_for(x, listener="first")[0] == []  # the listener would be the one on channel 1


def test_nudge_on_real_speech(shared_data):
    """Eight exchanges of two LibriSpeech voices, one per mic, each leaking 18 dB lower into the other's mic;
    the listener (left, 10 dB quieter) cuts in 1 s before the end of every other partner utterance."""
    rng = np.random.default_rng(1)
    t, cut_ins = 0.5, []
    own = np.zeros((2, 300 * RATE), np.float32)
    for k in range(8):
        partner, listener = voice(shared_data, "1688", k), 0.3 * voice(shared_data, "2033", k)
        own[1, int(t * RATE):int(t * RATE) + len(partner)] = partner
        t += len(partner) / RATE + (-1.0 if k % 2 == 0 else 0.6)
        if k % 2 == 0:
            cut_ins.append(t)
        own[0, int(t * RATE):int(t * RATE) + len(listener)] += listener
        t += len(listener) / RATE + 0.6
    own = own[:, :int((t + 1) * RATE)]
    mixed = own + 10 ** (-18 / 20) * np.roll(own[::-1], 16, axis=1) + 3e-4 * rng.standard_normal(own.shape)
    nudges, _ = nudges_for(mixed.T.astype(np.float32))
    # LibriSpeech utterances open with up to ~0.5 s of silence, so the voice starts a little after ``t``
    assert len(nudges) == len(cut_ins)
    for n, cut in zip(nudges, cut_ins):
        assert cut <= n.time <= cut + 0.7


def test_nudge_off_for_single_mic_and_stereo_array():
    x = two_mic(partner_spans=[(1.0, 6.0)], listener_spans=[(3.0, 4.0)], seconds=7)
    nudges, notices = nudges_for(x[:, :1], channels=1)
    assert nudges == [] and notices[0].kind == "nudge_off"
    same = np.repeat(x[:, :1] + x[:, 1:], 2, axis=1)  # one mic, two identical channels
    nudges, notices = nudges_for(same)
    assert nudges == [] and any(n.kind == "same_mic" for n in notices)


# ---------------------------------------------------------------- kill -9

def test_sigkill_loses_at_most_a_second(tmp_path, coach_home):
    out = tmp_path / "killed.wav"
    partial = partial_path_for(out)
    code = ("import sys; from coach.record_cli import record; "
            "record(sys.argv[1:], standalone_mode=True)")
    proc = subprocess.Popen(
        [sys.executable, "-c", code, "--fake-source", "tone", "--channels", "2", "--no-analyze", "--out", str(out)],
        cwd=REPO, env={**os.environ, "COACH_HOME": str(coach_home)},
        stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    try:
        deadline = time.monotonic() + 30
        while not partial.exists():
            assert proc.poll() is None and time.monotonic() < deadline, proc.stdout.read()
            time.sleep(0.01)
        started = time.monotonic()
        time.sleep(2.7)
        os.kill(proc.pid, signal.SIGKILL)
        elapsed = time.monotonic() - started
    finally:
        proc.kill()
        proc.wait()
    assert proc.returncode == -signal.SIGKILL and not out.exists()

    # even untouched, the unfinished file plays up to its last sync
    assert sf.info(partial).frames / RATE >= elapsed - 1.5
    assert find_unfinished(tmp_path) == [partial]
    fixed = recover(partial)
    y, rate = sf.read(fixed, dtype="float32")
    assert rate == RATE and y.shape[1] == 2
    assert elapsed - 1.5 <= len(y) / RATE <= elapsed + 0.1
    # exactly the generated tones (440 Hz left, 660 Hz right), from the first sample on
    expected = np.concatenate([tone(len(y) / RATE, 440.0), tone(len(y) / RATE, 660.0)], 1)
    assert np.max(np.abs(y - expected)) < 1e-4


# ---------------------------------------------------------------- the PortAudio source, with a stand-in sounddevice

class FakePortAudioError(Exception):
    pass


class FakeSD:
    """Just enough of sounddevice: one 2-channel device at 48 kHz that refuses 16 kHz."""

    PortAudioError = FakePortAudioError
    open_error: Exception | None = None
    stream_blocks = 10

    @staticmethod
    def query_devices(device=None, kind=None):
        if device not in (None, 0, "Scarlett"):
            raise ValueError(f"No input device matching {device!r}")
        return {"name": "Scarlett 2i2", "max_input_channels": 2, "default_samplerate": 48000.0}

    @staticmethod
    def check_input_settings(device=None, channels=None, samplerate=None, dtype=None):
        if samplerate != 48000:
            raise FakePortAudioError("Invalid sample rate [PaErrorCode -9997]")

    class InputStream:
        def __init__(self, callback, **kw):
            if FakeSD.open_error:
                raise FakeSD.open_error
            self.callback, self.kw, self.active = callback, kw, False

        def start(self):
            self.active = True

            def run():
                for i in range(FakeSD.stream_blocks):
                    status = types.SimpleNamespace(input_overflow=i == 3)
                    self.callback(np.full((480, self.kw["channels"]), 0.1, np.float32), 480, None, status)
                    time.sleep(0.005)
                self.active = False  # what PortAudio does when the device disappears

            threading.Thread(target=run, daemon=True).start()

        def abort(self):
            self.active = False

        def close(self):
            pass


@pytest.fixture
def fake_sd(monkeypatch):
    import coach.devices as record_module

    monkeypatch.setattr(record_module, "import_sounddevice", lambda: FakeSD)
    monkeypatch.setattr(FakeSD, "open_error", None)
    return FakeSD


def test_device_checks_say_what_to_do(fake_sd):
    from coach.devices import SoundDeviceSource, check_input, pick_samplerate

    assert pick_samplerate("Scarlett", 2) == 48000  # 16 kHz refused: the device's own rate
    with pytest.raises(DeviceError, match="No input device matches 'Yeti'.*coach devices"):
        check_input("Yeti", 1, 48000)
    with pytest.raises(DeviceError, match="has 2 input channel.*not 4"):
        check_input(0, 4, 48000)
    with pytest.raises(DeviceError, match="cannot record 2 channel.*16000 Hz.*try --samplerate 48000"):
        check_input(0, 2, 16000)
    fake_sd.open_error = FakePortAudioError("Device unavailable [PaErrorCode -9985]")
    with pytest.raises(DeviceError, match="busy.*close other programs"):
        SoundDeviceSource(0, 2, 48000).__enter__()


def test_portaudio_source_counts_overflows_and_notices_a_lost_device(fake_sd, tmp_path):
    from coach.devices import SoundDeviceSource

    with pytest.raises(RecordingInterrupted, match="stopped sending audio") as e:
        Recorder(tmp_path / "pa.wav", SoundDeviceSource(0, 2, 48000), 48000, 2).run()
    rec = e.value.recording
    assert rec.overflows == 1 and sf.info(rec.path).frames == 10 * 480


def test_fake_source_for_tests_and_demos(tmp_path):
    blocks = list(fake_source("tone", RATE, 2, speed=0, seconds=1.0))
    x = np.concatenate([b for b, _ in blocks])
    assert x.shape == (RATE, 2) and not any(o for _, o in blocks)
    assert np.max(np.abs(x - np.concatenate([tone(1.0, 440.0), tone(1.0, 660.0)], 1))) < 1e-6
    clip = tmp_path / "c.wav"
    sf.write(clip, np.zeros((100, 1), np.float32), 8000)
    with pytest.raises(AudioError, match="--samplerate 8000"):
        next(fake_source(str(clip), RATE, 1))


def test_echo_is_said_while_there_is_time_to_move():
    dry = fading_bursts(40)
    wet = in_a_room(dry, 0.5)

    def echo_notices(x):
        mon = LevelMonitor(RATE, 1)
        out = [n for i in range(0, len(x), BLOCK) for n in mon.process(x[i:i + BLOCK, None])[1]]
        return [n for n in out if n.kind == "echo"]

    said = echo_notices(wet)
    assert len(said) == 1 and 30.0 <= said[0].time < 30.1 and "echoes" in said[0].message
    assert echo_notices(dry) == []
    # Silence cannot tell: nothing is said, however long it goes on.
    assert echo_notices(np.full(100 * RATE, 1e-4, np.float32)) == []
