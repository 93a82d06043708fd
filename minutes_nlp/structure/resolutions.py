"""PLACEHOLDER (being written): resolution finder."""
from __future__ import annotations

from minutes_nlp.records import Motion, Resolution
from minutes_nlp.structure.text import TextView


def find_resolutions(view: TextView, start: int, end: int, *, motions: list[Motion]) -> list[Resolution]:
    return []
