"""The DOCX reader, on documents built here with python-docx."""
from __future__ import annotations

import io
from pathlib import Path

import docx
import pytest
from docx.enum.section import WD_SECTION
from docx.enum.text import WD_BREAK
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Pt

from minutes_nlp.errors import ReaderError
from minutes_nlp.readers import read_bytes
from minutes_nlp.readers.document import Document
from minutes_nlp.readers.docx import read_docx
from minutes_nlp.readers.settings import ReaderSettings


def _save(document: docx.document.Document) -> bytes:
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _read(document: docx.document.Document) -> Document:
    return read_docx(_save(document), path=Path("minutes.docx"), settings=ReaderSettings())


def _add_numbering(document: docx.document.Document, levels: list[tuple[str, str]], *, abstract_id: int = 90) -> None:
    """Add an abstract list (one ``(numFmt, lvlText)`` per level) and a num with the same id."""
    lvls = "".join(
        f'<w:lvl w:ilvl="{i}"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/><w:lvlText w:val="{text}"/></w:lvl>'
        for i, (fmt, text) in enumerate(levels)
    )
    numbering = document.part.numbering_part.element
    abstract = parse_xml(f'<w:abstractNum {nsdecls("w")} w:abstractNumId="{abstract_id}">{lvls}</w:abstractNum>')
    first_num = numbering.find(qn("w:num"))
    if first_num is not None:
        first_num.addprevious(abstract)  # abstractNum elements come before num elements
    else:
        numbering.append(abstract)
    _add_num(document, abstract_id, abstract_id)


def _add_num(document: docx.document.Document, num_id: int, abstract_id: int, restart_at: int | None = None) -> None:
    override = (
        f'<w:lvlOverride w:ilvl="0"><w:startOverride w:val="{restart_at}"/></w:lvlOverride>' if restart_at else ""
    )
    document.part.numbering_part.element.append(
        parse_xml(f'<w:num {nsdecls("w")} w:numId="{num_id}"><w:abstractNumId w:val="{abstract_id}"/>{override}</w:num>')
    )


def _numbered(document: docx.document.Document, text: str, num_id: int, ilvl: int = 0) -> None:
    paragraph = document.add_paragraph(text)
    paragraph._p.get_or_add_pPr().append(
        parse_xml(f'<w:numPr {nsdecls("w")}><w:ilvl w:val="{ilvl}"/><w:numId w:val="{num_id}"/></w:numPr>')
    )


@pytest.fixture(scope="module")
def minutes() -> Document:
    document = docx.Document()
    section = document.sections[0]
    section.header.paragraphs[0].text = "EXAMPLE PARISH COUNCIL - RUNNING HEADER"
    section.footer.paragraphs[0].text = "Chair's initials ______ footer"
    document.core_properties.title = "Parish Council minutes"
    document.add_heading("Minutes of the Parish Council", level=0)
    document.add_heading("Apologies", level=1)
    document.add_paragraph("Apologies were received from Cllr Ahmed.")
    document.add_paragraph("First numbered item", style="List Number")
    document.add_paragraph("Second numbered item", style="List Number")
    document.add_paragraph("A bullet point", style="List Bullet")
    bold = document.add_paragraph()
    run = bold.add_run("RESOLVED that the plan be approved.")
    run.bold, run.font.size = True, Pt(14)
    mixed = document.add_paragraph()
    mixed.add_run("Partly ").bold = True
    mixed.add_run("bold")
    table = document.add_table(rows=3, cols=3)
    for cell, text in zip(table.rows[0].cells, ("Name", "Vote", "Note")):
        cell.text = text
    table.cell(1, 0).text, table.cell(1, 1).text = "Cllr Ahmed", "For"
    merged = table.cell(2, 0).merge(table.cell(2, 1))
    merged.text = "Cllr Brown (absent)"
    table.cell(2, 2).text = "-"
    document.add_paragraph("Text after the table.")
    document.add_page_break()
    document.add_heading("Planning", level=2)
    split = document.add_paragraph("Before the break")
    split.add_run().add_break(WD_BREAK.PAGE)
    split.add_run("after the break")
    lines = document.add_paragraph("line one")
    lines.add_run().add_break()
    lines.add_run("line two")
    return _read(document)


def test_docx_body_text_in_order(minutes: Document) -> None:
    assert [line.text for line in minutes.lines()] == [
        "Minutes of the Parish Council",
        "Apologies",
        "Apologies were received from Cllr Ahmed.",
        "1. First numbered item",
        "2. Second numbered item",
        "A bullet point",
        "RESOLVED that the plan be approved.",
        "Partly bold",
        "Name | Vote | Note",
        "Cllr Ahmed | For",
        "Cllr Brown (absent) | -",
        "Text after the table.",
        "Planning",
        "Before the break",
        "after the break",
        "line one",
        "line two",
    ]


@pytest.mark.parametrize(
    ("text", "kind", "level"),
    [
        ("Minutes of the Parish Council", "heading", 1),
        ("Apologies", "heading", 1),
        ("Planning", "heading", 2),
        ("1. First numbered item", "list_item", 1),
        ("A bullet point", "list_item", 1),
        ("Apologies were received from Cllr Ahmed.", "body", 0),
        ("Cllr Ahmed | For", "table_row", 0),
    ],
)
def test_docx_line_kinds(minutes: Document, text: str, kind: str, level: int) -> None:
    line = next(line for line in minutes.lines() if line.text == text)
    assert (line.kind, line.level) == (kind, level)


def test_docx_table_cells_and_merged_cells_once(minutes: Document) -> None:
    rows = [line.cells for line in minutes.lines() if line.kind == "table_row"]
    assert rows == [("Name", "Vote", "Note"), ("Cllr Ahmed", "For", ""), ("Cllr Brown (absent)", "-")]


def test_docx_bold_and_font_size(minutes: Document) -> None:
    lines = {line.text: line for line in minutes.lines()}
    assert lines["RESOLVED that the plan be approved."].bold
    assert lines["RESOLVED that the plan be approved."].font_size == 14.0
    assert not lines["Partly bold"].bold
    assert not lines["Apologies were received from Cllr Ahmed."].bold
    assert all(line.bbox is None for line in minutes.lines())


def test_docx_page_breaks_start_pages(minutes: Document) -> None:
    pages = {line.text: line.page_no for line in minutes.lines()}
    assert pages["Text after the table."] == 1
    assert pages["Planning"] == pages["Before the break"] == 2
    assert pages["after the break"] == pages["line two"] == 3
    assert len(minutes.pages) == 3


def test_docx_paragraph_breaks(minutes: Document) -> None:
    lines = {line.text: line for line in minutes.lines()}
    assert not lines["Minutes of the Parish Council"].para_break
    assert lines["Apologies"].para_break and lines["Name | Vote | Note"].para_break
    assert not lines["Cllr Ahmed | For"].para_break
    assert not lines["line two"].para_break and not lines["after the break"].para_break


def test_docx_headers_and_footers_only_in_metadata(minutes: Document) -> None:
    assert "RUNNING HEADER" not in minutes.text and "footer" not in minutes.text
    assert minutes.metadata["headers"] == ["EXAMPLE PARISH COUNCIL - RUNNING HEADER"]
    assert minutes.metadata["footers"] == ["Chair's initials ______ footer"]
    assert minutes.metadata["title"] == "Parish Council minutes"
    assert minutes.format == "docx" and len(minutes.sha256) == 64


@pytest.mark.parametrize(
    ("levels", "expected"),
    [
        ([("decimal", "%1."), ("lowerLetter", "(%2)")], ["1. Apologies", "2. Minutes", "(a) Accuracy", "(b) Matters arising", "3. Planning", "(a) New application"]),
        ([("decimal", "%1."), ("decimal", "%1.%2")], ["1. Apologies", "2. Minutes", "2.1 Accuracy", "2.2 Matters arising", "3. Planning", "3.1 New application"]),
        ([("upperRoman", "%1."), ("lowerRoman", "%2)")], ["I. Apologies", "II. Minutes", "i) Accuracy", "ii) Matters arising", "III. Planning", "i) New application"]),
        ([("decimal", "Item %1:"), ("bullet", "•")], ["Item 1: Apologies", "Item 2: Minutes", "Accuracy", "Matters arising", "Item 3: Planning", "New application"]),
    ],
)  # fmt: skip
def test_docx_numbering_reconstructed(levels: list[tuple[str, str]], expected: list[str]) -> None:
    document = docx.Document()
    _add_numbering(document, levels)
    for text, ilvl in [("Apologies", 0), ("Minutes", 0), ("Accuracy", 1), ("Matters arising", 1),
                       ("Planning", 0), ("New application", 1)]:  # fmt: skip
        _numbered(document, text, 90, ilvl)
    doc = _read(document)
    assert [line.text for line in doc.lines()] == expected
    assert [line.level for line in doc.lines()] == [1, 1, 2, 2, 1, 2]
    assert all(line.kind == "list_item" for line in doc.lines())


def test_docx_numbering_continues_across_nums_and_restarts_on_override() -> None:
    document = docx.Document()
    _add_numbering(document, [("decimal", "%1.")])
    _add_num(document, 91, 90)  # same list, no override: numbering continues
    _add_num(document, 92, 90, restart_at=1)  # a restart
    for text, num_id in [("One", 90), ("Two", 90), ("Three", 91), ("Again", 92), ("Next", 92)]:
        _numbered(document, text, num_id)
    assert [line.text for line in _read(document).lines()] == ["1. One", "2. Two", "3. Three", "1. Again", "2. Next"]


def test_docx_numbered_heading_keeps_its_number() -> None:
    document = docx.Document()
    _add_numbering(document, [("decimal", "%1.")])
    for title in ("Apologies", "Declarations of interest"):
        heading = document.add_heading(title, level=1)
        heading._p.get_or_add_pPr().append(
            parse_xml(f'<w:numPr {nsdecls("w")}><w:ilvl w:val="0"/><w:numId w:val="90"/></w:numPr>')
        )
    lines = list(_read(document).lines())
    assert [(line.kind, line.level, line.text) for line in lines] == [
        ("heading", 1, "1. Apologies"),
        ("heading", 1, "2. Declarations of interest"),
    ]


def test_docx_one_column_table_is_read_as_paragraphs() -> None:
    document = docx.Document()
    box = document.add_table(rows=1, cols=1).cell(0, 0)
    box.text = "Boxed notice"
    box.add_paragraph("Second paragraph in the box")
    assert [(line.kind, line.text) for line in _read(document).lines()] == [
        ("body", "Boxed notice"),
        ("body", "Second paragraph in the box"),
    ]


def test_docx_vertically_merged_cell_once() -> None:
    document = docx.Document()
    table = document.add_table(rows=2, cols=2)
    table.cell(0, 0).merge(table.cell(1, 0)).text = "Item 5"
    table.cell(0, 1).text, table.cell(1, 1).text = "Moved: Cllr Ahmed", "Seconded: Cllr Brown"
    rows = [line.cells for line in _read(document).lines()]
    assert rows == [("Item 5", "Moved: Cllr Ahmed"), ("", "Seconded: Cllr Brown")]


def test_docx_section_break_starts_a_page() -> None:
    document = docx.Document()
    document.add_paragraph("Part one")
    document.add_section(WD_SECTION.NEW_PAGE)
    document.add_paragraph("Part two")
    document.add_section(WD_SECTION.CONTINUOUS)
    document.add_paragraph("Still part two")
    assert [(line.page_no, line.text) for line in _read(document).lines()] == [
        (1, "Part one"),
        (2, "Part two"),
        (2, "Still part two"),
    ]


def test_docx_last_rendered_page_break_ignored() -> None:
    document = docx.Document()
    paragraph = document.add_paragraph("Before")
    paragraph.runs[0]._r.append(parse_xml(f'<w:lastRenderedPageBreak {nsdecls("w")}/>'))
    paragraph.add_run(" after")
    doc = _read(document)
    assert len(doc.pages) == 1 and doc.text == "Before after"


def test_docx_hyperlink_and_tracked_changes() -> None:
    document = docx.Document()
    paragraph = document.add_paragraph("See ")
    paragraph._p.append(
        parse_xml(
            f'<w:hyperlink {nsdecls("w", "r")} r:id="rId99"><w:r><w:t>the agenda</w:t></w:r></w:hyperlink>'
        )
    )
    paragraph._p.append(parse_xml(f'<w:ins {nsdecls("w")} w:id="1" w:author="a"><w:r><w:t xml:space="preserve"> now</w:t></w:r></w:ins>'))
    paragraph._p.append(parse_xml(f'<w:del {nsdecls("w")} w:id="2" w:author="a"><w:r><w:delText> deleted</w:delText></w:r></w:del>'))
    assert _read(document).text == "See the agenda now"


def test_docx_through_read_bytes_without_extension() -> None:
    document = docx.Document()
    document.add_paragraph("RESOLVED that the minutes be approved.")
    doc = read_bytes(_save(document), path="downloads/item-7")
    assert doc.format == "docx" and doc.text == "RESOLVED that the minutes be approved."


@pytest.mark.parametrize("cut", [0.5, 0.1])
def test_docx_corrupt_file_names_the_file(cut: float) -> None:
    document = docx.Document()
    document.add_paragraph("Minutes")
    data = _save(document)
    with pytest.raises(ReaderError, match="damaged or incomplete") as excinfo:
        read_docx(data[: int(len(data) * cut)], path=Path("archive/minutes.docx"), settings=ReaderSettings())
    assert str(Path("archive/minutes.docx")) in str(excinfo.value)


def test_docx_text_box_read_once_after_its_paragraph() -> None:
    document = docx.Document()
    anchor = document.add_paragraph("Anchor paragraph")
    box = '<w:txbxContent><w:p><w:r><w:t>Boxed text</w:t></w:r></w:p></w:txbxContent>'
    anchor._p.append(
        parse_xml(
            f'<w:r {nsdecls("w")} xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006">'
            f"<mc:AlternateContent><mc:Choice Requires=\"wps\"><w:drawing>{box}</w:drawing></mc:Choice>"
            f"<mc:Fallback><w:pict>{box}</w:pict></mc:Fallback></mc:AlternateContent></w:r>"
        )
    )
    document.add_paragraph("Next paragraph")
    assert [line.text for line in _read(document).lines()] == ["Anchor paragraph", "Boxed text", "Next paragraph"]


def test_docx_content_control_blocks_are_read() -> None:
    document = docx.Document()
    document.add_paragraph("Before")
    document.element.body.insert(
        1,
        parse_xml(
            f'<w:sdt {nsdecls("w")}><w:sdtContent><w:p><w:r><w:t>Inside a control</w:t></w:r></w:p>'
            "</w:sdtContent></w:sdt>"
        ),
    )
    assert [line.text for line in _read(document).lines()] == ["Before", "Inside a control"]
