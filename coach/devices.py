"""Where recorded blocks come from: a microphone through sounddevice (PortAudio), or generated blocks.

A *source* is an iterable of ``(block, overflowed)`` pairs with ``block`` shaped (frames, channels)
float32. ``SoundDeviceSource`` reads a microphone; tests and ``--fake-source`` use ``fake_source``.
"""

from __future__ import annotations

import logging
import queue
import time
from typing import Iterator

import numpy as np

from coach.errors import AudioError, DeviceError

log = logging.getLogger(__name__)

PORTAUDIO_MISSING = ("PortAudio is not installed, so coach cannot use the microphone: install it "
                     "(Debian/Ubuntu: sudo apt install libportaudio2; Fedora: sudo dnf install portaudio; "
                     "macOS: brew install portaudio) and try again.")


Block = tuple[np.ndarray, bool]


def import_sounddevice():
    """sounddevice, or a DeviceError saying how to install PortAudio."""
    try:
        import sounddevice
    except OSError as e:  # sounddevice raises OSError when libportaudio cannot be loaded
        raise DeviceError(PORTAUDIO_MISSING) from e
    return sounddevice


def resolve_device(device: str | int | None):
    """The sounddevice id for ``--device``: an index, a (part of a) name, or None for the default."""
    if isinstance(device, str) and device.strip().isdigit():
        return int(device)
    return device or None


class SoundDeviceSource:
    """Blocks from a PortAudio input; use as a context manager, then iterate.

    PortAudio calls back on its own thread; blocks travel through a queue, so a slow disk never makes
    the callback late (that would be an input overflow). If no block arrives for ``stall_s`` seconds
    the device is gone (unplugged, or the sound server died) and iteration raises DeviceError.
    """

    def __init__(self, device=None, channels: int = 1, samplerate: int = 16_000,
                 blocksize: int | None = None, stall_s: float = 2.0):
        self.sd = import_sounddevice()
        self.device = resolve_device(device)
        self.channels, self.samplerate = channels, samplerate
        self.blocksize = blocksize or max(1, samplerate // 20)
        self.stall_s = stall_s
        self.queue: queue.Queue[Block] = queue.Queue()
        self.stream = None

    def __enter__(self) -> "SoundDeviceSource":
        sd = self.sd
        check_input(self.device, self.channels, self.samplerate, sd)
        try:
            self.stream = sd.InputStream(device=self.device, channels=self.channels, samplerate=self.samplerate,
                                         blocksize=self.blocksize, dtype="float32", callback=self._callback)
            self.stream.start()
        except sd.PortAudioError as e:
            raise DeviceError(_explain_portaudio(e, self.device)) from e
        return self

    def _callback(self, indata, frames, time_info, status) -> None:
        self.queue.put((indata.copy(), bool(status.input_overflow)))

    def __iter__(self) -> Iterator[Block]:
        last = time.monotonic()
        while True:
            try:
                item = self.queue.get(timeout=0.25)
            except queue.Empty:
                if time.monotonic() - last > self.stall_s or (self.stream is not None and not self.stream.active):
                    raise DeviceError("The input device stopped sending audio (unplugged, or taken over by "
                                      "another program?). Reconnect it and start a new recording.") from None
                continue
            last = time.monotonic()
            yield item

    def __exit__(self, *exc) -> None:
        if self.stream is not None:
            try:
                self.stream.abort()
                self.stream.close()
            except Exception as e:  # a vanished device may fail to close; the audio is already on disk
                log.warning("closing the input stream failed: %s", e)


def input_info(device, sd=None) -> dict:
    """sounddevice's description of an input device; DeviceError if there is no such input."""
    sd = sd or import_sounddevice()
    try:
        return sd.query_devices(device, "input")
    except (ValueError, sd.PortAudioError) as e:
        if device is None:
            raise DeviceError("No input device found: connect a microphone (and check that the system sees it), "
                              "then run `coach devices`.") from e
        raise DeviceError(f"No input device matches {device!r}: run `coach devices` to list them.") from e


def check_input(device, channels: int, samplerate: int, sd=None) -> dict:
    """The device's info if it can record ``channels`` at ``samplerate``; DeviceError saying what to do if not."""
    sd = sd or import_sounddevice()
    info = input_info(device, sd)
    if channels > info["max_input_channels"]:
        raise DeviceError(f"{info['name']} has {info['max_input_channels']} input channel(s), not {channels}: "
                          "use --channels 1, or choose a 2-channel device with --device.")
    try:
        sd.check_input_settings(device=device, channels=channels, samplerate=samplerate, dtype="float32")
    except (ValueError, sd.PortAudioError) as e:
        raise DeviceError(f"{info['name']} cannot record {channels} channel(s) at {samplerate} Hz ({e}): try "
                          f"--samplerate {int(info['default_samplerate'])}.") from e
    return info


def pick_samplerate(device, channels: int, preferred: int = 16_000) -> int:
    """16 kHz (what the analysis uses, a third of the disk of 48 kHz) if the device does it, else its default."""
    sd = import_sounddevice()
    try:
        sd.check_input_settings(device=device, channels=channels, samplerate=preferred, dtype="float32")
        return preferred
    except Exception:
        try:
            return int(sd.query_devices(device, "input")["default_samplerate"])
        except Exception:
            return preferred


def _explain_portaudio(e: Exception, device) -> str:
    text = str(e)
    low = text.lower()
    if "unavailable" in low or "busy" in low or "-9985" in low:
        return f"The input device is busy ({text}): close other programs that record, or pick another with --device."
    if "sample rate" in low or "-9997" in low:
        return f"The device does not support this sample rate ({text}): try another --samplerate."
    if "channels" in low or "-9998" in low:
        return f"The device does not support this many channels ({text}): try --channels 1."
    return f"Cannot open the input device {device if device is not None else '(default)'}: {text}"


def fake_source(spec: str, samplerate: int = 16_000, channels: int = 1, speed: float = 1.0,
                block_s: float = 0.05, seconds: float | None = None) -> Iterator[Block]:
    """Generated blocks for tests and demos (``--fake-source``); never used for real recordings.

    ``spec``: ``tone`` (440 Hz, 660 Hz on a second channel), ``silence``, ``noise``, or a path to an audio
    file (read with soundfile; its first ``channels`` channels, looped to ``seconds``).
    ``speed`` paces blocks like a microphone would, that many times faster (benchmarks); 0 delivers
    them as fast as they are taken.
    """
    n = max(1, int(block_s * samplerate))
    if spec in ("tone", "silence", "noise"):
        rng = np.random.default_rng(0)

        def make(i: int) -> np.ndarray:
            t = (np.arange(n) + i * n) / samplerate
            if spec == "silence":
                return np.zeros((n, channels), np.float32)
            if spec == "noise":
                return (0.05 * rng.standard_normal((n, channels))).astype(np.float32)
            return np.stack([0.3 * np.sin(2 * np.pi * (440 + 220 * c) * t) for c in range(channels)], 1).astype(np.float32)
    else:
        import soundfile as sf
        data, rate = sf.read(spec, dtype="float32", always_2d=True)
        if rate != samplerate:
            raise AudioError(f"--fake-source {spec} is at {rate} Hz: pass --samplerate {rate}.")
        data = np.concatenate([data] + [data[:, -1:]] * max(0, channels - data.shape[1]), 1)[:, :channels]

        def make(i: int) -> np.ndarray:
            idx = (np.arange(n) + i * n) % len(data)
            return data[idx]
    start, i = time.monotonic(), 0
    while seconds is None or i * n < seconds * samplerate:
        if speed > 0:
            time.sleep(max(0.0, start + (i + 1) * n / samplerate / speed - time.monotonic()))
        yield make(i), False
        i += 1
