"""Where coach keeps its data: one function decides, everything else asks it."""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

PACKAGE_DIR = Path(__file__).resolve().parent
REPO_DIR = PACKAGE_DIR.parent


def data_dir() -> Path:
    """``$COACH_HOME`` if set, else the platform's user data directory (e.g. ~/.local/share/coach)."""
    env = os.environ.get("COACH_HOME")
    if env:
        return Path(env).expanduser()
    return Path(platformdirs.user_data_dir("coach", appauthor=False))


def models_dir() -> Path:
    """The ONNX models shipped with the project (``$COACH_MODELS`` overrides, for installs elsewhere)."""
    env = os.environ.get("COACH_MODELS")
    if env:
        return Path(env).expanduser()
    return REPO_DIR / "models"


def samples_dir() -> Path:
    return PACKAGE_DIR / "samples"
