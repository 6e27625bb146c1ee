"""Sessions on disk: one SQLite database and one audio copy per session, in the data directory.

Schema changes are named, append-only migrations recorded in ``_migrations``; never edit one that has
shipped, add a new one. A session is written in one transaction after its audio copy is complete, so a
crash leaves either the whole session or none of it (an orphaned audio file at worst, swept on open).
"""

from __future__ import annotations

import json
import logging
import os
import shutil
import sqlite3
import uuid
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, Callable

from .errors import StoreError

log = logging.getLogger(__name__)

DB_NAME = "coach.db"
AUDIO_DIR = "audio"


def _m001_sessions(db: sqlite3.Connection) -> None:
    db.execute(
        """
        CREATE TABLE sessions (
            id TEXT PRIMARY KEY,
            created TEXT NOT NULL,
            title TEXT NOT NULL DEFAULT '',
            audio_file TEXT,
            duration_s REAL NOT NULL,
            mode TEXT NOT NULL,
            report TEXT NOT NULL,
            metrics TEXT NOT NULL,
            options TEXT NOT NULL,
            rating INTEGER,
            rating_note TEXT NOT NULL DEFAULT ''
        )
        """
    )
    db.execute("CREATE INDEX sessions_created ON sessions(created)")


def _m002_settings(db: sqlite3.Connection) -> None:
    db.execute("CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL)")


def _m003_report_setup(db: sqlite3.Connection) -> None:
    """Reports of coach.report/1 kept how the recording was read among the notes; /2 keeps it apart."""
    from .report import upgraded

    for session_id, text in db.execute("SELECT id, report FROM sessions").fetchall():
        db.execute("UPDATE sessions SET report = ? WHERE id = ?", (json.dumps(upgraded(json.loads(text))), session_id))


MIGRATIONS: list[tuple[str, Callable[[sqlite3.Connection], None]]] = [
    ("001_sessions", _m001_sessions),
    ("002_settings", _m002_settings),
    ("003_report_setup", _m003_report_setup),
]


def migrate(db: sqlite3.Connection) -> list[str]:
    """Apply the migrations not yet recorded; safe to call on every open. Returns those applied."""
    db.execute("CREATE TABLE IF NOT EXISTS _migrations (name TEXT PRIMARY KEY, applied TEXT NOT NULL)")
    done = {row[0] for row in db.execute("SELECT name FROM _migrations")}
    applied = []
    for name, step in MIGRATIONS:
        if name in done:
            continue
        with db:
            step(db)
            db.execute(
                "INSERT INTO _migrations (name, applied) VALUES (?, ?)",
                (name, datetime.now(timezone.utc).isoformat()),
            )
        applied.append(name)
    return applied


@dataclass(frozen=True)
class SessionRow:
    id: str
    created: str
    title: str
    audio_file: str | None
    duration_s: float
    mode: str
    metrics: dict[str, Any]
    options: dict[str, Any]
    rating: int | None
    rating_note: str


SUMMARY_COLUMNS = "id, created, title, audio_file, duration_s, mode, metrics, options, rating, rating_note"


def _row(r: sqlite3.Row) -> SessionRow:
    return SessionRow(
        id=r["id"],
        created=r["created"],
        title=r["title"],
        audio_file=r["audio_file"],
        duration_s=r["duration_s"],
        mode=r["mode"],
        metrics=json.loads(r["metrics"]),
        options=json.loads(r["options"]),
        rating=r["rating"],
        rating_note=r["rating_note"],
    )


class Store:
    """The session database in ``root`` (normally :func:`coach.paths.data_dir`)."""

    def __init__(self, root: Path):
        self.root = Path(root)
        try:
            (self.root / AUDIO_DIR).mkdir(parents=True, exist_ok=True)
            self.db = sqlite3.connect(self.root / DB_NAME, check_same_thread=False)
            self.db.row_factory = sqlite3.Row
            self.db.execute("PRAGMA journal_mode=WAL")
            self.db.execute("PRAGMA foreign_keys=ON")
            migrate(self.db)
        except (OSError, sqlite3.Error) as e:
            raise StoreError(f"cannot use the data directory {self.root}: {e} (set COACH_HOME to another place)") from e
        self._sweep_orphans()

    def close(self) -> None:
        self.db.close()

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- writing -------------------------------------------------------------------------------

    def add_session(self, report: dict[str, Any], audio: Path | None, title: str = "") -> str:
        """Store a finished analysis and a copy of its audio; returns the new session id."""
        session_id = datetime.now().strftime("%Y%m%d-%H%M%S-") + uuid.uuid4().hex[:6]
        audio_file = None
        if audio is not None:
            audio_file = f"{session_id}{Path(audio).suffix.lower() or '.wav'}"
            target = self.root / AUDIO_DIR / audio_file
            partial = target.with_name(target.name + ".partial")
            try:
                shutil.copyfile(audio, partial)
                os.replace(partial, target)
            except OSError as e:
                partial.unlink(missing_ok=True)
                raise StoreError(f"cannot copy the audio into {self.root / AUDIO_DIR}: {e}") from e
        report = {**report, "session_id": session_id}
        try:
            with self.db:
                self.db.execute(
                    "INSERT INTO sessions (id, created, title, audio_file, duration_s, mode, report, metrics, options)"
                    " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    (
                        session_id,
                        datetime.now(timezone.utc).isoformat(timespec="microseconds"),
                        title or Path(report["audio"]["path"]).name,
                        audio_file,
                        report["audio"]["duration_s"],
                        report["audio"]["mode"],
                        json.dumps(report),
                        json.dumps(report["metrics"]),
                        json.dumps(report.get("options", {})),
                    ),
                )
        except sqlite3.Error as e:
            if audio_file:
                (self.root / AUDIO_DIR / audio_file).unlink(missing_ok=True)
            raise StoreError(f"cannot save the session: {e}") from e
        return session_id

    def replace_report(self, session_id: str, report: dict[str, Any]) -> None:
        """Swap in a re-derived report (e.g. after the user said which speaker they are)."""
        report = {**report, "session_id": session_id}
        with self.db:
            cur = self.db.execute(
                "UPDATE sessions SET report = ?, metrics = ?, options = ? WHERE id = ?",
                (json.dumps(report), json.dumps(report["metrics"]), json.dumps(report.get("options", {})), session_id),
            )
        if cur.rowcount == 0:
            raise StoreError(f"no session {session_id}")

    def set_rating(self, session_id: str, rating: int | None, note: str = "") -> None:
        if rating is not None and not 1 <= rating <= 5:
            raise StoreError("the rating is from 1 (not heard) to 5 (fully heard)")
        with self.db:
            cur = self.db.execute(
                "UPDATE sessions SET rating = ?, rating_note = ? WHERE id = ?", (rating, note, session_id)
            )
        if cur.rowcount == 0:
            raise StoreError(f"no session {session_id}")

    def delete_session(self, session_id: str) -> bool:
        row = self.db.execute("SELECT audio_file FROM sessions WHERE id = ?", (session_id,)).fetchone()
        if row is None:
            return False
        with self.db:
            self.db.execute("DELETE FROM sessions WHERE id = ?", (session_id,))
        if row["audio_file"]:
            (self.root / AUDIO_DIR / row["audio_file"]).unlink(missing_ok=True)
        return True

    def set_setting(self, key: str, value: Any) -> None:
        with self.db:
            self.db.execute(
                "INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                (key, json.dumps(value)),
            )

    # -- reading -------------------------------------------------------------------------------

    def get_setting(self, key: str, default: Any = None) -> Any:
        row = self.db.execute("SELECT value FROM settings WHERE key = ?", (key,)).fetchone()
        return default if row is None else json.loads(row["value"])

    def sessions(self, limit: int | None = None) -> list[SessionRow]:
        """Newest first, without the (large) reports."""
        sql = f"SELECT {SUMMARY_COLUMNS} FROM sessions ORDER BY created DESC, id DESC"
        params: tuple = ()
        if limit is not None:
            sql += " LIMIT ?"
            params = (limit,)
        return [_row(r) for r in self.db.execute(sql, params)]

    def session(self, session_id: str) -> SessionRow | None:
        r = self.db.execute(f"SELECT {SUMMARY_COLUMNS} FROM sessions WHERE id = ?", (session_id,)).fetchone()
        return None if r is None else _row(r)

    def report(self, session_id: str) -> dict[str, Any] | None:
        r = self.db.execute("SELECT report FROM sessions WHERE id = ?", (session_id,)).fetchone()
        return None if r is None else json.loads(r["report"])

    def audio_path(self, session_id: str) -> Path | None:
        """The stored copy, found by id only: nothing from a request ever becomes a path."""
        r = self.db.execute("SELECT audio_file FROM sessions WHERE id = ?", (session_id,)).fetchone()
        if r is None or not r["audio_file"]:
            return None
        path = self.root / AUDIO_DIR / r["audio_file"]
        return path if path.is_file() else None

    def previous(self, session_id: str) -> SessionRow | None:
        """The session recorded just before this one (for 'better than last time?')."""
        r = self.db.execute(
            f"SELECT {SUMMARY_COLUMNS} FROM sessions WHERE (created, id) < "
            "(SELECT created, id FROM sessions WHERE id = ?) ORDER BY created DESC, id DESC LIMIT 1",
            (session_id,),
        ).fetchone()
        return None if r is None else _row(r)

    def _sweep_orphans(self, min_age_s: float = 600.0) -> None:
        """Remove audio copies whose session never committed (a crash between copy and insert).

        Only old ones: another process may be between its copy and its insert right now.
        """
        known = {r[0] for r in self.db.execute("SELECT audio_file FROM sessions WHERE audio_file IS NOT NULL")}
        now = datetime.now().timestamp()
        for path in (self.root / AUDIO_DIR).iterdir():
            if path.name not in known and now - path.stat().st_mtime > min_age_s:
                log.info("removing unfinished session audio %s", path.name)
                path.unlink(missing_ok=True)
