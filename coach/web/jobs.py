"""Analyses started from the page: one at a time in a background thread, their progress kept in memory.

Only the progress lives here; a finished analysis is in the store like any other session, and a failed
one leaves nothing but its one-line error (kept until the server stops or the table fills up).
"""

from __future__ import annotations

import logging
import shutil
import threading
import uuid
from concurrent.futures import ThreadPoolExecutor
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any, Callable

from ..errors import CoachError
from ..store import Store

log = logging.getLogger(__name__)

KEEP_JOBS = 50

# The pipeline's stage names, as a person waiting would put them.
STAGE_TEXT = {
    "waiting": "Waiting for the analysis before it to finish",
    "decode": "Reading the recording",
    "speakers": "Working out who spoke when",
    "transcribe": "Writing down what was said",
    "saving": "Saving the session",
    "done": "Done",
}

Work = Callable[[Callable[[str, float], None]], str]


@dataclass
class Job:
    id: str
    title: str
    stage: str = "waiting"
    fraction: float = 0.0
    error: str | None = None
    session_id: str | None = None

    @property
    def done(self) -> bool:
        return self.error is not None or self.session_id is not None


class JobTable:
    def __init__(self) -> None:
        self._jobs: dict[str, Job] = {}
        self._lock = threading.Lock()
        # One at a time: an analysis already uses both cores, two would only both be slow.
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="coach-analysis")

    def submit(self, title: str, work: Work) -> str:
        """Run ``work(progress)`` later; it returns the new session's id or raises."""
        job = Job(id=uuid.uuid4().hex[:12], title=title)
        with self._lock:
            self._jobs[job.id] = job
            for old in list(self._jobs)[:-KEEP_JOBS]:
                if self._jobs[old].done:
                    del self._jobs[old]
        self._pool.submit(self._run, job.id, work)
        return job.id

    def get(self, job_id: str) -> dict[str, Any] | None:
        with self._lock:
            job = self._jobs.get(job_id)
            if job is None:
                return None
            text = STAGE_TEXT.get(job.stage, job.stage.replace("_", " ").capitalize())
            return {**asdict(job), "done": job.done, "stage_text": text}

    def _update(self, job_id: str, **changes: Any) -> None:
        with self._lock:
            job = self._jobs.get(job_id)
            if job is not None:
                for k, v in changes.items():
                    setattr(job, k, v)

    def _run(self, job_id: str, work: Work) -> None:
        def progress(stage: str, fraction: float) -> None:
            self._update(job_id, stage=stage, fraction=max(0.0, min(1.0, float(fraction))))

        try:
            session_id = work(progress)
        except CoachError as e:
            self._update(job_id, error=str(e).splitlines()[0] if str(e) else type(e).__name__)
        except Exception as e:  # the page shows one line; the log keeps the traceback
            log.exception("analysis %s failed", job_id)
            self._update(job_id, error=f"The analysis failed: {str(e).splitlines()[0] if str(e) else type(e).__name__}")
        else:
            self._update(job_id, session_id=session_id, stage="done", fraction=1.0)

    def shutdown(self) -> None:
        self._pool.shutdown(wait=False, cancel_futures=True)


def analyse_and_store(
    analyzer: Callable[..., dict[str, Any]], path: Path, listener: str, root: Path, title: str,
    cleanup: Path | None = None,
) -> Work:
    """The work of one job: analyse ``path``, then store it with its own database connection (this
    runs on the analysis thread). ``cleanup`` (a temporary folder) goes whatever happens."""

    def work(progress: Callable[[str, float], None]) -> str:
        try:
            report = analyzer(path, listener, progress)
            progress("saving", 0.99)
            with Store(root) as store:
                return store.add_session(report, path, title=title)
        except CoachError as e:
            # An upload is analysed from a temporary copy: the person knows the file by its own name.
            if str(path) not in str(e):
                raise
            raise CoachError(str(e).replace(str(path), title)) from e
        finally:
            if cleanup is not None:
                shutil.rmtree(cleanup, ignore_errors=True)

    return work
