"""Names as printed and tidied (structure/names.py). Fixtures are invented."""

from __future__ import annotations

import pytest

from minutes_nlp.structure.names import PERSON_RE, clean_name, is_bracketed_name, parse_person, surname


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("Mr B J Sweetland", "Mr B J Sweetland"),
        ("Mrs T Dean, MBE", "Mrs T Dean"),
        ("Sir Paul Carter CBE.", "Sir Paul Carter"),
        ("Nelson Cintron Jr.", "Nelson Cintron"),
        ("Collins (M)", "Collins (M)"),
        ("Cllr  J\nNicholas-Letch", "Cllr J Nicholas-Letch"),
        ("Crow-\nBrown", "Crow-Brown"),
        ("Cimper-\nman", "Cimperman"),
    ],
)
def test_names_clean_name(raw: str, expected: str) -> None:
    assert clean_name(raw) == expected


def test_names_surname_keeps_qualifier() -> None:
    assert surname("Councillor J Collins (M)") == "Collins (M)"
    assert surname("Dr. P. Daly") == "Daly"


def test_names_parse_person() -> None:
    assert parse_person("Chief of Staff Ken Orr") == ("Ken Orr", "Chief of Staff", True, None)
    assert parse_person("Mrs C Head (Head of Finance)") == ("Mrs C Head", "Head of Finance", False, "Mrs")
    assert parse_person("Cabinet Member for Adult Social Care") == (
        "",
        "Cabinet Member for Adult Social Care",
        True,
        None,
    )


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("Councillor Collins (M)", "Collins (M)"),
        ("Cllr Mrs Leamon", "Leamon"),
        ("Council Member J. Johnson", "J. Johnson"),
        ("Deputy Mayor Ann Pike", "Ann Pike"),
        ("the Vice-Chairman", "Vice-Chairman"),
        ("the Chairman", "Chairman"),
        ("Mrs T Dean, MBE", "T Dean"),
        ("Cllr  J\nNicholas-Letch", "J Nicholas-Letch"),
    ],
)
def test_names_clean_name_without_titles(raw: str, expected: str) -> None:
    assert clean_name(raw, keep_titles=False) == expected


def test_names_clean_name_modes_differ_as_documented() -> None:
    # attendance keeps what is printed; decision finders drop titles and a leading "the"
    assert clean_name("Cllr Mrs Leamon") == "Cllr Mrs Leamon"
    assert clean_name("the Chairman") == "the Chairman"
    # suffixes and a trailing full stop go only from attendance names; "MEP" only from decision names
    assert clean_name("Nelson Cintron Jr.") == "Nelson Cintron"
    assert clean_name("Nelson Cintron Jr.", keep_titles=False) == "Nelson Cintron Jr."
    assert clean_name("Ms A Brown MEP") == "Ms A Brown MEP"
    assert clean_name("Ms A Brown MEP", keep_titles=False) == "A Brown"


def test_names_person_re_reads_names_in_running_text() -> None:
    text = "Proposed by Councillor Collins (M); Seconded by Cllr Mrs Leamon and the Chairman."
    assert [clean_name(m.group("p"), keep_titles=False) for m in PERSON_RE.finditer(text)] == [
        "Collins (M)",
        "Leamon",
        "Chairman",
    ]


@pytest.mark.parametrize(
    ("inner", "expected"),
    [("Dr. P. Daly", True), ("Mr. J. Clune", True), ("J Hall", True), ("Chairman", False), ("M", False)],
)
def test_names_is_bracketed_name(inner: str, expected: bool) -> None:
    assert is_bracketed_name(inner) is expected
