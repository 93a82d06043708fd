"""The per-document job (read, segment, annotate) and the worker processes that run it.

:func:`process_document` is a plain function of bytes: it never touches the store, so it can
run in this process, in a worker process, or on a Dask worker. It returns a plain dict
(``{"ok": True, "meeting": {...}, "pages": n}`` or ``{"ok": False, "stage": ..., "reason": ...}``)
that pickles cheaply; the single writer in the parent turns it into store rows.

:class:`WorkerProcess` is one spawned process fed through a pipe. The parent knows exactly
when each task was sent, so a document that takes longer than the timeout is abandoned by
killing that one process (and starting a fresh one); a process that dies (a segfault in a
PDF library, the OOM killer) costs only the document it was working on.

Example:
    >>> result = process_document(Task("m.txt", b"MINUTES of a meeting of the Parish Council", "0" * 64),
    ...                           annotate=False)
    >>> result["ok"], result["pages"]
    (True, 1)
"""
from __future__ import annotations

import importlib
import logging
import os
import socket
import subprocess
import sys
import threading
import time
from dataclasses import dataclass
from pathlib import Path
from multiprocessing.connection import Connection
from typing import Any


__all__ = ["Task", "WorkerProcess", "process_document"]

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class Task:
    """One document to extract: its display path, bytes and content hash, and the reader settings."""

    path: str
    data: bytes
    sha256: str
    settings: dict[str, Any] | None = None


#: One document at a time per process: pdfium is not thread-safe (its last-error state is global,
#: so two threads reading PDFs swap their errors) and the spaCy pipeline is shared. Threads would
#: not speed up this CPU-bound Python anyway; a Dask worker with several threads stays correct.
_ONE_AT_A_TIME = threading.Lock()


def process_document(task: Task, *, annotate: bool = True) -> dict[str, Any]:
    """Read, segment and annotate one document; a failure is returned, never raised.

    The work is :func:`minutes_nlp.extract.extract_bytes`, with its failure stages ``read``
    and ``structure``. Safe to call from several threads (they take turns).
    """
    with _ONE_AT_A_TIME:
        return _process_document(task, annotate=annotate)


def _process_document(task: Task, *, annotate: bool) -> dict[str, Any]:
    from minutes_nlp.extract import Failure, extract_bytes

    result = extract_bytes(task.data, task.path, settings=task.settings, annotate=annotate)
    if isinstance(result, Failure):
        return {"ok": False, "stage": result.stage, "reason": result.reason}
    return {"ok": True, "meeting": result.to_dict(), "pages": result.source.pages}


def warm_up(annotate: bool = True) -> None:
    """Import the readers and load the spaCy pipeline, so the first document is not slow."""
    import minutes_nlp.readers.html  # noqa: F401
    import minutes_nlp.readers.pdf  # noqa: F401
    import minutes_nlp.structure  # noqa: F401

    if annotate:
        from minutes_nlp.nlp.annotate import default_pipeline

        default_pipeline()


def _worker_main(conn: Connection, annotate: bool, job: str | None = None) -> None:
    """Child loop: warm up, say ``ready``, then answer each task with a result dict.

    ``job`` (``"module:function"``) replaces :func:`process_document`: same arguments, same result.
    """
    function = process_document
    if job is not None:
        module_name, _, name = job.partition(":")
        function = getattr(importlib.import_module(module_name), name)
    try:
        warm_up(annotate)
    except Exception as exc:  # the language stage will fail per document and say why
        logger.warning("warm-up failed: %s", exc)
    conn.send(("ready", os.getpid()))
    while True:
        try:
            task = conn.recv()
        except (EOFError, OSError):
            return
        if task is None:
            return
        conn.send(("result", function(task, annotate=annotate)))


_BOOT = "import sys; from minutes_nlp.batch.worker import main; main(sys.argv[1:])"


class WorkerProcess:
    """One worker process (a fresh interpreter running :func:`main`) on a socket; one task in flight.

    A fresh interpreter rather than :mod:`multiprocessing`, so a caller's script needs no
    ``if __name__ == "__main__"`` guard and inherits no threads or locks from the parent.

    Example:
        >>> worker = WorkerProcess(annotate=False)          # doctest: +SKIP
        >>> worker.send(Task("m.txt", b"MINUTES", "0" * 64))  # doctest: +SKIP
    """

    def __init__(self, *, annotate: bool = True, job: str | None = None) -> None:
        parent, child = socket.socketpair()
        env = dict(os.environ)
        package_root = str(Path(__file__).resolve().parents[2])
        env["PYTHONPATH"] = os.pathsep.join(p for p in (package_root, env.get("PYTHONPATH")) if p)
        command = [sys.executable, "-c", _BOOT, str(child.fileno())]
        if not annotate:
            command.append("--no-annotate")
        if job is not None:
            command += ["--job", job]
        try:
            self.process = subprocess.Popen(command, pass_fds=(child.fileno(),), stdin=subprocess.DEVNULL, env=env)
        finally:
            child.close()
        self.conn = Connection(parent.detach())
        self.ready = False
        self.task: Task | None = None
        self.sent_at = 0.0

    @property
    def busy(self) -> bool:
        return self.task is not None

    @property
    def exitcode(self) -> int | None:
        """The process's exit status (waiting a moment for a process that just closed its end)."""
        try:
            return self.process.wait(timeout=1)
        except subprocess.TimeoutExpired:
            return None

    def send(self, task: Task) -> None:
        """Hand the worker one task; the timeout clock starts now."""
        self.task = task
        self.sent_at = time.monotonic()
        self.conn.send(task)

    def receive(self) -> tuple[str, Any]:
        """The next message: ``("ready", pid)`` or ``("result", dict)``. Raises EOFError if the process died."""
        kind, payload = self.conn.recv()
        if kind == "ready":
            self.ready = True
        return kind, payload

    def kill(self) -> None:
        """End the process at once (a stuck or dead worker)."""
        if self.process.poll() is None:
            self.process.kill()
        self.process.wait(timeout=10)
        self.conn.close()

    def stop(self) -> None:
        """Ask the process to finish, then make sure it has."""
        try:
            self.conn.send(None)
            self.process.wait(timeout=5)
        except (OSError, ValueError, subprocess.TimeoutExpired):
            pass
        self.kill()


def main(argv: list[str] | None = None) -> None:
    """Entry point of a worker process: ``main([FD, "--no-annotate", "--job", "module:function"])``."""
    argv = sys.argv[1:] if argv is None else argv
    conn = Connection(int(argv[0]))
    job = argv[argv.index("--job") + 1] if "--job" in argv else None
    _worker_main(conn, annotate="--no-annotate" not in argv, job=job)
