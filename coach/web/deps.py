"""What every route may ask for through ``Depends``: the settings, the store, the templates, the analyser.

Tests swap any of these with ``app.dependency_overrides``, so no route reaches for a global.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable

import jinja2
from fastapi import Request
from fastapi.templating import Jinja2Templates

from ..paths import REPO_DIR
from ..store import Store
from ..summary import local_time

WEB_DIR = REPO_DIR / "web"
TEMPLATES_DIR = WEB_DIR / "templates"
STATIC_DIR = WEB_DIR / "static"

# Large enough for two hours of 16-bit stereo at 44.1 kHz as WAV; anything longer is better compressed.
DEFAULT_MAX_UPLOAD_BYTES = 1 << 30

Progress = Callable[[str, float], None]
Analyzer = Callable[[Path, str, Progress], dict[str, Any]]
Relabeler = Callable[[dict[str, Any], str], dict[str, Any]]
LiveAnalysisFactory = Callable[[str, int, int], Any]  # (listener, samplerate, channels) -> LiveAnalysis | None


@dataclass(frozen=True)
class Settings:
    """How this server was started.

    Attributes:
        data_dir: where the sessions live (``coach.paths.data_dir()`` unless overridden).
        host / port: the address served; requests naming any other host are refused (DNS rebinding).
        max_upload_bytes: larger uploads are refused before they are read.
        csrf_token: a secret made fresh for each server; every POST must carry it.
    """

    data_dir: Path
    host: str = "127.0.0.1"
    port: int | None = None
    max_upload_bytes: int = DEFAULT_MAX_UPLOAD_BYTES
    csrf_token: str = field(default_factory=lambda: secrets.token_urlsafe(32), repr=False)


def _csrf_context(request: Request) -> dict[str, Any]:
    return {"csrf_token": request.app.state.settings.csrf_token}


templates = Jinja2Templates(
    env=jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES_DIR),
        autoescape=True,  # every template, whatever its name: a transcript is untrusted text
        trim_blocks=True,
        lstrip_blocks=True,
    ),
    context_processors=[_csrf_context],
)


def when(created: str) -> str:
    t = local_time(created)
    return created if t is None else f"{t:%a} {t.day} {t:%b %Y, %H:%M}"


def short_date(created: str) -> str:
    t = local_time(created)
    return created[:10] if t is None else f"{t.day} {t:%b %Y}"


def short_when(created: str) -> str:
    t = local_time(created)
    return created if t is None else f"{t.day} {t:%b %Y, %H:%M}"


def minutes(seconds: float) -> str:
    m, s = divmod(int(round(seconds)), 60)
    return f"{m // 60}:{m % 60:02d}:{s:02d}" if m >= 60 else f"{m}:{s:02d}"


templates.env.filters.update(when=when, short_when=short_when, short_date=short_date, minutes=minutes)


def get_settings(request: Request) -> Settings:
    return request.app.state.settings


def get_store(request: Request) -> Store:
    return request.app.state.store


def default_analyzer(path: Path, listener: str, progress: Progress) -> dict[str, Any]:
    # Imported here: the page must start (and browse history) even where the models are not installed.
    from ..options import AnalysisOptions
    from ..pipeline import analyze
    from ..report import report_to_dict

    return report_to_dict(analyze(path, AnalysisOptions(listener=listener), progress))


def get_analyzer() -> Analyzer:
    return default_analyzer


def default_live_analysis(listener: str, samplerate: int, channels: int) -> Any:
    """Analysis while recording (``coach.live``), so that feedback is ready seconds after the stop;
    None where it does not apply or the analysis stack is not installed (the page works without it)."""
    try:
        from ..live import LiveAnalysis
        from ..options import AnalysisOptions
    except ImportError:
        return None
    analysis = LiveAnalysis(AnalysisOptions(listener=listener), samplerate, channels)
    return analysis if analysis.active else None


def get_live_analysis() -> LiveAnalysisFactory:
    return default_live_analysis


def default_relabeler(report: dict[str, Any], listener: str) -> dict[str, Any]:
    from ..report import with_listener

    return with_listener(report, listener)


def get_relabeler() -> Relabeler:
    return default_relabeler
