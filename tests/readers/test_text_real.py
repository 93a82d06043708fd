"""The text reader on the real dev corpus (skipped when the corpus is absent)."""
from __future__ import annotations

from pathlib import Path

import pytest

from minutes_nlp.readers import iter_sources, read
from minutes_nlp.readers.document import Document

pytestmark = pytest.mark.real


def _text_files(root: Path, folder: str | None = None) -> list[Path]:
    base = root / folder if folder else root
    return [path for path in iter_sources([base]) if path.suffix.lower() in {".md", ".txt"}]


@pytest.fixture(scope="module")
def documents(real_corpus: Path) -> dict[Path, Document]:
    return {path: read(path) for path in _text_files(real_corpus)}


def test_text_real_every_text_file_reads(documents: dict[Path, Document]) -> None:
    assert documents, "no .md/.txt files found in the real corpus"
    for path, doc in documents.items():
        assert doc.format == "txt", path
        assert doc.n_words > 100, path
        assert all(line.text and line.text == line.text.strip() for line in doc.lines()), path


def test_text_real_north_star_front_matter_and_escapes(documents: dict[Path, Document]) -> None:
    north_star = {path: doc for path, doc in documents.items() if path.parent.name == "north-star-township-mn"}
    if not north_star:
        pytest.skip("no North Star files")
    for path, doc in north_star.items():
        assert doc.metadata.get("title") and doc.metadata.get("date"), path
        assert "\\$" not in doc.text and "\\" not in doc.text, path
        assert not doc.text.startswith("---") and "sidebar:" not in doc.text and "blog_post" not in doc.text, path
        assert any(line.kind == "heading" for line in doc.lines()), path


def test_text_real_limerick_pages(documents: dict[Path, Document]) -> None:
    limerick = {path: doc for path, doc in documents.items() if path.parent.name == "limerick-city-county-council"}
    if not limerick:
        pytest.skip("no Limerick files")
    for path, doc in limerick.items():
        assert len(doc.pages) > 1, path
        assert not any(line.text.strip("-* ") == "" for line in doc.lines()), path
        assert doc.metadata["source_url"].startswith("http"), path
        assert "Original file" not in doc.text, path
        # the printed page number that followed each separator is gone
        assert not any(page.lines and page.lines[0].text == str(page.number) for page in doc.pages), path


def test_text_real_plain_text_pages_from_form_feeds(documents: dict[Path, Document]) -> None:
    plain = {path: doc for path, doc in documents.items() if path.suffix == ".txt"}
    if not plain:
        pytest.skip("no .txt files")
    for path, doc in plain.items():
        assert doc.metadata["markup"] == "plain", path
        assert len(doc.pages) == path.read_bytes().rstrip(b"\f\n").count(b"\f") + 1, path
