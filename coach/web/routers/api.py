"""Machine-readable views: the session list as JSON and CSV, and the progress of an analysis."""

from __future__ import annotations

import csv
import io
from typing import Any

from fastapi import APIRouter, Depends, HTTPException, Request
from fastapi.responses import JSONResponse, Response

from ...store import Store
from ..deps import get_store

router = APIRouter()

CSV_FIXED = ("id", "created", "title", "duration_s", "mode", "rating", "rating_note")


@router.get("/api/sessions", name="api_sessions")
async def api_sessions(store: Store = Depends(get_store)) -> list[dict[str, Any]]:
    """Newest first: ``{"id", "created", "duration_s", "metrics", "title", "rating"}``."""
    return [
        {
            "id": r.id,
            "created": r.created,
            "duration_s": r.duration_s,
            "metrics": r.metrics,
            "title": r.title,
            "mode": r.mode,
            "rating": r.rating,
        }
        for r in store.sessions()
    ]


@router.get("/api/jobs/{job_id}", name="api_job")
async def api_job(request: Request, job_id: str) -> JSONResponse:
    job = request.app.state.jobs.get(job_id)
    if job is None:
        raise HTTPException(404, "No such analysis (the server may have restarted).")
    if job["session_id"]:
        job["url"] = str(request.url_for("session_page", session_id=job["session_id"]))
    return JSONResponse(job, headers={"Cache-Control": "no-store"})


def _cell(value: Any) -> Any:
    # A spreadsheet would run a cell starting with = + - @ as a formula; titles come from file names.
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + value
    return value


@router.get("/sessions.csv", name="sessions_csv")
async def sessions_csv(store: Store = Depends(get_store)) -> Response:
    rows = store.sessions()
    keys = sorted(
        {k for r in rows for k, v in r.metrics.items() if isinstance(v, (int, float, str, bool)) or v is None}
        - set(CSV_FIXED)  # the metrics repeat the length; one column of it
    )
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow([*CSV_FIXED, *keys])
    for r in rows:
        fixed = (r.id, r.created, r.title, r.duration_s, r.mode, r.rating, r.rating_note)
        writer.writerow([_cell(v) for v in (*fixed, *(r.metrics.get(k) for k in keys))])
    return Response(
        out.getvalue(),
        media_type="text/csv; charset=utf-8",
        headers={"Content-Disposition": 'attachment; filename="coach-sessions.csv"'},
    )
