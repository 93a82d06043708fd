from __future__ import annotations

import json
from pathlib import Path

import networkx as nx
from click.testing import CliRunner

from minutes_nlp.cli import cli
from minutes_nlp.graph import read_graph
from tests.graph.test_build import _small


def _jsonl(tmp_path: Path) -> Path:
    path = tmp_path / "meetings.jsonl"
    path.write_text("".join(json.dumps(m.to_dict()) + "\n" for m in _small()), encoding="utf-8")
    return path


def test_cli_graph_writes_graphml(tmp_path: Path) -> None:
    out = tmp_path / "graph.graphml"
    result = CliRunner().invoke(cli, ["graph", str(_jsonl(tmp_path)), "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert "nodes" in result.output
    graph = read_graph(out)
    assert isinstance(graph, nx.MultiDiGraph) and "person:lal-s" in graph


def test_cli_graph_rejects_unknown_extension(tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["graph", str(_jsonl(tmp_path)), "--out", str(tmp_path / "graph.xyz")])
    assert result.exit_code != 0
    assert "graph format" in result.output


def test_cli_graph_has_help() -> None:
    result = CliRunner().invoke(cli, ["graph", "--help"])
    assert result.exit_code == 0 and "Example" in result.output
