"""What an attentive listener might have said instead of advice or an interruption.

Deliberately simple and honest: a reflection of what the partner had just said (their last clause, with
"I" turned into "you"), followed by an open question. It is a starting point for the listener to put in
their own words, not a script; when the partner's words were not made out, a plain invitation instead.
"""

from __future__ import annotations

import re
from typing import Any, Mapping

MAX_WORDS = 14
MIN_WORDS = 3

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
_LEADING = re.compile(r"^(?:and|but|so|because|cause|like|well|oh|okay|ok|yeah|anyway)\b[,]?\s*", re.IGNORECASE)
_CLAUSES = re.compile(r"[.!?;,]+|\s+-+\s+|…")

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
    said = _partner_words_before(event, report)
    question = QUESTION_AFTER_ADVICE if kind == "advice" else QUESTION_AFTER_INTERRUPTION
    reflection = paraphrase(said) if said else None
    if reflection is None:
        return "Mm-hmm… go on." if kind == "interruption" else "What's that been like for you?"
    return f"It sounds like {reflection}… {question}"


def paraphrase(text: str) -> str | None:
    """The last clause worth reflecting, turned from the speaker's view to the listener's."""
    clauses = [c.strip() for c in _CLAUSES.split(_FILLERS.sub("", text)) if c and c.strip()]
    candidates = [c for c in clauses if len(c.split()) >= MIN_WORDS][-2:]
    if not candidates:
        return None
    clause = next((c for c in reversed(candidates) if _FEELING.search(c)), candidates[-1])
    while True:  # "and so, well, …"
        stripped = _LEADING.sub("", clause)
        if stripped == clause:
            break
        clause = stripped
    words = clause.split()
    if len(words) < MIN_WORDS - 1:
        return None
    out = []
    previous = ""
    for word in words[:MAX_WORDS]:
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


def _partner_words_before(event: Mapping[str, Any], report: Mapping[str, Any]) -> str:
    """What the other person said up to the moment of the event: the turn they were in or had just ended."""
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
        return str(detail.get("interrupted_text") or "")
    words = best.get("words") or []
    if words and best["end"] > start:
        # Interrupted mid-turn: only what they had said before being cut off.
        return " ".join(w["word"].strip() for w in words if w["end"] <= start + 0.1)
    return best.get("text") or ""
