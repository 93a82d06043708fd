"""Votes: printed counts, named For/Against/Abstain blocks and roll calls (invented minutes)."""
from __future__ import annotations

import pytest

from minutes_nlp.readers.document import Document
from minutes_nlp.structure.text import TextView
from minutes_nlp.structure.votes import find_votes


def votes(text: str):
    view = TextView.of(Document.from_text(text))
    return find_votes(view, 0, len(view.text))


@pytest.mark.parametrize(
    ("text", "counts"),
    [
        ("The motion was carried by 10 votes to 3 with 2 abstentions.", (10, 3, 2)),
        ("The amendment was lost 4 votes to 9.", (4, 9, None)),
        ("Carried by three to two.", (3, 2, None)),
        ("This was approved by 6 votes, 1 abstention.", (6, None, 1)),
        ("The rules were suspended. Yeas 12. Nays 1.", (12, 1, None)),
        ("Ayes: 5, Noes: 2, Abstentions: 1", (5, 2, 1)),
        ("Motion carried (4-1).", (4, 1, None)),
        ("It was declared adopted upon the following voice vote 3 yea, 0 nay.", (3, 0, None)),
        ("Members voted 7 in favour and 2 against.", (7, 2, None)),
    ],
)
def test_votes_inline_counts(text: str, counts: tuple) -> None:
    (vote,) = votes(text)
    assert (vote.for_, vote.against, vote.abstain) == counts


def test_votes_named_block_keeps_names() -> None:
    text = (
        "The Chairman put the motion to the vote and the voting was as follows:\n"
        "For (3)\nMr Abbot, Mrs Birch, Ms Carver\nAgainst (2)\nMr Dale, Mr Eames\nAbstain (0)\nMotion carried."
    )
    (vote,) = votes(text)
    assert (vote.for_, vote.against, vote.abstain) == (3, 2, 0)
    assert vote.named == {"for": ("Abbot", "Birch", "Carver"), "against": ("Dale", "Eames")}


def test_votes_roll_call_counts_ayes_and_leaves_abstain_unprinted() -> None:
    (vote,) = votes("Motion carried by the following vote: Ann Berg yea, Lee Holm yea, and Joe Dahl nay.")
    assert (vote.for_, vote.against, vote.abstain) == (2, 1, None)
    assert vote.named["against"] == ("Joe Dahl",)


def test_votes_named_roll_call_lists() -> None:
    (vote,) = votes("Yeas: Trustees Ruiz, Olsen and Park. Nays: None.")
    assert (vote.for_, vote.against) == (3, 0)


@pytest.mark.parametrize("text", ["Motion carried unanimously.", "Agreed by all present.", "In 2024 the for sale sign went up."])
def test_votes_unanimous_without_count_is_not_a_vote(text: str) -> None:
    assert votes(text) == []


@pytest.mark.parametrize(
    ("text", "counts"),
    [
        ("CARRIED BY ABSOLUTE MAJORITY 6/1", (6, 1, None)),
        ("The alternative motion was put and LOST 2/5.", (2, 5, None)),
        ("The motion was put to the vote and was lost, 4 votes to 6.", (4, 6, None)),
        ("Adopted. Yeas 10. Nays 0. Abstaining: Councilmember Ruiz.", (10, 0, 1)),
    ],
)
def test_votes_other_printed_counts(text: str, counts: tuple) -> None:
    (vote,) = votes(text)
    assert (vote.for_, vote.against, vote.abstain) == counts


def test_votes_roll_call_and_its_printed_count_are_one_vote() -> None:
    (vote,) = votes("Roll call vote: Ames aye, Boyd aye, Cruz nay. Motion carried 2-1.")
    assert (vote.for_, vote.against, vote.abstain) == (2, 1, None)


def test_votes_two_counts_for_two_readings_are_two_votes() -> None:
    found = votes("The rules were suspended. Yeas 9. Nays 0. Read second time. Passed. Yeas 9. Nays 0.")
    assert [(v.for_, v.against) for v in found] == [(9, 0), (9, 0)]


def test_votes_recorded_vote_table() -> None:
    text = (
        "Recorded Vote:\nCouncil Member | Yea | Nay\nMayor Lind | X | \nCouncillor Roy |  | X\n"
        "Councillor Sand | X | \nResults | 2 | 1\n\nCARRIED"
    )
    (vote,) = votes(text)
    assert (vote.for_, vote.against, vote.abstain) == (2, 1, None)
    assert vote.named["against"] == ("Roy",)


def test_votes_named_columns_table() -> None:
    text = "For (3) | Against (1) | Abstain (0)\nMr Abel | Mrs Cobb | \nMs Dunn |  | \nMr Egan |  | "
    (vote,) = votes(text)
    assert (vote.for_, vote.against, vote.abstain) == (3, 1, 0)
    assert vote.named["for"] == ("Abel", "Dunn", "Egan")


def test_votes_lone_headers_with_counts_after_the_names() -> None:
    text = (
        "The result of the voting was as follows:\n\nFor\n\nCouncillors Burke, Daly (P), Nagle. (3)\n\n"
        "Against\n\nCouncillors Walsh, Quinn. (2)\n\nAbstentions\n\n(0)\n\nThe Mayor declared the motion carried."
    )
    (vote,) = votes(text)
    assert (vote.for_, vote.against, vote.abstain) == (3, 2, 0)
    assert vote.named["for"] == ("Burke", "Daly (P)", "Nagle")


def test_votes_lowercase_for_and_against_in_prose_are_not_headers() -> None:
    assert votes("the land is no longer needed\nfor\npublic use and the deed shall contain a clause\nagainst\nsigns.") == []
