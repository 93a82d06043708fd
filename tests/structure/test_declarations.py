"""Declarations of interest: one record per member, with the kind of interest (invented minutes)."""
from __future__ import annotations

from minutes_nlp.readers.document import Document
from minutes_nlp.structure.declarations import find_declarations
from minutes_nlp.structure.text import TextView


def declarations(text: str):
    view = TextView.of(Document.from_text(text))
    return find_declarations(view, 0, len(view.text))


def test_declarations_one_record_per_member_with_kind() -> None:
    found = declarations("2. Declarations of Interest\n1) Mrs Ode and Mr Pryce declared a pecuniary interest in item 9.")
    assert [(d.member, d.kind) for d in found] == [("Ode", "pecuniary"), ("Pryce", "pecuniary")]
    assert found[0].text.startswith("1) Mrs Ode and Mr Pryce declared")


def test_declarations_personal_and_unspecified_kinds() -> None:
    found = declarations(
        "Councillor Ryan declared a personal interest in item 7 as a member of the trust. "
        "Cllr Iqbal declared an interest as a neighbour of the site."
    )
    assert [(d.member, d.kind) for d in found] == [("Ryan", "personal"), ("Iqbal", None)]


def test_declarations_role_as_member() -> None:
    (found,) = declarations("The Chairman declared an interest in all discussions relating to the village hall.")
    assert found.member == "Chairman"


def test_declarations_none_received() -> None:
    assert declarations("No declarations of interest were received.") == []
    assert declarations("The Clerk invited members to declare any interests. No such interests were declared.") == []
