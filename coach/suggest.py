"""What an attentive listener might have said instead of advice or an interruption.

Deliberately simple and honest: a reflection of what the partner had just said (one of their last
clauses with "I" turned into "you": one naming a feeling if there is one, a finished one if they were
cut off, never a question of theirs), followed by an open question. It is a starting point for the
listener to put in their own words, not a script; when the partner's words were not made out, a plain
invitation instead.
"""

from __future__ import annotations

import re
from typing import Any, Mapping

MAX_WORDS = 14  # a reflection is short: a longer clause is split, or a shorter one chosen
MIN_WORDS = 3
LOOK_BACK = 3  # clauses considered, from the end

# First person (the partner) becomes second person (what the listener says back).
_SWAP = {
    "i": "you", "i'm": "you're", "im": "you're", "i've": "you've", "i'd": "you'd", "i'll": "you'll",
    "me": "you", "my": "your", "mine": "yours", "myself": "yourself",
    "we": "you", "we're": "you're", "we've": "you've", "we'd": "you'd", "we'll": "you'll",
    "us": "you", "our": "your", "ours": "yours", "ourselves": "yourselves",
}
# Verbs that follow "I" change with it ("I am" → "you are", "I was" → "you were").
_AFTER_I = {"am": "are", "was": "were"}
_FILLERS = re.compile(r"\b(?:um+|uh+|erm|er|hmm+|you know|i mean|kind of|sort of)\b[,]?\s*", re.IGNORECASE)
_LEADING = re.compile(
    r"^(?:and|but|so|because|cause|like|well|oh|okay|ok|yeah|yes|yep|exactly|honestly|of course|anyway)\b[,]?\s*",
    re.IGNORECASE,
)
# A clause and the mark that ends it ("" for words the text stops on).
_CLAUSE = re.compile(r"([^.!?;,…]+?)\s*([.!?;,…]+|\s+-+\s+|$)")
# A question is asked, not reflected, even when the transcript left out its question mark.
_QUESTION = re.compile(
    r"^(?:(?:what|why|how|who|where|when|which)\s+(?:would|do|does|did|should|could|can|is|are|was|were|will)"
    r"|(?:do|does|did|should|would|could|can|will)\s+(?:you|i))\b",
    re.IGNORECASE,
)
# Where a long clause may be split: before a conjunction, or before a new first-person subject
# ("…in the stomach | I worked on that report…", where the transcript left out a full stop) unless
# that subject is what someone says or thinks ("my wife thinks I should…").
_SPLIT_BEFORE = {"and", "but", "because", "so", "when", "while"}
_NEW_SUBJECT = {"i", "we"}
_REPORTING = re.compile(
    r"^(?:think|thinks|thought|say|says|said|saying|tell|tells|told|feel|feels|felt|know|knows|knew|guess|"
    r"hope|wish|believe|believes|mean|means|realis\w*|realiz\w*|suppose|worry|worried|afraid|sure|that|like|"
    r"if|when|because|and|but|so)$",
    re.IGNORECASE,
)
# A two-word clause is worth reflecting when it is someone saying how they feel ("I'm upset").
_SHORT_FEELING = re.compile(r"^(?:i'?m|we'?re|i\s+feel|i\s+felt)\s", re.IGNORECASE)
# Words a reflection should not stop on ("…from a sheet of", "…what went").
_DANGLING = {
    "a", "an", "the", "of", "to", "for", "from", "with", "in", "on", "at", "by", "about", "and", "but", "or",
    "that", "what", "who", "which", "when", "if", "because", "so", "my", "your", "his", "her", "their", "our",
    "is", "was", "are", "were", "be", "been", "am", "do", "does", "did", "doesn't", "don't", "didn't", "can",
    "could", "would", "should", "will", "have", "has", "had", "just", "really", "very",
    "i", "we", "he", "she", "they",
}
# A clause that names a feeling is the one most worth reflecting ("you feel so stressed").
_FEELING = re.compile(
    r"\b(?:feel\w*|felt|stress\w*|worr\w*|anxious|scared|afraid|fear\w*|sad|upset|angry|mad|frustrat\w*|"
    r"tired|exhausted|overwhelm\w*|hurt\w*|lonely|alone|hard|difficult|stuck|nervous|confus\w*|guilty|"
    r"ashamed|embarrass\w*|disappoint\w*|annoy\w*|hate|miss\w*|lost|struggl\w*|cop\w*)\b",
    re.IGNORECASE,
)

QUESTION_AFTER_ADVICE = "what feels hardest about it?"
QUESTION_AFTER_INTERRUPTION = "tell me more?"


def suggestion_for(event: Mapping[str, Any], report: Mapping[str, Any]) -> str | None:
    """A reflection plus an open question for an ``advice`` or ``interruption`` event; None otherwise
    (and for advice that was asked for: then there is nothing to improve on)."""
    kind = event.get("type")
    if kind not in ("advice", "interruption"):
        return None
    if kind == "advice" and (event.get("detail") or {}).get("with_permission"):
        return None
    said, cut_off = _partner_words_before(event, report)
    question = QUESTION_AFTER_ADVICE if kind == "advice" else QUESTION_AFTER_INTERRUPTION
    reflection = paraphrase(said, cut_off) if said else None
    if reflection is None:
        return "Mm-hmm… go on." if kind == "interruption" else "What's that been like for you?"
    return f"It sounds like {reflection}… {question}"


def paraphrase(text: str, cut_off: bool = False) -> str | None:
    """The last clause worth reflecting, turned from the speaker's view to the listener's.

    ``cut_off``: the speaker was interrupted, so the words the text stops on are an unfinished clause;
    an earlier, finished one is reflected instead where there is one.
    """
    clauses = _clauses(_FILLERS.sub("", text))
    unfinished = ""
    if cut_off and clauses and not clauses[-1][1]:
        unfinished = clauses[-1][0]
        finished = [c for c in clauses[:-1] if _usable(c)]
        # A fragment alone is reflected only when it says enough on its own ("it felt like a punch in the
        # stomach"), never a few words that stop mid-thought ("I suppose it doesn't").
        if finished or len(_trimmed(unfinished.split())) < MIN_WORDS + 2:
            clauses = clauses[:-1]
    candidates = [text for text, mark in clauses if _usable((text, mark))][-LOOK_BACK:]
    if not candidates:
        return None
    short = [c for c in candidates if len(c.split()) <= MAX_WORDS]
    feeling = [c for c in candidates if _FEELING.search(c)]
    clause = (feeling or short or candidates)[-1]
    words = _shortened(clause.split())
    if clause == unfinished or len(words) < len(clause.split()):
        words = _trimmed(words)  # a clause stopped short, by the speaker or here, must not dangle
    if len(words) < 2:
        return None
    return _in_second_person(words, text)


def _clauses(text: str) -> list[tuple[str, str]]:
    out = []
    for m in _CLAUSE.finditer(text):
        clause = _without_leading(m.group(1).strip())
        if clause:
            out.append((clause, m.group(2).strip()))
    return out


def _without_leading(clause: str) -> str:
    while True:  # "and so, well, …"
        stripped = _LEADING.sub("", clause)
        if stripped == clause:
            return clause
        clause = stripped


def _usable(clause: tuple[str, str]) -> bool:
    text, mark = clause
    enough = len(text.split()) >= MIN_WORDS or (
        len(text.split()) == 2 and _SHORT_FEELING.search(text) and _FEELING.search(text)
    )
    return bool(enough) and "?" not in mark and not _QUESTION.search(text)


def _shortened(words: list[str]) -> list[str]:
    """A clause of at most MAX_WORDS: a long one is split where a new part starts, keeping the part
    that names a feeling (else the first); failing that, cut."""
    if len(words) <= MAX_WORDS:
        return words
    cuts = [
        i for i in range(MIN_WORDS, len(words) - MIN_WORDS + 1)
        if words[i].lower() in _SPLIT_BEFORE
        or (words[i].lower() in _NEW_SUBJECT and not _REPORTING.match(words[i - 1].strip(",:")))
    ]
    parts = [words[a:b] for a, b in zip([0, *cuts], [*cuts, len(words)])]
    parts = [p for p in parts if len(p) <= MAX_WORDS] or [words[:MAX_WORDS]]
    part = next((p for p in parts if _FEELING.search(" ".join(p))), parts[0])
    return _without_leading(" ".join(part)).split()  # a part split off at "and" starts without it


def _trimmed(words: list[str]) -> list[str]:
    words = list(words)
    while words and words[-1].strip(",:").lower() in _DANGLING:
        words.pop()
    return words


def _in_second_person(words: list[str], text: str) -> str:
    out = []
    previous = ""
    for word in words:
        core = word.strip(",:\"'“”‘’()").lower().replace("’", "'")
        tail = word[len(word.rstrip(",:")):]
        if core in _SWAP:
            out.append(_SWAP[core] + tail)
        elif previous == "i" and core in _AFTER_I:
            out.append(_AFTER_I[core] + tail)
        else:
            out.append(word.strip("\"“”()") if core else word)
        previous = core
    phrase = " ".join(out).rstrip(",:")
    first = phrase.split()[0]
    # A sentence's capital goes, a name's stays: a name is capitalised in the middle of sentences too.
    if not re.search(rf"[a-z,] {re.escape(first)}\b", text):
        phrase = phrase[0].lower() + phrase[1:]
    return phrase


def _partner_words_before(event: Mapping[str, Any], report: Mapping[str, Any]) -> tuple[str, bool]:
    """What the other person said up to the moment of the event (the turn they were in or had just ended),
    and whether the event cut them off mid-turn."""
    start = float(event.get("start", 0.0))
    me = event.get("speaker")
    detail = event.get("detail") or {}
    target = detail.get("interrupted")
    best = None
    for turn in report.get("turns", []):
        if turn.get("speaker") == me or (target and turn.get("speaker") != target):
            continue
        if turn["start"] < start - 0.05 and (best is None or turn["start"] > best["start"]):
            best = turn
    if best is None:
        return str(detail.get("interrupted_text") or ""), False
    words = best.get("words") or []
    if words and best["end"] > start:
        # Interrupted mid-turn: only what they had said before being cut off.
        return " ".join(w["word"].strip() for w in words if w["end"] <= start + 0.1), True
    return best.get("text") or "", False
