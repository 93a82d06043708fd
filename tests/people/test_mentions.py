from __future__ import annotations

import pytest

from minutes_nlp.people.mentions import chair_key, parse_mention, slug


@pytest.mark.parametrize(
    ("text", "surname", "initial", "gender"),
    [
        ("Mr B J Sweetland", "Sweetland", "b", "m"),
        ("Mr Sweetland", "Sweetland", "", "m"),
        ("Councillor Collins (M)", "Collins", "m", ""),
        ("Cllr Mrs P T Cole", "Cole", "p", "f"),
        ("Rich Lehmann", "Lehmann", "r", ""),
        ("Sir Paul Carter", "Carter", "p", "m"),
        ("Councillor Novak Uí Chonchúir", "Novak Uí Chonchúir", "", ""),
        ("Councillor Ní Bhriain", "Ní Bhriain", "", ""),
        ("Mayor Butler", "Butler", "", ""),
        ("Mr Brady’s", "Brady", "", "m"),
        ("Dr. P. Daly", "Daly", "p", ""),
    ],
)
def test_mentions_parse_name(text: str, surname: str, initial: str, gender: str) -> None:
    m = parse_mention(text)
    assert m is not None
    assert (m.surname, m.initial, m.gender) == (surname, initial, gender)


@pytest.mark.parametrize("text", ["the Chairman", "Chairman", "the Vice-Chairman", "Leader"])
def test_mentions_role_only(text: str) -> None:
    m = parse_mention(text)
    assert m is not None and m.role_only


@pytest.mark.parametrize("text", ["", "Members", "And Resolved: that this Council calls on the Minister", "000 from the 2024 budget"])
def test_mentions_not_names(text: str) -> None:
    assert parse_mention(text) is None


def test_mentions_initials_only() -> None:
    m = parse_mention("LH")
    assert m is not None and m.initials_only and m.initials == "lh"


def test_mentions_chair_key_and_slug() -> None:
    assert chair_key("The Chairman") == chair_key("Chair") == chair_key("Cathaoirleach") == "chair"
    assert chair_key("Vice-Chairman") == "vice-chair"
    assert slug("O’Brien (M)") == "obrien-m"


@pytest.mark.parametrize(("text", "surname", "initial"), [("Parish Councillor Whitlock", "Whitlock", ""),
                                                          ("Treasurer Hintz", "Hintz", "")])
def test_mentions_office_before_title(text: str, surname: str, initial: str) -> None:
    m = parse_mention(text)
    assert m is not None and (m.surname, m.initial) == (surname, initial)


@pytest.mark.parametrize("text", ["Chief Executive", "Democratic Services Officer"])
def test_mentions_office_alone_is_a_role(text: str) -> None:
    m = parse_mention(text)
    assert m is not None and m.role_only
