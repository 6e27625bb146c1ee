from coach.diarize import FIRST_SPEECH_MIN_S, first_speech, name_speakers
from coach.types import Span, SpeechRegion


def test_a_blip_before_anyone_talks_does_not_make_its_speaker_the_first():
    # One dialogue's mix: a 0.24 s sound at the very start was clustered with the listener's voice,
    # so "the second to speak" (the listener without a voice profile) became the partner.
    regions = {"a": [SpeechRegion("a", 0.02, 0.26), SpeechRegion("a", 4.63, 5.27)],
               "b": [SpeechRegion("b", 0.88, 9.69)]}
    first = first_speech(regions)
    assert first == {"a": 4.63, "b": 0.88}
    assert name_speakers(first, first) == {"b": "S1", "a": "S2"}


def test_someone_who_only_ever_says_short_things_still_has_a_first_time():
    first = first_speech({0: [Span(3.0, 3.3), Span(1.0, 1.2)], 1: [Span(2.0, 2.0 + FIRST_SPEECH_MIN_S)], 2: []})
    assert first == {0: 1.0, 1: 2.0}
