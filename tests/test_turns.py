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


def test_the_end_of_a_sentence_heard_in_the_newcomers_turn_goes_back_to_who_said_it():
    # one mic: the partner's last word is under the listener's first, where the listener is heard most
    regions = [R("P", 0, 5.0), R("L", 4.6, 8)]
    dominant = [R("P", 0, 4.6), R("L", 4.6, 8)]
    words = [Word(3.0, 3.6, "for"), Word(3.6, 4.4, "three"), Word(4.7, 4.9, "weeks."), Word(5.0, 5.3, "You"),
             Word(5.3, 5.6, "should"), Word(5.6, 6.0, "report"), Word(6.0, 6.5, "her.")]
    turns = build_turns(regions, {}, 0.5, words, dominant)
    assert [(t.speaker, t.text) for t in turns] == [("P", "for three weeks."), ("L", "You should report her.")]
    for t in turns:
        assert all(t.start <= w.start <= w.end <= t.end for w in t.words)


def test_the_first_word_of_a_reply_glued_to_the_turn_before_goes_to_the_reply():
    # Whisper times the reply's "I" right after "familiar.", half a second before the reply's voice
    regions = [R("L", 0, 8.0), R("P", 8.5, 10)]
    words = [Word(7.0, 7.6, "familiar."), Word(7.6, 7.9, "I"), Word(8.6, 9.0, "like"), Word(9.0, 9.5, "that.")]
    turns = build_turns(regions, {}, 0.5, words)
    assert [(t.speaker, t.text) for t in turns] == [("L", "familiar."), ("P", "I like that.")]
    assert turns[1].start == 8.5  # the moved word does not stretch the reply back over the other turn


def test_a_sentence_that_ends_where_the_next_begins_stays_put():
    regions = [R("P", 0, 4.0), R("L", 4.2, 7)]
    # the partner finished ("phone."), so the listener's short first sentence is the listener's own
    words = [Word(3.0, 3.8, "phone."), Word(4.3, 4.6, "Wow."), Word(4.7, 5.0, "That's"), Word(5.0, 5.4, "hard.")]
    assert [t.text for t in build_turns(regions, {}, 0.5, words)] == ["phone.", "Wow. That's hard."]
    # the partner trailed off; the listener's capitalised "Really?" begins a sentence of their own
    words = [Word(3.0, 3.8, "if"), Word(4.3, 4.8, "Really?"), Word(4.9, 5.2, "Why"), Word(5.2, 5.6, "not?")]
    assert [t.text for t in build_turns(regions, {}, 0.5, words)] == ["if", "Really? Why not?"]
    # a turn that is nothing but the scrap keeps it (a "Right." of its own under the partner)
    regions = [R("P", 0, 6.0), R("L", 3.0, 3.6)]
    dominant = [R("P", 0, 3.0), R("L", 3.0, 3.6), R("P", 3.6, 6.0)]
    words = [Word(2.0, 2.9, "and"), Word(3.1, 3.5, "Right."), Word(3.7, 4.5, "then")]
    turns = build_turns(regions, {}, 0.5, words, dominant)
    assert [(t.speaker, t.text) for t in turns] == [("P", "and then"), ("L", "Right.")]


def test_the_first_word_of_a_sentence_said_after_a_pause_opens_the_next_turn():
    """The bundled two-mic sample: "…I snap at my kids. And | I don't want to be that kind of parent." """
    regions = [R("P", 27.3, 35.0), R("P", 36.1, 38.1)]
    words = {"P": [Word(34.0, 35.07, "kids."), Word(35.07, 35.17, "And"), Word(36.15, 36.4, "I"),
                   Word(36.4, 36.7, "don't")]}
    first, second = build_turns(regions, words, 0.5)
    assert (first.text, second.text) == ("kids.", "And I don't")
    assert first.end == 35.07 and second.start == 36.1 and second.words[0].start >= 36.1
    # a turn that never finished a sentence, or a next turn more than a second later, keeps its words
    unfinished = {"P": [Word(34.0, 35.07, "kids"), Word(35.07, 35.17, "and"), Word(36.15, 36.4, "I")]}
    assert [t.text for t in build_turns(regions, unfinished, 0.5)] == ["kids and", "I"]
    later = [R("P", 27.3, 35.0), R("P", 36.5, 38.1)]
    later_words = {"P": [Word(34.0, 35.07, "kids."), Word(35.07, 35.17, "And"), Word(36.6, 36.8, "I")]}
    assert [t.text for t in build_turns(later, later_words, 0.5)] == ["kids. And", "I"]


def test_talk_time_counts_each_speaker_once():
    assert talk_time([R("A", 0, 2), R("A", 1, 3), R("B", 2, 2.5)]) == {"A": 3.0, "B": 0.5}


def test_no_regions_no_turns():
    assert build_turns([], {"A": [Word(0, 1, "x")]}, 0.5) == []
