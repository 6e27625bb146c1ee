"""Hand-made sessions for the web tests: coach.report/2 reports built by code, a small real WAV, a filled store."""

from __future__ import annotations

import copy
import math
import struct
import wave
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any

from coach.store import Store

START = datetime(2024, 1, 1, 18, 0, tzinfo=timezone.utc)

PARTNER_LINES = [
    (0.4, 5.6, "I just feel so stressed about work, my boss keeps adding more deadlines."),
    (8.2, 12.6, "I don't know, it's not really about the time. I feel like nobody sees what I do."),
    (15.6, 19.5, "Yes. Exactly. That's it."),
]


def make_report(duration: float = 20.0, *, interruptions: int = 1, advice: int = 1, text_extra: str = "") -> dict[str, Any]:
    """A two-person conversation: S2 talks about work, S1 (the listener) interrupts with advice once,
    encourages, reflects and asks; numbers follow the lead's metric names."""
    turns = [
        {"speaker": "S2", "start": s, "end": e, "text": t + (text_extra if i == 0 else ""), "words": _words(s, e, t)}
        for i, (s, e, t) in enumerate(PARTNER_LINES)
    ]
    turns += [
        {"speaker": "S1", "start": 2.5, "end": 2.9, "text": "mm-hmm", "words": []},
        {"speaker": "S1", "start": 4.9, "end": 8.0, "text": "You should just talk to your boss about it.",
         "words": []},
        {"speaker": "S1", "start": 13.0, "end": 15.4, "text": "It sounds like you feel invisible. What is that like?",
         "words": []},
    ]
    turns.sort(key=lambda t: t["start"])
    events = [
        {"type": "backchannel", "speaker": "S1", "start": 2.5, "end": 2.9, "text": "mm-hmm", "detail": {"during": "S2"}},
        {"type": "interruption", "speaker": "S1", "start": 4.9, "end": 8.0,
         "text": "You should just talk to your boss about it.",
         "detail": {"interrupted": "S2", "outcome": "took_floor", "overlap_s": 0.7,
                    "interrupted_text": PARTNER_LINES[0][2]}},
        {"type": "advice", "speaker": "S1", "start": 4.9, "end": 8.0,
         "text": "You should just talk to your boss about it.", "detail": {"with_permission": False}},
        {"type": "reflection", "speaker": "S1", "start": 13.0, "end": 15.4, "text": "It sounds like you feel invisible.",
         "detail": {}},
        {"type": "open_question", "speaker": "S1", "start": 13.0, "end": 15.4, "text": "What is that like?", "detail": {}},
    ]
    return {
        "schema": "coach.report/2",
        "session_id": None,
        "audio": {"path": "/tmp/practice.wav", "duration_s": duration, "channels": 1, "sample_rate": 16000,
                  "mode": "single-mic"},
        "model": {"name": "tiny.en"},
        "speakers": [
            {"id": "S1", "role": "listener", "channel": None, "talk_time_s": 5.9},
            {"id": "S2", "role": "partner", "channel": None, "talk_time_s": 13.5},
        ],
        "turns": turns,
        "overlaps": [{"start": 4.9, "end": 5.6}],
        "events": events,
        "metrics": {
            "duration_s": duration,
            "overlap_s": 0.7,
            "partner_talk_share": 0.696,
            "interruptions": interruptions,
            "interruptions_per_10min": round(interruptions / (duration / 600), 2),
            "partner_interruptions": 0,
            "backchannels": 1,
            "advice": advice,
            "advice_unasked": advice,
            "advice_with_permission": 0,
            "open_questions": 1,
            "closed_questions": 0,
            "reflections": 1,
            "validations": 0,
            "self_focus": 0,
            "judgments": 0,
            "reflection_to_question_ratio": 1.0,
            "median_response_gap_s": 0.4,
            "longest_listener_monologue_s": 3.1,
            "longest_partner_story_s": 5.2,
        },
        "confidence": {"level": "good", "warnings": []},
        "setup": ["one channel: single-microphone analysis", "listener S1: the first person to speak"],
        "notes": [],
        "options": {"listener": "second"},
        "timings": {"total_s": 1.0},
    }


def _words(start: float, end: float, text: str) -> list[dict[str, Any]]:
    parts = text.split()
    step = (end - start) / len(parts)
    return [{"word": w, "start": round(start + i * step, 3), "end": round(start + (i + 1) * step, 3)}
            for i, w in enumerate(parts)]


def swapped(report: dict[str, Any], listener: str) -> dict[str, Any]:
    """A stand-in for coach.report.with_listener: roles swap, the numbers change visibly."""
    out = copy.deepcopy(report)
    for s in out["speakers"]:
        s["role"] = "listener" if s["id"] == listener else "partner"
    out["metrics"]["partner_talk_share"] = round(1 - out["metrics"]["partner_talk_share"], 3)
    out["metrics"]["interruptions"] = 0
    return out


def write_wav(path: Path, seconds: float = 20.0, rate: int = 16000) -> Path:
    """A quiet tone that glides in pitch, so any second of it is real, seekable audio."""
    frames = bytearray()
    for n in range(int(seconds * rate)):
        t = n / rate
        frames += struct.pack("<h", int(6000 * math.sin(2 * math.pi * (220 + 5 * t) * t)))
    with wave.open(str(path), "wb") as w:
        w.setnchannels(1)
        w.setsampwidth(2)
        w.setframerate(rate)
        w.writeframes(bytes(frames))
    return path


def fill(store: Store, n: int, audio: Path | None = None) -> list[str]:
    """``n`` sessions whose numbers vary, so charts have a shape."""
    ids = []
    for i in range(n):
        report = make_report(interruptions=(n - i) % 4, advice=i % 3)
        report["metrics"]["partner_talk_share"] = round(0.5 + 0.4 * i / max(n, 1), 3)
        ids.append(store.add_session(report, audio, title=f"practice {i + 1}.wav"))
        # Sessions added in one second would tie on ``created``; spread them a day apart, oldest first.
        created = (START + timedelta(days=i)).isoformat(timespec="seconds")
        with store.db:
            store.db.execute("UPDATE sessions SET created = ? WHERE id = ?", (created, ids[-1]))
        if i % 2:
            store.set_rating(ids[-1], 1 + i % 5, "")
    return ids


# -- fixtures shared by the web tests (imported into each test module) -----------------------------

import pytest  # noqa: E402
from fastapi.testclient import TestClient  # noqa: E402

from coach.web import create_app  # noqa: E402
from coach.web.deps import get_relabeler  # noqa: E402

BASE_URL = "http://127.0.0.1:8000"


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("COACH_HOME", str(tmp_path / "home"))
    return tmp_path / "home"


@pytest.fixture
def app(home: Path):
    app = create_app(port=8000)
    app.dependency_overrides[get_relabeler] = lambda: swapped
    return app


@pytest.fixture
def client(app):
    with TestClient(app, base_url=BASE_URL, follow_redirects=False) as c:
        yield c


@pytest.fixture
def wav(tmp_path: Path) -> Path:
    return write_wav(tmp_path / "practice.wav")


def token(client: TestClient) -> str:
    return client.app.state.settings.csrf_token


def store_of(client: TestClient) -> Store:
    return client.app.state.store
