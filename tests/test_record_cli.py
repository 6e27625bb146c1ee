"""`coach devices` and `coach record` on generated input (no microphone needed)."""

from __future__ import annotations

import os
import pty
import re
import select
import signal
import subprocess
import sys
import time
import types
from pathlib import Path

import click
import numpy as np
import pytest
import soundfile as sf
from click.testing import CliRunner

from coach import record_cli
from coach.errors import DeviceError
from coach.record import WavWriter, partial_path_for

RATE = 16_000
REPO = Path(__file__).resolve().parents[1]


@pytest.fixture
def analyses(monkeypatch):
    """Stand-ins for the live analysis and `coach analyze`'s output (the subject here is recording)."""
    calls = []

    class Live:
        def __init__(self, options, samplerate, channels):
            self.options, self.fed = options, 0

        def feed(self, block):
            self.fed += len(block)

        def finish(self, path, progress):
            return (Path(path), self.options.listener, self.fed)

    def analyse_and_show(audio, run):
        calls.append(run(None))
        click.echo(f"ANALYSED {Path(audio).name}")

    monkeypatch.setitem(sys.modules, "coach.live", types.SimpleNamespace(LiveAnalysis=Live))
    monkeypatch.setitem(sys.modules, "coach.cli", types.SimpleNamespace(analyse_and_show=analyse_and_show))
    return calls


def run(*args):
    return CliRunner().invoke(record_cli.record, list(args), catch_exceptions=False)


def test_record_duration_then_analyze(tmp_path, analyses):
    out = tmp_path / "talk.wav"
    result = run("--fake-source", "fast:tone", "--channels", "2", "--duration", "1.5", "--out", str(out),
                 "--listener", "left")
    assert result.exit_code == 0, result.output
    info = sf.info(out)
    assert (info.frames, info.channels, info.samplerate) == (int(1.5 * RATE), 2, RATE)
    assert "Saved 1.5 s of audio" in result.output and "Live nudge on" in result.output
    # every block recorded went to the live analysis too
    assert analyses == [(out, "left", int(1.5 * RATE))] and "Feedback ready" in result.output


def test_record_default_path_no_analyze(coach_home, analyses):
    result = run("--fake-source", "fast:noise", "--duration", "0.5", "--no-analyze")
    assert result.exit_code == 0, result.output
    files = list((coach_home / "recordings").glob("*.wav"))
    assert len(files) == 1 and sf.info(files[0]).frames == RATE // 2
    assert analyses == [] and "Live nudge is off with one microphone" in result.output


def test_record_from_a_file(tmp_path, analyses):
    clip = tmp_path / "clip.wav"
    sf.write(clip, 0.1 * np.ones((RATE // 4, 1), np.float32), 22_050)
    result = run("--fake-source", f"fast:{clip}", "--duration", "1", "--out", str(tmp_path / "o.wav"), "--no-analyze")
    assert result.exit_code == 0, result.output
    assert sf.info(tmp_path / "o.wav").samplerate == 22_050


def test_unfinished_recording_is_recovered_on_start(coach_home, tmp_path, analyses):
    rec_dir = coach_home / "recordings"
    w = WavWriter(rec_dir / "crashed.wav", RATE, 1)
    w.write(np.full((RATE * 3 // 2, 1), 0.25, np.float32))
    os.close(w.fd)  # a crash: no final header, no rename
    empty = WavWriter(rec_dir / "empty.wav", RATE, 1)
    os.close(empty.fd)
    result = run("--fake-source", "fast:tone", "--duration", "0.2", "--no-analyze", "--out", str(tmp_path / "n.wav"))
    assert result.exit_code == 0, result.output
    assert "Found and recovered an unfinished recording (0:01)" in result.output
    assert sf.info(rec_dir / "crashed.wav").frames == RATE * 3 // 2
    assert not list(rec_dir.glob("*.partial.wav"))  # the empty one is gone too (it held nothing)


def test_refuses_to_overwrite(tmp_path):
    out = tmp_path / "x.wav"
    out.write_bytes(b"precious")
    result = run("--fake-source", "fast:tone", "--duration", "0.2", "--out", str(out), "--no-analyze")
    assert result.exit_code == 1 and "already exists" in result.output and out.read_bytes() == b"precious"


def test_device_lost_keeps_audio_and_still_analyses(tmp_path, monkeypatch, analyses):
    def source():
        for _ in range(30):
            yield np.full((800, 1), 0.1, np.float32), False
        raise DeviceError("The input device stopped sending audio.")

    monkeypatch.setattr(record_cli, "_make_source", lambda *a: (source(), RATE, 1))
    out = tmp_path / "lost.wav"
    result = run("--out", str(out))
    assert result.exit_code == 1
    assert "stopped sending audio" in result.output and f"saved in {out}" in result.output
    assert sf.info(out).frames == 30 * 800 and analyses == [(out, "auto", 30 * 800)]


def test_missing_portaudio_is_a_clear_error(monkeypatch):
    def missing():
        raise DeviceError("PortAudio is not installed ... sudo apt install libportaudio2")

    monkeypatch.setattr(record_cli, "import_sounddevice", missing)
    for command, args in ((record_cli.record, ["--no-analyze"]), (record_cli.devices, [])):
        result = CliRunner().invoke(command, args)
        assert result.exit_code == 1 and "libportaudio2" in result.output


class FakeSD:
    default = types.SimpleNamespace(device=[2, 0])

    @staticmethod
    def query_devices():
        return [
            {"name": "HDMI out", "max_input_channels": 0, "default_samplerate": 48000.0, "hostapi": 0},
            {"name": "USB Mic", "max_input_channels": 1, "default_samplerate": 44100.0, "hostapi": 0},
            {"name": "Scarlett 2i2", "max_input_channels": 2, "default_samplerate": 48000.0, "hostapi": 0},
        ]

    @staticmethod
    def query_hostapis():
        return [{"name": "ALSA"}]


def test_devices_lists_inputs_and_marks_default(monkeypatch):
    monkeypatch.setattr(record_cli, "import_sounddevice", lambda: FakeSD)
    result = CliRunner().invoke(record_cli.devices, [])
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert "HDMI" not in result.output
    assert lines[0].startswith(" ") and "1  USB Mic  (1 in, 44100 Hz, ALSA)" in lines[0]
    assert lines[1].startswith("*") and "2  Scarlett 2i2  (2 in, 48000 Hz" in lines[1]


def test_devices_with_real_portaudio():
    try:
        import sounddevice  # noqa: F401
    except OSError as e:
        pytest.skip(f"PortAudio is not installed (apt-get install libportaudio2): {e}")
    result = CliRunner().invoke(record_cli.devices, [])
    # Without any microphone (a CI machine), saying so is the right answer.
    assert (result.exit_code == 0 and "default input" in result.output) or "No input devices" in result.output


def test_help_says_which_setup_is_best():
    text = CliRunner().invoke(record_cli.record, ["--help"]).output
    assert "two microphones, one close to each person" in text and "coach record --device" in text
    assert "--fake-source" not in text


# ---------------------------------------------------------------- a real terminal and real signals

CHILD = "import sys; from coach.record_cli import record; record(sys.argv[1:])"


def child(args, coach_home, **kw):
    return subprocess.Popen([sys.executable, "-c", CHILD, *args], cwd=REPO,
                            env={**os.environ, "COACH_HOME": str(coach_home)}, **kw)


def wait_for(path: Path, proc, timeout=30.0) -> None:
    deadline = time.monotonic() + timeout
    while not path.exists():
        assert proc.poll() is None and time.monotonic() < deadline, "the recorder did not start"
        time.sleep(0.01)


@pytest.mark.parametrize("sig", [signal.SIGINT, signal.SIGTERM, signal.SIGHUP])
def test_signals_stop_cleanly(tmp_path, coach_home, sig):
    out = tmp_path / "sig.wav"
    proc = child(["--fake-source", "tone", "--no-analyze", "--out", str(out)], coach_home,
                 stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    wait_for(partial_path_for(out), proc)
    time.sleep(1.2)
    proc.send_signal(sig)
    output, _ = proc.communicate(timeout=20)
    assert proc.returncode == 0, output
    assert "Press Ctrl-C to stop." in output and re.search(r"Saved \d+\.\d s of audio", output)
    assert not partial_path_for(out).exists() and 1.0 <= sf.info(out).duration <= 3.0


def test_enter_stops_in_a_terminal(tmp_path, coach_home):
    """With a terminal: Enter stops, and the live line shows time and a meter."""
    out = tmp_path / "tty.wav"
    master, slave = pty.openpty()
    proc = child(["--fake-source", "tone", "--channels", "2", "--no-analyze", "--out", str(out)], coach_home,
                 stdin=slave, stdout=slave, stderr=slave)
    os.close(slave)
    screen = b""

    def read_for(seconds):
        nonlocal screen
        end = time.monotonic() + seconds
        while time.monotonic() < end:
            if select.select([master], [], [], 0.05)[0]:
                try:
                    screen += os.read(master, 65536)
                except OSError:
                    return

    try:
        wait_for(partial_path_for(out), proc)
        read_for(1.5)
        os.write(master, b"\n")
        deadline = time.monotonic() + 20
        while proc.poll() is None and time.monotonic() < deadline:
            read_for(0.1)
        read_for(0.2)
    finally:
        proc.kill()
        proc.wait()
        os.close(master)
    text = screen.decode(errors="replace")
    assert proc.returncode == 0, text
    assert "Press Enter to stop." in text and "REC" in text and "0:01" in text and "dB" in text
    assert sf.info(out).duration >= 1.0


def test_unknown_device_with_real_portaudio():
    try:
        import sounddevice  # noqa: F401
    except OSError as e:
        pytest.skip(f"PortAudio is not installed (apt-get install libportaudio2): {e}")
    result = CliRunner().invoke(record_cli.record, ["--device", "no-such-microphone", "--no-analyze"])
    assert result.exit_code == 1
    assert "No input device matches 'no-such-microphone': run `coach devices`" in result.output


@pytest.mark.slow
def test_record_two_mics_then_feedback_from_the_live_analysis(tmp_path, coach_home):
    """The whole path, nothing stood in: record the bundled two-mic sample (paced at 8x real time),
    analyse it while recording, print the feedback, store the session."""
    from coach.paths import samples_dir
    from coach.store import Store

    sample = samples_dir() / "practice-two-mic.flac"
    out = tmp_path / "talk.wav"
    result = run("--fake-source", f"x8:{sample}", "--channels", "2", "--duration", "63.8", "--out", str(out),
                 "--listener", "second")
    assert result.exit_code == 0, result.output
    assert re.search(r"Feedback ready [\d.]+ s after the recording stopped", result.output)
    session = re.search(r"Saved as session (\S+)\.", result.output).group(1)
    with Store(coach_home) as store:
        report = store.report(session)
    assert report["audio"]["mode"] == "two-mic" and report["audio"]["duration_s"] == pytest.approx(63.8, abs=0.01)
    assert sum(e["type"] == "interruption" for e in report["events"]) == 2
