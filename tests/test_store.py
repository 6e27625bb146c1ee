"""The session database: migrations, atomic writes, reads, deletes."""

from __future__ import annotations

import json
import os
import sqlite3
import time

import pytest

from coach.errors import StoreError
from coach.store import MIGRATIONS, Store, migrate

from .test_report import make_report
from coach.report import report_to_dict


def test_migrations_are_recorded_and_safe_to_rerun():
    db = sqlite3.connect(":memory:")
    assert migrate(db) == [name for name, _ in MIGRATIONS]
    assert migrate(db) == []
    assert {r[0] for r in db.execute("SELECT name FROM _migrations")} == {n for n, _ in MIGRATIONS}


def test_sessions_stored_under_the_first_report_schema_are_upgraded_once(coach_home):
    with Store(coach_home) as store:
        sid = store.add_session(report_to_dict(make_report()), None)
        today = store.report(sid)
    v1 = {k: v for k, v in today.items() if k != "setup"} | {
        "schema": "coach.report/1", "notes": today["setup"] + today["notes"],
    }
    db = sqlite3.connect(coach_home / "coach.db")
    with db:  # as a store from before migration 003 left it
        db.execute("UPDATE sessions SET report = ? WHERE id = ?", (json.dumps(v1), sid))
        db.execute("DELETE FROM _migrations WHERE name = '003_report_setup'")
    db.close()
    with Store(coach_home) as store:
        assert store.report(sid) == today


def test_add_read_list_delete(tmp_path, coach_home):
    audio = tmp_path / "talk.wav"
    audio.write_bytes(b"RIFF....fake")
    with Store(coach_home) as store:
        sid = store.add_session(report_to_dict(make_report()), audio)
        assert store.report(sid)["session_id"] == sid
        assert store.audio_path(sid).read_bytes() == audio.read_bytes()
        row = store.session(sid)
        assert row.duration_s == 10.0 and row.metrics["interruptions"] == 1
        second = store.add_session(report_to_dict(make_report()), None)
        assert [r.id for r in store.sessions()] == [second, sid]
        assert store.previous(second).id == sid and store.previous(sid) is None
        store.set_rating(sid, 4, "felt heard")
        assert store.session(sid).rating == 4
        with pytest.raises(StoreError):
            store.set_rating(sid, 9)
        assert store.delete_session(sid) is True
        assert store.report(sid) is None and not any((coach_home / "audio").iterdir())
        assert store.delete_session(sid) is False


def test_a_failed_insert_leaves_no_audio_behind(tmp_path, coach_home):
    audio = tmp_path / "talk.wav"
    audio.write_bytes(b"x")
    with Store(coach_home) as store:
        with pytest.raises(KeyError):
            store.add_session({"audio": {}}, audio)  # not a report
        # the copy happened before the failure: it must not be left as a session or an orphan forever
        store._sweep_orphans(min_age_s=0)
        assert list((coach_home / "audio").iterdir()) == []
        assert store.sessions() == []


def test_orphans_are_swept_only_when_old(coach_home):
    Store(coach_home).close()
    orphan = coach_home / "audio" / "20200101-000000-abcdef.wav"
    orphan.write_bytes(b"x")
    Store(coach_home).close()
    assert orphan.exists()  # might belong to a session being written right now
    old = time.time() - 3600
    os.utime(orphan, (old, old))
    Store(coach_home).close()
    assert not orphan.exists()


def test_unwritable_data_directory_is_a_clear_error(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("not a directory")
    with pytest.raises(StoreError, match="cannot use the data directory"):
        Store(blocker / "coach")


def test_settings(coach_home):
    with Store(coach_home) as store:
        assert store.get_setting("goal") is None
        store.set_setting("goal", {"interruptions": 1})
        assert store.get_setting("goal") == {"interruptions": 1}
