"""Live input monitoring while recording: levels, clipping, silence, echo and the talking-over nudge.

Everything here works on one block at a time (tens of milliseconds) so it can run in the recording
loop; nothing touches a device or a file. The recorder feeds blocks in, the CLI shows what comes out.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Literal

import numpy as np

FLOOR_DB = -120.0
FRAME_S = 0.01  # the level frames steepest_decay_db_s reads: the recorder's here, vad.frame_power's in quality
# Sound in a room dies away no faster than the room lets it: where a voice stops, its level falls freely
# at the room's rate. Measured as the steepest tenth of the 80 ms stretches over which the level falls
# frame after frame: dry recordings (the bench's mixes, LibriSpeech voices, the AMI clips) fall at
# 252–640 dB/s, the bench's laptop-in-a-room mix (reverberation time 0.3–0.6 s) at 159–241 dB/s.
# Slower than this is echo.
ECHO_DECAY_DB_S = -250.0
DECAY_FRAMES = 8
MIN_DECAYS = 8  # fewer places where the level falls freely (a short clip) say nothing either way

NoticeKind = Literal["silence", "clipping", "nudge", "nudge_off", "same_mic", "overflow", "echo", "info"]


@dataclass(frozen=True)
class MonitorOptions:
    """Attributes:
    silence_dbfs: a channel whose loudest block stays below this during the first ``silence_check_s``
        is probably the wrong device or a muted mic (a live room mic sits around -70..-50 dBFS RMS,
        speech near it well above -40).
    silence_check_s: how long to listen before warning about silence.
    clip_level: a sample at or above this magnitude is clipped.
    warn_every_s: repeated warnings of one kind and channel are shown at most this often.
    speech_above_floor_db: a channel is loud enough to be speech this far above its own noise floor...
    min_speech_dbfs: ...and above this absolute level (so a dead-quiet mic's floor does not count).
    crosstalk_db: in two-mic mode a channel counts as its own person speaking only this far above what
        the other person's voice leaks into it (same meaning as ``AnalysisOptions.crosstalk_db``).
    initial_leak_db: how much quieter the other person is on one's own mic before it has been measured
        (two mics, one per person, typically hear the other 15-25 dB lower).
    partner_active_s: the partner must have been talking at least this long for the listener's start to
        count as talking over (starting right as they begin is a collision, not an interruption).
    listener_active_s: the listener must keep talking this long before the nudge shows, so a cough or a
        click does not trigger it.
    hangover_s: gaps this short do not end someone's talking (pauses between words).
    nudge_cooldown_s: at most one nudge this often; nagging makes practice worse, not better.
    same_mic_correlation / same_mic_level_db: two channels correlating above this with levels within
        this many dB carry one microphone (a laptop's stereo array): the nudge is then switched off.
    echo_check_s: after this much recording, say whether the room echoes (as the report will), while
        there is still time to move; until three times as long if the talk so far cannot tell.
    """

    silence_dbfs: float = -55.0
    silence_check_s: float = 3.0
    clip_level: float = 0.999
    warn_every_s: float = 5.0
    speech_above_floor_db: float = 12.0
    min_speech_dbfs: float = -60.0
    crosstalk_db: float = 6.0
    initial_leak_db: float = 15.0
    partner_active_s: float = 0.3
    listener_active_s: float = 0.15
    hangover_s: float = 0.25
    nudge_cooldown_s: float = 4.0
    same_mic_correlation: float = 0.8
    same_mic_level_db: float = 6.0
    echo_check_s: float = 30.0

    def to_dict(self) -> dict:
        return asdict(self)


@dataclass(frozen=True)
class ChannelLevel:
    rms_db: float
    peak_db: float
    clipped: bool
    active: bool  # this channel's own person is speaking (cross-talk rejected in two-mic mode)


@dataclass(frozen=True)
class Notice:
    kind: NoticeKind
    time: float
    message: str
    channel: int | None = None


def to_db(x: np.ndarray | float) -> np.ndarray:
    return np.maximum(20.0 * np.log10(np.maximum(np.asarray(x, dtype=np.float64), 1e-12)), FLOOR_DB)


def block_levels(block: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """RMS and peak in dBFS per channel of a (frames, channels) float block."""
    x = block.astype(np.float64, copy=False)
    rms = np.sqrt(np.mean(x * x, axis=0)) if len(x) else np.zeros(block.shape[1])
    peak = np.max(np.abs(x), axis=0) if len(x) else np.zeros(block.shape[1])
    return to_db(rms), to_db(peak)


class _Run:
    """How long a channel has been continuously active, bridging short gaps."""

    def __init__(self, hangover_s: float):
        self.hangover_s = hangover_s
        self.start: float | None = None
        self.last_active = -1e9

    def update(self, active: bool, t0: float, t1: float) -> None:
        if active:
            if self.start is None or t0 - self.last_active > self.hangover_s:
                self.start = t0
            self.last_active = t1
        elif self.start is not None and t1 - self.last_active > self.hangover_s:
            self.start = None

    def length(self, t: float) -> float:
        return 0.0 if self.start is None else t - self.start


class LevelMonitor:
    """Turns blocks into per-channel levels and notices (warnings and the live nudge).

    ``listener`` uses the analysis's vocabulary: ``left``/``right`` are channel 0/1; ``first``/``second``
    are decided live by who speaks first; ``auto`` (the enrolled voice) cannot be decided live and is
    treated as ``second``, which is also what the analysis does without a voice profile.
    """

    def __init__(self, samplerate: int, channels: int, listener: str = "auto",
                 options: MonitorOptions | None = None):
        self.rate = samplerate
        self.channels = channels
        self.opt = options or MonitorOptions()
        self.listener = listener
        self.t = 0.0
        self.frames = 0  # time from a frame count: summing block durations drifts
        self.floor = np.full(channels, np.nan)
        self.max_rms_early = np.full(channels, FLOOR_DB)
        self.max_peak_early = np.full(channels, FLOOR_DB)
        self.silence_checked = False
        self.last_warn: dict[tuple[str, int | None], float] = {}
        self.clipped_blocks = np.zeros(channels, dtype=int)
        self.nudges: list[float] = []
        self.two_mic = channels == 2
        self.nudge_on = self.two_mic
        # leak[c]: how many dB quieter the other person's voice is on channel c's mic
        self.leak = np.full(channels, self.opt.initial_leak_db)
        self.runs = [_Run(self.opt.hangover_s) for _ in range(channels)]
        self.listener_ch: int | None = {"left": 0, "right": 1}.get(listener) if self.two_mic else None
        self.listener_start: float | None = None
        self.partner_run_at_start = 0.0
        self.nudged_this_run = False
        self.corr = np.zeros(3)  # sum x0*x1, sum x0^2, sum x1^2 over loud blocks
        self.corr_level_diff: list[float] = []
        self.corr_s = 0.0
        self.echo_power: list[np.ndarray] = []  # 10 ms frame powers (loudest channel) until decided
        self.echo_rest = np.zeros((0, channels), np.float32)
        self.echo_next_s: float | None = self.opt.echo_check_s

    def start_notices(self) -> list[Notice]:
        if not self.two_mic:
            return [Notice("nudge_off", 0.0, "Live nudge is off with one microphone (it needs two mics, one "
                           "per person, and --channels 2); the analysis after you stop still finds "
                           "interruptions.")]
        if self.listener_ch is None:
            who = "first" if self.listener == "first" else "second"
            return [Notice("info", 0.0, f"Live nudge on: the listener is taken to be the {who} person to "
                           "speak (--listener left|right names the channel).")]
        side = "left (channel 1)" if self.listener_ch == 0 else "right (channel 2)"
        return [Notice("info", 0.0, f"Live nudge on: the listener is on the {side} mic.")]

    def process(self, block: np.ndarray) -> tuple[tuple[ChannelLevel, ...], list[Notice]]:
        n = len(block)
        t0 = self.frames / self.rate
        self.frames += n
        t1 = self.t = self.frames / self.rate
        rms_db, peak_db = block_levels(block)
        clipped = np.max(np.abs(block), axis=0) >= self.opt.clip_level if n else np.zeros(self.channels, bool)
        notices: list[Notice] = []
        self._track_floor(rms_db, n)
        active = self._own_activity(rms_db)
        for c in range(self.channels):
            self.runs[c].update(bool(active[c]), t0, t1)
            if clipped[c]:
                self.clipped_blocks[c] += 1
                self._warn(notices, "clipping", c, f"{_name(c, self.channels)} is clipping: turn its input "
                           "gain down (or move the mic a little further away).")
        notices += self._check_silence(rms_db, peak_db, t0)
        notices += self._check_echo(block)
        if self.two_mic:
            notices += self._check_same_mic(block, rms_db, active)
            if self.nudge_on:
                notices += self._check_nudge(active, t0, t1)
        levels = tuple(ChannelLevel(float(rms_db[c]), float(peak_db[c]), bool(clipped[c]), bool(active[c]))
                       for c in range(self.channels))
        return levels, notices

    def _track_floor(self, rms_db: np.ndarray, n: int) -> None:
        # The floor follows quiet blocks down at once and creeps up slowly, so speech never becomes
        # "the floor" but a room that gets noisier (a fan switching on) is followed within seconds.
        rise = 3.0 * n / self.rate  # dB per second
        first = np.isnan(self.floor)
        self.floor = np.where(first, rms_db, np.minimum(rms_db, self.floor + rise))

    def _own_activity(self, rms_db: np.ndarray) -> np.ndarray:
        # Someone already talking only has to stay clearly above the floor and the leak (hysteresis):
        # a quiet syllable, or their own voice under a louder partner, must not split their turn in two.
        talking = np.array([r.start is not None for r in self.runs])
        above_floor = np.where(talking, self.opt.speech_above_floor_db / 2, self.opt.speech_above_floor_db)
        loud = (rms_db > self.floor + above_floor) & (rms_db > self.opt.min_speech_dbfs)
        if not self.two_mic:
            return loud
        active = loud.copy()
        for c in (0, 1):
            o = 1 - c
            # Well above the other person's expected leak into this mic means this mic's person speaks.
            margin = self.opt.crosstalk_db / 2 if talking[c] else self.opt.crosstalk_db
            active[c] = loud[c] and rms_db[c] > rms_db[o] - self.leak[c] + margin
        for c in (0, 1):
            o = 1 - c
            if active[o] and not active[c]:
                # Track the upper envelope of (other - this): the leak is what is left when this mic's own
                # person is quiet; when they murmur too the difference shrinks, which must not pull it down fast.
                d = rms_db[o] - rms_db[c]
                rate = 0.3 if d > self.leak[c] else 0.01
                self.leak[c] = float(np.clip(self.leak[c] + rate * (d - self.leak[c]), 6.0, 40.0))
        return active

    def _check_silence(self, rms_db: np.ndarray, peak_db: np.ndarray, t0: float) -> list[Notice]:
        if self.silence_checked:
            return []
        self.max_rms_early = np.maximum(self.max_rms_early, rms_db)
        self.max_peak_early = np.maximum(self.max_peak_early, peak_db)
        if self.t < self.opt.silence_check_s:
            return []
        self.silence_checked = True
        out = []
        for c in range(self.channels):
            if self.max_rms_early[c] >= self.opt.silence_dbfs:
                continue
            if self.max_peak_early[c] <= FLOOR_DB:
                why = "no signal at all (digital silence): the mic is muted or not connected"
            else:
                why = f"almost nothing (below {self.opt.silence_dbfs:.0f} dBFS)"
            out.append(Notice("silence", self.t, f"{_name(c, self.channels)}: {why} in the first "
                              f"{self.opt.silence_check_s:.0f} s: wrong device or muted mic? "
                              "Check with `coach devices` and the system's input settings.", c))
        return out

    def _check_echo(self, block: np.ndarray) -> list[Notice]:
        if self.echo_next_s is None:
            return []
        hop = int(self.rate * FRAME_S)
        x = np.concatenate([self.echo_rest, block]) if len(self.echo_rest) else block
        n = len(x) // hop
        if n:
            frames = x[: n * hop].astype(np.float64).reshape(n, hop, self.channels)
            self.echo_power.append((frames**2).mean(axis=1).max(axis=1) + 1e-12)
        self.echo_rest = x[n * hop :]
        if self.t < self.echo_next_s:
            return []
        decay = steepest_decay_db_s(np.concatenate(self.echo_power))
        self.echo_next_s += 10.0
        if decay is None and self.echo_next_s <= 3 * self.opt.echo_check_s:
            return []  # not enough places yet where a voice stops
        self.echo_next_s = None
        self.echo_power = []
        if decay is None or decay <= ECHO_DECAY_DB_S:
            return []
        return [Notice("echo", self.t, "The room echoes: who spoke when, and so interruptions, will be less "
                       "certain. Sitting closer to the microphone (or one mic each), or a softer room, helps.")]

    def _check_same_mic(self, block: np.ndarray, rms_db: np.ndarray, active: np.ndarray) -> list[Notice]:
        if self.corr_s < 0 or not np.any(rms_db > self.floor + self.opt.speech_above_floor_db):
            return []
        x = block.astype(np.float64)
        self.corr += (np.dot(x[:, 0], x[:, 1]), np.dot(x[:, 0], x[:, 0]), np.dot(x[:, 1], x[:, 1]))
        self.corr_level_diff.append(abs(float(rms_db[0] - rms_db[1])))
        self.corr_s += len(block) / self.rate
        if self.corr_s < 2.0:
            return []
        r = self.corr[0] / max(np.sqrt(self.corr[1] * self.corr[2]), 1e-12)
        level_diff = float(np.median(self.corr_level_diff))
        self.corr_s = -1.0  # decided once
        if r > self.opt.same_mic_correlation and level_diff < self.opt.same_mic_level_db:
            self.nudge_on = False
            return [Notice("same_mic", self.t, "Both channels carry the same sound (one stereo mic, not one mic "
                           "per person): live nudge off; the analysis will treat it as one microphone.")]
        return []

    def _check_nudge(self, active: np.ndarray, t0: float, t1: float) -> list[Notice]:
        if self.listener_ch is None:
            starters = [c for c in (0, 1) if self.runs[c].start is not None]
            if len(starters) != 1:
                return []
            first = starters[0]
            self.listener_ch = first if self.listener == "first" else 1 - first
        lis, par = self.runs[self.listener_ch], self.runs[1 - self.listener_ch]
        if lis.start is None:
            self.listener_start = None
            self.nudged_this_run = False
            return []
        if self.listener_start != lis.start:
            self.listener_start = lis.start
            self.partner_run_at_start = par.length(lis.start)
            self.nudged_this_run = False
        if (self.nudged_this_run or lis.length(t1) < self.opt.listener_active_s
                or self.partner_run_at_start < self.opt.partner_active_s or par.start is None):
            return []
        self.nudged_this_run = True
        if self.nudges and t1 - self.nudges[-1] < self.opt.nudge_cooldown_s:
            return []
        self.nudges.append(lis.start)
        return [Notice("nudge", lis.start, "You started talking while your partner was still talking: "
                       "let them finish.", self.listener_ch)]

    def _warn(self, out: list[Notice], kind: NoticeKind, channel: int | None, message: str) -> None:
        key = (kind, channel)
        if self.t - self.last_warn.get(key, -1e9) >= self.opt.warn_every_s:
            self.last_warn[key] = self.t
            out.append(Notice(kind, self.t, message, channel))


def steepest_decay_db_s(power: np.ndarray) -> float | None:
    """How fast the level falls where it falls freely (dB/s, negative): the steepest tenth of the
    stretches of ``DECAY_FRAMES`` frames over which it falls frame after frame, from near the loudest
    speech and staying clear of the noise floor. None where fewer than ``MIN_DECAYS`` separate places
    have such stretches."""
    n = len(power) - DECAY_FRAMES
    if n <= 0:
        return None
    db = 10 * np.log10(power + 1e-12)
    floor, top = np.percentile(db, 10), np.percentile(db, 95)
    falls = np.concatenate([[0], np.cumsum(np.diff(db) < 0)])
    start = np.arange(n)
    end = start + DECAY_FRAMES
    free = (falls[end] - falls[start] == DECAY_FRAMES) & (db[start] >= top - 20) & (db[end] >= floor + 6)
    starts = np.flatnonzero(free)
    if len(starts) == 0 or 1 + np.count_nonzero(np.diff(starts) > DECAY_FRAMES) < MIN_DECAYS:
        return None
    return float(np.percentile((db[end] - db[start])[free] / (DECAY_FRAMES * FRAME_S), 10))


def _name(c: int, channels: int) -> str:
    if channels == 1:
        return "The microphone"
    return {0: "Channel 1 (left)", 1: "Channel 2 (right)"}.get(c, f"Channel {c + 1}")
