"""Tests of minutes_nlp.store, with small meetings built in code (make_meeting)."""
from __future__ import annotations

import hashlib

from minutes_nlp.records import (
    AgendaItem,
    Attendance,
    Declaration,
    IssueRef,
    Meeting,
    Motion,
    Participant,
    Resolution,
    Source,
    Speaker,
    Utterance,
    Vote,
)


def make_meeting(path: str = "minutes/a.txt", *, date: str | None = "2024-03-11", body: str | None = "Example Council",
                 committee: str | None = "Planning Committee", version: str = "v1", n_items: int = 2) -> Meeting:
    """A small meeting whose id and sha256 follow ``path`` and ``version`` (as extraction's would)."""
    sha = hashlib.sha256(f"{path}:{version}".encode()).hexdigest()
    items = tuple(
        AgendaItem(
            number=str(n + 1), title=f"Item {n + 1} ({version})", text=f"Text of item {n + 1} — £5k café",
            minute_ref=f"{n + 10}/24", start=n * 100, end=n * 100 + 90, pages=(1, 2),
            utterances=(
                Utterance(Speaker("Councillor Jane Cooper", "Chair", "cooper-j"), ("concern", "question"),
                          "I am worried about the roads.", n * 100, n * 100 + 30, 1),
                Utterance(Speaker("Mr Smith", None, None), ("response",), "Officers will report back.",
                          n * 100 + 31, n * 100 + 60, 2),
                Utterance(None, ("statement",), "The report was noted.", n * 100 + 61, n * 100 + 80, None),
            ),
            motions=(Motion("That the plan be approved", "Cooper", "Patel", "carried", n * 100, n * 100 + 20, 1),),
            votes=(Vote(7, 2, 1, {"for": ("Cooper", "Patel"), "against": ("Jones",)}, None, None, 2),),
            resolutions=(Resolution("the plan be approved", "1", "carried", 0, n * 100 + 5, n * 100 + 25, 2),
                         Resolution("a further report be brought back", "2", None, None, None, None, None)),
            declarations=(Declaration("Cllr Patel", "owns land nearby", "pecuniary", 1, 5, 1),) if n == 0 else (),
            issues=(IssueRef("roads", "roads"),),
        )
        for n in range(n_items)
    )
    return Meeting(
        id=sha[:16], source=Source(path, "txt", sha, 3), body=body, committee=committee, date=date,
        start_time="19:00", venue="Council Chamber",
        attendance=Attendance(
            present=(Participant("Councillor Jane Cooper", "Chair", "cooper-j", 1), Participant("Councillor A Patel")),
            apologies=(Participant("Councillor B Jones", None, "jones-b"),),
            officers=(Participant("R Smith", "Director of Place"),),
        ),
        items=items, warnings=("page 3: no text layer",) if version == "v1" else (),
    )
