"""Record a practice conversation to disk so that a crash, a kill -9 or a full disk loses at most ~1 s.

Audio goes to ``<name>.partial.wav`` as it arrives (16-bit PCM); every second the WAV header's sizes are
rewritten and the file is fsynced, so even the unfinished file plays up to its last second. On a clean
stop the file is renamed to ``<name>.wav``. A ``.partial.wav`` left behind by a crash is found by
``find_unfinished`` and made whole by ``recover``. While a recorder is writing, it holds an exclusive
``flock`` on its file, so a second coach process never "recovers" a recording that is still going.

Blocks come from a *source* (see ``coach.devices``): a microphone, or generated blocks in tests.
"""

from __future__ import annotations

import logging
import os
import struct
import threading
import time
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Callable, Iterable

import numpy as np

from coach.errors import AudioError, DeviceError
from coach.devices import Block
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
    ``tap(block)`` gets every block once it is on disk (``LiveAnalysis.feed``); it must not block.
    """

    def __init__(self, path: Path, source: Iterable[Block], samplerate: int, channels: int, *,
                 listener: str = "auto", options: MonitorOptions | None = None,
                 hook: Callable[[Update], None] | None = None, tap: Callable[[np.ndarray], None] | None = None):
        self.path = Path(path)
        self.source = source
        self.samplerate, self.channels = int(samplerate), int(channels)
        self.monitor = LevelMonitor(self.samplerate, self.channels, listener, options)
        self.hook = hook or (lambda update: None)
        self.tap = tap or (lambda block: None)
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
                    self.tap(block)
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
            raise RecordingInterrupted(f"{error} The audio so far ({clock(writer.duration)}) is saved in {final}.",
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


def clock(seconds: float) -> str:
    """m:ss as a running clock shows it: whole seconds passed."""
    s = int(seconds)
    return f"{s // 60}:{s % 60:02d}"
