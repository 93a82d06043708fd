from __future__ import annotations

from minutes_nlp.graph import build_graph, co_concern_projection, councillor_profile, issue_timeline, top_ties
from tests.graph.test_build import _small


def test_queries_councillor_profile() -> None:
    graph = build_graph(_small(), link=False)
    profile = councillor_profile(graph, "lal-s")
    assert profile.name == "Councillor Sunita Lal"
    assert len(profile.meetings_attended) == 2
    assert profile.concerns == {"millbrook leisure centre": 1}
    assert profile.questions == {"millbrook leisure centre": 1}
    assert profile.motions_moved == ("2023-06-14 Millbrook Leisure Centre - Options Review",)
    assert councillor_profile(graph, "person:lal-s") == profile
    assert profile.to_dict()["person_id"] == "lal-s"


def test_queries_issue_timeline() -> None:
    graph = build_graph(_small(), link=False)
    rows = issue_timeline(graph, "millbrook-leisure-centre")
    assert [r["date"] for r in rows] == sorted(r["date"] for r in rows)
    events = [r["event"] for r in rows]
    assert {"item", "concern", "question", "request", "resolution", "follow-up"} <= set(events)


def test_queries_top_ties_and_projection() -> None:
    graph = build_graph(_small(), link=False)
    ties = top_ties(graph, 2)
    assert ties[0].person == "lal-s" and ties[0].issue == "millbrook-leisure-centre" and ties[0].weight == 2
    projection = co_concern_projection(graph)
    assert projection.has_edge("lal-s", "lindqvist-e")
    assert projection.edges["lal-s", "lindqvist-e"]["weight"] == 1
