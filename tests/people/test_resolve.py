from __future__ import annotations

import json
from pathlib import Path

import pytest

from minutes_nlp.people import Aliases, resolve_people
from tests.people.records import Motion, Vote, item, meeting, said


def _kent_like() -> list:
    m1 = meeting(
        "m1", "2024-12-19",
        [("Mr B J Sweetland", "Chairman"), ("Mr A M Ridgers", "Vice-Chairman"), ("Mrs P T Cole", None),
         ("Mr P Cole", None), ("Ms J Meade", None), ("Mr J Meade", None), ("Mrs L Hart", None)],
        apologies=("Mr Baldock",),
        items=(
            item("Budget", said("Mr Sweetland", "Mr Sweetland welcomed the report."),
                 said(None, "The Chairman said the meeting would adjourn.", role="Chairman"),
                 said("Mrs Cole", "Mrs Cole was concerned about the cost.", "concern"),
                 said("LH", "LH asked about the timetable.", "question"),
                 motions=(Motion(text="That the budget be approved", mover="Sweetland", seconder="Ridgers"),),
                 votes=(Vote(for_=2, against=1, named={"for": ("Sweetland", "Ridgers"), "against": ("Hart",)}),)),
        ),
    )
    m2 = meeting(
        "m2", "2025-01-09",
        [("Mr R W Gough", "Chairman"), ("Mr M Baldock", None), ("Mrs P T Cole", None), ("Mr P Cole", None)],
        apologies=("Mr Sweetland", "Mr Ridgers"),
        items=(item("Devolution", said(None, "The Chairman thanked members.", role="Chairman")),),
    )
    return [m1, m2]


def test_resolve_one_person_across_forms_and_meetings() -> None:
    meetings, reg = resolve_people(_kent_like())
    sweetland = meetings[0].attendance.present[0].person_id
    assert sweetland == "sweetland-b"
    assert meetings[1].attendance.apologies[0].person_id == sweetland
    utterances = meetings[0].items[0].utterances
    assert utterances[0].speaker.person_id == sweetland  # "Mr Sweetland"
    assert utterances[1].speaker.person_id == sweetland  # "the Chairman", who chaired m1
    assert reg.lookup("m1", "Sweetland") == sweetland  # mover and voter
    assert meetings[1].items[0].utterances[0].speaker.person_id == "gough-r"  # Gough chaired m2
    assert reg[sweetland].roles == {"Chairman": ("m1",)}
    assert reg["baldock-m"].meetings == ("m2",)  # "Mr Baldock" (apologies) = "Mr M Baldock"


def test_resolve_keeps_people_with_one_surname_apart() -> None:
    meetings, reg = resolve_people(_kent_like())
    present = [p.person_id for p in meetings[0].attendance.present]
    assert len(set(present)) == len(present)
    coles = sorted(p.id for p in reg if p.surname == "Cole")
    assert len(coles) == 2
    assert meetings[0].items[0].utterances[2].speaker.person_id == reg.lookup("m1", "Mrs P T Cole")
    assert len({p.id for p in reg if p.surname == "Meade"}) == 2


def test_resolve_initials_map_to_the_listed_member() -> None:
    meetings, reg = resolve_people(_kent_like())
    assert meetings[0].items[0].utterances[3].speaker.person_id == "hart-l"
    assert reg.lookup("m1", "Hart") == "hart-l"


def test_resolve_qualifiers_are_different_people() -> None:
    m = meeting("l1", "2024-01-22", [("Councillor Collins (M)", None), ("Councillor Collins (J)", None),
                                     ("Councillor Benson", None)],
                items=(item("Roads", said("Councillor Collins (J)", "He asked about roads.", "question"),
                            motions=(Motion(text="x", mover="Collins (M)", seconder="Benson"),)),))
    meetings, reg = resolve_people([m])
    ids = [p.person_id for p in meetings[0].attendance.present]
    assert ids == ["collins-m", "collins-j", "benson"]
    assert meetings[0].items[0].utterances[0].speaker.person_id == "collins-j"
    assert reg.lookup("l1", "Collins (M)") == "collins-m"


def test_resolve_never_merges_across_bodies() -> None:
    a = meeting("a1", "2024-01-01", [("Cllr J Smith", None)], body="North Council", folder="north")
    b = meeting("b1", "2024-01-02", [("Cllr J Smith", None)], body="South Council", folder="south")
    meetings, reg = resolve_people([a, b])
    ids = {m.attendance.present[0].person_id for m in meetings}
    assert len(ids) == 2 and len(reg) == 2


def test_resolve_body_from_folder_when_missing() -> None:
    a = meeting("a1", "2024-01-01", [("Mr P Bartlett", None)], folder="kent")
    b = meeting("a2", "2024-02-01", [("Paul Bartlett", "Vice-Chair")], body=None, folder="kent")
    meetings, reg = resolve_people([a, b])
    assert {m.attendance.present[0].person_id for m in meetings} == {"bartlett-p"}


def test_resolve_ids_do_not_depend_on_order() -> None:
    forward = resolve_people(_kent_like())[1]
    backward = resolve_people(list(reversed(_kent_like())))[1]
    assert forward.to_dict() == backward.to_dict()
    assert forward.mentions == backward.mentions


def test_resolve_aliases_and_distinct(tmp_path: Path) -> None:
    m = meeting("s1", "2024-01-01", [("Cllr R Smith", None), ("Cllr Bob Smith", None)],
                items=(item("Parks", said("Cllr Smith", "Cllr Smith asked.", "question")),))
    _, reg = resolve_people([m])
    assert reg.lookup("s1", "Cllr Bob Smith") != reg.lookup("s1", "Cllr R Smith")  # listed twice: two people
    path = tmp_path / "aliases.json"
    path.write_text(json.dumps({"aliases": {"Cllr Bob Smith": "smith-r", "Cllr Smith": "smith-r"}}))
    meetings, reg = resolve_people([m], aliases=path)
    assert meetings[0].attendance.present[1].person_id == "smith-r"
    assert meetings[0].items[0].utterances[0].speaker.person_id == "smith-r"
    m2 = meeting("s2", "2024-02-01", [("Cllr Jones", None)], apologies=("Mr Jones",))
    _, reg = resolve_people([m2], aliases={"distinct": [["Cllr Jones", "Mr Jones"]]})
    assert reg.lookup("s2", "Cllr Jones") != reg.lookup("s2", "Mr Jones")


def test_resolve_aliases_reject_bad_shapes() -> None:
    with pytest.raises(ValueError, match="unexpected keys"):
        Aliases.from_dict({"alias": {}})
    with pytest.raises(ValueError, match="'aliases' must map"):
        Aliases.from_dict({"aliases": {"x": 1}})


def test_resolve_role_held_elsewhere_in_the_series() -> None:
    m1 = meeting("c1", "2024-12-19", [("Mr R W Gough", "Leader of the Council"), ("Mr A Brady", "Leader of the Labour Group")])
    m2 = meeting("c2", "2025-01-09", [("Mr R W Gough", None), ("Mr A Brady", None)],
                 items=(item("Budget", said(None, "The Leader said the budget was balanced.", role="Leader")),))
    meetings, _ = resolve_people([m1, m2])
    assert meetings[1].items[0].utterances[0].speaker.person_id == "gough-r"
