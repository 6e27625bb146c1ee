"""Wires the page together: settings, the store's lifetime, the guards, the routers and static files."""

from __future__ import annotations

from contextlib import asynccontextmanager
from pathlib import Path
from typing import AsyncIterator

from fastapi import Depends, FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException

from .. import paths
from ..store import Store
from .deps import DEFAULT_MAX_UPLOAD_BYTES, STATIC_DIR, Settings, templates
from .jobs import JobTable
from .routers import api, history, record, sessions, upload, voice
from .security import GuardMiddleware, csrf_protect


def create_app(
    data_dir: Path | None = None,
    *,
    host: str = "127.0.0.1",
    port: int | None = None,
    max_upload_bytes: int = DEFAULT_MAX_UPLOAD_BYTES,
) -> FastAPI:
    """The coach page over the sessions in ``data_dir`` (default: ``coach.paths.data_dir()``).

    ``host`` and ``port`` are where it will be served: requests for any other host are refused.
    """
    settings = Settings(
        data_dir=Path(data_dir) if data_dir is not None else paths.data_dir(),
        host=host,
        port=port,
        max_upload_bytes=max_upload_bytes,
    )

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        app.state.store = Store(settings.data_dir)
        app.state.jobs = JobTable()
        app.state.recording = None
        try:
            yield
        finally:
            if app.state.recording is not None:  # a recording left running ends cleanly, its file whole
                app.state.recording.stop.set()
            app.state.jobs.shutdown()
            app.state.store.close()

    # No /docs: FastAPI's documentation pages load their scripts from a CDN, and this page stays offline.
    app = FastAPI(
        title="coach",
        lifespan=lifespan,
        dependencies=[Depends(csrf_protect)],
        docs_url=None,
        redoc_url=None,
        openapi_url=None,
    )
    app.state.settings = settings
    app.add_middleware(GuardMiddleware, settings=settings)
    app.add_exception_handler(StarletteHTTPException, _http_error)
    app.add_exception_handler(RequestValidationError, _form_error)
    app.mount("/static", StaticFiles(directory=STATIC_DIR), name="static")
    for module in (history, sessions, api, upload, record, voice):
        app.include_router(module.router)
    return app


async def _form_error(request: Request, exc: Exception) -> Response:
    """A form or query with a field missing or of the wrong kind: one line naming the fields, as every
    other refusal (FastAPI's own answer is JSON that repeats what was sent, a whole file included)."""
    assert isinstance(exc, RequestValidationError)
    errors = exc.errors()
    fields = sorted({str(e["loc"][-1]) for e in errors if e.get("loc")})
    if any(e.get("type") == "missing" for e in errors):
        detail = f"Something was left out of the form ({', '.join(fields)}): go back, fill it in and try again."
    else:
        detail = f"The form sent a value this page does not take ({', '.join(fields)}): go back and try again."
    return await _http_error(request, StarletteHTTPException(422, detail))


async def _http_error(request: Request, exc: Exception) -> Response:
    """People get a page that says what happened in one line; scripts get JSON."""
    assert isinstance(exc, StarletteHTTPException)
    detail = exc.detail if isinstance(exc.detail, str) else "Something went wrong."
    if "text/html" not in request.headers.get("accept", "") or not hasattr(request.app.state, "store"):
        return JSONResponse({"detail": detail}, status_code=exc.status_code, headers=exc.headers)
    return templates.TemplateResponse(
        request=request,
        name="error.html",
        context={"status": exc.status_code, "detail": detail},
        status_code=exc.status_code,
        headers=exc.headers,
    )
