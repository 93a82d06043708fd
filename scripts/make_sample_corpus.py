"""Generate the binary documents (PDF, DOCX) of the sample corpus from the text in this file.

    .venv/bin/python scripts/make_sample_corpus.py            # (re)write the files under corpora/
    .venv/bin/python scripts/make_sample_corpus.py --check    # fail if a file differs from what it would write

Every document in ``corpora/`` is invented (councils, people, decisions). The text, HTML and
Markdown documents are stored as they are; the PDF and DOCX documents are produced here from
``TEXTS`` so that anyone can rebuild them byte for byte (fixed dates, fixed zip timestamps,
core PDF fonts only, so the output does not depend on the fonts installed on the machine).

Each text in ``TEXTS`` is written in a small line-based layout markup, one block per line:

    # text        centred bold heading (title block)
    ## text       item heading (bold)
    ### text      sub-heading (bold, smaller)
    > text        indented paragraph (resolution parts, motion wording)
    - text        bullet point
    1. text       numbered paragraph (DOCX: the "List Number" style, so Word supplies the number
                  and it is not in the paragraph's text; PDF: printed as is)
    | a | b |     table row; consecutive rows make one ruled table, the first row is its header
    @pagebreak    start a new page
    anything else a paragraph

:func:`plain_text` returns the text the generator prints for a document (headings, paragraphs
and table cells, one block a line, without the markup); the gold annotations under
``corpora/gold/`` quote it, and ``scripts/check_sample_gold.py`` checks them against it.
"""
from __future__ import annotations

import argparse
import datetime as dt
import io
import re
import sys
import zipfile
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPORA = ROOT / "corpora"

# A fixed moment, so the files are the same on every run.
FIXED_DATE = dt.datetime(2024, 8, 1, 9, 0, 0, tzinfo=dt.timezone.utc)


@dataclass(frozen=True)
class Layout:
    """How one document is printed."""

    kind: str  # "pdf" or "docx"
    title: str  # document metadata title
    author: str
    header: str = ""  # PDF running header ("" for none)
    footer: str = "Page {page} of {pages}"  # PDF running footer; {page}, {pages}
    font_size: float = 10.5
    first_page_header: bool = True


LAYOUTS: dict[str, Layout] = {
    "wealdmoor-county-council/Printed minutes 18th-Jul-2024 10.00 County Council.pdf": Layout(
        kind="pdf",
        title="County Council - 18 July 2024 - Printed minutes",
        author="Wealdmoor County Council Democratic Services",
        header="Wealdmoor County Council - County Council - Thursday, 18 July 2024",
        footer="Page {page} of {pages}",
        font_size=9.5,
        first_page_header=False,
    ),
    "ashcombe-bay-on/2024-04-23-regular-council-minutes.pdf": Layout(
        kind="pdf",
        title="Regular Council Meeting Minutes - April 23, 2024",
        author="Town of Ashcombe Bay, Clerk's Department",
        header="Town of Ashcombe Bay | Regular Council Minutes | April 23, 2024",
        footer="Page {page} of {pages}",
        font_size=10.0,
    ),
    "wandarra-shire-wa/OCM Minutes 20 March 2024.docx": Layout(
        kind="docx",
        title="Ordinary Council Meeting Minutes - 20 March 2024",
        author="Shire of Wandarra",
    ),
}

_TABLE_ROW = re.compile(r"^\|(.*)\|\s*$")
_NUMBERED = re.compile(r"^\d+\.\s")


def blocks(text: str) -> list[tuple[str, object]]:
    """Parse the layout markup into (kind, content) blocks; table rows are grouped."""
    out: list[tuple[str, object]] = []
    for raw in text.splitlines():
        line = raw.rstrip()
        if not line.strip():
            continue
        m = _TABLE_ROW.match(line)
        if m:
            cells = [c.strip() for c in m.group(1).split("|")]
            if out and out[-1][0] == "table":
                out[-1][1].append(cells)  # type: ignore[union-attr]
            else:
                out.append(("table", [cells]))
        elif line == "@pagebreak":
            out.append(("pagebreak", ""))
        elif line.startswith("### "):
            out.append(("h3", line[4:]))
        elif line.startswith("## "):
            out.append(("h2", line[3:]))
        elif line.startswith("# "):
            out.append(("h1", line[2:]))
        elif line.startswith("> "):
            out.append(("indent", line[2:]))
        elif line.startswith("- "):
            out.append(("bullet", line[2:]))
        elif _NUMBERED.match(line):
            out.append(("numbered", line))
        else:
            out.append(("para", line))
    return out


def plain_text(name: str) -> str:
    """The printed text of document ``name`` (a key of TEXTS), one block a line."""
    lines: list[str] = []
    for kind, content in blocks(TEXTS[name]):
        if kind == "table":
            lines.extend(" ".join(c for c in row if c) for row in content)  # type: ignore[union-attr]
        elif kind != "pagebreak":
            lines.append(str(content))
    return "\n".join(lines) + "\n"


# --------------------------------------------------------------------------- PDF
def make_pdf(name: str, layout: Layout) -> bytes:
    from fpdf import FPDF
    from fpdf.enums import XPos, YPos

    size = layout.font_size
    try:  # the core PDF fonts (kept for reproducibility) cover Latin-1 only
        TEXTS[name].encode("latin-1")
    except UnicodeEncodeError as exc:
        bad = TEXTS[name][exc.start]
        raise ValueError(f"{name}: {bad!r} is not Latin-1; PDF texts must use Latin-1 characters") from exc

    class MinutesPDF(FPDF):
        def header(self) -> None:
            if not layout.header or (self.page_no() == 1 and not layout.first_page_header):
                return
            self.set_font("Helvetica", "I", 8)
            self.set_text_color(90, 90, 90)
            self.cell(0, 5, layout.header, align="C", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
            self.set_draw_color(150, 150, 150)
            self.line(self.l_margin, self.get_y() + 1, self.w - self.r_margin, self.get_y() + 1)
            self.ln(5)
            self.set_text_color(0, 0, 0)

        def footer(self) -> None:
            self.set_y(-14)
            self.set_font("Helvetica", "", 8)
            self.set_text_color(90, 90, 90)
            text = layout.footer.format(page=self.page_no(), pages="{nb}")
            self.cell(0, 6, text, align="C")
            self.set_text_color(0, 0, 0)

    pdf = MinutesPDF(format="A4", unit="mm")
    pdf.set_creation_date(FIXED_DATE)
    pdf.set_title(layout.title)
    pdf.set_author(layout.author)
    pdf.set_creator("minutes_nlp scripts/make_sample_corpus.py")
    pdf.set_producer("minutes_nlp sample corpus")
    pdf.set_margins(20, 16, 20)
    pdf.set_auto_page_break(True, margin=20)
    pdf.add_page()
    line_h = size * 0.47
    for kind, content in blocks(TEXTS[name]):
        if kind == "pagebreak":
            pdf.add_page()
        elif kind == "h1":
            pdf.set_font("Helvetica", "B", size + 3)
            pdf.multi_cell(0, line_h + 1.5, str(content), align="C", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
            pdf.ln(1)
        elif kind == "h2":
            pdf.ln(2.5)
            pdf.set_font("Helvetica", "B", size + 0.5)
            pdf.multi_cell(0, line_h + 0.5, str(content), new_x=XPos.LMARGIN, new_y=YPos.NEXT)
            pdf.ln(0.5)
        elif kind == "h3":
            pdf.set_font("Helvetica", "B", size - 0.5)
            pdf.multi_cell(0, line_h, str(content), new_x=XPos.LMARGIN, new_y=YPos.NEXT)
            pdf.ln(1)
        elif kind in ("para", "numbered"):
            pdf.set_font("Helvetica", "", size)
            pdf.multi_cell(0, line_h, str(content), align="J", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
            pdf.ln(1.5)
        elif kind in ("indent", "bullet"):
            pdf.set_font("Helvetica", "", size)
            indent = 10 if kind == "indent" else 6
            pdf.set_x(pdf.l_margin + indent)
            text = str(content) if kind == "indent" else "\u00b7 " + str(content)
            pdf.multi_cell(pdf.epw - indent, line_h, text, align="L", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
            pdf.ln(1.5)
        elif kind == "table":
            rows = content  # type: ignore[assignment]
            pdf.set_font("Helvetica", "", size - 1)
            pdf.set_draw_color(0, 0, 0)
            pdf.set_line_width(0.3)
            # Keep a table on one page: start a new page when it would not fit (estimated height).
            if pdf.will_page_break(len(rows) * (line_h + 2.6)):  # type: ignore[arg-type]
                pdf.add_page()
            with pdf.table(
                borders_layout="ALL",
                line_height=line_h + 0.5,
                text_align="LEFT",
                first_row_as_headings=True,
                headings_style=_headings_style(),
            ) as table:
                for cells in rows:  # type: ignore[union-attr]
                    row = table.row()
                    for cell in cells:
                        row.cell(cell)
            pdf.ln(3)
    return bytes(pdf.output())


def _headings_style():
    from fpdf.fonts import FontFace

    return FontFace(emphasis="BOLD", fill_color=(225, 225, 225))


# --------------------------------------------------------------------------- DOCX
def make_docx(name: str, layout: Layout) -> bytes:
    import docx
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Cm, Pt

    document = docx.Document()
    props = document.core_properties
    props.title = layout.title
    props.author = layout.author
    props.last_modified_by = layout.author
    props.created = FIXED_DATE.replace(tzinfo=None)
    props.modified = FIXED_DATE.replace(tzinfo=None)
    props.last_printed = FIXED_DATE.replace(tzinfo=None)
    props.revision = 1
    style = document.styles["Normal"]
    style.font.name = "Arial"
    style.font.size = Pt(10.5)
    first_h1 = True
    for kind, content in blocks(TEXTS[name]):
        if kind == "pagebreak":
            document.add_page_break()
        elif kind == "h1":
            p = document.add_heading(str(content), level=0 if first_h1 else 1)
            if first_h1:
                p.alignment = WD_ALIGN_PARAGRAPH.CENTER
            first_h1 = False
        elif kind == "h2":
            document.add_heading(str(content), level=2)
        elif kind == "h3":
            document.add_heading(str(content), level=3)
        elif kind == "para":
            document.add_paragraph(str(content))
        elif kind == "indent":
            p = document.add_paragraph(str(content))
            p.paragraph_format.left_indent = Cm(1.0)
        elif kind == "bullet":
            document.add_paragraph(str(content), style="List Bullet")
        elif kind == "numbered":
            document.add_paragraph(_NUMBERED.sub("", str(content), count=1), style="List Number")
        elif kind == "table":
            rows = content  # type: ignore[assignment]
            table = document.add_table(rows=len(rows), cols=len(rows[0]))  # type: ignore[arg-type]
            table.style = "Table Grid"
            for r, cells in enumerate(rows):  # type: ignore[arg-type]
                for c, cell in enumerate(cells):
                    table.cell(r, c).text = cell
                    if r == 0:
                        for run in table.cell(r, c).paragraphs[0].runs:
                            run.bold = True
            document.add_paragraph("")
    buffer = io.BytesIO()
    document.save(buffer)
    return _fix_zip_timestamps(buffer.getvalue())


def _fix_zip_timestamps(data: bytes) -> bytes:
    """Rewrite a zip (DOCX) with a fixed timestamp on every member, for byte-identical output."""
    src = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            fixed = zipfile.ZipInfo(info.filename, date_time=FIXED_DATE.timetuple()[:6])
            fixed.compress_type = zipfile.ZIP_DEFLATED
            fixed.external_attr = 0o644 << 16
            dst.writestr(fixed, src.read(info.filename))
    return out.getvalue()


# --------------------------------------------------------------------------- main
def build(name: str) -> bytes:
    layout = LAYOUTS[name]
    if layout.kind == "pdf":
        return make_pdf(name, layout)
    return make_docx(name, layout)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="only compare with the files on disk")
    parser.add_argument("names", nargs="*", help="documents to build (default: all)")
    args = parser.parse_args(argv)
    names = args.names or sorted(LAYOUTS)
    stale = []
    for name in names:
        data = build(name)
        path = CORPORA / name
        if args.check:
            if not path.is_file() or path.read_bytes() != data:
                stale.append(name)
            continue
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
        print(f"wrote {path.relative_to(ROOT)} ({len(data):,} bytes)")
    if stale:
        print("out of date (run scripts/make_sample_corpus.py):", *stale, sep="\n  ", file=sys.stderr)
        return 1
    return 0


# The documents' text. Edit here, then rerun this script (and scripts/check_sample_gold.py).
# --- BEGIN DOCUMENT TEXTS ---
TEXTS: dict[str, str] = {}

TEXTS["ashcombe-bay-on/2024-04-23-regular-council-minutes.pdf"] = """\
# The Corporation of the Town of Ashcombe Bay
# Regular Council Meeting Minutes
Date: Tuesday, April 23, 2024
Time: 6:00 p.m.
Location: Council Chambers, Ashcombe Bay Municipal Office, 14 Water Street North, and electronic participation
Council Present: Mayor Linda Ferreira, Deputy Mayor Craig MacAulay, Councillor Nadine Boucher, Councillor Gordon Fitzgerald, Councillor Omar Haddad, Councillor Brent Kowalski, Councillor Jessica Tremblay
Staff Present: Mark Dellaire, Chief Administrative Officer; Stephanie Roy, Municipal Clerk; Anil Mehta, Director of Finance/Treasurer; Dave Kinnear, Director of Public Works; Julia Santos, Manager of Planning; Kyle Brandt, Deputy Clerk
## 1. Call to Order
Mayor Ferreira called the meeting to order at 6:00 p.m.
## 2. Land Acknowledgement
Mayor Ferreira read the Town's land acknowledgement.
## 3. Disclosure of Pecuniary Interest and General Nature Thereof
Councillor Boucher declared a pecuniary interest in Item 7.3, Report PLN-2024-06, Short-Term Rental Licensing Framework, as she owns and operates a short-term rental property in Ashcombe Bay. Councillor Boucher did not take part in the discussion of or vote on the item.
## 4. Adoption of Agenda
Resolution 2024-112
Moved by Councillor Kowalski
Seconded by Councillor Tremblay
THAT the agenda for the Regular Council Meeting of April 23, 2024 be adopted as circulated.
CARRIED
## 5. Adoption of Minutes
Resolution 2024-113
Moved by Deputy Mayor MacAulay
Seconded by Councillor Haddad
THAT the minutes of the Regular Council Meeting of April 9, 2024 and the Special Council Meeting (Budget) of April 16, 2024 be adopted as circulated.
CARRIED
## 6. Delegations
### 6.1 Ashcombe Bay Minor Hockey Association - 2024-2025 Ice Rental Rates
Tara Lindsay, President, and Mike Sauvé, Treasurer, of the Ashcombe Bay Minor Hockey Association addressed Council about the proposed 6 per cent increase to ice rental rates for the 2024-2025 season. Ms. Lindsay expressed concern that the increase would add about $45 to the registration fee for each player, at a time when many families were already struggling with costs. She asked Council to phase the increase in over two seasons.
Councillor Fitzgerald asked how many of the Association's 310 players lived outside the Town. Mr. Sauvé responded that about one third came from the neighbouring township, which did not contribute to the cost of the arena. Councillor Tremblay asked whether the Association had applied to the Town's community grant program. Ms. Lindsay responded that it had not, as it understood that sports organizations were not eligible.
Mayor Ferreira thanked the delegation.
Resolution 2024-114
Moved by Councillor Fitzgerald
Seconded by Councillor Tremblay
THAT the delegation from the Ashcombe Bay Minor Hockey Association be received; and THAT staff consider the request to phase in the ice rate increase as part of Report CS-2024-05, 2024-2025 Facility Rates, at the May 14, 2024 Council meeting.
CARRIED
## 7. Staff Reports
### 7.1 FIN-2024-09 2024 Tax Rates and Final Tax Levy
Anil Mehta, Director of Finance/Treasurer, presented the report. He explained that the 2024 levy of $14,862,300 represented an increase of 4.2 per cent over 2023, or about $118 a year for a home assessed at the median value of $412,000. Councillor Haddad asked why the increase was higher than the 3.5 per cent shown in the draft budget. Mr. Mehta responded that the County's final levy and the new OPP billing had both come in higher than estimated.
Resolution 2024-115
Moved by Deputy Mayor MacAulay
Seconded by Councillor Boucher
THAT Council receive Report FIN-2024-09, 2024 Tax Rates and Final Tax Levy; and THAT Council approve the 2024 tax rates as set out in Schedule A to the report; and THAT the tax rate by-law be brought forward for adoption under Item 8.
CARRIED
### 7.2 PW-2024-11 Lakeshore Road Reconstruction - Tender Award
Dave Kinnear, Director of Public Works, presented the report. Four bids had been received, and the lowest compliant bid, from Great Lakes Civil Contractors Ltd., was $3,512,040.00 excluding HST.
Councillor Haddad expressed concern that the lowest bid exceeded the approved budget of $3.1 million by $412,000. He asked how the shortfall would be funded and whether the scope could be reduced. Mr. Kinnear responded that staff recommended funding the shortfall from the Roads Capital Reserve, and that removing the multi-use path would save only $190,000 while losing a provincial grant of $250,000.
Councillor Fitzgerald was concerned that the reserve would fall below the minimum balance set in the Town's reserve policy. Mr. Mehta confirmed that the reserve would be $160,000 below the target balance until the 2025 contribution was made. Councillor Haddad requested a recorded vote.
Resolution 2024-116
Moved by Councillor Kowalski
Seconded by Deputy Mayor MacAulay
THAT Council award Tender PW-T-2024-03 for the reconstruction of Lakeshore Road to Great Lakes Civil Contractors Ltd. in the amount of $3,512,040.00, excluding HST; and THAT the budget shortfall of $412,000 be funded from the Roads Capital Reserve.
Recorded Vote:
| Council Member | Yea | Nay |
| Mayor Ferreira | X |  |
| Deputy Mayor MacAulay | X |  |
| Councillor Boucher | X |  |
| Councillor Fitzgerald |  | X |
| Councillor Haddad |  | X |
| Councillor Kowalski | X |  |
| Councillor Tremblay | X |  |
| Results | 5 | 2 |
CARRIED
### 7.3 PLN-2024-06 Short-Term Rental Licensing Framework
Councillor Boucher, having declared a pecuniary interest, left the Council Chambers at 7:12 p.m.
Julia Santos, Manager of Planning, presented the report, which set out two options: a licensing by-law with a cap on the number of licences, or continued monitoring of short-term rentals for a further year. She noted that the number of active listings in the Town had grown from 96 in 2021 to 214 in 2023.
Councillor Fitzgerald said that residents in the Harbourfront area had raised repeated complaints about noise, parking and garbage at short-term rentals. He felt that a licensing system was overdue. Deputy Mayor MacAulay questioned whether the Town had the by-law enforcement staff to administer a licensing program. Ms. Santos responded that the program would need one additional by-law officer, funded from licence fees. Mayor Ferreira asked that operators and residents be consulted before any by-law was drafted.
Resolution 2024-117
Moved by Councillor Fitzgerald
Seconded by Councillor Tremblay
THAT Council direct staff to prepare a short-term rental licensing by-law, including a cap of 150 licences, for Council's consideration on June 25, 2024.
Recorded Vote:
| Council Member | Yea | Nay |
| Mayor Ferreira |  | X |
| Deputy Mayor MacAulay |  | X |
| Councillor Fitzgerald | X |  |
| Councillor Haddad | X |  |
| Councillor Kowalski |  | X |
| Councillor Tremblay | X |  |
| Results | 3 | 3 |
DEFEATED (tie vote)
Resolution 2024-118
Moved by Deputy Mayor MacAulay
Seconded by Councillor Kowalski
THAT Council receive Report PLN-2024-06, Short-Term Rental Licensing Framework, for information; and THAT staff hold a public open house on short-term rentals and report back with a recommended licensing framework by September 2024.
CARRIED
Councillor Boucher returned to the Council Chambers at 7:48 p.m.
## 8. By-laws
Resolution 2024-119
Moved by Councillor Tremblay
Seconded by Councillor Haddad
THAT By-law 2024-031, being a by-law to set the tax rates and to levy taxes for the year 2024, and By-law 2024-032, being a by-law to authorize the execution of an agreement with Great Lakes Civil Contractors Ltd., be read a first, second and third time and finally passed.
CARRIED
## 9. Notices of Motion
Councillor Haddad gave notice that at the Regular Council Meeting of May 14, 2024 he would introduce a motion directing staff to report on the options for a municipal accommodation tax.
## 10. Confirmatory By-law
Resolution 2024-120
Moved by Councillor Boucher
Seconded by Councillor Fitzgerald
THAT By-law 2024-033, being a by-law to confirm the proceedings of the Council meeting held on April 23, 2024, be read a first, second and third time and finally passed.
CARRIED
## 11. Adjournment
Resolution 2024-121
Moved by Councillor Kowalski
Seconded by Councillor Boucher
THAT Council adjourn at 8:14 p.m.
CARRIED
Linda Ferreira, Mayor
Stephanie Roy, Municipal Clerk
"""

TEXTS["wandarra-shire-wa/OCM Minutes 20 March 2024.docx"] = """\
# SHIRE OF WANDARRA
# MINUTES OF THE ORDINARY COUNCIL MEETING
Held in the Council Chambers, 27 Hampton Street, Wandarra on Wednesday 20 March 2024, commencing at 1.00pm.
DISCLAIMER: No responsibility whatsoever is implied or accepted by the Shire of Wandarra for any act, omission or statement or intimation occurring during Council meetings. Any person or legal entity who acts or fails to act in reliance upon any statement does so at that person's or legal entity's own risk.
## 1. DECLARATION OF OPENING / ANNOUNCEMENT OF VISITORS
The Shire President declared the meeting open at 1.02pm and welcomed the four members of the public in the gallery.
## 2. RECORD OF ATTENDANCE / APOLOGIES / APPROVED LEAVE OF ABSENCE
| Role | Name | Position |
| Members | Cr Ian McAllister | Shire President |
|  | Cr Fiona Delaney | Deputy Shire President |
|  | Cr Tom Hutchins |  |
|  | Cr Joanna Kaminski |  |
|  | Cr Shane O'Rourke |  |
|  | Cr Rajesh Patel |  |
|  | Cr Brett Whitford |  |
| Staff | Mr Greg Lowther | Chief Executive Officer |
|  | Ms Michelle Torrance | Executive Manager Corporate Services |
|  | Mr Brad Koenig | Executive Manager Works and Services |
|  | Ms Amy Chen | Governance Officer (Minutes) |
| Apologies | Nil |  |
| Approved Leave of Absence | Cr Dale Fenwick | Approved at the meeting of 21 February 2024 |
| Gallery | 4 members of the public |  |
## 3. DECLARATIONS OF INTEREST
Cr Whitford declared an impartiality interest in Item 10.2 as he is a life member of the Wandarra Agricultural Society. Cr Whitford stated that, as a consequence, there may be a perception that his impartiality on the matter may be affected, and that he would consider the matter on its merits and vote accordingly.
## 4. PUBLIC QUESTION TIME
4.1 Mr Peter Dunstan, Wandarra
Question: When will the damaged section of footpath on Hampton Street outside the post office be repaired? Two elderly residents have tripped there since January.
Response: The Executive Manager Works and Services advised that the section had been made safe with temporary asphalt and that replacement of 40 metres of footpath was scheduled for the week of 8 April 2024.
4.2 Mrs Lorraine Burke, Kellerberrin Road
Question: Will the Shire consider a lower speed limit on Kellerberrin Road past the school bus stop?
Response: The Chief Executive Officer advised that speed limits on that road were set by Main Roads WA, and that the Shire would write to Main Roads supporting a review.
## 5. CONFIRMATION OF MINUTES OF PREVIOUS MEETINGS
### 5.1 Ordinary Council Meeting - 21 February 2024
COUNCIL RESOLUTION 2024/031
Moved: Cr Hutchins Seconded: Cr Patel
That the Minutes of the Ordinary Council Meeting held on 21 February 2024 be confirmed as a true and correct record.
CARRIED 7/0
## 6. ANNOUNCEMENTS BY THE PRESIDING MEMBER
The Shire President reported that he and the Chief Executive Officer had attended the Central Wheatbelt Zone meeting in Merredin on 1 March 2024, where the main items were the regional waste strategy and the shortage of general practitioners in country towns.
## 7. PETITIONS / DEPUTATIONS / PRESENTATIONS
Nil.
## 8. REPORTS OF COMMITTEES
### 8.1 Audit and Risk Committee - 6 March 2024
COUNCIL RESOLUTION 2024/032
Moved: Cr Delaney Seconded: Cr Kaminski
That Council receive the unconfirmed minutes of the Audit and Risk Committee meeting held on 6 March 2024 and adopt the Committee's recommendation to accept the 2022/23 Interim Audit Management Letter.
CARRIED 7/0
## 9. REPORTS OF OFFICERS - CORPORATE SERVICES
### 9.1 Monthly Statement of Financial Activity - February 2024
File: FM.01.03. Author: Executive Manager Corporate Services. Disclosure of interest: Nil.
Summary: The statement shows operating revenue of $6.94 million to 29 February 2024, which is 3.1 per cent above the year to date budget, and operating expenditure of $5.12 million, 4.6 per cent below budget.
COUNCIL RESOLUTION 2024/033
Moved: Cr Patel Seconded: Cr O'Rourke
That Council receive the Monthly Statement of Financial Activity for the period ending 29 February 2024.
CARRIED 7/0
### 9.2 List of Accounts Paid - February 2024
File: FM.02.01. Author: Senior Finance Officer. Disclosure of interest: Nil.
COUNCIL RESOLUTION 2024/034
Moved: Cr Whitford Seconded: Cr Hutchins
That Council note the accounts paid under delegated authority during February 2024, totalling $1,284,516.22, comprising municipal fund EFT and cheque payments of $1,197,340.18 and direct debits of $87,176.04.
CARRIED 7/0
### 9.3 Budget Review 2023/24
File: FM.01.07. Author: Executive Manager Corporate Services. Disclosure of interest: Nil.
Summary: The review forecasts a closing surplus of $214,800 at 30 June 2024. The following amendments to the 2023/24 budget are proposed:
1. Increase road maintenance expenditure by $96,000 for flood damage to Wallaby Creek Road.
2. Reduce the transfer to the Plant Replacement Reserve by $60,000.
3. Recognise additional Federal Assistance Grant income of $48,300.
4. Reallocate $25,000 from the Recreation Centre roof project to the Wandarra Pool shade structure.
COUNCIL RESOLUTION 2024/035
Moved: Cr Delaney Seconded: Cr Patel
That Council adopt the 2023/24 Budget Review as presented and approve the budget amendments numbered 1 to 4 in the report.
CARRIED BY ABSOLUTE MAJORITY 7/0
## 10. REPORTS OF OFFICERS - WORKS AND SERVICES
### 10.1 Tender RFT 03/2023-24 - Supply of One New Motor Grader
File: TE.03.24. Author: Executive Manager Works and Services. Disclosure of interest: Nil.
Summary: Four tenders were received. The evaluation panel assessed them against the published criteria, with the following results:
| Tenderer | Price (ex GST) | Trade-in offered | Weighted score |
| Wheatbelt Heavy Machinery Pty Ltd | $478,500 | $62,000 | 86.5 |
| Goldfields Plant Sales | $455,900 | $48,000 | 79.0 |
| Avon Earthmoving Equipment | $492,300 | $70,000 | 77.5 |
| Kalgarri Machinery Group | $511,750 | $55,000 | 71.0 |
OFFICER RECOMMENDATION
That Council accept the tender from Wheatbelt Heavy Machinery Pty Ltd for the supply of one new motor grader for $478,500 excluding GST, with the trade-in of plant item P104 for $62,000.
Cr Kaminski moved an alternative motion, seconded by Cr O'Rourke, that the tender be readvertised to allow local dealers more time to respond. The alternative motion was put and LOST 2/5.
COUNCIL RESOLUTION 2024/036
Moved: Cr Hutchins Seconded: Cr Delaney
That Council accept the tender from Wheatbelt Heavy Machinery Pty Ltd for the supply of one new motor grader for $478,500 excluding GST, with the trade-in of plant item P104 for $62,000.
CARRIED 6/1
### 10.2 Wandarra Showgrounds - Lease to Wandarra Agricultural Society Inc.
File: PR.04.11. Author: Chief Executive Officer. Disclosure of interest: Cr Whitford (impartiality).
Summary: The Society's lease of the showgrounds pavilion and stables expires on 30 June 2024. A new lease of ten years at a peppercorn rent is proposed, with the Society responsible for minor maintenance.
COUNCIL RESOLUTION 2024/037
Moved: Cr O'Rourke Seconded: Cr Patel
That Council approve a new lease of the Wandarra Showgrounds pavilion and stables to the Wandarra Agricultural Society Inc. for a term of ten years from 1 July 2024 at a rent of $1 per annum, and authorise the Shire President and Chief Executive Officer to sign and affix the common seal to the lease.
CARRIED 7/0
## 11. ELECTED MEMBERS' MOTIONS OF WHICH PREVIOUS NOTICE HAS BEEN GIVEN
Nil.
## 12. URGENT BUSINESS INTRODUCED BY DECISION OF THE MEETING
Nil.
## 13. MATTERS BEHIND CLOSED DOORS
COUNCIL RESOLUTION 2024/038
Moved: Cr Delaney Seconded: Cr Hutchins
That the meeting be closed to members of the public under section 5.23(2)(a) of the Local Government Act 1995 to consider Item 13.1, Chief Executive Officer Annual Performance Review, as it deals with a matter affecting an employee.
CARRIED 7/0
The meeting was closed to the public at 2.38pm and the Chief Executive Officer, the Executive Managers and the members of the public left the Chambers.
### 13.1 Chief Executive Officer Annual Performance Review
COUNCIL RESOLUTION 2024/039
Moved: Cr McAllister Seconded: Cr Whitford
That Council adopt the report of the CEO Performance Review Panel dated 11 March 2024, rating the Chief Executive Officer's performance for 2023 as "meets expectations", and approve the key performance indicators for 2024 as set out in the confidential attachment.
CARRIED 7/0
COUNCIL RESOLUTION 2024/040
Moved: Cr Patel Seconded: Cr Kaminski
That the meeting be reopened to members of the public.
CARRIED 7/0
The meeting was reopened at 2.57pm. No members of the public returned to the gallery. The Shire President read aloud the resolution made behind closed doors.
## 14. CLOSURE
The Shire President declared the meeting closed at 3.01pm.
These minutes were confirmed at the Ordinary Council Meeting held on 17 April 2024.
Signed: ______________________ Presiding Member
"""

TEXTS["wealdmoor-county-council/Printed minutes 18th-Jul-2024 10.00 County Council.pdf"] = """\
# WEALDMOOR COUNTY COUNCIL
# COUNTY COUNCIL
MINUTES of the proceedings of the County Council at County Hall, Castlebridge, on Thursday, 18 July 2024, commencing at 10.00 am.
PRESENT: Mrs E M Thornbury (Chairman), Mr K Aldous (Vice-Chairman), Mr R Ashby, Mrs P Bexley, Mr T Blanchflower, Ms H Carrow, Mr D Cheverton, Mrs L Dunstable, Mr F Eddington, Mr G Fanshawe, Mrs J Gathercole, Mr S Hebden, Ms N Iqbal, Mr P Jolliffe, Mrs A Kershaw, Mr M Langridge, Ms C Merriweather, Mr O Northcott, Mrs V Pennock, Mr B Quarrie, Mr J Rudge, Mrs T Sallow, Mr W Tennant, Ms R Umfreville, Mr A Vardy and Mrs G Winstanley
IN ATTENDANCE: Ms K Radcliffe (Chief Executive), Mr J Okonjo (Corporate Director of Finance), Mrs S Pelham (General Counsel), Mr C Danvers (Corporate Director of Children's Services) and Mr L Farrant (Democratic Services Manager)
### UNRESTRICTED ITEMS
## 45/24 Apologies for Absence
### (Item 1)
The General Counsel reported apologies from Mr H Ormesby, Mrs D Lavington and Mr C Yelland.
## 46/24 Declarations of Interests by Members in items on the agenda for this meeting
### (Item 2)
Mr T Blanchflower declared an Other Significant Interest in Item 9 (Motion for Time Limited Debate - Rural Bus Services) as a trustee of Castlebridge Community Transport, and said that he would leave the Chamber for that item.
## 47/24 Minutes of the County Council meeting of 16 May 2024 for confirmation
### (Item 3)
RESOLVED that the minutes of the County Council meeting of 16 May 2024 be confirmed as a true record and signed by the Chairman.
## 48/24 Chairman's Announcements
### (Item 4)
(a) Death of former Member
The Chairman announced with regret the death of Mr Leonard Ravenhill, who had represented Castlebridge North from 2005 to 2017 and had served as Cabinet Member for Environment. She invited Members to pay tribute, and tributes were paid by Mr Ashby, Mr Quarrie and Ms Merriweather. Members stood in silence in his memory.
(b) Congratulations
The Chairman congratulated the Castlebridge Library team on winning the regional Reading Friendly Libraries award. She also thanked the Highways Emergency Response team for their work during the flooding at Hexley in June.
## 49/24 Questions
### (Item 5)
In accordance with Procedure Rule 1.17(4), four questions had been received and were asked at the meeting; the questions and the answers given are summarised below.
Ms Iqbal asked the Cabinet Member for Highways and Transport how many of the 312 potholes reported on the A1077 between January and April had been repaired within the 28-day target. Mr Cheverton replied that 241 of the 312 defects had been repaired within target and that the remainder had been completed within 40 days. He explained that the wet spring had delayed permanent repairs and that a further £1.2m had been added to the resurfacing programme. In a supplementary question, Ms Iqbal asked why residents were still being told that repairs were 'scheduled' months after a defect had been reported. Mr Cheverton said he would ask officers to review the wording used by the online reporting system and would write to Ms Iqbal with the outcome.
Mr Eddington asked the Cabinet Member for Adult Social Care what assessment had been made of the effect of the closure of the Orchard House day centre on unpaid carers. Mrs Gathercole replied that an equality impact assessment had been published with the decision and that every family affected had been offered an alternative placement. In a supplementary question, Mr Eddington asked whether the Cabinet Member would publish the number of families who had declined the alternative they had been offered. Mrs Gathercole agreed to provide the figures to all Members.
Mrs Winstanley asked the Leader of the Council whether the Council would commit to publishing the carbon impact of each capital scheme costing more than £1m. Mr Ashby replied that carbon assessments were already included in the business case for every major scheme, and he did not consider a separate publication to be necessary. Mrs Winstanley was concerned that the assessments were not available to the public and asked the Leader to reconsider.
Mr Vardy asked the Cabinet Member for Children's Services how many requests for an Education, Health and Care Plan had been completed within the statutory 20 weeks in 2023-24. Mr Hebden replied that 46 per cent had been completed within 20 weeks, compared with 38 per cent in the previous year. He accepted that performance remained well below the national average and said that 14 additional educational psychologists had now been recruited.
## 50/24 Report by the Leader of the Council (Oral)
### (Item 6)
Mr Ashby spoke about the Council's response to the flooding at Hexley and Marlow Green in June, when more than 140 homes had been affected. He thanked staff, the fire and rescue service and the many volunteers who had helped residents. The Leader reported that the Council had submitted a bid of £4.6m to the Department for Transport for the Castlebridge Eastern Relief Road and expected to hear the outcome in the autumn. He also referred to the provisional outturn for 2023-24, which showed an overspend of £3.4m, mainly in home to school transport and placements for children in care.
Mr Quarrie, Leader of the Labour Group, said that the flooding had exposed the poor condition of drainage on the county's roads. He was concerned that the gully cleansing budget had been reduced by 20 per cent in two years. He asked the Leader to commission an independent review of the drainage network in the areas affected and to report the findings to the Council. Turning to the overspend, he questioned whether the budget for home to school transport had ever been realistic.
Ms Merriweather, Leader of the Liberal Democrat Group, welcomed the support given to flooded households. She asked what financial help would be available to small businesses in Hexley that had been forced to close. She was concerned that the relief road bid would draw staff and match funding away from the maintenance of existing roads.
Mrs Sallow, Leader of the Green Group, asked why the Council had not yet published its updated Local Flood Risk Management Strategy, which had been due in March.
In response, the Leader said that a review of the drainage network in Hexley and Marlow Green was already under way with the Environment Agency and that he would be happy to share its findings with all Members. A hardship scheme for small businesses would open on 1 August, with grants of up to £2,500. He said that the relief road bid was for external capital funding and would not reduce the maintenance budget. The updated flood strategy had been delayed so that it could take account of the June flooding, and it would be published for consultation in September. The Corporate Director of Finance added that the home to school transport budget had been increased by £5.1m for 2024-25 and that the position would be reported to the Cabinet in September.
RESOLVED that the Leader's report be noted.
## 51/24 Treasury Management Annual Review 2023-24
### (Item 7)
Mrs Bexley moved and Mr Aldous seconded the recommendations set out in the report.
Mrs Bexley explained that investment income of £9.8m had been achieved, £2.1m above budget, because interest rates had remained higher than forecast. No new long-term borrowing had been taken out during the year.
Mr Eddington asked whether the Council still held investments in fossil fuel companies through its pooled funds. Mrs Bexley replied that the treasury portfolio held no direct investments in fossil fuel companies, and that the Pension Fund was a matter for the Pension Fund Committee.
RESOLVED that:
> (a) the Treasury Management Annual Review for 2023-24 be noted; and
> (b) the prudential indicators for 2023-24 set out in Appendix 2 to the report be approved.
## 52/24 Home to School Transport Policy 2025-26
### (Item 8)
Mr Hebden moved and Mr Jolliffe seconded the recommendations set out in the report.
Mr Hebden explained that the policy would end discretionary free transport for pupils attending a school that was not their nearest suitable school, except where a brother or sister already received transport. He said that the cost of home to school transport had risen from £38m to £57m in three years and that the change would save an estimated £2.3m a year once fully implemented.
Mr Vardy moved and Ms Carrow seconded the following amendment:
> 'Delete recommendation (a) and insert: (a) defers any change to discretionary transport until an assessment of the effect on rural families and on pupils with special educational needs has been reported to the Children's Scrutiny Committee.'
Mr Vardy said that families in rural areas had no public transport alternative, and he was concerned that the change would fall hardest on those least able to pay. Ms Carrow asked how many pupils would lose free transport in the first year. Mr Danvers, Corporate Director of Children's Services, replied that around 1,150 pupils would be affected once the policy was fully in place, but that the change applied only to pupils starting at a new school from September 2025. Mrs Sallow was concerned that the consultation had received fewer than 600 responses and questioned whether parents had been properly informed. Mr Fanshawe said that the Council could not continue to provide a service that went beyond its statutory duty when budgets were under such pressure.
After debate, the amendment was put to a recorded vote, with the following result:
For (10): Mr T Blanchflower, Ms H Carrow, Mr F Eddington, Ms N Iqbal, Ms C Merriweather, Mr B Quarrie, Mrs T Sallow, Ms R Umfreville, Mr A Vardy and Mrs G Winstanley
Against (16): Mr K Aldous, Mr R Ashby, Mrs P Bexley, Mr D Cheverton, Mrs L Dunstable, Mr G Fanshawe, Mrs J Gathercole, Mr S Hebden, Mr P Jolliffe, Mrs A Kershaw, Mr M Langridge, Mr O Northcott, Mrs V Pennock, Mr J Rudge, Mr W Tennant and Mrs E M Thornbury
Abstain (0)
Amendment lost
The substantive motion was then put to a recorded vote, with the following result:
| For (16) | Against (7) | Abstain (3) |
| Mr K Aldous | Mr T Blanchflower | Mr F Eddington |
| Mr R Ashby | Ms H Carrow | Ms C Merriweather |
| Mrs P Bexley | Ms N Iqbal | Ms R Umfreville |
| Mr D Cheverton | Mr B Quarrie |  |
| Mrs L Dunstable | Mrs T Sallow |  |
| Mr G Fanshawe | Mr A Vardy |  |
| Mrs J Gathercole | Mrs G Winstanley |  |
| Mr S Hebden |  |  |
| Mr P Jolliffe |  |  |
| Mrs A Kershaw |  |  |
| Mr M Langridge |  |  |
| Mr O Northcott |  |  |
| Mrs V Pennock |  |  |
| Mr J Rudge |  |  |
| Mr W Tennant |  |  |
| Mrs E M Thornbury |  |  |
Motion carried
RESOLVED that County Council:
> (a) approves the Home to School Transport Policy 2025-26 set out in Appendix A to the report, to take effect for pupils starting at a new school from September 2025;
> (b) asks the Corporate Director of Children's Services to report the effect of the policy on rural families and on pupils with special educational needs to the Children's Scrutiny Committee in twelve months' time; and
> (c) delegates authority to the Corporate Director of Children's Services, after consulting the Cabinet Member for Children's Services, to make minor amendments to the policy document before publication.
## 53/24 Motion for Time Limited Debate - Rural Bus Services
### (Item 9)
Mr Blanchflower, having declared an interest, left the Chamber for this item.
Mrs Sallow moved and Mrs Winstanley seconded the following motion:
> 'This Council notes that 23 rural bus routes in Wealdmoor have been withdrawn or reduced since 2019, and asks the Cabinet to establish a Rural Bus Fund of £750,000 a year from 2025-26, funded from the corporate contingency.'
Mrs Sallow said that many villages now had no bus service after 6pm and that young people and older residents were being left isolated. She asked the Council to recognise that community transport could not fill the gap on its own. Mr Cheverton said that he shared the concern about rural isolation but that the corporate contingency was already committed to flood recovery. He said that officers would bring a report on demand responsive transport to the Cabinet in the autumn. Ms Umfreville asked whether the Cabinet Member would at least commit to protecting the existing subsidy for the 41 and 47 routes. Mr Cheverton replied that no decision had been taken to reduce those subsidies.
Following the debate, the motion was put to the vote and was lost.
## 54/24 Cabinet and Committee Minutes for noting
### (Item 10)
RESOLVED that the minutes of the Cabinet held on 20 June 2024 and of the Governance and Audit Committee held on 3 July 2024 be noted.
The meeting closed at 1.05 pm.
"""

# --- END DOCUMENT TEXTS ---

if __name__ == "__main__":
    sys.exit(main())
