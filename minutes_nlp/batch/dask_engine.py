"""Run the per-document job on a Dask cluster; results come back to the single writer.

Only this module imports :mod:`dask.distributed`, and only when ``engine="dask"`` is asked for.
Each document is one task (:func:`minutes_nlp.batch.worker.process_document`); at most a few
tasks per worker thread are in flight, so the client never holds the whole archive in memory.
A task not finished ``timeout`` seconds after it was submitted is cancelled and becomes a
``timeout`` failure (Dask cannot kill a running thread; the cluster's worker will finish or be
restarted by its nanny, but the run goes on).

Example:
    >>> from minutes_nlp.batch import extract_archive
    >>> extract_archive("archive.zip", "minutes.db", engine="dask",
    ...                 scheduler="tcp://scheduler:8786")   # doctest: +SKIP
"""
from __future__ import annotations

import logging
import time
from typing import Any, Iterable, Iterator

from minutes_nlp.batch.worker import Task, process_document
from minutes_nlp.errors import MinutesError

__all__ = ["run_dask"]

logger = logging.getLogger(__name__)


def run_dask(tasks: Iterable[Task], *, scheduler: Any = None, timeout: float = 120,
             annotate: bool = True, per_thread: int = 2) -> Iterator[tuple[Task, dict[str, Any]]]:
    """Yield ``(task, result)`` for each task, computed on the cluster at ``scheduler``.

    ``scheduler`` is an address (``"tcp://host:8786"``), a ``distributed.Client``, or ``None``
    for the client already set as default in this process.

    Raises:
        MinutesError: dask[distributed] is not installed, or the scheduler cannot be reached.
    """
    try:
        from distributed import Client, as_completed, default_client
    except ImportError as exc:
        raise MinutesError('engine="dask" needs dask[distributed]: pip install "minutes_nlp[dask]"') from exc
    own_client = False
    if isinstance(scheduler, Client):
        client = scheduler
    elif scheduler is None:
        try:
            client = default_client()
        except ValueError as exc:
            raise MinutesError("engine='dask' needs a scheduler address (or a running distributed.Client)") from exc
    else:
        try:
            client = Client(scheduler, timeout="30s")
        except (OSError, TimeoutError) as exc:
            raise MinutesError(f"cannot reach the Dask scheduler at {scheduler}: {exc}") from exc
        own_client = True
    try:
        n_threads = sum(client.nthreads().values()) or 1
        limit = max(1, n_threads * per_thread)
        yield from _run(client, as_completed, iter(tasks), limit=limit, timeout=timeout, annotate=annotate)
    finally:
        if own_client:
            client.close()


def _run(client: Any, as_completed: Any, pending: Iterator[Task], *, limit: int, timeout: float,
         annotate: bool) -> Iterator[tuple[Task, dict[str, Any]]]:
    in_flight: dict[str, tuple[Task, float, Any]] = {}
    queue = as_completed()
    counter = 0

    def submit() -> bool:
        nonlocal counter
        task = next(pending, None)
        if task is None:
            return False
        counter += 1
        future = client.submit(process_document, task, annotate=annotate, pure=False,
                               key=f"minutes-nlp-{counter}-{task.sha256[:16]}", retries=0)
        in_flight[future.key] = (task, time.monotonic(), future)
        queue.add(future)
        return True

    more = True
    while more and len(in_flight) < limit:
        more = submit()
    while in_flight:
        batch = _next_done(queue, in_flight, timeout)
        for future in batch:
            task, _, _ = in_flight.pop(future.key)
            try:
                result = future.result()
            except Exception as exc:  # the task raised on the worker (process_document never does on purpose)
                result = {"ok": False, "stage": "crash", "reason": f"{task.path}: {type(exc).__name__}: {exc}"}
            yield task, result
        now = time.monotonic()
        for key, (task, submitted, future) in list(in_flight.items()):
            if now - submitted > timeout:
                in_flight.pop(key)
                future.cancel()
                yield task, {"ok": False, "stage": "timeout",
                             "reason": f"{task.path}: not finished {timeout:g} s after it was submitted; abandoned"}
        while more and len(in_flight) < limit:
            more = submit()


def _next_done(queue: Any, in_flight: dict[str, Any], timeout: float) -> list[Any]:
    """The futures finished within the next check interval (a short wait keeps timeouts on time)."""
    oldest = min(submitted for _, submitted, _ in in_flight.values())
    wait_for = max(0.05, min(1.0, oldest + timeout - time.monotonic()))
    deadline = time.monotonic() + wait_for
    done = []
    while time.monotonic() < deadline:
        batch = queue.next_batch(block=False)
        if batch:
            done.extend(f for f in batch if f.key in in_flight)
            break
        time.sleep(0.01)
    return done
