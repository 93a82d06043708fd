"""PLACEHOLDER (being written): declarations of interest finder."""
from __future__ import annotations

from minutes_nlp.records import Declaration
from minutes_nlp.structure.text import TextView


def find_declarations(view: TextView, start: int, end: int) -> list[Declaration]:
    return []
