"""Attendance finder and its list labels (structure/attendance.py, attendance_labels.py).

Every fixture is an invented minutes opening.
"""

from __future__ import annotations

import pytest

from minutes_nlp.evaluate.normalise import surname_key
from minutes_nlp.readers.document import Document, Line, Page
from minutes_nlp.records import Attendance
from minutes_nlp.structure.attendance import find_attendance
from minutes_nlp.structure.attendance_labels import attendance_blocks
from minutes_nlp.structure.text import TextView


def _attendance(text: str) -> Attendance:
    return find_attendance(TextView.of(Document.from_text(text)))


def _keys(att: Attendance, field: str) -> list[str]:
    return [surname_key(p.name, keep_qualifier=True) for p in getattr(att, field)]


UK_COUNTY = """\
WEALDSHIRE COUNTY COUNCIL
COUNTY COUNCIL
MINUTES of a meeting of the County Council held in the Council Chamber, County Hall, Lewford on
Thursday, 6 March 2025.
PRESENT: Mr A Hartley (Chairman), Mrs P Q Osgood (Vice-Chairman), Mr N Bland, Mrs T Fenn, MBE,
Mr R Gale, OBE, Sir Henry Marsh, CBE, Mrs P T Rook and Mr P Rook
IN ATTENDANCE: Mr J Tovey (Democratic Services Manager) and Ms B Ulley
(General Counsel)
UNRESTRICTED ITEMS
101. Apologies for Absence
(Item 1)
The Democratic Services Manager reported apologies from Mr Ives, Mrs Jobb and Mr Kerr-
Lane.
The Chairman reported apologies from Mr Lusk.
102. Minutes of the meeting held on 6 February 2025
RESOLVED that the minutes be approved. Mr Bland thanked the questioner, who had given apologies.
"""


def test_attendance_uk_county_lists() -> None:
    att = _attendance(UK_COUNTY)
    assert _keys(att, "present") == ["hartley", "osgood", "bland", "fenn", "gale", "marsh", "rook", "rook"]
    assert [p.role for p in att.present[:2]] == ["Chairman", "Vice-Chairman"]
    assert _keys(att, "officers") == ["tovey", "ulley"]
    assert att.officers[1].role == "General Counsel"
    assert _keys(att, "apologies") == ["ives", "jobb", "kerr-lane", "lusk"]
    assert all(p.page == 1 for p in att.present)


IRISH = """\
MINUTES OF PROCEEDINGS AT MEETING OF KILBRACK COUNTY COUNCIL HELD IN THE COUNCIL

CHAMBER, ARAS AN CHONTAE, ON MONDAY, 14TH APRIL, 2025, AT 3.00 P.M.

PRESENT IN THE CHAIR: Cathaoirleach, Councillor T. Furlong.

MEMBERS PRESENT:

Councillors Ahern, Burke (J), Burke (T), Daly, Nic Giolla Phádraig, O’Dea,

Quirke, Ryan (P).

An apology for her inability to attend the Meeting was received from Councillor Ryan (S).

OFFICIALS IN ATTENDANCE:

Chief Executive (Dr. M. Keogh), Director, Housing and Community (Ms. R. Lally), Senior Staff

Officer, Corporate Services (Mr. D. Cass).

1. Confirmation of Minutes
"""


def test_attendance_irish_style_keeps_qualifiers_and_bracketed_names() -> None:
    att = _attendance(IRISH)
    assert _keys(att, "present") == [
        "furlong",
        "ahern",
        "burke (j)",
        "burke (t)",
        "daly",
        "phadraig",
        "o'dea",
        "quirke",
        "ryan (p)",
    ]
    assert att.present[0].role == "Cathaoirleach"
    assert _keys(att, "apologies") == ["ryan (s)"]
    assert _keys(att, "officers") == ["keogh", "lally", "cass"]
    assert att.officers[2].role == "Senior Staff Officer, Corporate Services"


US_TOWNSHIP = """\
# Town of Pell Lake
Monthly Meeting
June 9, 2025

## CALL TO ORDER
Chair Ann Vick called the monthly meeting to order at 7:00 pm at the Pell Lake Town Hall.  Board members present were supervisors Ann Vick, Lou Berg, and Ned Hale, treasurer Roy Lund, deputy treasurer Ida Sorn, clerk Joy Pell.  Also present were guests Walt and Edna Pruss, and Otto Grell.  Those present recited the pledge.
"""


def test_attendance_us_township_prose() -> None:
    att = _attendance(US_TOWNSHIP)
    assert _keys(att, "present") == ["vick", "berg", "hale", "pruss", "pruss", "grell"]
    assert _keys(att, "officers") == ["lund", "sorn", "pell"]
    assert att.officers[0].role == "treasurer"


US_CITY = """\
OFFICIAL PROCEEDINGS
CITY COUNCIL
Harlow, Ohio
Monday, March 3, 2025
The meeting of the Council was called to order at 7:02 p.m. with the President of Council, Maria T. Oakes, in the Chair.
Council Members present: Ben Adler, Rosa
Brandt, Kevin J. Cole, Dana Ford, and Lee Grant.
Also present were: Mayor Paul
R. Hines, Chief of Staff Ida Lowe, Chief Operating Officer Sam Price, and Directors Ruiz, Stone and Tate.
Absent: Mayor Hines.
Pursuant to Ordinance No. 11-90, the meeting opened with a prayer.
MOTION
On the motion of Council Member Ford, the absences of Council Members Nia Vance and Omar
Wills Jr. are hereby authorized. Seconded by Council Member Cole.
BOARD OF CONTROL
Present: Mayor Hines, Directors Ruiz, Stone.
Absent: Director Tate.
"""


def test_attendance_us_city_proceedings() -> None:
    att = _attendance(US_CITY)
    assert _keys(att, "present") == ["oakes", "adler", "brandt", "cole", "ford", "grant"]
    assert _keys(att, "officers") == ["hines", "lowe", "price", "ruiz", "stone", "tate"]
    assert _keys(att, "apologies") == ["vance", "wills"]
    assert _keys(att, "absent") == ["hines"]  # the board meeting printed later is not read


PARISH = """\
Minutes of Brockley Parish Council Meeting held in the Village Hall at 7.30pm on Wednesday 9 April 2025
Those Attending: Cllr Mrs A Pike (Chairman), Cllr B Rowe, Cllr C Shaw, District Councillor D Tull, Mrs E Vane (Clerk) and 4 members of the public. Mr F Wynn (Footpaths Officer, Brockley Ramblers) and PCSO Gail Yeo were also present.
Apologies: Apologies were received from Cllr H Zeal, County Councillor I Abel and the Police
Police Matters: PCSO Yeo reported two incidents.
"""


def test_attendance_parish_with_trailing_also_present_and_role_apology() -> None:
    att = _attendance(PARISH)
    assert _keys(att, "present") == ["pike", "rowe", "shaw", "tull", "wynn", "yeo"]
    assert _keys(att, "officers") == ["vane"]
    assert _keys(att, "apologies") == ["zeal", "abel", "police"]


CANADIAN = """\
The Corporation of the Town of Maple Cove
Regular Council Meeting Minutes
Date: Tuesday, May 13, 2025
Council Present: Mayor Ruth Aldine, Deputy Mayor Ken Bauer, Councillor Lia Chen, Councillor Sam Dorr
Regrets: Councillor Tia Eng
Staff Present: Ola Fisk, Chief Administrative Officer; Tomas Ferro, Municipal Clerk; Ana Pike,
Director of Public Works
1. Call to Order
"""


def test_attendance_canadian_semicolon_lists() -> None:
    att = _attendance(CANADIAN)
    assert _keys(att, "present") == ["aldine", "bauer", "chen", "dorr"]
    assert _keys(att, "apologies") == ["eng"]
    assert _keys(att, "officers") == ["fisk", "ferro", "pike"]
    assert att.officers[2].role == "Director of Public Works"


AUSTRALIAN = """\
SHIRE OF KOORALBYN
MINUTES OF THE ORDINARY COUNCIL MEETING
Held in the Council Chambers on Wednesday 21 May 2025, commencing at 1.00pm.
ATTENDANCE
PRESENT: Cr J Barlow (Shire President), Cr A Quist, Cr M Ross
IN ATTENDANCE: Mr P Greer – Chief Executive Officer; Ms T Hale – Governance Officer
LEAVE OF ABSENCE: Cr D Fenn
APOLOGIES: Nil
"""


def test_attendance_australian_dash_roles_and_leave_of_absence() -> None:
    att = _attendance(AUSTRALIAN)
    assert _keys(att, "present") == ["barlow", "quist", "ross"]
    assert [(surname_key(p.name), p.role) for p in att.officers] == [
        ("greer", "Chief Executive Officer"),
        ("hale", "Governance Officer"),
    ]
    assert _keys(att, "apologies") == ["fenn"]


BOARD_COLUMNS = """\
MINUTES OF THE TRUST BOARD MEETING HELD IN PUBLIC
Thursday 5 June 2025, 10.00am

PRESENT:
Mrs Jane Oakes          Chair
Dr Omar Said            Medical Director
Ms Lin Park             Director of Finance

IN ATTENDANCE:
Mr Tom Reed             Company Secretary

APOLOGIES:
Mrs Ada Lowe            Non-Executive Director

TB 25/01  WELCOME AND APOLOGIES
Apologies were noted from Mrs Ada Lowe, Non-Executive Director.
"""


def test_attendance_board_in_two_columns() -> None:
    att = _attendance(BOARD_COLUMNS)
    assert _keys(att, "present") == ["oakes", "said", "park"]  # executive directors are board members
    assert _keys(att, "officers") == ["reed"]
    assert _keys(att, "apologies") == ["lowe"]  # listed twice, counted once


def test_attendance_table_rows() -> None:
    rows = [
        ("Role", "Name", "Position"),
        ("Members", "Cr Ian Moss", "Shire President"),
        ("", "Cr Fay Dunn", ""),
        ("Staff", "Mr Greg Low", "Chief Executive Officer"),
        ("Apologies", "Nil", ""),
        ("Approved Leave of Absence", "Cr Dale Fenn", ""),
        ("Gallery", "4 members of the public", ""),
    ]
    lines = [Line("RECORD OF ATTENDANCE", 1, kind="heading")]
    lines += [Line(" | ".join(c for c in cells if c), 1, kind="table_row", cells=cells) for cells in rows]
    lines += [Line("3. DECLARATIONS OF INTEREST", 1, kind="heading")]
    att = find_attendance(TextView.of(Document(None, "docx", (Page(1, tuple(lines)),))))
    assert _keys(att, "present") == ["moss", "dunn"]
    assert _keys(att, "officers") == ["low"]
    assert _keys(att, "apologies") == ["fenn"]


def test_attendance_grace_period_absence_and_virtual_attendance() -> None:
    text = (
        "CABINET\nMINUTES of a meeting of the Cabinet held on Thursday, 3 April 2025.\n"
        "PRESENT: Mr R Gale (Chairman), Mrs S Hale, Mr T Iles\n"
        "IN ATTENDANCE VIRTUALLY: Mr U Jory (Director of Finance)\n"
        "1. Apologies\nApologies were received from Mrs V Knox. Mrs S Hale and Mr T Iles were in attendance virtually.\n"
        "Ms W Lowe had given her formal apologies but was attending the meeting virtually.\n"
    )
    att = _attendance(text)
    assert _keys(att, "present") == ["gale", "hale", "iles"]
    assert _keys(att, "officers") == ["jory"]
    assert _keys(att, "apologies") == ["knox", "lowe"]


@pytest.mark.parametrize(
    "text",
    [
        "",
        "1. Welcome\nThe Chair welcomed those present. Those present stood for a minute's silence.",
        "Apologies: None.\nAbsent: Nil",
    ],
)
def test_attendance_nothing_to_find(text: str) -> None:
    att = _attendance(text)
    assert att.present == att.apologies == att.absent == att.officers == ()


def test_attendance_excused_absence_is_an_apology() -> None:
    att = _attendance(
        "ROLL CALL\n\nPresent: President Oakes; Councilmembers Adler, Brandt.\n\n"
        "Absent: Councilmember Novak (excused).\n"
    )
    assert _keys(att, "present") == ["oakes", "adler", "brandt"]
    assert _keys(att, "apologies") == ["novak"]
    assert att.absent == ()


def test_attendance_is_fast_on_a_long_document() -> None:
    import time

    filler = "The committee discussed the report and noted the presentation. " * 8000  # ~500k characters
    view = TextView.of(Document.from_text(UK_COUNTY + filler + US_CITY))
    start = time.perf_counter()
    find_attendance(view)
    assert time.perf_counter() - start < 1.0  # generous: catches quadratic blow-ups, not noise


ROLL_CALL = """\
CITY OF RIVERTON
CITY COUNCIL REGULAR MEETING MINUTES
Tuesday, January 14, 2025

2. ROLL CALL
Present: Mayor Jane Doe, Mayor Pro Tem Bob Roe, Councilmember Ann Lee
Absent: Councilmember Sue Kim
Staff Present: City Manager Dan Ross, City Attorney Meg Hart, City Clerk Lisa Wong
"""


def test_attendance_us_roll_call_labels() -> None:
    att = _attendance(ROLL_CALL)
    assert [(surname_key(p.name), p.role) for p in att.present] == [
        ("doe", "Mayor"),
        ("roe", "Mayor Pro Tem"),
        ("lee", None),
    ]
    assert _keys(att, "absent") == ["kim"]
    assert [(surname_key(p.name), p.role) for p in att.officers] == [
        ("ross", "City Manager"),
        ("hart", "City Attorney"),
        ("wong", "City Clerk"),
    ]


def test_attendance_roll_call_one_member_a_line() -> None:
    att = _attendance(
        "ROLL CALL:\nCouncilmember Adams – Present\nCouncilmember Baker – Absent\n"
        "Councilmember Cole – Excused\nMayor Dunn – Present\n\n3. MINUTES\n"
    )
    assert _keys(att, "present") == ["adams", "dunn"]
    assert _keys(att, "absent") == ["baker"]
    assert _keys(att, "apologies") == ["cole"]


@pytest.mark.parametrize(
    ("text", "present", "officers", "apologies"),
    [
        (
            "LICENSING SUB-COMMITTEE\nMinutes of a meeting held at the Town Hall, Ashby on 3 February 2025\n"
            "Members: Councillors P Abbott (Chair), R Bloom and S Carr\n"
            "Officers: J Dean (Licensing Officer), K Ellis (Solicitor)\n"
            "Also in attendance: Mr L Frost (Applicant)\n1. APOLOGIES\nThere were no apologies.\n",
            ["abbott", "bloom", "carr", "frost"],
            ["dean", "ellis"],
            [],
        ),
        (
            "Minutes of the Meeting of the Cabinet held at County Hall on Tuesday 11 March 2025 at 2.00 pm.\n"
            "There were present: Councillor G Hughes (in the Chair), Councillors D Evans and M Jones.\n"
            "Officers in attendance: Chief Executive (W Rees), Head of Legal Services (N Lloyd).\n"
            "Apologies for absence were submitted on behalf of Councillors A Bevan and C Owen.\n",
            ["hughes", "evans", "jones"],
            ["rees", "lloyd"],
            ["bevan", "owen"],
        ),
        (
            "Present (in person): Cllrs A Ash (Mayor), B Birch\nPresent (remotely): Cllr D Dogwood\n"
            "Also present: the Town Clerk (Mrs E Elm) and two members of the public\nApologies: Cllrs F Fir and G Gum\n",
            ["ash", "birch", "dogwood"],
            ["elm"],
            ["fir", "gum"],
        ),
        (
            "Present:\nMr J Bain\nMs L Dunbar (substitute)\n\nIn attendance:\nMrs A Grant, Executive Chief Officer\n"
            "Mr T Hay, Head of Resources\n\nApologies:\nMrs S Innes\n",
            ["bain", "dunbar"],
            ["grant", "hay"],
            ["innes"],
        ),
    ],
)
def test_attendance_more_label_styles(text: str, present: list[str], officers: list[str], apologies: list[str]) -> None:
    att = _attendance(text)
    assert (_keys(att, "present"), _keys(att, "officers"), _keys(att, "apologies")) == (present, officers, apologies)


def test_attendance_ignores_prose_mentions_late_in_a_document() -> None:
    body = "The committee considered the report and agreed the recommendations. " * 400
    att = _attendance("PLANNING COMMITTEE\n\n1. Report\n" + body + "\nCouncillor Ames was present as an observer.\n")
    assert att.present == ()


def _blocks(text: str) -> list[tuple[str, str, bool]]:
    view = TextView.of(Document.from_text(text))
    blocks = attendance_blocks(view, view.text.lower())
    return [(b.kind, view.text[b.start : b.end].strip(), b.trailing) for b in blocks]


def test_attendance_labels_first_cluster_only() -> None:
    text = (
        "TOWN BOARD\nPRESENT: Cllr A Pike, Cllr B Rowe\nApologies: Cllr C Shaw\n"
        "1. Minutes\nThe minutes were approved.\n"
        + "Other business was discussed at length. " * 100
        + "\nPRESENT: Cllr X Other\n"
    )
    assert _blocks(text) == [("present", "Cllr A Pike, Cllr B Rowe", False), ("apologies", "Cllr C Shaw", False)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Cllr A Pike and Cllr B Rowe were also present.\n1. Minutes", [("also", "Cllr A Pike and Cllr B Rowe", True)]),
        (
            "Those present repeated the pledge of allegiance.\nPresent: Cllr A Pike\n",
            [("present", "Cllr A Pike", False)],
        ),
    ],
)
def test_attendance_labels_trailing_label_and_prose_that_is_no_list(
    text: str, expected: list[tuple[str, str, bool]]
) -> None:
    assert _blocks(text) == expected
