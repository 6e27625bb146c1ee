"""A throw-away PulseAudio server with a null sink, for recording through PortAudio without hardware.

Audio played into the sink ``coach_null`` comes out of its monitor, which is the server's default
source; the ALSA ``pulse`` device (libasound2-plugins) and so PortAudio record from it. The server
runs as the current user (root included, via ``-n -F``: no default script, no system mode) with its
own runtime directory and socket, so it never meets a desktop's sound server.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import time
from pathlib import Path

SINK = "coach_null"
NEEDS = "apt-get install -y pulseaudio pulseaudio-utils libasound2-plugins libportaudio2"


class PulseUnavailable(RuntimeError):
    """Why a PulseAudio server cannot run here (the test skips with this reason)."""


class PulseServer:
    def __init__(self, directory: Path, rate: int = 16_000, channels: int = 1):
        self.dir = Path(directory)
        self.rate, self.channels = rate, channels
        self.proc: subprocess.Popen | None = None
        self.socket = self.dir / "native"
        self.log = self.dir / "pulse.log"

    @property
    def env(self) -> dict[str, str]:
        """Environment for clients (pactl, paplay, and PortAudio through the ALSA pulse plugin)."""
        env = dict(os.environ)
        env.update(PULSE_SERVER=f"unix:{self.socket}", PULSE_COOKIE=str(self.dir / "cookie"),
                   XDG_RUNTIME_DIR=str(self.dir / "rt"))
        return env

    def start(self) -> "PulseServer":
        for tool in ("pulseaudio", "pactl", "paplay"):
            if shutil.which(tool) is None:
                raise PulseUnavailable(f"{tool} is not installed ({NEEDS})")
        (self.dir / "rt").mkdir(parents=True, exist_ok=True)
        (self.dir / "home").mkdir(exist_ok=True)
        conf = self.dir / "default.pa"
        conf.write_text(
            f"load-module module-native-protocol-unix auth-anonymous=1 socket={self.socket}\n"
            f"load-module module-null-sink sink_name={SINK} rate={self.rate} channels={self.channels}\n"
            f"set-default-sink {SINK}\nset-default-source {SINK}.monitor\n")
        env = self.env
        env["HOME"] = str(self.dir / "home")  # the daemon keeps its state here, not in the real home
        del env["PULSE_SERVER"]
        self.proc = subprocess.Popen(
            ["pulseaudio", "-n", "-F", str(conf), "--daemonize=no", "--exit-idle-time=-1",
             "--use-pid-file=no", "--disallow-module-loading=no", "--log-target=stderr"],
            env=env, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=open(self.log, "wb"))
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise PulseUnavailable(f"pulseaudio exited ({self.proc.returncode}): {self.log_tail()}")
            ok = subprocess.run(["pactl", "info"], env=self.env, capture_output=True, timeout=5).returncode == 0
            if ok:
                return self
            time.sleep(0.1)
        self.stop()
        raise PulseUnavailable(f"pulseaudio did not answer within 10 s: {self.log_tail()}")

    def play(self, path: Path) -> subprocess.Popen:
        return subprocess.Popen(["paplay", f"--device={SINK}", "--latency-msec=100", str(path)], env=self.env,
                                stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)

    def kill(self) -> None:
        """Kill the server abruptly: to the recorder, the input device vanishes (like a pulled cable)."""
        if self.proc is not None and self.proc.poll() is None:
            self.proc.kill()
            self.proc.wait(10)

    def stop(self) -> None:
        if self.proc is not None and self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(5)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait(5)
        self.proc = None

    def log_tail(self, n: int = 5) -> str:
        try:
            lines = [l for l in self.log.read_text(errors="replace").splitlines() if "D-Bus" not in l]
        except OSError:
            return ""
        return " | ".join(lines[-n:])

    def __enter__(self) -> "PulseServer":
        return self.start()

    def __exit__(self, *exc) -> None:
        self.stop()
