"""`coach serve`: the feedback page on this computer (the page itself is coach.web.app)."""

from __future__ import annotations

import os

import socket
import threading
import webbrowser
from pathlib import Path

import click

from ..errors import CoachError

LOOPBACK = ("127.0.0.1", "localhost", "::1")


@click.command("serve")
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to listen on. Anything but this computer's own lets others on the network see "
                   "your recordings.")
@click.option("--port", type=click.IntRange(1, 65535), default=8000, show_default=True, help="Port to listen on.")
@click.option("--open", "open_browser", is_flag=True, help="Open the page in your web browser.")
@click.option("--data-dir", type=click.Path(path_type=Path, file_okay=False), envvar="COACH_HOME",
              help="Where the sessions are (default: $COACH_HOME, else your user data directory).")
def serve(host: str, port: int, open_browser: bool, data_dir: Path | None) -> None:
    """Show your sessions in the browser: feedback, history and progress.

    The page runs on this computer only and works without internet.

    \b
    Examples:
      coach serve --open              start and open http://127.0.0.1:8000
      coach serve --port 8080         another port
    """
    import uvicorn

    from .app import create_app

    if data_dir is not None:
        # The analyses this server runs read the voice profile through coach.paths.data_dir(): one
        # place decides where data lives, so --data-dir must reach it too.
        os.environ["COACH_HOME"] = str(data_dir)
    try:
        app = create_app(data_dir, host=host, port=port)
        # Open the store now, so a bad data directory is one line here rather than a traceback later.
        from ..store import Store

        Store(app.state.settings.data_dir).close()
    except CoachError as e:
        raise click.ClickException(str(e)) from e
    _check_port(host, port)
    shown = f"[{host}]" if ":" in host else host
    url = f"http://{shown if host not in ('0.0.0.0', '::') else '127.0.0.1'}:{port}/"
    if host not in LOOPBACK:
        click.echo(f"Warning: listening on {host}: anyone who can reach this address can see your recordings.",
                   err=True)
    click.echo(f"coach is at {url}  (data: {app.state.settings.data_dir}; Ctrl+C to stop)")
    if open_browser:
        threading.Timer(1.0, webbrowser.open, args=(url,)).start()
    uvicorn.run(app, host=host, port=port, log_level="warning")


def _check_port(host: str, port: int) -> None:
    """uvicorn reports a taken port as a log line and an exit; say it the way the other commands do."""
    try:
        with socket.create_server((host, port)):
            pass
    except OSError as e:
        raise click.ClickException(f"cannot listen on {host}:{port} ({e.strerror}); try another --port") from e



