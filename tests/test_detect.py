"""Interruptions, backchannels and behaviours on hand-built turns."""

from __future__ import annotations

import dataclasses

import pytest

from coach.detect import detect_events, is_backchannel_text
from coach.options import AnalysisOptions
from coach.types import Turn, Word

OPTIONS = AnalysisOptions()
P, L = "S1", "S2"  # partner speaks first, listener second


def T(speaker, start, end, text=""):
    return Turn(speaker, start, end, text)


def kinds(events, kind):
    return [e for e in events if e.type == kind]


@pytest.mark.parametrize(
    "text", ["", "mm-hmm", "Mm-hmm.", "yeah", "Right.", "okay", "I see", "oh wow", "uh-huh", "M -H -M.", "M .A .D.", "I.", "a",
             "Oh no.", "Well, no.", "Uh -uh,", "Mm -hmm.", "Oh, man.", "Oof.", "Aw, jeez.", "Good grief.", "Oh, bless.", "Ouch.", "Mm -mm,", "Hmm-mm.", "Oh dear,", "Of course.",
             "Whoa.", "Oh, nice.", "Amen.", "Emm.", "Emmm,"]
)
def test_backchannel_texts(text):
    assert is_backchannel_text(text, 3)


@pytest.mark.parametrize("text", ["no wait", "but you should", "I think", "yeah but have you tried", "no", "so", "But", "and",
                                  "Well.", "well I think", "Well, you should", "Wait -what?", "man, you should quit",
                                  # "Oh, I know. My old boss was exactly like that": the start of a turn
                                  "Oh, I know.",
                                  # An echoed number ("Fourth?" heard as "4.") is a question, not a murmur.
                                  "4.", "18 hundred."])
def test_not_backchannel_texts(text):
    assert not is_backchannel_text(text, 3)


def test_mm_hmm_inside_the_partners_speech_is_a_backchannel_not_an_interruption():
    turns = [T(P, 0, 10, "so my manager keeps changing the plan"), T(L, 4, 4.4, "mm-hmm"), T(L, 6, 6.3, "")]
    events = detect_events(turns, L, OPTIONS)
    assert len(kinds(events, "backchannel")) == 2
    assert kinds(events, "interruption") == []


def test_a_murmur_whisper_guessed_as_a_word_is_still_a_backchannel():
    murmur = Turn(L, 57.8, 58.2, "Try.", (Word(58.1, 58.2, "Try.", 0.45),))
    said = Turn(L, 57.8, 58.2, "Try.", (Word(58.1, 58.2, "Try.", 0.95),))
    for turn, expected in ((murmur, "backchannel"), (said, "interruption")):
        events = detect_events([T(P, 56, 59.5, "that might actually work"), turn], L, OPTIONS)
        assert [e.type for e in events if e.speaker == L and e.type in ("backchannel", "interruption")] == [expected]
    assert kinds(detect_events([T(P, 56, 59.5, "so"), murmur], L, OPTIONS), "advice") == []
    # Spelled out, with Whisper sure only of the last letter: still the murmur it was.
    spelled = Turn(L, 3.7, 4.7, "M .H .M.", (Word(3.7, 4.1, "M", 0.08), Word(4.1, 4.4, ".H", 0.41), Word(4.4, 4.7, ".M.", 0.96)))
    assert kinds(detect_events([T(P, 0, 9, "and then he left"), spelled], L, OPTIONS), "backchannel")


def test_an_echo_question_whisper_was_unsure_of_is_a_cut_in_not_a_murmur():
    partner = Turn(P, 10, 16, "and now he wants sixteen grand for it.", (
        Word(10, 10.3, "and"), Word(10.3, 10.6, "now"), Word(10.6, 10.8, "he"), Word(10.8, 11.2, "wants"),
        Word(11.2, 11.8, "sixteen"), Word(11.8, 12.3, "grand"), Word(12.3, 12.5, "for"), Word(12.5, 12.8, "it."),
        Word(13.2, 13.5, "I"), Word(13.5, 13.9, "mean,"), Word(13.9, 16, "honestly.")))

    def floor(listener_word):
        listener = Turn(L, listener_word.start, listener_word.end, listener_word.word, (listener_word,))
        events = detect_events([partner, listener], L, OPTIONS)
        return [e.type for e in events if e.speaker == L and e.type in ("backchannel", "interruption")]

    # "Sixteen?" heard as "16," at 0.07, said after the partner's "sixteen": a cut-in.
    assert floor(Word(12.9, 13.4, "16,", 0.07)) == ["interruption"]
    # A murmur misheard as a word that repeats nothing, or as the word the partner was saying at that
    # very moment (their voice leaking into the listener's mic), stays a murmur.
    assert floor(Word(12.9, 13.4, "blood.", 0.07)) == ["backchannel"]
    assert floor(Word(11.3, 11.7, "sixteen", 0.07)) == ["backchannel"]
    # Plurals and ordinals: "The seconds?" heard as "second," echoes the partner's "seconds".
    dropped = Turn(P, 10, 16, "and now I'm on the seconds. Honestly.", (
        Word(10, 10.4, "and"), Word(10.4, 10.7, "now"), Word(10.7, 11, "I'm"), Word(11, 11.2, "on"),
        Word(11.2, 11.4, "the"), Word(11.4, 12, "seconds."), Word(13.5, 16, "Honestly.")))
    listener = Turn(L, 12.4, 12.9, "second,", (Word(12.4, 12.9, "second,", 0.1),))
    assert [e.type for e in detect_events([dropped, listener], L, OPTIONS) if e.speaker == L] == [
        "closed_question", "interruption"]
    # Common words are no echo: "Well," after the partner's "well" is as likely a murmur.
    assert floor(Word(12.9, 13.2, "and", 0.07)) == ["backchannel"]


def test_an_echo_question_the_partner_answers_by_repeating_is_a_cut_in():
    # "…the fourth time." "Fourth?" "Fourth. I'd booked a table…": Whisper timed the partner's "fourth"
    # as running on past the start of the listener's "4.", and their turn on past its end (so they did
    # not visibly give way to it), so only the answer shows it was an echo.
    told = Turn(P, 1.4, 5.9, "That's the fourth time.", (
        Word(4.3, 4.5, "That's"), Word(4.5, 4.7, "the"), Word(4.7, 5.0, "fourth"), Word(5.0, 5.3, "time.")))
    listener = Turn(L, 4.8, 5.4, "4.", (Word(4.8, 5.4, "4.", 0.09),))

    def floor(answer_text, answer_start):
        first, *rest = answer_text.split()
        answer = Turn(P, answer_start, answer_start + 3, answer_text, (
            Word(answer_start, answer_start + 0.4, first, 0.3),
            *(Word(answer_start + 0.5 + 0.3 * i, answer_start + 0.8 + 0.3 * i, w) for i, w in enumerate(rest))))
        events = detect_events([told, listener, answer], L, OPTIONS)
        return [e.type for e in events if e.speaker == L and e.type in ("backchannel", "interruption")]

    assert floor("Fourth, I'd booked a table", 6.3) == ["interruption"]
    # Carrying on with something else, or repeating it only much later, makes it the murmur it sounds like.
    assert floor("Anyway, I'd booked a table", 6.3) == ["backchannel"]
    assert floor("Anyway, I'd booked a table, the fourth", 6.3) == ["backchannel"]


@pytest.mark.parametrize("partner_says, listener_says, expected", [
    # Whisper writes one number two ways: "…they want 1,800." "Eighteen hundred?" heard as "18 hundred."
    (("they", "want", "1,800."), ("18", "hundred."), "interruption"),
    (("they", "want", "four", "thousand."), ("4000?",), "interruption"),
    (("question", "forty-one."), ("forty", "one,"), "interruption"),
    # ...and splits a word it hears badly: "Toronto?" as "to Ronto,".
    (("a", "job", "in", "Toronto."), ("to", "Ronto,"), "interruption"),
    # ...and mishears a letter of a long word: "Two freshmen?" as "Too freshman.", but not of a short one.
    (("two", "freshmen", "made", "it."), ("Too", "freshman."), "interruption"),
    (("a", "bad", "month."), ("mouth,",), "backchannel"),
    # Two words that make no echo together stay the murmur they sound like.
    (("they", "want", "1,800."), ("to", "and"), "backchannel"),
    (("they", "want", "1,800."), ("18", "and"), "backchannel"),
])
def test_an_echo_whisper_wrote_as_two_words_or_another_number_is_a_cut_in(partner_says, listener_says, expected):
    said = tuple(Word(10 + 0.4 * i, 10.4 + 0.4 * i, w) for i, w in enumerate(partner_says))
    partner = Turn(P, 9, 16, " ".join(partner_says), (Word(9, 10, "So"), *said, Word(13.5, 16, "honestly.")))
    heard = tuple(Word(12.6 + 0.3 * i, 12.9 + 0.3 * i, w, 0.2) for i, w in enumerate(listener_says))
    listener = Turn(L, 12.5, heard[-1].end, " ".join(listener_says), heard)
    events = detect_events([partner, listener], L, OPTIONS)
    assert [e.type for e in events if e.speaker == L and e.type in ("backchannel", "interruption")] == [expected]


def test_glue_words_whisper_made_of_a_murmur_under_the_partner_are_a_backchannel():
    partner = T(P, 20, 30, "so we sat down with the whole team and went through every single line of it")

    def floor(text, start=24.0, end=24.6):
        events = detect_events([partner, T(L, start, end, text)], L, OPTIONS)
        return [e.type for e in events if e.speaker == L and e.type in ("backchannel", "interruption")]

    # "Mm." comes back as "And then", "Yeah." as "You": the partner carried on, nothing was taken.
    assert floor("And then") == ["backchannel"]
    assert floor("You.") == ["backchannel"]
    assert floor("you at.") == ["backchannel"]
    # A supportive sound with Whisper's glue after it ("Oh, yikes." heard as "Oh, yeah, that").
    assert floor("Oh, yeah, that") == ["backchannel"]
    assert floor("No, you") == ["interruption"]
    # Asked, they are a prompt to go on; with a word of their own, a cut-in.
    assert floor("And then?") == ["interruption"]
    assert floor("You too.") == ["interruption"]
    # The same glue words going on after the partner stopped took the floor.
    assert floor("and then you", start=29.5, end=30.8) == ["interruption"]


def test_a_short_cut_in_that_repeats_the_partner_is_an_echo_question_whatever_the_punctuation():
    partner = Turn(P, 0, 9, "I'd been with them twelve years, and then one email and I'm out.", (
        Word(0.0, 2.0, "I'd been with them"), Word(2.0, 2.4, "twelve"), Word(2.4, 2.9, "years,"),
        Word(3.5, 9.0, "and then one email and I'm out.")))

    def labels(text, start=3.0):
        words = tuple(Word(start + 0.3 * i, start + 0.3 * (i + 1), w, 0.9) for i, w in enumerate(text.split()))
        listener = Turn(L, start, words[-1].end, text, words)
        return sorted(e.type for e in detect_events([partner, listener], L, OPTIONS) if e.speaker == L)

    # tiny.en writes "Twelve years?" as "12 years." over the partner's voice: still a question.
    assert labels("12 years.") == ["closed_question", "interruption"]
    # Repeating nothing, it is what its words are; with labels of its own, those stand.
    assert labels("Hold on.") == ["interruption"]
    assert labels("Twelve years, you should leave.") == ["advice", "interruption"]
    # Longer than an echo, it is a sentence of its own.
    assert labels("twelve years is a long time to give a company that treats you") == ["interruption"]


def test_wait_is_a_cut_in_however_unsure_whisper_was_of_it():
    partner = T(P, 0, 8, "so I said I'm not coming to the wedding, and that's that, honestly")

    def floor(word, probability):
        listener = Turn(L, 3.0, 3.6, word, (Word(3.1, 3.5, word, probability),))
        return [e.type for e in detect_events([partner, listener], L, OPTIONS) if e.speaker == L
                and e.type in ("backchannel", "interruption")]

    # "Wait, what?" heard as "Wait," at 0.3: no murmur comes back as "wait", "hang on" or "hold on".
    assert floor("Wait,", 0.3) == ["interruption"]
    assert floor("Hold", 0.2) == ["interruption"]
    # An unsure word of another kind is still taken for the murmur it likely was.
    assert floor("Weight,", 0.3) == ["backchannel"]


def test_glue_words_left_when_the_unsure_words_are_set_aside_are_a_backchannel_too():
    partner = T(P, 20, 30, "so we sat down with the whole team and went through every single line of it")

    def floor(*words):
        text = " ".join(w for w, _ in words)
        timed = tuple(Word(24.0 + 0.3 * i, 24.3 + 0.3 * i, w, p) for i, (w, p) in enumerate(words))
        events = detect_events([partner, Turn(L, 24.0, 24.0 + 0.3 * len(words), text, timed)], L, OPTIONS)
        return [e.type for e in events if e.speaker == L and e.type in ("backchannel", "interruption")]

    # "Yeah." heard as "You add.", "Mm-hmm." as "Image him.": the only word Whisper is sure of is glue.
    assert floor(("You", 0.61), ("add.", 0.27)) == ["backchannel"]
    assert floor(("Image", 0.25), ("him.", 0.63)) == ["backchannel"]
    # Sure of the word that is not glue, it is a word said: "You add." as "You too." is.
    assert floor(("You", 0.9), ("add.", 0.9)) == ["interruption"]
    assert floor(("Nobody", 0.3), ("told", 0.9), ("you", 0.9)) == ["interruption"]


def test_backchannel_in_a_pause_of_the_partners_story():
    turns = [T(P, 0, 5, "and then"), T(L, 5.3, 5.7, "yeah"), T(P, 6.0, 9, "she left")]
    assert len(kinds(detect_events(turns, L, OPTIONS), "backchannel")) == 1


def test_carrying_on_over_the_listeners_mm_hmm_in_ones_pause_is_no_interruption():
    # the listener's burst runs on 0.3 s into the partner's next words (a voice detector's hangover)
    turns = [T(P, 0, 5, "and then"), T(L, 5.3, 6.3, "Uh-huh."), T(P, 5.9, 9, "she left without a word")]
    events = detect_events(turns, L, OPTIONS)
    assert kinds(events, "interruption") == [] and len(kinds(events, "backchannel")) == 1
    # over a reply of the listener's own, it is still an interruption
    turns = [T(P, 0, 5, "and then"), T(L, 5.3, 7.3, "Why did she go?"), T(P, 6.9, 9, "she left without a word")]
    (e,) = kinds(detect_events(turns, L, OPTIONS), "interruption")
    assert e.speaker == P


def test_a_short_cut_in_the_partner_gives_way_to_is_an_interruption_however_unsure_the_words():
    cut_in = Turn(L, 17.7, 18.3, "Before,", (Word(17.7, 18.3, "Before,", 0.33),))
    # the partner talks on 0.8 s into it, stops as it ends and picks up again 0.7 s later
    gave_way = [T(P, 12.9, 18.5, "I spent most of yesterday lying on the bathroom floor"), cut_in,
                T(P, 19.0, 23.9, "it's cooler there")]
    (e,) = kinds(detect_events(gave_way, L, OPTIONS), "interruption")
    assert (e.start, e.detail["outcome"]) == (17.7, "took_floor")
    assert kinds(detect_events(gave_way, L, OPTIONS), "backchannel") == []
    # talked through, it is the murmur Whisper made a word of
    talked_through = [T(P, 12.9, 21, "I spent most of yesterday lying on the bathroom floor"), cut_in]
    assert kinds(detect_events(talked_through, L, OPTIONS), "backchannel")
    # an "mm-hmm" where the partner's sentence ends before they carry on is listening, not a cut-in
    hum = Turn(L, 17.7, 18.3, "Mm-hmm.", (Word(17.7, 18.3, "Mm-hmm.", 0.33),))
    assert kinds(detect_events([gave_way[0], hum, gave_way[2]], L, OPTIONS), "backchannel")
    # the partner who was only finishing as it began did not give way to it
    finishing = [T(P, 12.9, 17.9, "I spent most of yesterday lying on the bathroom floor"), cut_in, gave_way[2]]
    assert kinds(detect_events(finishing, L, OPTIONS), "interruption") == []


def test_a_hum_whisper_wrote_with_a_word_beside_it_is_a_backchannel_when_talked_through():
    def floor(*words, partner_end=9.0):
        turn = Turn(L, 4.0, 4.6, " ".join(w for w, _ in words),
                    tuple(Word(4.0 + 0.3 * i, 4.3 + 0.3 * i, w, p) for i, (w, p) in enumerate(words)))
        events = detect_events([T(P, 1.0, partner_end, "and the car park was empty by then"), turn], L, OPTIONS)
        return [e.type for e in events if e.speaker == L and e.type in ("backchannel", "interruption")]

    assert floor(("Mm,", 0.8), ("what", 0.7)) == ["backchannel"]
    assert floor(("hard.", 0.9), ("Mm", 0.7)) == ["backchannel"]
    assert floor(("M", 0.3), ("-H", 0.6), ("-M,", 0.99)) == ["backchannel"]  # how Whisper spells "mm-hmm"
    # a cut-in with a hum in it is still one: halting the partner, or said as they stop
    assert floor(("Mm,", 0.8), ("wait", 0.7)) == ["interruption"]
    assert floor(("Mm,", 0.8), ("what", 0.7), partner_end=4.5) == ["interruption"]
    # no hum, no change: sure words under the partner's speech are a cut-in
    assert floor(("But", 0.9), ("what", 0.7)) == ["interruption"]


def test_a_question_word_whisper_gave_no_time_before_a_backchannel_is_no_cut_in():
    def floor(first_word_s, gap_s=0.2):
        end = 4.0 + first_word_s + gap_s + 0.4
        turn = Turn(L, 4.0, end, "what? Oh, God.", (
            Word(4.0, 4.0 + first_word_s, "what?", 0.9), Word(end - 0.4, end - 0.25, "Oh,", 0.9), Word(end - 0.2, end, "God.", 0.8)))
        events = detect_events([T(P, 1.0, 9.0, "and he put a slide up with his name on it"), turn], L, OPTIONS)
        return [e.type for e in events if e.speaker == L and e.type in ("backchannel", "interruption")]

    # "what?" in 0.05-0.12 s, apart from the words after it: carried over from the partner, not said
    assert floor(0.05) == ["backchannel"]
    assert floor(0.12, gap_s=0.08) == ["backchannel"]
    # a "What?" that is said lasts, and one run into the next word is part of them
    assert floor(0.3) == ["interruption"]
    assert floor(0.1, gap_s=0.0) == ["interruption"]


def test_i_know_under_the_partners_speech_is_a_backchannel_even_as_their_sentence_ends():
    def floor(text, start=46.8, end=47.6):
        turns = [T(P, 39.8, 47.9, "three or four tea, I just want a kitchen"), T(L, start, end, text),
                 T(L, 48.3, 51.5, "three weeks on this is too long")]
        events = detect_events(turns, L, OPTIONS)
        return [e.type for e in events if e.start == start and e.type in ("backchannel", "interruption")]

    assert floor("I know,") == ["backchannel"]
    assert floor("Oh, I know.") == ["backchannel"]
    assert floor("I know, but you should") == ["interruption"]
    # after the partner has finished it is a reply, not an encouraging sound
    assert floor("I know.", start=48.0, end=48.25) == []


def test_short_reply_after_the_partner_finished_is_not_a_backchannel():
    turns = [T(P, 0, 5, "do you see what I mean"), T(L, 5.5, 5.9, "yeah")]
    assert kinds(detect_events(turns, L, OPTIONS), "backchannel") == []


def test_a_backchannel_then_a_pause_then_a_cut_in_are_two_events():
    listener = Turn(L, 97.26, 100.5, "Yeah, yeah. I've tried it, and liked it.", (
        Word(97.26, 97.5, "Yeah,"), Word(97.55, 97.9, "yeah."), Word(98.5, 98.8, "I've"), Word(98.8, 99.1, "tried"),
        Word(99.1, 99.3, "it,"), Word(99.4, 99.6, "and"), Word(99.6, 99.8, "liked"), Word(99.8, 100.1, "it.")))
    events = detect_events([T(P, 90, 102, "and so the whole thing went on"), listener], L, OPTIONS)
    assert [(e.type, e.start) for e in events if e.type in ("backchannel", "interruption")] == [
        ("backchannel", 97.26), ("interruption", 98.5)]
    advised = Turn(L, 5, 8, "Yeah. You should quit.", (Word(5, 5.3, "Yeah."), Word(5.8, 6, "You"), Word(6, 6.3, "should"),
                                                      Word(6.3, 6.8, "quit.")))
    assert kinds(detect_events([T(P, 0, 10, "my boss again"), advised], L, OPTIONS), "advice")


def test_interruption_that_takes_the_floor():
    turns = [T(P, 0, 6.5, "I was going to say that"), T(L, 6.0, 9, "you should just quit")]
    (e,) = kinds(detect_events(turns, L, OPTIONS), "interruption")
    assert e.speaker == L and e.detail["interrupted"] == P and e.detail["outcome"] == "took_floor"
    assert e.start == 6.0


def test_interruption_where_both_carry_on():
    turns = [T(P, 0, 10, "and it keeps happening every week"), T(L, 4, 7, "well that is because you let it")]
    (e,) = kinds(detect_events(turns, L, OPTIONS), "interruption")
    assert e.detail["outcome"] == "overlapped"


def test_partner_interrupting_is_attributed_to_the_partner():
    turns = [T(L, 0, 5, "what I meant was"), T(P, 3, 8, "no listen to me")]
    (e,) = kinds(detect_events(turns, L, OPTIONS), "interruption")
    assert e.speaker == P and e.detail["interrupted"] == L


def test_starting_as_the_other_finishes_is_turn_taking():
    turns = [T(P, 0, 5, "that's all"), T(L, 4.9, 7, "that sounds hard"), T(P, 7.5, 9), T(L, 9.0, 10, "okay so what")]
    assert kinds(detect_events(turns, L, OPTIONS), "interruption") == []


def test_behaviours_only_for_the_listener_and_quotes_are_not_advice():
    turns = [
        T(P, 0, 4, "my dad said I should just quit"),
        T(L, 5, 7, "have you tried talking to your manager"),
        T(L, 8, 10, "it sounds like you feel stuck"),
    ]
    events = detect_events(turns, L, OPTIONS)
    advice = kinds(events, "advice")
    assert [e.speaker for e in advice] == [L]
    assert advice[0].detail["with_permission"] is False
    assert kinds(events, "reflection")[0].start == 8


def test_advice_after_permission_or_when_asked_is_marked():
    asked = [T(P, 0, 3, "what should I do"), T(L, 4, 6, "you should talk to her")]
    (e,) = kinds(detect_events(asked, L, OPTIONS), "advice")
    assert e.detail["with_permission"] is True
    offered = [T(L, 0, 2, "can I share an idea?"), T(P, 2.5, 3, "sure"), T(L, 3.5, 6, "you could try writing it down")]
    events = detect_events(offered, L, OPTIONS)
    assert kinds(events, "permission") and kinds(events, "advice")[0].detail["with_permission"] is True
    late = [T(P, 0, 3, "what should I do"), T(L, 200, 203, "you should talk to her")]
    assert kinds(detect_events(late, L, OPTIONS), "advice")[0].detail["with_permission"] is False


def spoken(speaker, start, text, word_s=0.3):
    """A turn whose words are ``word_s`` long each, back to back from ``start``."""
    words = tuple(Word(start + word_s * i, start + word_s * (i + 1), w) for i, w in enumerate(text.split()))
    return Turn(speaker, start, words[-1].end, text, words)


def test_a_label_is_placed_on_the_sentences_that_say_it():
    turn = spoken(L, 10.0, "Just sign up with the agency. Sorry. Ignore me. You're torn between the two of them.")
    events = detect_events([T(P, 0, 9, "I can't decide whether to go back"), turn], L, OPTIONS)
    (advice,) = kinds(events, "advice")
    (reflection,) = kinds(events, "reflection")
    assert (advice.start, advice.end, advice.text) == (10.0, pytest.approx(11.8), "Just sign up with the agency.")
    assert (reflection.start, reflection.end) == (pytest.approx(12.7), turn.end)
    # sentences between two that say it are part of it; the event stays inside its turn
    turn = spoken(L, 20.0, "Have you tried the GP? I know it's slow. Or ring the helpline.")
    (advice,) = kinds(detect_events([T(P, 10, 19, "I haven't slept for weeks"), turn], L, OPTIONS), "advice")
    assert (advice.start, advice.end, advice.text) == (20.0, turn.end, turn.text)
    # a yes that answers a request is advice only as the whole turn
    turn = spoken(L, 20.0, "Yeah, I would. Honestly.")
    (advice,) = kinds(detect_events([T(P, 10, 19, "Should I take the job?"), turn], L, OPTIONS), "advice")
    assert (advice.start, advice.end) == (turn.start, turn.end)


def test_advice_said_after_the_window_closed_within_one_turn_was_not_asked_for():
    options = dataclasses.replace(OPTIONS, permission_window_s=5.0)
    asked = [T(P, 0, 3, "what should I do"),
             spoken(L, 4.0, "Right. So the thing is that it has been going on for a long time now. You should talk to her.")]
    (e,) = kinds(detect_events(asked, L, options), "advice")
    assert e.start > 3 + 5.0 and e.detail["with_permission"] is False


def permitted(turns):
    return [e.detail["with_permission"] for e in kinds(detect_events(turns, L, OPTIONS), "advice")]


def test_a_yes_to_a_reflection_invites_no_advice():
    turns = [T(L, 0, 2, "so the evenings are the worst part"), T(P, 2.5, 6, "Yeah. Everybody tells me to get out more."),
             T(L, 6.5, 9, "you need to join a gym")]
    assert permitted(turns) == [False]


def test_an_offer_turned_down_does_not_count_as_permission():
    declined = [T(L, 0, 2, "can I share an idea?"), T(P, 2.5, 3.5, "No."), T(L, 4, 7, "you could try writing it down")]
    assert permitted(declined) == [False]
    minded = [T(L, 0, 2, "do you mind if I share an idea?"), T(P, 2.5, 3.5, "No, go ahead."),
              T(L, 4, 7, "you could try writing it down")]
    assert permitted(minded) == [True]
    vent = [T(P, 0, 2, "what should I do?"), T(L, 2.5, 4, "that sounds really hard"),
            T(P, 4.5, 7, "Actually, I just need to vent."), T(L, 8, 10, "you should quit")]
    assert permitted(vent) == [False]


def test_a_yes_in_the_listeners_own_voice_to_a_request_for_advice_is_advice():
    asked = [T(P, 0, 3, "Do you reckon we should get a solicitor?"), T(L, 3.5, 6, "Yeah, I would. They know the rules.")]
    assert permitted(asked) == [True]
    agreed = [T(P, 0, 3, "It's been a horrible week."), T(L, 3.5, 6, "Yeah, I would be exhausted too.")]
    assert permitted(agreed) == []
    later = [T(P, 0, 3, "Should I ring her?"), T(L, 3.5, 5, "What would you say?"), T(P, 5.5, 8, "I don't know."),
             T(L, 8.5, 10, "Yeah, I would.")]
    assert permitted(later) == []  # a yes answers the request only straight after it


def test_events_are_ordered_and_well_formed():
    turns = [T(P, 0, 10, "story"), T(L, 3, 3.3), T(L, 6, 9, "you need to relax"), T(P, 9.5, 12, "ok")]
    events = detect_events(turns, L, OPTIONS)
    assert events == sorted(events, key=lambda e: (e.start, e.end, e.type))
    assert all(e.start <= e.end for e in events)


def test_no_listener_no_behaviours():
    assert detect_events([T(P, 0, 3, "you should go")], None, OPTIONS) == []
