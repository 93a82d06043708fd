"""The PDF reader on PDFs built by tests/readers/pdf_factory.py, on both backends."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from minutes_nlp.errors import EncryptedPdfError, ReaderError
from minutes_nlp.readers import Document, read, read_bytes
from minutes_nlp.readers.pdf import read_pdf
from tests.readers.pdf_factory import (
    LEFT,
    Text,
    columns_pdf,
    encrypted_pdf,
    lines_pdf,
    minutes_paragraphs,
    minutes_pdf,
    paragraph_lines,
    table_pdf,
)

BACKENDS = ["pypdfium2", "pdfplumber"]


@pytest.fixture(params=BACKENDS)
def backend(request: pytest.FixtureRequest) -> str:
    return request.param


def _read(data: bytes, backend: str, **settings) -> Document:
    return read_pdf(data, path=Path("test.pdf"), settings={"backend": backend, **settings})


def _flat(doc: Document) -> str:
    """All lines joined by single spaces (reading order, no layout)."""
    return " ".join(line.text for line in doc.lines())


def _paragraphs(n: int) -> list[str]:
    return [
        f"Paragraph {k} opens the story of item {k} and then it goes on for long enough "
        f"to need several lines in a narrow newspaper column, ending with marker {k}."
        for k in range(1, n + 1)
    ]


# --- reading order -----------------------------------------------------------------


def test_pdf_single_column_reading_order(backend: str) -> None:
    doc = _read(minutes_pdf(2, header=None, footer=None), backend)
    text = _flat(doc)
    positions = [text.index(p[:40]) for page in (1, 2) for p in minutes_paragraphs(page)]
    assert positions == sorted(positions)
    assert [p.number for p in doc.pages] == [1, 2]
    first = doc.pages[0].lines[0]
    assert first.page_no == 1 and first.bbox is not None
    x0, top, x1, bottom = first.bbox
    assert 60 < x0 < 80 and 60 < top < bottom < 100 and x1 > x0


@pytest.mark.parametrize("n_columns", [2, 3])
@pytest.mark.parametrize("row_major", [False, True], ids=["column-major", "row-major"])
def test_pdf_columns_reading_order(backend: str, n_columns: int, row_major: bool) -> None:
    paragraphs = _paragraphs(3 * n_columns)
    closing = "This closing paragraph spans the full width of the page below all of the columns."
    doc = _read(columns_pdf(n_columns, paragraphs, footer_block=closing, row_major=row_major), backend)
    text = _flat(doc)
    assert text.startswith("The Council Gazette")
    # every paragraph comes out whole (its lines contiguous) and in order
    positions = [text.index(" ".join(p.split())) for p in paragraphs]
    assert positions == sorted(positions)
    assert text.endswith(closing)


# --- running headers, footers, page numbers ----------------------------------------


@pytest.mark.parametrize("footer", ["{page}", "Page {page}", "Page {page} of {pages}", "- {page} -"])
def test_pdf_running_headers_and_page_numbers_removed(backend: str, footer: str) -> None:
    data = minutes_pdf(4, header="Planning Committee 12 March 2024 Minutes", footer=footer)
    doc = _read(data, backend)
    texts = [line.text for line in doc.lines()]
    assert not any("Planning Committee 12 March" in t for t in texts)
    assert not any(re.fullmatch(r"(Page )?-? ?\d+ ?-?( of \d+)?", t) for t in texts)
    for page in range(1, 5):  # the body is all there
        for paragraph in minutes_paragraphs(page):
            assert paragraph[:30] in _flat(doc)


def test_pdf_header_with_varying_page_number_and_date_removed(backend: str) -> None:
    """'4 The Borough Record April 27, 2016'-style headers: number first on even pages."""
    pages = []
    for index in range(4):
        number = index + 3
        header = f"{number} The Borough Record April 27, 2016" if number % 2 == 0 else f"April 27, 2016 The Borough Record {number}"
        body, _ = paragraph_lines(minutes_paragraphs(index + 1), y=110)
        pages.append([Text(LEFT, 50, header, size=8), *body])
    doc = _read(lines_pdf(pages), backend)
    assert "Borough Record" not in _flat(doc)
    assert doc.pages[3].lines[0].text.startswith("4.1 The committee")


def test_pdf_numbers_in_the_body_are_kept(backend: str) -> None:
    pages = []
    for index in range(3):
        body, y = paragraph_lines(minutes_paragraphs(index + 1, count=3), y=110)
        body.append(Text(LEFT, y + 10, "42"))  # a bare number in the body
        body.append(Text(LEFT, 700, f"Votes for: {index + 10}"))
        pages.append(body)
    pages[1].append(Text(LEFT, 740, "17"))  # a stray number low on one page only
    doc = _read(lines_pdf(pages, footer="Page {page}"), backend)
    texts = [line.text for line in doc.lines()]
    assert texts.count("42") == 3
    assert "17" in texts and "Votes for: 11" in texts
    assert not any(re.fullmatch(r"Page \d", t) for t in texts)


# --- hyphenation -----------------------------------------------------------------


def test_pdf_hyphenation_joined_or_kept(backend: str) -> None:
    lines = [
        "Councillors present: Britt, Cimper-",
        "man, Cintron and Mr D Crow-",
        "Brown. The cross-",
        "party group met in 2025-",
        "26 to discuss the appro-",
        "priation. Mr Cimperman and the cross-party group agreed.",
    ]
    doc = _read(lines_pdf([[Text(LEFT, 100 + 13 * k, t) for k, t in enumerate(lines)]]), backend)
    text = doc.text
    assert "Cimperman," in text and "Cimper-" not in text
    assert "Crow-Brown." in text
    assert "The cross-party group" in _flat(doc)
    assert "2025-26" in text
    assert "appropriation." in text
    # the word is made whole on the first line; no line is left empty
    assert doc.pages[0].lines[0].text.endswith("Cimperman,")
    assert all(line.text for line in doc.lines())


def test_pdf_hyphenation_can_be_switched_off(backend: str) -> None:
    lines = ["The meeting discussed the appro-", "priation of funds."]
    doc = _read(lines_pdf([[Text(LEFT, 100 + 13 * k, t) for k, t in enumerate(lines)]]), backend, join_hyphens=False)
    assert doc.pages[0].lines[0].text == "The meeting discussed the appro-"


# --- pages without text, damaged and encrypted files ---------------------------------


@pytest.mark.parametrize("image", [True, False], ids=["image-only", "blank"])
def test_pdf_page_without_text_layer_warns(backend: str, image: bool) -> None:
    body = [
        [Text(LEFT, 100, "Minutes: the council met in the village hall.")],
        [],
        [Text(LEFT, 100, "Close: the chairman thanked everyone for attending.")],
    ]
    images = {1: (72, 72, 400, 500)} if image else None
    doc = _read(lines_pdf(body, images=images), backend)
    assert len(doc.pages) == 3 and doc.pages[1].lines == ()
    assert len(doc.warnings) == 1
    warning = doc.warnings[0]
    assert warning.startswith("page 2: no text layer") and "OCR is needed" in warning
    assert "village hall" in doc.pages[0].text and "thanked everyone" in doc.pages[2].text


def test_pdf_encrypted_raises(backend: str) -> None:
    with pytest.raises(EncryptedPdfError, match=r"secret\.pdf.*password"):
        read_pdf(encrypted_pdf(), path=Path("secret.pdf"), settings={"backend": backend})


@pytest.mark.parametrize("damage", ["truncated", "garbled", "header-only"])
def test_pdf_corrupt_raises_reader_error(backend: str, damage: str) -> None:
    data = minutes_pdf(2)
    if damage == "truncated":
        data = data[: len(data) // 3]
    elif damage == "garbled":
        data = data[:20] + bytes(range(256)) * 40
    else:
        data = b"%PDF-1.7\n"
    with pytest.raises(ReaderError, match=r"broken-minutes\.pdf: .*(damaged|truncated)") as caught:
        read_bytes(data, path=Path("broken-minutes.pdf"), backend=backend)
    assert not isinstance(caught.value, EncryptedPdfError)
    assert caught.value.path == Path("broken-minutes.pdf")


def test_pdf_read_dispatches_to_the_pdf_reader(tmp_path: Path, backend: str) -> None:
    path = tmp_path / "minutes.bin"
    path.write_bytes(minutes_pdf(1))
    doc = read(path, backend=backend)
    assert doc.format == "pdf" and doc.path == path and len(doc.sha256) == 64
    assert doc.metadata["backend"] == backend and doc.metadata["page_count"] == 1


# --- margin notes, tables, headings --------------------------------------------------


def test_pdf_margin_note_kept_apart(backend: str) -> None:
    body = [
        "The Clerk reported that the footpath on Church Lane",
        "had been repaired and that the streetlight outside",
        "the village hall was still not working. It was",
        "agreed to chase the county council again.",
        "The chairman thanked the volunteers for the litter pick",
        "held in April and asked for a date in the autumn.",
    ]
    items = [Text(LEFT, 100 + 13 * k, t) for k, t in enumerate(body)]
    items += [Text(480, 113, "Clerk"), Text(480, 165, "JS")]
    doc = _read(lines_pdf([items]), backend)
    lines = doc.pages[0].lines
    notes = [line for line in lines if line.kind == "margin_note"]
    assert [n.text for n in notes] == ["Clerk", "JS"]
    assert [line.text for line in lines if line.kind == "body"] == body
    # each note follows the line it sits beside
    texts = [line.text for line in lines]
    assert texts.index("Clerk") == texts.index(body[1]) + 1
    assert texts.index("JS") == texts.index(body[5]) + 1


def test_pdf_ruled_table_kept_as_rows(backend: str) -> None:
    rows = [["Councillor", "For", "Against"], ["Cllr Smith", "12", "3"], ["Cllr Jones", "9", "6"]]
    doc = _read(table_pdf(rows, before="The vote was recorded as follows.", after="The motion was carried."), backend)
    lines = doc.pages[0].lines
    table = [line for line in lines if line.kind == "table_row"]
    assert [list(line.cells) for line in table] == rows
    assert lines[0].text == "The vote was recorded as follows." and lines[-1].text == "The motion was carried."
    assert table[0].para_break


def test_pdf_ruled_tables_can_be_switched_off(backend: str) -> None:
    rows = [["Councillor", "For"], ["Cllr Smith", "12"], ["Cllr Jones", "9"]]
    doc = _read(table_pdf(rows), backend, extract_tables=False)
    assert doc.metadata["tables"] == 0


def test_pdf_headings_bold_or_larger(backend: str) -> None:
    items = [
        Text(LEFT, 80, "Planning Committee", size=16),
        Text(LEFT, 110, "1. Apologies for absence", size=10, style="B"),
    ]
    body, y = paragraph_lines(minutes_paragraphs(1, count=2), y=130)
    items += body + [Text(LEFT, y + 10, "2. Minutes of the last meeting", size=10, style="B")]
    items += paragraph_lines(minutes_paragraphs(2, count=2), y=y + 30)[0]
    doc = _read(lines_pdf([items]), backend)
    lines = doc.pages[0].lines
    headings = [line for line in lines if line.kind == "heading"]
    assert [h.text for h in headings] == ["Planning Committee", "1. Apologies for absence", "2. Minutes of the last meeting"]
    assert headings[0].font_size == pytest.approx(16, abs=0.5) and headings[0].level == 1
    assert headings[1].bold and not lines[2].bold
    assert all(line.kind == "body" for line in lines if line not in headings)
    assert lines[2].para_break and lines[2].font_size == pytest.approx(10, abs=0.5)


def test_pdf_paragraph_breaks_from_gaps(backend: str) -> None:
    doc = _read(minutes_pdf(1, header=None, footer=None, heading=None), backend)
    lines = doc.pages[0].lines
    starts = [line.text.split(" ", 1)[0] for line in lines if line.para_break]
    assert starts == [f"1.{k}" for k in range(1, 9)]


def test_pdf_layout_failure_on_a_page_degrades_with_a_warning(monkeypatch: pytest.MonkeyPatch, backend: str) -> None:
    import minutes_nlp.readers.pdf as pdf_reader

    def broken(page, **kwargs):
        raise RuntimeError("odd page")

    monkeypatch.setattr(pdf_reader, "lay_out", broken)
    doc = _read(minutes_pdf(1, header=None, footer=None), backend)
    assert doc.warnings == ("page 1: the layout could not be worked out; lines are given top to bottom",)
    assert doc.pages[0].lines[0].text == "Minutes of the Planning Committee"


def test_pdf_lines_carry_no_line_breaks_or_markers(backend: str) -> None:
    doc = _read(columns_pdf(3, _paragraphs(6)), backend)
    assert all("\r" not in line.text and "\n" not in line.text and "\ufffe" not in line.text for line in doc.lines())
