"""The sentence model beside the behaviour rules: the real fine-tuned all-MiniLM-L6-v2 (int8 ONNX)."""

from __future__ import annotations

import hashlib
import json

import numpy as np
import pytest

from coach import onnx, paths, tagmodel
from coach.behaviours import label_utterances, rule_labels
from coach.errors import ModelError
from coach.types import BEHAVIOUR_LABELS


def test_probabilities_are_one_per_label_and_follow_the_meaning():
    probs = tagmodel.probabilities(["That must have been so hard for you.", "Pass the salt.", ""])
    labels = tagmodel.thresholds()["labels"]
    assert probs.shape == (3, len(labels))
    assert ((probs >= 0) & (probs <= 1)).all()
    validation = labels.index("validation")
    assert probs[0, validation] > probs[1, validation] + 0.3
    assert tagmodel.probabilities([]).shape == (0, len(labels))


def test_the_model_was_trained_without_the_blind_sets_and_speaks_only_where_precise():
    meta = tagmodel.thresholds()
    assert tuple(meta["labels"]) == BEHAVIOUR_LABELS
    never = ("heldout4", "heldout5", "heldout7", "heldout8", "dialogues_heldout")
    assert not any(blind in name for name in meta["trained_on"] for blind in never)
    assert "NaN" not in onnx.model_path(tagmodel.THRESHOLDS_FILE, "thresholds").read_text()  # plain JSON
    for label in meta["labels"]:
        threshold = meta["thresholds"][label]
        assert 0.0 < threshold <= 1.01
        if meta["cross_validation"][label].get("set_by_hand"):  # finetune.py says why (HAND_SET)
            assert threshold >= 0.9
        elif threshold <= 1.0:  # above 1 the label never reached its precision and is left to the rules
            assert meta["cross_validation"][label]["cv_precision"] >= 0.9
    # the thresholds belong to this model file (the labeller's version hashes only the thresholds)
    model_bytes = onnx.model_path(tagmodel.MODEL_FILE, "model").read_bytes()
    assert meta["model_sha256"] == hashlib.sha256(model_bytes).hexdigest()
    # questions are the rules' job; advice and offers of it the model adds only when nearly certain
    assert all(meta["thresholds"][label] > 1 for label in ("open_question", "closed_question"))


def test_the_model_finds_a_story_of_ones_own_that_no_phrase_lists():
    text = "Oh god, last spring my landlord kept my whole deposit over one scratch on the floor."
    assert "self_focus" not in rule_labels(text)
    assert "self_focus" in label_utterances([text])[0]


def test_the_rules_decide_where_they_read_the_form():
    # the model hears "overreacting" and "trapped"; the rules read the negation and the question
    assert label_utterances(["You're not overreacting.", "do you feel trapped?", "Maybe I'm overreacting."]) == [
        ("validation",), ("closed_question",), ()
    ]


def test_on_the_hand_written_convention_cases_the_model_rarely_adds_and_never_removes():
    from .test_behaviours import hand_written_cases

    cases = hand_written_cases()
    got = label_utterances([text for text, _ in cases])
    added = []
    for (text, expected), labels in zip(cases, got):
        assert set(rule_labels(text)) <= set(labels), text
        if labels != expected:
            added.append((text, set(labels) - set(expected)))
    # the model adds only labels of meaning, and on these edge cases of the conventions seldom:
    # today 5 of 265, all arguable ("my sister found a new flat" gains self-focus, "that really got under
    # your skin" validation)
    assert all(extra <= {"reflection", "validation", "self_focus", "judgment"} for _, extra in added), added
    assert len(added) <= 0.02 * len(cases), added


def test_the_gates_hold_whatever_the_model_proposes():
    def everything(texts):
        return [{"reflection", "validation", "self_focus", "judgment"}] * len(texts)

    got = label_utterances(
        ["You're not overreacting.", "my mum said I'm too soft on him", "Maybe I'm overreacting.",
         "it has been such a heavy year for you", "You should have seen the look on his face.",
         "So saying yes to everything feels like the only way to keep the peace."],
        model_labels=everything,
    )
    assert got[0] == ("validation",)  # the rules read the negation: neither judgment nor reflection
    assert got[1] == ()  # all reported speech
    assert "judgment" not in got[2]  # nobody else in it to judge
    assert "self_focus" not in got[3]  # the listener is not in it
    assert "judgment" not in got[4]  # hindsight in form, a story in fact
    assert "reflection" in got[5]  # "so saying…" is the listener's own words, not somebody's report


def test_the_model_adds_advice_only_where_the_rules_let_it():
    def advice(texts):
        return [{"advice"}] * len(texts)

    texts = ["Maybe I'll just ring in sick tomorrow.", "You could see he was furious.",
             "You might lose the whole deposit.", "Do you want my take on it?", "You should have known better.",
             "That sounds exhausting.", "It might be worth looking at the small print, you know.",
             "A neighbour of ours sorted theirs by going straight to the ombudsman.",
             "Walking out like that was the right call."]
    got = label_utterances(texts, model_labels=advice)
    assert got[0] == ()  # the speaker's own plan
    assert "advice" not in got[1] and "advice" not in got[2]  # what anyone could see; a risk
    assert got[3] == ("permission", "closed_question")  # an offer is not the advice itself
    assert "advice" not in got[4]  # hindsight is a judgment
    assert got[5] == ("validation",)  # sympathy, told to nobody
    assert "advice" in got[6]
    assert got[7] == ("advice",)  # a hint by example addresses nobody and is advice all the same
    assert got[8] == ("validation",)  # praise of what was done, told to nobody


def test_the_model_tells_a_hint_by_example_from_a_story_of_ones_own():
    hint, story = label_utterances([
        "A friend of mine just told her landlord no in writing and it was sorted within a week.",
        "My brother went through the exact same thing with his landlord last year, it was awful."])
    assert "advice" in hint
    assert "advice" not in story and "self_focus" in story


def test_the_model_adds_an_offer_only_to_someone():
    def offer(texts):
        return [{"permission"}] * len(texts)

    got = label_utterances(["I've got a thought on that, if it's any use to you.", "Right, I'll get the kettle on.",
                            "Phone the bank first thing."], model_labels=offer)
    assert got[0] == ("permission",)
    assert got[1] == ()  # nobody addressed
    assert got[2] == ("advice",)  # advice itself is no offer of it


def test_a_plain_you_did_is_a_reflection_until_the_model_hears_blame_in_it():
    text = "well you did wait until the night before to start it"
    assert label_utterances([text], model_labels=lambda texts: [set()] * len(texts)) == [("reflection",)]
    assert label_utterances([text], model_labels=lambda texts: [{"judgment"}] * len(texts)) == [("judgment",)]
    # an explicit reflection stays one beside the judgment
    both = "so you feel like she ignored you, but you kind of ignored her first"
    assert label_utterances([both], model_labels=lambda texts: [{"judgment"}] * len(texts)) == [("reflection", "judgment")]


def test_reported_speech_gets_nothing_from_the_model():
    assert label_utterances(["and he's like, why don't you just get over it", "my mum said I'm too soft on him"]) == [
        (), ()
    ]


def test_empty_and_murmur_lines_get_nothing_from_the_model():
    assert label_utterances(["", "   ", "mm-hmm"]) == [(), (), ()]


def test_a_text_gets_the_same_labels_whatever_else_is_labelled_with_it():
    texts = [json.loads(line)["text"] for line in open(paths.REPO_DIR / "bench/utterances/dev.jsonl")][:200]
    assert label_utterances(texts) == [label_utterances([t])[0] for t in texts]
    assert np.array_equal(tagmodel.probabilities(texts[:50]), tagmodel.probabilities(texts[:50][::-1])[::-1])


def test_a_missing_model_is_a_one_line_error(tmp_path, monkeypatch):
    monkeypatch.setenv("COACH_MODELS", str(tmp_path))
    monkeypatch.setattr(onnx, "_sessions", {})
    tagmodel._tokenizer.cache_clear()
    tagmodel.thresholds.cache_clear()
    try:
        with pytest.raises(ModelError, match=r"sentence model.*missing") as err:
            tagmodel.labels_of(["hello"])
        assert "\n" not in str(err.value)
    finally:
        tagmodel._tokenizer.cache_clear()
        tagmodel.thresholds.cache_clear()


def test_advice_in_one_sentence_of_a_longer_turn_is_heard_on_its_own():
    aside = "Perhaps keep Sunday afternoons free for yourself."

    def hears_the_aside_alone(texts):
        return [{"advice", "reflection"} if t == aside else set() for t in texts]

    turn = f"It's been a relentless few months. {aside} Even just a couple of hours."
    # advice only: what else a sentence sounds like alone is left to the whole turn
    assert label_utterances([turn], model_labels=hears_the_aside_alone) == [("advice",)]
    # "Right." and "Okay." are no sentences of their own: the model heard this turn whole, as before
    assert label_utterances([f"Right. {aside} Okay."], model_labels=hears_the_aside_alone) == [()]


def test_a_suggestion_asked_in_a_sentence_of_its_own_outlives_a_judgment_elsewhere_in_the_turn():
    def advice(texts):
        return [{"advice"}] * len(texts)

    judged = "That's disgraceful, they ought to be ashamed of themselves. Have you had a look at what your contract says?"
    assert label_utterances([judged], model_labels=advice) == [("advice", "closed_question", "judgment")]
    # a statement heard as advice beside a judgment stays silenced, and so does a question that judges
    told = "That's disgraceful of them. You've been through this before, though."
    blamed = "That's disgraceful. Why didn't you just ask the union?"
    assert ["advice" in labels for labels in label_utterances([told, blamed], model_labels=advice)] == [False, False]
