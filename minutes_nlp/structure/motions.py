"""PLACEHOLDER (being written): motion finder."""
from __future__ import annotations

from minutes_nlp.records import Motion
from minutes_nlp.structure.text import TextView


def find_motions(view: TextView, start: int, end: int) -> list[Motion]:
    return []
