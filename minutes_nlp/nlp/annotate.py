"""Fill a Meeting's items with utterances: who said what, and its acts.

Each item's text becomes one Doc (so the speaker starts unknown at each item), with the
meeting's attendance in ``Doc._.attendance`` (roles resolve to people) and the item's
resolution text in ``Doc._.skip_ranges`` (decisions are not discussion). Offsets in the
records are absolute, into the document's text; ``page`` is the page they start on.

Example:
    >>> from minutes_nlp.readers.document import Document
    >>> from minutes_nlp.records import AgendaItem, Meeting, Source
    >>> text = "Councillor Wall asked when the review had started. He was concerned."
    >>> document = Document.from_text(text, path="m.txt")
    >>> meeting = Meeting(id="m", source=Source("m.txt", "txt", "", 1),
    ...                   items=(AgendaItem(number="1", title=None, text=text, start=0, end=len(text)),))
    >>> [(u.speaker.name, u.acts, u.start) for u in annotate_meeting(meeting, document).items[0].utterances]
    [('Councillor Wall', ('question',), 0), ('Councillor Wall', ('concern',), 51)]
"""
from __future__ import annotations

import bisect
import dataclasses
import logging
from functools import lru_cache
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from minutes_nlp.nlp.extensions import register_extensions, remember_text, span_text
from minutes_nlp.nlp.pipeline import load
from minutes_nlp.readers.document import Document
from minutes_nlp.records import AgendaItem, Attendance, Meeting, Speaker, Utterance

__all__ = ["annotate_meeting", "attendance_roster", "default_pipeline"]

logger = logging.getLogger(__name__)


@lru_cache(maxsize=1)
def default_pipeline() -> Language:
    """The default pipeline (:func:`minutes_nlp.nlp.load`), built once per process."""
    return load()


def attendance_roster(attendance: Attendance) -> list[dict[str, Any]]:
    """The people who can speak at a meeting, as plain dicts for ``Doc._.attendance``.

    Example:
        >>> from minutes_nlp.records import Participant
        >>> attendance_roster(Attendance(present=(Participant("Cllr J Cooper", role="Chair"),)))
        [{'name': 'Cllr J Cooper', 'role': 'Chair', 'person_id': None, 'list': 'present'}]
    """
    people = []
    for list_name in ("present", "officers", "public", "absent"):
        for person in getattr(attendance, list_name):
            people.append({"name": person.name, "role": person.role, "person_id": person.person_id, "list": list_name})
    return people


def annotate_meeting(meeting: Meeting, document: Document, nlp: Language | None = None) -> Meeting:
    """A copy of ``meeting`` whose items carry utterances (speaker, acts, text, offsets, page).

    ``nlp`` defaults to :func:`default_pipeline`; pass one in to reuse it across files.
    Items whose text cannot be found in ``document`` keep no utterances (logged).
    """
    nlp = nlp or default_pipeline()
    register_extensions()
    text = document.text
    page_starts = list(document.page_offsets)
    page_numbers = [page.number for page in document.pages]
    roster = attendance_roster(meeting.attendance)
    jobs: list[tuple[int, int]] = []  # (item index, offset of its text)
    docs: list[Doc] = []
    for index, item in enumerate(meeting.items):
        offset = _item_offset(text, item)
        if offset is None:
            if item.text.strip():
                logger.warning("%s: item %s: its text is not in the document; no utterances", meeting.source.path, item.number)
            continue
        doc = nlp.make_doc(item.text)
        remember_text(doc, item.text)
        doc._.attendance = roster
        doc._.skip_ranges = _resolution_ranges(item, offset)
        jobs.append((index, offset))
        docs.append(doc)
    items = list(meeting.items)
    for (index, offset), doc in zip(jobs, nlp.pipe(docs)):
        utterances = tuple(_utterance(span, offset, page_starts, page_numbers) for span in doc._.utterances)
        items[index] = dataclasses.replace(items[index], utterances=utterances)
    return dataclasses.replace(meeting, items=tuple(items))


def _item_offset(text: str, item: AgendaItem) -> int | None:
    if not item.text:
        return None
    offset = text.find(item.text, item.start or 0)
    if offset < 0 and item.start:
        offset = text.find(item.text)
    return offset if offset >= 0 else None


def _resolution_ranges(item: AgendaItem, offset: int) -> list[tuple[int, int]]:
    """Where the item's resolutions lie in its text (relative offsets)."""
    ranges = []
    for resolution in item.resolutions:
        if resolution.start is not None and resolution.end is not None:
            ranges.append((resolution.start - offset, resolution.end - offset))
            continue
        found = item.text.find(resolution.text) if resolution.text else -1
        if found >= 0:
            ranges.append((found, found + len(resolution.text)))
    return sorted(r for r in ranges if r[1] > 0 and r[0] < len(item.text))


def _utterance(span: Any, offset: int, page_starts: list[int], page_numbers: list[int]) -> Utterance:
    speaker = span._.speaker
    start = offset + span.start_char
    page = page_numbers[max(bisect.bisect_right(page_starts, start) - 1, 0)] if page_numbers else None
    return Utterance(
        speaker=Speaker(name=speaker.get("name"), role=speaker.get("role"), person_id=speaker.get("person_id")) if speaker else None,
        acts=tuple(span._.acts) or ("statement",),
        text=span_text(span),
        start=start,
        end=offset + span.end_char,
        page=page,
    )

