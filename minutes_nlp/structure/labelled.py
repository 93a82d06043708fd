"""Items introduced by an "Agenda item" label line, as ModernGov minutes pages print them.

Such a page reads: the label, the item's title, an optional "Meeting: ... (Item 41)" line, an
optional "41 Title" repeat and a "Report of ..." line, then "Minutes:" and the minute text.
The title is the line after the label; the number comes from the "(Item N)" reference or
the numbered repeat of the title; the item's text starts after "Minutes:" when printed.

Example:
    >>> from minutes_nlp.readers.document import Document
    >>> from minutes_nlp.structure.text import TextView
    >>> view = TextView.of(Document.from_text(
    ...     "Agenda item\\n\\nCommunity Grants Scheme\\n\\nMeeting: 14/11/2019 - Cabinet (Item 41)\\n\\n"
    ...     "Report of the Cabinet Member for Communities.\\n\\nMinutes:\\n\\nThe report was noted."))
    >>> [(s.number, s.title, view.text[s.body_start:s.end].strip()) for s in labelled_items(view)]
    [('41', 'Community Grants Scheme', 'The report was noted.')]
"""
from __future__ import annotations

import re
from typing import TYPE_CHECKING

from minutes_nlp.structure.text import TextView

if TYPE_CHECKING:
    from minutes_nlp.structure.items import ItemSpan

__all__ = ["labelled_items"]

_LABEL = re.compile(r"^\s*agenda\s+item\s*(?P<number>\d+[a-z]?)?\s*[.:]?\s*$", re.I)
_MINUTES = re.compile(r"^\s*minutes?\s*:\s*$", re.I)
_ITEM_REF = re.compile(r"\(\s*item\s+(?P<number>\d+[a-z]?)\s*\)", re.I)
_NUMBERED = re.compile(r"^\s*(?P<number>\d+[a-z]?)\.?\s+(?P<title>\S.*)$")


def labelled_items(view: TextView) -> list["ItemSpan"]:
    """One item per "Agenda item" label line, or ``[]`` when the document has none."""
    from minutes_nlp.structure.items import ItemSpan  # items imports this module

    lines = view.lines
    labels = [i for i, line in enumerate(lines) if _LABEL.match(line.text)]
    labels = [i for i in labels if i + 1 < len(lines) and not _LABEL.match(lines[i + 1].text)]
    spans = []
    for n, i in enumerate(labels):
        stop = labels[n + 1] if n + 1 < len(labels) else len(lines)
        title = lines[i + 1].text.strip()
        number = _LABEL.match(lines[i].text).group("number")  # type: ignore[union-attr]
        body_line = i + 1
        for k in range(i + 2, stop):
            text = lines[k].text
            if _MINUTES.match(text):
                body_line = k
                break
            ref = _ITEM_REF.search(text)
            numbered = _NUMBERED.match(text)
            if number is None and ref:
                number = ref.group("number")
            elif number is None and numbered and numbered.group("title").strip().lower() == title.lower():
                number = numbered.group("number")
        end = view.line_starts[stop] if stop < len(lines) else len(view.text)
        spans.append(
            ItemSpan(number=number, title=title, start=view.line_starts[i], end=end, body_start=view.line_ends[body_line])
        )
    return spans
