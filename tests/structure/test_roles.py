"""Role vocabulary and officer/member rules (structure/roles.py). Fixtures are invented."""

from __future__ import annotations

import pytest

from minutes_nlp.structure.roles import (
    is_member_role,
    is_officer_role,
    is_plural_role,
    is_role_word,
    list_for_role,
    roll_call_status,
    singular_role,
)


@pytest.mark.parametrize(
    ("role", "also", "expected"),
    [
        ("Clerk", False, True),
        ("deputy treasurer", False, True),
        ("Weed Inspector", False, True),
        ("Chairman", False, False),
        ("Director of Finance", False, False),  # a board's executive director is a member
        ("Director of Finance", True, True),  # ... but an official when listed as "also present"
        ("PCSO", True, False),
        ("Cabinet Member for Housing", True, False),
        ("Mayor", True, True),
    ],
)
def test_roles_is_officer_role(role: str, also: bool, expected: bool) -> None:
    assert is_officer_role(role, also=also) is expected


@pytest.mark.parametrize(
    ("role", "expected"),
    [("Chairman", True), ("Mayor", True), ("Cllr", True), ("Supervisor", True), ("Clerk", False), (None, False)],
)
def test_roles_is_member_role(role: str | None, expected: bool) -> None:
    assert is_member_role(role) is expected


@pytest.mark.parametrize(
    ("token", "expected"),
    [("Director", True), ("(Clerk),", True), ("Finance/Treasurer", True), ("children’s", True), ("Smith", False)],
)
def test_roles_is_role_word(token: str, expected: bool) -> None:
    assert is_role_word(token) is expected


@pytest.mark.parametrize(
    ("role", "plural", "singular"),
    [
        ("Treasurers", True, "Treasurer"),
        ("Town Clerks", True, "Town Clerk"),
        ("supervisors", True, "supervisor"),
        ("Democratic Services", False, "Democratic Services"),
        ("Clerk", False, "Clerk"),
    ],
)
def test_roles_plural_roles(role: str, plural: bool, singular: str) -> None:
    assert is_plural_role(role) is plural
    assert singular_role(role) == singular


@pytest.mark.parametrize(
    ("role", "status"),
    [
        ("Present", "present"),
        ("Here", "present"),
        ("Absent", "absent"),
        ("Absent (excused)", "apologies"),
        ("absent with apologies", "apologies"),
        ("Excused", "apologies"),
        ("Chairman", None),
        (None, None),
    ],
)
def test_roles_roll_call_status(role: str | None, status: str | None) -> None:
    assert roll_call_status(role) == status


@pytest.mark.parametrize(
    ("kind", "name", "role", "role_before", "expected"),
    [
        ("present", "Mrs J Hall", "Clerk", False, ("officers", "Clerk")),
        ("present", "Ann Pike", "Director of Finance", False, ("present", "Director of Finance")),
        ("chair", "Cllr A Booth", "Chairman", False, ("present", "Chairman")),
        ("also", "Ann Pike", "Director of Finance", False, ("officers", "Director of Finance")),
        ("also", "Sgt Ray Holt", "Police", False, ("present", "Police")),
        ("also", "Ray Barnes", None, True, ("present", None)),
        ("officers", "Cllr P Ostler", "District Cllr", False, ("present", "District Cllr")),
        ("officers", "Mr P Ostler", "Ward Councillor", False, ("present", "Ward Councillor")),
        ("officers", "Mrs L Keble", "Clerk", False, ("officers", "Clerk")),
        ("absent", "Councilmember Novak", "excused", False, ("apologies", None)),
        ("absent", "Councilmember Baker", None, False, ("absent", None)),
        ("apologies", "Cllr D Evans", None, False, ("apologies", None)),
    ],
)
def test_roles_list_for_role(
    kind: str, name: str, role: str | None, role_before: bool, expected: tuple[str, str | None]
) -> None:
    assert list_for_role(kind, name, role, role_before=role_before) == expected
