"""Listening behaviours in one utterance: advice, permission, questions, reflections, validation,
self-focus and judgment.

Rules first: they are fast, deterministic and explainable to the person being coached ("you said
'have you tried…'"). The phrase tables live in ``coach.behaviour_rules``; this module decides *where*
in an utterance they apply. Beside them a small sentence model (``coach.tagmodel``) adds reflection,
validation, self-focus or judgment where it is confident and the rules have not read the form
otherwise: people say those in more ways than any table lists (on a blind set, self-focus recall
0.48 with rules alone). It also adds advice and offers of it the rules missed, only where it is nearly
certain (hints by example, advice Whisper garbled past the phrase tables).

Coding conventions (close to MITI 4.2 where it has an answer):

- An utterance may carry several labels, or none ("mm-hmm", "okay, go on").
- Questions are recognised by form, with or without "?": a wh-word opening a clause is an open
  question, an auxiliary before its subject ("did you", "is he") a closed one. "Tell me more",
  "walk me through it" and "can you say more?" are open questions (MITI counts them so).
- A statement ending in "?" is a closed question, except a reflection ("so you feel betrayed?"):
  MITI codes reflections by their content, rising voice or not. A tag ("…, right?", "…, no?")
  does not make a question either; a full auxiliary tag ("you're worn out, aren't you?") does, by
  form: reflection + closed question (a tagged judgment stays judgment only).
- A wh-cleft ("what hurts most is…", "who you're angry at is yourself") is a statement, never a
  question; it is a reflection when it is about the partner ("what I'd do is…" is advice).
- Reported speech told *to the partner* ("he keeps telling you to calm down") and "so <someone>
  said…" recount the partner's story: reflection (closed question with "?"). The partner's own
  thoughts ("you're wondering if you should…") are theirs: reflection, never advice or judgment.
- Advice phrased as a yes/no question ("have you tried…?", "could you ask…?", "did you try…?")
  is advice *and* a closed question: it does ask, and the partner can answer. Suggestions that only
  wear a wh-form ("why don't you…", "why not…", "how about…", "what if you…") are advice only:
  MITI would code them as Persuade, never as a Question. Advice ending in "?" ("maybe try X?")
  stays advice only.
- Asking permission ("can I share an idea?") is permission *and* a closed question (MITI codes the
  ask as a Question); stated permission ("I have an idea, if you want it") is permission only.
  Whatever the permission ask itself suggests ("can I tell you what I'd do?") is not advice.
- Directives about feelings ("calm down", "don't worry", "cheer up", "get over it", "look on the
  bright side", "you shouldn't feel that way") are judgment, not advice: they minimise rather than
  suggest something to do. Hindsight ("you should have told him") is judgment too.
- Rhetorical blame ("why would you even do that", "what did you expect") is judgment, not a question.
- "That sounds hard" / "that must have been scary" (about the situation) is validation;
  "you must have felt scared" (about the person's inner state) is reflection.
- Reported speech ("my dad said I should quit", "she told me to just ignore it") is never the
  listener's behaviour: the quoted part is dropped before any rule runs.
"""

from __future__ import annotations

import hashlib
import re
from functools import lru_cache
from pathlib import Path
from typing import Callable, Sequence

from coach import behaviour_rules as R
from coach.types import BEHAVIOUR_LABELS

_SENTENCE = re.compile(r"([^.!?;]+)([.!?;]*)")
# "so" joins clauses only before a new subject or wh-word; "I'm so sorry" is an intensifier.
_CLAUSE_SPLIT = re.compile(
    r",|\b(?:and|but|then|cause|because)\b"
    r"|\bso\b(?=\s+(?:you|youre|youve|i|im|ive|he|she|they|we|it|its|thats|that|maybe|just|basically|what|how|why|if|then)\b)"
)
# Verbs too common to be a suggestion on their own: "look" is a discourse marker, "think" an opinion.
_VAGUE_VERBS = frozenset({"look", "think", "stand", "sit", "reach", "make"})
_VAGUE_VERB_OK = re.compile(r"^\s*(?:for|into|after|up|out|about (?:it )?(?:tomorrow|overnight)|a list|time|plans?|an? appointment|(?:them|him|her|everyone) (?:both |all )?down)\b")
_PERSON_OBJECT_VERBS = frozenset({"tell", "ask", "call", "text", "email", "let", "give"})
_SUBJECT_AFTER = re.compile(r"^\s*(?:you|i|we|they|he|she)\b(?!\s+(?:know|that|what|how))")
_BE_OK = re.compile(r"^\s*(?:honest|nicer|kind|kinder|careful|patient|firm|clear|direct|gentle|upfront|brave|yourself|open|straight)\b")

# A report of what was said *to* the partner ("he keeps telling you…") recounts their story.
_RECOUNT = re.compile(r"\b(?:told|tells|telling) you\b")
# The partner's own thoughts and words ("you're wondering whether you should…", "you said you
# should have…"): the content is theirs, so it is no advice or judgment from the listener.
_PARTNER_MIND = re.compile(
    r"""(?P<frame>(?<!do\ )(?<!did\ )\byou(?:re|\ are)?\ (?:really\ |kind\ of\ |sort\ of\ |kinda\ |still\ |also\ |just\ )?
    (?:thinking|wondering|considering|asking\ yourself|not\ sure|unsure|feel\ like|felt\ like|feel\ that|think|mentioned|said|were\ saying|told\ (?:me|him|her|them|us))\b
    |\b(?:a\ )?(?:part|bit|half)\ of\ you\ (?:really\ |still\ |also\ )?(?:thinks|is\ thinking|wonders|is\ wondering|feels\ like|hopes|reckons|suspects|knows|believes|says)\b)
    [^,]*?(?=,|\band\b|\bbut\b|$)""", re.VERBOSE)
# A full auxiliary tag ("…, aren't you?", "…, didn't it", "…, do you?") does ask, by form.
_NEG_AUX = r"(?:dont|doesnt|didnt|isnt|arent|wasnt|werent|havent|hasnt|cant|couldnt|wont|wouldnt|shouldnt)"
_AUX_TAG = re.compile(rf"(?<=\w)(?!,\s*do\s+it\b)(?:,\s*{R.AUX}|\s+{_NEG_AUX})\s+(?:you|it|he|she|they|we|i|there|that)\s*\??\s*$")
# A wh-clause used as a subject ("what hurts most is…", "who you're angry at is yourself"): no
# inversion after the wh-word, a copula later on, and a subject or verb of its own ("what time is it").
_WH_CLEFT = re.compile(
    rf"""^(?:what|how|why|who|when|where|whats)\ (?!{R.AUX}\b)(?P<wh>(?:(?!(?:is|was)\b)\w+\ ){{1,8}}?)
    (?<!that\ )(?<!which\ )(?<!who\ )(?:is|was)\b(?!\ it\b)""", re.VERBOSE)
_CLEFT_CLAUSE = re.compile(r"\b(?:you|youre|youve|your|i|im|id|it|its|he|she|they|we|\w{2,}(?<!thi)(?<!ye)(?<![su])s|\w+ed|\w+ing)\b")


_RIGHT_DOWN = re.compile(
    r"(?P<lead>(?:^|(?<=[.!?]\s))(?:(?:maybe|just|and|so|then|okay|ok)[,\s]+)?)right down\b"
    r"(?=\s+(?:(?:the|a)\b(?!\s+(?:road|street|hall|corridor|middle|line|hill|lane|path|stairs|back))|your|what|everything|all|some|exactly|any|how|when|why|who)\b)")


def normalise(text: str) -> str:
    """Lower-case, apostrophe-free, filler-free text with single spaces.

    Dropping apostrophes rather than expanding contractions lets one pattern ("youre") match typed
    "you're", "youre" from a phone and Whisper's "you're" alike.
    """
    t = text.lower().replace("\u2019", "'").replace("\u2018", "'").replace("`", "'")
    # Contractions whose apostrophe-free spelling is another word ("we'll" -> "well").
    t = re.sub(r"\b(we|he|she|i|they)'ll\b", r"\1 will", t)
    t = re.sub(r"\b(we|he|she|it|that)'d\b", r"\1 would", t)  # "it'd be worth…" as the rules spell it
    t = re.sub(r"\bwe're\b", "we are", t)
    t = t.replace("'", "")
    t = re.sub(r",\s*you know\s*\?", ".", t)  # a tag that asks nothing ("I just feel stuck, you know?")
    t = re.sub(r"[\u2014\u2013:]|--", ",", t)
    t = re.sub(r"\bu\b", "you", re.sub(r"\bur\b", "your", t))
    # tiny.en's "Right down the dates…" for "Write down…": said first, it is no place on a road
    t = _RIGHT_DOWN.sub(r"\g<lead>write down", t)
    t = re.sub(r"[^\w\s,.!?;]", " ", t)
    t = R.FILLER_BETWEEN_COMMAS.sub(" ", t)  # "it makes, like, total sense" is one phrase
    t = R.FILLERS.sub(" ", t)
    t = re.sub(r"\s+", " ", t).strip()
    t = R.FILLER_I_MEAN.sub(" ", t)
    t = R.FILLER_YOU_KNOW.sub(" ", t)
    t = R.FILLER_LIKE.sub(" ", t)
    t = re.sub(r"\s*,[\s,]*", ", ", t)
    t = re.sub(r"\s+", " ", t).strip(" ,")
    for _ in range(2):  # "how do you, how do you even feel" -> "how do you even feel"
        t = R.REPEAT.sub(r"\1", t)
    t = re.sub(r"\s+([,.!?;])", r"\1", t)
    t = re.sub(r",\s*,", ",", t)
    return re.sub(r"\s+", " ", t).strip(" ,")


def _sentences(norm: str) -> list[tuple[str, bool]]:
    out = []
    for body, punct in _SENTENCE.findall(norm):
        body = body.strip(" ,")
        if body:
            out.append((body, "?" in punct))
    return out


def _drop_quotes(body: str) -> tuple[str, bool]:
    """Cut a sentence at the first reported-speech frame: what follows is someone else's words.

    Also says whether the report recounts the partner's own story ("he keeps telling you to calm
    down", "so your dad said you were overreacting"): the listener is then reflecting.
    """
    frames = list(R.QUOTE_FRAME_LIKE.finditer(body))
    frames += [
        m for m in R.QUOTE_FRAME.finditer(body)
        if not R.NOT_QUOTE.search(body[max(0, m.start() - 10): m.end()])
    ]
    if not frames:
        return body, False
    first = min(frames, key=lambda m: m.start())
    before = body[: first.start()].strip(" ,")
    # "so your dad said…" sums up the partner's story; "so I told him…" is the listener's own.
    recount = bool(_RECOUNT.search(first.group(0))) or (before == "so" and not re.match(r"(?:i|we)\b", first.group(0)))
    return before, recount


def _strip_lead(s: str) -> str:
    return R.LEAD.sub("", s).strip(" ,")


def _clauses(body: str) -> list[str]:
    return _cleaned(_CLAUSE_SPLIT.split(body))


def _cleaned(parts: list[str]) -> list[str]:
    """Clause texts without their commas and lead words; empty ones dropped."""
    return [c for c in (_strip_lead(p.strip(" ,")) for p in parts) if c]


# A verb after "and" that shares the "to" or the modal before it ("…the courage to come here and talk
# about it", "maybe I'll just quit and go travelling") is no command of its own.
_SHARED_VERB = re.compile(
    r"(?:\b(?:will|would|can|could|might|should|must|gonna|wanna)"
    r"|\b(?:wants?|wanted|needs?|needed|have|has|going|got|trying|tries|try|likes?|loves?|hates?|decided|plans?|planning|hoping|ready|able|afraid|scared|"
    r"courage|nerve|guts|time|chance)\s+to)"  # "to" of an infinitive, not of "one to one" or "back to work"
    r"\s+(?:just\s+|really\s+|probably\s+|honestly\s+)?\w+(?:\s+\w+){0,4}\s*$"
)


def _own_clauses(body: str) -> list[str]:
    """``_clauses`` without those that go on with the verb phrase before an "and"."""
    parts = re.split(f"({_CLAUSE_SPLIT.pattern})", body)
    kept, before = [parts[0]], parts[0]
    for sep, clause in zip(parts[1::2], parts[2::2]):
        shared = _SHARED_VERB.search(before) if sep == "and" else None
        # ...unless the partner is told it: "you need to chill and get some sleep" suggests the sleep.
        if not shared or re.search(r"\b(?:you|u)\s+(?:\w+\s+)?$", before[: shared.start()]):
            kept.append(clause)
        before = clause if clause.strip() else before  # ", and": the text before the comma
    return _cleaned(kept)


def _is_imperative(clause: str) -> bool:
    """A clause that opens with a suggestion verb: "just ignore them", "don't sign anything"."""
    if R.IMPERATIVE_NOT.match(clause):
        return False
    m = R.IMPERATIVE.match(clause)
    if not m:
        return False
    verb, rest = m.group("verb"), m.group("rest")
    if verb == "be":  # "be honest with him", not "be right back"
        return bool(_BE_OK.match(rest))
    if verb == "do":  # "just do it", "do a budget together", not "do you think so" or "do a lot of people…"
        return bool(re.match(R.DO_IT, f"do{rest}") or re.match(r"^\s*(?:a|an)\s+(?!lot\b|few\b|couple\b|bit\b)\w+", rest))
    if verb == "have":  # "have a word with him", not "have you eaten"
        return bool(re.match(
            r"^\s*(?:a|an)\s+(?:\w+\s+)?(?:word|chat|think|go|rest|break|talk|lie|look\b(?!\s+at\s+(?:this|that|these|those|my|me|it)\b))\b",
            rest))
    if verb in _VAGUE_VERBS and not _VAGUE_VERB_OK.match(rest):
        return False
    # A verb followed by a subject is a question or a statement ("see you", "make you feel"),
    # except for verbs that take a person as object ("tell him you need time").
    return verb in _PERSON_OBJECT_VERBS or not _SUBJECT_AFTER.match(rest)


def _cleft(body: str) -> str | None:
    """The subject clause of a wh-cleft ("what hurts most is…" -> "hurts most"), or None."""
    m = _WH_CLEFT.match(_strip_lead(body))
    return m.group("wh") if m and _CLEFT_CLAUSE.search(m.group("wh")) else None


def _untag(body: str) -> str:
    """A statement without its auxiliary tag ("you love him, don't you" -> "you love him")."""
    core = _AUX_TAG.sub("", body)
    if core == body or not core or R.OPEN_START.match(core) or R.CLOSED_START.match(_strip_lead(core)):
        return body
    return core


def _question(body: str, qmark: bool, other: set[str]) -> str | None:
    """The question label for one sentence, or None."""
    untagged = R.TAG.sub("", body)
    if untagged != body:
        qmark = False
    # "you're worn out, aren't you?" asks for confirmation by form; a rhetorical one only blames.
    if _untag(untagged) != untagged:
        return None if other & {"advice", "judgment"} else "closed_question"
    if _cleft(untagged) is not None:  # "what hurts most is…" states, it does not ask
        return None
    core = _strip_lead(untagged)  # "Okay, tell me what happened" invites as "tell me what happened" does
    if R.OPEN_INVITE.search(untagged) or R.OPEN_INVITE.match(core) or (qmark and R.OPEN_BARE.match(untagged)):
        return "open_question"
    if not core:
        return None
    wh_start = bool(R.OPEN_START.match(core))
    if wh_start and not R.WH_NOT_QUESTION.match(core):
        return "open_question"
    if not wh_start and (R.CLOSED_START.match(core) or R.ELLIPTIC_CLOSED.match(core)):
        return "closed_question"
    # "when you say you're done, what does done look like": the question is a later clause.
    for clause in _clauses(untagged)[1:]:
        relative = clause.startswith("which ")  # "…, which is completely natural"
        if R.OPEN_START.match(clause) and not R.WH_NOT_QUESTION.match(clause) and (
            qmark or (not relative and (R.WH_MID_QUESTION.match(clause) or re.match(rf"^{R.WH}\s+{R.AUX}\b", clause)))
        ):
            return "open_question"
        # "…and do your own thing" is an imperative; a later clause asks only with a pronoun subject
        # ("…and do it herself" urges: "it" after "do" is what is done, never who does).
        if R.CLOSED_START.match(clause) and (qmark or re.match(rf"^(?!do\ it\b){R.AUX}\s+(?:i|you|he|she|it|we|they)\b", clause)):
            return "closed_question"
    if wh_start:  # a rhetorical or advice wh-clause ("why don't you…", "who does that?") asks nothing
        core, qmark = ", ".join(_clauses(core)[1:]), False
    if R.WH_MID_QUESTION.search(core):
        return "open_question"
    m = R.CLOSED_MID.search(core)
    # "the bit that hurts is that she…", "the truth is that he…" state; they do not ask.
    if m and not re.search(rf"\b{R.WH}\s+(?:\w+\s+)?$|\b(?:if|whether|than|as)\s+$|"
                           r"\b(?:hurts|stings|matters|thing|bit|part|problem|point|truth|issue|fact|worst|trouble)\s+$",
                           core[: m.start()]):
        return "closed_question"
    if qmark and not other & {"advice", "reflection", "judgment"}:
        return "closed_question"
    return None


def _label_sentence(body: str, qmark: bool, heard_judgment: bool = False) -> set[str]:
    """``heard_judgment``: the sentence model hears blame the phrase tables do not list."""
    labels: set[str] = set()
    tagged, body = body, _untag(body)
    clauses = _clauses(body)
    # What the partner thinks or said ("you're wondering if you should…") is not the listener's.
    own = _PARTNER_MIND.sub(r"\g<frame>", body)
    judgment = bool(R.JUDGMENT.search(own))
    if judgment:
        labels.add("judgment")
    permission = bool(R.PERMISSION.search(body))
    # A sentence of one bare verb ("Phone.") is a fragment, on one microphone most often the partner's
    # last word given to the listener; "just leave" or "call her" is a suggestion.
    imperative = len(own.split()) > 1 and any(map(_is_imperative, _own_clauses(own)))
    if permission:
        labels.add("permission")
    elif (
        (R.ADVICE.search(own) or R.ADVICE_INDIRECT.search(own)) and not R.ADVICE_NOT.search(own)
    ) or imperative:
        labels.add("advice")
    if R.VALIDATION.search(body) and not R.VALIDATION_NOT.search(body):
        labels.add("validation")
    if R.SELF_FOCUS.search(body) or any(R.SELF_TOO.match(_strip_lead(c)) for c in body.split(",")):
        labels.add("self_focus")
    # A judgment dressed as a reflection ("it sounds like you're being paranoid") is a judgment.
    reflective = body
    if judgment:
        reflective = ", ".join(c for c in body.split(",") if not R.JUDGMENT.search(c))
    cleft = _cleft(body)
    if not permission and (
        R.REFLECTION.search(reflective)
        or (not (judgment or heard_judgment)
            and any(R.REFLECT_YOU.match(c) and not (imperative and re.search(R.PURPOSE + re.escape(c), body))
                    for c in clauses))
        or (cleft and "advice" not in labels and R.CLEFT_ABOUT_YOU.search(cleft))
    ):
        labels.add("reflection")
    q = _question(tagged, qmark, labels)
    if q:
        labels.add(q)
    return labels


def _own_sentences(norm: str) -> list[tuple[str, bool, bool]]:
    """Each sentence of normalised text as (the listener's own words, asked with "?", recounts the
    partner's story): reported speech is cut off."""
    return [(*_drop_quotes(body), qmark) for body, qmark in _sentences(norm)]


def _rules_on(sentences: list[tuple[str, bool, bool]], heard_judgment: bool = False) -> set[str]:
    found: set[str] = set()
    for body, recount, qmark in sentences:
        if recount:
            found.add("closed_question" if qmark else "reflection")
        if body:
            found |= _label_sentence(body, qmark, heard_judgment)
    return found


def rule_labels(text: str) -> tuple[str, ...]:
    """The listening behaviours the rules find in one utterance, in ``BEHAVIOUR_LABELS`` order."""
    found = _rules_on(_own_sentences(normalise(text)))
    return tuple(label for label in BEHAVIOUR_LABELS if label in found)


SENTENCE_LABELS = {"advice"}
_MODEL_SENTENCE = re.compile(r"(?<=[.!?])\s+")


def _model_sentences(text: str) -> list[str]:
    """The sentences of a turn of more than one, as typed (the model was trained on such text)."""
    parts = [p.strip() for p in _MODEL_SENTENCE.split(text.strip()) if len(p.split()) >= 3]
    return parts if len(parts) > 1 else []


def label_utterances(
    texts: Sequence[str], model_labels: Callable[[list[str]], list[set[str]]] | None = None
) -> list[tuple[str, ...]]:
    """The listening behaviours in each utterance of the listener: what the rules find, and what the
    sentence model (``tagmodel.py``) is confident of among the labels of meaning, and advice or an offer
    of it that the model is nearly certain of where the rules find neither. ``model_labels``
    stands in for the model (its training asks which labels the gates below would let through)."""
    if model_labels is None:
        from .tagmodel import labels_of as model_labels

    norms = [normalise(t) for t in texts]
    sentences = [_own_sentences(n) for n in norms]
    by_rules = [_rules_on(s) for s in sentences]
    # The model hears the listener's own words only: an utterance that is all reported speech is not.
    spoken = [i for i, s in enumerate(sentences) if any(_strip_lead(body) for body, _, _ in s)]
    by_model = dict(zip(spoken, model_labels([texts[i] for i in spoken])))
    # Advice inside a longer turn ("So the waiting's worse. Maybe plan something for the evenings. A walk,
    # anything.") is drowned by the sentences around it: the model also hears each sentence alone.
    # A suggestion asked in a sentence of its own ("That's scandalous. Have you looked at whether the fund
    # covers you?") is not silenced by a judgment in another sentence, as the whole turn's advice is.
    parts = [(i, p) for i in spoken for p in _model_sentences(texts[i])]
    asked: dict[int, set[str]] = {}
    for (i, part), found in zip(parts, model_labels([p for _, p in parts])):
        by_model[i] = by_model[i] | (found & SENTENCE_LABELS)
        if "advice" not in found:
            continue
        own = set(rule_labels(part))
        if own & {"open_question", "closed_question"} and "judgment" not in own:
            asked[i] = _agreeing({"advice"}, by_rules[i] - {"judgment"}, norms[i])
    out = []
    for i, rules in enumerate(by_rules):
        added = _agreeing(by_model.get(i, set()), rules, norms[i]) | asked.get(i, set())
        if "judgment" in added - rules:
            # "you did wait until the night before" says back what the partner did, and blames: the
            # rules read a plain "you did…" as a reflection only when nobody hears blame in it.
            rules = _rules_on(sentences[i], heard_judgment=True)
        out.append(tuple(label for label in BEHAVIOUR_LABELS if label in rules | added))
    return out


# What the sentence model may not add to what the rules found. An embedding hears the topic, not the
# stance: "you're not overreacting" sits next to "you're overreacting", "do you feel trapped?" next to
# "you feel trapped". Where the rules read the form, they decide.
_MODEL_YIELDS_TO = {
    "advice": {"permission", "judgment"},
    "permission": {"advice"},
    "judgment": {"validation"},
    "validation": {"judgment"},
    "reflection": {"open_question", "closed_question", "judgment", "validation"},
    "self_focus": set(),
}


# A judgment has someone it judges ("maybe I'm overreacting" is the partner's own doubt), a story
# of one's own has oneself in it ("it's been such a heavy year for you" is not), and an offer of
# advice has someone it is made to. Advice need not address anyone: "a mate of mine got his deposit
# back just by mentioning the scheme" is a hint, which the model tells from a story of one's own.
_ADDRESSED = re.compile(r"\b(?:you|your|youre|youve|youd|youll|yourself|u|ur)\b")
_NEEDS_WORD = {
    "judgment": re.compile(r"\b(?:you|your|youre|yourself|he|she|they|him|her|them|his|their|hes|shes|theyre)\b"),
    "self_focus": re.compile(r"\b(?:i|im|ive|id|me|my|mine|myself|we|were|weve|our|us)\b"),
    "permission": _ADDRESSED,
}


# Idioms whose form the model takes for the label: hindsight that only tells a story.
_RULED_OUT = {
    "judgment": R.STORY_SHOULD_HAVE,
    # the speaker's own plan ("maybe I'll just quit"), what anyone could see or hear, a risk ("you could
    # lose the deposit")
    "advice": re.compile(r"\b(?:ill|i\ will|im\ going\ to|im\ gonna|why\ dont\ i|maybe\ i|should\ i|shall\ i)\b"
                         r"|\byou\ (?:could|can|couldnt|cant)\ (?:see|hear|tell|feel|smell)\b"
                         r"|\byou\ (?:could|might|may)\ (?:lose|end\ up|get\ (?:hurt|fired|sacked|sick|burned|burnt|in\ trouble))\b"),
}


def _agreeing(model: set[str], rules: set[str], norm: str) -> set[str]:
    """The model's labels that the rules and the utterance's words (``norm``, normalised) allow."""
    return {
        label for label in model
        if not _MODEL_YIELDS_TO.get(label, set()) & rules
        and (label not in _NEEDS_WORD or _NEEDS_WORD[label].search(norm))
        and not (label in _RULED_OUT and _RULED_OUT[label].search(norm))
        # told to nobody and praising what was done ("ringing the police was the right call"), it is
        # the validation the rules found, not advice
        and not (label == "advice" and "validation" in rules and not _ADDRESSED.search(norm))
    }


def label_utterance(text: str) -> tuple[str, ...]:
    """The listening behaviours in one utterance of the listener, in ``BEHAVIOUR_LABELS`` order.

    >>> label_utterance("That sounds hard. Have you tried talking to her?")
    ('advice', 'closed_question', 'validation')
    >>> label_utterance("my dad said I should just quit")
    ()
    """
    return label_utterances([text])[0]


def asks_for_advice(text: str) -> bool:
    """True when the partner asks for advice or lets the listener give it.

    "What should I do?", "any ideas?", "yes please", "sure, go ahead" open a permission window;
    "no thanks, I just need to vent" or a quoted question ("she asked what should I do") do not,
    nor does a bare "yeah": partners say it to agree with a reflection far more often than to invite
    advice, and the yes to the listener's own offer needs no window (the offer opened one).
    """
    norm = normalise(text)
    if not norm or R.ADVICE_REFUSED.search(norm):
        return False
    for body, _ in _sentences(norm):
        body, _ = _drop_quotes(body)
        if body and R.ASKS_FOR_ADVICE.search(body):
            return True
    return False


def endorses(text: str) -> bool:
    """True when the listener's first sentence says yes in their own voice ("Yeah, I would."): advice
    when it answers the partner's request for it."""
    sentences = _sentences(normalise(text))
    return bool(sentences and R.ENDORSES.match(sentences[0][0]))


def declines_advice(text: str, offer: str | None = None) -> bool:
    """True when the partner turns advice down: "no thanks", "I just need to vent", or a plain "no"
    in answer to ``offer``, the listener's offer to advise just before (unless that offer asked
    whether they would mind)."""
    norm = normalise(text)
    if not norm:
        return False
    if R.ADVICE_REFUSED.search(norm):
        return True
    sentences = _sentences(norm)
    return bool(
        offer is not None and sentences and R.DECLINES_OFFER.search(sentences[0][0])
        and not R.OFFER_ASKS_IF_MINDED.search(normalise(offer))
    )


@lru_cache(maxsize=1)
def labeller_version() -> str:
    """12 hex digits that change whenever the rules or the sentence model do. Saved with each session,
    so a comparison can say when the labels changed because the coach did."""
    from .tagmodel import fingerprint

    digest = hashlib.sha256()
    for module_file in (R.__file__, __file__):
        digest.update(Path(module_file).read_bytes())
    digest.update(fingerprint().encode())
    return digest.hexdigest()[:12]
