"""Issues: key phrases per agenda item and utterance, and the same issue linked across meetings.

Example:
    >>> import minutes_nlp
    >>> from minutes_nlp.issues import link_issues
    >>> meetings = [m for m in minutes_nlp.extract_meetings(["corpora"]) if isinstance(m, minutes_nlp.Meeting)]  # doctest: +SKIP
    >>> linked, catalog = link_issues(meetings)                                   # doctest: +SKIP
    >>> linked[0].items[4].issues                                                 # doctest: +SKIP
    (IssueRef(id='millbrook-leisure-centre', label='millbrook leisure centre'), ...)
"""
from __future__ import annotations

import logging
from collections.abc import Sequence

from minutes_nlp.issues.catalog import Issue, IssueCatalog, slugify
from minutes_nlp.issues.linking import IssueLinker
from minutes_nlp.issues.phrases import Keyphrase, KeyphraseExtractor
from minutes_nlp.issues.procedural import title_kind
from minutes_nlp.records import Meeting

logger = logging.getLogger(__name__)

__all__ = [
    "Issue",
    "IssueCatalog",
    "IssueLinker",
    "Keyphrase",
    "KeyphraseExtractor",
    "link_issues",
    "slugify",
    "title_kind",
]


def link_issues(
    meetings: Sequence[Meeting], *, max_issues_per_item: int = 3, random_state: int = 0
) -> tuple[list[Meeting], IssueCatalog]:
    """Meetings (same order) with ``AgendaItem.issues`` and ``Utterance.issues`` filled, and the catalog.

    Issue ids are slugs of readable labels and depend only on the input, so the same meetings
    always give byte-identical ids and labels. Procedural items (apologies, minutes,
    declarations, date of next meeting, ...) get no issues.

    Example:
        >>> from minutes_nlp.records import AgendaItem, Meeting, Source
        >>> ms = [Meeting(str(i), Source(None, "txt", "", 1), items=(AgendaItem("5", t),))
        ...       for i, t in enumerate(["Millbrook Leisure Centre - Options Review",
        ...                              "Update on Millbrook leisure centre"])]
        >>> linked, catalog = link_issues(ms)
        >>> [m.items[0].issues[0].id for m in linked], catalog.issues["millbrook-leisure-centre"].label
        (['millbrook-leisure-centre', 'millbrook-leisure-centre'], 'millbrook leisure centre')

    Raises:
        ValueError: when ``max_issues_per_item`` is below 1.
    """
    meetings = list(meetings)
    linker = IssueLinker(max_issues_per_item=max_issues_per_item, random_state=random_state).fit(meetings)
    return linker.transform(meetings), linker.catalog_
