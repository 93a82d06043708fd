"""IssueLinker and link_issues: one id per recurring issue, none for procedure, deterministic."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest
from sklearn.base import clone
from sklearn.exceptions import NotFittedError

from minutes_nlp.issues import Issue, IssueCatalog, IssueLinker, link_issues, slugify, title_kind
from minutes_nlp.records import IssueRef, Meeting
from minutes_nlp.schemas import meeting_schema
from tests.issues._meetings import invented_meetings

ROOT = Path(__file__).resolve().parents[2]


def _ids(meeting: Meeting, title: str) -> list[str]:
    item = next(it for it in meeting.items if it.title == title)
    return [r.id for r in item.issues]


@pytest.fixture(scope="module")
def linked() -> tuple[list[Meeting], IssueCatalog]:
    return link_issues(invented_meetings())


def test_linking_recurring_issue_in_three_wordings_gets_one_id(linked) -> None:
    meetings, catalog = linked
    firsts = [
        _ids(meetings[0], "Millbrook Leisure Centre - Options Review")[0],
        _ids(meetings[1], "Update on the Millbrook leisure centre")[0],
        _ids(meetings[2], "Leisure Centre at Millbrook: community asset transfer")[0],
    ]
    assert len(set(firsts)) == 1
    issue = catalog.issues[firsts[0]]
    assert issue.id == "millbrook-leisure-centre" and issue.label == "millbrook leisure centre"
    assert "leisure centre at millbrook" in issue.phrases


def test_linking_word_order_variants_share_an_id(linked) -> None:
    meetings, catalog = linked
    a = _ids(meetings[2], "Review of Built Environment")[0]
    b = _ids(meetings[2], "Built environment review - next steps")[0]
    assert a == b
    assert {"review of built environment", "built environment review"} <= set(catalog.issues[a].phrases)


@pytest.mark.parametrize(
    "title",
    [
        "Apologies for absence",
        "Declarations of interest",
        "Minutes of the previous meeting",
        "Any other business",
        "Date of next meeting",
        "Apologies for Absence and Substitutions",
        "Public participation",
        "Date of Next Meeting",
    ],
)
def test_linking_procedural_items_get_no_issue(linked, title: str) -> None:
    meetings, catalog = linked
    for m in meetings:
        for it in m.items:
            if it.title == title:
                assert it.issues == ()
                assert all(u.issues == () for u in it.utterances)
    assert not any(slugify(title) == i or title.lower() == catalog.issues[i].label for i in catalog.issues)


@pytest.mark.parametrize(
    ("title", "kind"),
    [
        ("Apologies for Absence", "formal"),
        ("Declarations of Disclosable Pecuniary Interests in items on the agenda", "formal"),
        ("Minutes of the meeting held on 7 November 2024, if in order, to be approved as a correct record", "formal"),
        ("Date of next meeting", "formal"),
        ("CALL TO ORDER", "formal"),
        ("Any Other Business", "open"),
        ("Public Participation", "open"),
        ("Questions", "open"),
        ("Notice of Motion submitted by Councillor S. Keary", "open"),
        ("Minutes of the last meeting", "formal"),
        ("Millbrook Leisure Centre - Options Review", "topic"),
        ("Motion for Time Limited Debate - Rural Bus Services", "topic"),
    ],
)
def test_linking_title_kind(title: str, kind: str) -> None:
    assert title_kind(title) == kind


def test_linking_different_topics_get_different_ids(linked) -> None:
    meetings, _ = linked
    leisure = _ids(meetings[0], "Millbrook Leisure Centre - Options Review")[0]
    road = _ids(meetings[0], "Potholes on Mill Road")[0]
    allotments = _ids(meetings[1], "Allotments waiting list")[0]
    assert len({leisure, road, allotments}) == 3


def test_linking_item_and_utterance_refs_come_from_the_catalog(linked) -> None:
    meetings, catalog = linked
    refs = [r for m in meetings for it in m.items for r in (*it.issues, *(x for u in it.utterances for x in u.issues))]
    assert refs and all(isinstance(r, IssueRef) and catalog.issues[r.id].label == r.label for r in refs)
    assert all(isinstance(i, Issue) and i.id == slugify(i.label) for i in catalog)
    assert all(len(it.issues) <= 3 for m in meetings for it in m.items)


def test_linking_utterance_naming_an_issue_in_part_gets_it(linked) -> None:
    meetings, _ = linked
    item = next(it for it in meetings[1].items if it.title == "Update on the Millbrook leisure centre")
    visits = next(u for u in item.utterances if u.text.startswith("Visits"))
    assert [r.id for r in visits.issues] == ["millbrook-leisure-centre"]


def test_linking_meetings_keep_order_and_validate(linked) -> None:
    meetings, _ = linked
    assert [m.id for m in meetings] == ["m1", "m2", "m3"]
    validator = jsonschema.Draft202012Validator(meeting_schema())
    for m in meetings:
        data = json.loads(json.dumps(m.to_dict()))
        validator.validate(data)
        assert Meeting.from_dict(data) == m


def test_linking_max_issues_per_item() -> None:
    meetings, _ = link_issues(invented_meetings(), max_issues_per_item=1)
    assert all(len(it.issues) <= 1 for m in meetings for it in m.items)
    assert all(len(u.issues) <= 1 for m in meetings for it in m.items for u in it.utterances)


def test_linking_clone_and_fit_twice() -> None:
    data = invented_meetings()
    linker = IssueLinker(max_issues_per_item=2, min_meetings=2).fit(data)
    twin = clone(linker)
    assert twin.get_params() == linker.get_params() and not hasattr(twin, "catalog_")
    assert twin.fit(data).catalog_ == linker.catalog_
    once = IssueLinker().fit(data[1:])
    twice = IssueLinker().fit(data[:1]).fit(data[1:])
    assert twice.catalog_ == once.catalog_
    assert twice.transform(data) == once.transform(data)


def test_linking_fit_returns_self_and_transform_needs_fit() -> None:
    linker = IssueLinker()
    with pytest.raises(NotFittedError):
        linker.transform(invented_meetings())
    assert linker.fit(invented_meetings()) is linker


@pytest.mark.parametrize("params", [{"max_issues_per_item": 0}, {"min_meetings": 0}, {"similarity": 0.0}])
def test_linking_bad_params_raise_in_fit(params: dict) -> None:
    linker = IssueLinker(**params)
    with pytest.raises(ValueError):
        linker.fit(invented_meetings())


def test_linking_same_input_same_output(linked) -> None:
    again = link_issues(invented_meetings())
    assert again == linked


_SCRIPT = """
import json
from minutes_nlp.issues import link_issues
from tests.issues._meetings import invented_meetings
ms, cat = link_issues(invented_meetings())
print(json.dumps([[m.to_dict() for m in ms], cat.to_dict()], sort_keys=True))
"""


def test_linking_deterministic_across_hash_seeds() -> None:
    outs = set()
    for seed in ("1", "2"):
        env = {**os.environ, "PYTHONHASHSEED": seed}
        run = subprocess.run([sys.executable, "-c", _SCRIPT], cwd=ROOT, env=env, capture_output=True, text=True)
        assert run.returncode == 0, run.stderr
        outs.add(run.stdout)
    assert len(outs) == 1


def test_linking_motion_item_takes_its_topic_from_its_text() -> None:
    from tests.issues._meetings import SOURCE, _item

    motion = _item("9", "Notice of Motion submitted by Councillor Reid",
                   "Councillor Reid moved that the council lower the Station Road speed limit. "
                   "The Station Road speed limit was discussed at length.")
    meetings, catalog = link_issues([*invented_meetings(), Meeting("m4", SOURCE, items=(motion,))])
    refs = meetings[-1].items[0].issues
    assert refs and "station road" in refs[0].label
    assert not any("reid" in i for i in catalog.issues)


def test_linking_accepts_a_generator() -> None:
    meetings, catalog = link_issues(m for m in invented_meetings())
    assert len(meetings) == 3 and len(catalog) > 0


def test_linking_empty_input() -> None:
    meetings, catalog = link_issues([])
    assert meetings == [] and len(catalog) == 0


@pytest.fixture(scope="module")
def sample_linked(sample_corpus: Path) -> tuple[list[Meeting], IssueCatalog]:
    import minutes_nlp

    meetings = [m for m in minutes_nlp.extract_meetings([sample_corpus]) if isinstance(m, Meeting)]
    if not meetings:
        pytest.skip("sample corpus not found")
    return link_issues(meetings)


def test_linking_sample_corpus_links_recurring_leisure_centre_item(sample_linked) -> None:
    meetings, catalog = sample_linked
    per_meeting = [
        {r.id for it in m.items if it.title and "leisure centre" in it.title.lower() for r in it.issues}
        for m in meetings
    ]
    per_meeting = [ids for ids in per_meeting if ids]
    assert len(per_meeting) >= 3
    shared = set.intersection(*per_meeting)
    assert shared
    assert any("leisure centre" in catalog.issues[i].label for i in shared)


def test_linking_sample_corpus_procedural_items_have_no_issues(sample_linked) -> None:
    meetings, _ = sample_linked
    words = ("apologies", "declarations of interest", "minutes of the previous meeting", "date of next meeting")
    procedural = [it for m in meetings for it in m.items if it.title and it.title.lower().startswith(words)]
    assert procedural and all(it.issues == () for it in procedural)
