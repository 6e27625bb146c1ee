"""Record a practice conversation to disk so that a crash, a kill -9 or a full disk loses at most ~1 s.

Audio goes to ``<name>.partial.wav`` as it arrives (16-bit PCM); every second the WAV header's sizes are
rewritten and the file is fsynced, so even the unfinished file plays up to its last second. On a clean
stop the file is renamed to ``<name>.wav``. A ``.partial.wav`` left behind by a crash is found by
``find_unfinished`` and made whole by ``recover``. While a recorder is writing, it holds an exclusive
``flock`` on its file, so a second coach process never "recovers" a recording that is still going.

Blocks come from a *source*: an iterable of ``(block, overflowed)`` pairs with ``block`` shaped
(frames, channels) float32. ``SoundDeviceSource`` reads a microphone; tests and ``--fake-source``
inject generated blocks (``fake_source``).
"""

from __future__ import annotations

import logging
import os
import queue
import struct
import threading
import time
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Callable, Iterable, Iterator

import numpy as np

from coach.errors import AudioError, DeviceError
from coach.levels import ChannelLevel, LevelMonitor, MonitorOptions, Notice
from coach.paths import data_dir

try:  # flock keeps a live recording from being "recovered" by another process; POSIX only
    import fcntl
except ImportError:  # pragma: no cover - Windows
    fcntl = None

log = logging.getLogger(__name__)

PARTIAL_SUFFIX = ".partial.wav"
HEADER_BYTES = 44
SAMPLE_BYTES = 2
# RIFF sizes are 32-bit; stop cleanly well before the limit (48 kHz stereo reaches it after ~6 h).
MAX_DATA_BYTES = 0xFFFFFFFF - 1024
PORTAUDIO_MISSING = ("PortAudio is not installed, so coach cannot use the microphone: install it "
                     "(Debian/Ubuntu: sudo apt install libportaudio2; Fedora: sudo dnf install portaudio; "
                     "macOS: brew install portaudio) and try again.")


# ---------------------------------------------------------------- where recordings go

def recordings_dir() -> Path:
    return data_dir() / "recordings"


def default_recording_path(now: datetime | None = None, directory: Path | None = None) -> Path:
    """``<data dir>/recordings/<YYYY-MM-DD_HH-MM-SS>.wav``, with -2, -3 … if that name is taken."""
    directory = directory or recordings_dir()
    stem = (now or datetime.now()).strftime("%Y-%m-%d_%H-%M-%S")
    path, n = directory / f"{stem}.wav", 2
    while path.exists() or partial_path_for(path).exists():
        path, n = directory / f"{stem}-{n}.wav", n + 1
    return path


def partial_path_for(path: Path) -> Path:
    return path.with_name(path.stem + PARTIAL_SUFFIX)


def final_path_for(partial: Path) -> Path:
    return partial.with_name(partial.name[: -len(PARTIAL_SUFFIX)] + ".wav")


# ---------------------------------------------------------------- the crash-safe WAV file

def _wav_header(samplerate: int, channels: int, data_bytes: int) -> bytes:
    align = channels * SAMPLE_BYTES
    return (b"RIFF" + struct.pack("<I", 36 + data_bytes) + b"WAVE"
            + b"fmt " + struct.pack("<IHHIIHH", 16, 1, channels, samplerate, samplerate * align, align, 16)
            + b"data" + struct.pack("<I", data_bytes))


class WavWriter:
    """Writes 16-bit PCM to ``<name>.partial.wav``; ``close()`` renames it to ``<name>.wav``."""

    def __init__(self, path: Path, samplerate: int, channels: int, sync_every_s: float = 1.0):
        self.final_path = Path(path)
        self.path = partial_path_for(self.final_path)
        self.samplerate, self.channels = samplerate, channels
        self.sync_every = max(1, int(sync_every_s * samplerate))
        self.frames = 0
        self._synced_frames = 0
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self.fd = os.open(self.path, os.O_RDWR | os.O_CREAT | os.O_EXCL, 0o644)
        if fcntl is not None:
            fcntl.flock(self.fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        self._write_raw(_wav_header(samplerate, channels, 0))
        self.sync()
        _fsync_dir(self.path.parent)

    @property
    def duration(self) -> float:
        return self.frames / self.samplerate

    def write(self, block: np.ndarray) -> None:
        pcm = np.clip(block, -1.0, 1.0) * 32767.0
        data = np.rint(pcm).astype("<i2").tobytes()
        if (self.frames + len(block)) * self.channels * SAMPLE_BYTES > MAX_DATA_BYTES:
            raise DeviceError("The recording reached the WAV size limit (4 GB) and was stopped.")
        self._write_raw(data)
        self.frames += len(block)
        if self.frames - self._synced_frames >= self.sync_every:
            self.sync()

    def _write_raw(self, data: bytes) -> None:
        view = memoryview(data)
        while view:
            view = view[os.write(self.fd, view):]

    def sync(self) -> None:
        """Make everything written so far playable and durable."""
        os.pwrite(self.fd, _wav_header(self.samplerate, self.channels,
                                       self.frames * self.channels * SAMPLE_BYTES), 0)
        os.fsync(self.fd)
        self._synced_frames = self.frames

    def close(self) -> Path:
        """Finish the file and give it its final name; after a failed write, keep the whole frames."""
        if self.fd < 0:
            return self.final_path
        try:
            # A failed write (disk full) may have left part of a block; cut back to what ``frames`` counts.
            os.ftruncate(self.fd, HEADER_BYTES + self.frames * self.channels * SAMPLE_BYTES)
            self.sync()
        finally:
            os.close(self.fd)
            self.fd = -1
        os.replace(self.path, self.final_path)
        _fsync_dir(self.final_path.parent)
        return self.final_path


def _fsync_dir(directory: Path) -> None:
    try:
        fd = os.open(directory, os.O_RDONLY)
    except OSError:  # pragma: no cover - e.g. Windows cannot open directories
        return
    try:
        os.fsync(fd)
    except OSError:  # pragma: no cover
        pass
    finally:
        os.close(fd)


# ---------------------------------------------------------------- recovery

def _is_locked(path: Path) -> bool:
    if fcntl is None:  # pragma: no cover - fall back on age: a live recorder syncs every second
        return time.time() - path.stat().st_mtime < 5
    fd = os.open(path, os.O_RDONLY)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        return True
    finally:
        os.close(fd)
    return False


def find_unfinished(directory: Path | None = None) -> list[Path]:
    """Recordings left unfinished by a crash (not ones another coach process is still writing), oldest first."""
    directory = Path(directory) if directory else recordings_dir()
    if not directory.is_dir():
        return []
    found = [p for p in sorted(directory.glob("*" + PARTIAL_SUFFIX)) if p.is_file() and not _is_locked(p)]
    return sorted(found, key=lambda p: p.stat().st_mtime)


def unfinished_duration(path: Path) -> float:
    """Seconds of audio in an unfinished recording (0 if it has no usable header)."""
    try:
        with open(path, "rb") as f:
            head = f.read(HEADER_BYTES)
            size = f.seek(0, os.SEEK_END)
        _, fmt, channels, rate, _, align, bits = struct.unpack("<IHHIIHH", head[16:36])
        return max(0, size - HEADER_BYTES) // align / rate
    except (OSError, struct.error, ZeroDivisionError):
        return 0.0


def recover(path: Path) -> Path:
    """Turn an unfinished recording into a playable ``.wav`` (sizes taken from the file's length).

    Returns the new path. Raises AudioError when the file holds no audio or is not a recording of ours.
    """
    path = Path(path)
    with open(path, "r+b") as f:
        head = f.read(HEADER_BYTES)
        if len(head) < HEADER_BYTES or head[:4] != b"RIFF" or head[8:16] != b"WAVEfmt " or head[36:40] != b"data":
            raise AudioError(f"{path} is not an unfinished coach recording (no WAV header); nothing to recover.")
        _, fmt, channels, rate, _, align, bits = struct.unpack("<IHHIIHH", head[16:36])
        if fmt != 1 or channels < 1 or align != channels * bits // 8 or rate <= 0:
            raise AudioError(f"{path} has a damaged WAV header; it cannot be recovered automatically.")
        size = f.seek(0, os.SEEK_END)
        data = min((size - HEADER_BYTES) // align * align, MAX_DATA_BYTES // align * align)
        if data <= 0:
            raise AudioError(f"{path} holds no audio (the recording stopped before the first block).")
        f.truncate(HEADER_BYTES + data)
        f.seek(0)
        f.write(_wav_header(rate, channels, data))
        f.flush()
        os.fsync(f.fileno())
    target = final_path_for(path) if path.name.endswith(PARTIAL_SUFFIX) else path
    n = 2
    while target != path and target.exists():
        target = path.with_name(final_path_for(path).stem + f"-recovered{'' if n == 2 else n}.wav")
        n += 1
    os.replace(path, target)
    log.info("recovered %s (%.1f s)", target, data / align / rate)
    return target


# ---------------------------------------------------------------- sources

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


def fake_source(spec: str, samplerate: int = 16_000, channels: int = 1, realtime: bool = True,
                block_s: float = 0.05, seconds: float | None = None) -> Iterator[Block]:
    """Generated blocks for tests and demos (``--fake-source``); never used for real recordings.

    ``spec``: ``tone`` (440 Hz, 660 Hz on a second channel), ``silence``, ``noise``, or a path to an audio
    file (read with soundfile; its first ``channels`` channels, looped to ``seconds``).
    ``realtime`` paces blocks like a microphone would.
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
        if realtime:
            time.sleep(max(0.0, start + (i + 1) * n / samplerate - time.monotonic()))
        yield make(i), False
        i += 1


# ---------------------------------------------------------------- the recorder

@dataclass(frozen=True)
class Update:
    """What the recorder reports after each block (the CLI draws it; a web page could too)."""

    elapsed_s: float
    levels: tuple[ChannelLevel, ...]
    notices: tuple[Notice, ...]
    overflows: int


@dataclass(frozen=True)
class Recording:
    path: Path
    duration_s: float
    samplerate: int
    channels: int
    overflows: int
    stopped_by: str  # "stop", "duration", "end" (the source ran out) or "error"
    nudges: tuple[float, ...] = ()
    notices: tuple[Notice, ...] = ()
    clipped_blocks: tuple[int, ...] = ()
    error: str | None = None
    options: dict = field(default_factory=dict)


class RecordingInterrupted(DeviceError):
    """Recording stopped by a device or disk problem; ``recording`` is the audio kept so far."""

    def __init__(self, message: str, recording: Recording):
        super().__init__(message)
        self.recording = recording


class Recorder:
    """Pulls blocks from ``source`` and writes them to ``path`` until stopped, timed out or failed.

    ``hook(update)`` is called after every block from the recording thread; keep it quick. The first
    update (no levels yet, the start notices) comes when the first audio arrives.
    ``stop`` (a threading.Event) ends the recording cleanly at the next block.
    """

    def __init__(self, path: Path, source: Iterable[Block], samplerate: int, channels: int, *,
                 listener: str = "auto", options: MonitorOptions | None = None,
                 hook: Callable[[Update], None] | None = None):
        self.path = Path(path)
        self.source = source
        self.samplerate, self.channels = int(samplerate), int(channels)
        self.monitor = LevelMonitor(self.samplerate, self.channels, listener, options)
        self.hook = hook or (lambda update: None)
        self.overflows = 0
        self.notices: list[Notice] = []

    def run(self, stop: threading.Event | None = None, duration: float | None = None) -> Recording:
        stop = stop or threading.Event()
        limit = None if duration is None else int(round(duration * self.samplerate))
        try:
            writer = WavWriter(self.path, self.samplerate, self.channels)
        except FileExistsError as e:
            raise DeviceError(f"{e.filename} already exists (an unfinished recording?): recover it or choose "
                              "another --out.") from e
        except OSError as e:
            raise DeviceError(f"Cannot create the recording file {self.path} ({e.strerror or e}): check the "
                              "folder and the free space, or use --out.") from e
        log.info("recording to %s (%d Hz, %d ch)", writer.path, self.samplerate, self.channels)
        stopped_by, error, started = "end", None, False
        last_overflow_warn = -1e9
        try:
            with _entered(self.source) as blocks:
                for block, overflowed in blocks:
                    if not started:
                        started = True
                        # Only now is sound arriving (opening a device can take a second or two), so
                        # this first update is the moment to say "recording".
                        self._emit(0.0, (), self.monitor.start_notices())
                    block = np.asarray(block, dtype=np.float32).reshape(len(block), -1)
                    if block.shape[1] != self.channels:
                        raise DeviceError(f"The source delivered {block.shape[1]} channel(s), not {self.channels}.")
                    if limit is not None:
                        block = block[: max(0, limit - writer.frames)]
                    self._write(writer, block)
                    levels, notices = self.monitor.process(block)
                    if overflowed:
                        self.overflows += 1
                        if writer.duration - last_overflow_warn >= 5.0:
                            last_overflow_warn = writer.duration
                            notices.append(Notice("overflow", writer.duration, f"Input overflow ({self.overflows} "
                                                  "so far): some audio was lost because the computer was busy."))
                    self._emit(writer.duration, levels, notices)
                    if limit is not None and writer.frames >= limit:
                        stopped_by = "duration"
                        break
                    if stop.is_set():
                        stopped_by = "stop"
                        break
        except DeviceError as e:
            stopped_by, error = "error", str(e)
        finally:
            final = self._close(writer)
        result = Recording(
            path=final, duration_s=writer.duration, samplerate=self.samplerate, channels=self.channels,
            overflows=self.overflows, stopped_by=stopped_by, nudges=tuple(self.monitor.nudges),
            notices=tuple(self.notices), clipped_blocks=tuple(int(c) for c in self.monitor.clipped_blocks),
            error=error, options=self.monitor.opt.to_dict())
        log.info("recorded %.1f s to %s (%s, %d overflows)", result.duration_s, final, stopped_by, self.overflows)
        if error is not None:
            raise RecordingInterrupted(f"{error} The audio so far ({_mmss(writer.duration)}) is saved in {final}.",
                                       result)
        return result

    def _write(self, writer: WavWriter, block: np.ndarray) -> None:
        try:
            writer.write(block)
        except OSError as e:
            if e.errno == 28:  # ENOSPC
                raise DeviceError("The disk is full: free some space (or record elsewhere with --out).") from e
            raise DeviceError(f"Cannot write the recording ({e.strerror or e}): check the disk and --out.") from e

    def _close(self, writer: WavWriter) -> Path:
        try:
            return writer.close()
        except OSError as e:
            # The header could not be finished; the .partial.wav still plays up to its last sync.
            log.error("could not finish %s: %s", writer.path, e)
            return writer.path

    def _emit(self, elapsed: float, levels, notices: list[Notice]) -> None:
        self.notices += notices
        for n in notices:
            log.info("%s at %.1f s: %s", n.kind, n.time, n.message)
        self.hook(Update(elapsed, tuple(levels), tuple(notices), self.overflows))


class _entered:
    """Enter ``source`` if it is a context manager (a device), else just iterate it (a generator)."""

    def __init__(self, source):
        self.source = source
        self.cm = hasattr(source, "__enter__") and hasattr(source, "__exit__")

    def __enter__(self):
        return self.source.__enter__() if self.cm else self.source

    def __exit__(self, *exc):
        if self.cm:
            return self.source.__exit__(*exc)
        close = getattr(self.source, "close", None)
        if close:
            close()
        return None


def _mmss(seconds: float) -> str:
    s = int(seconds)
    return f"{s // 60}:{s % 60:02d}"
