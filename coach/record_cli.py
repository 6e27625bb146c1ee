"""`coach devices` and `coach record`: the terminal side of recording (the recorder itself is coach.record)."""

from __future__ import annotations

import logging
import re
import signal
import sys
import threading
import time
from pathlib import Path

import click

from coach.errors import CoachError, DeviceError
from coach.levels import FLOOR_DB, Notice
from coach.devices import (
    SoundDeviceSource,
    fake_source,
    import_sounddevice,
    input_info,
    pick_samplerate,
    resolve_device,
)
from coach.record import (
    Recorder,
    Recording,
    RecordingInterrupted,
    Update,
    clock,
    default_recording_path,
    find_unfinished,
    recordings_dir,
    recover,
    unfinished_duration,
)

log = logging.getLogger(__name__)

MIN_ANALYZE_S = 1.0


@click.command("devices")
def devices() -> None:
    """List the microphones and audio interfaces coach can record from.

    The default input is marked with *. Pass the number or (part of) the name to
    `coach record --device`.

    \b
    Examples:
      coach devices
      coach record --device 2 --channels 2
    """
    try:
        sd = import_sounddevice()
        all_devices = sd.query_devices()
        default_in = sd.default.device[0]
        apis = sd.query_hostapis()
    except CoachError as e:
        raise click.ClickException(str(e)) from e
    rows = [(i, d) for i, d in enumerate(all_devices) if d["max_input_channels"] > 0]
    if not rows:
        raise click.ClickException("No input devices found: connect a microphone and check that the system "
                                   "sees it (Linux: `arecord -l`).")
    for i, d in rows:
        mark = "*" if i == default_in else " "
        api = apis[d["hostapi"]]["name"]
        click.echo(f"{mark} {i:>3}  {d['name']}  ({d['max_input_channels']} in, "
                   f"{int(d['default_samplerate'])} Hz, {api})")
    click.echo("\n* = default input. Two mics, one per person, on a 2-channel interface give the best feedback:"
               "\n  coach record --device NUMBER --channels 2")


@click.command("record")
@click.option("--device", "-d", metavar="ID|NAME", help="Input device: number or part of the name from `coach devices`.")
@click.option("--channels", "-c", type=click.IntRange(1, 2),
              help="1 = one mic for both people; 2 = one mic per person. Default: 2 if the device has "
                   "exactly 2 inputs, else 1.")
@click.option("--samplerate", "-r", type=click.IntRange(8000, 192000),
              help="Sample rate in Hz. Default: 16000 if the device can, else its own rate.")
@click.option("--duration", "-t", type=click.FloatRange(min=0.1), metavar="SECONDS",
              help="Stop by itself after this many seconds.")
@click.option("--out", "-o", type=click.Path(dir_okay=False, path_type=Path),
              help="Where to save the WAV. Default: the recordings folder in coach's data directory.")
@click.option("--listener", "-l", default="auto", show_default=True,
              help="Who is practising: first, second, left, right, a speaker id, or auto (your enrolled voice).")
@click.option("--no-analyze", is_flag=True, help="Only record; analyse later with `coach analyze FILE`.")
@click.option("--fake-source", hidden=True, metavar="SPEC",
              help="TEST ONLY: record generated input (tone, silence, noise or an audio file; prefix fast: "
                   "to skip real-time pacing, x3: for three times real time) instead of a microphone.")
@click.pass_context
def record(ctx: click.Context, device, channels, samplerate, duration, out, listener, no_analyze, fake_source) -> None:
    """Record a practice conversation, then show the listening feedback.

    Stop with Enter (or Ctrl-C, or --duration). While recording you see the time, a level meter
    per microphone and warnings (clipping, a silent or muted mic). With two mics, a live nudge shows
    when the listener starts talking over the partner.

    Best feedback: two microphones, one close to each person, on a 2-channel audio interface
    (or a stereo input with one mic per side), recorded with --channels 2. Then each person's speech
    is on its own channel and overlaps are measured exactly. One laptop mic works too (--channels 1);
    the analysis then separates the voices itself, with less certainty and no live nudge.

    Audio is written to disk every second: if coach, the terminal or the computer dies, the next
    `coach record` offers to recover everything up to the last second.

    \b
    Examples:
      coach record                                  # default mic, stop with Enter
      coach record --device "Scarlett" --channels 2 --listener left
      coach record --duration 600 --out practice.wav --no-analyze
    """
    try:
        offer_recovery(out)
        if out is not None and Path(out).exists():
            raise DeviceError(f"{out} already exists: choose another --out (coach never overwrites a recording).")
        path = Path(out) if out is not None else default_recording_path()
        source, samplerate, channels = _make_source(device, channels, samplerate, fake_source)
    except CoachError as e:
        raise click.ClickException(str(e)) from e

    how = "Press Enter to stop." if sys.stdin is not None and sys.stdin.isatty() else "Press Ctrl-C to stop."
    ui = _Screen(channels, f"Recording {channels} channel(s) at {samplerate} Hz to {path}\n{how}")
    stop = threading.Event()
    click.echo("Opening the input…" if fake_source is None else "Opening the fake input…")
    _watch_stdin(stop)
    interrupted: RecordingInterrupted | None = None
    live = None
    if not no_analyze:
        from coach.live import LiveAnalysis  # imports the analysis stack: not needed by --no-analyze
        from coach.options import AnalysisOptions

        live = LiveAnalysis(AnalysisOptions(listener=listener), samplerate, channels)
    with _stop_on_signals(stop):
        try:
            result = Recorder(path, source, samplerate, channels, listener=listener, hook=ui.update,
                              tap=live.feed if live else None).run(stop, duration)
        except RecordingInterrupted as e:
            interrupted, result = e, e.recording
        except CoachError as e:
            ui.end()
            raise click.ClickException(str(e)) from e
    stopped = time.monotonic()
    ui.end()
    if interrupted is not None:
        click.secho(f"Error: {interrupted}", fg="red", err=True)
    _summary(result)
    if live is not None:
        if result.duration_s < MIN_ANALYZE_S:
            live.close()
            click.echo("Too short to analyse.")
        else:
            from coach.cli import analyse_and_show

            analyse_and_show(result.path, lambda progress: live.finish(result.path, progress))
            click.echo(f"Feedback ready {time.monotonic() - stopped:.1f} s after the recording stopped.")
    if interrupted is not None:
        ctx.exit(1)


def _make_source(device, channels, samplerate, fake_spec):
    if fake_spec:
        # "fast:FILE" delivers blocks as fast as they are taken, "x3:FILE" three times faster than real time
        pace, sep, rest = fake_spec.partition(":")
        if sep and (pace == "fast" or re.fullmatch(r"x\d+(\.\d+)?", pace)):
            spec, speed = rest, 0.0 if pace == "fast" else float(pace[1:])
        else:
            spec, speed = fake_spec, 1.0
        channels = channels or 1
        if samplerate is None and spec not in ("tone", "silence", "noise"):
            import soundfile as sf

            samplerate = sf.info(spec).samplerate
        samplerate = samplerate or 16_000
        return fake_source(spec, samplerate, channels, speed=speed), samplerate, channels
    dev = resolve_device(device)
    info = input_info(dev, import_sounddevice())
    if channels is None:
        channels = 2 if info["max_input_channels"] == 2 else 1
    samplerate = samplerate or pick_samplerate(dev, channels)
    return SoundDeviceSource(dev, channels, samplerate), samplerate, channels


def offer_recovery(out: Path | None) -> None:
    dirs = {recordings_dir().resolve()} | ({Path(out).resolve().parent} if out is not None else set())
    interactive = sys.stdin is not None and sys.stdin.isatty()
    for partial in [p for d in dirs for p in find_unfinished(d)]:
        seconds = unfinished_duration(partial)
        if seconds <= 0:
            partial.unlink()
            log.info("removed empty unfinished recording %s", partial)
            continue
        what = f"an unfinished recording ({clock(seconds)}): {partial}"
        if interactive and not click.confirm(f"Found {what}. Recover it?", default=True):
            click.echo("Left as it is; it will be offered again next time.")
            continue
        fixed = recover(partial)
        click.echo(f"{'Recovered' if interactive else 'Found and recovered'} {what} -> {fixed}\n"
                   f"  Analyse it with: coach analyze {fixed}")


def _watch_stdin(stop: threading.Event) -> None:
    # Only a terminal can deliver Enter; reading a pipe or /dev/null would stop at once on EOF.
    if sys.stdin is None or not sys.stdin.isatty():
        return

    def wait() -> None:
        try:
            sys.stdin.readline()
        except (OSError, ValueError):
            return
        stop.set()

    threading.Thread(target=wait, name="coach-stdin", daemon=True).start()


class _stop_on_signals:
    """Ctrl-C, SIGTERM and a closed terminal (SIGHUP) end the recording cleanly instead of killing it.

    A second Ctrl-C while stopping raises KeyboardInterrupt as usual (the file is still finished by the
    recorder's cleanup, and anything unfinished is recoverable).
    """

    def __init__(self, stop: threading.Event):
        self.stop = stop
        self.saved: dict[int, object] = {}

    def __enter__(self):
        if threading.current_thread() is not threading.main_thread():
            return self
        for name in ("SIGINT", "SIGTERM", "SIGHUP"):
            sig = getattr(signal, name, None)
            if sig is not None:
                self.saved[sig] = signal.signal(sig, self._handle)
        return self

    def _handle(self, signum, frame) -> None:
        if self.stop.is_set() and signum == signal.SIGINT:
            raise KeyboardInterrupt
        self.stop.set()

    def __exit__(self, *exc) -> None:
        for sig, handler in self.saved.items():
            signal.signal(sig, handler)


class _Screen:
    """Draws the live status line (time, meters, flags) and prints notices above it."""

    BAR = 24

    def __init__(self, channels: int, ready: str):
        self.channels = channels
        self.ready = ready
        self.tty = sys.stdout.isatty()
        self.last_draw = 0.0
        self.last_plain = 0.0
        self.nudge_until = -1.0
        self.drawn = False

    def update(self, u: Update) -> None:
        if self.ready:
            click.echo(self.ready)
            self.ready = ""
        for n in u.notices:
            self._notice(n)
        now = time.monotonic()
        if self.tty:
            if now - self.last_draw >= 0.1 and u.levels:
                self.last_draw = now
                self._draw(u)
        elif u.elapsed_s - self.last_plain >= 10.0:
            self.last_plain = u.elapsed_s
            click.echo(f"  recording {clock(u.elapsed_s)}")

    def _notice(self, n: Notice) -> None:
        self._clear()
        if n.kind == "nudge":
            self.nudge_until = time.monotonic() + 2.5
            # A terminal bell would be heard by the microphones and end up in the recording: text only.
            click.secho(f">> {n.message}", fg="yellow", bold=True)
        elif n.kind in ("clipping", "silence", "overflow", "same_mic", "echo"):
            click.secho(f"Warning: {n.message}", fg="red" if n.kind == "silence" else "yellow")
        else:
            click.echo(n.message)

    def _draw(self, u: Update) -> None:
        parts = [click.style("REC", fg="red", bold=True), clock(u.elapsed_s)]
        for c, lv in enumerate(u.levels):
            label = "" if self.channels == 1 else ("L" if c == 0 else "R")
            filled = int(round(self.BAR * min(1.0, max(0.0, (lv.rms_db + 60.0) / 60.0))))
            colour = "red" if lv.clipped else ("yellow" if lv.peak_db > -6 else "green")
            bar = click.style("#" * filled, fg=colour) + "." * (self.BAR - filled)
            db = "-inf" if lv.rms_db <= FLOOR_DB else f"{lv.rms_db:4.0f}"
            talk = "*" if lv.active and self.channels == 2 else " "
            parts.append(f"{label}{talk}[{bar}]{db} dB")
        if u.overflows:
            parts.append(click.style(f"{u.overflows} overflows", fg="yellow"))
        if time.monotonic() < self.nudge_until:
            parts.append(click.style("TALKING OVER", fg="yellow", bold=True))
        click.echo("\r\x1b[2K" + "  ".join(parts), nl=False)
        self.drawn = True

    def _clear(self) -> None:
        if self.tty and self.drawn:
            click.echo("\r\x1b[2K", nl=False)
            self.drawn = False

    def end(self) -> None:
        if self.tty and self.drawn:
            click.echo()
            self.drawn = False


def _summary(r: Recording) -> None:
    length = f"{r.duration_s:.1f} s" if r.duration_s < 60 else clock(r.duration_s)
    click.echo(f"Saved {length} of audio to {r.path}")
    if r.overflows:
        click.secho(f"  {r.overflows} input overflow(s): short pieces of audio were lost because the computer "
                    "was busy; close other programs next time.", fg="yellow")
    if any(r.clipped_blocks):
        click.echo("  Some of it clipped (too loud): turn the input gain down next time.")
    if r.channels == 2 and not any(n.kind == "same_mic" for n in r.notices):
        click.echo(f"  Live nudges: {len(r.nudges)}")
