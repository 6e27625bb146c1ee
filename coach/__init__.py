"""coach: a local, private coach for practising active listening."""

__version__ = "0.1.0"
