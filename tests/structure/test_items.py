"""Agenda items: numbers, titles and spans, on small invented minutes."""
from __future__ import annotations

import time

import pytest

from minutes_nlp.readers.document import Document, Line, Page
from minutes_nlp.structure.items import ItemSpan, find_items
from minutes_nlp.structure.text import TextView

UK_MODERNGOV = """ASHFORD VALE DISTRICT COUNCIL
CABINET
MINUTES of a meeting of the Cabinet held at the Civic Centre on Thursday, 6 June 2024.
PRESENT: Mr P Harlow (Chair), Mrs J Okafor, Mr T Lindqvist and Ms R Baines
IN ATTENDANCE: Mrs L Pryce (Democratic Services Officer)
UNRESTRICTED ITEMS
41. Apologies
(Item 1)
Apologies were received from Mr D Carrow.
42. Declarations of Interest
(Item 2)
No declarations were made.
43. Minutes of the meeting held on 2 May 2024
(Item 3)
RESOLVED that the minutes be approved as a correct record.
44. 24/00051 - Waste Collection Contract Extension for the Northern
Area
(Item 4)
1. Mr Lindqvist introduced the report and explained the options.
2. Members asked about missed bins. The officer said performance had improved.
3. RESOLVED that the contract be extended for two years.
"""

TOWNSHIP_MD = """# Town of Birchwood
Monthly Meeting
March 18, 2024

## CALL TO ORDER
Supervisor Dana Holm called the meeting to order at 7:00 pm.

**PLEDGE OF ALLEGIANCE**

## CORRESPONDENCE
1. Letter from the County Highway Department about spring load limits
2. Notice of the Assessor Board of Appeal
3. Invitation to the regional fire association dinner

## ROAD
Grading is planned for April. Motion by Supervisor Holm, second by Supervisor Ruud. Motion carried.

**TRANSFER** of \\$12,400.00 from savings to checking for March claims.

## UPCOMING EVENTS
**NEXT MEETING** April 15, 2024 at 7 pm

## ADJOURNMENT
The meeting adjourned at 8:10 pm.

Respectfully submitted, Kay Lund, Clerk
"""

IRISH = """MINUTES OF PROCEEDINGS AT MEETING OF KILBRANNOCK COUNTY COUNCIL HELD ON MONDAY, 12TH FEBRUARY, 2024.

MEMBERS PRESENT:

Councillors Ahern, Brosnan, Cahill (P), Dolan and Egan.

VOTE OF SYMPATHY

A Vote of Sympathy was extended to the family of the late Tomás Furlong.

1.

Adoption of Minutes

Proposed by Councillor Ahern;

Seconded by Councillor Dolan;

And Resolved:

“That, the draft Minutes, as circulated, be taken as read and adopted.”

2.

Disposal of Land

(a)

Circulated, copy of Statutory Notice dated 9th January, 2024, concerning disposal of land at Mill Lane.

(b)

Circulated, copy of Statutory Notice dated 9th January, 2024, concerning disposal of land at Quay Road.

3.

Corporate Services

(a)

Chief Executive’s Report

The report was noted.

(b)

Twinning

(i)

Kilbrannock / Rennes Twinning Project

Proposed by Councillor Egan; Seconded by Councillor Cahill (P); And Resolved: approved.

(ii)

Portnahinch / Gdynia Twinning Project

The report was noted.

QUESTIONS

Replies to the following Questions were circulated to Members:

4.

Question submitted by Councillor B. Brosnan

I will ask at the next Meeting how many bus shelters were installed in 2023.

REPLY:

(a) Six shelters were installed.

5.

Correspondence

The correspondence was noted.
"""

PARISH = """Minutes of Elmstead Parish Council Meeting held in the Village Hall on Tuesday 9 April 2024

DRAFT

Those Attending: Cllr A Moss (Chairman), Cllr B Tate, Cllr C Wynn and 4 members of the public.

Apologies: Cllr D Quayle

Minutes of the last Meeting: Cllr Tate proposed acceptance, seconded by Cllr Wynn.

Matters Arising:

a) Bus Shelter - the Clerk has chased the contractor again.

b) Dog Bins - two new bins have been installed on Church Lane.

Village Green:

The grass cutting contract was discussed and it was agreed to obtain three quotes.

Footpath Repairs

The Clerk reported that the County Council will repair the path to the school in May.

Accounts for Approval:

Green Spaces Ltd - £240.00 - grass cutting

Next Meeting

The next meeting will be held on Tuesday 14 May 2024 at 7.30pm.
"""

LEGISLATION = """OFFICIAL PROCEEDINGS CITY COUNCIL
Present: Council Members Abbott, Byrne, Castillo.
FIRST READING ORDINANCES REFERRED
Ord. No. 211-24.
By Council Member Abbott.
An ordinance authorizing the Director of Parks to accept a grant for tree planting.
Referred to the Finance Committee.
Res. No. 212-24 — Harriet Voss.
The rules were suspended and the resolution was adopted.
"""


def items(text: str) -> list[ItemSpan]:
    return find_items(TextView.of(Document.from_text(text)))


def test_items_moderngov_item_references() -> None:
    found = items(UK_MODERNGOV)
    assert [(s.number, s.title) for s in found] == [
        ("41", "Apologies"),
        ("42", "Declarations of Interest"),
        ("43", "Minutes of the meeting held on 2 May 2024"),
        ("44", "24/00051 - Waste Collection Contract Extension for the Northern Area"),
    ]
    assert [s.agenda_ref for s in found] == ["1", "2", "3", "4"]
    assert found[0].minute_ref == "41"


def test_items_markdown_headings_and_lead_ins() -> None:
    found = items(TOWNSHIP_MD)
    assert [s.title for s in found] == [
        "CALL TO ORDER", "PLEDGE OF ALLEGIANCE", "CORRESPONDENCE", "ROAD", "TRANSFER", "UPCOMING EVENTS", "ADJOURNMENT",
    ]
    assert all(s.number is None for s in found)


def test_items_irish_numbering_with_sub_items() -> None:
    found = items(IRISH)
    assert [(s.number, s.title) for s in found] == [
        (None, "VOTE OF SYMPATHY"),
        ("1", "Adoption of Minutes"),
        ("2", "Disposal of Land"),
        ("3", "Corporate Services"),
        ("3(a)", "Chief Executive’s Report"),
        ("3(b)", "Twinning"),
        ("3(b)(i)", "Kilbrannock / Rennes Twinning Project"),
        ("3(b)(ii)", "Portnahinch / Gdynia Twinning Project"),
        ("4", "Question submitted by Councillor B. Brosnan"),
        ("5", "Correspondence"),
    ]


def test_items_parish_paragraph_headings() -> None:
    found = items(PARISH)
    assert [s.title for s in found] == [
        "Minutes of the last Meeting", "Matters Arising", "Village Green", "Footpath Repairs",
        "Accounts for Approval", "Next Meeting",
    ]
    run_in = found[0]
    view_text = PARISH
    assert run_in.body_start > run_in.start
    assert Document.from_text(view_text).text[run_in.body_start:].startswith("Cllr Tate proposed")


def test_items_legislation_numbers() -> None:
    found = items(LEGISLATION)
    assert [s.number for s in found] == ["Ord. No. 211-24", "Res. No. 212-24"]
    assert found[0].title.startswith("An ordinance authorizing the Director of Parks")
    assert found[1].title == "Harriet Voss"


def test_items_dotted_sub_items() -> None:
    text = (
        "BRAMLEY SHIRE COUNCIL\nPresent: Cr Ng (President), Cr Olsen\n\n"
        "9. REPORTS OF OFFICERS\n9.1 Monthly Statement of Financial Activity\nThe statement was received.\n"
        "9.2 Budget Review 2023/24\n1. Increase road maintenance by $96,000.\n2. Reduce the reserve transfer.\n"
        "10. CLOSURE\nThe President closed the meeting at 5.40pm.\n"
    )
    assert [(s.number, s.title) for s in items(text)] == [
        ("9", "REPORTS OF OFFICERS"),
        ("9.1", "Monthly Statement of Financial Activity"),
        ("9.2", "Budget Review 2023/24"),
        ("10", "CLOSURE"),
    ]


def test_items_spans_partition_the_text_after_the_preamble() -> None:
    document = Document.from_text(UK_MODERNGOV)
    view = TextView.of(document)
    found = find_items(view)
    assert view.text[: found[0].start].rstrip().endswith("UNRESTRICTED ITEMS")
    for a, b in zip(found, found[1:]):
        assert a.end == b.start
    assert found[-1].end == len(view.text)
    for span in found:
        assert span.start <= span.body_start <= span.end
    assert view.text[found[2].body_start:].startswith("RESOLVED that the minutes")


def test_items_reader_lines_with_heading_kind() -> None:
    lines = (
        Line("Harbridge Borough Council", 1, kind="heading", level=1),
        Line("Present: Councillors Arden and Vance", 1, para_break=True),
        Line("Apologies for absence", 1, kind="heading", level=2, para_break=True),
        Line("None were received.", 1, para_break=True),
        Line("Community safety update", 1, kind="heading", level=2, para_break=True),
        Line("The Inspector reported a fall in burglaries.", 1, para_break=True),
        Line("Work programme", 1, kind="heading", level=2, para_break=True),
        Line("RESOLVED that the work programme be noted.", 1, para_break=True),
    )
    document = Document(None, "html", (Page(1, lines),))
    assert [s.title for s in find_items(TextView.of(document))] == [
        "Apologies for absence", "Community safety update", "Work programme",
    ]


@pytest.mark.parametrize("text", ["", "Just one sentence of text with no structure at all."])
def test_items_nothing_to_find(text: str) -> None:
    assert find_items(TextView.of(Document.from_text(text))) == []


def test_items_fast_on_a_long_document() -> None:
    block = (
        "{n}. Planning application {n}/0042/FUL\n"
        "1. The officer introduced the report on the extension at {n} Mill Road.\n"
        "2. Members asked about parking and the officer said that two spaces would remain.\n"
        "3. RESOLVED that the application be approved subject to conditions.\n"
    )
    text = "MINUTES\nPresent: Cllr Ames\n\n" + "".join(block.format(n=n) for n in range(1, 400))
    view = TextView.of(Document.from_text(text))
    started = time.perf_counter()
    found = find_items(view)
    assert time.perf_counter() - started < 0.5
    assert len(found) == 399 and found[-1].number == "399"


PARISH_RUN_INS = """Minutes of Ashby Parva Parish Council Meeting held on Wednesday 8 May 2024

Those Attending: Cllr A Moss (Chairman), Cllr B Tate and Cllr C Wynn

Apologies: Cllr D Quayle

Minutes of the last Meeting: Cllr Tate proposed acceptance, seconded by Cllr Wynn.

Police Matters - PCSO Hale reported that three thefts from garden sheds had been reported since the last meeting.

Matters Arising:

a) Bus Shelter - the Clerk has chased the contractor again.

Planning:

Approved by the Borough Council - Single storey extension at 4 Mill Lane

Objection Raised - Garage conversion at Rose Cottage, Church Street

Accounts for Approval

Anglia Power - Direct Debit -
"""


def test_items_parish_run_ins_and_lists() -> None:
    found = items(PARISH_RUN_INS)
    assert [s.title for s in found] == [
        "Minutes of the last Meeting", "Police Matters", "Matters Arising", "Planning", "Accounts for Approval",
    ]
    police = found[1]
    assert PARISH_RUN_INS[police.body_start:].startswith("PCSO Hale reported")


US_JOURNAL = """CITY OF LAKEVIEW
JOURNAL OF THE CITY COUNCIL
Present: President Ames; Councilmembers Bell, Cruz and Dunn.

APPROVAL OF THE JOURNAL
Councilmember Bell moved to approve the Journal. Motion carried.

ORDINANCES ON FIRST READING
Ord. No. 101-24 -- Introduced by Councilmember Cruz at the
request of the Administration.
An ordinance to amend the parking code for Lake Street.
First reading; sent to the Finance Committee.
Res. No. 12-24 -- Councilmember Dunn. Lakeview High School Rowing
Team, State Champions. Adopted.

ADJOURNMENT
The meeting adjourned at 8:15 p.m.

JANE AMES
Clerk of Council
"""


def test_items_legislation_sponsors_and_signature() -> None:
    found = items(US_JOURNAL)
    assert [s.number for s in found] == [None, "Ord. No. 101-24", "Res. No. 12-24", None]
    assert found[1].title == "An ordinance to amend the parking code for Lake Street"
    assert found[2].title.startswith("Lakeview High School Rowing Team, State Champions")
    assert [found[0].title, found[3].title] == ["APPROVAL OF THE JOURNAL", "ADJOURNMENT"]


def test_items_headings_inside_numbered_paragraphs_are_not_items() -> None:
    rows = [
        ("WESTSHIRE COUNTY COUNCIL", True), ("Present: Mr A Ames (Chairman), Mrs B Bell", False),
        ("12. Apologies", True), ("(Item 1)", False), ("(1) Apologies were received from Mr Cole.", False),
        ("13. Revenue Budget 2025-26", True), ("(Item 2)", False),
        ("(1) The Leader introduced the budget for the coming year.", False),
        ("(2) The Chairman called for amendments for each directorate.", False),
        ("Highways and Transport Directorate", True),
        ("(3) The Cabinet Member introduced the budget for this directorate.", False),
        ("Adult Social Care Directorate", True),
        ("(4) No amendments were proposed.", False),
        ("(5) RESOLVED that the budget be approved.", False),
        ("14. Motion for Time Limited Debate", True), ("(Item 3)", False),
        ("(1) Mr Cole proposed the motion and Mrs Bell seconded it.", False),
    ]
    lines = tuple(Line(text, 1, bold=bold, para_break=True) for text, bold in rows)
    found = find_items(TextView.of(Document(None, "pdf", (Page(1, lines),))))
    assert [s.title for s in found] == ["Apologies", "Revenue Budget 2025-26", "Motion for Time Limited Debate"]


def _paragraph(words: str, n: int) -> str:
    """``n`` wrapped lines of about 75 characters; only the last ends a sentence."""
    line = f"{words} and the members discussed the matter in some detail with the officers"
    return "\n".join([line] * (n - 1) + [f"{words} and the report was noted by the Council."])


def test_items_plain_heading_in_the_middle_of_an_item() -> None:
    text = "\n\n".join([
        "MINUTES OF THE MEETING OF WESTHAVEN COUNTY COUNCIL\n\nPRESENT: Councillors Ames, Bell and Cruz.",
        "1.", "Adoption of Minutes", _paragraph("The minutes of the last meeting were circulated", 5),
        "2.", "Housing", _paragraph("The Director of Housing presented the quarterly report", 6),
        "Special Adviser to the Mayor - Update",
        _paragraph("Mayor Ames gave a brief update to the Council on the appointment", 5),
        "3.", "Correspondence", _paragraph("The correspondence received since the last meeting was listed", 5),
    ])
    assert [(s.number, s.title) for s in items(text)] == [
        ("1", "Adoption of Minutes"), ("2", "Housing"), (None, "Special Adviser to the Mayor - Update"),
        ("3", "Correspondence"),
    ]


def test_items_bracketed_sub_numbers_and_questioners() -> None:
    text = (
        "PRESENT: Councillors Ames and Bell.\n\n13.\nNotice of Motion submitted by Councillor Ames\n"
        "I will move at the next Meeting that the Council repair the pier.\n\n14.\n"
        "Notice of Motion submitted by Councillor Bell\nI will move at the next Meeting that the Council plant trees.\n\n"
        "14 (a) Notice of Motion submitted by Councillor Cruz\nI will move at the next Meeting that the Council light the park.\n\n"
        "15.\nCorrespondence\nThe correspondence was noted.\n"
    )
    assert [s.number for s in items(text)] == ["13", "14", "14 (a)", "15"]
    shire = (
        "SHIRE OF KELLING\nPresent: Cr Ng (President), Cr Olsen\n\n3. DECLARATIONS OF INTEREST\nNil.\n"
        "4. PUBLIC QUESTION TIME\n4.1 Mr Peter Lyle, Hill Street\nQuestion: When will the footpath be repaired?\n"
        "Response: The Works Manager advised that it was scheduled for June.\n"
        "5. CONFIRMATION OF MINUTES\nThe minutes were confirmed.\n"
    )
    assert [s.number for s in items(shire)] == ["3", "4", "5"]


def test_items_bold_numbered_headings_in_sentence_case() -> None:
    rows = [("Present: Cllr R Hobbs (Chairman), Cllr S Plumb", False), ("24/031 Apologies for absence", True),
            ("Apologies were received from Cllr Amory.", False), ("24/032 Declarations of interest", True),
            ("None were declared.", False), ("24/033 Playing field and play area", True),
            ("The Clerk reported that the swings had been repaired.", False)]
    lines = tuple(Line(text, 1, bold=bold, para_break=True) for text, bold in rows)
    found = find_items(TextView.of(Document(None, "html", (Page(1, lines),))))
    assert [s.title for s in found] == ["Apologies for absence", "Declarations of interest", "Playing field and play area"]


def test_items_time_grows_linearly_with_numbered_paragraphs() -> None:
    block = "{n}. Report {n}\n1. The officer introduced the report.\n2. Members noted it.\n3. RESOLVED that it be noted.\n"
    text = "MINUTES\nPresent: Cllr Ames\n\n" + "".join(block.format(n=n) for n in range(1, 1500))
    view = TextView.of(Document.from_text(text))
    started = time.perf_counter()
    found = find_items(view)
    assert time.perf_counter() - started < 1.0  # ~6,000 numbered lines: a pass that compares them pairwise fails
    assert len(found) == 1499 and found[-1].title == "Report 1499"


def test_items_moderngov_agenda_item_labels_give_title_number_and_minutes_text() -> None:
    text = (
        "Agenda item\n\nLeisure centre refurbishment\n\nMeeting: 03/03/2022 - Cabinet (Item 58)\n\n"
        "58 Leisure centre refurbishment\n\nReport of the Director of Place (15 mins)\n\nMinutes:\n\n"
        "Councillor Amis asked when the pool would reopen.\n\nRESOLVED that the works be approved.\n\n"
        "Agenda item\n\nAnnual audit letter\n\nMinutes:\n\nThe letter was noted."
    )
    view = TextView.of(Document.from_text(text))
    spans = find_items(view)
    assert [(s.number, s.title) for s in spans] == [("58", "Leisure centre refurbishment"), (None, "Annual audit letter")]
    assert view.text[spans[0].body_start : spans[0].end].strip().startswith("Councillor Amis asked")
    assert "Report of the Director" not in view.text[spans[0].body_start : spans[0].end]
