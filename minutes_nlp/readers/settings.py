"""Reader settings: one typed, checked dataclass shared by every reader.

Example:
    >>> ReaderSettings.resolve({"backend": "pdfplumber"}).backend
    'pdfplumber'
"""
from __future__ import annotations

from dataclasses import dataclass, fields
from typing import Any, Literal

PdfBackend = Literal["pypdfium2", "pdfplumber"]
PDF_BACKENDS: tuple[str, ...] = ("pypdfium2", "pdfplumber")

__all__ = ["PDF_BACKENDS", "PdfBackend", "ReaderSettings"]


@dataclass(frozen=True)
class ReaderSettings:
    """How readers clean what they read.

    - ``backend``: PDF text backend; ``pypdfium2`` (fast, default) or ``pdfplumber``.
    - ``drop_running_headers``: remove lines repeated at the top/bottom of most pages and
      page numbers.
    - ``join_hyphens``: join words split across a line end ("Cimper-" + "man").
    - ``detect_columns``: put multi-column pages in reading order.
    - ``extract_tables``: find ruled tables (vote tables, attendance grids) with pdfplumber
      and keep them as rows.
    - ``max_html_bytes``: refuse HTML pages larger than this (a guard for batch runs).
    """

    backend: PdfBackend = "pypdfium2"
    drop_running_headers: bool = True
    join_hyphens: bool = True
    detect_columns: bool = True
    extract_tables: bool = True
    max_html_bytes: int = 50_000_000

    def __post_init__(self) -> None:
        if self.backend not in PDF_BACKENDS:
            raise ValueError(f"backend must be one of {', '.join(PDF_BACKENDS)}, got {self.backend!r}")
        if self.max_html_bytes <= 0:
            raise ValueError(f"max_html_bytes must be positive, got {self.max_html_bytes}")

    @classmethod
    def resolve(cls, value: "ReaderSettings | dict[str, Any] | None") -> "ReaderSettings":
        """Accept ``None``, a dict of settings or an instance."""
        if isinstance(value, cls):
            return value
        value = dict(value or {})
        known = {f.name for f in fields(cls)}
        unknown = sorted(set(value) - known)
        if unknown:
            raise ValueError(f"unknown reader settings {unknown}; expected some of {sorted(known)}")
        return cls(**value)
