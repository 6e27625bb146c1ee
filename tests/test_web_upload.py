"""A new session from an upload: checked, analysed in the background, stored only when it succeeded."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from coach.errors import AudioError
from coach.web import create_app
from coach.web.deps import get_analyzer
from coach.web.routers.upload import audio_kind

from .web_support import BASE_URL, app, client, home, make_report, store_of, token, wav, write_wav  # noqa: F401

CALLS: list[Path] = []


def fake_analyzer(path: Path, listener: str, progress):
    CALLS.append(path)
    assert path.exists() and listener in ("auto", "first", "second")
    for stage, f in (("decode", 0.1), ("speakers", 0.5), ("transcribe", 0.9)):
        progress(stage, f)
    return make_report()


def failing_analyzer(path: Path, listener: str, progress):
    CALLS.append(path)
    progress("decode", 0.05)
    raise AudioError(f"{path}: no speech found (is it silent, or was the microphone muted?)")


@pytest.fixture(autouse=True)
def _clear_calls():
    CALLS.clear()


def _upload(client, path: Path, name: str | None = None, **extra):
    with path.open("rb") as f:
        return client.post(
            "/upload",
            data={"csrf_token": token(client), "listener": "auto", **extra},
            files={"audio": (name or path.name, f, "audio/wav")},
        )


def _wait(client, job_url: str, timeout: float = 10.0) -> dict:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        job = client.get(job_url).json()
        if job["done"]:
            return job
        time.sleep(0.05)
    raise AssertionError("the analysis did not finish")


def test_new_session_page_has_the_upload_form(client):
    r = client.get("/new")
    assert r.status_code == 200
    assert 'enctype="multipart/form-data"' in r.text and 'name="audio"' in r.text and 'name="csrf_token"' in r.text


def test_upload_is_analysed_and_stored(client, wav):
    client.app.dependency_overrides[get_analyzer] = lambda: fake_analyzer
    r = _upload(client, wav)
    assert r.status_code == 303 and "/jobs/" in r.headers["location"]
    job_id = r.headers["location"].rsplit("/", 1)[1]
    job = _wait(client, f"/api/jobs/{job_id}")
    assert job["error"] is None and job["session_id"]
    sid = job["session_id"]
    assert job["url"].endswith(f"/sessions/{sid}")
    row = store_of(client).session(sid)
    assert row.title == "practice.wav"
    assert store_of(client).audio_path(sid).read_bytes() == wav.read_bytes()
    assert not CALLS[0].exists() and not CALLS[0].parent.exists()  # the upload's temporary copy is gone
    page = client.get(f"/jobs/{job_id}")
    assert page.status_code == 303 and page.headers["location"].endswith(f"/sessions/{sid}")


def test_progress_page_while_waiting(client, wav):
    started = []

    def slow(path, listener, progress):
        progress("transcribe", 0.4)
        started.append(1)
        time.sleep(0.5)
        return make_report()

    client.app.dependency_overrides[get_analyzer] = lambda: slow
    job_url = _upload(client, wav).headers["location"]
    while not started:
        time.sleep(0.01)
    r = client.get(job_url)
    assert r.status_code == 200 and "Writing down what was said" in r.text and "<progress" in r.text
    _wait(client, "/api/jobs/" + job_url.rsplit("/", 1)[1])


def test_failed_analysis_stores_nothing_and_says_why_in_one_line(client, wav):
    client.app.dependency_overrides[get_analyzer] = lambda: failing_analyzer
    job_id = _upload(client, wav).headers["location"].rsplit("/", 1)[1]
    job = _wait(client, f"/api/jobs/{job_id}")
    assert job["session_id"] is None and "no speech found" in job["error"] and "\n" not in job["error"]
    # The error names the file as the person knows it, not the temporary copy that was analysed.
    assert job["error"].startswith(f"{wav.name}: ") and str(CALLS[0].parent) not in job["error"]
    assert store_of(client).sessions() == []
    assert not CALLS[0].parent.exists()
    page = client.get(f"/jobs/{job_id}")
    assert page.status_code == 200 and "no speech found" in page.text and "Nothing was saved" in page.text


def test_a_text_file_named_wav_is_refused_before_analysis(client, tmp_path):
    client.app.dependency_overrides[get_analyzer] = lambda: fake_analyzer
    fake = tmp_path / "notes.wav"
    fake.write_text("these are my notes, not a recording\n" * 10)
    r = _upload(client, fake)
    assert r.status_code == 415 and CALLS == [] and store_of(client).sessions() == []


def test_no_file_chosen_is_one_line_that_repeats_nothing_sent(client, tmp_path):
    client.app.dependency_overrides[get_analyzer] = lambda: fake_analyzer
    def post(content: bytes):  # what a browser sends when no file was chosen: a part without a name
        return client.post("/upload", data={"csrf_token": token(client), "listener": "auto"},
                           files={"audio": ("", content, "application/octet-stream")}, headers={"accept": "text/html"})

    r = post(b"")
    assert r.status_code == 422 and "Something was left out of the form (audio)" in r.text
    r = post(b"x" * 50_000)  # a script's nameless file: refused without sending it back
    assert r.status_code == 422 and "(audio)" in r.text and len(r.content) < 20_000
    assert CALLS == [] and store_of(client).sessions() == []


def test_an_unknown_kind_of_file_is_refused(client, wav):
    client.app.dependency_overrides[get_analyzer] = lambda: fake_analyzer
    assert _upload(client, wav, name="practice.exe").status_code == 415
    assert _upload(client, wav, listener="everyone").status_code == 422
    assert CALLS == []


def test_too_large_an_upload_is_refused(home, tmp_path):
    app = create_app(port=8000, max_upload_bytes=100_000)
    app.dependency_overrides[get_analyzer] = lambda: fake_analyzer
    with TestClient(app, base_url=BASE_URL, follow_redirects=False) as c:
        r = _upload(c, write_wav(tmp_path / "long.wav", seconds=10))
        assert r.status_code == 413
        assert CALLS == [] and store_of(c).sessions() == []


def test_audio_sniffing():
    assert audio_kind(b"RIFF\x00\x00\x00\x00WAVEfmt ") == ".wav"
    assert audio_kind(b"fLaC\x00\x00\x00\x22\x10\x00\x10\x00") == ".flac"
    assert audio_kind(b"OggS\x00\x02\x00\x00\x00\x00\x00\x00") == ".ogg"
    assert audio_kind(b"ID3\x04\x00\x00\x00\x00\x00\x00\x00\x00") == ".mp3"
    assert audio_kind(b"\x00\x00\x00\x20ftypM4A \x00\x00\x00\x00") == ".m4a"
    assert audio_kind(b"\x1a\x45\xdf\xa3\x9f\x42\x86\x81\x01\x42\xf7\x81") == ".webm"
    assert audio_kind(b"hello, world") is None
    assert audio_kind(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR") is None


def test_a_recording_is_kept_as_what_it_is_whatever_its_name(client, wav):
    client.app.dependency_overrides[get_analyzer] = lambda: fake_analyzer
    job_id = _upload(client, wav, name="practice.mp3").headers["location"].rsplit("/", 1)[1]
    sid = _wait(client, f"/api/jobs/{job_id}")["session_id"]
    assert CALLS[0].suffix == ".wav" and store_of(client).audio_path(sid).suffix == ".wav"
    assert client.get(f"/sessions/{sid}/audio").headers["content-type"].startswith("audio/")
    assert "mpeg" not in client.get(f"/sessions/{sid}/audio").headers["content-type"]
