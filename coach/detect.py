"""Conversation events from turns: interruptions, backchannels and the listener's behaviours.

Works on turns alone (no audio), so a stored report can be re-derived when the user says which
speaker they are.
"""

from __future__ import annotations

import bisect
import re
from typing import Iterable

from .behaviours import asks_for_advice, declines_advice, endorses, label_utterances
from .options import AnalysisOptions
from .types import BEHAVIOUR_LABELS, Event, Turn, Word

BACKCHANNEL_TOKENS = {
    # "uh-uh" is how Whisper also writes a murmured "uh-huh"; as a bare "no" it takes no floor either.
    "mm", "mmm", "hmm", "hm", "mhm", "mm-hmm", "mmhmm", "mm-hm", "uh-huh", "uhhuh", "uh-uh", "uh", "huh", "um",
    "yeah", "yes", "yep", "yup", "ya", "right", "okay", "ok", "oh", "ah", "aha", "ahh", "ooh", "wow",
    "i", "see", "sure", "really", "true", "exactly", "totally", "got", "it", "gotcha", "indeed", "no",
    "way", "god", "my", "gosh", "alright", "all",
    # Response cries of sympathy, in their British, Australian and American forms ("Oh, mate.", "Oof.").
    "mate", "man", "oof", "ugh", "aw", "aww", "jeez", "geez", "blimey", "crikey", "yikes", "damn", "heck",
    "good", "grief", "lord", "goodness", "bless", "ouch", "oops", "dear", "of", "course", "whoa", "nice", "amen",
}
# Token sequences above that are words, not backchannels, when said alone.
_NOT_ALONE = {"i", "my", "it", "got", "all", "no", "way", "um", "uh", "of"}
# However Whisper spells a hum: "Mm -mm", "mmm", "hmm-mm", "mhm-hm", "M -H -M", "Emm" (a hum heard with a vowel
# before it; not "um" or "em": fillers that open speech).
_HUM = re.compile(r"h*m[hm]*(?:-h*m[hm]*)*|e+mm+|m-h-m")
# What Whisper writes for a murmur it tries to make words of ("Mm." as "And then", "Yeah." as "You"):
# glue words only. Said under the other's speech while they carry on, without a question in them, they
# took no floor. ("you" is Whisper's best-known guess for a sound that is no speech at all.)
_GLUE = {"and", "then", "you", "they", "he", "she", "it", "the", "a", "an", "i", "me", "him", "her", "them",
         "we", "us", "to", "in", "on", "at", "for", "that", "this", "there"}
# Agreeing with what the other is saying ("I know."): inside their speech, a backchannel; at the start of
# a turn ("Oh, I know. My old boss…") it opens it, so it is no backchannel word of its own.
_AGREEING = re.compile(r"(?:(?:oh|yeah|yes|mm) )?i know(?: (?:i know|yeah|right))?")
# Short words that do start a cut-in when said alone inside the other's speech.
CUT_IN_WORDS = {"no", "but", "and", "so", "wait", "stop", "sorry", "what", "why", "how", "hang", "hold", "not"}
# ...of which these count however unsure Whisper was of them: no murmur has come back as one ("Wait,
# what?" heard as "Wait," at 0.3–0.4, three times in the development sets; never a backchannel).
_HALT_WORDS = {"wait", "stop", "hang", "hold"}
# A pause this long after a backchannel's words makes what follows a turn of its own. Whisper's word
# edges move by 0.2 s from one packing to another (the bundled sample's "Oh, … know": 0.14 or 0.32 s),
# so the pause must be clearly longer than that.
LEAD_PAUSE_S = 0.4
_WORD = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")  # digits too: "4." echoes a number, it is no murmur
_SPELLED = re.compile(r"\b[a-z](?:\s*[.\-]+\s*[a-z]\b)+\.?")
_SPACED_HYPHEN = re.compile(r"(?<=[a-z])\s+-(?=[a-z])")  # Whisper's "Uh -uh", "Mm -hmm"
# An echo question repeats a word the other person finished saying at most this long before it; a word
# still being said when the echo starts (by more than Whisper's timing slack) is not what it echoes.
ECHO_WINDOW_S = 4.0
ECHO_OVERLAP_S = 0.1
# ...or a word the other person says again within this long after it ends: an echo question is
# answered by repeating it ("Fourth?" "Fourth. I'd booked a table…"), a misheard murmur is not.
ECHO_ANSWER_S = 2.0
# Giving way to a short cut-in: the other talks on at least this long after it starts (so they were not
# just finishing as it began), and stops no later than this after it ends (Whisper's word edges move by
# 0.2 s; the bench's yielding partners stopped 0.5 s before to 0.35 s after the cut-in's end).
YIELD_AFTER_S = 0.3
YIELD_SLACK_S = 0.4
# A word Whisper gives at most this long, set apart from the next by at least this gap, was not said
# (a question word that opens a turn lasted 0.21 s or more in every bench run; the carried-over ones 0–0.12 s).
FLASH_WORD_S = 0.15
FLASH_GAP_S = 0.05
# A cut-in this short that repeats the partner's words is an echo question ("Twelve years?"), which
# tiny.en mostly writes without its question mark ("12 years.").
ECHO_QUESTION_WORDS = 5
_NUMBERS = {w: str(n) for n, ws in enumerate((
    (), ("one", "first"), ("two", "second"), ("three", "third"), ("four", "fourth"), ("five", "fifth"),
    ("six", "sixth"), ("seven", "seventh"), ("eight", "eighth"), ("nine", "ninth"), ("ten", "tenth"),
    ("eleven",), ("twelve",), ("thirteen",), ("fourteen",), ("fifteen",), ("sixteen",), ("seventeen",),
    ("eighteen",), ("nineteen",))) for w in ws}
_TENS = {w: 10 * n for n, w in enumerate(("twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"), 2)}
_SCALES = {"hundred": 100, "thousand": 1000, "grand": 1000}
_FUNCTION_WORDS = {
    "the", "and", "but", "for", "with", "that", "this", "then", "than", "there", "their", "they", "them", "what",
    "when", "where", "who", "why", "how", "you", "your", "she", "her", "his", "him", "its", "our", "was", "were",
    "are", "has", "have", "had", "not", "just", "like", "from", "about", "into", "out", "one", "all", "can",
    "could", "would", "should", "will", "did", "does", "don't", "know", "think", "well", "said", "say",
    "because", "some", "any", "very", "really", "too", "also", "even", "still", "now", "here", "get", "got",
}


def _tokens(text: str) -> list[str]:
    """Words of ``text``, with spelled-out letters ("M -H -M.", "M .A .D.") as one murmur: that is how
    Whisper writes an "mm-hmm" it cannot place."""
    return _WORD.findall(_SPACED_HYPHEN.sub("-", _SPELLED.sub(" mhm ", text.lower())))


# How Whisper (tiny.en) writes a short "oh" it heard at the start of a murmur: "Oh no." comes back as
# "Well, no." (twice in the benchmark's 15 two-mic conversations, each counted as an interruption).
_MISHEARD_OH = {"well"}


def is_backchannel_text(text: str, max_words: int) -> bool:
    """Empty (Whisper often drops "mm-hmm") or only short supportive tokens."""
    tokens = _tokens(text)
    if not tokens:
        return True
    if tokens[0] in _MISHEARD_OH and 1 < len(tokens) <= max_words:
        tokens = ["oh", *tokens[1:]]  # "Well, no." → "oh no"; "well" alone or before words stays a word
    if len(tokens) == 1 and len(tokens[0]) <= 2 and tokens[0].isalpha() and tokens[0] not in CUT_IN_WORDS:
        # One tiny word ("I", "a", "uh") for a short sound is how Whisper writes a murmur it misheard.
        return True
    if len(tokens) > max_words:
        return False
    if not all(t in BACKCHANNEL_TOKENS or _HUM.fullmatch(t) for t in tokens):
        return False
    return not all(t in _NOT_ALONE for t in tokens)


class _Timeline:
    """Each speaker's turns, searchable by time."""

    def __init__(self, turns: list[Turn]):
        self.by_speaker: dict[str, list[Turn]] = {}
        for t in turns:
            self.by_speaker.setdefault(t.speaker, []).append(t)
        self.starts = {k: [t.start for t in v] for k, v in self.by_speaker.items()}

    def others(self, speaker: str) -> list[str]:
        return [k for k in self.by_speaker if k != speaker]

    def at(self, speaker: str, time: float) -> Turn | None:
        """The speaker's turn that is going on at ``time`` (started before, ends after)."""
        i = bisect.bisect_right(self.starts[speaker], time) - 1
        if i >= 0 and self.by_speaker[speaker][i].end > time:
            return self.by_speaker[speaker][i]
        return None

    def recent(self, speaker: str, since: float, until: float) -> list[Turn]:
        """The speaker's turns that end at or after ``since`` and start by ``until`` (one speaker's turns
        do not overlap, so their ends are in order too)."""
        turns = self.by_speaker[speaker]
        hi = bisect.bisect_right(self.starts[speaker], until)
        lo = hi
        while lo > 0 and turns[lo - 1].end >= since:
            lo -= 1
        return turns[lo:hi]

    def last_end_before(self, speaker: str, time: float) -> float | None:
        i = bisect.bisect_right(self.starts[speaker], time) - 1
        return self.by_speaker[speaker][i].end if i >= 0 else None

    def next_start_after(self, speaker: str, time: float) -> float | None:
        i = bisect.bisect_left(self.starts[speaker], time)
        return self.starts[speaker][i] if i < len(self.starts[speaker]) else None


def floor_events(turns: list[Turn], options: AnalysisOptions, timeline: _Timeline | None = None) -> list[Event]:
    """Backchannels and interruptions, for every speaker (``timeline``: of ``turns``, if already built)."""
    timeline = timeline or _Timeline(turns)
    events: list[Event] = []
    for whole in turns:
        for turn in _split_leading_backchannel(whole, options):
            events += _floor_event(turn, timeline, options)
    return events


def _floor_event(turn: Turn, timeline: _Timeline, options: AnalysisOptions) -> list[Event]:
    for other in timeline.others(turn.speaker):
        held = timeline.at(other, turn.start)
        if _is_backchannel(turn, other, timeline, options):
            return [Event("backchannel", turn.speaker, turn.start, turn.end, turn.text, {"during": other})]
        if held is None or turn.start - held.start < options.mid_utterance_s:
            continue
        if _is_backchannel(held, turn.speaker, timeline, options):
            continue  # carrying on over the other's "mm-hmm" in one's pause: they never held the floor
        if held.end - turn.start < options.interruption_min_overlap_s:
            continue  # they were finishing: an early start, not a cut-in
        stopped = turn.end > held.end or _yielded_to(turn, held, other, timeline, options)
        took_floor = held.end - turn.start <= options.took_floor_s and stopped
        detail = {
            "interrupted": other,
            "outcome": "took_floor" if took_floor else "overlapped",
            "overlap_s": round(min(held.end, turn.end) - turn.start, 2),
            "interrupted_text": held.text,
        }
        return [Event("interruption", turn.speaker, turn.start, turn.end, turn.text, detail)]
    return []


def _split_leading_backchannel(turn: Turn, options: AnalysisOptions) -> list[Turn]:
    """ "Yeah, yeah. … I've tried it too": a backchannel, a pause, then a turn of one's own. The two are
    one utterance to the pause-based turn builder, but two events: the cut-in starts after the pause."""
    words = turn.words
    for i in range(1, min(len(words), options.backchannel_max_words + 1)):
        pause = words[i].start - words[i - 1].end
        lead = _said(words[:i])
        if pause >= LEAD_PAUSE_S and words[i - 1].end - turn.start <= options.backchannel_max_s:
            if is_backchannel_text(lead, options.backchannel_max_words):
                rest = words[i:]
                return [
                    Turn(turn.speaker, turn.start, words[i - 1].end, lead, words[:i]),
                    Turn(turn.speaker, rest[0].start, turn.end, _said(rest), rest),
                ]
            break
    return [turn]


def heard_text(turn: Turn, min_probability: float, keep: frozenset[int] = frozenset()) -> str:
    """The words Whisper is reasonably sure of: a murmured "mm-hmm" often comes back as a guessed word
    ("Try.", "I.") with low probability, and must not turn a backchannel into an interruption.
    (Keeping every long word it is unsure of was tried, for echo questions like "Sixteen?" heard as
    "sixteen," at 0.07: murmurs came back as "image him." and "blood." just as unsure.) The words at
    ``keep`` count however unsure: echoes of what the other person has just said, and "wait"."""
    if not turn.words:
        return turn.text
    words = list(enumerate(turn.words))
    if len(words) > 1 and _is_flash_question(turn.words[0], turn.words[1]):
        words = words[1:]
    return " ".join(w.word for i, w in words if w.probability >= min_probability or i in keep)


def _is_flash_question(word: Word, following: Word) -> bool:
    """A question word Whisper gives no time at the start of a burst, apart from what follows it ("what?
    Oh, God.", "though? Amen." for "Oh, God." and "Mm."): a word of the other person's it carried over,
    not one this person said (a cut-in's "What?" is said, and lasts)."""
    return word.word.rstrip().endswith("?") and word.end - word.start <= FLASH_WORD_S \
        and following.start - word.end >= FLASH_GAP_S


def _span(x: Turn | Event) -> tuple[str, float, float]:
    """Who spoke when: what ties an event to the turn it was found in."""
    return x.speaker, x.start, x.end


def _plain(word: str) -> str:
    return "".join(c for c in word.lower() if c.isalnum() or c == "'")


def _echo_key(word: str) -> str:
    """A word as an echo of it would match: lower case, numbers as digits ("Sixteen?" echoes "16."),
    plurals as singulars; "" for words too common to echo anything."""
    key = _plain(word)
    if key in _FUNCTION_WORDS or key in BACKCHANNEL_TOKENS or _HUM.fullmatch(key):
        return ""
    if key.endswith("s") and len(key) > 3 and not key.endswith("ss"):
        key = key[:-1]
    number = _number(word)
    # Ordinals after the plural is gone: "The seconds?" echoes "seconds" as "second", "2".
    key = str(number) if number is not None else _NUMBERS.get(key, key)
    return key if len(key) >= 3 or key.isdigit() else ""


def _number(word: str) -> int | None:
    """ "16", "1,800", "sixteen", "forty-one" as a number; None for any other word."""
    key = "".join(c for c in word.lower() if c.isalnum() or c == "-").strip("-")
    if key.replace("-", "").isdigit():
        return int(key.replace("-", ""))
    tens, _, unit = key.partition("-")
    if tens in _TENS and (not unit or unit in _NUMBERS):
        return _TENS[tens] + (int(_NUMBERS[unit]) if unit else 0)
    return int(_NUMBERS[key]) if key in _NUMBERS else None


def _pair_key(first: str, second: str) -> str:
    """What two words say as one: a number ("18 hundred", "forty one" for "1800", "41") or one word
    Whisper split ("to Ronto," for "Toronto")."""
    n, m = _number(first), _number(second)
    scale = _SCALES.get(_echo_key(second))
    if n is not None and scale:
        return str(n * scale)
    if n is not None and m is not None and n % 10 == 0 and 20 <= n <= 90 and m < 10:
        return str(n + m)
    return _echo_key(_plain(first) + _plain(second))


def _same_word(a: str, b: str) -> bool:
    """The same word, or one Whisper heard a letter off ("Two freshmen?" as "Too freshman."): long words
    only, where one letter changed does not make another common word."""
    if a == b:
        return True
    if len(a) != len(b) or len(a) < 6 or not (a.isalpha() and b.isalpha()):
        return False
    return sum(x != y for x, y in zip(a, b)) == 1


def _echo_spans(words: tuple[Word, ...]) -> list[tuple[str, int, int]]:
    """(key, first word, last word) for each word and for each pair of neighbouring words."""
    spans = [(_echo_key(w.word), i, i) for i, w in enumerate(words)]
    spans += [(_pair_key(a.word, b.word), i, i + 1) for i, (a, b) in enumerate(zip(words, words[1:]))]
    return [s for s in spans if s[0]]


def _echoes(turn: Turn, other: str, timeline: _Timeline) -> frozenset[int]:
    """Which of the turn's words repeat a word the other person finished saying in the seconds before, or
    that they say again just after (answering it): an echo question ("…eighteen hundred pounds."
    "Eighteen hundred?") is a cut-in however quietly Whisper heard it, and a murmur misheard as a word
    does not happen to repeat the partner. A word the other was still saying at that moment is no echo
    (the same word leaking into the other's mic). Two neighbouring words count as one where they say one
    thing ("18 hundred" echoes "1,800")."""
    their = [w for t in timeline.recent(other, turn.start - ECHO_WINDOW_S, turn.end + ECHO_ANSWER_S) for w in t.words]
    said = [(key, their[i].start, their[j].end) for key, i, j in _echo_spans(tuple(their))]
    found = set()
    for key, i, j in _echo_spans(turn.words):
        start, end = turn.words[i].start, turn.words[j].end
        if any(_same_word(k, key) and (start - ECHO_WINDOW_S <= e <= start + ECHO_OVERLAP_S or end <= s <= end + ECHO_ANSWER_S)
               for k, s, e in said):
            found.update(range(i, j + 1))
    return frozenset(found)


def _only_glue(tokens: list[str]) -> bool:
    return bool(tokens) and all(t in _GLUE or (t in BACKCHANNEL_TOKENS and t not in CUT_IN_WORDS) for t in tokens)


def _yielded_to(turn: Turn, held: Turn, other: str, timeline: _Timeline, options: AnalysisOptions) -> bool:
    """The other person talked on into ``turn`` for a moment, stopped as it ended and picked up again
    straight after: they gave way to it ("Sixteen?" "Sixteen. For wiring…"). A murmur is talked through."""
    if not turn.start + YIELD_AFTER_S <= held.end <= turn.end + YIELD_SLACK_S:
        return False
    resumes = timeline.next_start_after(other, turn.start)
    return resumes is not None and resumes - turn.end <= options.backchannel_context_s


def _is_backchannel(turn: Turn, other: str, timeline: _Timeline, options: AnalysisOptions) -> bool:
    """A short supportive sound while the other person holds the floor (talking, or pausing mid-story)."""
    if turn.duration > options.backchannel_max_s:
        return False
    max_words = options.backchannel_max_words
    held = timeline.at(other, turn.start)
    halts = frozenset(i for i, w in enumerate(turn.words) if _echo_key(w.word) in _HALT_WORDS)
    echoes = _echoes(turn, other, timeline)
    heard = heard_text(turn, options.min_word_probability, echoes | halts)
    tokens = _tokens(turn.text)
    agreeing = bool(_AGREEING.fullmatch(" ".join(tokens)))
    if held is not None and not (is_backchannel_text(turn.text, max_words) or agreeing) \
            and _yielded_to(turn, held, other, timeline, options):
        return False  # however unsure Whisper was of its words ("From there," at 0.05 and 0.26 for "From Dana?")
    if held is not None and held.end > turn.end and agreeing:
        return True
    if held is not None and held.end > turn.end and "?" not in turn.text and len(tokens) <= max_words \
            and (_only_glue(tokens) or _only_glue(_tokens(heard))):
        return True  # "And then", "Oh, yeah, that"; "You add." with Whisper unsure of "add"
    # talked on through (past the slack a partner giving way would stop within)
    if held is not None and held.end > turn.end + YIELD_SLACK_S and len(tokens) <= max_words \
            and any(_HUM.fullmatch(t) for t in tokens) and not (halts or echoes):
        return True  # "Mm, what", "hard. Mm": a hum talked through, with a word Whisper put beside it
    if not (is_backchannel_text(turn.text, max_words) or is_backchannel_text(heard, max_words)):
        return False
    if held is not None and held.end > turn.end:
        return True  # entirely inside the other's speech
    before = timeline.last_end_before(other, turn.start)
    after = timeline.next_start_after(other, turn.start)
    if held is not None:
        before = turn.start
    gap = options.backchannel_context_s
    spoke_before = before is not None and turn.start - before <= gap
    resumes = (held is not None and held.end >= turn.end) or (after is not None and after - turn.end <= gap)
    return spoke_before and resumes


def behaviour_events(
    turns: list[Turn], listener: str, options: AnalysisOptions,
    backchannels: set[tuple[str, float, float]] = frozenset(),
    echo_questions: set[tuple[str, float, float]] = frozenset(),
) -> list[Event]:
    """The listener's behaviours per utterance; advice after permission is marked as such.
    ``backchannels`` (speaker, start, end) are turns that were only a backchannel: they say nothing;
    ``echo_questions`` are cut-ins that repeat the partner's last words, asked whatever Whisper's
    punctuation says."""
    events: list[Event] = []
    permission_until = -1.0
    said = [t for t in turns if t.text and _span(t) not in backchannels]
    mine = [t for t in said if t.speaker == listener]
    labels_of = dict(zip((id(t) for t in mine), label_utterances([t.text for t in mine])))
    where = _where_said(mine, labels_of)
    offer = None  # the listener's offer to advise, while the partner has not answered it yet
    just_asked = False  # the partner's last words asked for advice
    for turn in said:
        if turn.speaker != listener:
            just_asked = False
            if declines_advice(turn.text, offer):
                permission_until = -1.0
            elif asks_for_advice(turn.text):
                permission_until = turn.end + options.permission_window_s
                just_asked = True
            offer = None
            continue
        labels = labels_of[id(turn)]
        if just_asked and "advice" not in labels and endorses(turn.text):
            labels = tuple(label for label in BEHAVIOUR_LABELS if label in {*labels, "advice"})
        just_asked = False
        if not labels and _span(turn) in echo_questions:
            labels = ("closed_question",)
        if "permission" in labels:
            permission_until = turn.end + options.permission_window_s
            offer = turn.text
        for label in labels:
            start, end, text = where.get((id(turn), label), (turn.start, turn.end, turn.text))
            detail = {}
            if label == "advice":
                detail["with_permission"] = start <= permission_until
            events.append(Event(label, turn.speaker, start, end, text, detail))
    return events


_SENTENCE_END = re.compile(r"[.!?][\"')\]]*$")


def _sentences_of(turn: Turn) -> list[tuple[Word, ...]]:
    """The turn's words, sentence by sentence as Whisper punctuated them."""
    sentences: list[tuple[Word, ...]] = []
    current: list[Word] = []
    for word in turn.words:
        current.append(word)
        if _SENTENCE_END.search(word.word):
            sentences.append(tuple(current))
            current = []
    if current:
        sentences.append(tuple(current))
    return sentences


def _where_said(mine: list[Turn], labels_of: dict[int, tuple[str, ...]]) -> dict[tuple[int, str], tuple[float, float, str]]:
    """Where in a turn of several sentences each of its labels was said: from the first sentence that
    carries it on its own to the last, so that "Just sign up with the agency. Sorry. Ignore me. You're
    torn…" is advice for its first sentence only, not for the reflection after it. A label no sentence
    carries alone (a yes that answers a request for advice) stays with the whole turn."""
    sentences_of = {id(turn): sentences for turn in mine if labels_of[id(turn)]
                    for sentences in [_sentences_of(turn)] if len(sentences) > 1}
    parts = [(key, i, sentence) for key, sentences in sentences_of.items() for i, sentence in enumerate(sentences)]
    carried: dict[tuple[int, str], list[int]] = {}
    for (key, i, _), labels in zip(parts, label_utterances([_said(sentence) for _, _, sentence in parts])):
        for label in set(labels) & set(labels_of[key]):
            carried.setdefault((key, label), []).append(i)
    where = {}
    for (key, label), indices in carried.items():
        words = [w for sentence in sentences_of[key][min(indices): max(indices) + 1] for w in sentence]
        where[(key, label)] = (words[0].start, words[-1].end, _said(words))
    return where


def _said(words: Iterable[Word]) -> str:
    """Words as text (Whisper's words come stripped: ``transcribe._unpack_word``)."""
    return " ".join(w.word for w in words)


def detect_events(turns: Iterable[Turn], listener: str | None, options: AnalysisOptions) -> list[Event]:
    turns = sorted(turns, key=lambda t: (t.start, t.end))
    timeline = _Timeline(turns)
    events = floor_events(turns, options, timeline)
    if listener is not None:
        backchannels = {_span(e) for e in events if e.type == "backchannel"}
        cut_ins = {_span(e) for e in events if e.type == "interruption"}
        echo_questions = {
            _span(t) for t in turns
            if t.speaker == listener and _span(t) in cut_ins
            and len(_tokens(t.text)) <= ECHO_QUESTION_WORDS
            and any(_echoes(t, other, timeline) for other in timeline.others(t.speaker))
        }
        events += behaviour_events(turns, listener, options, backchannels, echo_questions)
    events.sort(key=lambda e: (e.start, e.end, e.type))
    return events
