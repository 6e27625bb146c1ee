"""The sentence model beside the behaviour rules: real all-MiniLM-L6-v2 (int8 ONNX) and trained heads."""

from __future__ import annotations

import json

import numpy as np
import pytest

from coach import onnx, paths, tagmodel
from coach.behaviours import label_utterances, rule_labels
from coach.errors import ModelError
from coach.types import BEHAVIOUR_LABELS


def test_embeddings_are_unit_vectors_and_paraphrases_lie_close():
    vectors = tagmodel.embed(["That must have been so hard.", "That sounds really tough.", "Pass the salt."])
    assert vectors.shape == (3, 384)
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-3)
    assert vectors[0] @ vectors[1] > vectors[0] @ vectors[2] + 0.2
    assert tagmodel.embed([]).shape == (0, 384)


def test_heads_were_trained_without_the_blind_set_and_name_known_labels():
    heads = tagmodel.heads()
    assert set(heads["labels"]) <= set(BEHAVIOUR_LABELS)
    assert heads["weights"].shape == (len(heads["labels"]), 384)
    assert not any("heldout4" in name for name in heads["trained_on"])
    assert "NaN" not in onnx.model_path(tagmodel.HEADS_FILE, "heads").read_text()  # plain JSON
    for label in heads["labels"]:
        threshold = heads["thresholds"][label]
        assert 0.0 < threshold <= 1.01
        if threshold <= 1.0:  # above 1 the head never reached its precision and is off
            assert heads["cross_validation"][label]["cv_precision"] >= 0.9


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
    # today 2 of ~280 ("a mate of mine found running helped" gains self-focus)
    assert all(extra <= {"reflection", "validation", "self_focus", "judgment"} for _, extra in added), added
    assert len(added) <= 0.02 * len(cases), added


def test_reported_speech_gets_nothing_from_the_model():
    assert label_utterances(["and he's like, why don't you just get over it", "my mum said I'm too soft on him"]) == [
        (), ()
    ]


def test_empty_and_murmur_lines_get_nothing_from_the_model():
    assert label_utterances(["", "   ", "mm-hmm"]) == [(), (), ()]


def test_batch_and_one_by_one_agree():
    texts = [json.loads(line)["text"] for line in open(paths.REPO_DIR / "bench/utterances/dev.jsonl")][:64]
    assert label_utterances(texts) == [label_utterances([t])[0] for t in texts]


def test_a_missing_model_is_a_one_line_error(tmp_path, monkeypatch):
    monkeypatch.setenv("COACH_MODELS", str(tmp_path))
    monkeypatch.setattr(onnx, "_sessions", {})
    tagmodel._tokenizer.cache_clear()
    tagmodel.heads.cache_clear()
    try:
        with pytest.raises(ModelError, match=r"sentence model.*missing") as err:
            tagmodel.embed(["hello"])
        assert "\n" not in str(err.value)
    finally:
        tagmodel._tokenizer.cache_clear()
        tagmodel.heads.cache_clear()
