"""PLACEHOLDER (being written): agenda item finder."""
from __future__ import annotations

from dataclasses import dataclass

from minutes_nlp.structure.text import TextView


@dataclass(frozen=True)
class ItemSpan:
    """An item's number and title as printed; ``[start, end)`` is the whole item, ``body_start`` where its text begins after the heading."""

    number: str | None
    title: str | None
    start: int
    end: int
    body_start: int
    minute_ref: str | None = None


def find_items(view: TextView) -> list[ItemSpan]:
    return []
