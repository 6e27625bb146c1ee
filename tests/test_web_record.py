"""Recording from the page: Start, live status, Stop, then the same analysis as an upload."""

from __future__ import annotations

import time

from coach.devices import fake_source
from coach.web.deps import get_analyzer, get_live_analysis
from coach.web.routers.record import get_source_factory

from .test_web_upload import _wait, fake_analyzer
from .web_support import app, client, home, store_of, token  # noqa: F401


def _tone_source():
    return fake_source("tone", 16_000, 1), 16_000, 1


def _post(client, url, **data):
    return client.post(url, data={"csrf_token": token(client), **data})


def test_record_start_status_stop_then_analysis(client, home):
    client.app.dependency_overrides[get_source_factory] = lambda: _tone_source
    client.app.dependency_overrides[get_analyzer] = lambda: fake_analyzer
    client.app.dependency_overrides[get_live_analysis] = lambda: lambda *args: None  # the upload path
    assert client.get("/record/status").json()["active"] is False
    r = _post(client, "/record/start", listener="auto")
    assert r.status_code == 303 and r.headers["location"].endswith("/new#record")
    deadline = time.monotonic() + 10
    while client.get("/record/status").json()["elapsed_s"] < 1.2:
        assert time.monotonic() < deadline
        time.sleep(0.1)
    status = client.get("/record/status").json()
    assert status["active"] and status["levels"] and status["levels"][0]["peak_db"] > -20
    page = client.get("/new")
    assert "Stop and analyse" in page.text and 'id="recorder"' in page.text
    assert _post(client, "/record/start").status_code == 409  # one at a time
    r = _post(client, "/record/stop")
    assert r.status_code == 303 and "/jobs/" in r.headers["location"]
    job = _wait(client, "/api/jobs/" + r.headers["location"].rsplit("/", 1)[1])
    assert job["session_id"] and store_of(client).audio_path(job["session_id"]) is not None
    assert list((home / "recordings").glob("*.wav"))  # the recording itself is kept, as with `coach record`
    assert "Start recording" in client.get("/new").text


def test_a_missing_microphone_is_one_line_on_the_page(client):
    from coach.errors import DeviceError

    def no_mic():
        raise DeviceError("No microphone found: connect one, then run `coach devices`.")

    client.app.dependency_overrides[get_source_factory] = lambda: no_mic
    assert _post(client, "/record/start").status_code == 303
    deadline = time.monotonic() + 10
    while not client.get("/record/status").json()["error"]:  # the recorder's thread fails on its own time
        assert time.monotonic() < deadline
        time.sleep(0.05)
    page = client.get("/new")
    assert "No microphone found" in page.text and "Start recording" in page.text
    assert "No microphone found" not in client.get("/new").text  # said once, not for ever after
    assert _post(client, "/record/stop").status_code == 409


def test_a_recording_cut_short_by_an_error_can_still_be_analysed(client, home):
    from coach.errors import DeviceError

    def unplugged_after_two_seconds():
        blocks, rate, channels = _tone_source()

        def until_unplugged():
            for i, block in enumerate(blocks):
                if i >= 40:  # 40 blocks of 50 ms
                    raise DeviceError("The microphone was unplugged.")
                yield block
        return until_unplugged(), rate, channels

    client.app.dependency_overrides[get_source_factory] = lambda: unplugged_after_two_seconds
    client.app.dependency_overrides[get_analyzer] = lambda: fake_analyzer
    client.app.dependency_overrides[get_live_analysis] = lambda: lambda *args: None
    _post(client, "/record/start")
    deadline = time.monotonic() + 10
    while client.get("/record/status").json()["active"]:
        assert time.monotonic() < deadline
        time.sleep(0.1)
    page = client.get("/new").text
    assert "unplugged" in page and "Analyse what was recorded" in page
    assert "Analyse what was recorded" in client.get("/new").text  # kept until it is analysed
    r = _post(client, "/record/stop")
    assert r.status_code == 303 and "/jobs/" in r.headers["location"]
    assert _wait(client, "/api/jobs/" + r.headers["location"].rsplit("/", 1)[1])["session_id"]


def test_recording_needs_the_token(client):
    client.app.dependency_overrides[get_source_factory] = lambda: _tone_source
    assert client.post("/record/start", data={"listener": "auto"}).status_code == 403
    assert client.get("/record/status").json()["active"] is False


def test_two_mic_recording_is_analysed_while_it_is_made(client, home):
    """Two mics at 16 kHz: the page's recording goes through the live analysis (the real one), not the
    analyzer used for uploads, and the stored session is a two-mic analysis of the whole recording."""
    from coach.paths import samples_dir

    sample = str(samples_dir() / "practice-two-mic.flac")
    client.app.dependency_overrides[get_source_factory] = lambda: lambda: (
        fake_source(sample, 16_000, 2, speed=8.0, seconds=64.0), 16_000, 2)
    client.app.dependency_overrides[get_analyzer] = lambda: fake_analyzer  # must not be used here
    assert _post(client, "/record/start", listener="second").status_code == 303
    deadline = time.monotonic() + 60
    while client.get("/record/status").json()["active"]:  # the source ends after 64 s of audio
        assert time.monotonic() < deadline
        time.sleep(0.2)
    r = _post(client, "/record/stop")
    assert r.status_code == 303
    # A real analysis: 10 s is ample on an idle machine, not on a busy one (a test's time limit is not a
    # speed claim; bench/ measures speed).
    job = _wait(client, "/api/jobs/" + r.headers["location"].rsplit("/", 1)[1], timeout=120.0)
    report = client.get(f"/sessions/{job['session_id']}/report.json").json()
    assert report["audio"]["mode"] == "two-mic" and report["audio"]["duration_s"] == 64.0
    assert sum(e["type"] == "interruption" for e in report["events"]) == 2
