"""The plain-text/Markdown reader and the Markdown cleaner."""
from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from minutes_nlp.readers import read, read_bytes
from minutes_nlp.readers.document import Document
from minutes_nlp.readers.markdown import (
    TextLine,
    clean_inline,
    find_page_separators,
    markdown_to_text,
    parse_markdown,
    unescape_markdown,
)
from minutes_nlp.readers.settings import ReaderSettings
from minutes_nlp.readers.text import drop_running_lines, looks_like_markdown, read_text, split_front_matter

DATA = Path(__file__).resolve().parents[1] / "data" / "text"


def _read(text: str, name: str = "minutes.md", **settings: bool) -> Document:
    return read_text(text.encode("utf-8"), path=Path(name), settings=ReaderSettings(**settings))


def _kinds(doc: Document) -> list[tuple[str, int, str]]:
    return [(line.kind, line.level, line.text) for line in doc.lines()]


# --- the township fixture: front matter, escapes, headings, table, lists -------------------


@pytest.fixture(scope="module")
def township() -> Document:
    return read(DATA / "township_minutes.md")


def test_text_front_matter_dropped_and_kept_in_metadata(township: Document) -> None:
    assert township.format == "txt"
    assert township.metadata["title"] == "Minutes (June, 2022)"
    assert township.metadata["date"] == "2022-06-20"
    assert township.metadata["front_matter"]["tags"] == ["Roads", "Budget"]
    assert "sidebar" not in township.text and "---" not in township.text


def test_text_markdown_escapes_undone(township: Document) -> None:
    assert "$1,250.00 for checks #4101 through #4110" in township.text
    assert "3-0" in township.text
    assert "\\" not in township.text


@pytest.mark.parametrize(
    ("kind", "level", "text"),
    [
        ("heading", 1, "Town of Example Falls"),
        ("heading", 2, "CALL TO ORDER"),
        ("heading", 2, "CLAIMS"),
        ("table_row", 0, "Payee | Amount"),
        ("table_row", 0, "Gravel Supply | $800.00"),
        ("list_item", 1, "1. Road grading on Birch Lane"),
        ("list_item", 2, "a. Quote from two contractors"),
        ("list_item", 1, "Next meeting July 18, 2022"),
        ("list_item", 1, "See the agenda"),
        ("body", 0, "Meeting adjourned at 8:05 pm."),
    ],
)
def test_text_markdown_lines_classified(township: Document, kind: str, level: int, text: str) -> None:
    assert (kind, level, text) in _kinds(township)


def test_text_markdown_table_cells(township: Document) -> None:
    rows = [line for line in township.lines() if line.kind == "table_row"]
    assert [row.cells for row in rows] == [("Payee", "Amount"), ("Gravel Supply", "$800.00"), ("Total", "$1,250.00")]


def test_text_markdown_syntax_removed(township: Document) -> None:
    text = township.text
    for leftover in ("**", "](", "![", "<!--", "draft note", "logo", "|---", "#"):
        assert leftover not in text.replace("#4101", "").replace("#4110", "")
    lines = {line.text: line for line in township.lines()}
    assert lines["Meeting adjourned at 8:05 pm."].bold
    assert not lines["TRANSFER from savings to checking of $1,250.00 for checks #4101 through #4110."].bold


def test_text_paragraph_breaks_after_blank_lines_and_blocks(township: Document) -> None:
    lines = {line.text: line for line in township.lines()}
    assert not lines["Town of Example Falls"].para_break  # first line of the document
    assert lines["Monthly Meeting"].para_break  # after a heading
    assert not lines["June 20, 2022"].para_break  # same paragraph
    assert lines["Motion by Supervisor Ortiz, second by Supervisor Lund. Motion carried 3-0."].para_break


# --- the PDF-extract fixture: source link, --- page separators, page numbers --------------


@pytest.fixture(scope="module")
def extract() -> Document:
    return read(DATA / "pdf_extract.md")


def test_text_source_link_line_dropped(extract: Document) -> None:
    assert extract.metadata["source_url"] == "https://example.org/minutes/2023-05-08.pdf"
    assert "Original file" not in extract.text


def test_text_dash_separators_are_pages(extract: Document) -> None:
    assert [page.number for page in extract.pages] == [1, 2, 3]
    assert extract.pages[0].lines[0].text.startswith("MINUTES OF PROCEEDINGS")
    assert extract.pages[1].lines[0].text == "2."  # the page number "2" above it is gone
    assert extract.pages[2].lines[-1].text == "Signed: ____________________"
    assert not any(line.text in {"---", "2", "3"} for line in extract.lines())


def test_text_double_spaced_extract_rejoins_paragraphs(extract: Document) -> None:
    page = extract.pages[1].text
    assert (
        "Circulated, copy of Statutory Notice dated 3rd April, 2023, concerning the disposal of a\n"
        "plot of land at Mill Road" in page
    )
    assert "in the Notice.\n\nProposed by Councillor Nolan;" in page


def test_text_running_lines_kept_when_setting_off() -> None:
    data = (DATA / "pdf_extract.md").read_bytes()
    doc = read_bytes(data, path="pdf_extract.md", settings={"drop_running_headers": False})
    assert doc.pages[1].lines[0].text == "2"


# --- pages, headers and footers in plain text -------------------------------------------


_TOPICS = ["allotments", "parking", "library", "drainage", "grants", "footpaths", "lighting", "housing",
           "markets", "cemetery", "planning", "waste"]  # fmt: skip


def _body(page: int, n: int = 5) -> list[str]:
    """Distinct body lines for a page, as real pages have."""
    return [f"The committee discussed {_TOPICS[(page * n + k) % len(_TOPICS)]} (case {page * 10 + k})."
            for k in range(n)]  # fmt: skip


def _paged_text(n_pages: int, header: str, footer: str) -> str:
    pages = []
    for number in range(1, n_pages + 1):
        body = "\n".join(_body(number))
        pages.append(f"{header}\n\n{body}\n\n{footer.format(n=number, total=n_pages)}")
    return "\f".join(pages)


@pytest.mark.parametrize(
    ("header", "footer"),
    [
        ("EXAMPLE BOROUGH COUNCIL - PLANNING COMMITTEE", "Page {n} of {total}"),
        ("Planning Committee, 14 March 2024", "{n}"),
        ("Minutes", "- {n} -"),
        ("Planning Committee 14.03.2024", "{n} | Page"),
    ],
)
def test_text_form_feeds_pages_and_running_lines_dropped(header: str, footer: str) -> None:
    doc = _read(_paged_text(6, header, footer), name="minutes.txt")
    assert len(doc.pages) == 6
    texts = [line.text for line in doc.lines()]
    assert header not in texts
    assert not any(re.fullmatch(r"(Page )?\W*\d+\W*( of 6)?( \| Page)?", text) for text in texts)
    assert [[line.text for line in page.lines] for page in doc.pages] == [_body(n) for n in range(1, 7)]
    assert doc.metadata["running_lines_dropped"] == 12


def _pages(*edges: tuple[str, str]) -> list[list[TextLine]]:
    return [[TextLine(top), *(TextLine(text) for text in _body(n)), TextLine(bottom)] for n, (top, bottom) in enumerate(edges)]


def test_text_running_header_with_page_number_inside() -> None:
    pages = _pages(*((f"Council minutes, 3 May 2024 - page {n}", f"Signed {c}") for n, c in enumerate("ABCDEF", 1)))
    kept, dropped = drop_running_lines(pages)
    assert dropped == 6
    assert [page[0].text for page in kept] == [_body(n)[0] for n in range(6)]


def test_text_repeated_content_on_few_pages_is_kept() -> None:
    pages = _pages(*((f"Item {3 * n + 7}", "And Resolved:" if n in (2, 5, 7) else f"Noted: {_TOPICS[n]}") for n in range(10)))
    kept, dropped = drop_running_lines(pages)
    assert dropped == 0 and kept == pages


def test_text_numbers_that_are_not_page_numbers_are_kept() -> None:
    pages = _pages(*((str(value), f"Total {value}") for value in (120, 75, 990, 13)))
    kept, dropped = drop_running_lines(pages)
    assert dropped == 0


def test_text_hyphenation_is_not_joined() -> None:
    doc = _read("The commit-\ntee agreed.", name="notes.txt")
    assert [line.text for line in doc.lines()] == ["The commit-", "tee agreed."]


def test_text_crlf_and_cr_normalised() -> None:
    doc = read_text(b"MINUTES\r\n\r\nPresent:\rCllr Cooper\r\n", path=None, settings=ReaderSettings())
    assert [line.text for line in doc.lines()] == ["MINUTES", "Present:", "Cllr Cooper"]
    assert doc.pages[0].lines[1].para_break and not doc.pages[0].lines[2].para_break


def test_text_plain_file_is_not_read_as_markdown() -> None:
    doc = _read("MINUTES\n\n# 5 bags of gravel at *cost* of 3__4\n- Cllr Cooper", name="minutes.txt")
    assert doc.metadata["markup"] == "plain"
    assert "# 5 bags of gravel at *cost* of 3__4" in doc.text


def test_text_empty_document_has_one_empty_page() -> None:
    doc = _read("---\ntitle: Nothing\n---\n")
    assert len(doc.pages) == 1 and doc.pages[0].lines == ()


# --- the cleaner -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("source", "expected", "bold"),
    [
        (r"Cost \$300 for check \#8128", "Cost $300 for check #8128", False),
        (r"1\. Minutes \*approved\* \_draft\_", "1. Minutes *approved* _draft_", False),
        ("**Resolved:**", "Resolved:", True),
        ("__Derelict Disposals__", "Derelict Disposals", True),
        ("***“**That, the plan be adopted***", "“That, the plan be adopted", True),
        ("**Item 4** and **Item 5**", "Item 4 and Item 5", False),
        ("see [the report](https://x.org/r.pdf \"Report\") now", "see the report now", False),
        ("![map](map.png) Site plan", "Site plan", False),
        ("<https://example.org/minutes>", "https://example.org/minutes", False),
        ("`code` and ~~struck~~ text", "code and struck text", False),
        ("snake_case_name stays", "snake_case_name stays", False),
        ("Signed: ______", "Signed: ______", False),
        ("5 * 3 = 15", "5 * 3 = 15", False),
    ],
)
def test_text_clean_inline(source: str, expected: str, bold: bool) -> None:
    assert clean_inline(source) == (expected, bold)


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("Title\n=====\nBody", [("heading", 1, "Title"), ("body", 0, "Body")]),
        ("Roads\n-----\nBody", [("heading", 2, "Roads"), ("body", 0, "Body")]),
        ("Text\n\n---\n\nMore", [("body", 0, "Text"), ("body", 0, "More")]),
        ("### Item 3 ###", [("heading", 3, "Item 3")]),
        ("#hashtag", [("body", 0, "#hashtag")]),
        ("> quoted **text**", [("body", 0, "quoted text")]),
        ("```\n**kept** as is\n```", [("body", 0, "**kept** as is")]),
        ("Name | Vote\n--- | ---\nAhmed | For", [("table_row", 0, "Name | Vote"), ("table_row", 0, "Ahmed | For")]),
        ("- a\n    - b\n- c", [("list_item", 1, "a"), ("list_item", 2, "b"), ("list_item", 1, "c")]),
        ("in 2024.\n2025. More", [("body", 0, "in 2024."), ("body", 0, "2025. More")]),
        ("A<br>B", [("body", 0, "A"), ("body", 0, "B")]),
        ("[ref]: https://x.org\nText", [("body", 0, "Text")]),
    ],
)
def test_text_parse_markdown_blocks(source: str, expected: list[tuple[str, int, str]]) -> None:
    blocks, _ = parse_markdown(source)
    assert [(b.kind, b.level, b.text) for b in blocks if isinstance(b, TextLine)] == expected


def test_text_source_link_needs_source_words() -> None:
    _, info = parse_markdown("[Town of North Star](https://example.org)\n\nText")
    assert info == {}
    blocks, info = parse_markdown("[Download PDF](https://example.org/m.pdf)\n\nText")
    assert info == {"source_url": "https://example.org/m.pdf"} and len(blocks) == 1


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("---\ntitle: \"Minutes\"\ndate: 2021-01-19\n---\nBody", {"title": "Minutes", "date": "2021-01-19"}),
        ("+++\ntitle = \"Minutes\"\ntags = [\"a\", \"b\"]\n+++\nBody", {"title": "Minutes", "tags": ["a", "b"]}),
        ("---\nThis is prose, not front matter\n---\nBody", {}),
        ("Body\n---\ntitle: x\n---", {}),
    ],
)
def test_text_split_front_matter(source: str, expected: dict) -> None:
    data, rest = split_front_matter(source)
    assert data == expected
    assert rest.endswith("Body") if expected else rest == source


def test_text_setext_underlines_are_not_page_separators() -> None:
    section = ["Some paragraph text of a long section."] * 9
    lines = ["Roads", "-----", *section, "", "Budget", "------", *section, "", "Waste", "-----", *section]
    assert find_page_separators(lines) == set()


@pytest.mark.parametrize(
    ("text", "suffix", "expected"),
    [
        ("plain words", ".md", True),
        ("## Heading\nSee [x](y.pdf)", "", True),
        ("## Heading\nSee [x](y.pdf)", ".txt", False),
        ("---\ntitle: x\n---\n# Minutes\nCost \\$5 [a](b)", ".txt", True),
        ("MINUTES\nPresent: Cllr Cooper - Chair", "", False),
    ],
)
def test_text_looks_like_markdown(text: str, suffix: str, expected: bool) -> None:
    assert looks_like_markdown(text, suffix) is expected


# --- properties ----------------------------------------------------------------------

_WORD = st.from_regex(r"[A-Za-z0-9]{1,8}", fullmatch=True)
_PUNCT = st.sampled_from(list(".,;:!?'\"-()$%&/") + [r"\$", r"\*", r"\_", r"\#", r"\.", "*", "_", "**", "#"])
_BREAK = st.sampled_from([" ", " ", " ", "\n", "\n\n", "\n\n\n", "\n  ", "\n# ", "\n- ", "\n1. ", "\n---\n"])


@st.composite
def _markdownish(draw: st.DrawFn) -> str:
    pieces = [draw(_WORD)]
    for _ in range(draw(st.integers(0, 40))):
        choice = draw(st.integers(0, 3))
        if choice == 0:
            pieces.append(draw(_PUNCT))
        elif choice == 1:
            pieces.append(draw(_BREAK))
        pieces.append(draw(_WORD) if choice != 2 else " " + draw(_WORD))
    return "".join(pieces)


@given(_markdownish())
def test_text_cleaner_loses_no_words(source: str) -> None:
    words_in = re.findall(r"[A-Za-z0-9]+", unescape_markdown(source))
    words_out = re.findall(r"[A-Za-z0-9]+", markdown_to_text(source))
    assert words_out == words_in


@given(_markdownish())
def test_text_reader_loses_no_words(source: str) -> None:
    doc = _read(source, drop_running_headers=False)
    words_in = re.findall(r"[A-Za-z0-9]+", unescape_markdown(source))
    assert re.findall(r"[A-Za-z0-9]+", doc.text) == words_in
    assert all(line.text and line.text == line.text.strip() for line in doc.lines())
