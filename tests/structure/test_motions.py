"""Motions: movers, seconders, proposals and outcomes in the common wordings (invented minutes)."""
from __future__ import annotations

import pytest

from minutes_nlp.readers.document import Document
from minutes_nlp.structure.motions import find_motions
from minutes_nlp.structure.text import TextView


def motions(text: str):
    view = TextView.of(Document.from_text(text))
    return find_motions(view, 0, len(view.text))


@pytest.mark.parametrize(
    ("text", "mover", "seconder", "proposal", "outcome"),
    [
        (
            "Cllr Ashworth proposed, and Cllr Bryce seconded, that the hall fees rise by 3% from April.\nAgreed unanimously.",
            "Ashworth", "Bryce", "the hall fees rise by 3% from April", "carried",
        ),
        (
            "Moved by Councillor Tran, seconded by Councillor Okafor that Council receive the quarterly report.\nCARRIED",
            "Tran", "Okafor", "Council receive the quarterly report", "carried",
        ),
        (
            "Proposed by Councillor Byrne (P);\n\nSeconded by Councillor Walsh;\n\nAnd Resolved:\n\n"
            "“That, the draft Minutes be taken as read and adopted.”",
            "Byrne (P)", "Walsh", "the draft Minutes be taken as read and adopted", "carried",
        ),
        (
            "Motion by Linda Haugen, second by Tom Rask to approve the snow plowing contract. Motion carried.",
            "Linda Haugen", "Tom Rask", "approve the snow plowing contract", "carried",
        ),
        (
            "Mr Penrose moved and Mrs Achebe seconded the following amendment:\n“That the budget for libraries be "
            "increased by £20,000.”\nAmendment lost.",
            "Penrose", "Achebe", "the budget for libraries be increased by £20,000", "lost",
        ),
        (
            "It was proposed by Cllr Hale and seconded by Cllr Moss that the bench be repaired. This was agreed.",
            "Hale", "Moss", "the bench be repaired", "carried",
        ),
        (
            "The footpath was discussed (Proposed Cllr Dunn, seconded Cllr Frost) and the clerk will write to the county.",
            "Dunn", "Frost", None, None,
        ),
        (
            "Supervisor Ann Berg makes a motion to approve the claims, Supervisor Lee Holm seconds the motion. "
            "Supervisors Ann Berg aye, Lee Holm aye, Joe Dahl aye. Motion passed.",
            "Ann Berg", "Lee Holm", "approve the claims", "carried",
        ),
        (
            "On the proposal of Councillor Kiernan, seconded by Councillor Foley, Standing Order 4 was suspended.",
            "Kiernan", "Foley", "Standing Order 4 was suspended", "carried",
        ),
        (
            "Councillor Maher proposed that the item be deferred to the June meeting. The motion was withdrawn.",
            "Maher", None, "the item be deferred to the June meeting", "withdrawn",
        ),
    ],
)
def test_motions_common_wordings(text, mover, seconder, proposal, outcome) -> None:
    found = motions(text)
    assert len(found) == 1
    motion = found[0]
    assert (motion.mover, motion.seconder, motion.outcome) == (mover, seconder, outcome)
    if proposal is not None:
        assert motion.text == proposal
    assert motion.start is not None and motion.page == 1


def test_motions_numbered_council_resolution() -> None:
    text = (
        "8.2 Footpath Renewal Program\n\nResolution 2024-118\nMoved by Councillor Kaur\nSeconded by Councillor Jensen\n\n"
        "THAT Council adopt the Footpath Renewal Program 2024-2028.\n\nCARRIED"
    )
    (motion,) = motions(text)
    assert (motion.mover, motion.seconder, motion.outcome) == ("Kaur", "Jensen", "carried")
    assert motion.text == "Council adopt the Footpath Renewal Program 2024-2028"


def test_motions_outcome_from_recorded_vote() -> None:
    text = (
        "Mrs Ibbot proposed, and Mr Lowe seconded the motion that the strategy be adopted.\n"
        "For (12)\nMrs Ibbot, Mr Lowe\nAgainst (20)\nMr Rudd\nAbstain (0)\n"
    )
    (motion,) = motions(text)
    assert motion.outcome == "lost"


def test_motions_substantive_and_amendment_outcomes_are_told_apart() -> None:
    text = (
        "1) Mr Amos proposed, and Mrs Bell seconded the motion that the plan be approved.\n"
        "2) Mr Cole proposed and Ms Dean seconded the following amendment:\n“That the plan be approved subject to review.”\n"
        "3) Amendment lost.\n4) Substantive motion carried.\n"
    )
    first, second = motions(text)
    assert (first.mover, first.outcome) == ("Amos", "carried")
    assert (second.mover, second.outcome) == ("Cole", "lost")


def test_motions_nameless_motion_and_possessive_are_not_movers() -> None:
    text = "The Board's proposed budget was discussed at length.\n\nMotion to adjourn the meeting at 8:10 pm."
    (motion,) = motions(text)
    assert (motion.mover, motion.seconder) == (None, None)
    assert motion.text.startswith("adjourn the meeting")


def test_motions_none_in_plain_discussion() -> None:
    assert motions("The clerk reported on the new play area. Members welcomed the improvements.") == []


def test_motions_agreed_on_the_proposal_of() -> None:
    (motion,) = motions("It was agreed on the proposal of Councillor Lane, seconded by Councillor Moody, to defer this item.")
    assert (motion.mover, motion.seconder, motion.text, motion.outcome) == ("Lane", "Moody", "defer this item", "carried")


def test_motions_nomination_declared_elected() -> None:
    text = (
        "Proposed by Councillor Burke;\nSeconded by Councillor Nagle;\n“That, Councillor Walsh be appointed to the "
        "Library Board.”\nAs there were no other nominations, the Mayor declared Councillor Walsh appointed."
    )
    (motion,) = motions(text)
    assert (motion.mover, motion.outcome) == ("Burke", "carried")
    assert motion.text == "Councillor Walsh be appointed to the Library Board"


def test_motions_procedural_step_of_an_ordinance_is_not_a_motion() -> None:
    text = (
        "Ord. No. 55-24.\nBy Council Member Ito.\nAn ordinance renaming Elm Park.\n"
        "Councilmember Ito moved to waive the second and third readings and to place the ordinance on final passage. "
        "Readings waived. Yeas 7. Nays 0. Passed. Yeas 7. Nays 0.\n"
    )
    assert motions(text) == []
