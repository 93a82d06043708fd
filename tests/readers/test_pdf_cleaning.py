"""The shared cleaning steps of the PDF reader, on fragments built in code (no PDF needed)."""
from __future__ import annotations

from collections import Counter

import pytest

from minutes_nlp.readers.pdf.columns import reading_blocks
from minutes_nlp.readers.pdf.fragments import Fragment, RawPage
from minutes_nlp.readers.pdf.hyphens import join_hyphens, should_join
from minutes_nlp.readers.pdf.layout import body_font_size, lay_out
from minutes_nlp.readers.pdf.running import page_number_value, remove_running_lines, running_key
from minutes_nlp.readers.pdf.tables import fill_grids, find_grids


def _line(text: str, y: float, x0: float = 72, x1: float = 400, size: float = 10, seq: int = 0) -> Fragment:
    return Fragment(text, x0, y, x1, y + size, size, False, seq)


@pytest.mark.parametrize(
    ("text", "value"),
    [("3", 3), ("Page 3", 3), ("page 3 of 12", 3), ("- 3 -", 3), ("\u2013 12 \u2013", 12), ("3/12", 3), ("[4]", 4),
     ("3 members", None), ("Item 3", None), ("2016", 2016), ("12345", None)],
)
def test_running_page_number_forms(text: str, value: int | None) -> None:
    assert page_number_value(text) == value


def test_running_key_masks_digits_and_spacing() -> None:
    assert running_key("4 The City Record April 27, 2016") == running_key("12  The City Re c o rd April 27, 2016")


def test_running_alternating_headers_and_offset_page_numbers_removed() -> None:
    pages = []
    for number in range(1, 7):
        header = f"{number} The Borough Record" if number % 2 == 0 else f"The Borough Record {number}"
        pages.append(RawPage(number, 600, 800, [
            _line(header, 30),
            _line(f"Body text of page {number} about item {number * 7}.", 100),
            _line(f"A second line, about the {('roads', 'parks', 'rates')[number % 3]}.", 114),
            _line(str(number + 628), 770, 290, 310),  # volume page numbers: offset 628
        ]))
    remove_running_lines(pages)
    assert [[f.text for f in page.fragments][0] for page in pages] == [f"Body text of page {n} about item {n * 7}." for n in range(1, 7)]
    assert all(len(page.fragments) == 2 for page in pages)


def test_running_body_line_repeated_at_the_top_of_columns_is_kept() -> None:
    """A line that starts every page but runs straight into the text is no header."""
    pages = []
    for n in range(1, 5):
        text = [_line(f"Ord. No. {n}00-04.", 60), _line(f"By Council Member {n}.", 72)]
        text += [_line(f"An ordinance about item {n * k}, at normal line spacing.", 84 + 12 * k) for k in range(20)]
        pages.append(RawPage(n, 600, 800, text))
    assert remove_running_lines(pages) == 0


@pytest.mark.parametrize(
    ("head", "tail", "vocabulary", "join"),
    [
        ("Cimper", "man", {}, True),
        ("appro", "priation", {}, True),
        ("Crow", "Brown", {}, False),
        ("ORDI", "NANCES", {}, True),
        ("2025", "26", {}, False),
        ("cross", "party", {"party": 2}, False),
        ("post", "ponement", {}, True),
        ("vice", "chair", {"vice-chair": 1}, False),
        ("co", "operation", {"cooperation": 3, "co-operation": 1}, True),
        ("Brown", "field", {"brownfield": 1}, True),
    ],
)
def test_hyphens_should_join(head: str, tail: str, vocabulary: dict[str, int], join: bool) -> None:
    assert should_join(head, tail, Counter(vocabulary)) is join


def test_hyphens_join_across_pages_and_skip_margin_notes() -> None:
    first = [_line("the committee agreed the appro-", 100), _line("Clerk", 100, 480, 520)]
    first[1].kind = "margin_note"
    second = [_line("priation of funds.", 100)]
    assert join_hyphens([first, second]) == 1
    assert first[0].text == "the committee agreed the appropriation"
    assert second == [] or second[0].text == "of funds."


def test_columns_reading_blocks_full_width_title_then_columns() -> None:
    items = [_line("A title across the whole page", 40, 72, 520, 16)]
    for column, x in enumerate((72, 230, 388)):
        items += [_line(f"col{column} line{k} with enough words in it", 80 + 12 * k, x, x + 140, 9, 100 * column + k) for k in range(6)]
    blocks = reading_blocks(items, size=9)
    order = [it.text for block in blocks for it in block.items]
    assert order[0] == "A title across the whole page"
    assert order[1:] == [f"col{c} line{k} with enough words in it" for c in range(3) for k in range(6)]


def test_columns_table_written_row_by_row_stays_one_block() -> None:
    items = []
    for k in range(6):
        items += [_line(f"Item #{k}", 100 + 10 * k, 72, 110, 8, 3 * k), _line(f"{k * 100}.00", 100 + 10 * k, 480, 520, 8, 3 * k + 1)]
    assert len(reading_blocks(items, size=8)) == 1


def test_layout_table_rows_margin_notes_and_headings() -> None:
    fragments = [_line("Apologies", 60, size=12)]
    fragments[0].bold = True
    for k in range(3):
        fragments += [_line(f"Cllr Name{k}", 90 + 14 * k, 72, 150), _line(("For", "Against", "For")[k], 90 + 14 * k, 300, 340)]
    body = [_line(f"The minute text runs on for a long line number {k} here.", 150 + 14 * k, 72, 420) for k in range(4)]
    note = _line("JS", 164, 480, 500)
    page = RawPage(1, 600, 800, fragments + body + [note])
    lines = lay_out(page, body_size=10)
    assert [line.kind for line in lines][:4] == ["heading", "table_row", "table_row", "table_row"]
    assert lines[1].cells == ("Cllr Name0", "For")
    assert [line.text for line in lines if line.kind == "margin_note"] == ["JS"]


def test_layout_body_font_size_weights_by_text() -> None:
    assert body_font_size([_line("x" * 50, 0, size=9), _line("Big title", 0, size=18)]) == 9


def test_tables_grid_with_a_merged_title_row() -> None:
    ys, xs = (0, 20, 40, 60), (0, 100, 200)
    edges = [(0, y, 200, y) for y in ys] + [(x, 0, x, 60) for x in (0, 200)] + [(100, 20, 100, 60)]
    grids = find_grids(edges, page_height=800)
    assert len(grids) == 1 and [len(row) for row in grids[0].rows] == [1, 2, 2]
    tables = fill_grids(grids, lambda boxes: ["Vote", "A", "1", "B", "2"][: len(boxes)])
    assert tables[0].rows == [("Vote",), ("A", "1"), ("B", "2")]
