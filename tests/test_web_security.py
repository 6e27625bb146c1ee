"""A local server that any web page can reach: foreign hosts, cross-site writes, paths and sizes."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from coach.profile import profile_path
from coach.web import create_app
from coach.web.security import allowed_names, host_allowed, split_host

from .web_support import BASE_URL, app, client, fill, home, store_of, token, wav  # noqa: F401


@pytest.mark.parametrize(
    "header, ok",
    [
        ("127.0.0.1:8000", True),
        ("localhost:8000", True),
        ("[::1]:8000", True),
        ("LOCALHOST", True),
        ("127.0.0.1:9999", False),  # another port is another server
        ("evil.example", False),
        ("evil.example:8000", False),
        ("127.0.0.1.evil.example:8000", False),
        ("", False),
    ],
)
def test_host_check(header, ok):
    assert host_allowed(header, allowed_names("127.0.0.1"), 8000) is ok


def test_split_host_understands_ipv6():
    assert split_host("[::1]:8000") == ("[::1]", "8000")
    assert split_host("[::1]") == ("[::1]", None)
    assert split_host("Example.COM:80") == ("example.com", "80")


def test_configured_host_is_allowed(home):
    app = create_app(host="coach.lan", port=8123)
    with TestClient(app, base_url="http://coach.lan:8123") as c:
        assert c.get("/").status_code == 200
        assert c.get("/", headers={"host": "localhost:8123"}).status_code == 200
        assert c.get("/", headers={"host": "coach.lan:9000"}).status_code == 400


def test_foreign_host_is_refused_everywhere(client, wav):
    (sid,) = fill(store_of(client), 1, wav)
    for url in ("/", f"/sessions/{sid}", f"/sessions/{sid}/audio", "/api/sessions", "/static/style.css"):
        r = client.get(url, headers={"host": "attacker.example:8000"})
        assert r.status_code == 400, url
        assert b"RIFF" not in r.content
    r = client.post(f"/sessions/{sid}/delete", data={"csrf_token": token(client)}, headers={"host": "attacker.example"})
    assert r.status_code == 400 and store_of(client).session(sid) is not None


@pytest.mark.parametrize("what", ["delete", "listener", "rating", "goal", "upload", "forget voice"])
def test_post_without_the_token_is_refused(client, home, what):
    (sid,) = fill(store_of(client), 1)
    voice = profile_path(home)
    voice.write_bytes(b"a saved voice")
    url, data = {
        "delete": (f"/sessions/{sid}/delete", {}),
        "listener": (f"/sessions/{sid}/listener", {"listener": "S2"}),
        "rating": (f"/sessions/{sid}/rating", {"rating": "1"}),
        "goal": ("/goal", {"metric": "advice_unasked", "target": "0"}),
        "upload": ("/upload", {"listener": "auto"}),
        "forget voice": ("/voice/forget", {}),
    }[what]
    before = store_of(client).report(sid), store_of(client).session(sid)
    assert client.post(url, data=data).status_code == 403
    assert client.post(url, data={**data, "csrf_token": "guessed"}).status_code == 403
    assert (store_of(client).report(sid), store_of(client).session(sid)) == before
    assert store_of(client).get_setting("goal") is None
    assert voice.read_bytes() == b"a saved voice"


def test_token_may_come_in_a_header(client):
    (sid,) = fill(store_of(client), 1)
    r = client.post(f"/sessions/{sid}/delete", headers={"x-csrf-token": token(client)})
    assert r.status_code == 303 and store_of(client).session(sid) is None


@pytest.mark.parametrize(
    "headers",
    [
        {"origin": "http://attacker.example"},
        {"origin": "http://127.0.0.1:9999"},
        {"origin": "null"},
        {"sec-fetch-site": "cross-site"},
        {"sec-fetch-site": "same-site"},
    ],
)
def test_cross_origin_post_is_refused_even_with_the_token(client, headers):
    (sid,) = fill(store_of(client), 1)
    r = client.post(f"/sessions/{sid}/delete", data={"csrf_token": token(client)}, headers=headers)
    assert r.status_code == 403
    assert store_of(client).session(sid) is not None


def test_same_origin_post_is_accepted(client):
    (sid,) = fill(store_of(client), 1)
    r = client.post(
        f"/sessions/{sid}/delete",
        data={"csrf_token": token(client)},
        headers={"origin": BASE_URL, "sec-fetch-site": "same-origin"},
    )
    assert r.status_code == 303


def test_oversized_form_is_refused_before_reading(client):
    (sid,) = fill(store_of(client), 1)
    r = client.post(f"/sessions/{sid}/rating", data={"csrf_token": token(client), "note": "x" * 100_000})
    assert r.status_code == 413 and "at most 64 kB" in r.text
    assert store_of(client).session(sid).rating_note == ""


@pytest.mark.parametrize(
    "url",
    [
        "/sessions/..%2F..%2Fcoach.db/audio",
        "/sessions/..%2Fcoach.db/report.json",
        "/sessions/%2e%2e/audio",
        "/static/../coach.db",
        "/static/%2e%2e/%2e%2e/coach/store.py",
        "/static/..%2F..%2Fcoach%2Fstore.py",
        "/sessions/..%2F..%2F..%2F..%2Fetc%2Fpasswd/audio",
    ],
)
def test_no_path_from_a_request_reaches_the_file_system(client, url):
    r = client.get(url)
    assert r.status_code == 404
    assert b"SQLite" not in r.content and b"root:" not in r.content and b"class Store" not in r.content


def test_pages_forbid_framing_and_foreign_scripts(client):
    r = client.get("/")
    assert "frame-ancestors 'none'" in r.headers["content-security-policy"]
    assert "default-src 'self'" in r.headers["content-security-policy"]
    assert r.headers["x-frame-options"] == "DENY"
    assert r.headers["x-content-type-options"] == "nosniff"


def test_no_page_loads_anything_from_the_internet(client, wav):
    (sid,) = fill(store_of(client), 1, wav)
    for url in ("/", f"/sessions/{sid}", "/new"):
        html = client.get(url).text
        assert "https://" not in html and "//cdn" not in html


def test_online_docs_are_off(client):
    for url in ("/docs", "/redoc", "/openapi.json"):
        assert client.get(url).status_code == 404
