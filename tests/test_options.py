"""Analysis options: documented, saved with each session, read back as they were used."""

from __future__ import annotations

from dataclasses import fields

from coach.options import USED_ONLY_IN, AnalysisOptions, changed_settings


def test_every_option_is_documented():
    doc = AnalysisOptions.__doc__
    for f in fields(AnalysisOptions):
        assert f.name in doc, f.name


def test_options_round_trip_through_a_saved_session():
    options = AnalysisOptions(listener="second", beam_size=3, overlap_threshold=0.4)
    assert AnalysisOptions.from_dict(options.to_dict()) == options


def test_a_session_saved_before_an_option_existed_reads_back_what_it_was_analysed_with():
    saved = AnalysisOptions().to_dict()
    del saved["beam_size"], saved["leaked_word_db"], saved["second_opinion"], saved["fill_gaps_s"]
    del saved["fill_gaps_one_mic_s"]
    saved["retired_option"] = 1  # an option since removed is ignored
    assert AnalysisOptions.from_dict(saved).beam_size == 5
    assert AnalysisOptions.from_dict(saved).leaked_word_db == 0.0  # any quieter copy was a leak then
    assert AnalysisOptions.from_dict(saved).second_opinion is False  # wordless sounds were kept then
    assert AnalysisOptions().second_opinion is True
    assert AnalysisOptions.from_dict(saved).fill_gaps_s == 0.0  # a skipped sentence stayed skipped then
    assert AnalysisOptions.from_dict(saved).fill_gaps_one_mic_s == 0.0
    assert AnalysisOptions().beam_size == 1


def test_changed_settings_name_what_differs_between_two_sessions():
    today = AnalysisOptions().to_dict() | {"labeller": "abc"}
    assert changed_settings(today, dict(today)) == []
    assert changed_settings(today, today | {"listener": "first"}) == []  # who practised is not a setting
    assert changed_settings(today, today | {"min_silence_s": 0.7}) == ["min silence s: 0.5 → 0.7"]
    # a setting one of them did not use is no difference between them
    assert set(USED_ONLY_IN) <= {f.name for f in fields(AnalysisOptions)}
    two_mic_only = today | {"leaked_word_db": 0.0}
    assert changed_settings(two_mic_only, today, ("single-mic", "single-mic")) == []
    assert changed_settings(two_mic_only, today, ("two-mic", "single-mic")) == []
    assert changed_settings(two_mic_only, today, ("two-mic", "two-mic")) == ["leaked word db: 0.0 → 10.0"]
    older = {k: v for k, v in today.items() if k not in ("beam_size", "labeller")}
    assert changed_settings(older, today) == [
        "beam size: 5 → 1",  # saved before beam_size existed: it was analysed with 5
        "the behaviour labels (advice, questions, reflections…) came from different versions of the coach",
    ]
