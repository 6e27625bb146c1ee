"""The few exception types coach raises; the CLI and the web layer turn them into one-line messages."""


class CoachError(Exception):
    """Base class: its message is written for the user, one line, saying what to do."""


class AudioError(CoachError):
    """The input is not usable audio (missing, empty, corrupt, too many channels, silent)."""


class ModelError(CoachError):
    """A speech or speaker model cannot be found or loaded."""


class StoreError(CoachError):
    """The data directory or the session database cannot be used."""


class DeviceError(CoachError):
    """A recording device is missing, busy or cannot do what was asked."""
