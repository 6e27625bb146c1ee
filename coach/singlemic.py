"""Who spoke when on one microphone.

The segmentation model (pyannote segmentation-3.0) says where anyone speaks and where two people speak
at once; CAM++ embeds sliding windows of the speech; the windows are clustered into voices; each frame
of speech goes to the voice most windows over it belong to, and overlapped frames to the two most
likely voices. (Mapping the model's per-chunk local speakers onto voices, as pyannote does, was tried
first: on the AMI clips it confused speakers three times as often.)
"""

from __future__ import annotations

import logging
from dataclasses import replace
from typing import Callable

import numpy as np

from .diarize import first_speech, name_speakers, overlaps_of
from .embedding import embed_windows
from .options import AnalysisOptions
from .segmentation import FRAME_DURATION, FRAME_STEP, FRAMES_PER_CHUNK, segment, speech_and_overlap
from .types import SAMPLE_RATE, Diarization, Precomputed, SpeechRegion, Word

log = logging.getLogger(__name__)

# Two clusters whose centroids are this alike are one voice split in two (one person talking).
SAME_VOICE_COSINE = 0.55
# A local speaker of a chunk stands for a voice when it is this long and most of its frames' window
# votes go to that voice (a track the model wrongly gave to two voices is left to the windows).
MIN_TRACK_FRAMES = 12
TRACK_PURITY = 0.6
# The local speakers only settle what the windows leave open: two windows cover most frames, and at a
# change of speaker they disagree. Below half a vote, a track cannot outvote a clear window majority
# (when the model runs two similar real voices into one track, the windows are the ones that are right:
# letting tracks decide outright tripled the confusion on the bench's LibriSpeech pairs).
TRACK_WEIGHT = 0.4
SILERO_CONTEXT_S = 0.5
# A short burst the segmentation model gives a local speaker of its own, inside a chunk where another
# local speaker stands for the voice the windows give it, may be the other voice: a "mm-hmm" in the
# partner's pause, too short for any 1.5 s window to hear on its own. It is, if embedded alone it
# sounds more like the other voice (the model also splits one person in two after an overlap).
SHORT_BURST_S = (0.15, 1.2)


def _runs(mask: np.ndarray) -> list[tuple[int, int]]:
    padded = np.concatenate([[False], mask, [False]])
    edges = np.flatnonzero(np.diff(padded.astype(np.int8)))
    return list(zip(edges[::2].tolist(), edges[1::2].tolist()))


def sliding_windows(runs: list[tuple[float, float]], length: float, step: float) -> list[tuple[float, float]]:
    """Windows of ``length`` every ``step`` inside each run; a run shorter than one window is one window,
    and the last window of a run ends with it, so no speech goes unseen."""
    windows = []
    for t0, t1 in runs:
        if t1 - t0 <= length:
            windows.append((t0, t1))
            continue
        t = t0
        while t + length <= t1 + 1e-9:
            windows.append((t, t + length))
            t += step
        if windows[-1][1] < t1 - 1e-9:
            windows.append((t1 - length, t1))
    return windows


def cluster(embeddings: np.ndarray, k: int, restarts: int = 5, iterations: int = 30) -> np.ndarray:
    """Spherical k-means with farthest-point starts; returns a label per embedding."""
    n = len(embeddings)
    if n == 0:
        return np.zeros(0, dtype=int)
    k = min(k, n)
    rng = np.random.default_rng(0)
    best_labels, best_score = np.zeros(n, dtype=int), -np.inf
    for _ in range(restarts):
        centres = [embeddings[rng.integers(n)]]
        for _ in range(1, k):
            sims = np.max(embeddings @ np.array(centres).T, axis=1)
            centres.append(embeddings[int(np.argmin(sims))])
        centres = np.array(centres)
        for _ in range(iterations):
            labels = np.argmax(embeddings @ centres.T, axis=1)
            new = np.array([embeddings[labels == j].sum(axis=0) if np.any(labels == j) else centres[j] for j in range(k)])
            new /= np.linalg.norm(new, axis=1, keepdims=True) + 1e-9
            if np.allclose(new, centres):
                break
            centres = new
        score = float(np.sum(np.max(embeddings @ centres.T, axis=1)))
        if score > best_score:
            best_score, best_labels = score, labels
    return best_labels


def _centroids(embeddings: np.ndarray, labels: np.ndarray, k: int) -> np.ndarray:
    out = np.zeros((k, embeddings.shape[1]), np.float32)
    for j in range(k):
        if np.any(labels == j):
            v = embeddings[labels == j].mean(axis=0)
            out[j] = v / (np.linalg.norm(v) + 1e-9)
    return out


def _merge_same_voices(centroids: np.ndarray, labels: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Join clusters that are one voice; a recording of one person must not come out as two."""
    k = len(centroids)
    while k > 1:
        sims = centroids @ centroids.T
        np.fill_diagonal(sims, -1)
        i, j = np.unravel_index(np.argmax(sims), sims.shape)
        if sims[i, j] < SAME_VOICE_COSINE:
            break
        i, j = min(i, j), max(i, j)
        labels = np.where(labels == j, i, labels)
        labels = np.where(labels > j, labels - 1, labels)
        centroids = np.delete(centroids, j, axis=0)
        k -= 1
    return centroids, labels


def diarize_single_mic(
    samples: np.ndarray,
    options: AnalysisOptions,
    progress: Callable[[float], None] | None = None,
    prior: Precomputed | None = None,
) -> Diarization:
    """``prior``: segmentation chunks and window embeddings computed while recording (``live.py``)."""
    prior = prior or Precomputed()
    seg = segment(samples, step=options.segmentation_step_s,
                  progress=(lambda f: progress(0.4 * f)) if progress else None, known=prior.segmentation)
    windows, speech, overlap, edge = _windows(seg, options)
    if not windows:
        return Diarization(mode="single-mic", speakers=(), regions=(), overlaps=())
    embeddings = embed_windows(samples, windows, prior.embeddings)
    if progress:
        progress(0.9)
    return _assign_voices(embeddings, windows, speech, overlap, options, edge, seg,
                          embed=lambda spans: embed_windows(samples, spans))


def finished_windows(
    samples: np.ndarray, options: AnalysisOptions, prior: Precomputed, settled_s: float
) -> dict[tuple[float, float], np.ndarray]:
    """Embeddings of the sliding windows that end before ``settled_s`` (a recording in progress: the
    speech there will not change, nor will its windows). Only windows not in ``prior`` are computed."""
    seg = segment(samples, step=options.segmentation_step_s, known=prior.segmentation)
    windows, _, _, _ = _windows(seg, options)
    done = [w for w in windows if w[1] <= settled_s and w not in prior.embeddings]
    return dict(zip(done, embed_windows(samples, done))) if done else {}


def _windows(seg, options: AnalysisOptions):
    """The sliding windows over the speech the segmentation found, the speech and overlap masks on its
    frame grid, and the time of each frame boundary."""
    frames = speech_and_overlap(seg)
    speech = frames.speech > 0.5
    overlap = (frames.overlap > options.overlap_threshold) & speech
    duration = seg.duration

    def edge(i: int) -> float:
        """Time of the boundary before global frame i (frames are centred half a receptive field in)."""
        return min(duration, max(0.0, FRAME_DURATION / 2 + (i - 0.5) * FRAME_STEP))

    runs = [(edge(a), edge(b)) for a, b in _runs(speech)]
    return sliding_windows(runs, options.embedding_window_s, options.embedding_step_s), speech, overlap, edge


def _chunks(seg, n: int):
    """Each chunk of the segmentation on the global frame grid of ``n`` frames: its first and stop
    frames, its local speakers' activity there, and the Hamming weight that blends overlapping chunks."""
    hamming = np.hamming(FRAMES_PER_CHUNK)
    for c, start in enumerate(seg.chunk_starts):
        first = int(round(start / FRAME_STEP))
        stop = min(n, first + FRAMES_PER_CHUNK)
        if stop > first:
            yield first, stop, seg.activity[c, : stop - first], hamming[: stop - first]


def _local_tracks_by_voice(seg, share: np.ndarray) -> np.ndarray:
    """Per global frame, how strongly each voice is active according to the segmentation model's local
    speakers, each local speaker of a chunk standing for the voice most windows over it belong to
    (``share``: each voice's share of the window votes per frame).

    The model places a change of speaker to within a frame or two; the windows, 1.5 s long, smear it
    over half a second. So the windows say who, and the local speakers say when."""
    n, n_voices = share.shape
    track = np.zeros((n, n_voices))
    weight = np.zeros(n)
    for first, stop, activity, w in _chunks(seg, n):
        for k in range(activity.shape[1]):
            on = activity[:, k] > 0.5
            if on.sum() < MIN_TRACK_FRAMES:
                continue
            support = share[first:stop][on].sum(axis=0)
            if support.max() < TRACK_PURITY * max(support.sum(), 1e-9):
                continue
            track[first:stop, int(np.argmax(support))] += w * activity[:, k]
        weight[first:stop] += w
    return track / np.maximum(weight, 1e-12)[:, None]


def _short_bursts_of_another(seg, share: np.ndarray) -> np.ndarray:
    """Per global frame, whether most chunks over it hear a short burst of a local speaker other than
    the one that stands for the voice the windows give those frames (two local speakers of one chunk
    are two people)."""
    n, _ = share.shape
    lo, hi = (round(s / FRAME_STEP) for s in SHORT_BURST_S)
    votes, weight = np.zeros(n), np.zeros(n)
    for first, stop, activity, w in _chunks(seg, n):
        on = activity > 0.5
        weight[first:stop] += w
        voice = {k: int(np.argmax(share[first:stop][on[:, k]].sum(axis=0)))
                 for k in range(on.shape[1]) if on[:, k].sum() >= MIN_TRACK_FRAMES}
        for k in range(on.shape[1]):
            for a, b in _runs(on[:, k]):
                if not lo <= b - a <= hi:
                    continue
                host = int(np.argmax(share[first + a : first + b].sum(axis=0)))
                if any(j != k and v == host and on[:, j].sum() > 2 * (b - a) and on[a:b, j].mean() < 0.5
                       for j, v in voice.items()):
                    votes[first + a : first + b] += w[a:b]
    return votes > 0.5 * np.maximum(weight, 1e-12)


def _assign_voices(
    embeddings, windows, speech, overlap, options: AnalysisOptions, edge, seg, embed=None
) -> Diarization:
    """Cluster the windows into voices and give every frame of speech to the voices over it.
    ``embed``: embeddings of (start, end) spans, for the short bursts the windows cannot hear alone."""
    n = len(speech)
    labels = cluster(embeddings, max(1, options.speakers))
    centroids = _centroids(embeddings, labels, int(labels.max()) + 1)
    centroids, labels = _merge_same_voices(centroids, labels)
    n_voices = len(centroids)

    votes = np.zeros((n, n_voices))
    for (t0, t1), label in zip(windows, labels):
        first = int((t0 - FRAME_DURATION / 2) / FRAME_STEP + 0.5)
        votes[max(0, first) : int((t1 - FRAME_DURATION / 2) / FRAME_STEP + 1.5), label] += 1
    share = votes / np.maximum(votes.sum(axis=1, keepdims=True), 1e-9)
    ranked = np.argsort(-(share + TRACK_WEIGHT * _local_tracks_by_voice(seg, share)), axis=1, kind="stable")
    if n_voices == 2 and embed is not None:
        bursts = _runs(_short_bursts_of_another(seg, share) & speech & ~overlap)
        alone = embed([(edge(a), edge(b)) for a, b in bursts]) if bursts else []
        for (a, b), voice in zip(bursts, alone):
            host = int(np.bincount(ranked[a:b, 0], minlength=2).argmax())
            if voice @ centroids[1 - host] > voice @ centroids[host]:
                ranked[a:b] = ranked[a:b, ::-1]
    on = np.zeros((n, n_voices), dtype=bool)
    rows = np.flatnonzero(speech)
    on[rows, ranked[rows, 0]] = True
    if n_voices > 1:
        rows = np.flatnonzero(overlap)
        on[rows, ranked[rows, 1]] = True

    regions = []
    min_frames = max(1, int(round(options.min_speech_s / FRAME_STEP)))
    for voice in range(n_voices):
        for a, b in _runs(on[:, voice]):
            if b - a >= min_frames:
                regions.append(SpeechRegion(str(voice), round(edge(a), 3), round(edge(b), 3)))
    by_voice: dict[str, list[SpeechRegion]] = {}
    for r in regions:
        by_voice.setdefault(r.speaker, []).append(r)
    first = first_speech(by_voice)
    names = name_speakers(first, first)
    regions = sorted((SpeechRegion(names[r.speaker], r.start, r.end) for r in regions), key=lambda r: (r.start, r.end))
    dominant = sorted(
        (SpeechRegion(names[str(voice)], round(edge(a), 3), round(edge(b), 3))
         for voice in range(n_voices) if str(voice) in names
         for a, b in _runs(speech & (ranked[:, 0] == voice))),
        key=lambda r: (r.start, r.end),
    )
    notes = []
    if n_voices < options.speakers:
        notes.append(f"expected {options.speakers} voices but heard {n_voices}")
    return Diarization(
        mode="single-mic",
        speakers=tuple(names[v] for v in sorted(first, key=first.get)),
        regions=tuple(regions),
        overlaps=overlaps_of(regions),
        notes=tuple(notes),
        dominant=tuple(dominant),
    )


def drop_unheard_wordless(
    samples: np.ndarray, diarization: Diarization, words: list[Word], min_silence_s: float
) -> Diarization:
    """``diarization`` without the stretches of speech nobody's words were heard in and Silero VAD
    hears no speech in either: the segmentation model alone took a sound for a voice there. Wordless
    speech Silero does hear (a murmur, two voices at once that Whisper skipped) stays."""
    from .turns import merge_regions
    from .vad import silero_speech

    stretches = merge_regions([SpeechRegion("all", r.start, r.end) for r in diarization.regions], min_silence_s)
    middles = np.sort([(w.start + w.end) / 2 for w in words])
    unheard = []
    for s in stretches:
        i = np.searchsorted(middles, s.start)
        if i < len(middles) and middles[i] <= s.end:  # a word was heard in it
            continue
        # Silero is given some context either side: it needs a few frames to settle.
        first = max(0, int((s.start - SILERO_CONTEXT_S) * SAMPLE_RATE))
        offset = first / SAMPLE_RATE
        heard = silero_speech(samples[first : int((s.end + SILERO_CONTEXT_S) * SAMPLE_RATE)])
        if not any(h.end + offset > s.start and h.start + offset < s.end for h in heard):
            unheard.append(s)
    if not unheard:
        return diarization
    log.info("not speech (no words, and Silero hears none): %s",
             ", ".join(f"{s.start:.2f}-{s.end:.2f} s" for s in unheard))

    def kept(x) -> bool:
        return not any(u.start <= x.start and x.end <= u.end for u in unheard)

    return replace(
        diarization,
        regions=tuple(r for r in diarization.regions if kept(r)),
        overlaps=tuple(o for o in diarization.overlaps if kept(o)),
        dominant=tuple(r for r in diarization.dominant if kept(r)),
    )
