"""PLACEHOLDER (being written): attendance finder."""
from __future__ import annotations

from minutes_nlp.records import Attendance
from minutes_nlp.structure.text import TextView


def find_attendance(view: TextView) -> Attendance:
    return Attendance()
