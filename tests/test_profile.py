"""`coach enroll` and --listener auto: the enrolled voice is found among the speakers."""

from __future__ import annotations

import numpy as np
import pytest
from click.testing import CliRunner

from coach.audio import load_audio
from coach.cli import cli
from coach.errors import AudioError
from coach.options import AnalysisOptions
from coach.pipeline import analyze
from coach.profile import enroll, profile_path

from .helpers import SR, voice, write

pytestmark = pytest.mark.slow


def conversation(shared, tmp_path, first: str, second: str):
    """Two-mic: ``first`` talks on the left for a few seconds, then ``second`` answers on the right."""
    a = np.concatenate([voice(shared, first, 1), np.zeros(SR // 2, np.float32)])
    b = voice(shared, second, 2)
    n = len(a) + len(b) + SR
    stereo = np.zeros((2, n), np.float32)
    stereo[0, : len(a)] = a
    stereo[1, len(a) : len(a) + len(b)] = b
    stereo[0] += 0.1 * np.roll(stereo[1], 16)  # a little cross-talk, as real mics have
    stereo[1] += 0.1 * np.roll(stereo[0], 16)
    return write(tmp_path / "talk.wav", stereo)


def test_auto_finds_the_enrolled_voice_even_when_it_speaks_first(shared_data, tmp_path):
    talk = conversation(shared_data, tmp_path, first="1688", second="2033")
    without = analyze(talk, AnalysisOptions(listener="auto"))
    assert "no voice profile" in without.setup[1]
    assert next(s for s in without.speakers if s.role == "listener").channel == 1  # falls back to second

    own_voice = np.concatenate([voice(shared_data, "1688", i) for i in (3, 4, 5)])
    result = CliRunner().invoke(cli, ["enroll", str(write(tmp_path / "me.wav", own_voice))])
    assert result.exit_code == 0, result.output
    assert profile_path().is_file()

    with_profile = analyze(talk, AnalysisOptions(listener="auto"))
    assert next(s for s in with_profile.speakers if s.role == "listener").channel == 0
    assert "enrolled profile" in with_profile.setup[1]


def test_enrolling_needs_enough_speech(tmp_path):
    silence = write(tmp_path / "quiet.wav", np.zeros(SR * 8, np.float32))
    with pytest.raises(AudioError, match="at least 5 s"):
        enroll(load_audio(silence))
    assert not profile_path().exists()
