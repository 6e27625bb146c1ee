"""The local feedback page: ``create_app`` builds it, ``serve_cli.serve`` runs it.

``create_app`` is imported on first use: every `coach` command imports this package to register
`serve`, and FastAPI would add a third of a second to each of them.
"""


def __getattr__(name: str):
    if name == "create_app":
        from .app import create_app

        return create_app
    raise AttributeError(name)


__all__ = ["create_app"]
