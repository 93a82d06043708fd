"""Outcome assignment (structure/outcomes.py). Fixtures are invented."""

from __future__ import annotations

from dataclasses import dataclass, field

import pytest

from minutes_nlp.readers.document import Document
from minutes_nlp.structure.motions import find_motions
from minutes_nlp.structure.outcomes import assign_outcomes
from minutes_nlp.structure.text import TextView

_MOVED = "Moved by Cr Lee, seconded by Cr Patel that the report be received."


def _outcomes(text: str) -> list[str | None]:
    view = TextView.of(Document.from_text(text))
    return [m.outcome for m in find_motions(view, 0, len(view.text))]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (f"{_MOVED} CARRIED", ["carried"]),
        (f"{_MOVED} The motion was not carried.", ["lost"]),
        ("Moved by Cr Lee, seconded by Cr Patel that the item be deferred. Motion withdrawn.", ["withdrawn"]),
        (f"{_MOVED} RESOLVED that the report be received.", ["carried"]),
        (f"{_MOVED}\nFor (5)\nAgainst (2)\nAbstain (0)", ["carried"]),  # no statement: the vote decides
        ("Motion to adjourn by Cr Lee, seconded by Cr Patel. The meeting adjourned at 9.15pm.", ["carried"]),
        (
            "Cllr Ames proposed that Cllr Bell be Chairman, seconded by Cllr Cole. "
            "The Mayor declared Councillor Bell elected.",
            ["carried"],
        ),
    ],
)
def test_outcomes_statement_after_the_motion(text: str, expected: list[str | None]) -> None:
    assert _outcomes(text) == expected


def test_outcomes_amendment_and_substantive_motion() -> None:
    text = (
        "Cllr Ames moved an amendment that the fee be £5, seconded by Cllr Bell. The amendment was lost. "
        "Cllr Cole proposed that the fee be £10, seconded by Cllr Dunn. The substantive motion was carried."
    )
    assert _outcomes(text) == ["lost", "carried"]


@pytest.mark.parametrize(
    "after",
    [
        "Members discussed the report at length. Agreed.",  # "Agreed." too far from the motion
        "It was agreed that the Clerk write to the police.",  # a decision of its own
    ],
)
def test_outcomes_weak_statement_needs_to_be_close(after: str) -> None:
    assert _outcomes(f"{_MOVED} {after}") == [None]


@dataclass
class _Draft:
    start: int
    end: int
    text: str = "the report be received"
    amendment: bool = False
    outcome: str | None = None
    outcome_end: int | None = None
    in_sentence: list[str] = field(default_factory=list)


def test_outcomes_assign_outcomes_takes_any_pending_motion() -> None:
    text = f"{_MOVED} The motion was carried."
    draft = _Draft(0, len(_MOVED) - 1)
    assign_outcomes(text, [draft], 0, len(text))
    assert (draft.outcome, text[: draft.outcome_end].endswith("carried")) == ("carried", True)


def test_outcomes_in_sentence_outcome_comes_first() -> None:
    text = f"{_MOVED} The motion was lost."
    draft = _Draft(0, len(_MOVED) - 1, in_sentence=["carried"])
    assign_outcomes(text, [draft], 0, len(text))
    assert draft.outcome == "carried"
