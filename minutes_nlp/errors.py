"""Errors minutes_nlp raises on purpose.

Every message says *where* (file, page or line) and then *what*, in words a clerk would
understand. Catch :class:`MinutesError` to handle them all.

Example:
    >>> from pathlib import Path
    >>> str(ReaderError(Path("m.pdf"), "no text layer", page=3))
    'm.pdf, page 3: no text layer'
"""
from __future__ import annotations

from pathlib import Path

__all__ = [
    "MinutesError",
    "ReaderError",
    "EncryptedPdfError",
    "UnsupportedFormatError",
    "StructureError",
    "StoreError",
    "PatternError",
]


class MinutesError(Exception):
    """Base class for every error minutes_nlp raises on purpose."""


class ReaderError(MinutesError):
    """A source file could not be read."""

    def __init__(
        self,
        path: Path | str | None,
        message: str,
        *,
        page: int | None = None,
        line: int | None = None,
    ) -> None:
        self.path = Path(path) if path is not None else None
        self.page = page
        self.line = line
        self.reason = message
        where = str(self.path) if self.path is not None else "<input>"
        if page is not None:
            where += f", page {page}"
        if line is not None:
            where += f", line {line}"
        super().__init__(f"{where}: {message}")


class EncryptedPdfError(ReaderError):
    """A PDF is password-protected and cannot be read without the password."""


class UnsupportedFormatError(ReaderError):
    """A file is not in a format minutes_nlp can read (or is empty)."""


class StructureError(MinutesError):
    """A document was read but no meeting structure could be found."""


class StoreError(MinutesError):
    """A store file cannot be opened or used (not SQLite, or made by a newer minutes_nlp)."""

    def __init__(self, path: Path | str, message: str) -> None:
        self.path = Path(path)
        super().__init__(f"{path}: {message}")


class PatternError(MinutesError):
    """A pattern file is malformed: the message names the file and line."""
