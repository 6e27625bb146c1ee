"""The scoring code behind bench/tag_bench.py: the numbers in the README are only as good as this."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest

from coach.types import BEHAVIOUR_LABELS

BENCH = Path(__file__).resolve().parents[1] / "bench" / "tag_bench.py"


@pytest.fixture(scope="module")
def tb():
    spec = importlib.util.spec_from_file_location("tag_bench", BENCH)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


GOLD = [["advice"], ["advice", "closed_question"], [], ["reflection"], ["validation", "open_question"]]


def test_perfect_prediction_scores_one(tb):
    scores = tb.score(GOLD, GOLD)
    for label in (*BEHAVIOUR_LABELS, "micro"):
        assert scores[label]["precision"] == scores[label]["recall"] == scores[label]["f1"] == 1.0


def test_empty_prediction_scores_zero_recall(tb):
    scores = tb.score(GOLD, [[] for _ in GOLD])
    for label in ("advice", "closed_question", "reflection", "validation", "open_question", "micro"):
        assert scores[label]["recall"] == 0.0
        assert scores[label]["f1"] == 0.0
    # labels nobody has, and nobody claimed, are not failures
    assert scores["judgment"]["f1"] == 1.0


def test_hand_computed_case(tb):
    gold = [["advice"], ["advice"], ["advice", "reflection"], [], ["reflection"]]
    pred = [["advice"], [], ["advice"], ["advice"], ["reflection", "validation"]]
    s = tb.score(gold, pred)
    # advice: tp=2 (items 0, 2), fp=1 (item 3), fn=1 (item 1)
    assert (s["advice"]["tp"], s["advice"]["fp"], s["advice"]["fn"]) == (2, 1, 1)
    assert s["advice"]["precision"] == pytest.approx(2 / 3)
    assert s["advice"]["recall"] == pytest.approx(2 / 3)
    assert s["advice"]["f1"] == pytest.approx(2 / 3)
    # reflection: tp=1, fn=1 -> P=1, R=0.5, F1=2/3
    assert s["reflection"]["precision"] == 1.0
    assert s["reflection"]["recall"] == 0.5
    assert s["reflection"]["f1"] == pytest.approx(2 / 3)
    # validation: claimed once, never there
    assert (s["validation"]["precision"], s["validation"]["recall"], s["validation"]["f1"]) == (0.0, 0.0, 0.0)
    # micro: tp=3, fp=2, fn=2
    assert s["micro"]["precision"] == pytest.approx(3 / 5)
    assert s["micro"]["recall"] == pytest.approx(3 / 5)
    assert s["micro"]["support"] == 5


def test_lengths_must_match(tb):
    with pytest.raises(ValueError):
        tb.score([["advice"]], [])


def test_run_and_markdown_on_a_tiny_set(tb, tmp_path):
    rows = [{"text": "a", "labels": ["advice"]}, {"text": "b", "labels": []}]
    (tmp_path / "dev.jsonl").write_text("\n".join(json.dumps(r) for r in rows) + "\n")
    result = tb.run(lambda texts: [("advice",) if t == "a" else () for t in texts], splits=("dev",), data=tmp_path)
    assert result["scores"]["dev"]["advice"]["f1"] == 1.0
    assert result["misses"]["dev"] == []
    table = tb.markdown(result["scores"])
    assert table.splitlines()[0].startswith("| label |")
    assert "| advice | 1.00 | 1.00 | 1.00 | 1 |" in table


def test_unknown_label_in_data_is_an_error(tb, tmp_path):
    (tmp_path / "dev.jsonl").write_text(json.dumps({"text": "x", "labels": ["advise"]}) + "\n")
    with pytest.raises(ValueError, match="advise"):
        tb.load(tmp_path / "dev.jsonl")


@pytest.mark.parametrize("name, minimum", [("dev.jsonl", 400), ("heldout.jsonl", 200), ("heldout2.jsonl", 300),
                                           ("heldout3.jsonl", 300), ("heldout4.jsonl", 400),
                                           ("train5.jsonl", 400)])
def test_bundled_utterance_sets(tb, name, minimum):
    items = tb.load(BENCH.parent / "utterances" / name)
    assert len(items) >= minimum
    assert len({it["text"] for it in items}) == len(items)
    assert all(it.get("style") for it in items)


def test_heldout_does_not_repeat_dev(tb):
    dev = {it["text"].lower() for it in tb.load(BENCH.parent / "utterances" / "dev.jsonl")}
    heldout = {it["text"].lower() for it in tb.load(BENCH.parent / "utterances" / "heldout.jsonl")}
    assert not dev & heldout


@pytest.mark.parametrize("name", ["heldout2.jsonl", "heldout3.jsonl", "heldout4.jsonl"])
def test_blind_sets_share_only_common_lines_with_dev(tb, name):
    """Written blind by other people, they meet dev only in lines everyone says ("Mm-hmm.", "why?")."""
    dev = {it["text"].lower() for it in tb.load(BENCH.parent / "utterances" / "dev.jsonl")}
    blind = {it["text"].lower() for it in tb.load(BENCH.parent / "utterances" / name)}
    shared = dev & blind
    assert len(shared) <= 0.05 * len(blind)
    assert all(len(text.split()) <= 7 for text in shared)
