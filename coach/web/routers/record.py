"""Recording from the page with the same recorder as `coach record`: Start, live time and level, Stop,
then the usual analysis job. The microphone is the server's, which is this computer's."""

from __future__ import annotations

import threading
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Iterable

from fastapi import APIRouter, Depends, Form, HTTPException, Request
from fastapi.responses import JSONResponse, RedirectResponse

from ...errors import CoachError, DeviceError
from ...types import MIN_DURATION_S
from ..deps import Analyzer, LiveAnalysisFactory, Settings, get_analyzer, get_live_analysis, get_settings
from ..jobs import analyse_and_store
from .upload import LISTENER_CHOICES

router = APIRouter(prefix="/record")

SourceFactory = Callable[[], tuple[Iterable[Any], int, int]]  # (blocks, samplerate, channels)


def default_source() -> tuple[Iterable[Any], int, int]:
    """The default microphone; two channels when it has exactly two (a two-mic set-up), as `coach record`."""
    from ...devices import SoundDeviceSource, import_sounddevice, pick_samplerate

    sd = import_sounddevice()
    try:
        info = sd.query_devices(None, "input")
    except (ValueError, sd.PortAudioError) as e:
        raise DeviceError("No microphone found: connect one, then run `coach devices`.") from e
    channels = 2 if info["max_input_channels"] == 2 else 1
    samplerate = pick_samplerate(None, channels)
    return SoundDeviceSource(None, channels, samplerate), samplerate, channels


def get_source_factory() -> SourceFactory:
    return default_source


@dataclass
class Live:
    """The one recording the page may be making; read by the polling endpoint, written by the recorder."""

    listener: str
    stop: threading.Event = field(default_factory=threading.Event)
    thread: threading.Thread | None = None
    elapsed_s: float = 0.0
    levels: list[dict[str, Any]] = field(default_factory=list)
    notice: str = ""
    error: str | None = None
    path: Path | None = None
    duration_s: float = 0.0
    analysis: Any = None  # a LiveAnalysis working beside the recorder, where it can

    @property
    def active(self) -> bool:
        return self.thread is not None and self.thread.is_alive()

    @property
    def kept_s(self) -> float | None:
        """How much a recording that stopped on an error kept, when that is enough to analyse."""
        stopped = self.thread is not None and not self.active
        return self.duration_s if stopped and self.path is not None and self.duration_s >= MIN_DURATION_S else None

    def as_dict(self) -> dict[str, Any]:
        return {"active": self.active, "elapsed_s": round(self.elapsed_s, 1), "levels": self.levels,
                "notice": self.notice, "error": self.error, "kept_s": self.kept_s}


def live_of(request: Request) -> Live | None:
    return getattr(request.app.state, "recording", None)


def _finishing(analysis: Any) -> Analyzer:
    def analyse(path: Path, listener: str, progress: Any) -> dict[str, Any]:
        from ...report import report_to_dict

        return report_to_dict(analysis.finish(path, progress))

    return analyse


@router.post("/start", name="record_start")
async def record_start(
    request: Request,
    listener: str = Form("auto"),
    settings: Settings = Depends(get_settings),
    make_source: SourceFactory = Depends(get_source_factory),
    live_analysis: LiveAnalysisFactory = Depends(get_live_analysis),
) -> RedirectResponse:
    from ...record import Recorder, default_recording_path

    current = live_of(request)
    if current is not None and current.active:
        raise HTTPException(409, "A recording is already running: stop it first.")
    if listener not in LISTENER_CHOICES:
        raise HTTPException(422, "Unknown choice for who is practising.")
    live = Live(listener=listener)
    request.app.state.recording = live

    def hook(update: Any) -> None:  # the recorder's thread; keep it quick
        live.elapsed_s = update.elapsed_s
        live.levels = [{"rms_db": round(l.rms_db, 1), "peak_db": round(l.peak_db, 1), "clipped": l.clipped,
                        "active": l.active} for l in update.levels]
        if update.notices:
            live.notice = update.notices[-1].message

    def run() -> None:
        try:
            source, samplerate, channels = make_source()
            path = default_recording_path(directory=settings.data_dir / "recordings")
            path.parent.mkdir(parents=True, exist_ok=True)
            live.analysis = live_analysis(listener, samplerate, channels)
            tap = live.analysis.feed if live.analysis is not None else None
            result = Recorder(path, source, samplerate, channels, listener=listener, hook=hook, tap=tap).run(live.stop)
            live.path, live.duration_s = result.path, result.duration_s
        except CoachError as e:  # RecordingInterrupted included: what was kept is in e.recording
            live.error = str(e).splitlines()[0]
            kept = getattr(e, "recording", None)
            if kept is not None:
                live.path, live.duration_s = kept.path, kept.duration_s

    live.thread = threading.Thread(target=run, name="coach-record", daemon=True)
    live.thread.start()
    return RedirectResponse(str(request.url_for("new_session")) + "#record", status_code=303)


@router.post("/stop", name="record_stop")
async def record_stop(
    request: Request,
    settings: Settings = Depends(get_settings),
    analyzer: Analyzer = Depends(get_analyzer),
) -> RedirectResponse:
    live = live_of(request)
    if live is None or live.thread is None:
        raise HTTPException(409, "Nothing is being recorded.")
    live.stop.set()
    live.thread.join(timeout=5.0)
    if live.active:
        raise HTTPException(500, "The recorder did not stop; the audio so far is in the recordings folder.")
    request.app.state.recording = None
    if live.path is None or live.duration_s < MIN_DURATION_S:
        if live.analysis is not None:
            live.analysis.close()
        raise HTTPException(422, live.error or "The recording was too short to analyse.")
    if live.analysis is not None:
        analyzer = _finishing(live.analysis)
    work = analyse_and_store(analyzer, live.path, live.listener, settings.data_dir, live.path.name)
    job_id = request.app.state.jobs.submit(live.path.name, work)
    return RedirectResponse(request.url_for("job_page", job_id=job_id), status_code=303)


@router.get("/status", name="record_status")
async def record_status(request: Request) -> JSONResponse:
    live = live_of(request)
    state = (live or Live(listener="auto")).as_dict()  # nothing recording: a recorder that never started
    return JSONResponse(state, headers={"Cache-Control": "no-store"})
