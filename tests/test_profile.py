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
from coach.paths import samples_dir
from coach.profile import enroll, enroll_from_session, forget, match_speaker, profile_path, saved_at

from .helpers import SR, sample_truth_diarization, sample_truth_report, voice, write

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


# -- a voice saved from a session ("This is me" + "remember my voice" on its page) ------------------

SAMPLE_DIR = samples_dir()


@pytest.mark.parametrize("who", ["L", "P"])
def test_a_voice_saved_from_a_session_finds_that_speaker_on_either_setup(who):
    two_mic = load_audio(SAMPLE_DIR / "practice-two-mic.flac")
    enroll_from_session(two_mic, sample_truth_report(), who)
    assert profile_path().is_file()
    # The same conversation recorded on two microphones and on one: the voice is found in both.
    assert match_speaker(two_mic, sample_truth_diarization("two-mic")) == who
    one_mic = load_audio(SAMPLE_DIR / "practice-single-mic.flac")
    assert match_speaker(one_mic, sample_truth_diarization("single-mic")) == who


def test_saving_from_a_session_needs_enough_of_that_voice_alone():
    report = sample_truth_report()
    # Five turns of 1.2 s: 6 s in all, but none long enough for one voice window (1.5 s).
    report["turns"] = [{"speaker": "L", "start": s, "end": s + 1.2, "text": ""} for s in (20, 24, 28, 32, 36)]
    report["overlaps"] = []
    audio = load_audio(SAMPLE_DIR / "practice-two-mic.flac")
    with pytest.raises(AudioError, match=r"6\.0 s of L talking alone in this session, but only in bits under 1\.5 s"):
        enroll_from_session(audio, report, "L")  # 6 s, but in bits too short for one voice window
    assert not profile_path().exists()
    with pytest.raises(AudioError, match="no speaker X"):
        enroll_from_session(audio, report, "X")


def test_a_session_analysed_on_picked_channels_is_not_guessed_at():
    report = sample_truth_report()
    report["audio"]["channels"] = 1
    with pytest.raises(AudioError, match="used 1 of the recording's 2 channels.*coach enroll"):
        enroll_from_session(load_audio(SAMPLE_DIR / "practice-two-mic.flac"), report, "L")
    assert not profile_path().exists()


def test_forgetting_the_voice(tmp_path):
    assert saved_at() is None and forget() is False
    enroll_from_session(load_audio(SAMPLE_DIR / "practice-two-mic.flac"), sample_truth_report(), "L")
    assert saved_at() is not None
    result = CliRunner().invoke(cli, ["enroll", "--forget"])
    assert result.exit_code == 0 and "Forgot your voice." in result.output
    assert saved_at() is None and not profile_path().exists()
    assert "No voice was saved." in CliRunner().invoke(cli, ["enroll", "--forget"]).output
    # A profile in another data directory is that directory's.
    enroll_from_session(load_audio(SAMPLE_DIR / "practice-two-mic.flac"), sample_truth_report(), "L", tmp_path)
    assert profile_path(tmp_path).is_file() and not profile_path().exists()


def test_enroll_wants_a_recording_or_forget(tmp_path):
    for args in ([], ["--forget", str(tmp_path / "me.wav")]):
        result = CliRunner().invoke(cli, ["enroll", *args])
        assert result.exit_code == 2 and "give a recording of your voice to save it, or --forget" in result.output
