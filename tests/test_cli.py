"""The command line: the JSON contract, the summary, and one-line errors for every bad input."""

from __future__ import annotations

import json

import numpy as np
import pytest
import soundfile as sf
from click.testing import CliRunner

from coach.cli import cli
from coach.paths import data_dir
from coach.store import Store

from .helpers import SR, tone, write

pytestmark = pytest.mark.slow


def run(*args, input=None):
    return CliRunner().invoke(cli, list(map(str, args)), input=input)


def one_line_error(result, fragment):
    assert result.exit_code != 0
    assert "Traceback" not in result.output
    lines = [line for line in result.output.strip().splitlines() if line]
    assert len(lines) == 1 and lines[0].startswith("Error:"), result.output
    assert fragment in lines[0]


def test_analyze_two_mic_clip_writes_the_contract_and_stores_the_session(shared_data, tmp_path, coach_home):
    out = tmp_path / "report.json"
    result = run("analyze", shared_data / "two-mic" / "stereo_diarization.wav", "--listener", "right", "--json", out)
    assert result.exit_code == 0, result.output
    assert "You are S2, the listener." in result.output and "Saved as session" in result.output
    report = json.loads(out.read_text())
    assert report["schema"] == "coach.report/2"
    assert report["audio"]["mode"] == "two-mic" and report["audio"]["channels"] == 2
    assert report["audio"]["sample_rate"] == 16000 and report["model"] == {"name": "tiny.en"}
    by_channel = {s["channel"]: s for s in report["speakers"]}
    assert by_channel[1]["role"] == "listener" and by_channel[0]["role"] == "partner"
    text = {t["speaker"]: "" for t in report["turns"]}
    for t in report["turns"]:
        text[t["speaker"]] += " " + t["text"].lower()
    assert "wizard" in text[by_channel[0]["id"]] and "horizon" in text[by_channel[1]["id"]]
    assert "horizon" not in text[by_channel[0]["id"]]  # the leak is not transcribed as the left person
    assert report["turns"] == sorted(report["turns"], key=lambda t: (t["start"], t["end"]))
    for t in report["turns"]:
        assert 0 <= t["start"] <= t["end"] <= report["audio"]["duration_s"] + 1e-6
        assert all(t["start"] <= w["start"] <= w["end"] <= t["end"] for w in t["words"])
    assert report["overlaps"], "the two people overlap for 1.5 s"
    assert report["timings"]["total_s"] > 0
    stored = Store(coach_home).report(report["session_id"])
    assert stored["session_id"] == report["session_id"]
    assert run("sessions").output.count(report["session_id"]) == 1
    assert "You are S2" in run("show", report["session_id"]).output


def test_analyze_json_to_stdout_without_storing(shared_data, coach_home):
    result = CliRunner().invoke(cli, ["analyze", str(shared_data / "two-mic" / "jfk.flac"), "--json", "-", "--no-store"])
    assert result.exit_code == 0
    report = json.loads(result.stdout)
    assert report["session_id"] is None
    assert report["audio"]["mode"] == "single-mic"
    assert len(report["speakers"]) == 1
    assert any("only one person" in n for n in report["notes"])
    assert "ask not what your country" in " ".join(t["text"] for t in report["turns"]).lower()
    assert not (coach_home / "coach.db").exists()


def test_single_mic_meeting_clip_finds_two_speakers_and_their_overlap(shared_data):
    result = CliRunner().invoke(cli, ["analyze", str(shared_data / "ami" / "dev01.flac"), "--json", "-", "--no-store"])
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    assert [s["id"] for s in report["speakers"]] == ["S1", "S2"]
    assert report["overlaps"]
    assert report["confidence"]["level"] in ("fair", "poor")


@pytest.mark.parametrize(
    "make, fragment",
    [
        (lambda p: None, "no such file"),
        (lambda p: p.write_bytes(b""), "empty"),
        (lambda p: p.write_text("not audio at all\n" * 50), "not audio"),
        (lambda p: write(p, np.zeros(SR * 3, np.float32)), "no speech found"),
        (lambda p: write(p, tone(0.05)), "is only 0.05 s long"),
        (lambda p: write(p, np.stack([tone(2.0, f) for f in (200, 300, 400)])), "--channels 0,1"),
    ],
)
def test_bad_input_is_one_line_and_stores_nothing(tmp_path, coach_home, make, fragment):
    path = tmp_path / "talk.wav"
    make(path)
    one_line_error(run("analyze", path), fragment)
    assert Store(coach_home).sessions() == []


def test_unknown_model_names_the_offline_choices(shared_data):
    one_line_error(run("analyze", shared_data / "two-mic" / "jfk.flac", "--model", "no-such-model"), "tiny.en, base")


def test_unwritable_data_directory(shared_data, tmp_path, monkeypatch):
    blocker = tmp_path / "blocker"
    blocker.write_text("x")
    monkeypatch.setenv("COACH_HOME", str(blocker / "coach"))
    one_line_error(run("analyze", shared_data / "two-mic" / "jfk.flac"), "cannot use the data directory")


def test_listener_left_on_single_mic_is_explained(shared_data):
    one_line_error(run("analyze", shared_data / "ami" / "dev00.flac", "--listener", "left", "--no-store"), "two-mic")


def test_tag_reads_lines_and_writes_json_lines():
    result = run("tag", "-", input="have you tried talking to her\nmm-hmm\n\nwhat happened next?\n")
    assert result.exit_code == 0
    rows = [json.loads(line) for line in result.output.splitlines()]
    assert [r["text"] for r in rows] == ["have you tried talking to her", "mm-hmm", "", "what happened next?"]
    assert "advice" in rows[0]["labels"] and rows[1]["labels"] == [] and rows[3]["labels"] == ["open_question"]


def test_tag_labels_sentences_given_on_the_command_line():
    result = run("tag", "--text", "have you tried talking to her", "-t", "it sounds like you're worn out")
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in result.output.splitlines()]
    assert [r["text"] for r in rows] == ["have you tried talking to her", "it sounds like you're worn out"]
    assert "advice" in rows[0]["labels"] and rows[1]["labels"] == ["reflection"]


def test_tag_of_a_file_that_is_not_text_is_one_line(tmp_path):
    write(tmp_path / "talk.wav", tone(0.5))
    one_line_error(run("tag", tmp_path / "talk.wav"), "talk.wav is not text")
    one_line_error(run("tag", "-", input=b"\xc9\xff\x00 not utf-8"), "standard input is not text")


def test_tag_refuses_a_file_and_text_together(tmp_path):
    notes = tmp_path / "notes.txt"
    notes.write_text("what happened?\n")
    result = run("tag", notes, "--text", "what happened?")
    assert result.exit_code == 2 and "not both" in result.output and "Traceback" not in result.output


def test_sessions_refuses_a_negative_limit():
    result = run("sessions", "--limit", "-1")
    assert result.exit_code == 2 and "-1 is not in the range" in result.output


def test_sessions_offers_to_recover_an_unfinished_recording():
    import os

    from coach.record import WavWriter, default_recording_path

    writer = WavWriter(default_recording_path(), SR, 1)
    writer.write(tone(2.0)[:, None])
    writer.sync()
    os.close(writer.fd)  # the recorder "dies": its lock goes, nothing is finalised
    result = run("sessions")
    assert result.exit_code == 0, result.output
    assert "Found and recovered an unfinished recording" in result.output
    recovered = result.output.split("-> ")[1].split()[0]
    assert sf.info(recovered).duration == pytest.approx(2.0, abs=0.01)


def test_sessions_empty_and_unknown_ids():
    assert "No sessions yet" in run("sessions").output
    one_line_error(run("show", "nope"), "no session nope")
    one_line_error(run("delete", "nope"), "no session nope")


def test_help_and_version():
    assert "practise listening" in run("--help").output
    assert run("--version").output.startswith("coach, version")
    assert "one microphone" in run("analyze", "--help").output


def test_serve_data_dir_is_where_the_whole_server_keeps_its_data(tmp_path, monkeypatch):
    # The analyses a server runs find the voice profile through coach.paths.data_dir(); --data-dir must
    # move that too, or an upload would be matched against the profile of another data directory.
    import os
    import socket

    import uvicorn

    from coach.paths import data_dir

    served = {}
    monkeypatch.setattr(uvicorn, "run", lambda app, **kw: served.update(home=app.state.settings.data_dir))
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    result = CliRunner().invoke(cli, ["serve", "--port", str(port), "--data-dir", str(tmp_path / "elsewhere")])
    assert result.exit_code == 0, result.output
    assert served["home"] == tmp_path / "elsewhere" == data_dir()
    assert os.environ["COACH_HOME"] == str(tmp_path / "elsewhere")


def test_sessions_table_speaks_the_pages_words_in_local_time(monkeypatch):
    import time

    from .web_support import make_report

    report = make_report(interruptions=2, advice=3)  # 20 s long, three pieces of advice…
    report["metrics"]["advice_unasked"] = 1  # …one of them unasked
    with Store(data_dir()) as store:
        sid = store.add_session(report, None)
        with store.db:
            store.db.execute("UPDATE sessions SET created = '2024-01-01T18:00:00+00:00' WHERE id = ?", (sid,))
    monkeypatch.setenv("TZ", "Asia/Tokyo")
    time.tzset()
    try:
        header, row = run("sessions").output.strip().splitlines()[-2:]
    finally:
        monkeypatch.undo()
        time.tzset()
    assert header.split()[-4:] == ["spoke", "over", "unasked", "advice"]
    assert row.split() == [sid, "2024-01-02", "03:00", "0:20", "single-mic", "70%", "2", "1"]
