"""The listening-behaviour rules: hand-written cases per label, hard negatives, invariants.

The cases pin the rules' coding conventions exactly (``rule_labels``); what the sentence model adds on
top is bounded in ``tests/test_tagmodel.py`` and measured on the blind sets by ``bench/tag_bench.py``.
"""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest

from coach.behaviours import asks_for_advice, declines_advice, label_utterance, normalise, rule_labels
from coach.types import BEHAVIOUR_LABELS

UTTERANCES = Path(__file__).resolve().parents[1] / "bench" / "utterances"


def case(*pairs):
    return [pytest.param(text, tuple(labels), id=text[:40]) for text, labels in pairs]


ADVICE = case(
    ("You should call the landlord.", ["advice"]),
    ("you should really think about a new job", ["advice"]),
    ("why don't you just take the day off", ["advice"]),
    ("Why don't you ask her out?", ["advice"]),
    ("if I were you I'd sell it", ["advice"]),
    ("you need to put yourself first", ["advice"]),
    ("the best thing is to wait and see", ["advice"]),
    ("Just ignore them.", ["advice"]),
    ("just ignore them", ["advice"]),
    ("maybe try meditating before bed", ["advice"]),
    ("tell your brother you can't lend him more", ["advice"]),
    ("don't text him back", ["advice"]),
    ("you could always ask for a later shift", ["advice"]),
    ("I'd just quit honestly", ["advice"]),
    ("it might help to take a walk", ["advice"]),
    ("honestly you gotta talk to your mom", ["advice"]),
    ("um so like you should maybe like talk to a counsellor or something", ["advice"]),
    ("u need to chill and get some sleep", ["advice"]),
)

ADVICE_QUESTIONS = case(
    ("have you tried talking to her?", ["advice", "closed_question"]),
    ("have you tried talking to her", ["advice", "closed_question"]),
    ("Have you thought about a career coach?", ["advice", "closed_question"]),
    ("could you maybe ask your dad for a lift?", ["advice", "closed_question"]),
    ("why don't you just quit?", ["advice"]),
    ("why not tell him?", ["advice"]),
    ("how about asking for a week off", ["advice"]),
    ("what if you just said no", ["advice"]),
)

PERMISSION = case(
    ("can I share an idea?", ["permission", "closed_question"]),
    ("can i share an idea", ["permission", "closed_question"]),
    ("would it help if I suggested something?", ["permission", "closed_question"]),
    ("do you want my advice or do you just want me to listen?", ["permission", "closed_question"]),
    ("do you want my advice or do you just want me to listen", ["permission", "closed_question"]),
    ("Is it okay if I tell you what I'd do?", ["permission", "closed_question"]),
    ("I've got an idea if you want to hear it", ["permission"]),
)

OPEN = case(
    ("What happened then?", ["open_question"]),
    ("what happened then", ["open_question"]),
    ("how are you feeling about it", ["open_question"]),
    ("How did you two meet?", ["open_question"]),
    ("why do you think she left", ["open_question"]),
    ("tell me more", ["open_question"]),
    ("Can you tell me more about that?", ["open_question"]),
    ("so um what did he say when you told him", ["open_question"]),
    ("how you doing with all this", ["open_question"]),
)

CLOSED = case(
    ("Did you tell him?", ["closed_question"]),
    ("did you tell him", ["closed_question"]),
    ("are you okay", ["closed_question"]),
    ("you okay?", ["closed_question"]),
    ("Is she coming back?", ["closed_question"]),
    ("was that before the holidays", ["closed_question"]),
    ("do you still talk to him", ["closed_question"]),
    ("wait is this the same friend from school", ["closed_question"]),
    ("Tuesday?", ["closed_question"]),
)

REFLECTION = case(
    ("It sounds like you're exhausted.", ["reflection"]),
    ("it sounds like youre exhausted", ["reflection"]),
    ("so you feel like nobody listens", ["reflection"]),
    ("So you feel like nobody listens?", ["reflection"]),
    ("you're saying she never called back", ["reflection"]),
    ("You must have felt really betrayed.", ["reflection"]),
    ("you're torn between staying and going", ["reflection"]),
    ("so part of you is relieved", ["reflection"]),
    ("you've been holding this in for a long time", ["reflection"]),
    ("you really want her to be proud of you", ["reflection"]),
)

VALIDATION = case(
    ("That sounds hard.", ["validation"]),
    ("that sounds hard", ["validation"]),
    ("that makes sense", ["validation"]),
    ("No wonder you're upset.", ["validation"]),
    ("that's so unfair", ["validation"]),
    ("I'd be upset too", ["validation"]),
    ("I'm really sorry you're going through this.", ["validation"]),
    ("it's not your fault", ["validation"]),
    ("that must have been so scary", ["validation"]),
)

SELF_FOCUS = case(
    ("That reminds me of when I failed my driving test.", ["self_focus"]),
    ("me too, I can't stand my manager", ["self_focus"]),
    ("the same thing happened to me in college", ["self_focus"]),
    ("when I was a kid my parents fought all the time", ["self_focus"]),
    ("I've been there.", ["self_focus"]),
    ("my cousin went through the exact same thing", ["self_focus"]),
)

JUDGMENT = case(
    ("You're overreacting.", ["judgment"]),
    ("youre overreacting", ["judgment"]),
    ("at least you have your health", ["judgment"]),
    ("it's not a big deal", ["judgment"]),
    ("you shouldn't feel that way", ["judgment"]),
    ("calm down, it's just a test", ["judgment"]),
    ("you should have said something earlier", ["judgment"]),
    ("it could be a lot worse", ["judgment"]),
    ("why would you even go there", ["judgment"]),
    ("you're overthinking it, just ask her", ["advice", "judgment"]),
)

MIXED = case(
    ("That sounds hard. Have you tried talking to her?", ["advice", "closed_question", "validation"]),
    ("that sounds hard have you tried talking to her", ["advice", "closed_question", "validation"]),
    ("it sounds like work is crushing you. what's the worst part?", ["open_question", "reflection"]),
    ("oh no, is he okay?", ["closed_question", "validation"]),
    ("me too, it happened to me and you should just leave", ["advice", "self_focus"]),
)

# Things that look like a behaviour and are not.
HARD_NEGATIVES = case(
    ("mm-hmm", []),
    # the partner's last word given to the listener on one microphone, then the listener's own words
    ("phone. I'm so sorry. That's a lot to take in.", ["validation"]),
    # talking it through here is what the listener offers; talking to someone else is advice
    ("Would it help to talk through what feels hardest about that?", ["closed_question"]),
    ("would it help to talk about it", ["closed_question"]),
    ("Would it help to talk to your manager?", ["advice", "closed_question"]),
    ("Just leave.", ["advice"]),
    ("yeah", []),
    ("okay, go on", []),
    ("", []),
    ("   ", []),
    ("my dad said I should just quit", []),
    ("she told me to just quit", []),
    ("My sister keeps telling me I need to move on.", []),
    ("and he's like, why don't you just get over it", []),
    ("you should've seen her face", []),
    ("You should have seen the look on his face.", []),
    ("I should probably get some sleep", []),
    ("I need to call my mom", []),
    ("I just feel so stupid", []),
    ("he just walked out", []),
    ("it was just a normal day", []),
    ("it took at least three weeks", []),
    ("at least four of us were there", []),
    ("I wonder what he meant", []),
    ("who even does that", []),
    ("I don't know what to do", []),
    ("I guess we'll see", []),
    ("take your time", []),
    ("you know what I mean", []),
    ("the best part was the food", []),
)


# Conventions that are easy to break while adding a rule.
CONVENTIONS = case(
    ("how did that make you feel", ["open_question"]),
    ("do you want to talk about it", ["closed_question"]),
    ("I'm so sorry you're dealing with this", ["validation"]),
    ("it sounds like you're being paranoid", ["judgment"]),
    ("everybody goes through that", ["judgment"]),
    ("ugh, tell me about it, my landlord is useless too", ["self_focus"]),
    ("you're being a bit dramatic, no?", ["judgment"]),
    ("maybe try the other clinic?", ["advice"]),
    ("tell him you need more time", ["advice"]),
    ("walk me through what happened", ["open_question"]),
    # An invitation after a word that opens the turn ("Sorry, …", "Okay, …") is still one.
    ("Sorry, tell me what was going round in your mind after she rang.", ["open_question"]),
    ("okay so tell me how the interview went", ["open_question"]),
    # "like what I'd do" is no "Like what?".
    ("so like what I'd do is go straight to HR", ["advice"]),
    ("you feel trapped?", ["reflection"]),
    ("do you feel trapped?", ["closed_question"]),
    ("don't worry, it'll be fine", ["judgment"]),
    ("you should have told him sooner", ["judgment"]),
    ("I have an idea, if you want it", ["permission"]),
)

# General patterns found by heldout2 (an independent set written before reading the rules); worded
# differently from its lines on purpose.
REPORTED = case(
    ("Priya said you should just leave him.", []),  # a named reporter
    ("marcus was saying you ought to sue", []),
    ("Your brother thinks you need to sell the car.", []),
    ("My GP mentioned you should cut down on coffee.", []),
    ("Your manager keeps telling you to toughen up, and it's wearing you down.", ["reflection"]),
    ("So your mum said you were being selfish.", ["reflection"]),  # "so" + report sums up their story
    ("Your teacher told you to just drop the subject?", ["closed_question"]),
    ("so i told him you need to stop doing that", []),  # the listener's own report is not a recount
    ("Well said.", []),
)

PARTNER_MIND = case(  # the partner's thoughts and words are not the listener's advice or blame
    ("You're wondering if you should move out.", ["reflection"]),
    ("you're thinking maybe you need to quit", ["reflection"]),
    ("You feel like you should have stopped him.", ["reflection"]),
    ("You mentioned you should've gone to the doctor sooner.", ["reflection"]),
    ("Do you really think worrying about it helps?", ["closed_question", "judgment"]),
)

WH_CLEFTS = case(  # a wh-clause as subject states; it does not ask
    ("What upsets you is that he never apologised.", ["reflection"]),
    ("what scares her most is being alone", ["reflection"]),
    ("Who you really want to talk to is your dad.", ["reflection"]),
    ("How you handled it is something you're proud of.", ["reflection"]),
    ("What he did was wrong.", []),
    ("What I'd probably look into is a mediator.", ["advice"]),
    ("What time is it?", ["open_question"]),
    ("What class is he in?", ["open_question"]),
    ("What is it that upsets you?", ["open_question"]),
    ("what do you think is going on", ["open_question"]),
)

TAG_QUESTIONS = case(  # a full auxiliary tag asks by form; a rhetorical one only blames
    ("You're really scared, aren't you?", ["closed_question", "reflection"]),
    ("you miss her dont you", ["closed_question", "reflection"]),
    ("That hurt, didn't it?", ["closed_question", "validation"]),
    ("You're being a bit harsh, aren't you?", ["judgment"]),
    ("It was raining, wasn't it?", ["closed_question"]),
)

INDIRECT_ADVICE = case(
    ("I wonder if it would help to take a week off.", ["advice"]),
    ("I wonder whether it'd be worth talking to her mum.", ["advice"]),
    ("My neighbour swears by cold showers.", ["advice"]),
    ("A mate of mine found running really helped.", ["advice"]),
    ("Lots of people find it helps to write a list.", ["advice"]),
    ("I've read that breathing exercises can be really good for that.", ["advice"]),
    ("A few days at the beach might do you good.", ["advice"]),
    ("Another option might be to job share.", ["advice"]),
    ("Could be worth just asking him.", ["advice"]),
    ("An email might be easier than a meeting.", ["advice"]),
    ("There's a helpline you can ring any time.", ["advice"]),
    ("Would it be easier to go together?", ["advice", "closed_question"]),
    ("Have a chat with your tutor.", ["advice"]),
    ("I'd ring the bank first thing.", ["advice"]),
    ("What helped me was going for a run every morning.", ["advice", "self_focus"]),
    ("I wonder if he's okay.", []),
    ("I wonder if it was worth it for him.", []),
    ("My sister found a new flat.", []),
    ("I found that really useful, thanks.", []),
    ("Have a look at this photo.", []),
    ("Have a good weekend!", []),
    ("do you want to hear what worked for me?", ["permission", "closed_question"]),
    ("Can I say what I'm thinking, honestly?", ["permission", "closed_question"]),
    ("Would it help if I suggested where to start?", ["permission", "closed_question"]),
    ("do you want to know what I'd do in your shoes?", ["permission", "closed_question"]),
    ("Can I say what else I'd try?", ["permission", "closed_question"]),
    ("Do you want to know what she said?", ["closed_question"]),
    # Offering to plan together asks before advising; offering to talk it through does not advise at all.
    ("would you like to work out a plan for Monday together?", ["permission", "closed_question"]),
    ("Do you want to think through what you might say to him?", ["permission", "closed_question"]),
    # "it'd" / "that'd" read as "it would": the worth-trying phrasing in its spoken form.
    ("it'd be worth ringing the school before Friday", ["advice"]),
    ("That'd be worth a try, honestly.", ["advice"]),
    # A suggestion verb opening the sentence, before a reporting verb, is no name ("Try said…").
    ("try asking your landlord for another month", ["advice"]),
    ("Just keep telling her how proud you are.", ["advice"]),
    ("Sam asked me the same thing.", []),
    # "look into / look up" is a suggestion, not the "look, …" that opens a remark.
    ("look into a payment plan with them", ["advice"]),
    ("Look up when the next session starts.", ["advice"]),
    ("Look, that's a horrible thing to go through.", ["validation"]),
    # Wanting something is not being offered something.
    ("so you want something to hold on to", ["reflection"]),
    ("do you want to hear something that helped me?", ["permission", "closed_question"]),
    # Offers to tell: "would it help to hear…", "can I tell you how…".
    ("would it be useful to hear what worked for my cousin?", ["permission", "closed_question"]),
    ("Can I tell you how we sorted it out when it happened to us?", ["permission", "closed_question"]),
    ("would it help to talk it through a bit more?", ["closed_question"]),
    # Asking whether they have sought someone's help suggests they should; asking about anyone else doesn't.
    ("have you phoned your GP yet?", ["advice", "closed_question"]),
    ("Have you told your boss what's going on at home?", ["advice", "closed_question"]),
    ("have you spoken to her since the party?", ["closed_question"]),
    ("The physio at work swore by a standing desk.", ["advice"]),
    # "you could" + an action suggests it; perception, hindsight, risk and "everything you could" do not.
    ("You could lend him the van for the weekend.", ["advice"]),
    ("you could always invite her round for tea", ["advice"]),
    ("you could tell she was nervous", []),
    ("You could lose the deposit if you're not careful.", []),
    # "could you not just…" suggests; "use" is a suggestion verb; "do it" urges, it doesn't ask.
    ("Could you not just leave it on his desk?", ["advice", "closed_question"]),
    ("Just use the stairs then.", ["advice"]),
    ("Oh my God, do it!", ["advice"]),
    ("Don't do that.", ["advice"]),
    ("Do you think so?", ["closed_question"]),
    # Whisper drops an unstressed "have".
    ("you considered renting somewhere smaller?", ["advice", "reflection"]),
    ("Maybe a debt advice charity could help you sort the letters out.", ["advice"]),
    ("maybe nobody could help you then", []),
    ("The trick is to start before you feel ready.", ["advice"]),
    ("honestly the key is just taking one room at a time", ["advice"]),
    ("The answer is no, he never rang.", []),
    ("Worth a try asking the caretaker.", ["advice"]),
    ("Don't stay up waiting for him.", ["advice"]),
    ("Stay with me, what happened next?", ["open_question"]),
    ("Knock on his door tonight.", ["advice"]),
    ("Bring it up at the next parents' evening.", ["advice"]),
    ("How about we ring the surgery together?", ["advice"]),
)

FEELINGS_DIRECTIVES_AND_BLAME = case(
    ("you just need to calm down", ["judgment"]),
    ("Honestly, you need to get over her.", ["judgment"]),
    ("Don't get so worked up.", ["judgment"]),
    ("don't stress, mate", ["judgment"]),
    ("Pull yourself together, love.", ["judgment"]),
    ("You really should have known.", ["judgment"]),
    ("You ought to have checked first.", ["judgment"]),
    ("you could have just asked me", ["judgment"]),
    ("I reckon you ought to have a word with her", ["advice"]),  # not hindsight
    ("What were you even thinking?", ["judgment"]),
    ("What's the big deal, honestly?", ["judgment"]),
    ("How could you not notice?", ["judgment"]),
    ("Why didn't you just leave?", ["judgment"]),
    ("What's the point of crying about it?", ["judgment"]),
    ("You're not overreacting.", ["validation"]),
    ("you're not being dramatic at all", ["validation"]),
)

MORE_REFLECTION_AND_VALIDATION = case(
    ("I get the feeling you're more scared than you're letting on.", ["reflection"]),
    ("Let me check I've got this right.", ["reflection"]),
    ("That really got under your skin.", ["reflection"]),
    ("It makes sense that you're tired.", ["validation"]),
    ("Would you say you're more sad or angry?", ["closed_question"]),
    ("You're not ready yet, and that's fine.", ["reflection", "validation"]),
    ("That's bad luck.", ["validation"]),
    ("Could you tell me a little more about that?", ["open_question"]),
)

MORE_SELF_FOCUS = case(
    ("Don't get me started on my landlord.", ["self_focus"]),
    ("When my dad was in hospital I couldn't eat.", ["self_focus"]),
    ("this one time i lost my passport in rome", ["self_focus"]),
    ("That's like me and my flatmate.", ["self_focus"]),
    ("that's nothing, you should see what my ex did to me", ["self_focus", "judgment"]),
    ("at least you're not broke like I was", ["self_focus", "judgment"]),
)


# Kinds heldout3 showed missing (worded afresh here, not its lines).
NORMALISING_AND_AFFIRMING = case(
    ("There's nothing strange about missing her.", ["validation"]),
    ("nothing wrong with needing a break", ["validation"]),
    ("It's natural to struggle with a move like that.", ["validation"]),
    ("you had every right to be upset", ["reflection", "validation"]),
    ("Who wouldn't be scared of that?", ["validation"]),
    ("Most people would have given up by now.", ["validation"]),
    ("It's been such a heavy year for you.", ["validation"]),
    ("That was so brave of you.", ["validation"]),
    ("Fair play to you, honestly.", ["validation"]),
    ("Sticking with it shows real strength.", ["validation"]),
    ("it makes, like, total sense", ["validation"]),
)
BLAME_AND_NAME_CALLING = case(
    ("Your landlord sounds like a total creep.", ["judgment"]),
    ("he's being such a baby about the whole thing", ["judgment"]),
    ("honestly she's clearly just using you", ["judgment"]),
    ("that's a pretty lame excuse to skip it", ["judgment"]),
    ("you did sort of let her walk all over you", ["judgment"]),
    ("you knew what he was like going in", ["judgment"]),
    ("You can't really be surprised, can you.", ["judgment"]),
    ("That's what happens when you skip the revision.", ["judgment"]),
    ("bit rich, given you never text her back", ["judgment"]),
    ("you were way too harsh with him", ["judgment"]),
    ("chill out, it's one bad review", ["judgment"]),
    # the partner judging themself, and a bad situation called a nightmare, are not the listener judging
    ("Maybe I'm overreacting.", []),
    ("that sounds like a nightmare", ["validation"]),
    ("I know I should be grateful, really.", []),
)
# Kinds train5 (the sentence model's training set) showed the rules missing, worded afresh.
SARCASM_MORALISING_MINIMISING = case(
    # minimising by comparison: someone else had it as bad or worse and was fine
    ("Kids can be like that, ours were worse.", ["judgment"]),
    ("My cousin had that too and she's perfectly fine now.", ["self_focus", "judgment"]),
    ("honestly, I've seen far worse", ["judgment"]),
    ("so she had it checked and she's fine?", ["closed_question"]),
    ("that plumber is a total crook", ["judgment"]),
    ("What a weasel.", ["judgment"]),
    ("Your stepdad sounds completely useless.", ["judgment"]),
    ("well that's what you get for trusting her", ["judgment"]),
    ("You made your bed with that one.", ["judgment"]),
    ("If you had just asked him first, none of this would have happened.", ["judgment"]),
    ("Oh yeah, because shouting worked so well at Christmas.", ["judgment"]),
    ("here we go again", ["judgment"]),
    ("Let me guess, it's all the teacher's fault.", ["judgment"]),
    ("Who in their right mind buys a car without driving it?", ["judgment"]),
    ("it's only a scratch, it'll buff out", ["judgment"]),
    ("It's a missed bus, not a tragedy.", ["judgment"]),
    ("A decent friend doesn't leave you to pay.", ["judgment"]),
    ("Stealing is never okay, whatever he's going through.", ["judgment"]),
    ("You should be more grateful to your nan.", ["judgment"]),
)


@pytest.mark.parametrize(
    "text, expected",
    NORMALISING_AND_AFFIRMING + BLAME_AND_NAME_CALLING + SARCASM_MORALISING_MINIMISING + REPORTED + PARTNER_MIND + WH_CLEFTS + TAG_QUESTIONS + INDIRECT_ADVICE + FEELINGS_DIRECTIVES_AND_BLAME
    + MORE_REFLECTION_AND_VALIDATION + MORE_SELF_FOCUS,
)
def test_general_patterns_from_heldout2(text, expected):
    assert rule_labels(text) == tuple(lab for lab in BEHAVIOUR_LABELS if lab in expected)


def test_what_you_could_do_for_someone_is_no_suggestion():
    assert "advice" not in rule_labels("You did everything you could for them.")
    assert "advice" not in rule_labels("that's all you could with what you knew")


def test_whisper_dropping_the_d_of_id_leaves_a_suggestion():
    # tiny.en hears "I'd just ring your landlord" as "I just ring your landlord": with the partner's
    # "your" in it, it is still what the listener would do in their place.
    for text in ("I just ring your landlord first thing.", "honestly i just email your tutor and ask for more time"):
        assert "advice" in rule_labels(text)
    # The listener's own habits stay theirs.
    for text in ("I just ring my sister when I'm like that.", "I just leave it these days, honestly."):
        assert "advice" not in rule_labels(text)


# A reflection's words inside a question or inside the advice's own content are the question's or the
# advice's, not a reflection.
CUES_INSIDE_QUESTIONS_AND_ADVICE = case(
    ("How has it been weighing on you lately?", ["open_question"]),
    ("Maybe tell him that you feel left out.", ["advice"]),
    ("Does he know how much you miss him?", ["closed_question"]),
    ("It's been weighing on you.", ["reflection"]),
)


@pytest.mark.parametrize(
    "text, expected",
    CONVENTIONS + ADVICE + ADVICE_QUESTIONS + PERMISSION + OPEN + CLOSED + REFLECTION + VALIDATION + SELF_FOCUS + JUDGMENT
    + MIXED + HARD_NEGATIVES + CUES_INSIDE_QUESTIONS_AND_ADVICE,
)
def test_labels(text, expected):
    assert rule_labels(text) == expected


def hand_written_cases():
    """Every (text, expected labels) case above, for the sentence model's bounds."""
    groups = (
        NORMALISING_AND_AFFIRMING + BLAME_AND_NAME_CALLING + SARCASM_MORALISING_MINIMISING + REPORTED + PARTNER_MIND + WH_CLEFTS + TAG_QUESTIONS
        + INDIRECT_ADVICE + FEELINGS_DIRECTIVES_AND_BLAME + MORE_REFLECTION_AND_VALIDATION + MORE_SELF_FOCUS
        + CONVENTIONS + ADVICE + ADVICE_QUESTIONS + PERMISSION + OPEN + CLOSED + REFLECTION + VALIDATION
        + SELF_FOCUS + JUDGMENT + MIXED + HARD_NEGATIVES + CUES_INSIDE_QUESTIONS_AND_ADVICE
    )
    return [(p.values[0], tuple(lab for lab in BEHAVIOUR_LABELS if lab in p.values[1])) for p in groups]


@pytest.mark.parametrize(
    "text",
    ["what should I do?", "what should i do", "What would you do?", "any ideas?", "yes please tell me",
     "sure, go ahead", "do you have any advice", "should I just quit?", "I could really use some advice",
     # Whisper drops a short word now and then: the question is still plain without its "do".
     "What would you in my place?", "what would you have done in my shoes", "What would you, if you were me?",
     "Do you reckon we should?", "should we just tell the kids now?", "would you say I should wait?"],
)
def test_partner_asks_for_advice(text):
    assert asks_for_advice(text)


@pytest.mark.parametrize(
    "text",
    ["", "my boss yelled at me", "I don't want advice, I just need to vent", "no thanks",
     "my mom asked what should I do with the house", "I was just telling you about it", "mm-hmm",
     "would you come with me to the appointment?", "you would understand if you were in my shoes",
     "what would you know about my place",
     # A bare yes agrees with what the listener said; it invites nothing by itself.
     "Yeah.", "yes", "Okay.", "Yeah, my sister keeps telling me to let it go."],
)
def test_partner_does_not_ask_for_advice(text):
    assert not asks_for_advice(text)


@pytest.mark.parametrize(
    "text, offer",
    [("no thanks", None), ("I don't want advice, I just need to vent", None), ("Nope.", "Want to hear what I'd do?"),
     ("Not right now, honestly.", "Can I suggest something?"), ("no", "Would it help if I gave you some ideas?"),
     # A "no" after a lead word, "I'd rather you didn't", and needing to moan or be angry rather than be helped.
     ("Honestly, no. Not tonight.", "Can I give you my take?"), ("Thanks, but no.", "Want a suggestion?"),
     ("Um, I'd rather you didn't, if that's okay.", "Can I share what I'd do?"),
     ("I think I just needed to get it off my chest.", None)],
)
def test_partner_declines_advice(text, offer):
    assert declines_advice(text, offer)


@pytest.mark.parametrize(
    "text, offer",
    [("No.", None), ("no, he never called back", None), ("No, go ahead.", "Can I tell you what I'd try?"),
     ("No, not at all.", "Do you mind if I share something?"), ("No.", "Would you mind if I gave you an idea?"),
     ("Yes please.", "Can I share an idea?"), ("", "Can I share an idea?"), ("No way, really?", "Can I share an idea?")],
)
def test_partner_does_not_decline_advice(text, offer):
    assert not declines_advice(text, offer)


def _all_texts() -> list[str]:
    texts = []
    for name in ("dev.jsonl", "heldout.jsonl"):
        path = UTTERANCES / name
        if path.exists():
            texts += [json.loads(line)["text"] for line in path.read_text().splitlines() if line.strip()]
    return texts


def test_labels_are_known_and_in_canonical_order():
    for text in _all_texts() + ["", "?", "...", "YOU SHOULD!!!", "\u2019", "so, um, like, you know"]:
        labels = label_utterance(text)
        assert set(labels) <= set(BEHAVIOUR_LABELS)
        assert list(labels) == [lab for lab in BEHAVIOUR_LABELS if lab in labels]
        assert len(set(labels)) == len(labels)


def test_empty_gives_nothing():
    assert label_utterance("") == ()
    assert label_utterance(" \n\t") == ()


def test_deterministic_and_case_and_punctuation_blind():
    text = "It sounds like you're exhausted, have you tried taking a break?"
    assert label_utterance(text) == label_utterance(text)
    assert label_utterance(text.upper()) == label_utterance(text)
    assert label_utterance(text.replace("'", "\u2019")) == label_utterance(text)


def test_normalise_drops_fillers_and_apostrophes():
    assert normalise("Um, so like, you're ... y'know") .startswith("so")
    assert "youre" in normalise("You're")
    assert normalise("how do you, how do you even feel") == "how do you even feel"




# Kinds of phrasing the blind set heldout6 showed missing (tests worded afresh, not its lines).
FROM_HELDOUT6 = case(
    ("Have a look at the evening classes at the college.", ["advice"]),
    ("I'd be straight on the phone to the bank.", ["advice"]),
    ("I'd have a quiet word with her about it.", ["advice"]),
    ("Have you applied for the hardship grant?", ["advice", "closed_question"]),
    ("next time just ring me first", ["advice"]),
    ("maybe sit them down tonight", ["advice"]),
    ("One thing that often helps is a walk after dinner.", ["advice"]),
    ("I'd encourage you to bring it up with HR.", ["advice"]),
    ("Honestly, do the same.", ["advice"]),
    ("A standing desk's not a bad idea, you know.", ["advice"]),
    ("And you can ring the school tomorrow.", ["advice"]),
    ("Could you phone the clinic?", ["advice", "closed_question"]),
    ("Sounds exhausting, why don't you take the weekend off?", ["advice", "validation"]),
    # Not the listener's suggestion: their own plan, a saying, praise, one verb phrase run on with "and".
    ("Why don't I just ask him myself?", []),
    ("My gran used to say you should never lend money to family.", []),
    ("You should be really proud of that.", ["validation"]),
    ("I'm going to pack it in and move back home.", []),
    ("You can ask me anything.", []),
    ("That's not a bad idea.", []),
    ("Honestly, that is not a bad idea.", []),
    # A "you know?" tag, a relative "which", asks nothing; curiosity invites.
    ("Honestly I'm just knackered, you know?", []),
    ("It sounds like you're exhausted, which is totally understandable.", ["reflection"]),
    ("I'm really curious how you'd want it to go.", ["open_question"]),
    ("Meaning what?", ["open_question"]),
    # Affirming the partner, not saying back what they did; what matters to them is said back.
    ("Oh, you poor love.", ["validation"]),
    ("You did all you could for her.", ["validation"]),
    ("Been there, honestly.", ["validation", "self_focus"]),
    # Offers.
    ("I'm wondering if you'd be up for a little exercise.", ["permission"]),
    ("Do you want me to just listen tonight?", ["permission", "closed_question"]),
    ("Are you after some ideas, or just a moan?", ["permission", "closed_question"]),
    ("Do you really want advice from me right now?", ["permission", "closed_question"]),
    ("Got a thought if you're up for hearing it.", ["permission"]),
    ("If you ever want my opinion, just say.", ["permission"]),
    ("Shall I tell you what worked for me?", ["permission", "closed_question"]),
)


# From the blind fresh7 dialogues' misses (worded afresh): what other people do, and Whisper's words.
FROM_FRESH7 = case(
    ("Most parents I know find a little chart on the fridge helps.", ["advice"]),
    ("Loads of couples say budgeting together made things easier.", ["advice"]),
    ("A lot of new mums go to their GP about it.", ["advice"]),
    ("Do a quick list of what you spend.", ["advice"]),
    # tiny.en hears "I'd try" as "I'd dry".
    ("I'd dry a week of respite first.", ["advice"]),
    ("A lot of people say it gets easier.", []),
    ("Some people find being alone really hard.", []),
    ("I just can't find anyone to help.", []),
    ("Do a lot of people know?", ["closed_question"]),
)


# From the blind fresh8 dialogues' misses (worded afresh).
FROM_FRESH8 = case(
    ("I'd also ask for it in writing.", ["advice"]),
    ("Lead with the numbers when you see her.", ["advice"]),
    # tiny.en hears "You could put…" as "You can put…".
    ("You can put a note on the fridge.", ["advice"]),
    ("You can put it wherever you like.", []),
)


# From the blind fresh9 dialogues' misses (worded afresh).
FROM_FRESH9 = case(
    # tiny.en hears "maybe you could…" as "maybe you can…".
    ("So, yeah, maybe you can raise it at the next meeting.", ["advice"]),
    ("Maybe you can see why she's upset.", []),
    ("Most couples in your situation book a babysitter once a month.", ["advice"]),
    ("Lots of people in your shoes feel the same.", ["validation"]),
    ("Writing it down tends to help.", ["advice"]),
    ("He tends to work weekends.", []),
    ("What worked for us was taking turns on the early shift.", ["advice", "self_focus"]),
    ("Take all the time you need.", []),
    ("Take the time to ring her properly.", ["advice"]),
    ("A few things helped me with that, if you want them.", ["permission"]),
    # "nobody's" is no name reporting speech; said back as a summary it is a reflection.
    ("So nobody's checking in on you, how are you managing?", ["open_question", "reflection"]),
    ("Everyone's saying you ought to sell.", []),
    # "so you don't have to…" gives a purpose, it does not say back what the partner feels.
    ("Send it by email so you don't have to argue on the phone.", ["advice"]),
    ("You trust everyone, that's your real problem.", ["judgment"]),
    ("That's the problem with landlords.", []),
    ("Crying after a shift like that is not a sign of weakness.", ["validation"]),
    # Minimising, not affirming (coded as judgment by the writer of fresh7).
    ("Oh come on, it's not a failure, loads of people get made redundant.", []),
)


# From the tuned half of the eighth utterance set (bench/utterances/tune8.jsonl), worded afresh.
FROM_TUNE8 = case(
    ("Plenty of students find it easier to revise in the library.", ["advice"]),
    ("What usually tends to help with jet lag is getting outside in the morning.", ["advice"]),
    ("The simplest thing would be to tell her on Friday.", ["advice"]),
    ("Could you bring your brother along to the meeting?", ["advice", "closed_question"]),
    ("You know what could help, keep a note of every call.", ["advice"]),
    ("What would help most?", ["open_question"]),
    ("It might pay to read the contract again.", ["advice"]),
    ("One thing you could look at is the overtime.", ["advice"]),
    ("You may find it helps to sleep on it.", ["advice"]),
    ("What helped my cousin was a strict bedtime.", ["advice"]),
    ("Deep down you know what you want to do.", []),
    ("Take me through the night it happened.", ["open_question"]),
    ("He wants to sell the flat and move abroad.", []),
    ("Don't cry over a silly exam, come on.", ["judgment"]),
    ("Everything will work itself out, trust me.", ["judgment"]),
    ("I hope it all works out for you.", []),
    ("You're being a bit precious, honestly.", ["judgment"]),
    ("Sorry, but that's sort of on you.", ["judgment"]),
    ("That was a reckless thing to do.", ["judgment"]),
    ("Maybe I'm overreacting, but it stung.", []),
    ("Calling the school was absolutely the right decision.", ["validation"]),
    ("Those feelings are completely valid.", ["validation"]),
    ("Needing a break isn't weak.", ["validation"]),
    ("Happy to bounce ideas around whenever you like.", ["permission"]),
    ("You're welcome to my two cents if you want them.", ["permission"]),
    ("Do you want to hear what's helped other parents?", ["permission", "closed_question"]),
    ("I've got an idea, but I don't want to butt in if you just want to vent.", ["permission"]),
    ("So the part that really stings is that nobody asked you.", ["reflection"]),
    ("The problem is that he never listens.", []),
    ("My dad's all, you need a proper job, and I'm like, whatever.", []),
    ("For what it's worth, that sounds really hard.", ["validation"]),
)


# From the blind fresh10 dialogues' misses (worded afresh).
FROM_FRESH10 = case(
    ("Stick with the course until Easter.", ["advice"]),
    ("Don't close the shop over one bad review.", ["advice"]),
    ("I could tell you what I'd do in your place, if it helps.", ["permission"]),
    ("Shall I throw in a thought, or do you just need to have a moan?", ["permission", "closed_question"]),
    ("So even when you could rest, you can't switch off.", ["reflection"]),
    ("Whenever you should be relaxing, he rings.", []),
)


# From the blind fresh11 dialogues' misses (worded afresh).
FROM_FRESH11 = case(
    # tiny.en writes "should" as "shall"; a promise with "shall have" is no advice
    ("you shall ring the letting agent first thing", ["advice"]),
    ("You shall have the money back by Monday, he said.", []),
    ("One is to book the smaller venue, another is to push the date back.", ["advice"]),
    ("Well, one is to blame and another is to pay, apparently.", []),
    # reassurance is validation, not a reflection (and never the judgment the model once took it for)
    ("Honestly, you're not alone in this.", ["validation"]),
    ("You are not the only person he's let down.", ["validation"]),
    ("Ring him tonight. You can't just sit on it.", ["advice"]),
    ("Get your sister over for the evening so you're not alone with it.", ["advice"]),
    # saying back what matters to them is a reflection; asking it is a question
    ("Being there for the funeral really matters to you.", ["reflection"]),
    ("What matters to you most in all this?", ["open_question"]),
)


# From the blind fresh14 dialogues' misses (worded afresh).
FROM_FRESH14 = case(
    # tiny.en drops the "If" of a suggestion said over the partner; a confession keeps its "was"
    ("it were me, I'd ring the landlord before the weekend", ["advice"]),
    ("It was me, I'd left the back door unlocked.", []),
    ("You want one of those little smoke alarms that talk to your phone.", ["advice"]),
    ("You need one of them pill boxes with the days on.", ["advice"]),
    ("Do you want one of those?", ["closed_question"]),
    # a judgment of whose tips to take; "the last thing you should do" still urges
    ("Your uncle is the last person you should be asking about money.", ["judgment"]),
    ("The last thing you should do is sign it tonight.", ["advice"]),
    # "so you don't…" after a suggestion is its purpose, not a reflection
    ("Jot down the questions first, so you don't go blank in the room.", ["advice"]),
    ("So you don't trust him anymore.", ["reflection"]),
    # an offer to look at ways, or to keep talking: permission
    ("Would it help to look at a few ways of bringing it up, or would you rather just talk for now?",
     ["permission", "closed_question"]),
)


# From the blind fresh15 dialogues' misses (worded afresh).
FROM_FRESH15 = case(
    # condemning how people in the story behaved is judgment, not sympathy
    ("That's really heartless of your manager.", ["judgment"]),
    ("Honestly, that was a bit irresponsible, driving home that tired.", ["judgment"]),
    ("They left her waiting in reception? Shocking management.", ["judgment", "closed_question"]),
    ("The landlord ought to be locked up for that.", ["judgment"]),
    ("The council haven't got a clue, useless the lot of them.", ["judgment"]),
    # ...but sympathy with what happened, a clueless "I", or a denial are not
    ("That's awful, I'm so sorry.", ["validation"]),
    ("I haven't got a clue what to say.", []),
    ("That's not pathetic at all.", []),
    # telling them they are not the one at fault reassures
    ("You're not the villain here.", ["validation"]),
    ("No, not daft at all.", ["validation"]),
    # what one would be doing in their place suggests it; what one would be going through, or doing too,
    # shares the feeling
    ("Honestly, I'd be down at every council meeting till they listen.", ["advice"]),
    ("I'd be chasing the insurer every single day.", ["advice"]),
    ("I'd be going through hell, honestly.", []),
    ("I'd be checking the weather every hour too.", []),
)


FROM_FRESH16 = case(
    # what part of them thinks is theirs, not a suggestion
    ("So part of you reckons a break would do you good.", ["reflection"]),
    # acknowledging their point
    ("That's completely fair.", ["validation"]),
    # how the people in the story handled them, or what they are always like, is judged...
    ("That's an appalling way to treat a volunteer.", ["judgment"]),
    ("Your brother's always been that way, hasn't he.", ["judgment"]),
    # ...what happened to them, or how things are, is not
    ("What a terrible way to find out.", ["validation"]),
    ("It's always been like that in kitchens.", []),
    # "you'd want to" opening its clause suggests; after "why" it understands
    ("Honestly, you'd want to ring them before the deadline.", ["advice"]),
    ("I can totally see why you'd want to get away for a bit.", ["validation"]),
    # "it" after "do" is what is to be done, not who asks
    ("Tell him he can pay for it and do it himself.", ["advice"]),
    # doing it together is still a suggestion; a worry about what may come is not
    ("What if we just sort the garage together on Sunday?", ["advice"]),
    ("What if we never hear back?", []),
    # taking one's own words back asks nothing of them
    ("Sorry, ignore me.", []),
    ("Ignore him, he's not worth it.", ["advice"]),
)

# Misses of the earlier development sets, read again once fresh16 was in.
FROM_EARLIER_SETS = case(
    # a suggestion opened with "and"
    ("And swap your shift with someone.", ["advice"]),
    # tiny.en's "right down" for "write down", said first; a place down the road is no suggestion
    ("Right down everything she said, word for word.", ["advice"]),
    ("Right down the road there's a little cafe.", []),
    # after a suggestion, what it spares them is its purpose, not a reflection
    ("Keep a diary of it, so you're not going on memory alone.", ["advice"]),
    # "have to" is two words, not the start of "have told"
    ("She's the one you have told everything.", []),
    # telling them how not to feel about themselves
    ("Don't beat yourself up about it.", ["judgment"]),
    # incredulous blame, minimising, and a verdict on someone in the story
    ("Why on earth didn't you tell me?", ["judgment"]),
    ("Honestly, it's not as bad as it looks.", ["judgment"]),
    ("He needs a kick up the backside.", ["judgment"]),
    ("That's completely out of line.", ["judgment"]),
    # ...not a plain "why", nor something that turned out better than feared
    ("Why didn't you tell me?", ["open_question"]),
    ("It's not as bad as I thought it would be.", []),
)

# Each table is one source's misses, worded afresh; one test reads them all.
@pytest.mark.parametrize("text, expected", FROM_HELDOUT6 + FROM_FRESH7 + FROM_FRESH8 + FROM_FRESH9 + FROM_TUNE8 + FROM_FRESH10
                         + FROM_FRESH11 + FROM_FRESH14 + FROM_FRESH15 + FROM_FRESH16
                         + FROM_EARLIER_SETS)
def test_general_patterns_from_the_later_sets(text, expected):
    assert rule_labels(text) == tuple(lab for lab in BEHAVIOUR_LABELS if lab in expected)
