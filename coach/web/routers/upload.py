"""A new session from the page: upload a recording, watch it being analysed, land on its feedback."""

from __future__ import annotations

import re
import shutil
import tempfile
from pathlib import Path

from fastapi import APIRouter, Depends, File, Form, HTTPException, Request, UploadFile
from fastapi.responses import HTMLResponse, RedirectResponse

from ...profile import saved_at
from ..deps import Analyzer, Settings, get_analyzer, get_settings, templates
from ..jobs import analyse_and_store

router = APIRouter()

SUFFIXES = (".wav", ".flac", ".mp3", ".ogg", ".opus", ".m4a", ".mp4", ".webm")
LISTENER_CHOICES = {"auto": "Recognise my voice (or the second speaker)", "first": "The first to speak",
                    "second": "The second to speak"}
CHUNK = 1 << 20


def audio_kind(head: bytes) -> str | None:
    """The file suffix the container's magic bytes say, or None: a renamed text file or image never
    reaches the decoder, and a FLAC file named .mp3 is kept (and served) as the FLAC it is."""
    if head[:4] == b"RIFF" and head[8:12] == b"WAVE":
        return ".wav"
    magic = {b"fLaC": ".flac", b"OggS": ".ogg", b"\x1a\x45\xdf\xa3": ".webm"}  # Ogg: Vorbis or Opus
    if head[:4] in magic:
        return magic[head[:4]]
    if head[:3] == b"ID3" or (len(head) > 1 and head[0] == 0xFF and head[1] & 0xE0 == 0xE0):  # MPEG audio
        return ".mp3"
    if head[4:8] == b"ftyp":
        return ".m4a"  # MP4 / M4A
    return None


def _title(filename: str) -> str:
    name = Path(filename or "recording").name
    return re.sub(r"[\x00-\x1f]", "", name)[:120] or "recording"


@router.get("/new", response_class=HTMLResponse, name="new_session")
async def new_session(
    request: Request, voice: str | None = None, settings: Settings = Depends(get_settings)
) -> HTMLResponse:
    """``voice=forgotten``: just back from "Forget my voice", which the page then confirms."""
    live = getattr(request.app.state, "recording", None)
    recording = live.as_dict() if live is not None else None
    if recording and recording["error"] and not recording["active"] and recording["kept_s"] is None:
        request.app.state.recording = None  # a failed start is said once; the next visit can start afresh
    return templates.TemplateResponse(
        request=request,
        name="new.html",
        context={
            "choices": LISTENER_CHOICES,
            "voice_saved": saved_at(settings.data_dir),
            "voice_forgotten": voice == "forgotten",
            "max_mb": settings.max_upload_bytes // (1 << 20),
            "recording": recording,
        },
    )


@router.post("/upload", name="upload")
async def upload(
    request: Request,
    audio: UploadFile = File(...),
    listener: str = Form("auto"),
    settings: Settings = Depends(get_settings),
    analyzer: Analyzer = Depends(get_analyzer),
) -> RedirectResponse:
    if listener not in LISTENER_CHOICES:
        raise HTTPException(422, "Unknown choice for who is practising.")
    suffix = Path(audio.filename or "").suffix.lower()
    if suffix not in SUFFIXES:
        raise HTTPException(415, f"Please upload a recording ({', '.join(SUFFIXES)}).")
    head = await audio.read(16)
    kind = audio_kind(head) if len(head) >= 12 else None
    if kind is None:
        raise HTTPException(415, "That file does not look like a recording.")
    # A private folder of our own (the OS clears it after a crash); the file name is ours, never the uploader's.
    work_dir = Path(tempfile.mkdtemp(prefix="coach-upload-"))
    path = work_dir / f"recording{kind}"
    try:
        with path.open("wb") as f:
            f.write(head)
            size = len(head)
            while chunk := await audio.read(CHUNK):
                size += len(chunk)
                if size > settings.max_upload_bytes:
                    raise HTTPException(413, "That recording is too large.")
                f.write(chunk)
    except BaseException:
        shutil.rmtree(work_dir, ignore_errors=True)
        raise
    title = _title(audio.filename or "")
    work = analyse_and_store(analyzer, path, listener, settings.data_dir, title, cleanup=work_dir)
    job_id = request.app.state.jobs.submit(title, work)
    return RedirectResponse(request.url_for("job_page", job_id=job_id), status_code=303)


@router.get("/jobs/{job_id}", response_class=HTMLResponse, name="job_page")
async def job_page(request: Request, job_id: str):
    job = request.app.state.jobs.get(job_id)
    if job is None:
        raise HTTPException(404, "No such analysis (the server may have restarted).")
    if job["session_id"]:
        return RedirectResponse(request.url_for("session_page", session_id=job["session_id"]), status_code=303)
    return templates.TemplateResponse(request=request, name="job.html", context={"job": job})
