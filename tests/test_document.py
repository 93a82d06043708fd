"""The Document model: from_text, to_dict/from_dict, page offsets."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from minutes_nlp.readers.document import Document, Line, Page


def _two_page_document() -> Document:
    return Document(
        path=Path("minutes/full-council.docx"),
        format="docx",
        pages=(
            Page(1, (Line("MINUTES", 1, kind="heading", level=1, bold=True, font_size=16.0),
                     Line("Present: Cllr Cooper", 1, para_break=True))),
            Page(2, (Line("Name | Vote", 2, kind="table_row", cells=("Name", "Vote")),
                     Line("1. Apologies", 2, kind="list_item", level=1, para_break=True,
                          bbox=(10.0, 20.0, 200.0, 32.5)))),
        ),
        sha256="abc",
        warnings=("page 2: table guessed",),
        metadata={"title": "Full Council", "headers": ["Example Council"]},
    )  # fmt: skip


def test_document_from_text_paragraphs_and_pages() -> None:
    doc = Document.from_text("MINUTES\n\n  Present: Cllr Cooper  \nApologies\fPage two", path="m.txt")
    assert [p.number for p in doc.pages] == [1, 2]
    lines = list(doc.lines())
    assert [line.text for line in lines] == ["MINUTES", "Present: Cllr Cooper", "Apologies", "Page two"]
    assert [line.para_break for line in lines] == [False, True, False, False]
    assert doc.path == Path("m.txt") and doc.format == "txt"
    assert doc.text == "MINUTES\n\nPresent: Cllr Cooper\nApologies\n\nPage two"


def test_document_dict_round_trip_through_json() -> None:
    doc = _two_page_document()
    data = json.loads(json.dumps(doc.to_dict()))
    assert data["path"] == str(Path("minutes/full-council.docx"))
    assert Document.from_dict(data) == doc


def test_document_dict_round_trip_without_path() -> None:
    doc = Document.from_text("RESOLVED that the report be noted.")
    assert Document.from_dict(doc.to_dict()) == doc


@pytest.mark.parametrize(
    ("needle", "page"),
    [("MINUTES", 1), ("Present", 1), ("Name | Vote", 2), ("Apologies", 2)],
)
def test_document_page_at_maps_offsets_to_pages(needle: str, page: int) -> None:
    doc = _two_page_document()
    offset = doc.text.index(needle)
    assert doc.page_at(offset) == page
    assert doc.page_at(offset + len(needle) - 1) == page


def test_document_page_offsets_start_each_page() -> None:
    doc = _two_page_document()
    for page, offset in zip(doc.pages, doc.page_offsets):
        assert doc.text[offset : offset + len(page.text)] == page.text


def test_document_page_at_needs_pages() -> None:
    with pytest.raises(ValueError):
        Document(path=None, format="txt", pages=()).page_at(0)


@given(st.lists(st.text(alphabet="ab \n", max_size=30), min_size=1, max_size=5))
def test_document_page_at_agrees_with_page_text(page_texts: list[str]) -> None:
    doc = Document.from_text("\f".join(page_texts))
    for page, offset in zip(doc.pages, doc.page_offsets):
        if page.text:
            assert doc.page_at(offset) == page.number
            assert doc.page_at(offset + len(page.text) - 1) == page.number


def test_document_n_words_counts_every_line() -> None:
    assert _two_page_document().n_words == 9
