"""Resolutions: one record per decision, its text without the lead-in (invented minutes)."""
from __future__ import annotations

import pytest

from minutes_nlp.readers.document import Document
from minutes_nlp.structure.motions import find_motions
from minutes_nlp.structure.resolutions import find_resolutions
from minutes_nlp.structure.text import TextView


def resolutions(text: str):
    view = TextView.of(Document.from_text(text))
    end = len(view.text)
    return find_resolutions(view, 0, end, motions=find_motions(view, 0, end))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("RESOLVED that the minutes of the meeting held on 4 March 2024 be approved as a correct record.",
         "the minutes of the meeting held on 4 March 2024 be approved as a correct record"),
        ("Resolved: That the grant of £500 to the village show be approved.", "the grant of £500 to the village show be approved"),
        ("It was resolved to ask the county council to repair the culvert.", "ask the county council to repair the culvert"),
        ("After discussion it was agreed that the clerk obtain three quotes. Cllr Hay will chase.",
         "the clerk obtain three quotes"),
        ("AGREED: the allotment rents to remain unchanged for 2025.", "the allotment rents to remain unchanged for 2025"),
        ("The annual audit report was noted by the Committee.", "The annual audit report was noted by the Committee"),
        ("The minutes of the meeting held on 12 May were agreed and signed as a correct record.",
         "The minutes of the meeting held on 12 May were agreed and signed as a correct record"),
    ],
)
def test_resolutions_lead_ins(text: str, expected: str) -> None:
    assert [r.text for r in resolutions(text)] == [expected]


def test_resolutions_numbered_parts_are_one_resolution() -> None:
    text = (
        "RESOLVED that the Committee:\n(a) notes the report;\n(b) approves the revised fees; and\n"
        "(c) asks for a further report in six months.\n\n7. Any Other Business\nNone."
    )
    (resolution,) = resolutions(text)
    assert resolution.text.startswith("the Committee: (a) notes the report")
    assert resolution.text.endswith("(c) asks for a further report in six months")


def test_resolutions_carried_motion_is_the_decision_and_lost_one_is_not() -> None:
    text = (
        "Moved by Cr Lee, seconded by Cr Patel that the draft budget be placed on public exhibition. CARRIED\n\n"
        "Moved by Cr Ng, seconded by Cr Ford that the pool hours be extended. LOST"
    )
    (resolution,) = resolutions(text)
    assert resolution.text == "the draft budget be placed on public exhibition"
    assert resolution.motion == 0


def test_resolutions_resolved_after_motion_is_linked_not_duplicated() -> None:
    text = (
        "1) Mrs Oduya proposed, and Mr Hart seconded the motion that “Council is asked to adopt the Cycling Plan.”\n"
        "2) Motion carried.\n3) RESOLVED that Council adopts the Cycling Plan.\n"
    )
    (resolution,) = resolutions(text)
    assert (resolution.text, resolution.motion) == ("Council adopts the Cycling Plan", 0)


def test_resolutions_numbered_legislation_passed_by_title() -> None:
    text = (
        "ORDINANCES PASSED\nOrd. No. 212-24.\nBy Council Member Ruiz.\n"
        "An ordinance authorizing the Director of Parks to accept a grant for tree planting.\n"
        "Whereas, trees improve neighborhoods; now, therefore,\nPassed. Yeas 9. Nays 0.\n"
        "Ord. No. 213-24.\nBy Council Member Okoye.\nAn ordinance amending the fee schedule.\nReferred to Committee on Finance.\n"
    )
    (resolution,) = resolutions(text)
    assert resolution.text == "An ordinance authorizing the Director of Parks to accept a grant for tree planting"
    assert resolution.number == "212-24"


def test_resolutions_notice_of_motion_adopted() -> None:
    text = (
        "Notice of Motion submitted by Councillor Quinn\n\nI will move at the next Meeting that this Council write to the "
        "Minister seeking funding for rural bus services.\n\n"
        "On the proposal of Councillor Quinn, seconded by Councillor Duffy, the Motion was adopted."
    )
    (resolution,) = resolutions(text)
    assert resolution.text == "this Council write to the Minister seeking funding for rural bus services"


def test_resolutions_opinions_and_discussion_are_not_decisions() -> None:
    text = "Members agreed that the new lighting was a great improvement. The Clerk agreed to check the invoice date."
    assert resolutions(text) == []


def test_resolutions_after_the_meeting_closed_are_not_this_meetings() -> None:
    text = "RESOLVED that the report be noted.\nThe meeting closed at 9.05pm.\n\nBOARD OF CONTROL\nRESOLVED that the bid be accepted."
    assert [r.text for r in resolutions(text)] == ["the report be noted"]


def test_resolutions_legislation_heading_before_the_item_body() -> None:
    text = "RESOLUTIONS\nRes. No. 41-24 -- Councilmember Ortiz. Riverside Rowing Club, State Champions. Adopted.\n\nNext"
    view = TextView.of(Document.from_text(text))
    body_start = view.text.index("\n\nNext")
    (resolution,) = find_resolutions(view, body_start, body_start, motions=[])  # the item's body is empty
    assert (resolution.text, resolution.number) == ("Riverside Rowing Club, State Champions", "41-24")


def test_resolutions_agreed_amendment_printed_in_full() -> None:
    text = (
        "Passage recommended by Committee on Finance, when amended, as follows:\n"
        "1. In Section 2, strike “$5,000” and insert “$7,500”.\nAmendment agreed to."
    )
    (resolution,) = resolutions(text)
    assert resolution.text == "1. In Section 2, strike “$5,000” and insert “$7,500”"


def test_resolutions_clause_agreed_after_a_dash() -> None:
    (resolution,) = resolutions("The Clerk asked if the notice could go in the newsletter - this was agreed.")
    assert resolution.text == "the notice could go in the newsletter"
