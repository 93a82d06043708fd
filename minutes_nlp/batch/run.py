"""``extract_archive``: a whole archive into a store, in parallel, resumable, one bad file never fatal.

The parent process walks the archive (:mod:`minutes_nlp.batch.sources`), hashes each document
and skips those the store already holds (``store.done(sha256)``); the rest go to an engine
(worker processes here, or a Dask cluster, :mod:`minutes_nlp.batch.dask_engine`) and come
back as plain dicts, which this process alone writes: one ``store.add`` (one transaction) per
meeting, one ``store.add_failure`` per broken file. A run killed at any point and run again
ends with exactly the rows of an uninterrupted run; the order of the store's export never
depends on which worker finished first.

Example:
    >>> from minutes_nlp.batch import extract_archive
    >>> report = extract_archive("archives/leeds.zip", "minutes.db", workers=4)   # doctest: +SKIP
    >>> report.n_ok, report.n_failed, report.failures[0].stage                       # doctest: +SKIP
    (981, 19, 'read')
"""
from __future__ import annotations

import contextlib
import hashlib
import itertools
import logging
import os
import time
from dataclasses import dataclass, field
from multiprocessing.connection import wait
from typing import Any, Callable, Iterable, Iterator, Literal

from minutes_nlp.batch.sources import DEFAULT_MAX_BYTES, Rejected, iter_entries
from minutes_nlp.batch.worker import Task, WorkerProcess, process_document
from minutes_nlp.errors import MinutesError
from minutes_nlp.extract import Failure
from minutes_nlp.readers import ReaderSettings

__all__ = ["BatchReport", "Progress", "extract_archive", "run_local"]

logger = logging.getLogger(__name__)

Engine = Literal["local", "dask"]
Outcome = Iterator[tuple[Task, dict[str, Any]]]


@dataclass
class BatchReport:
    """What a batch run did.

    ``failures`` lists every document of the archive that failed, in this run or (not retried)
    in an earlier one; ``n_skipped`` counts documents already stored as meetings.
    """

    n_ok: int = 0
    n_skipped: int = 0
    failures: list[Failure] = field(default_factory=list)
    pages: int = 0
    seconds: float = 0.0

    @property
    def n_failed(self) -> int:
        return len(self.failures)

    @property
    def n_documents(self) -> int:
        return self.n_ok + self.n_skipped + self.n_failed


@dataclass(frozen=True)
class Progress:
    """One document finished: ``status`` is ``ok``, ``skipped`` or ``failed``; ``n_done`` of ``n_total``."""

    path: str
    status: str
    n_done: int
    n_total: int
    pages: int = 0


def extract_archive(
    source: str | os.PathLike[str] | Iterable[str | os.PathLike[str]],
    store: Any,
    *,
    workers: int = 1,
    timeout: float = 120,
    engine: Engine = "local",
    scheduler: Any = None,
    progress: Callable[[Progress], None] | None = None,
    settings: ReaderSettings | dict[str, Any] | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    annotate: bool = True,
    retry_failed: bool = False,
) -> BatchReport:
    """Extract every document under ``source`` (folder tree, ``.zip`` or list of paths) into ``store``.

    ``store`` is a :class:`minutes_nlp.store.Store` or a path to open one at. ``workers`` is the
    number of worker processes (``0`` runs in this process, with no timeout); a document taking
    longer than ``timeout`` seconds becomes a ``timeout`` failure and its worker is replaced.
    ``engine="dask"`` sends the work to the Dask cluster at ``scheduler`` (an address or a
    ``distributed.Client``). ``progress`` is called once per document. ``settings`` are the
    reader settings (``max_html_bytes`` refuses huge HTML pages); ``max_bytes`` refuses any
    larger document; ``annotate=False`` skips the spaCy stage. A document that failed in an
    earlier run is reported again but not retried (unless it changed, or ``retry_failed``).

    Example:
        >>> report = extract_archive("minutes.zip", "minutes.db", workers=2, timeout=60)   # doctest: +SKIP
        >>> print(f"{report.n_ok} ok, {report.n_skipped} skipped, {report.n_failed} failed")  # doctest: +SKIP
        12 ok, 0 skipped, 1 failed
    """
    if workers < 0:
        raise ValueError(f"workers must be 0 or more, got {workers}")
    if timeout <= 0:
        raise ValueError(f"timeout must be positive, got {timeout}")
    if engine not in ("local", "dask"):
        raise ValueError(f"engine must be 'local' or 'dask', got {engine!r}")
    settings_dict = dict(ReaderSettings.resolve(settings).__dict__)
    with _open_store(store) as opened:
        return _run(source, opened, workers=workers, timeout=timeout, engine=engine, scheduler=scheduler,
                    progress=progress, settings=settings_dict, max_bytes=max_bytes, annotate=annotate,
                    retry_failed=retry_failed)


@contextlib.contextmanager
def _open_store(store: Any) -> Iterator[Any]:
    if isinstance(store, (str, os.PathLike)):
        from minutes_nlp.store import Store

        with Store(store) as opened:
            yield opened
    else:
        yield store


def _run(source: Any, store: Any, *, workers: int, timeout: float, engine: Engine, scheduler: Any,
         progress: Callable[[Progress], None] | None, settings: dict[str, Any], max_bytes: int,
         annotate: bool, retry_failed: bool) -> BatchReport:
    started = time.monotonic()
    report = BatchReport()
    entries = list(iter_entries(source))
    n_total = len(entries)
    n_done = 0
    failed_before = {failure.path: failure for failure in store.failures()}

    def finished(path: str, status: str, pages: int = 0) -> None:
        nonlocal n_done
        n_done += 1
        if progress is not None:
            progress(Progress(path, status, n_done, n_total, pages))

    def fail(path: str, stage: str, reason: str, sha256: str | None = None) -> None:
        store.add_failure(path, stage, reason, sha256=sha256)
        report.failures.append(Failure(path, stage, reason))
        logger.info("%s failed (%s): %s", path, stage, reason)  # collected in the report; the caller shows them
        finished(path, "failed")

    def tasks() -> Iterator[Task]:
        seen: dict[str, str] = {}
        for entry in entries:
            if isinstance(entry, Rejected):
                fail(entry.path, "source", entry.reason)
                continue
            try:
                data = entry.read(max_bytes)
            except (OSError, ValueError, RuntimeError) as exc:  # RuntimeError: encrypted zip member
                fail(entry.path, "read", f"{entry.path}: {exc}")
                continue
            sha256 = hashlib.sha256(data).hexdigest()
            if sha256 in seen:
                logger.info("%s: same content as %s, skipped", entry.path, seen[sha256])
                report.n_skipped += 1
                finished(entry.path, "skipped")
                continue
            seen[sha256] = entry.path
            earlier = failed_before.get(entry.path)
            if earlier is not None and store.source_sha256(entry.path) == sha256:
                if not retry_failed:  # the same bytes failed before: report it, do not retry it
                    report.failures.append(earlier)
                    finished(entry.path, "failed")
                    continue
            elif store.done(sha256):
                report.n_skipped += 1
                finished(entry.path, "skipped")
                continue
            yield Task(entry.path, data, sha256, settings)

    if engine == "dask":
        from minutes_nlp.batch.dask_engine import run_dask

        outcomes = run_dask(tasks(), scheduler=scheduler, timeout=timeout, annotate=annotate)
    elif workers == 0:
        outcomes = ((task, process_document(task, annotate=annotate)) for task in tasks())
    else:
        outcomes = run_local(tasks(), workers=workers, timeout=timeout, annotate=annotate)
    try:
        for task, result in outcomes:
            if result["ok"]:
                _write_meeting(store, task, result)
                report.n_ok += 1
                report.pages += result["pages"]
                finished(task.path, "ok", result["pages"])
            else:
                fail(task.path, result["stage"], result["reason"], sha256=task.sha256)
    finally:
        close = getattr(outcomes, "close", None)
        if close is not None:
            close()
    report.seconds = time.monotonic() - started
    return report


def _write_meeting(store: Any, task: Task, result: dict[str, Any]) -> None:
    from minutes_nlp.records import Meeting

    store.add(Meeting.from_dict(result["meeting"]))
    store.clear_failure(task.path)


def run_local(tasks: Iterable[Task], *, workers: int, timeout: float, annotate: bool = True,
              job: str | None = None) -> Outcome:
    """Run ``tasks`` on ``workers`` processes; yield ``(task, result)`` in completion order.

    A task running longer than ``timeout`` seconds yields a ``timeout`` failure and its process
    is killed and replaced; a process that dies yields a ``crash`` failure. ``job``
    (``"module:function"``) replaces :func:`~minutes_nlp.batch.worker.process_document`.

    Example:
        >>> tasks = [Task("m.txt", b"MINUTES of a meeting", "0" * 64)]
        >>> [result["ok"] for _, result in run_local(tasks, workers=1, timeout=60, annotate=False)]  # doctest: +SKIP
        [True]
    """
    pending = iter(tasks)
    first = next(pending, None)
    if first is None:  # nothing to do: start no process
        return
    pending = itertools.chain([first], pending)
    pool = [WorkerProcess(annotate=annotate, job=job) for _ in range(workers)]
    exhausted = False
    startup_deaths = 0
    try:
        while True:
            for worker in pool:
                if worker.ready and not worker.busy and not exhausted:
                    task = next(pending, None)
                    if task is None:
                        exhausted = True
                    else:
                        worker.send(task)
            if exhausted and not any(worker.busy for worker in pool):
                return
            busy = [worker.sent_at + timeout - time.monotonic() for worker in pool if worker.busy]
            ready = wait([w.conn for w in pool],
                         timeout=max(0.0, min(busy)) if busy else None)
            for index, worker in enumerate(pool):
                outcome: dict[str, Any] | None = None
                if worker.conn in ready:
                    try:
                        kind, payload = worker.receive()
                    except (EOFError, OSError):
                        path = worker.task.path if worker.task is not None else "?"
                        outcome = {"ok": False, "stage": "crash",
                                   "reason": f"{path}: the worker process died (exit code {worker.exitcode}) on this file"}
                        if not worker.busy:
                            startup_deaths += 1
                            if startup_deaths > 3:
                                raise MinutesError("worker processes die as they start; run with workers=0 to see why")
                    else:
                        if kind == "result" and worker.task is not None:
                            task, worker.task = worker.task, None
                            if not exhausted:  # keep the worker busy while the caller writes this result
                                following = next(pending, None)
                                if following is None:
                                    exhausted = True
                                else:
                                    worker.send(following)
                            yield task, payload
                        continue
                elif worker.busy and time.monotonic() - worker.sent_at > timeout:
                    outcome = {"ok": False, "stage": "timeout",
                               "reason": f"{worker.task.path}: still running after {timeout:g} s; abandoned"}
                else:
                    continue
                task = worker.task
                worker.kill()
                pool[index] = WorkerProcess(annotate=annotate, job=job)
                if task is not None:
                    yield task, outcome
    finally:
        for worker in pool:
            worker.stop()
