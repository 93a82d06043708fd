"""Readers: turn a minutes file (PDF, HTML, DOCX, text) into a clean :class:`Document`.

Example:
    >>> from minutes_nlp.readers import read
    >>> doc = read("corpora/uk-county-council/full-council-2024-03-14.pdf")   # doctest: +SKIP
    >>> doc.format, len(doc.pages)                                              # doctest: +SKIP
    ('pdf', 4)
"""
from __future__ import annotations

import importlib
import os
from pathlib import Path
from typing import Any, Iterable, Iterator

from minutes_nlp.errors import MinutesError, ReaderError
from minutes_nlp.readers.detect import detect_format
from minutes_nlp.readers.document import Document, Format, Line, Page, sha256_bytes
from minutes_nlp.readers.settings import ReaderSettings

__all__ = [
    "Document",
    "Line",
    "Page",
    "ReaderSettings",
    "detect_format",
    "iter_sources",
    "read",
    "read_bytes",
]

# format -> (module, function); imported lazily so reading text never pays for pdfium.
_READERS: dict[str, tuple[str, str]] = {
    "pdf": ("minutes_nlp.readers.pdf", "read_pdf"),
    "html": ("minutes_nlp.readers.html", "read_html"),
    "docx": ("minutes_nlp.readers.docx", "read_docx"),
    "txt": ("minutes_nlp.readers.text", "read_text"),
}
_FORMATS = tuple(_READERS)
SKIPPED_NAMES = {".gitkeep", ".DS_Store", "Thumbs.db"}


def read(
    path: str | os.PathLike[str],
    *,
    format: Format | None = None,
    backend: str | None = None,
    settings: ReaderSettings | dict[str, Any] | None = None,
) -> Document:
    """Read one minutes file into a :class:`Document`.

    The format is detected from the content (``format`` overrides it). ``backend``
    picks the PDF backend (``"pypdfium2"``, the default, or ``"pdfplumber"``).

    Example:
        >>> doc = read("minutes.pdf", backend="pdfplumber")   # doctest: +SKIP

    Raises:
        ReaderError: the file is missing, unreadable, empty, encrypted or in no
            supported format; the message names the file (and page where it applies).
    """
    path = Path(path)
    try:
        data = path.read_bytes()
    except FileNotFoundError as exc:
        raise ReaderError(path, "no such file") from exc
    except IsADirectoryError as exc:
        raise ReaderError(path, "is a folder, not a file (use iter_sources to read a folder)") from exc
    except OSError as exc:
        raise ReaderError(path, f"cannot be opened: {exc.strerror or exc}") from exc
    return read_bytes(data, path=path, format=format, backend=backend, settings=settings)


def read_bytes(
    data: bytes,
    *,
    path: str | os.PathLike[str] | None = None,
    format: Format | None = None,
    backend: str | None = None,
    settings: ReaderSettings | dict[str, Any] | None = None,
) -> Document:
    """Read a minutes file already in memory; ``path`` is used for messages and provenance.

    Example:
        >>> read_bytes(b"<p>RESOLVED that the minutes be approved.</p>").text
        'RESOLVED that the minutes be approved.'
    """
    resolved = ReaderSettings.resolve(settings)
    if backend is not None:
        resolved = ReaderSettings.resolve({**resolved.__dict__, "backend": backend})
    path = Path(path) if path is not None else None
    if format is None:
        format = detect_format(data, path)
    elif format not in _FORMATS:
        raise ValueError(f"format must be one of {', '.join(_FORMATS)}, got {format!r}")
    module_name, function_name = _READERS[format]
    reader = getattr(importlib.import_module(module_name), function_name)
    try:
        document: Document = reader(data, path=path, settings=resolved)
    except MinutesError:
        raise
    except Exception as exc:  # a library failed on malformed input: say where, keep the cause
        raise ReaderError(path, f"could not be read as {format.upper()}: {type(exc).__name__}: {exc}") from exc
    return document


def iter_sources(paths: Iterable[str | os.PathLike[str]]) -> Iterator[Path]:
    """Every file under ``paths`` (files as given, folders walked in sorted order).

    Hidden files, gold annotations (``*.gold.json``) and notebooks are skipped.

    Example:
        >>> sorted(p.suffix for p in iter_sources(["corpora"]))   # doctest: +SKIP
        ['.docx', '.html', '.pdf', '.txt']
    """
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            for child in sorted(path.rglob("*")):
                if child.is_file() and _is_source(child, root=path):
                    yield child
        else:
            yield path


def _is_source(path: Path, *, root: Path) -> bool:
    relative = path.relative_to(root)
    if any(part.startswith(".") for part in relative.parts) or path.name in SKIPPED_NAMES:
        return False
    if "gold" in relative.parts[:-1] or path.name.endswith((".gold.json", ".ipynb", ".json", ".jsonl")):
        return False
    return path.name.lower() not in {"readme.md", "license", "license.txt"}


def document_sha256(data: bytes) -> str:
    """Hex SHA-256 of a file's bytes, the document's stable identity."""
    return sha256_bytes(data)
