"""Keeping a local server local.

Any web page the user visits can make the browser send requests to 127.0.0.1, so:
- the Host header must name this server (a rebinding attacker's domain resolves to us but keeps its name);
- a request that changes something must come from our own pages: the Origin, when sent, must be ours,
  and a per-server secret token, which only our pages can read, must be in the form or a header;
- bodies are size-limited before anything reads them.
"""

from __future__ import annotations

import hmac

from fastapi import HTTPException, Request
from starlette.datastructures import Headers
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from .deps import Settings

SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})
LOOPBACK_NAMES = frozenset({"127.0.0.1", "localhost", "[::1]"})
# Forms other than the upload carry a few short fields (a note, a choice); nothing near this.
FORM_LIMIT_BYTES = 64 * 1024
UPLOAD_PATH = "/upload"
TOKEN_FIELD = "csrf_token"
TOKEN_HEADER = "x-csrf-token"
# Our pages load only their own files; no other site may frame them (a framed page can be clicked
# on by a hidden overlay: a delete button most of all).
PAGE_HEADERS = [
    (
        b"content-security-policy",
        b"default-src 'self'; img-src 'self' data:; media-src 'self'; object-src 'none'; base-uri 'none'; "
        b"form-action 'self'; frame-ancestors 'none'",
    ),
    (b"x-frame-options", b"DENY"),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"same-origin"),
]


def split_host(value: str) -> tuple[str, str | None]:
    """``"[::1]:8000"`` → ``("[::1]", "8000")``; names are compared lower-case."""
    value = value.strip().lower()
    if value.startswith("["):
        end = value.find("]")
        if end < 0:
            return value, None
        name, rest = value[: end + 1], value[end + 1 :]
        return name, (rest[1:] if rest.startswith(":") else None)
    name, _, port = value.partition(":")
    return name, port or None


def allowed_names(host: str) -> frozenset[str]:
    name = host.lower()
    if ":" in name and not name.startswith("["):
        name = f"[{name}]"  # an IPv6 address as it appears in a Host header
    # Binding to every interface names no host a browser would send; only loopback names then.
    if name in ("0.0.0.0", "[::]", ""):
        return LOOPBACK_NAMES
    return LOOPBACK_NAMES | {name}


def host_allowed(header: str, names: frozenset[str], port: int | None) -> bool:
    name, given_port = split_host(header)
    if name not in names:
        return False
    return port is None or given_port is None or given_port == str(port)


class GuardMiddleware:
    """Refuses foreign hosts, cross-origin writes and oversized bodies before any route runs."""

    def __init__(self, app: ASGIApp, settings: Settings):
        self.app = app
        self.settings = settings
        self.names = allowed_names(settings.host)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] not in ("http", "websocket"):
            await self.app(scope, receive, send)
            return
        headers = Headers(scope=scope)
        host = headers.get("host", "")
        if not host_allowed(host, self.names, self.settings.port):
            await _refuse(send, 400, "This server answers only to its own address (for example 127.0.0.1).")
            return
        if scope["type"] == "http" and scope["method"] not in SAFE_METHODS:
            problem = self._write_problem(scope, headers, host)
            if problem:
                await _refuse(send, problem[0], problem[1])
                return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                message = {**message, "headers": [*message.get("headers", []), *PAGE_HEADERS]}
            await send(message)

        await self.app(scope, receive, send_with_headers)

    def _write_problem(self, scope: Scope, headers: Headers, host: str) -> tuple[int, str] | None:
        origin = headers.get("origin")
        if origin is not None and origin != f"{scope.get('scheme', 'http')}://{host}":
            return 403, "Changes are accepted only from this coach's own pages."
        if headers.get("sec-fetch-site") in ("cross-site", "same-site"):
            return 403, "Changes are accepted only from this coach's own pages."
        limit = self.settings.max_upload_bytes if scope["path"] == UPLOAD_PATH else FORM_LIMIT_BYTES
        length = headers.get("content-length")
        if length is None:
            # uvicorn enforces a declared length; an undeclared (chunked) one could be any size.
            if "transfer-encoding" in headers:
                return 411, "Please send a Content-Length."
            return None
        if not length.isdigit():
            return 400, "Bad Content-Length."
        if int(length) > limit:
            size = f"{limit // (1 << 20)} MB" if limit >= 1 << 20 else f"{limit // 1024} kB"
            return 413, f"That is too large: at most {size} here."
        return None


async def _refuse(send: Send, status: int, message: str) -> None:
    body = message.encode()
    await send(
        {
            "type": "http.response.start",
            "status": status,
            "headers": [(b"content-type", b"text/plain; charset=utf-8"), (b"content-length", str(len(body)).encode())],
        }
    )
    await send({"type": "http.response.body", "body": body})


async def csrf_protect(request: Request) -> None:
    """App-wide dependency: every non-GET route needs the server's token, so none can forget it."""
    if request.method in SAFE_METHODS:
        return
    token = request.headers.get(TOKEN_HEADER)
    if token is None:
        ctype = request.headers.get("content-type", "")
        if ctype.startswith(("multipart/form-data", "application/x-www-form-urlencoded")):
            form = await request.form()  # cached by Starlette: the route reads the same parsed form
            value = form.get(TOKEN_FIELD)
            token = value if isinstance(value, str) else None
    expected = request.app.state.settings.csrf_token
    if token is None or not hmac.compare_digest(token.encode(), expected.encode()):
        raise HTTPException(403, "This form has expired or did not come from this page. Reload the page and try again.")
