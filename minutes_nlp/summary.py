"""One-line, human-readable summaries of read documents (for the CLI and notebooks).

Example:
    >>> from minutes_nlp.readers.document import Document
    >>> summarise_document(Document.from_text("MINUTES\\nPresent: Cllr Cooper", path="m.txt"))
    'm.txt  txt  1 page  2 lines  4 words  | MINUTES'
"""
from __future__ import annotations

from minutes_nlp.readers.document import Document

__all__ = ["summarise_document"]


def summarise_document(document: Document, *, width: int = 60) -> str:
    """``path  format  pages  lines  words  [warnings] | first line``."""
    n_pages = len(document.pages)
    n_lines = sum(len(p.lines) for p in document.pages)
    first = next((line.text for line in document.lines()), "")
    if len(first) > width:
        first = first[: width - 1] + "…"
    parts = [
        str(document.path) if document.path else "<input>",
        document.format,
        f"{n_pages} page{'s' if n_pages != 1 else ''}",
        f"{n_lines} lines",
        f"{document.n_words} words",
    ]
    if document.warnings:
        parts.append(f"{len(document.warnings)} warning{'s' if len(document.warnings) != 1 else ''}")
    return "  ".join(parts) + f"  | {first}"
