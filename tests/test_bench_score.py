"""The benchmark's scoring, pinned on hand-computed cases."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

# bench/ is not an installed package; the repo root must be importable however pytest was started
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench import score  # noqa: E402
from bench.oracle import oracle_report  # noqa: E402

L, P = "L", "P"


def truth() -> dict:
    """Partner talks, listener backchannels, interrupts (took the floor), later advises twice."""
    return {
        "schema": "coach.bench.truth/1",
        "duration_s": 30.0,
        "speakers": [{"id": L, "role": "listener"}, {"id": P, "role": "partner"}],
        "segments": [
            {"speaker": P, "start": 0.0, "end": 8.0},
            {"speaker": L, "start": 3.0, "end": 3.5},
            {"speaker": L, "start": 7.0, "end": 10.0},
            {"speaker": P, "start": 11.0, "end": 15.0},
            {"speaker": L, "start": 16.0, "end": 18.0},
            {"speaker": L, "start": 20.0, "end": 22.0},
        ],
        "overlaps": [{"start": 3.0, "end": 3.5}, {"start": 7.0, "end": 8.0}],
        "interruptions": [{"time": 7.0, "interrupter": L, "interrupted": P, "outcome": "took_floor"}],
        "backchannels": [{"time": 3.0, "end": 3.5, "speaker": L, "text": "mm-hmm"}],
        "utterances": [
            {"id": 0, "speaker": P, "start": 0.0, "end": 8.0, "kind": "turn", "text": "", "labels": []},
            {"id": 1, "speaker": L, "start": 3.0, "end": 3.5, "kind": "backchannel", "text": "", "labels": []},
            {"id": 2, "speaker": L, "start": 7.0, "end": 10.0, "kind": "interruption", "text": "",
             "labels": ["advice"], "permitted": False},
            {"id": 3, "speaker": P, "start": 11.0, "end": 15.0, "kind": "turn", "text": "", "labels": ["quotes_advice"]},
            {"id": 4, "speaker": L, "start": 16.0, "end": 18.0, "kind": "turn", "text": "", "labels": ["open_question"]},
            {"id": 5, "speaker": L, "start": 20.0, "end": 22.0, "kind": "turn", "text": "",
             "labels": ["advice"], "permitted": True},
        ],
    }


EMPTY = {"speakers": [], "turns": [], "overlaps": [], "events": []}


def test_perfect_prediction_scores_perfectly():
    s = score.score_report(oracle_report(truth()), truth())
    assert s["mapping_by"] == "role"
    assert s["der"]["der"] == 0.0
    for key in ("overlap", "interruption", "backchannel", "advice", "unasked_advice"):
        assert s[key]["f1"] == 1.0, key
    assert all(v["f1"] == 1.0 for v in s["labels"].values())
    assert s["interruption"]["outcome_accuracy"] == 1.0


def test_empty_prediction_scores_zero():
    s = score.score_report(EMPTY, truth())
    assert s["der"]["der"] == 1.0
    for key in ("overlap", "interruption", "backchannel", "advice"):
        assert s[key]["f1"] == 0.0, key


def test_nothing_to_find_and_nothing_found_is_perfect():
    assert score.prf(0, 0, 0)["f1"] == 1.0
    assert score.overlap_f1([], [], 10.0)["f1"] == 1.0
    assert score.prf(0, 3, 0)["f1"] == 0.0


def test_der_hand_computed_confusion_and_collar():
    ref = {"A": [(0.0, 10.0)], "B": [(10.0, 20.0)]}
    hyp = {"a": [(0.0, 12.0)], "b": [(12.0, 20.0)]}
    # 2 s of B given to a: confusion 2 s over 20 s
    no_collar = score.der(ref, hyp, {"a": "A", "b": "B"}, collar=0.0)
    assert no_collar["der"] == pytest.approx(0.10)
    assert no_collar["confusion"] == 200 and no_collar["missed"] == 0 and no_collar["false_alarm"] == 0
    # collar 0.25 s leaves 0.25 + 0.5 + 0.25 s unscored and 10.25-12 s of confusion
    with_collar = score.der(ref, hyp, {"a": "A", "b": "B"})
    assert with_collar["total"] == 1900
    assert with_collar["der"] == pytest.approx(1.75 / 19.0)


def test_collar_forgives_small_boundary_errors_only():
    ref = {"A": [(0.0, 10.0)], "B": [(10.0, 20.0)]}
    hyp = {"a": [(0.0, 10.2)], "b": [(10.2, 20.0)]}
    assert score.der(ref, hyp, collar=0.0)["der"] == pytest.approx(0.01)
    assert score.der(ref, hyp)["der"] == 0.0


def test_der_counts_overlap_once_per_speaker():
    ref = {"A": [(0.0, 10.0)], "B": [(5.0, 15.0)]}
    hyp = {"a": [(0.0, 10.0)], "b": [(10.0, 15.0)]}
    r = score.der(ref, hyp, collar=0.0)
    assert r["total"] == 2000  # 10 s + 10 s, not the 15 s of wall-clock speech
    assert r["missed"] == 500 and r["der"] == pytest.approx(0.25)


def test_der_false_alarm():
    ref = {"A": [(0.0, 10.0)]}
    hyp = {"a": [(0.0, 10.0), (12.0, 14.0)]}
    assert score.der(ref, hyp, collar=0.0)["der"] == pytest.approx(0.2)


def test_permutation_mapping_finds_swapped_names():
    ref = {"A": [(0.0, 5.0)], "B": [(6.0, 9.0)], "C": [(10.0, 20.0)]}
    hyp = {"x": [(10.0, 20.0)], "y": [(0.0, 5.0)], "z": [(6.0, 9.0)]}
    assert score.best_mapping(ref, hyp) == {"x": "C", "y": "A", "z": "B"}
    assert score.der(ref, hyp)["der"] == 0.0
    # more hypothesis speakers than reference ones: the extra one is false alarm + confusion
    hyp2 = {"x": [(0.0, 5.0)], "y": [(6.0, 20.0)], "extra": [(21.0, 22.0)]}
    m = score.best_mapping({"A": [(0.0, 5.0)], "B": [(6.0, 20.0)]}, hyp2)
    assert m == {"x": "A", "y": "B"}


def test_swapped_roles_score_as_confusion():
    t = truth()
    report = oracle_report(t)
    for s in report["speakers"]:
        s["role"] = {"listener": "partner", "partner": "listener"}[s["role"]]
    s = score.score_report(report, t)
    assert s["mapping_by"] == "role"
    assert s["der"]["der"] > 0.9
    assert s["der_best_permutation"]["der"] == 0.0
    assert s["interruption"]["f1"] == 0.0


def test_overlap_f1_hand_computed():
    r = score.overlap_f1([(0.0, 1.0)], [(0.5, 1.5)])
    assert (r["tp"], r["fp"], r["fn"]) == (50, 50, 50)
    assert r["f1"] == pytest.approx(0.5)


def test_overlaps_of_segments():
    assert score.overlaps_of({"A": [(0.0, 2.0)], "B": [(1.0, 3.0)], "C": [(5.0, 6.0)]}) == [
        pytest.approx((1.0, 2.0))
    ]


def test_event_f1_tolerance_and_speaker():
    ref = [(10.0, L), (20.0, L)]
    hyp = [(10.8, L), (21.5, L), (30.0, P)]
    r = score.event_f1(ref, hyp)
    assert (r["tp"], r["fp"], r["fn"]) == (1, 2, 1)
    assert r["f1"] == pytest.approx(0.4)
    assert score.event_f1([(10.0, L)], [(10.0, P)])["tp"] == 0
    # one prediction cannot match two references
    assert score.event_f1([(10.0, L), (10.5, L)], [(10.2, L)])["tp"] == 1


def test_advice_per_utterance_hand_computed():
    utts = [
        {"start": 0.0, "end": 2.0, "labels": ["advice"]},
        {"start": 3.0, "end": 5.0, "labels": []},
        {"start": 6.0, "end": 8.0, "labels": ["advice"]},
    ]
    hyp = [(0.5, 1.5), (0.2, 1.0), (3.5, 4.0), (20.0, 21.0)]  # two on u0, one on u1, one stray
    r = score.utterance_label_f1(utts, hyp, lambda u: "advice" in u["labels"])
    assert (r["tp"], r["fp"], r["fn"]) == (1, 2, 1)
    assert r["f1"] == pytest.approx(0.4)


def test_partner_quoting_advice_is_not_scored_against_the_listener():
    t = truth()
    report = oracle_report(t)
    partner = next(s["id"] for s in report["speakers"] if s["role"] == "partner")
    report["events"].append({"type": "advice", "speaker": partner, "start": 11.0, "end": 15.0, "text": "", "detail": {}})
    assert score.score_report(report, t)["advice"]["f1"] == 1.0
    listener = next(s["id"] for s in report["speakers"] if s["role"] == "listener")
    report["events"].append({"type": "advice", "speaker": listener, "start": 16.0, "end": 18.0, "text": "", "detail": {}})
    assert score.score_report(report, t)["advice"]["fp"] == 1


def test_interruption_outcome_accuracy():
    t = truth()
    report = oracle_report(t)
    for e in report["events"]:
        if e["type"] == "interruption":
            e["detail"]["outcome"] = "overlapped"
    s = score.score_report(report, t)
    assert s["interruption"]["f1"] == 1.0 and s["interruption"]["outcome_accuracy"] == 0.0


def test_pool_sums_counts():
    a, b = score.prf(1, 0, 1), score.prf(3, 1, 0)
    assert score.pool([a, b])["f1"] == pytest.approx(score.prf(4, 1, 1)["f1"])
    d = score.pool([{"missed": 10, "false_alarm": 0, "confusion": 0, "total": 100},
                    {"missed": 0, "false_alarm": 10, "confusion": 10, "total": 300}])
    assert d["der"] == pytest.approx(30 / 400)
    assert score.pool([None]) is None
    words = score.pool([{"words": 10, "misattributed": 1, "reference": 12, "errors": 3}, None,
                        {"words": 5, "misattributed": 2, "reference": 5, "errors": 0}])
    assert words == {"words": 15, "misattributed": 3, "reference": 17, "errors": 3}


def test_real_clip_without_roles_maps_by_permutation():
    t = {"duration_s": 10.0, "speakers": [{"id": "MEE009"}, {"id": "MEE012"}],
         "segments": [{"speaker": "MEE009", "start": 0.0, "end": 5.0}, {"speaker": "MEE012", "start": 4.0, "end": 9.0}]}
    report = {"speakers": [{"id": "S0", "role": "listener"}, {"id": "S1", "role": "partner"}],
              "turns": [{"speaker": "S1", "start": 0.0, "end": 5.0}, {"speaker": "S0", "start": 4.0, "end": 9.0}],
              "overlaps": [{"start": 4.0, "end": 5.0}], "events": []}
    s = score.score_report(report, t)
    assert s["mapping_by"] == "permutation"
    assert s["der"]["der"] == 0.0 and s["overlap"]["f1"] == 1.0
    assert s["advice"] is None and "interruption" not in s


def test_words_in_the_wrong_turn_are_counted_against_what_each_person_said():
    t = {
        "speakers": [{"id": L, "role": "listener"}, {"id": P, "role": "partner"}],
        "utterances": [
            {"speaker": P, "start": 0.0, "end": 3.0, "text": "My boss yelled at me today."},
            {"speaker": L, "start": 2.8, "end": 5.0, "text": "That sounds awful."},
        ],
    }

    def turn(speaker, *words):
        return {"speaker": speaker, "start": words[0][0], "words": [{"start": a, "end": b, "word": w} for a, b, w in words]}

    right = [turn("S1", (0.1, 0.5, "My"), (0.5, 1.0, "boss"), (1.0, 1.5, "yelled"), (2.4, 2.9, "today.")),
             turn("S0", (3.0, 3.4, "That"), (3.4, 3.9, "sounds"), (3.9, 4.5, "awful."))]
    mapping = {"S0": L, "S1": P}
    # 9 words said; "at me" were not heard: 2 errors
    assert score.word_attribution({"turns": right}, t, mapping) == {
        "words": 7, "misattributed": 0, "reference": 9, "errors": 2}
    # the partner's last word heard in the listener's turn, and a misheard word that counts for neither
    wrong = [turn("S1", (0.1, 0.5, "My"), (0.5, 1.0, "bus")),
             turn("S0", (2.8, 3.0, "today."), (3.0, 3.4, "That"), (3.4, 3.9, "sounds"))]
    # "bus" for "boss"; "yelled at me" missing; "awful" missing: 1 + 3 + 1
    assert score.word_attribution({"turns": wrong}, t, mapping) == {
        "words": 5, "misattributed": 1, "reference": 9, "errors": 5}
    assert score.word_attribution({"turns": right}, truth(), mapping) is None  # no words to check against
    voices = {**t, "utterances": [{**t["utterances"][0], "text": ""},
                                  {**t["utterances"][1], "kind": "backchannel", "text": "mm-hmm"}]}
    assert score.word_attribution({"turns": right}, voices, mapping) is None  # only the backchannels known


def test_word_errors_hand_computed():
    assert score.words_of("Don't stop, it's 6 o'clock!") == ["don't", "stop", "it's", "6", "o'clock"]
    ref = score.words_of("you need to take a few weeks off")
    assert score.word_errors(ref, ref) == 0
    assert score.word_errors(ref, score.words_of("my brother said a few weeks off")) == 4  # 3 subst., 1 del.
    assert score.word_errors(ref, []) == len(ref) and score.word_errors([], ["uh"]) == 1


def test_the_table_pools_the_ami_clips_like_a_corpus_beside_each_clip():
    from bench.run import table

    def clip(name, missed, false_alarm, total):
        der = {"missed": missed, "false_alarm": false_alarm, "confusion": 0, "total": total}
        der["der"] = (missed + false_alarm) / total
        return {"id": name, "mode": "single-mic", "audio_s": 30.0, "coach": {"wall_s": 3.0},
                "scores": {"der": der, "overlap": score.prf(1, 0, 1)}}

    real = [clip("ami-dev00", 40, 0, 2000), clip("ami-dev01", 0, 200, 1000), clip("stereo", 0, 0, 500)]
    text = table({"real": real}, {"date": "today", "arch": "x86_64", "cpu": "a CPU", "cores": 2, "model": "tiny.en"})
    assert "| ami-dev00 | single-mic | 2.0 % |" in text and "| ami-dev01 | single-mic | 20.0 % |" in text
    # 240 error frames over 3000 reference frames; the stereo clip is not AMI.
    assert "| AMI, the 2 clips pooled | single-mic | 8.0 % | 0.67 |" in text
    assert "DER ≤ 15 % (each clip)" in text


def test_backchannels_in_a_pause_are_also_counted_apart():
    t = truth()
    t["backchannels"].append({"time": 10.3, "end": 10.7, "speaker": L, "text": "mm-hmm", "in_pause": True})
    t["segments"].append({"speaker": L, "start": 10.3, "end": 10.7})
    t["utterances"].append({"id": 6, "speaker": L, "start": 10.3, "end": 10.7, "kind": "backchannel", "text": "", "labels": []})
    assert score.score_report(oracle_report(t), t)["backchannel_in_pause"]["recall"] == 1.0
    assert score.score_report(EMPTY, t)["backchannel_in_pause"]["recall"] == 0.0
    assert "backchannel_in_pause" not in score.score_report(oracle_report(truth()), truth())
