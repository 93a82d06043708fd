"""One-line, human-readable summaries of documents and meetings (for the CLI and notebooks).

Example:
    >>> from minutes_nlp.readers.document import Document
    >>> summarise_document(Document.from_text("MINUTES\\nPresent: Cllr Cooper", path="m.txt"))
    'm.txt  txt  1 page  2 lines  4 words  | MINUTES'
"""
from __future__ import annotations

from pathlib import Path

from minutes_nlp.readers.document import Document
from minutes_nlp.records import Meeting

__all__ = ["summarise_document", "summarise_meeting"]


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


def summarise_meeting(meeting: Meeting) -> str:
    """``date  body / committee  items  resolutions  motions  votes  present | file``.

    Example:
        >>> from minutes_nlp.records import Meeting, Source
        >>> summarise_meeting(Meeting(id="x", source=Source("m.txt", "txt", "", 1), date="2024-05-08", body="Parish Council"))
        '2024-05-08  Parish Council  0 items  0 resolutions  0 motions  0 votes  0 present  | m.txt'
    """
    name = " / ".join(dict.fromkeys(x for x in (meeting.body, meeting.committee) if x)) or "(body not found)"
    counts = {
        "items": len(meeting.items),
        "resolutions": sum(len(i.resolutions) for i in meeting.items),
        "motions": sum(len(i.motions) for i in meeting.items),
        "votes": sum(len(i.votes) for i in meeting.items),
        "present": len(meeting.attendance.present),
    }
    parts = [meeting.date or "????-??-??", name] + [f"{n} {label}" for label, n in counts.items()]
    if meeting.warnings:
        parts.append(f"{len(meeting.warnings)} warning{'s' if len(meeting.warnings) != 1 else ''}")
    source = Path(meeting.source.path).name if meeting.source.path else "<input>"
    return "  ".join(parts) + f"  | {source}"
