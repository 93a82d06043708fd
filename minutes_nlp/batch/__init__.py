"""Extract a whole archive (folder tree or zip) in parallel into a store; resumable; one bad file never fatal.

- :func:`extract_archive`: the run; returns a :class:`BatchReport`.
- :class:`ProgressBar`: a terminal progress bar (documents, pages/s, failures) to pass as ``progress``.
- :mod:`~minutes_nlp.batch.sources`: walks folders and zips safely (zip members read in memory).
- :mod:`~minutes_nlp.batch.worker`: the per-document job and its worker processes (timeouts).
- :mod:`~minutes_nlp.batch.dask_engine`: the same job on a Dask cluster (imported only when asked for).

Example:
    >>> from minutes_nlp.batch import extract_archive
    >>> report = extract_archive("archives/leeds", "minutes.db", workers=4, timeout=120)  # doctest: +SKIP
    >>> report.n_ok, report.n_skipped, report.n_failed                                       # doctest: +SKIP
    (412, 0, 3)
"""
from __future__ import annotations

from minutes_nlp.batch.progress import ProgressBar
from minutes_nlp.batch.run import BatchReport, Progress, extract_archive
from minutes_nlp.batch.sources import Entry, Rejected, iter_entries

__all__ = ["BatchReport", "Entry", "Progress", "ProgressBar", "Rejected", "extract_archive", "iter_entries"]
