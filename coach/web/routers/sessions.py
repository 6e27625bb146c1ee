"""One session: the feedback page, its audio and report, and the three things one can change about it."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from fastapi import APIRouter, Depends, Form, HTTPException, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import FileResponse, HTMLResponse, JSONResponse, RedirectResponse

from ...audio import load_audio
from ...errors import CoachError
from ...profile import enroll_from_session, saved_at
from ...store import SessionRow, Store
from .. import timeline
from ..deps import Relabeler, Settings, get_relabeler, get_settings, get_store, templates
from ..metrics import DETAIL, HEADLINE, RATING, with_rating
from ..transcript import default_suggester, lines

router = APIRouter(prefix="/sessions")

AUDIO_TYPES = {
    ".wav": "audio/wav",
    ".flac": "audio/flac",
    ".mp3": "audio/mpeg",
    ".ogg": "audio/ogg",
    ".opus": "audio/ogg",
    ".m4a": "audio/mp4",
    ".webm": "audio/webm",
}


def _found(store: Store, session_id: str) -> tuple[SessionRow, dict[str, Any]]:
    row, report = store.session(session_id), store.report(session_id)
    if row is None or report is None:
        raise HTTPException(404, "There is no such session (it may have been deleted).")
    return row, report


def _reflections_to_questions(metrics: dict[str, Any]) -> str | None:
    """The ratio as the counts behind it ("1 : 3"): "0.3 : 1" says the same less plainly."""
    r = metrics.get("reflections")
    q = (metrics.get("open_questions") or 0) + (metrics.get("closed_questions") or 0)
    return f"{r:.0f} : {q:.0f}" if isinstance(r, (int, float)) else None


def _cards(row: SessionRow, previous: SessionRow | None) -> list[dict[str, Any]]:
    cards = []
    for m in HEADLINE:
        now = m.value(row.metrics)
        before = m.value(previous.metrics) if previous else None
        card = {"metric": m, "value": m.format(now)}
        shown_before = None
        if m.key == "reflection_to_question_ratio" and (counts := _reflections_to_questions(row.metrics)):
            card["value"] = counts
            card["unit"] = "reflections : questions"
            shown_before = _reflections_to_questions(previous.metrics) if previous else None
        card["change"] = m.change(now, before, shown_before)
        cards.append(card)
    return cards


def _voices(report: dict[str, Any]) -> list[dict[str, Any]]:
    """A sample of each voice for "which one is you?": the speaker's longest turn."""
    names = timeline.speaker_names(report)
    out = []
    for s in report.get("speakers", []):
        turns = [t for t in report.get("turns", []) if t["speaker"] == s["id"]]
        sample = max(turns, key=lambda t: t["end"] - t["start"], default=None)
        out.append(
            {
                "id": s["id"],
                "name": names.get(s["id"], s["id"]),
                "role": s.get("role", "other"),
                "talk": s.get("talk_time_s", 0.0),
                "sample": sample,
            }
        )
    return out


@router.get("/{session_id}", response_class=HTMLResponse, name="session_page")
async def session_page(
    request: Request, session_id: str, store: Store = Depends(get_store), settings: Settings = Depends(get_settings)
) -> HTMLResponse:
    row, report = _found(store, session_id)
    previous = store.previous(session_id)
    confidence = report.get("confidence") or {}
    well_done, more_well_done = timeline.well_done(report)
    return templates.TemplateResponse(
        request=request,
        name="session.html",
        context={
            "row": row,
            "report": report,
            "previous": previous,
            "cards": _cards(row, previous),
            "details": [(m, m.format(m.value(row.metrics))) for m in DETAIL if m.key in row.metrics],
            "rating_metric": RATING,
            "rating_change": RATING.change(
                RATING.value(with_rating({}, row.rating)),
                RATING.value(with_rating({}, previous.rating)) if previous else None,
            ),
            "timeline": timeline.render(report),
            "moments": timeline.moments(report),
            "well_done": well_done,
            "more_well_done": more_well_done,
            "lines": lines(report, default_suggester()),
            "voices": _voices(report),
            "has_audio": store.audio_path(session_id) is not None,
            "voice_saved": saved_at(settings.data_dir),
            "warnings": list(confidence.get("warnings") or []) + list(report.get("notes") or []),
            "setup": report.get("setup") or [],
            "confidence": confidence.get("level"),
        },
    )


@router.get("/{session_id}/audio", name="session_audio")
async def session_audio(session_id: str, store: Store = Depends(get_store)) -> FileResponse:
    path = store.audio_path(session_id)  # by id only: nothing in the request becomes a path
    if path is None:
        raise HTTPException(404, "This session has no recording.")
    # FileResponse answers Range requests (206 + Content-Range), which the <audio> element needs to seek.
    return FileResponse(path, media_type=AUDIO_TYPES.get(path.suffix.lower(), "application/octet-stream"))


@router.get("/{session_id}/report.json", name="session_report")
async def session_report(session_id: str, store: Store = Depends(get_store)) -> JSONResponse:
    report = store.report(session_id)
    if report is None:
        raise HTTPException(404, "There is no such session.")
    return JSONResponse(
        report, headers={"Content-Disposition": f'attachment; filename="coach-{session_id}.json"'}
    )


@router.post("/{session_id}/delete", name="delete_session")
async def delete_session(request: Request, session_id: str, store: Store = Depends(get_store)) -> RedirectResponse:
    if not store.delete_session(session_id):
        raise HTTPException(404, "There is no such session.")
    return RedirectResponse(request.url_for("history"), status_code=303)


@router.post("/{session_id}/listener", name="set_listener")
async def set_listener(
    request: Request,
    session_id: str,
    listener: str = Form(...),
    remember: bool = Form(False),
    store: Store = Depends(get_store),
    settings: Settings = Depends(get_settings),
    relabel: Relabeler = Depends(get_relabeler),
) -> RedirectResponse:
    _, report = _found(store, session_id)
    if listener not in {s["id"] for s in report.get("speakers", [])}:
        raise HTTPException(422, "That speaker is not in this session.")
    current = next((s["id"] for s in report.get("speakers", []) if s.get("role") == "listener"), None)
    if listener != current:  # confirming the coach's guess (to save the voice) changes nothing
        try:
            store.replace_report(session_id, relabel(report, listener))
        except (CoachError, ValueError) as e:
            raise HTTPException(422, str(e)) from e
    if remember:
        audio = store.audio_path(session_id)
        if audio is None:
            raise HTTPException(422, "You are the listener now, but this session has no recording to learn your voice from.")
        try:
            await run_in_threadpool(_remember_voice, audio, report, listener, settings.data_dir)
        except CoachError as e:
            raise HTTPException(422, f"You are the listener now, but your voice was not saved: {e}.") from e
    return RedirectResponse(request.url_for("session_page", session_id=session_id), status_code=303)


def _remember_voice(audio_path: Path, report: dict[str, Any], speaker: str, home: Path) -> None:
    enroll_from_session(load_audio(audio_path), report, speaker, home)


@router.post("/{session_id}/rating", name="rate_session")
async def rate_session(
    request: Request,
    session_id: str,
    rating: str = Form(""),
    note: str = Form(""),
    store: Store = Depends(get_store),
) -> RedirectResponse:
    _found(store, session_id)
    # isdigit() alone also passes "²" and "٣", which int() refuses or reads as 3.
    value = int(rating) if rating.isascii() and rating.isdigit() else None
    if rating and (value is None or not 1 <= value <= 5):
        raise HTTPException(422, "The rating is a number from 1 to 5.")
    store.set_rating(session_id, value, note.strip()[:2000])
    url = request.url_for("session_page", session_id=session_id)
    return RedirectResponse(f"{url}#rating", status_code=303)
