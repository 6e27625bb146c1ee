"""Wires the page together: settings, the store's lifetime, the guards, the routers and static files."""

from __future__ import annotations

from contextlib import asynccontextmanager
from pathlib import Path
from typing import AsyncIterator

from fastapi import Depends, FastAPI, Request
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
    app.mount("/static", StaticFiles(directory=STATIC_DIR), name="static")
    for module in (history, sessions, api, upload, record, voice):
        app.include_router(module.router)
    return app


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
