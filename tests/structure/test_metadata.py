"""Meeting metadata finder (structure/metadata.py). Every fixture is an invented minutes heading."""

from __future__ import annotations

import pytest

from minutes_nlp.readers.document import Document
from minutes_nlp.structure.metadata import MeetingMetadata, find_metadata
from minutes_nlp.structure.text import TextView


def _meta(text: str) -> MeetingMetadata:
    return find_metadata(TextView.of(Document.from_text(text)))


UK_COUNTY = """\
WEALDSHIRE COUNTY COUNCIL
COUNTY COUNCIL
MINUTES of a meeting of the County Council held in the Council Chamber, County Hall, Lewford on
Thursday, 6 March 2025.
PRESENT: Mr A Hartley (Chairman), Mrs P Q Osgood (Vice-Chairman)
101. Minutes of the meeting held on 6 February 2025, if in order, to be approved as a correct record
RESOLVED that the minutes of the meeting held on 6 February 2025 be approved.
"""


def test_metadata_uk_county_council() -> None:
    meta = _meta(UK_COUNTY)
    assert meta.date == "2025-03-06"
    assert meta.committee == "County Council"
    assert meta.body == "Wealdshire County Council"
    assert meta.venue == "Council Chamber, County Hall, Lewford"
    assert meta.start_time is None


def test_metadata_committee_heading_with_date() -> None:
    meta = _meta(
        "SCRUTINY PANEL – 10th March 2025\nMINUTES of the meeting held in the Oak Room, Civic Centre, Brayford.\n"
        "PRESENT: Ann Pike (Chair)\nMinutes of the meeting held on 27 January 2025\n(Item 3)\n"
        "RESOLVED that the minutes of the meeting held on 27 January 2025 were a correct record."
    )
    assert (meta.committee, meta.date, meta.venue) == (
        "Scrutiny Panel",
        "2025-03-10",
        "Oak Room, Civic Centre, Brayford",
    )


def test_metadata_never_takes_the_date_of_earlier_minutes() -> None:
    meta = _meta(
        "PLANNING COMMITTEE\n\n12. Minutes of the meeting held on 7 November 2024, if in order, to be approved"
    )
    assert meta.date is None


IRISH = """\
MINUTES OF PROCEEDINGS AT MEETING OF KILBRACK COUNTY COUNCIL HELD IN THE COUNCIL

CHAMBER, ARAS AN CHONTAE, ON MONDAY, 14TH APRIL, 2025, AT 3.00 P.M.

PRESENT IN THE CHAIR: Cathaoirleach, Councillor T. Furlong.

1. Adoption of Minutes

(a) Ordinary Meeting of the Council held on 10th March, 2025.
"""


def test_metadata_irish_capitals() -> None:
    meta = _meta(IRISH)
    assert (meta.date, meta.start_time) == ("2025-04-14", "15:00")
    assert meta.committee == "Kilbrack County Council"
    assert meta.body == "Kilbrack County Council"


NEWSPAPER = """\
The Harlow Record
Official Publication of the Council of the City of Harlow
Vol. 104 WEDNESDAY, MARCH 5, 2025 No. 5512
CITY COUNCIL
MONDAY, MARCH 3, 2025
Board of Zoning Appeals .......... 22
OFFICIAL PROCEEDINGS
CITY COUNCIL
Harlow, Ohio
Monday, March 3, 2025
The meeting of the Council was called to order at 7:02 p.m. with the President of Council in the Chair.
"""


def test_metadata_newspaper_prefers_the_meeting_over_the_publication_date() -> None:
    meta = _meta(NEWSPAPER)
    assert meta.date == "2025-03-03"
    assert meta.committee == "City Council"
    assert meta.body == "Harlow City Council"
    assert meta.start_time == "19:02"


@pytest.mark.parametrize(
    ("text", "committee", "body", "date", "time"),
    [
        (
            "---\ntitle: Minutes (June, 2025)\n---\n\n# Town of Pell Lake\nMonthly Meeting\nJune 9, 2025\n\n## CALL TO ORDER\n"
            "Chair Ann Vick called the monthly meeting to order at 7:00 pm at the Pell Lake Town Hall.",
            "Town of Pell Lake",
            "Town of Pell Lake",
            "2025-06-09",
            "19:00",
        ),
        (
            "Town of Alder Creek\n\nRegular Town Board Meeting\nApril 14, 2025\n\nChairman Dale Moss called the regular "
            "meeting of the Town of Alder Creek Town Board to order at 7:00 p.m.",
            "Town Board",
            "Town of Alder Creek",
            "2025-04-14",
            "19:00",
        ),
        (
            "The Corporation of the Town of Maple Cove\nRegular Council Meeting Minutes\nDate: Tuesday, May 13, 2025\n"
            "Time: 6:00 p.m.\nLocation: Council Chambers, Maple Cove Municipal Office\nCouncil Present: Mayor Ruth Aldine",
            "Council",
            "Town of Maple Cove",
            "2025-05-13",
            "18:00",
        ),
        (
            "SHIRE OF KOORALBYN\n\nMINUTES OF THE ORDINARY COUNCIL MEETING\n\nHeld in the Council Chambers, 4 Main Street, "
            "Kooralbyn on Wednesday 21 May 2025, commencing at 1.00pm.",
            "Council",
            "Shire of Kooralbyn",
            "2025-05-21",
            "13:00",
        ),
        (
            "Minutes of the Parish Council Meeting – 12 May 2025\n\nPosted on 19 May 2025 by the Clerk\n\n"
            "BROCKLEY PARISH COUNCIL\n\nMinutes of the meeting of Brockley Parish Council held on Monday 12th May 2025 "
            "at 7.30pm in the Village Hall",
            "Brockley Parish Council",
            "Brockley Parish Council",
            "2025-05-12",
            "19:30",
        ),
        (
            "Minutes of Brockley Annual Parish Council Meeting held in The Village Hall At 7.30pm on Wednesday 9 April 2025",
            "Brockley Parish Council",
            "Brockley Parish Council",
            "2025-04-09",
            "19:30",
        ),
        (
            "Minutes for Overview and Scrutiny Committee on Wednesday, 14th May, 2025, 7.00 pm\n\nVenue: Council Chamber",
            "Overview and Scrutiny Committee",
            None,
            "2025-05-14",
            "19:00",
        ),
        (
            "THE CITY OF PORT ALDER\nJOURNAL OF THE CITY COUNCIL\n\nRegular Meeting\nMonday, May 5, 2025\n\n"
            "The Council met in the Council Chamber, City Hall, at 7:00 p.m.",
            "City Council",
            "City of Port Alder",
            "2025-05-05",
            "19:00",
        ),
    ],
)
def test_metadata_headings_from_several_countries(
    text: str, committee: str, body: str | None, date: str, time: str
) -> None:
    meta = _meta(text)
    assert (meta.committee, meta.body, meta.date, meta.start_time) == (committee, body, date, time)


def test_metadata_empty_document() -> None:
    assert _meta("") == MeetingMetadata()


def test_metadata_is_fast_on_a_long_document() -> None:
    import time

    filler = "The committee noted the report of 4 May 2024 and the letter dated 5 June 2024. " * 6000
    view = TextView.of(Document.from_text(NEWSPAPER + filler))
    start = time.perf_counter()
    assert find_metadata(view).date == "2025-03-03"
    assert time.perf_counter() - start < 1.0  # generous: catches quadratic blow-ups, not noise


def test_metadata_heading_that_mentions_its_own_approval() -> None:
    meta = _meta(
        "MARSHFIELD TOWN COUNCIL\nMinutes of the meeting held on 4 March 2025\n"
        "(to be approved at the meeting on 1 April 2025)\nPresent: Cllr A Ash (Mayor)\n"
    )
    assert meta.date == "2025-03-04"


def test_metadata_meeting_date_beats_approved_minutes_date_in_next_paragraph() -> None:
    text = (
        "ASHWELL PARISH COUNCIL\nMinutes of the meeting held on 8 May 2024\n\n"
        "1. Minutes\nRESOLVED that the minutes of 10 April 2024 be approved as a correct record."
    )
    assert find_metadata(TextView.of(Document.from_text(text))).date == "2024-05-08"
