"""From speech regions and words to turns: one speaker's utterance, with the words spoken in it."""

from __future__ import annotations

import bisect
from collections import defaultdict
from dataclasses import replace
from typing import Iterable

from .types import SpeechRegion, Turn, Word

# A word outside its utterance stretches it by at most this much: further, the word's time is wrong.
MAX_STRETCH_S = 1.0
# A scrap of someone's sentence in the other's turn: at most this many words, and (closing a sentence)
# this close after its beginning.
MAX_SCRAP_WORDS = 2
MAX_SCRAP_GAP_S = 0.5


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


def _within(w: Word, lo: float, hi: float) -> Word:
    """The word with its edges moved inside [lo, hi]."""
    start = min(max(w.start, lo), hi)
    end = max(min(w.end, hi), start)
    return w if (start, end) == (w.start, w.end) else replace(w, start=start, end=end)


def _ends_sentence(w: Word) -> bool:
    return w.word.rstrip("\"'”’)").endswith((".", "?", "!", "…"))


def _opening_scrap(words: list[Word]) -> int | None:
    """Where the words after the last sentence end begin, when they are one or two (the opening of the
    next sentence, timed too early); None when there are none, more, or no sentence ended."""
    opened = max((k for k in range(len(words)) if _ends_sentence(words[k])), default=None)
    return opened + 1 if opened is not None and 0 < len(words) - 1 - opened <= MAX_SCRAP_WORDS else None


def _inside(w: Word, u: SpeechRegion) -> Word:
    """A moved word, timed inside the utterance it moved to: its own times were the wrong voice's, and
    must not stretch its new turn over the other person's speech."""
    return _within(w, u.start, u.end)


def _mend_sentence_edges(placed: list[tuple[Word, int]], utterances: list[SpeechRegion]) -> list[tuple[Word, int]]:
    """Single-mic: where the words change speaker in the middle of a sentence, move the scrap of
    sentence across to whoever was saying it.

    At a change of speaker inside an overlap both voices are in the signal, and the voice heard most
    is the newcomer's, so the end of the other's sentence lands in the newcomer's turn ("phone. I'm so
    sorry…", "weeks. You should report her…") or the first word of the newcomer's in the other's
    ("…so faces become familiar. I"). Whisper's punctuation says where the sentence ended: a turn whose
    first words close a sentence the other person left open gives them back, and a turn that ends
    with words opening a sentence, right before the other person speaks, gives those to them.
    """
    if not placed:
        return placed
    placed = sorted(placed, key=lambda p: (p[0].start, p[0].end))
    runs: list[list[tuple[Word, int]]] = [[placed[0]]]
    for p in placed[1:]:
        if utterances[p[1]].speaker == utterances[runs[-1][-1][1]].speaker:
            runs[-1].append(p)
        else:
            runs.append([p])
    for a, b in zip(runs, runs[1:]):
        last, first = a[-1], b[0]
        gap = first[0].start - last[0].end
        if _ends_sentence(last[0]) or gap > MAX_STRETCH_S:
            continue
        closing = next((k for k in range(min(MAX_SCRAP_WORDS, len(b) - 1)) if _ends_sentence(b[k][0])), None)
        # Whisper capitalises a sentence's first word: a turn opening in lower case goes on a sentence
        # (a capitalised "Really?" after the other trailed off is a reply, and stays).
        if closing is not None and gap <= MAX_SCRAP_GAP_S and b[0][0].word[:1].islower():
            b[: closing + 1] = [(_inside(w, utterances[last[1]]), last[1]) for w, _ in b[: closing + 1]]
            continue
        # Whisper glues a sentence's first word to the end of the one before, so the word that opens
        # the other's reply can sit up to a stretch's length before it.
        scrap = _opening_scrap([w for w, _ in a])
        if scrap is not None:
            a[scrap:] = [(_inside(w, utterances[first[1]]), first[1]) for w, _ in a[scrap:]]
    return [p for run in runs for p in run]


def _carry_openings_forward(
    members: dict[int, list[Word]], utterances: list[SpeechRegion], by_speaker: dict[str, list[int]]
) -> None:
    """A turn ending in the first word or two of a sentence that the same person's next turn, within a
    second, goes on with gives them to it ("…I snap at my kids. And | I don't want to be…"): Whisper
    glues a word's start to the end of the word before, so a sentence's first word said after a pause
    comes back timed before it."""
    for indices in by_speaker.values():
        for i, j in zip(indices, indices[1:]):
            words = sorted(members.get(i, []), key=lambda w: w.start)
            scrap = _opening_scrap(words)
            if scrap is None or not members.get(j) or utterances[j].start - words[-1].end > MAX_STRETCH_S:
                continue
            members[i] = words[:scrap]
            members[j] = [_inside(w, utterances[j]) for w in words[scrap:]] + members[j]


def build_turns(
    regions: Iterable[SpeechRegion],
    words_by_speaker: dict[str, list[Word]],
    max_gap_s: float,
    unassigned_words: list[Word] | None = None,
    dominant: Iterable[SpeechRegion] = (),
) -> list[Turn]:
    """Turns sorted by start; every word lands in exactly one turn.

    ``words_by_speaker`` carries words whose speaker is known (two-mic: the channel's own words);
    ``unassigned_words`` (single-mic) go to the speaker whose utterance they overlap most, and inside an
    overlap to the speaker ``dominant`` says was the voice most heard there. A word that
    falls outside every utterance of its speaker joins the nearest one, stretching it (by a second at most,
    and not over another speaker's utterance): Whisper heard speech there, so the utterance did last that
    long. Words are trimmed to their turn.
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
    heard = defaultdict(list)
    for r in sorted(dominant, key=lambda r: r.start):
        heard[r.speaker].append(r)
    heard_starts = {k: [r.start for r in v] for k, v in heard.items()}

    def heard_during(speaker: str, w: Word) -> float:
        spans = heard.get(speaker, [])
        at = bisect.bisect_right(heard_starts.get(speaker, []), w.end)
        return sum(_overlap(r.start, r.end, w.start, w.end) for r in spans[max(0, at - 3) : at])

    def rank(i: int, w: Word) -> tuple[float, ...]:
        overlap, distance, longer = _score(utterances[i], w)
        return overlap, distance, -heard_during(utterances[i].speaker, w), longer

    placed: list[tuple[Word, int]] = []
    for w in unassigned_words or ():
        # Best utterance per speaker, then the best of those.
        best = [nearest(speaker, w) for speaker in by_speaker]
        if best:
            placed.append((w, min(best, key=lambda i: rank(i, w))))
    for w, i in _mend_sentence_edges(placed, utterances):
        members[i].append(w)
    _carry_openings_forward(members, utterances, by_speaker)

    ends = {k: [utterances[i].end for i in idx] for k, idx in by_speaker.items()}

    def room(u: SpeechRegion) -> tuple[float, float]:
        """How far the utterance may stretch: a second, and never over the other speakers' speech
        before or after it. Whisper's word edges are glued to the next word's, so "tomorrow? | Nervous"
        across a change of speaker gives the answer's first word the question's last moments; stretching
        over them made an overlap, and an interruption, out of a polite turn."""
        lo, hi = u.start - MAX_STRETCH_S, u.end + MAX_STRETCH_S
        for k in by_speaker:
            if k != u.speaker:
                before = bisect.bisect_right(ends[k], u.start) - 1
                after = bisect.bisect_left(starts[k], u.end)
                if before >= 0:
                    lo = max(lo, ends[k][before])
                if after < len(starts[k]):
                    hi = min(hi, starts[k][after])
        return lo, hi

    turns = []
    for i, u in enumerate(utterances):
        lo, hi = room(u)
        words = tuple(_within(w, lo, hi) for w in sorted(members.get(i, []), key=lambda w: w.start))
        start = min([u.start] + [w.start for w in words])
        end = max([u.end] + [w.end for w in words])
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
