"""Analysis options: documented, saved with each session, read back as they were used."""

from __future__ import annotations

from dataclasses import fields

from coach.options import AnalysisOptions


def test_every_option_is_documented():
    doc = AnalysisOptions.__doc__
    for f in fields(AnalysisOptions):
        assert f.name in doc, f.name


def test_options_round_trip_through_a_saved_session():
    options = AnalysisOptions(listener="second", beam_size=3, overlap_threshold=0.4)
    assert AnalysisOptions.from_dict(options.to_dict()) == options


def test_a_session_saved_before_an_option_existed_reads_back_what_it_was_analysed_with():
    saved = AnalysisOptions().to_dict()
    del saved["beam_size"]
    saved["retired_option"] = 1  # an option since removed is ignored
    assert AnalysisOptions.from_dict(saved).beam_size == 5
    assert AnalysisOptions().beam_size == 1
