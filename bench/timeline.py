"""Clips placed on a two-person timeline, the ground truth they imply, and the two mixes.

The ground truth is derived from the placed audio, never from the script's intentions: each clip's
speech intervals come from its own energy, and a clip cut short by an interruption keeps only the
intervals before the cut. So the truth describes the sound in the file, including where a pause
inside an utterance happens to fall.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from .sound import SR, fade_out, speech_intervals

LEVEL_DB = -23.0  # every clip is set to this active level before the per-speaker gains
CUT_FADE_S = 0.02


@dataclass
class Placed:
    speaker: str
    audio: np.ndarray
    start: float
    text: str = ""
    kind: str = "turn"  # turn | backchannel | interruption
    labels: tuple[str, ...] = ()
    islands: list[tuple[float, float]] = field(default_factory=list)  # relative to ``start``
    truncated: bool = False
    in_pause: bool = False  # a backchannel in the floor-holder's pause, not inside their speech

    @property
    def onset(self) -> float:
        return self.start + (self.islands[0][0] if self.islands else 0.0)

    @property
    def end(self) -> float:
        return self.start + (self.islands[-1][1] if self.islands else len(self.audio) / SR)

    def speaking_at(self, t: float) -> bool:
        return any(self.start + s <= t < self.start + e for s, e in self.islands)


class Timeline:
    def __init__(self, speakers: dict[str, str]):
        """``speakers`` maps a ground-truth id to its role (listener / partner)."""
        self.roles = dict(speakers)
        self.items: list[Placed] = []
        self.interruptions: list[dict] = []

    def place(self, speaker: str, audio: np.ndarray, start: float, **kw) -> Placed:
        item = Placed(speaker, audio, round(start, 4), islands=speech_intervals(audio), **kw)
        self.items.append(item)
        return item

    def cut(self, item: Placed, at: float) -> None:
        """Stop ``item`` at absolute time ``at``: the speaker gives up the floor."""
        n = max(0, int((at - item.start) * SR))
        item.audio = fade_out(item.audio[:n], int(CUT_FADE_S * SR))
        rel = n / SR
        item.islands = [(s, min(e, rel)) for s, e in item.islands if s < rel - 0.03]
        item.truncated = True

    def interruption(self, interrupter: Placed, interrupted: Placed, outcome: str) -> None:
        self.interruptions.append(
            {"interrupter_item": interrupter, "interrupted_item": interrupted, "outcome": outcome}
        )

    @property
    def duration(self) -> float:
        return max((i.start + len(i.audio) / SR for i in self.items), default=0.0) + 0.5

    # -- ground truth -------------------------------------------------------------------------

    def segments(self) -> dict[str, list[tuple[float, float]]]:
        out: dict[str, list[tuple[float, float]]] = {}
        for spk in self.roles:
            spans = sorted(
                (i.start + s, i.start + e) for i in self.items if i.speaker == spk for s, e in i.islands
            )
            out[spk] = merge(spans)
        return out

    def truth(self, conv_id: str, kind: str, seed: int, permission_window_s: float = 90.0) -> dict:
        segs = self.segments()
        items = sorted(self.items, key=lambda i: i.onset)
        ids = {id(it): n for n, it in enumerate(items)}
        # Advice is asked for once the partner asks for it or says yes to the listener's offer (both
        # labelled ``asks_advice``); an offer the partner turns down opens nothing, as in the coach.
        permits = [i.onset for i in items if "asks_advice" in i.labels and self.roles[i.speaker] == "partner"]
        utterances = []
        for it in items:
            u = {
                "id": ids[id(it)],
                "speaker": it.speaker,
                "start": round(it.onset, 3),
                "end": round(it.end, 3),
                "kind": it.kind,
                "text": it.text,
                "labels": list(it.labels),
                "truncated": it.truncated,
            }
            if "advice" in it.labels:
                u["permitted"] = any(0 <= it.onset - p <= permission_window_s for p in permits)
            utterances.append(u)
        return {
            "schema": "coach.bench.truth/1",
            "id": conv_id,
            "kind": kind,
            "seed": seed,
            "duration_s": round(self.duration, 3),
            "sample_rate": SR,
            "speakers": [{"id": s, "role": r} for s, r in self.roles.items()],
            "segments": [
                {"speaker": s, "start": a, "end": b} for s, spans in segs.items() for a, b in spans
            ],
            "overlaps": [{"start": a, "end": b} for a, b in overlaps(segs)],
            "interruptions": [
                {
                    "time": round(x["interrupter_item"].onset, 3),
                    "interrupter": x["interrupter_item"].speaker,
                    "interrupted": x["interrupted_item"].speaker,
                    "outcome": x["outcome"],
                    "utterance": ids[id(x["interrupter_item"])],
                }
                for x in sorted(self.interruptions, key=lambda x: x["interrupter_item"].onset)
            ],
            "backchannels": [
                {"time": round(i.onset, 3), "end": round(i.end, 3), "speaker": i.speaker, "text": i.text,
                 "in_pause": i.in_pause}
                for i in items
                if i.kind == "backchannel"
            ],
            "utterances": utterances,
        }

    # -- audio --------------------------------------------------------------------------------

    def tracks(self) -> dict[str, np.ndarray]:
        n = int(np.ceil(self.duration * SR))
        out = {s: np.zeros(n, np.float32) for s in self.roles}
        for it in self.items:
            a = int(round(it.start * SR))
            out[it.speaker][a : a + len(it.audio)] += it.audio[: n - a]
        return out


def merge(spans: list[tuple[float, float]], gap: float = 0.0) -> list[tuple[float, float]]:
    out: list[list[float]] = []
    for s, e in sorted(spans):
        if out and s <= out[-1][1] + gap:
            out[-1][1] = max(out[-1][1], e)
        else:
            out.append([s, e])
    return [(round(s, 3), round(e, 3)) for s, e in out]


def overlaps(segs: dict[str, list[tuple[float, float]]]) -> list[tuple[float, float]]:
    """Stretches where at least two speakers are active (a sweep over all boundaries)."""
    points = sorted(
        [(s, 1) for spans in segs.values() for s, _ in spans] + [(e, -1) for spans in segs.values() for _, e in spans],
        key=lambda p: (p[0], p[1]),
    )
    out, active, start = [], 0, 0.0
    for t, d in points:
        before = active
        active += d
        if before < 2 <= active:
            start = t
        elif before >= 2 > active and t > start:
            out.append((start, t))
    return merge(out)


def mix(tl: Timeline, rng: np.random.Generator, channel_of: dict[str, int] | None, snr_db: float | None = None):
    """One channel (``channel_of`` None) or two with cross-talk. Returns (samples (ch, n), info).

    Two-mic: each channel carries its own person plus the other's voice delayed ~1 ms and 16–24 dB
    under the own voice (the issue's 15–25 dB, with a margin so the measured level stays inside).
    ``snr_db``: noise under the speech, default 35 dB on one channel ("light noise") and 45 dB per
    channel on two (a close microphone's own hiss).
    """
    tracks = tl.tracks()
    n = len(next(iter(tracks.values())))
    gains = {s: float(rng.uniform(-6.0, 3.0)) for s in tracks}
    info: dict = {"gains_db": {s: round(g, 2) for s, g in gains.items()}, "level_db": LEVEL_DB}
    if channel_of is None:
        y = sum(tracks[s] * 10 ** (gains[s] / 20) for s in tracks)
        speech_db = LEVEL_DB + float(np.mean(list(gains.values())))
        info["noise_db"] = round(speech_db - (snr_db or 35.0), 2)
        y = y + rng.standard_normal(n).astype(np.float32) * 10 ** (info["noise_db"] / 20)
        out = y[None, :]
    else:
        out = np.zeros((2, n), np.float32)
        delay = int(round(rng.uniform(0.8, 1.2) * SR / 1000))
        info.update(delay_samples=delay, crosstalk_db={}, noise_db={})
        for spk, ch in channel_of.items():
            other = next(s for s in tracks if s != spk)
            x_db = float(rng.uniform(16.0, 24.0))
            leak = np.concatenate([np.zeros(delay, np.float32), tracks[other][: n - delay]])
            own_db = gains[spk]
            noise_db = LEVEL_DB + own_db - (snr_db or 45.0)
            out[ch] = (
                tracks[spk] * 10 ** (own_db / 20)
                + leak * 10 ** ((own_db - x_db) / 20)
                + rng.standard_normal(n).astype(np.float32) * 10 ** (noise_db / 20)
            )
            info["crosstalk_db"][spk] = round(x_db, 2)
            info["noise_db"][spk] = round(noise_db, 2)
    return never_clip(out, info), info


def never_clip(out: np.ndarray, info: dict) -> np.ndarray:
    """``out`` scaled down if it would clip (clipping is its own confidence warning in the pipeline),
    the factor noted in ``info``; as float32."""
    peak = float(np.max(np.abs(out)))
    if peak > 0.95:
        out = out * (0.95 / peak)
        info["scaled"] = round(0.95 / peak, 4)
    return out.astype(np.float32)
