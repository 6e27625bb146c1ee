"""Regions and words into turns."""

from __future__ import annotations

from coach.detect import detect_events
from coach.options import AnalysisOptions
from coach.turns import build_turns, merge_regions, talk_time
from coach.types import SpeechRegion, Word


def R(s, a, b):
    return SpeechRegion(s, a, b)


def test_merge_joins_short_pauses_of_one_speaker_only():
    merged = merge_regions([R("A", 0, 1), R("A", 1.3, 2), R("B", 1.1, 1.2), R("A", 3, 4)], 0.5)
    assert merged == [R("A", 0, 2), R("B", 1.1, 1.2), R("A", 3, 4)]


def test_words_land_in_their_speakers_turn_and_turns_are_ordered():
    regions = [R("A", 0, 3), R("B", 2.5, 4), R("A", 5, 6)]
    words = {
        "A": [Word(0.1, 0.4, "so"), Word(0.5, 0.9, "anyway"), Word(5.1, 5.5, "right")],
        "B": [Word(2.6, 3.0, "wait"), Word(3.1, 3.9, "what")],
    }
    turns = build_turns(regions, words, 0.5)
    assert [(t.speaker, t.text) for t in turns] == [("A", "so anyway"), ("B", "wait what"), ("A", "right")]
    assert all(t.start <= t.end for t in turns)
    assert [t.start for t in turns] == sorted(t.start for t in turns)
    for t in turns:
        assert all(t.start <= w.start <= w.end <= t.end for w in t.words)


def test_unassigned_words_go_to_the_speaker_talking_then():
    regions = [R("A", 0, 10), R("B", 4, 4.6), R("A", 12, 13), R("B", 13.5, 15)]
    words = [Word(1, 1.5, "long"), Word(4.1, 4.5, "word"), Word(9, 9.5, "story"), Word(12.2, 12.6, "end"),
             Word(13.6, 14, "reply")]
    turns = build_turns(regions, {}, 0.5, words)
    # Inside an overlap the word goes to the one holding the floor: one mic's transcript follows the
    # dominant voice, and B's short interjection keeps no borrowed words.
    assert [(t.speaker, t.text) for t in turns] == [("A", "long word story"), ("B", ""), ("A", "end"), ("B", "reply")]


def test_words_of_an_interruption_that_takes_the_floor_go_to_the_interrupter():
    regions = [R("P", 0, 6.5), R("L", 6.0, 9.0)]
    words = [Word(5.0, 5.5, "so"), Word(6.1, 6.4, "you"), Word(6.6, 7.0, "should"), Word(7.1, 7.5, "quit")]
    turns = build_turns(regions, {}, 0.5, words)
    assert [(t.speaker, t.text) for t in turns] == [("P", "so"), ("L", "you should quit")]


def test_a_word_inside_an_overlap_goes_to_the_voice_most_heard_there():
    # the listener's advice over the partner, who carries on after it: one mic's Whisper hears the advice
    regions = [R("P", 0, 10), R("L", 3, 6)]
    words = [Word(1, 1.5, "night"), Word(3.5, 4.0, "if"), Word(4.0, 4.5, "I"), Word(4.5, 5.0, "were"),
             Word(5.0, 5.5, "you"), Word(8, 8.5, "anyway")]
    without = build_turns(regions, {}, 0.5, words)
    assert [(t.speaker, t.text) for t in without] == [("P", "night if I were you anyway"), ("L", "")]
    dominant = [R("P", 0, 3.2), R("L", 3.2, 5.8), R("P", 5.8, 10)]
    turns = build_turns(regions, {}, 0.5, words, dominant)
    assert [(t.speaker, t.text) for t in turns] == [("P", "night anyway"), ("L", "if I were you")]


def test_a_word_outside_its_turn_stretches_it_by_at_most_a_second():
    turns = build_turns([R("A", 2, 3)], {"A": [Word(0.2, 0.5, "early"), Word(2.1, 2.5, "on")]}, 0.5)
    assert turns[0].start == 1.0 and turns[0].text == "early on"
    assert turns[0].words[0].start == turns[0].words[0].end == 1.0  # trimmed to its turn


def test_a_word_glued_across_a_change_of_speaker_does_not_stretch_over_the_other():
    # Whisper starts "Nervous" where "tomorrow?" ends, 0.15 s before the answer really begins
    regions = [R("L", 0.0, 2.15), R("P", 2.3, 4.0)]
    words = [Word(1.4, 2.0, "tomorrow?"), Word(2.0, 2.6, "Nervous"), Word(2.6, 3.0, "but")]
    turns = build_turns(regions, {}, 0.5, words)
    assert [(t.speaker, t.start, t.text) for t in turns] == [("L", 0.0, "tomorrow?"), ("P", 2.15, "Nervous but")]
    assert turns[1].words[0].start == 2.15 and turns[1].words[0].end == 2.6
    assert [e.type for e in detect_events(turns, "L", AnalysisOptions()) if e.type == "interruption"] == []
    for t in turns:
        assert all(t.start <= w.start <= w.end <= t.end for w in t.words)


def test_talk_time_counts_each_speaker_once():
    assert talk_time([R("A", 0, 2), R("A", 1, 3), R("B", 2, 2.5)]) == {"A": 3.0, "B": 0.5}


def test_no_regions_no_turns():
    assert build_turns([], {"A": [Word(0, 1, "x")]}, 0.5) == []
