"""The HTML reader: blocks to lines, kinds, levels, lists, tables, <br>, bold, whole pages."""
from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from minutes_nlp.errors import ReaderError
from minutes_nlp.readers import Document, read, read_bytes
from minutes_nlp.readers.html import read_html
from minutes_nlp.readers.html_blocks import html_lines, normalize_space
from minutes_nlp.readers.settings import ReaderSettings

DATA = Path(__file__).resolve().parents[1] / "data" / "html"


def texts(doc: Document) -> list[str]:
    return [line.text for line in doc.lines()]


def lines_of(html: str) -> list:
    return list(read_html(html.encode("utf-8")).lines())


def assert_in_order(expected: list[str], got: list[str]) -> None:
    """Every expected line is in ``got``, in this order (other lines may come between)."""
    position = 0
    for text in expected:
        assert text in got[position:], f"{text!r} missing (or out of order) after line {position}"
        position = got.index(text, position) + 1


# --- whole pages --------------------------------------------------------------------------


PARISH_MINUTES = [
    "Parish Council Minutes – March 2019",
    "DRAFT",
    "Minutes of the Meeting of Little Ousebridge Parish Council held in the Village Hall on "
    "Wednesday 13 March 2019 at 7.30pm",
    "Apologies: Cllr M Quayle and County Cllr J Ashdown.",
    "19/031 Declarations of Interest",
    "19/033 Public Participation",
    "A resident raised concerns about speeding on Mill Lane & asked whether a Speed Indicator Device "
    "could be borrowed from the Borough Council. The Clerk will enquire.",
    "1. Potholes on Fen Road have been reported again.",
    "2. The grit bin at Church Close is damaged and needs replacing.",
    "3. Overhanging hedges on the footpath to Fenby St Mary:",
    "north side near the allotments;",
    "Payee | Details | Amount",
    "Mrs L Barnard | Clerk's salary, March | £312.40",
    "RESOLVED that the payments be approved. Proposed Cllr Okafor, seconded Cllr Wrigley; carried unanimously.",
    "The Chairman reported that two quotations had been received.",
    "Quotation A: £4,200 plus VAT",
    "Quotation B: £3,850 plus VAT",
    "The meeting closed at 9.05pm.",
]


def test_html_whole_page_keeps_every_minutes_line_in_order():
    doc = read(DATA / "parish_page.html")
    assert doc.format == "html" and not doc.warnings
    assert_in_order(PARISH_MINUTES, texts(doc))
    assert doc.metadata["title"] == "Parish Council Minutes – March 2019 | Little Ousebridge Village News"
    assert doc.metadata["encoding"] == "utf-8"


@pytest.mark.parametrize(
    "chrome",
    [
        "We use cookies",  # cookie banner
        "Accept all cookies",
        "Skip to content",
        "Little Ousebridge Village News",  # site title in the page header
        "Clubs and Societies",  # main menu
        "Minutes Archive",  # sub-menu
        "Share this:",
        "Related posts",
        "Posted in",  # entry footer
        "Previous post",  # post navigation
        "Leave a Reply",  # comment form
        "Thanks for posting",  # a comment
        "Recent Posts",  # sidebar widgets
        "The Parish Clerk can be contacted",
        "Proudly powered by WordPress",  # site footer
        "Tracking script",  # script
        "font-family",  # style
        "Old menu",  # comment
        "enable JavaScript",  # noscript
    ],
)
def test_html_whole_page_drops_site_chrome(chrome):
    assert chrome not in read(DATA / "parish_page.html").text


def test_html_legacy_table_layout_page_keeps_content_cell():
    doc = read(DATA / "legacy_table_page.html")
    got = texts(doc)
    for menu in ("Home", "Useful Links", "Email the Clerk", "Hambleden Marsh Online"):
        assert menu not in got
    assert "Page last updated" not in doc.text
    assert got[0] == "HAMBLEDEN MARSH PARISH COUNCIL"
    assert_in_order(
        [
            "1. Apologies",
            "Apologies were received from Mr S Venn.",
            "a) Bus shelter – the Clerk had written again to the bus company; no reply yet.",
            "b) Dog bin on Marsh Lane – installed on 20th March at a cost of £87.50.",
            "6. Any other business",
            "Mrs Cadogan reported that the village sign needs repainting. To be placed on next month’s agenda.",
            "Signed ..................... Chairman Date ...........",
        ],
        got,
    )
    by_text = {line.text: line for line in doc.lines()}
    assert by_text["1. Apologies"].bold and by_text["1. Apologies"].para_break
    follow = by_text["Apologies were received from Mr S Venn."]
    assert not follow.bold and not follow.para_break  # after a <br>: same block


def test_html_fragment_reads_every_paragraph():
    doc = read(DATA / "fragment.html")
    got = texts(doc)
    assert len(got) == 7
    assert got[0] == "MINUTES OF THE ANNUAL PARISH MEETING"
    assert "2. The Treasurer reported a closing balance of £8,904 and thanked the auditor." in got
    assert "3. Residents asked about the “Green Lane” footpath;" in doc.text
    assert all(line.kind == "body" for line in doc.lines())
    assert [line.para_break for line in doc.lines()] == [False] + [True] * 6
    assert doc.metadata["title"] is None


def test_html_moderngov_minutes_keeps_item_structure():
    doc = read(DATA / "moderngov_minutes.html")
    got = texts(doc)
    assert_in_order(
        [
            "Minutes",
            "Planning and Licensing Committee - Thursday, 5th September, 2019 6.30 pm",
            "Venue: Council Chamber, Town Hall, Market Square, Harwick",
            "23. Apologies for Absence and Substitutions",
            "Minutes:",
            "Apologies were received from Councillors Beaumont and Ilić. Councillor Dorsey attended as a substitute.",
            "24. Declarations of Interest",
            "25. 19/00877/FUL - Boathouse, Riverside Walk",
            "Erection of a replacement boathouse with changing rooms.",
            "Minutes:",
            "A recorded vote was taken:",
            "Councillor | Vote",
            "Councillor Patel | Against",
            "RESOLVED:",
            "1. That application 19/00877/FUL be approved subject to the conditions in the report.",
            "2. That an additional condition requiring a travel plan for regatta days be added.",
            "Supporting documents:",
            "Boathouse report, item 25. PDF 480 KB",
            "26. Licensing Act 2003 - Review of Fees",
            "RESOLVED: That the schedule of locally set fees at Appendix A be agreed.",
        ],
        got,
    )
    lines = list(doc.lines())
    assert lines[0].kind == "heading" and lines[0].level == 1
    votes = [line for line in lines if line.kind == "table_row"]
    assert votes[0].cells == ("Councillor", "Vote") and votes[0].bold
    assert ("Councillor Whitcombe", "For") in [line.cells for line in votes]
    assert next(line for line in lines if line.text == "RESOLVED:").bold
    for chrome in ("Residents", "Your Council", "Search this site", "Committees", "Accessibility", "Printed minutes"):
        assert chrome not in doc.text


def test_html_moderngov_agenda_item_page():
    doc = read(DATA / "moderngov_item.html")
    got = texts(doc)
    assert got[:2] == ["Agenda item", "Community Grants Scheme"]
    assert_in_order(
        [
            "41 Community Grants Scheme",
            "Minutes:",
            "RESOLVED that the Community Grants Scheme be approved for 2020/21.",
            "Supporting documents:",
            "Community Grants report, item 41. PDF 310 KB",
        ],
        got,
    )
    assert "Contact us" not in got and "Harwick Borough Council" not in got


def test_html_legistar_page_keeps_table_rows():
    doc = read(DATA / "legistar_meeting.html")
    rows = [line for line in doc.lines() if line.kind == "table_row"]
    assert rows[0].cells == ("Meeting Name:", "City Council", "Agenda status:", "Final")
    header = next(row for row in rows if row.cells[0] == "File #")
    assert header.bold and len(header.cells) == 9
    ordinance = next(row for row in rows if row.cells[0] == "Res. 45-16")
    assert ordinance.cells[4] == "A resolution declaring May 2016 as Bicycle Safety Month in the City of Millbrook."
    assert ordinance.cells[-1] == ""  # empty cells keep their column
    assert ordinance.text.endswith("| Pass | Action details")
    assert [row.cells for row in rows[-4:]] == [
        ("Anita Kowalczyk", "Aye"),
        ("Marcus Bell", "Nay"),
        ("Tomás Herrera", "Nay"),
        ("Denise Okonkwo", "Absent"),
    ]
    for chrome in ("Legislation", "Calendar", "People", "Powered by", "Privacy Policy"):
        assert chrome not in texts(doc)


# --- blocks, kinds and levels ------------------------------------------------------------


@pytest.mark.parametrize("level", range(1, 7))
def test_html_headings_have_levels(level):
    (line,) = lines_of(f"<h{level}>Item {level}: Planning</h{level}>")
    assert (line.kind, line.level, line.text) == ("heading", level, f"Item {level}: Planning")


def test_html_aria_heading_is_a_heading():
    (line,) = lines_of('<div role="heading" aria-level="3">Finance</div>')
    assert (line.kind, line.level) == ("heading", 3)


def test_html_br_separates_lines_within_a_block():
    lines = lines_of("<p>Present:<br>Cllr Ng<br/>Cllr Patel</p><p>Apologies: none</p>")
    assert [(line.text, line.para_break) for line in lines] == [
        ("Present:", False),
        ("Cllr Ng", False),
        ("Cllr Patel", False),
        ("Apologies: none", True),
    ]


def test_html_double_br_starts_a_paragraph():
    lines = lines_of("<div>Item one text<br><br>Item two text<br>\n<br>Item three</div>")
    assert [line.para_break for line in lines] == [False, True, True]


def test_html_nested_lists_have_depth_levels():
    lines = lines_of(
        "<ul><li>Highways<ul><li>Fen Road<ol><li>potholes</li></ol></li><li>Mill Lane</li></ul></li>"
        "<li>Finance</li></ul>"
    )
    assert [(line.kind, line.level, line.text) for line in lines] == [
        ("list_item", 1, "Highways"),
        ("list_item", 2, "Fen Road"),
        ("list_item", 3, "1. potholes"),
        ("list_item", 2, "Mill Lane"),
        ("list_item", 1, "Finance"),
    ]


@pytest.mark.parametrize(
    "html, expected",
    [
        ("<ol><li>Apologies</li><li>Minutes</li></ol>", ["1. Apologies", "2. Minutes"]),
        ('<ol start="7"><li>Planning</li><li>Finance</li></ol>', ["7. Planning", "8. Finance"]),
        ('<ol type="a"><li>grit bins</li><li>dog bins</li></ol>', ["a. grit bins", "b. dog bins"]),
        ('<ol type="I"><li>Report</li><li>Debate</li></ol>', ["I. Report", "II. Debate"]),
        ('<ol><li>One</li><li value="10">Ten</li><li>Eleven</li></ol>', ["1. One", "10. Ten", "11. Eleven"]),
        ('<ol reversed><li>Three</li><li>Two</li><li>One</li></ol>', ["3. Three", "2. Two", "1. One"]),
        ('<ol style="list-style-type: lower-roman"><li>x</li><li>y</li></ol>', ["i. x", "ii. y"]),
        ('<ol style="list-style: none"><li>Minute 12/19</li></ol>', ["Minute 12/19"]),
        ("<ol><li>1. Already numbered</li><li>(b) lettered</li></ol>", ["1. Already numbered", "(b) lettered"]),
        ("<ol><li>3 councillors attended</li></ol>", ["1. 3 councillors attended"]),
        ("<ul><li>Bullets carry no number</li></ul>", ["Bullets carry no number"]),
        ("<ol><li></li><li>Second</li></ol>", ["2. Second"]),
    ],
)
def test_html_ordered_list_numbers_are_kept(html, expected):
    assert [line.text for line in lines_of(html)] == expected


def test_html_list_item_paragraphs_stay_list_items():
    lines = lines_of("<ol><li><p>That the report be noted.</p><p>Further detail.</p></li></ol>")
    assert [(line.kind, line.text) for line in lines] == [
        ("list_item", "1. That the report be noted."),
        ("list_item", "Further detail."),
    ]


def test_html_table_rows_keep_cells():
    lines = lines_of(
        "<table><caption>Recorded vote</caption><tr><th>Member</th><th>Vote</th></tr>"
        "<tr><td>Cllr <b>Ng</b></td><td>For</td></tr><tr><td>Cllr Patel<br>(Chair)</td><td></td></tr>"
        "<tr><td> </td><td>&nbsp;</td></tr></table>"
    )
    assert [(line.kind, line.text, line.cells) for line in lines] == [
        ("body", "Recorded vote", None),
        ("table_row", "Member | Vote", ("Member", "Vote")),
        ("table_row", "Cllr Ng | For", ("Cllr Ng", "For")),
        ("table_row", "Cllr Patel (Chair)", ("Cllr Patel (Chair)", "")),
    ]
    assert [line.bold for line in lines] == [False, True, False, False]


def test_html_layout_table_reads_cells_as_blocks():
    lines = lines_of(
        "<table><tr><td>5.</td><td><p>Planning applications</p><p>Minutes:</p><p>The committee agreed.</p></td></tr>"
        "<tr><td>6.</td><td><p>Finance</p><p>Noted.</p></td></tr></table>"
    )
    assert [line.text for line in lines] == [
        "5. Planning applications", "Minutes:", "The committee agreed.", "6. Finance", "Noted.",
    ]
    assert all(line.kind == "body" for line in lines)


@pytest.mark.parametrize(
    "html, bold",
    [
        ("<p><b>RESOLVED</b></p>", True),
        ("<p><strong>Item 5 </strong> <b>Planning</b></p>", True),
        ("<p><b>RESOLVED</b> that the minutes be approved.</p>", False),
        ('<p><span style="font-weight: bold">Apologies</span></p>', True),
        ('<p><span style="font-weight:700">Apologies</span></p>', True),
        ("<p><b><span>Nested <i>bold</i> text</span></b></p>", True),
        ("<p>Plain</p>", False),
    ],
)
def test_html_bold_when_all_text_is_bold(html, bold):
    (line,) = lines_of(html)
    assert line.bold is bold


@pytest.mark.parametrize(
    "html, text",
    [
        ("<p>Cost&nbsp;&pound;130&nbsp;&ndash; agreed</p>", "Cost £130 – agreed"),
        ("<p>Cllr O&#8217;Brien &amp; Cllr Ng</p>", "Cllr O’Brien & Cllr Ng"),
        ("<p>  Several   spaces\n\tand\r\nnewlines  </p>", "Several spaces and newlines"),
        ("<p>soft\u00adhyphen and zero\u200bwidth</p>", "softhyphen and zerowidth"),
        ("<p>9<sup>th</sup> May</p>", "9th May"),
        ("<p>&lt;b&gt; is shown as text</p>", "<b> is shown as text"),
    ],
)
def test_html_entities_and_spaces_are_normalised(html, text):
    (line,) = lines_of(html)
    assert line.text == text


def test_html_scripts_styles_comments_are_dropped():
    lines = lines_of(
        "<html><head><style>p {color: red}</style><script>var x = 'hidden';</script></head><body>"
        "<p>Kept<!-- a comment --> text</p><script>document.write('no')</script><noscript>Enable JS</noscript>"
        "<template><p>template</p></template><select><option>2019</option></select></body></html>"
    )
    assert [line.text for line in lines] == ["Kept text"]


def test_html_pre_keeps_its_lines():
    lines = lines_of("<pre>Ayes:   5\nNoes:   2\n\nMotion carried</pre>")
    assert [(line.text, line.para_break) for line in lines] == [
        ("Ayes: 5", False), ("Noes: 2", False), ("Motion carried", True),
    ]


@pytest.mark.parametrize(
    "html",
    [
        "<p>Unclosed paragraph<p>Another <b>bold <i>mixed</b> tags</i><div>stray</span> end</p></div></div>",
        "<table><tr><td>cell<tr><td>next row</table><li>orphan item",
        "<html><body><p>First</body></html><p>After the end</p>",
        "<P ALIGN=CENTER><FONT SIZE=2><B>UPPER CASE TAGS</FONT></B>",
    ],
)
def test_html_tag_soup_still_reads(html):
    doc = read_html(html.encode("utf-8"))
    assert doc.lines() and all(line.text == normalize_space(line.text) and line.text for line in doc.lines())


# --- edges: no text, fall-back, limits, dispatch -----------------------------------------


@pytest.mark.parametrize(
    "data",
    [
        b"<html><head><title>Empty</title></head><body></body></html>",
        b"<!-- nothing but a comment -->",
        b"<html><body><script>var minutes = 1;</script><img src='scan.png'></body></html>",
        b"   \n  ",
        b"<p>&nbsp;</p><div>  </div>",
    ],
)
def test_html_no_text_gives_empty_document_with_warning(data):
    doc = read_html(data, path=Path("empty.html"))
    assert list(doc.lines()) == []
    assert len(doc.pages) == 1
    assert "no text found" in doc.warnings


def test_html_falls_back_to_whole_page_when_only_links_remain():
    doc = read_html(
        b"<ul><li><a href='a.pdf'>Minutes 12 March 2019</a></li><li><a href='b.pdf'>Minutes 9 April 2019</a></li>"
        b"<li><a href='c.pdf'>Minutes 14 May 2019</a></li></ul>"
    )
    assert texts(doc) == ["Minutes 12 March 2019", "Minutes 9 April 2019", "Minutes 14 May 2019"]
    assert doc.metadata["content_root"] == "whole page"
    assert any("whole page" in warning for warning in doc.warnings)


def test_html_too_large_page_raises_naming_the_file():
    settings = ReaderSettings(max_html_bytes=100)
    with pytest.raises(ReaderError, match=r"huge\.html: .*max_html_bytes=100"):
        read_html(b"<p>" + b"x" * 200 + b"</p>", path=Path("huge.html"), settings=settings)


def test_html_read_bytes_dispatches_to_the_html_reader():
    data = (DATA / "fragment.html").read_bytes()
    doc = read_bytes(data, path="minutes.php")
    assert doc.format == "html" and doc.path == Path("minutes.php")
    assert len(doc.pages) == 1 and doc.pages[0].number == 1
    assert all(line.page_no == 1 and line.bbox is None for line in doc.lines())
    assert len(doc.sha256) == 64
    assert set(doc.metadata) >= {"title", "encoding"}
    assert Document.from_dict(doc.to_dict()) == doc


def test_html_output_is_deterministic():
    data = (DATA / "moderngov_minutes.html").read_bytes()
    assert read_html(data).to_dict() == read_html(data).to_dict()


# --- properties --------------------------------------------------------------------------

_WORDS = st.sampled_from(["Cllr", "Ng", "RESOLVED", "£5", "minutes", "7.30pm", "&amp;", "&nbsp;", " ", "\n"])
_OPEN = st.sampled_from(["<p>", "<div>", "<b>", "<br>", "<li>", "<ol>", "<ul>", "<table><tr><td>", "<td>", "<h2>",
                         "<span>", "<pre>", "</p>", "</div>", "</b>", "</li>", "</ol>", "</td>", "</table>", "</h2>"])


@settings(max_examples=60)
@given(st.lists(st.one_of(_WORDS, _OPEN), max_size=40))
def test_html_any_markup_reads_to_clean_lines(parts):
    doc = read_html("".join(parts).encode("utf-8"))
    for line in doc.lines():
        assert line.text and line.text == normalize_space(line.text)
        assert (line.cells is not None) == (line.kind == "table_row")
        assert line.kind != "heading" or 1 <= line.level <= 6


@settings(max_examples=60)
@given(st.lists(st.sampled_from(["alpha", "beta", "gamma", "delta"]), min_size=1, max_size=12),
       st.lists(st.sampled_from(["<p>", "</p>", "<br>", "<div>", "</div>", "<b>", "</b>", "<li>"]), max_size=12))
def test_html_lines_keep_every_word_in_order(words, tags):
    import lxml.html

    html = "".join(f"{tag} {word} " for tag, word in zip(tags + [""] * len(words), words))
    lines = html_lines([lxml.html.document_fromstring(f"<body>{html}</body>")])
    assert " ".join(line.text for line in lines).split() == words


def test_html_too_deeply_nested_markup_still_gives_its_text():
    data = ("<div>" * 3000 + "<p>RESOLVED that the precept be set.</p>" + "</div>" * 3000).encode()
    doc = read_html(data)
    assert doc.text == "RESOLVED that the precept be set."
    assert any("could not be parsed" in warning for warning in doc.warnings)
