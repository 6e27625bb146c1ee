"""The page in a real browser (Debian's headless Chromium driven by Playwright; never a downloaded browser):
clicking a mark seeks the recording, roles swap, the partner rates, a session is deleted. Screenshots of
the session and history pages land in test-artifacts/ for a person to look at."""

from __future__ import annotations

import shutil
import socket
import threading
import time
from pathlib import Path

import pytest

from coach.store import Store
from coach.web import create_app
from coach.web.deps import get_relabeler

from .web_support import fill, swapped, write_wav

ARTIFACTS = Path(__file__).resolve().parents[1] / "test-artifacts"
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--no-first-run", "--autoplay-policy=no-user-gesture-required"]

sync_api = pytest.importorskip("playwright.sync_api", reason="the browser tests need `pip install playwright`")
if CHROMIUM is None:
    pytest.skip("the browser tests need Debian's chromium (apt-get install chromium)", allow_module_level=True)
uvicorn = pytest.importorskip("uvicorn")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    """A real server on a free port over a data directory with three sessions that have audio."""
    home = tmp_path_factory.mktemp("browser-home")
    wav = write_wav(tmp_path_factory.mktemp("audio") / "practice.wav", seconds=20)
    with Store(home) as store:
        ids = fill(store, 3, wav)
    port = _free_port()
    app = create_app(home, port=port)
    app.dependency_overrides[get_relabeler] = lambda: swapped
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 10
    while not server.started:
        assert time.monotonic() < deadline, "the server did not start"
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}", ids, home
    server.should_exit = True
    thread.join(5)


@pytest.fixture(scope="module")
def browser():
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield b
        b.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1200, "height": 900})
    pg = context.new_page()
    errors: list[str] = []
    pg.on("pageerror", lambda e: errors.append(str(e)))
    pg.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    pg.on("response", lambda r: errors.append(f"{r.status} {r.url}") if r.status >= 400 else None)
    yield pg
    context.close()
    assert errors == [], f"the page logged errors: {errors}"


def test_clicking_an_interruption_plays_from_just_before_it(site, page):
    base, ids, _ = site
    page.goto(f"{base}/sessions/{ids[-1]}")
    page.wait_for_function("document.getElementById('player').readyState >= 1")
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "session.png"), full_page=True)
    mark = page.locator("svg.timeline a.mark-interruption").first
    seek = float(mark.get_attribute("data-seek"))
    mark.click()
    page.wait_for_function("!document.getElementById('player').paused || document.getElementById('player').currentTime > 0")
    t = page.evaluate("document.getElementById('player').currentTime")
    assert seek - 0.01 <= t < seek + 1.5, (seek, t)  # media time is a float: 8.2 may read 8.199999
    assert page.locator(".line.current").count() == 1  # the transcript line is marked too
    page.evaluate("document.getElementById('player').pause()")


def test_clicking_a_transcript_time_seeks_there(site, page):
    base, ids, _ = site
    page.goto(f"{base}/sessions/{ids[-1]}")
    page.wait_for_function("document.getElementById('player').readyState >= 1")
    link = page.locator(".line .seek.time").nth(2)
    seek = float(link.get_attribute("data-seek"))
    link.click()
    t = page.evaluate("document.getElementById('player').currentTime")
    assert seek - 0.01 <= t < seek + 1.5, (seek, t)


def test_swap_roles(site, page):
    base, ids, home = site
    page.goto(f"{base}/sessions/{ids[0]}")
    page.check("input[name=listener][value=S2]")
    page.click("text=This is me")
    page.wait_for_url(f"**/sessions/{ids[0]}")
    assert page.is_checked("input[name=listener][value=S2]")
    with Store(home) as store:
        roles = {s["id"]: s["role"] for s in store.report(ids[0])["speakers"]}
    assert roles["S2"] == "listener"


def test_partner_rates_the_session(site, page):
    base, ids, home = site
    page.goto(f"{base}/sessions/{ids[1]}")
    page.click("label[for=rating-4]")
    page.fill("#rating-note", "I felt you let me finish.")
    page.click("text=Save their answer")
    page.wait_for_selector("text=4 out of 5")
    assert "I felt you let me finish." in page.inner_text(".rated")
    with Store(home) as store:
        assert store.session(ids[1]).rating == 4


def test_history_page_and_delete(site, page):
    base, ids, home = site
    page.goto(f"{base}/")
    assert page.locator("svg.trend").count() == 5
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "history.png"), full_page=True)
    rows = page.locator("table.sessions tbody tr").count()
    page.click(f"a[href$='/sessions/{ids[1]}']")
    page.click("text=Delete this session…")
    page.click("text=Delete the session and its recording")
    page.wait_for_url(f"{base}/")
    assert page.locator("table.sessions tbody tr").count() == rows - 1
    with Store(home) as store:
        assert store.session(ids[1]) is None


def test_phone_sized_screens(site, browser):
    base, ids, _ = site
    context = browser.new_context(viewport={"width": 390, "height": 844}, device_scale_factor=2)
    pg = context.new_page()
    pg.goto(f"{base}/sessions/{ids[-1]}")
    ARTIFACTS.mkdir(exist_ok=True)
    pg.screenshot(path=str(ARTIFACTS / "session-phone.png"), full_page=False)
    # Nothing wider than the screen except the timeline, which scrolls inside its own frame.
    assert pg.evaluate("document.documentElement.scrollWidth") <= 390 + 1
    context.close()
