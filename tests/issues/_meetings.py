"""Invented meetings for the issues tests (three meetings of one committee)."""
from __future__ import annotations

from minutes_nlp.records import AgendaItem, Meeting, Source, Speaker, Utterance

SOURCE = Source(path=None, format="txt", sha256="", pages=1)


def _item(number: str, title: str, text: str = "") -> AgendaItem:
    sentences = [s.strip() + "." for s in text.split(".") if s.strip()]
    utterances, pos = [], 0
    for s in sentences:
        utterances.append(Utterance(Speaker("Councillor Okafor"), ("statement",), s, pos, pos + len(s)))
        pos += len(s) + 1
    return AgendaItem(number=number, title=title, text=text, utterances=tuple(utterances))


def invented_meetings() -> list[Meeting]:
    """Millbrook Leisure Centre recurs in three wordings; procedural items and other topics around it."""
    m1 = Meeting("m1", SOURCE, body="Example Borough Council", date="2023-06-14", items=(
        _item("1", "Apologies for absence", "Apologies were received from Councillor Patel."),
        _item("2", "Declarations of interest", "There were no declarations of interest."),
        _item("3", "Minutes of the previous meeting", "The minutes were approved as a correct record."),
        _item("4", "Millbrook Leisure Centre - Options Review",
              "The report set out options for the leisure centre. The pool plant needs replacing. "
              "Councillor Okafor was concerned about closing the swimming pool at the centre."),
        _item("5", "Potholes on Mill Road",
              "Residents reported potholes on Mill Road. Highways officers will inspect the road surface."),
        _item("6", "Any other business", "There was no other business."),
        _item("7", "Date of next meeting", "The next meeting will be held on 13 December 2023."),
    ))
    m2 = Meeting("m2", SOURCE, body="Example Borough Council", date="2023-12-13", items=(
        _item("1", "Apologies for Absence and Substitutions", "Apologies were received from Councillor Reid."),
        _item("2", "Public participation", "A resident asked about bin collections on Saturdays."),
        _item("3", "Update on the Millbrook leisure centre",
              "Visits to the leisure centre rose. The Millbrook Community Leisure Trust proposed a lease."),
        _item("4", "Allotments waiting list",
              "The allotments waiting list has grown to 140 households. New allotment plots were proposed."),
    ))
    m3 = Meeting("m3", SOURCE, body="Example Borough Council", date="2024-06-12", items=(
        _item("1", "Declarations of Interest", "Councillor Reid declared an interest as a trustee."),
        _item("2", "Leisure Centre at Millbrook: community asset transfer",
              "The Millbrook Community Leisure Trust submitted its business case for the centre."),
        _item("3", "Review of Built Environment", "The built environment review covers conservation areas."),
        _item("4", "Built environment review - next steps", "Consultation on the built environment will start."),
        _item("5", "Date of Next Meeting", "To be confirmed."),
    ))
    return [m1, m2, m3]
