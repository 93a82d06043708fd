"""Questions a researcher asks of the graph: a councillor's profile, an issue's timeline, the strongest
councillor–issue ties, and which councillors share concerns.

Each helper takes a graph from :func:`~minutes_nlp.graph.build_graph` (or read back from a file) and
person or issue ids with or without their ``person:`` / ``issue:`` prefix.

Example:
    >>> import networkx as nx
    >>> g = nx.MultiDiGraph()
    >>> g.add_node("person:a", kind="person", label="Cllr A", person_kind="member"); g.add_node("issue:pool", kind="issue", label="pool")
    >>> _ = g.add_edge("person:a", "issue:pool", key="raised_concern@i", kind="raised_concern", weight=2, date="2024-01-01", meeting="m")
    >>> top_ties(g, 1)
    [Tie(person='a', issue='pool', weight=2, concerns=2, requests=0, questions=0)]
"""
from __future__ import annotations

import logging
from collections import Counter, defaultdict
from dataclasses import asdict, dataclass, field
from itertools import combinations
from typing import Any

import networkx as nx

__all__ = ["CouncillorProfile", "Tie", "co_concern_projection", "councillor_profile", "issue_timeline", "top_ties"]

logger = logging.getLogger(__name__)

_TIE_KINDS = {"raised_concern": "concerns", "requested": "requests", "asked": "questions"}


def _node(prefix: str, value: str) -> str:
    return value if value.startswith(f"{prefix}:") else f"{prefix}:{value}"


def _bare(node: str) -> str:
    return node.split(":", 1)[1] if ":" in node else node


def _label(graph: nx.MultiDiGraph, node: str) -> str:
    return str(graph.nodes[node].get("label", _bare(node))) if node in graph else _bare(node)


@dataclass(frozen=True)
class CouncillorProfile:
    """What one person did across the meetings: attendance, concerns and requests by issue, motions."""

    person_id: str
    name: str
    roles: tuple[str, ...]
    meetings_attended: tuple[str, ...]  # meeting labels, in date order
    concerns: dict[str, int] = field(default_factory=dict)  # issue label -> count
    requests: dict[str, int] = field(default_factory=dict)
    questions: dict[str, int] = field(default_factory=dict)
    motions_moved: tuple[str, ...] = ()  # item labels
    motions_seconded: tuple[str, ...] = ()
    items_spoken_on: int = 0

    def to_dict(self) -> dict[str, Any]:
        """A JSON-serialisable dict."""
        return asdict(self)


def councillor_profile(graph: nx.MultiDiGraph, person_id: str) -> CouncillorProfile:
    """Profile one person: meetings attended, concerns / requests / questions by issue, motions moved.

    Example:
        >>> councillor_profile(graph, "lal-s").concerns   # doctest: +SKIP
        {'millbrook leisure centre': 2}

    Raises:
        KeyError: when the graph has no such person.
    """
    node = _node("person", person_id)
    if node not in graph or graph.nodes[node].get("kind") != "person":
        raise KeyError(f"no person {person_id!r} in the graph")
    data = graph.nodes[node]
    attended: list[tuple[str, str]] = []
    by_kind: dict[str, Counter] = defaultdict(Counter)
    moved: list[tuple[str, str]] = []
    seconded: list[tuple[str, str]] = []
    spoke: set[str] = set()
    for _, target, edge in graph.out_edges(node, data=True):
        kind = edge.get("kind")
        date = str(edge.get("date", ""))
        if kind == "attended":
            attended.append((date, _label(graph, target)))
        elif kind in _TIE_KINDS:
            by_kind[kind][_label(graph, target)] += int(edge.get("weight", 1))
        elif kind == "moved":
            moved.append((date, _label(graph, target)))
        elif kind == "seconded":
            seconded.append((date, _label(graph, target)))
        elif kind == "spoke_on":
            spoke.add(target)

    def ranked(counter: Counter) -> dict[str, int]:
        return dict(sorted(counter.items(), key=lambda kv: (-kv[1], kv[0])))

    roles = tuple(r for r in str(data.get("roles", "")).split("; ") if r)
    return CouncillorProfile(
        person_id=_bare(node),
        name=str(data.get("label", "")),
        roles=roles,
        meetings_attended=tuple(label for _, label in sorted(set(attended))),
        concerns=ranked(by_kind["raised_concern"]),
        requests=ranked(by_kind["requested"]),
        questions=ranked(by_kind["asked"]),
        motions_moved=tuple(label for _, label in sorted(moved)),
        motions_seconded=tuple(label for _, label in sorted(seconded)),
        items_spoken_on=len(spoke),
    )


def issue_timeline(graph: nx.MultiDiGraph, issue_id: str) -> list[dict[str, str]]:
    """Everything that happened on one issue, in date order: items, concerns, requests, questions,
    resolutions and follow-ups. Each row is ``{"date", "meeting", "event", "who", "what"}``.

    Example:
        >>> issue_timeline(graph, "millbrook-leisure-centre")[0]["event"]   # doctest: +SKIP
        'item'

    Raises:
        KeyError: when the graph has no such issue.
    """
    node = _node("issue", issue_id)
    if node not in graph:
        raise KeyError(f"no issue {issue_id!r} in the graph")
    rows: list[dict[str, str]] = []
    items: set[str] = set()
    for source, _, edge in graph.in_edges(node, data=True):
        kind = edge.get("kind")
        row = {"date": str(edge.get("date", "")), "meeting": str(edge.get("meeting", ""))}
        if kind == "about" and graph.nodes[source].get("kind") == "item":
            items.add(source)
            rows.append({**row, "event": "item", "who": "", "what": _label(graph, source)})
        elif kind == "about" and graph.nodes[source].get("kind") == "resolution":
            rows.append({**row, "event": "resolution", "who": "", "what": str(graph.nodes[source].get("text", ""))})
        elif kind in _TIE_KINDS:
            event = {"raised_concern": "concern", "requested": "request", "asked": "question"}[kind]
            rows.append({**row, "event": event, "who": _label(graph, source), "what": _label(graph, str(edge.get("item", "")))})
    for item in sorted(items):
        for _, target, edge in graph.out_edges(item, data=True):
            if edge.get("kind") == "follows_up":
                rows.append({"date": str(edge.get("date", "")), "meeting": str(edge.get("meeting", "")),
                             "event": "follow-up", "who": "", "what": f"{_label(graph, item)} answers {_label(graph, target)}"})
    order = {"item": 0, "follow-up": 1, "concern": 2, "question": 3, "request": 4, "resolution": 5}
    return sorted(rows, key=lambda r: (r["date"], order.get(r["event"], 9), r["who"], r["what"]))


@dataclass(frozen=True)
class Tie:
    """A councillor–issue tie: how often the person raised concerns, requests and questions on the issue."""

    person: str
    issue: str
    weight: int
    concerns: int
    requests: int
    questions: int


def top_ties(graph: nx.MultiDiGraph, n: int = 10, *, people: tuple[str, ...] | None = ("member",)) -> list[Tie]:
    """The ``n`` strongest person–issue ties (concerns + requests + questions), strongest first.

    ``people`` keeps persons of these kinds ("member", "officer", "other"); None keeps everyone.

    Example:
        >>> top_ties(nx.MultiDiGraph())
        []
    """
    counts: dict[tuple[str, str], Counter] = defaultdict(Counter)
    for source, target, edge in graph.edges(data=True):
        kind = edge.get("kind")
        if kind in _TIE_KINDS and graph.nodes[target].get("kind") == "issue":
            if people is not None and graph.nodes[source].get("person_kind") not in people:
                continue
            counts[(_bare(source), _bare(target))][_TIE_KINDS[kind]] += int(edge.get("weight", 1))
    ties = [
        Tie(p, i, sum(c.values()), c["concerns"], c["requests"], c["questions"]) for (p, i), c in counts.items()
    ]
    return sorted(ties, key=lambda t: (-t.weight, -t.concerns, t.person, t.issue))[:n]


def co_concern_projection(
    graph: nx.MultiDiGraph,
    *,
    kinds: tuple[str, ...] = ("raised_concern",),
    people: tuple[str, ...] | None = ("member",),
) -> nx.Graph:
    """Councillor–councillor graph: an edge where two people raised concerns on the same issues,
    ``weight`` the number of issues shared and ``issues`` their ids. ``kinds`` are the edge kinds
    counted; ``people`` the person kinds kept (None keeps officers and the public too).

    Example:
        >>> co_concern_projection(nx.MultiDiGraph()).number_of_edges()
        0
    """
    issues_of: dict[str, set[str]] = defaultdict(set)
    for source, target, edge in graph.edges(data=True):
        if edge.get("kind") in kinds and graph.nodes[target].get("kind") == "issue":
            if people is None or graph.nodes[source].get("person_kind") in people:
                issues_of[source].add(target)
    out = nx.Graph()
    for person in sorted(issues_of):
        out.add_node(_bare(person), label=_label(graph, person))
    for a, b in combinations(sorted(issues_of), 2):
        shared = issues_of[a] & issues_of[b]
        if shared:
            out.add_edge(_bare(a), _bare(b), weight=len(shared), issues="; ".join(sorted(_bare(s) for s in shared)))
    return out
