"""segment(Document) -> Meeting: metadata, attendance, items and each item's decisions.

Each finder works on the whole text (or one item's span of it) and reports character
offsets, so every fact in the record can be traced back to its page.

Example:
    >>> from minutes_nlp.readers.document import Document
    >>> doc = Document.from_text(
    ...     "PARISH COUNCIL\\nMinutes of the meeting held on 8 May 2024\\n\\n"
    ...     "1. Minutes\\nRESOLVED that the minutes of 10 April 2024 be approved.", path="m.txt")
    >>> meeting = segment(doc)
    >>> meeting.date, [r.text for r in meeting.resolutions]
    ('2024-05-08', ['the minutes of 10 April 2024 be approved'])
"""
from __future__ import annotations

import dataclasses
import logging

from minutes_nlp.readers.document import Document
from minutes_nlp.records import AgendaItem, Meeting, Source
from minutes_nlp.structure.attendance import find_attendance
from minutes_nlp.structure.declarations import find_declarations
from minutes_nlp.structure.items import ItemSpan, find_items
from minutes_nlp.structure.metadata import find_metadata
from minutes_nlp.structure.motions import find_motions
from minutes_nlp.structure.resolutions import find_resolutions
from minutes_nlp.structure.text import TextView
from minutes_nlp.structure.votes import find_votes

__all__ = ["meeting_id", "segment"]

logger = logging.getLogger(__name__)


def meeting_id(document: Document) -> str:
    """A stable id from the document's content hash."""
    return document.sha256[:16] if document.sha256 else "unknown"


def segment(document: Document) -> Meeting:
    """Find the meeting's structure in a read document.

    A document with no recognisable structure still gives a record (with what could be
    found) and a warning saying what was missing. Decisions printed before the first
    item are kept in a leading item with no number and no title.
    """
    view = TextView.of(document)
    warnings = list(document.warnings)
    metadata = find_metadata(view)
    attendance = find_attendance(view)
    spans = find_items(view)
    if not spans and view.text.strip():
        warnings.append("no agenda items found: the whole text is treated as one item")
        spans = [ItemSpan(number=None, title=None, start=0, end=len(view.text), body_start=0)]
    items = [_build_item(view, span) for span in spans]
    if spans and spans[0].start > 0:
        # Decisions printed before the first item ("On the motion of ... the journal was approved").
        preamble = _build_item(view, ItemSpan(number=None, title=None, start=0, end=spans[0].start, body_start=0))
        if preamble.motions or preamble.votes or preamble.resolutions:
            items.insert(0, dataclasses.replace(preamble, text=""))
    if not document.pages or not view.text.strip():
        warnings.append("no text found")
    if metadata.date is None and view.text.strip():
        warnings.append("no meeting date found")
    return Meeting(
        id=meeting_id(document),
        source=Source(
            path=str(document.path) if document.path is not None else None,
            format=document.format,
            sha256=document.sha256,
            pages=len(document.pages),
        ),
        body=metadata.body,
        committee=metadata.committee,
        date=metadata.date,
        start_time=metadata.start_time,
        venue=metadata.venue,
        attendance=attendance,
        items=tuple(items),
        warnings=tuple(warnings),
    )


def _build_item(view: TextView, span: ItemSpan) -> AgendaItem:
    motions = find_motions(view, span.body_start, span.end)
    votes = find_votes(view, span.body_start, span.end)
    resolutions = find_resolutions(view, span.body_start, span.end, motions=motions)
    declarations = find_declarations(view, span.body_start, span.end)
    return AgendaItem(
        number=span.number,
        title=span.title,
        text=view.text[span.body_start : span.end].strip(),
        minute_ref=span.minute_ref,
        start=span.start,
        end=span.end,
        pages=view.pages_between(span.start, span.end),
        motions=tuple(motions),
        votes=tuple(votes),
        resolutions=tuple(resolutions),
        declarations=tuple(declarations),
    )
