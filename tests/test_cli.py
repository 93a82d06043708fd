"""The CLI is a thin layer: each command parses, calls the library and prints."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from minutes_nlp.cli import cli

MINUTES = "MINUTES of the Parish Council\n\nPresent: Cllr A Jones (Chair), Cllr B Patel\n\n1. Apologies\nNone.\n"


@pytest.fixture()
def minutes_file(tmp_path: Path) -> Path:
    path = tmp_path / "minutes.txt"
    path.write_text(MINUTES, encoding="utf-8")
    return path


def test_cli_read_prints_clean_text(minutes_file: Path) -> None:
    result = CliRunner().invoke(cli, ["read", str(minutes_file)])
    assert result.exit_code == 0, result.output
    assert "Present: Cllr A Jones (Chair), Cllr B Patel" in result.output
    assert "1. Apologies" in result.output


def test_cli_read_json_is_a_document(minutes_file: Path) -> None:
    result = CliRunner().invoke(cli, ["read", str(minutes_file), "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output.strip().splitlines()[0])
    assert data["format"] == "txt"
    assert data["path"] == str(minutes_file)
    texts = [line["text"] for page in data["pages"] for line in page["lines"]]
    assert texts[0] == "MINUTES of the Parish Council"


def test_cli_read_summary_keeps_going_past_a_broken_file(tmp_path: Path, minutes_file: Path) -> None:
    broken = tmp_path / "broken.pdf"
    broken.write_bytes(b"%PDF-1.7\n1 0 obj << /Type /Catalog >> garbage")
    result = CliRunner().invoke(cli, ["read", str(tmp_path), "--summary"])
    assert result.exit_code == 1
    assert "minutes.txt" in result.output
    assert "1 documents read, 1 failed" in result.output
    assert f"error: {broken}" in result.output  # click >= 8.2 interleaves stderr into output


def test_cli_every_command_has_help() -> None:
    for name, command in cli.commands.items():
        assert command.help, f"command {name} has no help text"
        result = CliRunner().invoke(cli, [name, "--help"])
        assert result.exit_code == 0
        assert "Example" in result.output
