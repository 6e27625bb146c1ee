"""The saved voice from the page: "remember my voice" with "This is me", and forgetting it."""

from __future__ import annotations

import pytest

from coach.audio import load_audio
from coach.paths import samples_dir
from coach.profile import match_speaker, profile_path

from .helpers import sample_truth_diarization, sample_truth_report
from .web_support import app, client, home, store_of, token  # noqa: F401

pytestmark = pytest.mark.slow  # the real speaker model runs on the bundled sample

SAMPLE = samples_dir() / "practice-two-mic.flac"


def _post(client, url, data=None):
    return client.post(url, data={"csrf_token": token(client), **(data or {})})


@pytest.fixture
def sample_session(client) -> str:
    """The bundled two-mic sample, stored with a report from its ground truth (L listens, P talks)."""
    return store_of(client).add_session(sample_truth_report(), SAMPLE)


def test_this_is_me_with_remember_saves_that_voice(client, home, sample_session):
    page = client.get(f"/sessions/{sample_session}").text
    assert 'name="remember"' in page and "A voice saved on" not in page
    r = _post(client, f"/sessions/{sample_session}/listener", {"listener": "P", "remember": "true"})
    assert r.status_code == 303
    assert {s["id"]: s["role"] for s in store_of(client).report(sample_session)["speakers"]}["P"] == "listener"
    assert profile_path(home).is_file()
    # It is P's voice that was kept: the analysis' own matching picks P out of the two.
    assert match_speaker(load_audio(SAMPLE), sample_truth_diarization("two-mic")) == "P"
    assert "A voice saved on" in client.get(f"/sessions/{sample_session}").text


def test_confirming_the_guess_saves_the_voice_and_changes_nothing_else(client, home, sample_session):
    before = store_of(client).report(sample_session)
    assert _post(client, f"/sessions/{sample_session}/listener", {"listener": "L", "remember": "true"}).status_code == 303
    assert store_of(client).report(sample_session) == before  # setup still says how it was chosen
    assert match_speaker(load_audio(SAMPLE), sample_truth_diarization("two-mic")) == "L"


def test_without_remember_no_voice_is_kept(client, home, sample_session):
    assert _post(client, f"/sessions/{sample_session}/listener", {"listener": "P"}).status_code == 303
    assert not profile_path(home).exists()


def test_a_voice_that_cannot_be_saved_says_why_and_keeps_the_choice(client, home):
    report = sample_truth_report()
    report["turns"] = [t for t in report["turns"] if t["speaker"] == "L"]  # P never heard alone
    sid = store_of(client).add_session(report, SAMPLE)
    r = _post(client, f"/sessions/{sid}/listener", {"listener": "P", "remember": "true"})
    assert r.status_code == 422
    assert "You are the listener now, but your voice was not saved: only 0.0 s of P talking alone" in r.text
    assert {s["id"]: s["role"] for s in store_of(client).report(sid)["speakers"]}["P"] == "listener"
    assert not profile_path(home).exists()
    no_audio = store_of(client).add_session(sample_truth_report(), None)
    r = _post(client, f"/sessions/{no_audio}/listener", {"listener": "L", "remember": "true"})
    assert r.status_code == 422 and "no recording to learn your voice from" in r.text
    assert 'name="remember"' not in client.get(f"/sessions/{no_audio}").text


def test_the_new_session_page_shows_the_saved_voice_and_forgets_it(client, home, sample_session):
    assert "No voice saved" in client.get("/new").text
    _post(client, f"/sessions/{sample_session}/listener", {"listener": "L", "remember": "true"})
    page = client.get("/new").text
    assert "Your voice is saved on this computer" in page and "Forget my voice" in page
    r = _post(client, "/voice/forget")
    assert r.status_code == 303 and r.headers["location"].endswith("/new?voice=forgotten#voice-h")
    assert not profile_path(home).exists()
    said = client.get(r.headers["location"]).text
    assert "No voice saved" in said and "Your voice was forgotten" in said
    assert "Your voice was forgotten" not in client.get("/new").text  # said once, not on every visit
    assert _post(client, "/voice/forget").status_code == 303  # nothing to forget is no error
