"""A trial, not part of coach: does separating the listener's voice where two people talk at once on one
microphone help Whisper? (Not kept: README, "Tried on 2026-11-24 (session 5)".)

Supervised NMF (Smaragdis 2007): each voice's spectral shapes are learnt from the ground truth's solo
speech; every overlap of 0.5 s or more inside a listener utterance longer than a backchannel (1.2 s)
is explained with both voices' shapes and only the listener's share is kept, in place, so the
partner's words there are given up. Every utterance (not a backchannel, ≥ 1 s) that another voice
overlaps by more than 0.5 s is then decoded greedily with tiny.en from the mix and from the separated
signal, and scored against its words: the script's for the dialogues; for the LibriSpeech voices,
which have no transcript here, what tiny.en hears on the speaker's own channel of the two-mic mix.

    .venv/bin/python -m bench.separation_trial        # after bench.run has built bench/out/conv
"""

from __future__ import annotations

import glob
import json
import time
from pathlib import Path

import ctranslate2
import numpy as np
import soundfile as sf

from bench.score import word_errors, words_of
from coach.diarize import overlaps_of
from coach.transcribe import load_model
from coach.turns import merge_regions
from coach.types import SAMPLE_RATE, Span, SpeechRegion

CONV = Path(__file__).parent / "out" / "conv"
MIN_OVERLAP_S = 0.5
BACKCHANNEL_MAX_S = 1.2

N_FFT = 512
HOP = 128
# Spectral shapes per voice, and how much of a voice's solo speech teaches them (evenly spread over
# the recording, so an hour costs what two minutes do).
SHAPES = 40
MAX_SOLO_FRAMES = 6000
LEARN_ITERATIONS = 120
FIT_ITERATIONS = 100
# Solo speech shorter than this is mostly the edges of someone else's.
MIN_SOLO_S = 0.5
_EPS = 1e-9

_WINDOW = np.hanning(N_FFT + 1)[:-1].astype(np.float32)


def stft(x: np.ndarray) -> np.ndarray:
    """Complex spectrogram, (frequency bins, frames)."""
    if len(x) < N_FFT:
        x = np.pad(x, (0, N_FFT - len(x)))
    n = 1 + (len(x) - N_FFT) // HOP
    frames = x[np.arange(N_FFT)[None, :] + HOP * np.arange(n)[:, None]] * _WINDOW
    return np.fft.rfft(frames, axis=1).T


def istft(spectrum: np.ndarray, length: int) -> np.ndarray:
    """Overlap-add inverse of ``stft``, ``length`` samples (silence where no frame reaches)."""
    frames = np.fft.irfft(spectrum.T, n=N_FFT, axis=1) * _WINDOW
    out = np.zeros(max(length, HOP * (len(frames) - 1) + N_FFT))
    norm = np.zeros_like(out)
    for i, frame in enumerate(frames):
        out[i * HOP : i * HOP + N_FFT] += frame
        norm[i * HOP : i * HOP + N_FFT] += _WINDOW**2
    return (out / np.maximum(norm, 1e-6))[:length].astype(np.float32)


def _kl_nmf(v: np.ndarray, shapes: np.ndarray | None, k: int, iterations: int, rng: np.random.Generator):
    """Multiplicative updates for V ≈ W·H under the KL divergence; W is learnt only when not given."""
    learn = shapes is None
    w = (rng.random((v.shape[0], k), np.float32) + 0.1) if learn else shapes
    h = rng.random((w.shape[1], v.shape[1]), np.float32) + 0.1
    for _ in range(iterations):
        h *= (w.T @ (v / (w @ h + _EPS))) / (w.sum(axis=0)[:, None] + _EPS)
        if learn:
            w *= ((v / (w @ h + _EPS)) @ h.T) / (h.sum(axis=1)[None, :] + _EPS)
            scale = w.sum(axis=0) + _EPS
            w /= scale
            h *= scale[:, None]
    return w, h


def learn_voice(samples: np.ndarray, spans: list[Span], seed: int = 0) -> np.ndarray | None:
    """A voice's spectral shapes (bins × SHAPES) from ``spans`` where it speaks alone; None without any."""
    mags = [np.abs(stft(samples[int(s.start * SAMPLE_RATE) : int(s.end * SAMPLE_RATE)])) for s in spans]
    if not mags:
        return None
    v = np.concatenate(mags, axis=1).astype(np.float32)
    if v.shape[1] > MAX_SOLO_FRAMES:
        v = v[:, np.linspace(0, v.shape[1] - 1, MAX_SOLO_FRAMES).astype(int)]
    w, _ = _kl_nmf(v, None, SHAPES, LEARN_ITERATIONS, np.random.default_rng(seed))
    return w


def extract(mixture: np.ndarray, target: np.ndarray, others: list[np.ndarray], seed: int = 0) -> np.ndarray:
    """The target voice's part of ``mixture``, explained with the target's and the others' shapes."""
    spectrum = stft(mixture)
    shapes = np.concatenate([target, *others], axis=1)
    magnitude = np.abs(spectrum).astype(np.float32)
    _, h = _kl_nmf(magnitude, shapes, shapes.shape[1], FIT_ITERATIONS, np.random.default_rng(seed))
    mine = (target @ h[: target.shape[1]]) ** 2
    rest = (shapes[:, target.shape[1] :] @ h[target.shape[1] :]) ** 2
    return istft(spectrum * (mine / (mine + rest + _EPS)), len(mixture))


def solo_spans(regions: list[SpeechRegion], speaker: str) -> list[Span]:
    """Where ``speaker`` talks and nobody else does, in pieces of at least MIN_SOLO_S."""
    overlaps = sorted(overlaps_of(regions), key=lambda o: o.start)
    out = []
    for r in regions:
        if r.speaker != speaker:
            continue
        t = r.start
        for o in overlaps:
            if o.end <= t or o.start >= r.end:
                continue
            if o.start - t >= MIN_SOLO_S:
                out.append(Span(t, o.start))
            t = max(t, o.end)
        if r.end - t >= MIN_SOLO_S:
            out.append(Span(t, r.end))
    return out


def favour(samples: np.ndarray, regions: list[SpeechRegion], speaker: str) -> np.ndarray:
    """The mix with ``speaker``'s voice alone in each of their long overlaps."""
    turns = [u for u in merge_regions(regions, 0.5) if u.speaker == speaker and u.end - u.start > BACKCHANNEL_MAX_S]
    stretches = [o for o in overlaps_of(regions) if o.end - o.start >= MIN_OVERLAP_S
                 and any(u.start < o.end and u.end > o.start for u in turns)]
    if not stretches:
        return samples
    target = learn_voice(samples, solo_spans(regions, speaker))
    others = [learn_voice(samples, solo_spans(regions, s)) for s in {r.speaker for r in regions} - {speaker}]
    out = samples.copy()
    for span in stretches:
        a, b = int(span.start * SAMPLE_RATE), int(span.end * SAMPLE_RATE)
        lo, hi = max(0, a - N_FFT), min(len(samples), b + N_FFT)
        out[a:b] = extract(samples[lo:hi], target, [w for w in others if w is not None])[a - lo : b - lo]
    return out


def main() -> None:
    model = load_model("tiny.en")

    def heard(x: np.ndarray, start: float, end: float) -> list[str]:
        piece = np.ascontiguousarray(x[int(start * SAMPLE_RATE) : int(end * SAMPLE_RATE)])
        # Whisper falls back to sampling on garbled audio (overlaps are): seeded, the same words every run.
        ctranslate2.set_random_seed(0)
        segments, _ = model.transcribe(piece, beam_size=1, language="en", condition_on_previous_text=False)
        return words_of(" ".join(s.text for s in segments))

    errors: dict[tuple[str, str], list[int]] = {}
    separating = 0.0
    for path in sorted(glob.glob(str(CONV / "*.json"))):
        truth = json.loads(Path(path).read_text())
        mix, _ = sf.read(CONV / truth["files"]["single-mic"], dtype="float32")
        own, _ = sf.read(CONV / truth["files"]["two-mic"], dtype="float32")
        regions = [SpeechRegion(u["speaker"], u["start"], u["end"]) for u in truth["utterances"]]
        t0 = time.perf_counter()
        separated = favour(mix, regions, "L")
        separating += time.perf_counter() - t0
        for u in truth["utterances"]:
            s, e, k = u["start"], u["end"], u["speaker"]
            if u["kind"] == "backchannel" or e - s < 1.0:
                continue
            if not any(r.speaker != k and min(r.end, e) - max(r.start, s) > MIN_OVERLAP_S for r in regions):
                continue
            ref = words_of(u["text"]) or heard(own[:, truth["channels"][k]], s - 0.15, e + 0.15)
            row = errors.setdefault((truth["kind"], k), [0, 0, 0])
            row[0] += word_errors(ref, heard(mix, s - 0.15, e + 0.15))
            row[1] += word_errors(ref, heard(separated, s - 0.15, e + 0.15))
            row[2] += len(ref)
    print("| conversations | speaker | words | WER from the mix | WER separated |")
    print("|---|---|---|---|---|")
    for (kind, k), (mixed, sep, n) in sorted(errors.items()):
        print(f"| {kind} | {'listener' if k == 'L' else 'partner'} | {n} | {mixed / n:.2f} | {sep / n:.2f} |")
    print(f"separation took {separating:.1f} s in all")


if __name__ == "__main__":
    main()
