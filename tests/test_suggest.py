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
