"""PLACEHOLDER (being written): vote finder."""
from __future__ import annotations

from minutes_nlp.records import Vote
from minutes_nlp.structure.text import TextView


def find_votes(view: TextView, start: int, end: int) -> list[Vote]:
    return []
