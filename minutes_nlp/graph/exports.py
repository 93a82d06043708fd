"""Write and read the graph: GraphML, GEXF, node-link JSON and CSV edge lists, chosen by file extension.

Example:
    >>> import networkx as nx, tempfile, pathlib
    >>> g = nx.MultiDiGraph(); g.add_node("person:a", kind="person", label="A")
    >>> g.add_edge("person:a", "person:a", key="x@m", kind="x", meeting="m", date="", weight=1)
    'x@m'
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "g.graphml"
    >>> write_graph(g, path) == path, nx.utils.graphs_equal(read_graph(path), g)
    (True, True)
"""
from __future__ import annotations

import csv
import json
import logging
from pathlib import Path
from typing import Any

import networkx as nx

from minutes_nlp.records import Meeting

__all__ = ["FORMATS", "graph_format", "read_graph", "read_meetings", "write_graph", "write_graph_from_jsonl"]

logger = logging.getLogger(__name__)

FORMATS = {".graphml": "graphml", ".gexf": "gexf", ".json": "json", ".csv": "csv"}
_EDGE_FIELDS = ("source", "target", "key", "kind", "meeting", "date", "weight")


def graph_format(path: str | Path) -> str:
    """The format a file name asks for: "graphml", "gexf", "json" or "csv".

    Example:
        >>> graph_format("out/graph.GraphML")
        'graphml'

    Raises:
        ValueError: for an extension that is none of .graphml, .gexf, .json, .csv.
    """
    suffix = Path(path).suffix.lower()
    if suffix not in FORMATS:
        raise ValueError(f"{path}: cannot tell the graph format from {suffix!r}; use one of {', '.join(FORMATS)}")
    return FORMATS[suffix]


def write_graph(graph: nx.MultiDiGraph, path: str | Path) -> Path:
    """Write ``graph`` in the format its extension names; return the path written.

    CSV writes the edge list to ``path`` and the nodes beside it (``graph.csv`` -> ``graph.nodes.csv``).

    Example:
        >>> write_graph(nx.MultiDiGraph(), "graph.gexf")   # doctest: +SKIP

    Raises:
        ValueError: for an unknown extension.
    """
    path = Path(path)
    fmt = graph_format(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    if fmt == "graphml":
        nx.write_graphml(graph, path)
    elif fmt == "gexf":
        nx.write_gexf(graph, path)
    elif fmt == "json":
        data = nx.node_link_data(graph, edges="edges")
        path.write_text(json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    else:
        _write_csv(graph, path)
    logger.info("wrote %s (%d nodes, %d edges)", path, graph.number_of_nodes(), graph.number_of_edges())
    return path


def read_graph(path: str | Path) -> nx.MultiDiGraph:
    """Read a graph written by :func:`write_graph` (GraphML, GEXF or node-link JSON).

    Example:
        >>> read_graph("graph.graphml")   # doctest: +SKIP

    Raises:
        ValueError: for CSV (an edge list is not read back) or an unknown extension.
    """
    path = Path(path)
    fmt = graph_format(path)
    if fmt == "graphml":
        graph = nx.read_graphml(path, force_multigraph=True, edge_key_type=str)
        for key in ("node_default", "edge_default"):
            if not graph.graph.get(key):
                graph.graph.pop(key, None)
        return graph
    if fmt == "gexf":
        return nx.MultiDiGraph(nx.read_gexf(path))
    if fmt == "json":
        return nx.node_link_graph(json.loads(path.read_text(encoding="utf-8")), edges="edges")
    raise ValueError(f"{path}: CSV edge lists are for spreadsheets; read GraphML, GEXF or JSON instead")


def read_meetings(path: str | Path) -> list[Meeting]:
    """Read meeting@1 records, one JSON object a line.

    Example:
        >>> read_meetings("out/meetings.jsonl")   # doctest: +SKIP

    Raises:
        ValueError: naming the line that is not a meeting record.
    """
    path = Path(path)
    meetings = []
    with path.open(encoding="utf-8") as fh:
        for n, line in enumerate(fh, 1):
            if not line.strip():
                continue
            try:
                meetings.append(Meeting.from_dict(json.loads(line)))
            except (json.JSONDecodeError, TypeError, KeyError) as exc:
                raise ValueError(f"{path}, line {n}: not a meeting@1 record ({exc})") from exc
    return meetings


def write_graph_from_jsonl(meetings: str | Path, out: str | Path, *, aliases: Any = None) -> nx.MultiDiGraph:
    """Read meeting@1 JSONL, build the graph and write it to ``out`` (format from its extension).

    Example:
        >>> write_graph_from_jsonl("out/meetings.jsonl", "out/graph.graphml")   # doctest: +SKIP
    """
    from minutes_nlp.graph.build import build_graph

    graph_format(out)  # an unknown extension fails before the work is done
    graph = build_graph(read_meetings(meetings), aliases=aliases)
    write_graph(graph, out)
    return graph


def _write_csv(graph: nx.MultiDiGraph, path: Path) -> None:
    extra = sorted({k for _, _, d in graph.edges(data=True) for k in d} - set(_EDGE_FIELDS))
    with path.open("w", newline="", encoding="utf-8") as fh:
        writer = csv.writer(fh)
        writer.writerow([*_EDGE_FIELDS, *extra])
        for u, v, key, data in graph.edges(keys=True, data=True):
            writer.writerow([u, v, key, *(data.get(f, "") for f in _EDGE_FIELDS[3:]), *(data.get(f, "") for f in extra)])
    node_fields = sorted({k for _, d in graph.nodes(data=True) for k in d})
    with path.with_suffix(".nodes.csv").open("w", newline="", encoding="utf-8") as fh:
        writer = csv.writer(fh)
        writer.writerow(["id", *node_fields])
        for node, data in graph.nodes(data=True):
            writer.writerow([node, *(data.get(f, "") for f in node_fields)])
