"""Build the councillor–issue graph: meetings, items, issues, resolutions and people in one MultiDiGraph.

Node ids carry their kind: ``person:sweetland-b``, ``role:<body>/chair``, ``meeting:<id>``,
``item:<meeting id>/<n>``, ``issue:<id>``, ``resolution:<meeting id>/<n>/<k>``. Every node has
``kind`` and ``label``; every edge has ``kind``, ``meeting`` and ``date`` and a string key
``"<kind>@<context>"``, so a graph written and read back is the same graph. Edges (source -> target):

- ``attended`` person -> meeting (``as``: present / officer), ``held`` person -> role
- ``spoke_on`` person -> item; ``raised_concern`` / ``requested`` / ``asked`` person -> issue
  (the utterance's issues, else its item's; the item itself when it has none), with ``item`` and ``weight``
- ``moved`` / ``seconded`` / ``voted_for`` / ``voted_against`` person -> item
- ``part_of`` item -> meeting, ``resolved`` item -> resolution, ``about`` item/resolution -> issue
- ``follows_up`` later item -> the earlier resolution or item whose request for a report it answers
  (see :mod:`minutes_nlp.graph.follow_ups`)

Example:
    >>> import minutes_nlp
    >>> from minutes_nlp.graph import build_graph
    >>> meetings = [m for m in minutes_nlp.extract_meetings(["corpora/harbridge-borough-council"])]  # doctest: +SKIP
    >>> graph = build_graph(meetings)                                                                # doctest: +SKIP
    >>> sorted({d["kind"] for _, d in graph.nodes(data=True)})                                       # doctest: +SKIP
    ['issue', 'item', 'meeting', 'person', 'resolution', 'role']
"""
from __future__ import annotations

import logging
import os
from typing import Any, Iterable, Mapping

import networkx as nx

from minutes_nlp.graph.follow_ups import find_follow_ups
from minutes_nlp.people import PersonRegistry, body_of, resolve_people
from minutes_nlp.people.mentions import slug
from minutes_nlp.records import AgendaItem, IssueRef, Meeting, Utterance

__all__ = ["build_graph", "issue_node", "item_node", "meeting_node", "person_node"]

logger = logging.getLogger(__name__)

_ACT_EDGES = {"concern": "raised_concern", "request": "requested", "question": "asked"}
_VOTE_EDGES = {"for": "voted_for", "against": "voted_against"}


def person_node(person_id: str) -> str:
    """The node id of a person: ``person_node("sweetland-b") == "person:sweetland-b"``."""
    return f"person:{person_id}"


def meeting_node(meeting_id: str) -> str:
    """The node id of a meeting."""
    return f"meeting:{meeting_id}"


def item_node(meeting_id: str, index: int) -> str:
    """The node id of the ``index``-th (0-based) item of a meeting."""
    return f"item:{meeting_id}/{index}"


def issue_node(issue_id: str) -> str:
    """The node id of an issue."""
    return f"issue:{issue_id}"


def build_graph(
    meetings: Iterable[Meeting],
    *,
    aliases: Any = None,
    link: bool = True,
    max_issues_per_item: int = 3,
    random_state: int = 0,
) -> nx.MultiDiGraph:
    """Resolve people, link issues and build the councillor–issue graph of a set of meetings.

    ``link=False`` keeps the issues already on the records instead of calling
    :func:`minutes_nlp.issues.link_issues`. ``aliases`` is passed to
    :func:`~minutes_nlp.people.resolve_people`. The same meetings give the same graph.

    Example:
        >>> graph = build_graph([])
        >>> graph.number_of_nodes(), graph.graph["kind"]
        (0, 'minutes_nlp councillor-issue graph')
    """
    meetings = sorted(meetings, key=lambda m: (m.date or "", m.id))
    labels: dict[str, str] = {}
    if link and meetings:
        meetings, labels = _link(meetings, max_issues_per_item=max_issues_per_item, random_state=random_state)
    meetings, registry = resolve_people(meetings, aliases=aliases)
    graph = nx.MultiDiGraph(kind="minutes_nlp councillor-issue graph")
    _add_people(graph, registry)
    for meeting in meetings:
        _add_meeting(graph, meeting, registry, labels)
    for edge in find_follow_ups(meetings):
        _edge(graph, edge.source, edge.target, "follows_up", edge.meeting, edge.date,
              context=edge.target, issue=edge.issue, via=edge.via)
    logger.info("graph: %d nodes, %d edges", graph.number_of_nodes(), graph.number_of_edges())
    return graph


def _link(meetings: list[Meeting], **kwargs: Any) -> tuple[list[Meeting], dict[str, str]]:
    try:
        from minutes_nlp.issues import link_issues  # type: ignore[attr-defined]
    except ImportError:
        logger.warning("minutes_nlp.issues.link_issues is not available; using the issues already on the records")
        return meetings, {}
    linked, catalog = link_issues(meetings, **kwargs)
    return list(linked), {i.id: i.label for i in catalog.issues.values()}


def _clean(attrs: Mapping[str, Any]) -> dict[str, Any]:
    """Attribute values GraphML and GEXF can hold: str, int or float; None dropped, sequences joined."""
    out: dict[str, Any] = {}
    for key, value in attrs.items():
        if value is None:
            continue
        if isinstance(value, bool):
            value = int(value)
        elif isinstance(value, (list, tuple, set, frozenset)):
            value = "; ".join(str(v) for v in (sorted(value) if isinstance(value, (set, frozenset)) else value))
        elif not isinstance(value, (str, int, float)):
            value = str(value)
        out[key] = value
    return out


def _node(graph: nx.MultiDiGraph, node: str, **attrs: Any) -> None:
    if node in graph:
        for key, value in _clean(attrs).items():
            graph.nodes[node].setdefault(key, value)
    else:
        graph.add_node(node, **_clean(attrs))


def _edge(
    graph: nx.MultiDiGraph, source: str, target: str, kind: str, meeting: str, date: str | None,
    *, context: str | None = None, **attrs: Any,
) -> None:
    """Add an edge, or add 1 to the ``weight`` of the same edge in the same context."""
    key = f"{kind}@{context or meeting}"
    if graph.has_edge(source, target, key):
        graph.edges[source, target, key]["weight"] += 1
        return
    graph.add_edge(source, target, key=key, **_clean({"kind": kind, "meeting": meeting, "date": date or "",
                                                     "weight": 1, **attrs}))


def _add_people(graph: nx.MultiDiGraph, registry: PersonRegistry) -> None:
    for person in registry:
        _node(graph, person_node(person.id), kind="person", label=person.name, person_id=person.id,
              surname=person.surname, initial=person.initial, body=person.body, person_kind=person.kind,
              mentions=list(person.mentions),
              n_meetings=len(person.meetings), roles=list(person.roles))
        for role in person.roles:
            _node(graph, _role_node(person.body, role), kind="role", label=role, body=person.body)


def _role_node(body: str, role: str) -> str:
    return f"role:{slug(body)}/{slug(role)}"


def _add_meeting(graph: nx.MultiDiGraph, m: Meeting, registry: PersonRegistry, labels: Mapping[str, str]) -> None:
    body = body_of(m)
    mnode = meeting_node(m.id)
    label = " ".join(x for x in (m.committee or body, m.date or "") if x)
    _node(graph, mnode, kind="meeting", label=label, meeting_id=m.id, date=m.date, body=body,
          committee=m.committee, source=os.path.basename(m.source.path or "") if m.source else None)
    for where, how in (("present", "present"), ("officers", "officer")):
        for p in getattr(m.attendance, where):
            if p.person_id and person_node(p.person_id) in graph:
                _edge(graph, person_node(p.person_id), mnode, "attended", m.id, m.date, **{"as": how}, role=p.role)
    for where in ("present", "apologies", "absent", "officers"):
        for p in getattr(m.attendance, where):
            if p.person_id and p.role and person_node(p.person_id) in graph:
                person = registry[p.person_id]
                if p.role.strip() in person.roles:
                    _edge(graph, person_node(p.person_id), _role_node(person.body, p.role.strip()), "held", m.id, m.date)
    for index, item in enumerate(m.items):
        _add_item(graph, m, index, item, registry, labels)


def _add_item(
    graph: nx.MultiDiGraph, m: Meeting, index: int, item: AgendaItem, registry: PersonRegistry,
    labels: Mapping[str, str],
) -> None:
    inode = item_node(m.id, index)
    title = item.title or item.number or f"item {index + 1}"
    _node(graph, inode, kind="item", label=f"{m.date or ''} {title}".strip(), title=item.title, number=item.number,
          meeting=m.id, date=m.date)
    _edge(graph, inode, meeting_node(m.id), "part_of", m.id, m.date)
    issue_nodes = [_issue(graph, ref, labels) for ref in item.issues]
    for node in issue_nodes:
        _edge(graph, inode, node, "about", m.id, m.date)
    for u in item.utterances:
        pid = u.speaker.person_id if u.speaker else None
        if not pid or person_node(pid) not in graph:
            continue
        pnode = person_node(pid)
        _edge(graph, pnode, inode, "spoke_on", m.id, m.date, context=inode)
        targets = [_issue(graph, ref, labels) for ref in _utterance_issues(u)] or issue_nodes or [inode]
        for act, kind in _ACT_EDGES.items():
            if act in u.acts:
                for target in targets:
                    _edge(graph, pnode, target, kind, m.id, m.date, context=inode, item=inode)
    for motion in item.motions:
        for name, kind in ((motion.mover, "moved"), (motion.seconder, "seconded")):
            pid = registry.lookup(m.id, name)
            if pid:
                _edge(graph, person_node(pid), inode, kind, m.id, m.date, context=inode, outcome=motion.outcome)
    for vote in item.votes:
        for side, kind in _VOTE_EDGES.items():
            for name in vote.named.get(side, ()):
                pid = registry.lookup(m.id, name)
                if pid:
                    _edge(graph, person_node(pid), inode, kind, m.id, m.date, context=inode)
    for k, resolution in enumerate(item.resolutions):
        rnode = f"resolution:{m.id}/{index}/{k}"
        text = " ".join(resolution.text.split())
        _node(graph, rnode, kind="resolution", label=text[:80], text=text, number=resolution.number,
              outcome=resolution.outcome, meeting=m.id, date=m.date, item=inode)
        _edge(graph, inode, rnode, "resolved", m.id, m.date)
        for node in issue_nodes:
            _edge(graph, rnode, node, "about", m.id, m.date)


def _utterance_issues(u: Utterance) -> tuple[IssueRef, ...]:
    return tuple(getattr(u, "issues", ()) or ())


def _issue(graph: nx.MultiDiGraph, ref: IssueRef, labels: Mapping[str, str]) -> str:
    node = issue_node(ref.id)
    _node(graph, node, kind="issue", label=labels.get(ref.id, ref.label), issue_id=ref.id)
    return node
