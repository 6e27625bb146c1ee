"""Loading the ONNX models in models/: once per process, with one-line errors when a file is bad."""

from __future__ import annotations

import logging
import threading
from pathlib import Path

import onnxruntime as ort

from . import paths
from .errors import ModelError

log = logging.getLogger(__name__)

_sessions: dict[Path, ort.InferenceSession] = {}
_lock = threading.Lock()


def model_path(filename: str, what: str) -> Path:
    """``models/<filename>``, or a one-line ModelError naming ``what`` when it is missing."""
    path = paths.models_dir() / filename
    if not path.is_file():
        raise ModelError(
            f"The {what} {path} is missing: restore models/{filename} from the repository "
            "or point COACH_MODELS at the folder that holds it."
        )
    return path


def session(filename: str, what: str) -> ort.InferenceSession:
    """The cached session for ``models/<filename>``; ``what`` names the model in error messages."""
    path = paths.models_dir() / filename
    with _lock:
        if path not in _sessions:
            _sessions[path] = _load(model_path(filename, what), what)
        return _sessions[path]


def _load(path: Path, what: str) -> ort.InferenceSession:
    opts = ort.SessionOptions()
    opts.intra_op_num_threads = 2
    opts.inter_op_num_threads = 1
    opts.log_severity_level = 3
    try:
        loaded = ort.InferenceSession(str(path), opts, providers=["CPUExecutionProvider"])
    except Exception as exc:  # onnxruntime raises its own untyped errors; keep the message one line
        raise ModelError(
            f"The {what} {path} cannot be loaded ({type(exc).__name__}): it is corrupt; "
            "restore it from the repository (models/README.md says how each was made)."
        ) from exc
    log.debug("loaded %s", path)
    return loaded
