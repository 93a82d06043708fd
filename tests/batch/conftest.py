"""Fixtures for the batch tests: small generated archives and a store export helper."""
from __future__ import annotations

from pathlib import Path

import pytest

from tests.batch.archive_factory import broken_documents, good_documents, write_tree


@pytest.fixture(scope="session")
def good() -> dict[str, bytes]:
    """12 good documents (text, HTML and PDF)."""
    return good_documents(12)


@pytest.fixture()
def good_tree(tmp_path: Path, good: dict[str, bytes]) -> Path:
    return write_tree(tmp_path / "archive", good)


@pytest.fixture()
def broken_tree(tmp_path: Path, good: dict[str, bytes]) -> Path:
    """The good documents plus one of each broken kind."""
    return write_tree(tmp_path / "archive", {**good, **broken_documents()})


def export_bytes(store_path: Path, out: Path) -> bytes:
    """The store's JSONL export, as bytes."""
    from minutes_nlp.store import Store

    with Store(store_path) as store:
        store.export(out, "jsonl")
    return out.read_bytes()
