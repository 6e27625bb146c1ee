"""The local feedback page: ``create_app`` builds it, ``serve_cli.serve`` runs it."""

from .app import create_app

__all__ = ["create_app"]
