"""Splitting printed lists of people (structure/people_lists.py). Fixtures are invented."""

from __future__ import annotations

import pytest

from minutes_nlp.evaluate.normalise import surname_key
from minutes_nlp.structure.people_lists import split_people


def _names(text: str) -> list[str]:
    return [p.name for p in split_people(text)]


def _pairs(text: str) -> list[tuple[str, str | None]]:
    return [(p.name, p.role) for p in split_people(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Mr A Hartley (Chairman), Mrs P Q Osgood (Vice-Chairman), Mr N Bland, Mrs T Fenn, MBE, Mr J Rook and Ms L Rook",
            [
                ("Mr A Hartley", "Chairman"),
                ("Mrs P Q Osgood", "Vice-Chairman"),
                ("Mr N Bland", None),
                ("Mrs T Fenn", None),
                ("Mr J Rook", None),
                ("Ms L Rook", None),
            ],
        ),
        (
            "Cr J Barlow (Mayor), Cr A Quist, Mr P Greer (General Manager)",
            [("Cr J Barlow", "Mayor"), ("Cr A Quist", None), ("Mr P Greer", "General Manager")],
        ),
        (
            "Ruth Aldine, Chief Administrative Officer; Tomas Ferro, Municipal Clerk; Ana Pike, Director of Public Works",
            [
                ("Ruth Aldine", "Chief Administrative Officer"),
                ("Tomas Ferro", "Municipal Clerk"),
                ("Ana Pike", "Director of Public Works"),
            ],
        ),
        (
            "Councillor H. Breen, Mayor.",
            [("Councillor H. Breen", "Mayor")],
        ),
    ],
)
def test_people_lists_split_people_with_roles(text: str, expected: list[tuple[str, str | None]]) -> None:
    assert _pairs(text) == expected


def test_people_lists_split_people_keeps_qualifiers_distinct() -> None:
    names = _names("Councillors Ahern, Burke (J), Burke (T), Nic Giolla, O’Dea.")
    assert names == [
        "Councillor Ahern",
        "Councillor Burke (J)",
        "Councillor Burke (T)",
        "Councillor Nic Giolla",
        "Councillor O’Dea",
    ]
    assert {surname_key(n, keep_qualifier=True) for n in names} >= {"burke (j)", "burke (t)"}


def test_people_lists_split_people_role_before_name_and_plural_roles() -> None:
    people = _pairs(
        "supervisors Ann Vick, Lou Berg, and Ned Hale, treasurer Roy Lund, deputy treasurer Ida Sorn, clerk Joy Pell"
    )
    assert people == [
        ("Ann Vick", "supervisor"),
        ("Lou Berg", "supervisor"),
        ("Ned Hale", "supervisor"),
        ("Roy Lund", "treasurer"),
        ("Ida Sorn", "deputy treasurer"),
        ("Joy Pell", "clerk"),
    ]


def test_people_lists_plural_role_ends_at_and() -> None:
    people = _pairs("Treasurers Roy Lund and Mae Orr, Tim Kell, Town Clerks Joy Pell and Bea Holm")
    assert people == [
        ("Roy Lund", "Treasurer"),
        ("Mae Orr", "Treasurer"),
        ("Tim Kell", None),
        ("Joy Pell", "Town Clerk"),
        ("Bea Holm", "Town Clerk"),
    ]


def test_people_lists_shared_surname() -> None:
    assert _names("guests Walt and Edna Pruss, Otto Grell") == ["Walt Pruss", "Edna Pruss", "Otto Grell"]
    assert _names("Mr and Mrs Tolley, Dr Vane") == ["Mr Tolley", "Mrs Tolley", "Dr Vane"]


def test_people_lists_role_in_brackets_with_name_inside() -> None:
    people = _pairs(
        "Chief Executive (Dr. M. Keogh), Director, Housing and Community (Ms. R. Lally), Meetings Administrator (Mr. D. Cass)."
    )
    assert people == [
        ("Dr. M. Keogh", "Chief Executive"),
        ("Ms. R. Lally", "Director, Housing and Community"),
        ("Mr. D. Cass", "Meetings Administrator"),
    ]


def test_people_lists_trailing_clause_and_public_count_are_dropped() -> None:
    assert _names("Ida Marsh, Lola Trent and Kit \nVance who was substituted by Joan Bell") == [
        "Ida Marsh",
        "Lola Trent",
        "Kit Vance",
    ]
    assert _names("Mrs D Ross (Clerk) and 7 members of the public") == ["Mrs D Ross"]
    assert _names("Mr Hugh Dane Chairman Fenland Rotary Club and Ms Pia Roe Youth Officer") == [
        "Mr Hugh Dane",
        "Ms Pia Roe",
    ]


def test_people_lists_role_without_a_name() -> None:
    assert _pairs("Cllr Mrs Astley and the Police") == [("Cllr Mrs Astley", None), ("Police", None)]
    assert split_people("No apologies") == []


def test_people_lists_one_person_a_line_and_columns() -> None:
    assert _names("Cllr A Pike (Chair)\nCllr B Rowe\nCllr C Shaw") == ["Cllr A Pike", "Cllr B Rowe", "Cllr C Shaw"]
    people = _pairs(
        "Mrs Jane Oakes          Chair\nDr Omar Said            Medical Director and Deputy Chief Executive"
    )
    assert people == [("Mrs Jane Oakes", "Chair"), ("Dr Omar Said", "Medical Director and Deputy Chief Executive")]


def test_people_lists_offsets_point_into_the_text() -> None:
    text = "Cllr A Pike, Cllr B Rowe and Cllr C Shaw"
    for person in split_people(text, offset=100):
        assert text[person.start - 100 : person.end - 100].startswith(person.name.split()[0])


def test_people_lists_capitals_and_short_surnames() -> None:
    assert _names("COUNCILLOR J LEE (CHAIRMAN), COUNCILLOR A NG AND MRS P OAKES") == [
        "COUNCILLOR J LEE",
        "COUNCILLOR A NG",
        "MRS P OAKES",
    ]
    assert [surname_key(n) for n in _names("Mr B J Sweetland, TJ Dow")] == ["sweetland", "dow"]
