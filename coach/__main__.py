"""`python -m coach` is the `coach` command."""

from .cli import cli

cli(prog_name="coach")
