"""On the real dev series each member is one person across all meetings: no duplicates, no merges.

The gold attendance lists give surnames only, so people are compared by surname: a surname printed
n times in one gold document (present + apologies + officers) needs at least n people, and more
people than any document lists are allowed only when they are told apart in print (a different
first initial or qualifier: "Roxanne Hills" the nurse and "Mr A R Hills" the member; "Hartigan (S)"
and "Hartigan (T)" after an election where "Hartigan" was one member before). Spellings printed
for one person ("Blazevic", "Blazevich") count as that person's surname.
"""
from __future__ import annotations

import json
from collections import Counter, defaultdict
from pathlib import Path

import pytest

import minutes_nlp
from minutes_nlp.evaluate.normalise import surname_key
from minutes_nlp.graph import build_graph
from minutes_nlp.people import parse_mention
from minutes_nlp.records import Meeting

pytestmark = [pytest.mark.real, pytest.mark.slow]

SERIES = ["kent-county-council", "north-star-township-mn", "limerick-city-county-council", "stoke-ferry-parish-council"]
# Surnames the gold lists as people the minutes print as a role only.
NOT_PEOPLE = {"stoke-ferry-parish-council": {"police"}}


def _gold_counts(folder: Path) -> Counter:
    most: Counter = Counter()
    for path in sorted(folder.glob("*.gold.json")):
        attendance = json.loads(path.read_text(encoding="utf-8")).get("attendance", {})
        counts = Counter(surname_key(n) for key in ("present", "apologies", "officers") for n in attendance.get(key, []))
        for name, n in counts.items():
            most[name] = max(most[name], n)
    return most


@pytest.mark.parametrize("series", SERIES)
def test_real_series_one_person_node_per_member(real_corpus: Path, series: str) -> None:
    meetings = [m for m in minutes_nlp.extract_meetings([real_corpus / series]) if isinstance(m, Meeting)]
    graph = build_graph(meetings, link=False)
    people = [d for _, d in graph.nodes(data=True) if d["kind"] == "person" and d["person_kind"] in ("member", "officer")]
    by_surname: dict[str, list[dict]] = defaultdict(list)
    for person in people:
        spellings = {surname_key(person["surname"])}
        for mention in str(person.get("mentions", "")).split("; "):
            parsed = parse_mention(mention)
            if parsed and parsed.surname:
                spellings.add(surname_key(parsed.surname))
        for name in spellings:
            by_surname[name].append(person)
    gold = _gold_counts(real_corpus / "gold" / series)
    not_people = NOT_PEOPLE.get(series, set())
    merged = sorted(s for s, n in gold.items() if len(by_surname.get(s, [])) < n and s not in not_people)
    assert not merged, f"people merged or not found: {merged}"
    duplicates = []
    for name, found in sorted(by_surname.items()):
        if len(found) <= max(gold.get(name, 0), 1):
            continue
        initials = [p["initial"] for p in found if p.get("initial")]
        if len(set(initials)) < len(initials) or len(found) - len(initials) > 1:
            duplicates.append((name, sorted(p["person_id"] for p in found)))
    assert not duplicates, f"one person as several nodes: {duplicates}"
