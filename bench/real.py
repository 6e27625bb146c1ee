"""Ground truth for the real recordings in ``../shared/data`` in the same shape the builder writes.

- AMI ``dev00`` / ``dev01``: who spoke when from ``dev.rttm`` (annotated by people, overlaps included).
  No roles: speakers are mapped by best permutation.
- ``two-mic/stereo_diarization.wav``: one person per channel and no timing in the source, so the
  reference intervals come from each channel's own energy (the channels are clean, with no audible
  leak); the transcripts are the ones faster-whisper's tests use.
"""

from __future__ import annotations

from pathlib import Path

import soundfile as sf

from .conversations import SHARED_DIR
from .score import overlaps_of, word_errors, words_of
from .sound import SR, resample, speech_intervals

DATA = SHARED_DIR / "data"
STEREO_TEXT = {
    "left": "He began a confused complaint against the wizard, who had vanished behind the curtain on the left.",
    "right": "The horizon seems extremely distant.",
}


def _truth(name: str, path: Path, segs: dict[str, list[tuple[float, float]]], duration: float, **kw) -> dict:
    return {
        "schema": "coach.bench.truth/1",
        "id": name,
        "kind": "real",
        "duration_s": round(duration, 3),
        "speakers": [{"id": s} for s in segs],
        "segments": [{"speaker": s, "start": a, "end": b} for s, v in segs.items() for a, b in v],
        "overlaps": [{"start": round(a, 3), "end": round(b, 3)} for a, b in overlaps_of(segs)],
        "path": str(path),
        **kw,
    }


def ami_truths() -> list[dict]:
    rttm = DATA / "ami" / "dev.rttm"
    if not rttm.exists():
        return []
    by_file: dict[str, dict[str, list[tuple[float, float]]]] = {}
    for line in rttm.read_text().splitlines():
        f = line.split()
        if len(f) >= 8 and f[0] == "SPEAKER":
            start, dur = float(f[3]), float(f[4])
            by_file.setdefault(f[1], {}).setdefault(f[7], []).append((start, round(start + dur, 3)))
    out = []
    for name, segs in sorted(by_file.items()):
        path = DATA / "ami" / f"{name}.flac"
        if path.exists():
            out.append(_truth(f"ami-{name}", path, segs, sf.info(str(path)).duration,
                              mode="single-mic", listener_flag="first"))
    return out


def stereo_truth() -> dict | None:
    path = DATA / "two-mic" / "stereo_diarization.wav"
    if not path.exists():
        return None
    x, rate = sf.read(str(path), dtype="float32", always_2d=True)
    segs = {name: speech_intervals(resample(x[:, ch], rate, SR), min_gap_s=0.3) for ch, name in enumerate(("left", "right"))}
    return _truth("two-mic-stereo", path, segs, x.shape[0] / rate, mode="two-mic", listener_flag="left",
                  transcripts=STEREO_TEXT)


def real_truths() -> list[dict]:
    out = ami_truths()
    st = stereo_truth()
    return out + ([st] if st else [])


def wer(ref: str, hyp: str) -> float:
    r, h = words_of(ref), words_of(hyp)
    return word_errors(r, h) / len(r) if r else float(len(h) > 0)
