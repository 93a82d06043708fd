"""A terminal progress bar for :func:`~minutes_nlp.batch.extract_archive`: documents, pages/s, failures.

Pass an instance as ``progress=``; it draws a tqdm bar (tqdm comes with spaCy) that counts
documents against the archive's total and shows the pages per second and the failures so far.

Example:
    >>> from minutes_nlp.batch import ProgressBar, extract_archive
    >>> with ProgressBar() as bar:                                            # doctest: +SKIP
    ...     report = extract_archive("minutes.zip", "minutes.db", workers=2, progress=bar)
    extracting:  40%|████      | 412/1030 [01:02<01:33, 6.61doc/s, 52.3 pages/s, 3 failed]
"""
from __future__ import annotations

import sys
import time
from typing import IO, Any

from minutes_nlp.batch.run import Progress

__all__ = ["ProgressBar"]


class ProgressBar:
    """Callable fed one :class:`Progress` event per finished document; draws on ``file``.

    ``disable=None`` (the default) draws only when ``file`` is a terminal. The bar is made at
    the first event, when the number of documents is known; pages/s counts from construction,
    so it includes the workers' start-up, as the run's own figure does.
    """

    def __init__(self, file: IO[str] | None = None, *, disable: bool | None = None, label: str = "extracting") -> None:
        self.file = file if file is not None else sys.stderr
        self.disable = disable
        self.label = label
        self.pages = 0
        self.failed = 0
        self.skipped = 0
        self._started = time.perf_counter()
        self._bar: Any = None

    def __call__(self, event: Progress) -> None:
        if self._bar is None:
            from tqdm import tqdm

            self._bar = tqdm(total=event.n_total, desc=self.label, unit="doc", file=self.file,
                             disable=self.disable, dynamic_ncols=True)
        self.pages += event.pages
        self.failed += event.status == "failed"
        self.skipped += event.status == "skipped"
        self._bar.set_postfix_str(self.postfix(), refresh=False)
        self._bar.update(1)

    def postfix(self) -> str:
        """What the bar shows after the counts: ``"52.3 pages/s, 3 failed"`` (and skipped, if any)."""
        seconds = max(time.perf_counter() - self._started, 1e-9)
        text = f"{self.pages / seconds:.1f} pages/s, {self.failed} failed"
        return f"{text}, {self.skipped} skipped" if self.skipped else text

    def close(self) -> None:
        """Finish the bar (leaves the last state on screen)."""
        if self._bar is not None:
            self._bar.close()

    def __enter__(self) -> "ProgressBar":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
