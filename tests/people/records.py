"""Small meeting records built in code for the people and graph tests."""
from __future__ import annotations

from minutes_nlp.records import (
    AgendaItem,
    Attendance,
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


def meeting(
    mid: str,
    date: str,
    present: list[tuple[str, str | None]],
    *,
    body: str | None = "Example Council",
    apologies: tuple[str, ...] = (),
    officers: tuple[tuple[str, str], ...] = (),
    items: tuple[AgendaItem, ...] = (),
    folder: str = "example",
) -> Meeting:
    return Meeting(
        id=mid,
        source=Source(path=f"{folder}/{mid}.txt", format="txt", sha256=mid, pages=1),
        body=body,
        committee="Council",
        date=date,
        attendance=Attendance(
            present=tuple(Participant(n, r) for n, r in present),
            apologies=tuple(Participant(n) for n in apologies),
            officers=tuple(Participant(n, r) for n, r in officers),
        ),
        items=items,
    )


def said(name: str | None, text: str, *acts: str, role: str | None = None) -> Utterance:
    return Utterance(speaker=Speaker(name=name, role=role), acts=tuple(acts) or ("statement",), text=text, start=0, end=len(text))


def item(
    title: str,
    *utterances: Utterance,
    issues: tuple[str, ...] = (),
    motions: tuple[Motion, ...] = (),
    votes: tuple[Vote, ...] = (),
    resolutions: tuple[str, ...] = (),
    number: str | None = None,
) -> AgendaItem:
    return AgendaItem(
        number=number,
        title=title,
        text=" ".join(u.text for u in utterances) + " " + " ".join(resolutions),
        utterances=utterances,
        motions=motions,
        votes=votes,
        resolutions=tuple(Resolution(text=r) for r in resolutions),
        issues=tuple(IssueRef(i, i.replace("-", " ")) for i in issues),
    )


__all__ = ["Motion", "Vote", "item", "meeting", "said"]
