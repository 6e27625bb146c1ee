"""From speech regions and words to turns: one speaker's utterance, with the words spoken in it."""

from __future__ import annotations

import bisect
from collections import defaultdict
from typing import Iterable

from .types import SpeechRegion, Turn, Word


def merge_regions(regions: Iterable[SpeechRegion], max_gap_s: float) -> list[SpeechRegion]:
    """Join one speaker's regions separated by pauses of at most ``max_gap_s`` into utterances."""
    by_speaker: dict[str, list[SpeechRegion]] = defaultdict(list)
    for r in sorted(regions, key=lambda r: r.start):
        spoken = by_speaker[r.speaker]
        if spoken and r.start - spoken[-1].end <= max_gap_s:
            spoken[-1] = SpeechRegion(r.speaker, spoken[-1].start, max(spoken[-1].end, r.end))
        else:
            spoken.append(r)
    return sorted((r for rs in by_speaker.values() for r in rs), key=lambda r: (r.start, r.end))


def _overlap(a0: float, a1: float, b0: float, b1: float) -> float:
    return max(0.0, min(a1, b1) - max(a0, b0))


def _score(u: SpeechRegion, w: Word) -> tuple[float, float, float]:
    """Most overlap first, then least distance, then the utterance that goes on longer after the word.

    A word inside an overlap, on one microphone, is most likely the voice that keeps the floor: the
    partner talking on through the listener's "mm-hmm", or the listener who cut in and carried on
    (measured on the benchmark's single-mic dialogues: preferring the longer utterance lost the words of
    every interruption that took the floor).
    """
    return (-_overlap(u.start, u.end, w.start, w.end), max(u.start - w.end, w.start - u.end, 0.0), -u.end)


def build_turns(
    regions: Iterable[SpeechRegion],
    words_by_speaker: dict[str, list[Word]],
    max_gap_s: float,
    unassigned_words: list[Word] | None = None,
) -> list[Turn]:
    """Turns sorted by start; every word lands in exactly one turn.

    ``words_by_speaker`` carries words whose speaker is known (two-mic: the channel's own words);
    ``unassigned_words`` (single-mic) go to the speaker whose utterance they overlap most. A word that
    falls outside every utterance of its speaker joins the nearest one, stretching it (by a second at most):
    Whisper heard speech there, so the utterance did last that long.
    """
    utterances = merge_regions(regions, max_gap_s)
    members: dict[int, list[Word]] = defaultdict(list)
    by_speaker: dict[str, list[int]] = defaultdict(list)
    for i, u in enumerate(utterances):
        by_speaker[u.speaker].append(i)

    starts = {k: [utterances[i].start for i in idx] for k, idx in by_speaker.items()}

    def nearest(speaker: str, w: Word) -> int:
        """The speaker's utterance the word overlaps most, else the closest (searched near the word)."""
        at = bisect.bisect_right(starts[speaker], (w.start + w.end) / 2)
        near = by_speaker[speaker][max(0, at - 2) : at + 2]
        return min(near, key=lambda i: _score(utterances[i], w))

    for speaker, words in words_by_speaker.items():
        if speaker in by_speaker:
            for w in words:
                members[nearest(speaker, w)].append(w)
    for w in unassigned_words or ():
        # Best utterance per speaker, then the best of those.
        best = [nearest(speaker, w) for speaker in by_speaker]
        if best:
            members[min(best, key=lambda i: _score(utterances[i], w))].append(w)

    turns = []
    for i, u in enumerate(utterances):
        words = tuple(sorted(members.get(i, []), key=lambda w: w.start))
        # Stretch by at most a second: further than that, the word's time is wrong, not the utterance's.
        start = max(min([u.start] + [w.start for w in words]), u.start - 1.0)
        end = min(max([u.end] + [w.end for w in words]), u.end + 1.0)
        text = " ".join(w.word for w in words).strip()
        turns.append(Turn(u.speaker, round(start, 3), round(end, 3), text, words))
    turns.sort(key=lambda t: (t.start, t.end))
    return turns


def talk_time(regions: Iterable[SpeechRegion]) -> dict[str, float]:
    """Seconds each speaker spoke (their own regions never overlap each other)."""
    total: dict[str, float] = defaultdict(float)
    for r in merge_regions(regions, 0.0):
        total[r.speaker] += r.end - r.start
    return {k: round(v, 2) for k, v in total.items()}
