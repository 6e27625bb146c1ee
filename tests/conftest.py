"""Every test gets its own empty data directory; real clips come from ../shared when it is there."""

from __future__ import annotations

from pathlib import Path

import pytest

from .helpers import DATA

pytest_plugins = ["tests.web_support"]


@pytest.fixture(autouse=True)
def coach_home(tmp_path, monkeypatch):
    home = tmp_path / "coach-home"
    monkeypatch.setenv("COACH_HOME", str(home))
    return home


@pytest.fixture
def shared_data() -> Path:
    if not DATA.is_dir():
        pytest.skip(f"the real recordings in {DATA} are not here (../shared is absent)")
    return DATA
