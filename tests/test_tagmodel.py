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
    for label in heads["labels"]:
        assert 0.0 < heads["thresholds"][label] <= 1.01
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
