"""Decoding every kind of input, and telling two microphones from one."""

from __future__ import annotations

import av
import numpy as np
import pytest
import soundfile as sf

from coach.audio import channel_similarity, load_audio, recording_mode, resample
from coach.errors import AudioError
from coach.types import SAMPLE_RATE

from .helpers import tone, write


def dominant_freq(x: np.ndarray, sr: int = SAMPLE_RATE) -> float:
    spectrum = np.abs(np.fft.rfft(x))
    return float(np.argmax(spectrum) * sr / len(x))


@pytest.mark.parametrize("suffix", [".wav", ".flac", ".ogg"])
def test_reads_soundfile_formats_at_any_rate(tmp_path, suffix):
    path = write(tmp_path / f"a{suffix}", tone(2.0, 440, sr=44_100), sr=44_100)
    audio = load_audio(path)
    assert audio.channels == 1
    assert audio.source_rate == 44_100
    assert audio.duration == pytest.approx(2.0, abs=0.01)
    assert dominant_freq(audio.samples[0]) == pytest.approx(440, abs=2)


def test_reads_compressed_formats_through_ffmpeg(tmp_path):
    path = tmp_path / "a.m4a"
    with av.open(str(path), "w") as out:
        stream = out.add_stream("aac", rate=48_000, layout="stereo")
        samples = np.stack([tone(1.5, 300, sr=48_000), tone(1.5, 300, sr=48_000)])
        frame = av.AudioFrame.from_ndarray(samples, format="fltp", layout="stereo")
        frame.sample_rate = 48_000
        for packet in stream.encode(frame):
            out.mux(packet)
        for packet in stream.encode(None):
            out.mux(packet)
    audio = load_audio(path)
    assert audio.channels == 2
    assert audio.duration == pytest.approx(1.5, abs=0.1)
    assert dominant_freq(audio.samples[0]) == pytest.approx(300, abs=3)


def test_compressed_multichannel_file_names_the_flag(tmp_path):
    path = tmp_path / "four.ogg"
    sf.write(path, np.stack([tone(1.0, f) for f in (200, 300, 400, 500)]).T, SAMPLE_RATE)
    path = path.rename(tmp_path / "four.oga")  # not a suffix soundfile is tried on: decoded by FFmpeg
    with pytest.raises(AudioError, match="--channels 0,1"):
        load_audio(path)
    assert load_audio(path, channels=(2, 3)).channels == 2


def test_resample_keeps_length_and_pitch():
    x = tone(3.0, 1000, sr=22_050)[None]
    y = resample(x, 22_050, SAMPLE_RATE)
    assert y.shape == (1, 48_000)
    assert dominant_freq(y[0]) == pytest.approx(1000, abs=1)


@pytest.mark.parametrize(
    "make, message",
    [
        (lambda p: None, "no such file"),
        (lambda p: p.write_bytes(b""), "empty"),
        (lambda p: p.write_text("this is a shopping list, not a recording\n" * 20), "not audio"),
    ],
)
def test_bad_files_get_one_line_errors(tmp_path, make, message):
    path = tmp_path / "talk.wav"
    make(path)
    with pytest.raises(AudioError, match=message) as err:
        load_audio(path)
    assert "\n" not in str(err.value) and "Errno" not in str(err.value)


def test_truncated_file_is_an_error_not_a_crash(tmp_path):
    good = write(tmp_path / "good.flac", tone(3.0))
    broken = tmp_path / "broken.flac"
    broken.write_bytes(good.read_bytes()[:200])
    with pytest.raises(AudioError):
        load_audio(broken)


def test_more_than_two_channels_names_the_flag_and_picking_works(tmp_path):
    path = write(tmp_path / "four.wav", np.stack([tone(1.0, f) for f in (200, 300, 400, 500)]))
    with pytest.raises(AudioError, match="--channels 0,1"):
        load_audio(path)
    audio = load_audio(path, channels=(1, 3))
    assert audio.channels == 2
    assert dominant_freq(audio.samples[1]) == pytest.approx(500, abs=2)
    with pytest.raises(AudioError, match="no channel 7"):
        load_audio(path, channels=(0, 7))


def test_identical_channels_are_one_microphone(tmp_path):
    rng = np.random.default_rng(0)
    x = rng.normal(0, 0.1, SAMPLE_RATE * 3).astype(np.float32)
    delayed = np.concatenate([np.zeros(3, np.float32), x[:-3]])  # a laptop's mic pair: a few samples apart
    assert channel_similarity(np.stack([x, delayed])) > 0.95
    audio = load_audio(write(tmp_path / "laptop.wav", np.stack([x, delayed])))
    mode, why = recording_mode(audio, 0.8)
    assert mode == "single-mic" and "same sound" in why


def test_independent_channels_with_crosstalk_are_two_microphones():
    rng = np.random.default_rng(1)
    a = rng.normal(0, 0.1, SAMPLE_RATE * 3)
    b = rng.normal(0, 0.1, SAMPLE_RATE * 3)
    leak = 10 ** (-20 / 20)
    stereo = np.stack([a + leak * np.roll(b, 16), b + leak * np.roll(a, 16)]).astype(np.float32)
    assert channel_similarity(stereo) < 0.3


def test_real_stereo_clip_is_two_mic(shared_data):
    audio = load_audio(shared_data / "two-mic" / "stereo_diarization.wav")
    assert recording_mode(audio, 0.8)[0] == "two-mic"


def test_silence_decodes(tmp_path):
    audio = load_audio(write(tmp_path / "quiet.wav", np.zeros(SAMPLE_RATE, np.float32)))
    assert audio.duration == pytest.approx(1.0)
    assert recording_mode(audio, 0.8)[0] == "single-mic"
    sf.info(str(tmp_path / "quiet.wav"))
