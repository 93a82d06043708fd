"""PLACEHOLDER (being written): meeting metadata finder."""
from __future__ import annotations

from dataclasses import dataclass

from minutes_nlp.structure.text import TextView


@dataclass(frozen=True)
class MeetingMetadata:
    body: str | None = None
    committee: str | None = None
    date: str | None = None
    start_time: str | None = None
    venue: str | None = None


def find_metadata(view: TextView) -> MeetingMetadata:
    return MeetingMetadata()
