"""The councillor–issue graph: build it from meeting records, export it, ask it questions.

Example:
    >>> from minutes_nlp.graph import build_graph, top_ties
    >>> top_ties(build_graph([]))
    []
"""
from __future__ import annotations

from minutes_nlp.graph.build import build_graph, issue_node, item_node, meeting_node, person_node
from minutes_nlp.graph.exports import graph_format, read_graph, read_meetings, write_graph, write_graph_from_jsonl
from minutes_nlp.graph.follow_ups import FollowUp, find_follow_ups
from minutes_nlp.graph.queries import (
    CouncillorProfile,
    Tie,
    co_concern_projection,
    councillor_profile,
    issue_timeline,
    top_ties,
)

__all__ = [
    "CouncillorProfile",
    "FollowUp",
    "Tie",
    "build_graph",
    "co_concern_projection",
    "councillor_profile",
    "find_follow_ups",
    "graph_format",
    "issue_node",
    "issue_timeline",
    "item_node",
    "meeting_node",
    "person_node",
    "read_graph",
    "read_meetings",
    "top_ties",
    "write_graph",
    "write_graph_from_jsonl",
]
