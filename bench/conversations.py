"""Build benchmark conversations with exact ground truth, and write their audio and truth to disk.

Two kinds:
- ``voices``: real LibriSpeech voices (``../shared/data/librispeech-voices``) placed as a two-person
  conversation: turns with varied gaps, interruptions that take the floor (the interrupted clip is cut
  0.3–0.8 s after the interrupter starts), overlaps where both carry on, backchannels.
- ``scripted``: the practice dialogues in ``bench/dialogues.py`` rendered with TTS, so the words and
  the listening-behaviour labels of every utterance are known.

Backchannels in the ``voices`` conversations are TTS ("mm-hmm", "yeah", "right", "okay", "I see"):
LibriSpeech is read books and holds almost none of these words, and cutting them out would need a
word aligner. They are matched to the speaker by sex (piper joe for men, flite slt for women) and
set to the same speech level as the speaker's own clips; the timbre differs from the speaker's, which
makes single-mic attribution of backchannels a little harder than in life, not easier.

Everything is deterministic from the seed: TTS is rendered without sampling noise and cached, and
every random choice comes from one generator seeded by (seed, conversation id).
"""

from __future__ import annotations

import importlib
import json
import logging
import zlib
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import soundfile as sf

from . import tts
from .dialogues import DIALOGUES, Dialogue
from .sound import SR, load, set_level, speech_intervals, trim
from .room import room_mix, room_mix_two
from .timeline import LEVEL_DB, Placed, Timeline, mix

log = logging.getLogger(__name__)

BUILD_VERSION = 8  # 8: "room-two-mic"; 7: "room" (bench/room.py); 6: an offer turned down permits no advice
BENCH_DIR = Path(__file__).resolve().parent
OUT_DIR = BENCH_DIR / "out"
SHARED_DIR = BENCH_DIR.parents[1] / "shared"
VOICES_DIR = SHARED_DIR / "data" / "librispeech-voices"

BACKCHANNELS = ("Mm-hmm.", "Yeah.", "Right.", "Okay.", "I see.", "Uh-huh.", "Yeah, yeah.")
# listener, partner: mixed and same-sex pairs, so single-mic diarization meets both
VOICE_PAIRS = (
    ("1998", "1688"), ("2033", "3080"), ("533", "2414"),
    ("2609", "3005"), ("3331", "367"), ("1688", "3331"),
)


def rng_for(seed: int, conv_id: str) -> np.random.Generator:
    return np.random.default_rng([seed, zlib.crc32(conv_id.encode())])


@dataclass
class Conversation:
    id: str
    kind: str
    timeline: Timeline
    voices: dict[str, str]
    seed: int


class Director:
    """Keeps track of who holds the floor and places the next clip relative to it."""

    def __init__(self, tl: Timeline, rng: np.random.Generator):
        self.tl, self.rng = tl, rng
        self.floor_end = 0.6
        self.last: Placed | None = None
        self.resume_gap: float | None = None

    def _free(self, spk: str, start: float, end: float, margin: float = 0.5) -> bool:
        """A person says one thing at a time: no new clip over (or right next to) their own."""
        return all(
            i.end + margin <= start or end + margin <= i.onset for i in self.tl.items if i.speaker == spk
        )

    def turn(self, spk: str, clip: np.ndarray, gap: float | None = None, **kw) -> Placed:
        resume_gap, self.resume_gap = self.resume_gap, None
        if gap is None and resume_gap is not None and self.last is not None and self.last.speaker == spk:
            gap = resume_gap
        gap = float(self.rng.uniform(0.15, 1.3)) if gap is None else gap
        item = self.tl.place(spk, clip, self.floor_end + gap, **kw)
        self.floor_end, self.last = item.end, item
        return item

    def _slot(self, spk, clip, at, min_in, min_left, both_ends, margin=0.5) -> float | None:
        """A start time inside the floor-holder's speech, close to fraction ``at`` of it."""
        host = self.last
        if host is None or host.speaker == spk:
            return None
        length = len(clip) / SR
        # never before one's own earlier clip in this stretch: cutting the host off first would
        # leave that clip (say a backchannel) outside the host's speech
        own_end = max((i.end for i in self.tl.items if i.speaker == spk), default=0.0)
        first = max(host.onset + min_in, own_end + margin)
        grid = np.arange(first, host.end - min_left - (length if both_ends else 0), 0.01)
        ok = [
            t for t in grid
            if host.speaking_at(t) and (not both_ends or host.speaking_at(t + length))
            and self._free(spk, t, t + length, margin)
        ]
        if not ok:
            return None
        target = host.onset + at * (host.end - host.onset)
        return float(min(ok, key=lambda t: abs(t - target)))

    def backchannel(self, spk: str, clip: np.ndarray, at: float | None = None, **kw) -> Placed | None:
        at = float(self.rng.uniform(0.25, 0.75)) if at is None else at
        # a backchannel right after one's own speech would read as taking the floor back
        t = self._slot(spk, clip, at, 0.8, 0.4, both_ends=True, margin=1.5)
        if t is None:
            return None
        return self.tl.place(spk, clip, t, kind="backchannel", **kw)

    def pause_backchannel(self, spk: str, clip: np.ndarray, **kw) -> Placed | None:
        """In the floor-holder's pause: they stop, the backchannel comes 0.15–0.6 s later, and they carry
        on 0.1 s before to 0.5 s after it ends (the next turn of theirs). The floor stays theirs."""
        host = self.last
        if host is None or host.speaker == spk:
            return None
        item = self.tl.place(spk, clip, self.floor_end + float(self.rng.uniform(0.15, 0.6)),
                             kind="backchannel", in_pause=True, **kw)
        self.floor_end = item.end
        self.resume_gap = float(self.rng.uniform(-0.1, 0.5))
        return item

    def interrupt(self, spk: str, clip: np.ndarray, outcome: str, at: float | None = None, **kw) -> Placed | None:
        """``took_floor``: the host stops 0.3–0.8 s later; ``overlapped``: the host goes on ≥ 2 s."""
        at = float(self.rng.uniform(0.35, 0.7)) if at is None else at
        host = self.last
        t = self._slot(spk, clip, at, 1.0, 2.0, both_ends=False)
        if t is None or host is None:
            return None
        item = self.tl.place(spk, clip, t, kind="interruption", **kw)
        if outcome == "took_floor":
            self.tl.cut(host, t + float(self.rng.uniform(0.3, 0.8)))
            self.floor_end = item.end
        else:
            self.floor_end = max(host.end, item.end)
        self.tl.interruption(item, host, outcome)
        self.last = item if item.end >= host.end else host
        return item


# -- scripted practice dialogues ------------------------------------------------------------------


def build_scripted(d: Dialogue, seed: int, cache: Path | None) -> Conversation:
    rng = rng_for(seed, d.id)
    tl = Timeline({"L": "listener", "P": "partner"})
    voices = {"L": d.listener_voice, "P": d.partner_voice}
    director = Director(tl, rng)
    for line in d.lines:
        clip = set_level(tts.say(voices[line.speaker], line.text, cache), LEVEL_DB)
        kw = {"text": line.text, "labels": tuple(line.labels)}
        placed = None
        if line.kind == "backchannel":
            placed = director.backchannel(line.speaker, clip, line.at, **kw)
        elif line.kind == "pause_backchannel":
            placed = director.pause_backchannel(line.speaker, clip, **kw)
        elif line.kind == "interruption":
            placed = director.interrupt(line.speaker, clip, line.outcome, line.at, **kw)
        if placed is None:
            if line.kind != "turn":
                log.warning("%s: no room for %s %r; placed as a turn", d.id, line.kind, line.text)
                if line.kind in ("backchannel", "pause_backchannel"):
                    continue
            director.turn(line.speaker, clip, line.gap, **kw)
    return Conversation(d.id, "scripted", tl, voices, seed)


# -- real voices ----------------------------------------------------------------------------------


def speaker_sex() -> dict[str, str]:
    out = {}
    for line in (VOICES_DIR / "SPEAKERS.TXT").read_text().splitlines():
        if line.startswith(";") or "|" not in line:
            continue
        spk, sex = (p.strip() for p in line.split("|")[:2])
        out[spk] = sex
    return out


def _prefix(x: np.ndarray, lo: float, hi: float, rng) -> np.ndarray:
    """The utterance up to a pause between ``lo`` and ``hi`` s, so a cut never lands mid-word."""
    ends = [e for _, e in speech_intervals(x) if lo <= e <= hi]
    if not ends:
        return x if len(x) / SR <= hi * 1.3 else x[: int(hi * SR)]
    return x[: int(rng.choice(ends) * SR)]


def build_voices(listener: str, partner: str, seed: int, cache: Path | None, target_s: float = 110.0):
    conv_id = f"voices-{listener}-{partner}"
    rng = rng_for(seed, conv_id)
    sex = speaker_sex()
    pools = {
        role: [set_level(trim(load(f)), LEVEL_DB) for f in sorted((VOICES_DIR / spk).glob("*.flac"))]
        for role, spk in (("L", listener), ("P", partner))
    }
    bc_voice = {
        role: "flite:slt" if sex.get(spk) == "F" else "piper:joe"
        for role, spk in (("L", listener), ("P", partner))
    }

    def utt(role: str, lo: float = 1.0) -> np.ndarray:
        x = pools[role][int(rng.integers(len(pools[role])))]
        return _prefix(x, lo, 4.5, rng) if role == "L" else _prefix(x, 4.0, 12.0, rng)

    def bc(role: str) -> np.ndarray:
        text = BACKCHANNELS[int(rng.integers(len(BACKCHANNELS)))]
        return text, set_level(tts.say(bc_voice[role], text, cache), LEVEL_DB)

    tl = Timeline({"L": "listener", "P": "partner"})
    d = Director(tl, rng)
    if rng.random() < 0.5:  # sometimes the listener opens ("so, how was your week?")
        d.turn("L", utt("L"))
    d.turn("P", utt("P"))
    while d.floor_end < target_s:
        holder = d.last.speaker
        other = "L" if holder == "P" else "P"
        if rng.random() < (0.6 if holder == "P" else 0.25):
            text, clip = bc(other)
            d.backchannel(other, clip, text=text)
        r = rng.random()
        p_took, p_over = (0.18, 0.12) if holder == "P" else (0.08, 0.05)
        # an interruption shorter than ~1.8 s could pass for a backchannel
        if r < p_took and d.interrupt(other, utt(other, 1.8), "took_floor"):
            continue
        if r < p_took + p_over and d.interrupt(other, utt(other, 1.8), "overlapped"):
            continue
        # sometimes the partner simply goes on after a pause
        nxt = holder if (holder == "P" and rng.random() < 0.15) else other
        d.turn(nxt, utt(nxt))
    voices = {"L": f"librispeech:{listener}", "P": f"librispeech:{partner}"}
    return Conversation(conv_id, "voices", tl, voices, seed)


# -- writing --------------------------------------------------------------------------------------


def render(conv: Conversation, out_dir: Path) -> dict:
    """Write ``<id>.1ch.flac``, ``<id>.2ch.flac`` and ``<id>.json`` (the ground truth)."""
    out_dir.mkdir(parents=True, exist_ok=True)
    truth = conv.timeline.truth(conv.id, conv.kind, conv.seed)
    rng = rng_for(conv.seed, conv.id + "/mix")
    channel_of = {"L": 0, "P": 1} if rng.random() < 0.5 else {"L": 1, "P": 0}
    one, info1 = mix(conv.timeline, rng, None)
    two, info2 = mix(conv.timeline, rng, channel_of)
    room, info3 = room_mix(conv.timeline.tracks(), rng_for(conv.seed, conv.id + "/room"))
    room2, info4 = room_mix_two(conv.timeline.tracks(), channel_of, rng_for(conv.seed, conv.id + "/room2"))
    files = {"single-mic": f"{conv.id}.1ch.flac", "two-mic": f"{conv.id}.2ch.flac", "room": f"{conv.id}.room.flac",
             "room-two-mic": f"{conv.id}.room2ch.flac"}
    for mode, samples in (("single-mic", one), ("two-mic", two), ("room", room), ("room-two-mic", room2)):
        sf.write(str(out_dir / files[mode]), samples.T, SR, subtype="PCM_16")
    first = min(truth["segments"], key=lambda s: s["start"])["speaker"]
    truth.update(
        build=BUILD_VERSION,
        files=files,
        voices=conv.voices,
        channels=channel_of,
        listener_flag={
            "two-mic": "left" if channel_of["L"] == 0 else "right",
            "single-mic": "first" if first == "L" else "second",
            "room": "first" if first == "L" else "second",
            "room-two-mic": "left" if channel_of["L"] == 0 else "right",
        },
        mix={"single-mic": info1, "two-mic": info2, "room": info3, "room-two-mic": info4},
    )
    (out_dir / f"{conv.id}.json").write_text(json.dumps(truth, indent=1))
    return truth


# Dialogue sets run instead of the bench's conversations: name -> (module in bench/, its tuple of
# dialogues, what the report calls the set).
OTHER_DIALOGUE_SETS = {
    "heldout": ("dialogues_heldout", "HELDOUT_DIALOGUES", "the held-out dialogues"),  # written blind, never tuned on
    "fresh": ("dialogues_fresh", "FRESH_DIALOGUES", "the fresh (development) dialogues"),  # written after it
    "fresh2": ("dialogues_fresh2", "FRESH2_DIALOGUES", "the second fresh (development) dialogues"),
    "fresh3": ("dialogues_fresh3", "FRESH3_DIALOGUES", "the third fresh (development) dialogues"),
    "fresh4": ("dialogues_fresh4", "FRESH4_DIALOGUES", "the fourth fresh (development) dialogues"),
    "fresh5": ("dialogues_fresh5", "FRESH5_DIALOGUES", "the fifth fresh (development) dialogues"),
    "fresh6": ("dialogues_fresh6", "FRESH6_DIALOGUES", "the sixth fresh (development) dialogues"),
    "fresh7": ("dialogues_fresh7", "FRESH7_DIALOGUES", "the seventh fresh (development) dialogues"),
    "fresh8": ("dialogues_fresh8", "FRESH8_DIALOGUES", "the eighth fresh (development) dialogues"),
    "fresh9": ("dialogues_fresh9", "FRESH9_DIALOGUES", "the ninth fresh (development) dialogues"),
    "fresh10": ("dialogues_fresh10", "FRESH10_DIALOGUES", "the tenth fresh (development) dialogues"),
    "fresh11": ("dialogues_fresh11", "FRESH11_DIALOGUES", "the eleventh fresh (development) dialogues"),
    "fresh12": ("dialogues_fresh12", "FRESH12_DIALOGUES", "the twelfth fresh (development) dialogues"),
    "fresh13": ("dialogues_fresh13", "FRESH13_DIALOGUES", "the thirteenth fresh (development) dialogues"),
    "fresh14": ("dialogues_fresh14", "FRESH14_DIALOGUES", "the fourteenth fresh (development) dialogues"),
    "fresh15": ("dialogues_fresh15", "FRESH15_DIALOGUES", "the fifteenth fresh (development) dialogues"),
    "fresh16": ("dialogues_fresh16", "FRESH16_DIALOGUES", "the sixteenth fresh (development) dialogues"),
}
DIALOGUE_SETS = ("bench", *OTHER_DIALOGUE_SETS)


def other_dialogues(dialogue_set: str) -> tuple:
    module, name, _ = OTHER_DIALOGUE_SETS[dialogue_set]
    return getattr(importlib.import_module(f".{module}", __package__), name)


def plan(quick: bool = False, dialogue_set: str = "bench") -> list[tuple[str, object]]:
    """Which conversations make up the benchmark: (id, recipe). ``dialogue_set``: ``bench`` (the
    dialogues and the real voices), or instead only one of ``OTHER_DIALOGUE_SETS``."""
    if dialogue_set in OTHER_DIALOGUE_SETS:
        return [(d.id, d) for d in other_dialogues(dialogue_set)]
    dialogues = DIALOGUES[:2] if quick else DIALOGUES
    pairs = VOICE_PAIRS[:1] if quick else VOICE_PAIRS
    return [(d.id, d) for d in dialogues] + [(f"voices-{a}-{b}", (a, b)) for a, b in pairs]


def build_all(out_dir: Path = OUT_DIR / "conv", quick: bool = False, seed: int = 0, force: bool = False,
              dialogue_set: str = "bench") -> list[dict]:
    """Build (or reuse from ``out_dir``) every conversation; returns their ground truths."""
    cache = OUT_DIR / "tts"
    truths = []
    for conv_id, recipe in plan(quick, dialogue_set):
        path = out_dir / f"{conv_id}.json"
        if path.exists() and not force:
            t = json.loads(path.read_text())
            if t.get("build") == BUILD_VERSION and t.get("seed") == seed and all(
                (out_dir / f).exists() for f in t["files"].values()
            ):
                truths.append(t)
                continue
        log.info("building %s", conv_id)
        if isinstance(recipe, Dialogue):
            conv = build_scripted(recipe, seed, cache)
        else:
            conv = build_voices(*recipe, seed=seed, cache=cache)
        truths.append(render(conv, out_dir))
    return truths
