"""A long recording for the memory target (≤ 1.5 GB on one hour): the built conversations end to end.

The ground truths are shifted and joined the same way, so the long file is scored like any other.
"""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import soundfile as sf

from .sound import SR

PAUSE_S = 2.0


def _shift(truth: dict, dt: float, base_id: int) -> dict:
    def mv(x: dict) -> dict:
        y = dict(x)
        for k in ("start", "end", "time"):
            if k in y:
                y[k] = round(y[k] + dt, 3)
        if "id" in y:
            y["id"] += base_id
        if "utterance" in y:
            y["utterance"] += base_id
        return y

    return {k: [mv(x) for x in truth[k]] for k in ("segments", "overlaps", "interruptions", "backchannels", "utterances")}


def make_long(truths: list[dict], conv_dir: Path, out_dir: Path, minutes: float) -> dict:
    """Write ``long-<minutes>m.{1ch,2ch}.flac`` and its truth; conversations whose listener sits on
    the other channel are swapped so one channel is always the same person."""
    name = f"long-{minutes:g}m"
    files = {"single-mic": f"{name}.1ch.flac", "two-mic": f"{name}.2ch.flac"}
    truth = {
        "schema": "coach.bench.truth/1", "id": name, "kind": "long", "duration_s": 0.0, "sample_rate": SR,
        "speakers": [{"id": "L", "role": "listener"}, {"id": "P", "role": "partner"}],
        "segments": [], "overlaps": [], "interruptions": [], "backchannels": [], "utterances": [],
        "files": files, "channels": {"L": 0, "P": 1},
        "listener_flag": {"two-mic": "left", "single-mic": truths[0]["listener_flag"]["single-mic"]},
    }
    out_dir.mkdir(parents=True, exist_ok=True)
    t, k, n_utts = 0.0, 0, 0
    with sf.SoundFile(str(out_dir / files["single-mic"]), "w", SR, 1, "PCM_16") as one, \
         sf.SoundFile(str(out_dir / files["two-mic"]), "w", SR, 2, "PCM_16") as two:
        while t < minutes * 60:
            src = truths[k % len(truths)]
            k += 1
            a, _ = sf.read(str(conv_dir / src["files"]["single-mic"]), dtype="float32", always_2d=True)
            b, _ = sf.read(str(conv_dir / src["files"]["two-mic"]), dtype="float32", always_2d=True)
            if src["channels"]["L"] == 1:
                b = b[:, ::-1]
            pause = np.zeros((int(PAUSE_S * SR), 1), np.float32)
            one.write(np.concatenate([a, pause]))
            two.write(np.concatenate([b, np.repeat(pause, 2, axis=1)]))
            for key, items in _shift(src, t, n_utts).items():
                truth[key] += items
            n_utts += len(src["utterances"])
            t += a.shape[0] / SR + PAUSE_S
    truth["duration_s"] = round(t, 3)
    (out_dir / f"{name}.json").write_text(json.dumps(truth))
    return truth
