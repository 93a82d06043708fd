from __future__ import annotations

from pathlib import Path

import networkx as nx
import pytest

import minutes_nlp
from minutes_nlp.graph import build_graph, find_follow_ups, read_graph, write_graph
from minutes_nlp.records import Meeting
from tests.people.records import Motion, Vote, item, meeting, said

EDGE_KINDS = {
    "attended", "spoke_on", "raised_concern", "requested", "asked", "moved", "seconded",
    "voted_for", "voted_against", "resolved", "about", "follows_up",
}
NODE_KINDS = {"person", "role", "meeting", "item", "issue", "resolution"}


@pytest.fixture(scope="module")
def sample_meetings(sample_corpus: Path) -> list[Meeting]:
    return [m for m in minutes_nlp.extract_meetings([sample_corpus]) if isinstance(m, Meeting)]


@pytest.fixture(scope="module")
def sample_graph(sample_meetings: list[Meeting]) -> nx.MultiDiGraph:
    return build_graph(sample_meetings)


def _small() -> list[Meeting]:
    m1 = meeting(
        "h1", "2023-06-14", [("Councillor Alan Pemberton", "Chair"), ("Councillor Sunita Lal", None),
                             ("Councillor Eric Lindqvist", None)],
        items=(item("Millbrook Leisure Centre - Options Review",
                    said("Councillor Lindqvist", "Councillor Lindqvist was concerned about closure.", "concern"),
                    said("Councillor Lal", "Councillor Lal asked what a trust would need.", "question"),
                    said(None, "He requested that a further report be brought back.", "request", role="Chair"),
                    issues=("millbrook-leisure-centre",),
                    motions=(Motion(text="that the report be noted", mover="Lal", seconder="Lindqvist"),),
                    votes=(Vote(for_=2, against=1, named={"for": ("Lal", "Lindqvist"), "against": ("Pemberton",)}),),
                    resolutions=("a further report be brought to the committee in six months’ time",)),),
    )
    m2 = meeting(
        "h2", "2023-12-13", [("Councillor Alan Pemberton", "Chair"), ("Councillor Sunita Lal", None)],
        items=(item("Millbrook Leisure Centre - Six Month Update",
                    said("Councillor Lal", "Councillor Lal was concerned about costs.", "concern"),
                    issues=("millbrook-leisure-centre",), resolutions=("the update report be noted",)),
               item("Budget", issues=("budget",))),
    )
    return [m1, m2]


def test_build_small_graph_has_every_kind() -> None:
    graph = build_graph(_small(), link=False)
    assert {d["kind"] for _, d in graph.nodes(data=True)} == NODE_KINDS
    assert EDGE_KINDS <= {d["kind"] for *_, d in graph.edges(data=True)}
    for *_, data in graph.edges(data=True):
        assert data["meeting"] in {"h1", "h2"} and data["date"]


def test_build_small_graph_follow_up() -> None:
    graph = build_graph(_small(), link=False)
    follow = [(u, v) for u, v, d in graph.edges(data=True) if d["kind"] == "follows_up"]
    assert follow == [("item:h2/0", "resolution:h1/0/0")]
    assert graph.has_edge("person:pemberton-a", "issue:millbrook-leisure-centre")  # "the Chair" requested


def test_build_follow_ups_by_title_without_issues() -> None:
    meetings = [m.__class__(**{**m.__dict__, "items": tuple(i.__class__(**{**i.__dict__, "issues": ()}) for i in m.items)})
                for m in _small()]
    [follow] = find_follow_ups(meetings)
    assert (follow.source, follow.target, follow.via) == ("item:h2/0", "resolution:h1/0/0", "resolution")


def test_build_sample_graph_node_and_edge_kinds(sample_graph: nx.MultiDiGraph) -> None:
    assert {d["kind"] for _, d in sample_graph.nodes(data=True)} == NODE_KINDS
    assert EDGE_KINDS <= {d["kind"] for *_, d in sample_graph.edges(data=True)}
    for _, data in sample_graph.nodes(data=True):
        assert all(isinstance(v, (str, int, float)) for v in data.values())
    for *_, data in sample_graph.edges(data=True):
        assert data["kind"] and data["meeting"] and all(isinstance(v, (str, int, float)) for v in data.values())


def test_build_sample_harbridge_follow_up_chain(sample_graph: nx.MultiDiGraph) -> None:
    follow = sorted(
        (sample_graph.nodes[u]["date"], sample_graph.nodes[u]["title"], sample_graph.nodes[v]["date"])
        for u, v, d in sample_graph.edges(data=True)
        if d["kind"] == "follows_up" and "Millbrook" in sample_graph.nodes[u].get("title", "")
    )
    assert ("2023-12-13", "Millbrook Leisure Centre - Six Month Update", "2023-06-14") in follow
    assert any(later == "2024-06-12" and earlier == "2023-12-13" for later, _, earlier in follow)


def test_build_sample_one_node_per_person(sample_graph: nx.MultiDiGraph) -> None:
    okafor = [n for n, d in sample_graph.nodes(data=True) if d["kind"] == "person" and d.get("surname") == "Okafor"]
    assert okafor == ["person:okafor-g"]
    attended = {d["meeting"] for _, _, d in sample_graph.out_edges("person:okafor-g", data=True) if d["kind"] == "attended"}
    assert len(attended) == 3


def test_build_ids_stable_across_runs(sample_meetings: list[Meeting], sample_graph: nx.MultiDiGraph) -> None:
    again = build_graph(list(reversed(sample_meetings)))
    assert sorted(again.nodes(data=True)) == sorted(sample_graph.nodes(data=True))
    assert sorted(again.edges(keys=True, data=True)) == sorted(sample_graph.edges(keys=True, data=True))


@pytest.mark.parametrize("suffix", [".graphml", ".json"])
def test_build_round_trip(sample_graph: nx.MultiDiGraph, tmp_path: Path, suffix: str) -> None:
    path = write_graph(sample_graph, tmp_path / f"graph{suffix}")
    back = read_graph(path)
    assert dict(back.nodes(data=True)) == dict(sample_graph.nodes(data=True))
    assert sorted(back.edges(keys=True, data=True)) == sorted(sample_graph.edges(keys=True, data=True))
    assert nx.utils.graphs_equal(back, sample_graph)


def test_build_gexf_and_csv(sample_graph: nx.MultiDiGraph, tmp_path: Path) -> None:
    gexf = write_graph(sample_graph, tmp_path / "graph.gexf")
    assert read_graph(gexf).number_of_nodes() == sample_graph.number_of_nodes()
    csv_path = write_graph(sample_graph, tmp_path / "graph.csv")
    lines = csv_path.read_text(encoding="utf-8").splitlines()
    assert lines[0].startswith("source,target,key,kind,meeting,date,weight")
    assert len(lines) == sample_graph.number_of_edges() + 1
    assert (tmp_path / "graph.nodes.csv").exists()
    with pytest.raises(ValueError, match="graph format"):
        write_graph(sample_graph, tmp_path / "graph.txt")
