"""Suggestions reflect what the partner had just said, in the listener's words, and ask an open question."""

from __future__ import annotations

from coach.suggest import paraphrase, suggestion_for

from .web_support import make_report


def test_paraphrase_turns_i_into_you():
    assert paraphrase("I was really worried about my mum.") == "you were really worried about your mum"
    assert paraphrase("I am tired of it all") == "you are tired of it all"
    assert paraphrase("we never get a break, you know") == "you never get a break"


def test_paraphrase_prefers_a_clause_with_a_feeling():
    text = "I just feel so stressed about work, my boss keeps adding more deadlines."
    assert paraphrase(text) == "you just feel so stressed about work"


def test_paraphrase_keeps_names_and_drops_fillers():
    assert paraphrase("Um, so I talked to Sarah and she got angry at me") == "you talked to Sarah and she got angry at you"


def test_paraphrase_needs_something_to_reflect():
    assert paraphrase("yeah") is None
    assert paraphrase("") is None


def test_interruption_reflects_only_what_was_said_before_the_cut():
    report = make_report()
    event = next(e for e in report["events"] if e["type"] == "interruption")
    text = suggestion_for(event, report)
    assert text.startswith("It sounds like you just feel so stressed about work")
    assert "deadlines" not in text  # said after the listener cut in


def test_advice_gets_a_reflection_and_an_open_question():
    report = make_report()
    event = next(e for e in report["events"] if e["type"] == "advice")
    text = suggestion_for(event, report)
    assert text.startswith("It sounds like") and text.endswith("?")


def test_no_suggestion_for_advice_that_was_asked_for_or_other_events():
    report = make_report()
    advice = next(e for e in report["events"] if e["type"] == "advice")
    assert suggestion_for({**advice, "detail": {"with_permission": True}}, report) is None
    reflection = next(e for e in report["events"] if e["type"] == "reflection")
    assert suggestion_for(reflection, report) is None


def test_without_the_partners_words_a_plain_invitation():
    report = make_report()
    for t in report["turns"]:
        t["text"], t["words"] = "", []
    event = next(e for e in report["events"] if e["type"] == "advice")
    event = {**event, "detail": {}}
    assert suggestion_for(event, report) == "What's that been like for you?"


def test_an_unfinished_clause_is_not_reflected_when_a_finished_one_is_there():
    # Cut off mid-sentence: "…what went" would dangle; the clause before it is whole.
    text = "I studied every night for four months, I don't understand what went"
    assert paraphrase(text, cut_off=True) == "you studied every night for four months"
    assert paraphrase(text) == "you don't understand what went"  # said to the end: the speaker stopped there
    # Only a fragment, too short to stand on its own: nothing to reflect, so a plain invitation.
    assert paraphrase("I suppose it doesn't", cut_off=True) is None
    # A fragment that says enough is kept, without the word it stopped on.
    assert paraphrase("it felt like a punch in the stomach every single time I", cut_off=True) == (
        "it felt like a punch in the stomach every single time"
    )


def test_questions_are_asked_not_reflected():
    assert paraphrase("Yes. Is that strange?") is None
    assert paraphrase("What should I do? Should I say something, or just let it go?") is None
    assert paraphrase("It is, what would you do in my place.") is None  # no question mark in the transcript
    assert paraphrase("I'm so lost. What if he never calls?") == "you're so lost"
    assert paraphrase("Right now I feel so stuck with it") == "right now you feel so stuck with it"  # not a tag


def test_a_long_clause_is_split_where_a_new_part_starts():
    # 15 words: split before "and", keeping what the wife thinks whole.
    assert paraphrase("My wife thinks I should drive over to his place and knock on the door.") == (
        "your wife thinks you should drive over to his place"
    )
    # A shorter clause before a long one is reflected rather than a long one cut anywhere.
    text = ("They let me go on Friday, and it took fifteen minutes. "
            "A woman from human resources I had never met read from a sheet of paper.")
    assert paraphrase(text) == "it took fifteen minutes"


def test_a_feeling_said_in_two_words_is_enough():
    assert paraphrase("Of course I'm upset, we used to share a room, I was the one who", cut_off=True) == "you're upset"
    assert paraphrase("just furious") is None  # two words, but not someone saying how they feel


def test_leading_agreement_is_not_reflected():
    assert paraphrase("Yes exactly I used to love this job") == "you used to love this job"
