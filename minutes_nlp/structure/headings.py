"""Heading cues: what each line looks like, and whether a piece of text reads as an item title.

:func:`prepare_lines` turns a :class:`TextView` into :class:`LineInfo` records (Markdown
markup removed, bold / heading / upper-case flags, the item marker at its start), computed
once per line. The tests here decide whether text is a title ("Village Green"), a sentence
("The clerk reported ..."), a label ("RESOLVED", "Chair"), preamble (attendance lists),
or a sign-off, and how a heading wraps onto the lines below it.

Example:
    >>> from minutes_nlp.readers.document import Document
    >>> lines = prepare_lines(TextView.of(Document.from_text("**ROADS**\\nGrading done.")))
    >>> [(ln.text, ln.strong) for ln in lines]
    [('ROADS', True), ('Grading done.', False)]
    >>> looks_like_title("Footpath Repairs"), looks_like_title("The clerk reported a fault.")
    (True, False)
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from minutes_nlp.structure.numbering import Marker, match_marker, trailing_ref
from minutes_nlp.structure.text import TextView

__all__ = [
    "Heading",
    "LineInfo",
    "clean_title",
    "count_verbs",
    "continues",
    "ends_sentence",
    "gather_title",
    "in_signature",
    "is_attendance",
    "is_entry",
    "is_heading_text",
    "is_person_name",
    "is_plain_heading",
    "looks_like_title",
    "names_document",
    "prepare_lines",
    "split_run_in",
    "strip_marker",
    "wrap_length",
]

_MD_HEADING = re.compile(r"^#{1,6}\s+")
_LETTERS = re.compile(r"[^\W\d_]")
_MD_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!$|>])")
_LEAD_BOLD = re.compile(r"^(?:\*\*|__)(?P<lead>[^*_]{2,80}?)(?:\*\*|__)\s*[:\-–—]?\s*(?P<rest>\S.*)$")
_WHOLE_BOLD = re.compile(r"^(?:\*{2,3}|_{2,3})(?P<t>.+?)(?:\*{2,3}|_{2,3})\W{0,2}$")
_NOISE = re.compile(r"^(?:[\W_]+|\d{1,4}|page \d+(?: of \d+)?|- ?\d+ ?-)$", re.IGNORECASE)
_SMALL = frozenset(
    "a an and the of for to in on at by with from or as into per via re be is are & de la le van von upon under "
    "within about than not no its their his her our your this that these those last next previous".split()
)
_VERBS = frozenset(  # words that make a line a sentence, not a title
    "was were had has have said noted asked reported explained advised informed agreed stated thanked "
    "confirmed proposed seconded moved welcomed referred highlighted requested questioned presented introduced "
    "reminded would could should did will shall declared received attended expressed suggested felt gave "
    "outlined discussed considered resolved wished is are".split()
)
_WORD = re.compile(r"\w+")
# "Proposed by ...", "Proposed that ...": after these, a leading participle is a verb, not part of a title
_NOT_NAMED = frozenset("that by the to and cllr councillor councilor mr mrs ms dr".split())
# Patterns for the end of a line are matched on the reversed text: a search anchored at "$"
# would try every position of every line.
_CONTINUES_REV = re.compile(r"(?:(?i:dna|ro|fo|eht|rof|ot|ni|no|yb|htiw|morf|ta|a|na|otni)\b|[-–—,(/&]|\.[A-Z]\b)")
_ABBREV_REV = re.compile(r"\.(?:(?:oN|oC|dtL|cte|tS|rD|cnI|sorB|rllC|veR|sv|m\.p|m\.a)\b|[A-Z]\b)")
_CLOSERS = "\"'”’)]"
_END_CHARS = frozenset(".?!;:" + _CLOSERS)  # what a line ending a sentence ends with
_MONEY = re.compile(r"[£$€]\s?\d|\d\s?(?:p|pence|euro|dollars)\b")
_ATTENDANCE = re.compile(
    r"^(?:those\s+|members\s+|councillors\s+|officers?\s+|officials\s+|staff\s+|also\s+|others\s+)?"
    r"(?:present|attending|in attendance|apologies|absent|in the chair|present in the chair|observers|guests|visitors)"
    r"\b\W*(?:[:\-–]|$)",
    re.IGNORECASE,
)
_NOT_ITEMS = re.compile(
    r"^(?:minutes?|draft|reply|response|answer|recommendations?(?: no\.? ?\d+)?|resolved|resolution|agreed|"
    r"decision|motion|amendment|carried|lost|note|notes|action|actions|signed|date|dated|chair|chairman|"
    r"chairperson|mayor|clerk|town clerk|parish clerk|cathaoirleach|confirmed|supporting documents|"
    r"background|purpose|summary|proposer|seconder|for|against|abstain(?:ed|ing)?|abstentions|"
    r"yeas|nays|ayes|noes|contents|index|page|private|confidential|proceedings|present|apologies|"
    r"(?:un)?restricted items|exempt items|part [ab12]|open session|closed session|file|author|summary|question|"
    r"response|moved|seconded|officer recommendation|council resolution)\b(?:\s*(?:no\.?)?\s*\d[\w/.\-]*)?\W*$",
    re.IGNORECASE,
)
_WHEN = re.compile(
    r"\b\d{1,2}[:.]\d{2}\s*(?:[ap]\.?m\b|hrs|$)|\b\d{1,2}(?:st|nd|rd|th)?,?\s+(?:January|February|March|April|May|June|"
    r"July|August|September|October|November|December)\b|\b(?:January|February|March|April|May|June|July|August|"
    r"September|October|November|December)\s+\d{1,2}\b",
    re.IGNORECASE,
)
_PERSON = re.compile(
    r"^(?:Cllr|Councillor|Councilor|Council Member|Mr|Mrs|Ms|Miss|Dr|Supervisor|Alderman|Mayor|Commissioner|Trustee)\.?\s+[A-Z]"
)
_SIGN_OFF = re.compile(r"^(?:respectfully|respectively|yours|signed|submitted|approved by|prepared by|minutes taken)\b", re.IGNORECASE)
_DOC_TITLE = re.compile(
    r"\b(?:minutes|meeting|council|committee|board|township|parish|borough|county|city of|town of)\b|"
    r"\b(?:january|february|march|april|may|june|july|august|september|october|november|december)\b",
    re.IGNORECASE,
)
_RUN_IN_COLON = re.compile(r"^(?P<head>[^:]{3,90}?):(?:\s+|(?=[A-Z]))(?P<body>\S.*)$")
_DIGIT = re.compile(r"\d")
_BRACKETED_TEXT = re.compile(r"\([^)]*\)?")
_COMMA_LOWER = re.compile(r",\s+[a-z]")
_RUN_ON = re.compile(r"\s[-–—]{1,2}\s+(?:[a-z]|(?:The|This|It|There|He|She|They|We|No|Not)\b)")
_DATE_WORD = re.compile(r"^Date\b")
_PERSON_ONLY = re.compile(r"^(?:Mr|Mrs|Ms|Miss|Dr|Cllr|Councillor|Cr)\.?(?:\s+[A-Z][\w'’.-]*){1,4}(?:,\s*[A-Z][\w'’ .-]*)?$")
_SIGNED = re.compile(r"^(?:signed|signature)\b", re.IGNORECASE)
_ROLE = re.compile(  # an office signing the minutes, alone on its line
    r"^(?:(?:town|parish|city|county|borough|deputy|assistant|acting|vice)[\s-]+)?"
    r"(?:clerk|chair(?:man|woman|person)?|mayor|secretary|president|cathaoirleach|príomh[\s-]chomhairleoir|"
    r"chief executive|proper officer)(?:\s+(?:of|to)\s+(?:the\s+)?[^\W\d_]+(?:\s+[^\W\d_]+)?)?\W*$",
    re.IGNORECASE,
)
_DANGLING = re.compile(r"\s[-–—]+$")
_ENTRY = re.compile(r"\S\s[-–—]{1,2}\s+\S")


@dataclass(slots=True)
class LineInfo:
    """One non-empty line of the view as the item finder sees it.

    ``text`` is the line without Markdown markup; ``strong`` means a heading or bold
    throughout; ``caps`` upper case; ``para`` a new paragraph; ``lead`` a bold lead-in
    at the start ("**TRANSFER** of ..."); ``marker`` the item number it starts with.
    """

    index: int  # index into view.lines
    raw: str
    text: str
    strong: bool
    level: int
    caps: bool
    para: bool
    marker: Marker | None
    lead: str | None = None
    listed: bool = False  # a bulleted or numbered list item
    table: bool = False
    ends: bool = False  # the text ends a sentence (:func:`ends_sentence`)


@dataclass
class Heading:
    """An item heading found in the lines: where it is, its title, and its number if printed."""

    first: int  # index of the heading's first line
    last: int  # index of the heading's last line
    title: str
    number: str | None = None
    parts: tuple[str, ...] = ()
    kind: str = "head"  # anchor | top | sub | head
    strong: bool = False
    body_offset: int | None = None  # a run-in heading: where the body starts inside its line
    minute_ref: str | None = None
    agenda_ref: str | None = None
    family: tuple = field(default_factory=tuple)
    styled: bool = False  # printed as a heading or in bold


def prepare_lines(view: TextView) -> list[LineInfo]:
    """The view's lines with markup removed and their cues read, skipping page numbers and rules."""
    out: list[LineInfo] = []
    append = out.append
    for index, line in enumerate(view.lines):
        raw = line.text.strip()
        if not raw:
            continue
        kind = line.kind
        text, strong, level, lead = raw, kind == "heading" or line.bold, line.level if kind == "heading" else 0, None
        if raw[0] == "#" or "*" in raw or "_" in raw or "\\" in raw:  # Markdown markup
            text, strong, level, lead = _strip_markup(raw, strong, level)
            if not text:
                continue
        first = text[0]
        if (not first.isalpha() or first in "pP") and _NOISE.match(text) and (not text.isdigit() or _page_edge(view, index)):
            continue
        caps = text.upper() == text and len(_LETTERS.findall(text)) >= 3
        marker = match_marker(text)
        if marker is not None and marker.kind == "arabic" and not marker.rest and not marker.punct:
            continue  # a bare page number
        append(LineInfo(index, raw, text, strong, level, caps, line.para_break, marker, lead,
                        kind == "list_item", kind == "table_row", text[-1] in _END_CHARS and ends_sentence(text)))
    return out


def _strip_markup(raw: str, strong: bool, level: int) -> tuple[str, bool, int, str | None]:
    """A line's text without Markdown markup; bold throughout or a heading makes it strong."""
    text, lead = raw, None
    if _MD_HEADING.match(text):
        level = len(text) - len(text.lstrip("#"))
        text, strong = _MD_HEADING.sub("", text), True
    whole = _WHOLE_BOLD.match(text)
    if whole and "**" not in whole.group("t").strip("*"):
        text, strong = whole.group("t"), True
    else:
        match = _LEAD_BOLD.match(text)
        if match:
            lead = _unescape(match.group("lead")).strip()
    text = _unescape(text.replace("**", "").replace("__", "")).strip(" *_\t")
    return text, strong, level, lead


def _unescape(text: str) -> str:
    return _MD_ESCAPE.sub(r"\1", text) if "\\" in text else text


def _page_edge(view: TextView, index: int) -> bool:
    page = view.lines[index].page_no
    return any(not 0 <= index + d < len(view.lines) or view.lines[index + d].page_no != page for d in (-2, -1, 1, 2))


def ends_sentence(text: str) -> bool:
    """Whether ``text`` ends a sentence ("... approved." but not "Co." or "J.")."""
    text = text.rstrip()
    if not text or text.rstrip(_CLOSERS)[-1:] not in (".", "?", "!", ";", ":"):
        return False
    return not (text[-1] == "." and _abbreviation_end(text))


def _abbreviation_end(text: str) -> bool:
    """``text`` ends with an abbreviation's full stop: "Co.", "p.m.", an initial "J."."""
    return _ABBREV_REV.match(text[-8:][::-1]) is not None  # the longest, "Cllr.", and the character before it


def continues(text: str) -> bool:
    """Whether ``text`` stops mid-phrase ("... and", "Planning -", "Cllr J."), so a title goes on."""
    return _CONTINUES_REV.match(text[-8:][::-1]) is not None


def clean_title(title: str) -> str:
    """A title without its "(Item N)" reference, edge punctuation or final full stop."""
    title = " ".join(title.split())
    ref = trailing_ref(title)
    if ref:
        title = ref[0]
    title = title.strip(" :;,-–—*_").strip()
    return title[:-1] if title.endswith(".") and not _abbreviation_end(title) else title


def strip_marker(text: str) -> str:
    """``text`` without the item number it starts with."""
    marker = match_marker(text)
    return marker.rest if marker else text


def looks_like_title(text: str, *, max_words: int = 40, numbered: bool = False, strong: bool = False,
                     strict: bool = False, min_caps: float = 0.0) -> bool:
    """Whether ``text`` reads as an item title: short, capitalised, not a sentence."""
    t = " ".join(text.split()).rstrip(":").strip(" -–—")
    if not t or len(t) > 300 or not (t[0].isupper() or t[0].isdigit() or t[0] in "\"'‘“("):
        return False
    words = t.split()
    if len(words) > max_words:
        return False
    if t.endswith((".", ",", ";", "?", "!")) and not _abbreviation_end(t):
        if strict or not numbered or len(words) > 3 or t.endswith((",", ";")):
            return False
    content = [w for w in words if w[:1].isalpha() and w.lower().strip(",.;:()") not in _SMALL]
    if content:  # mostly capitalised words (tested first: it rules most sentences out cheaply)
        ratio = sum(1 for w in content if w[0].isupper()) / len(content)
        floor = 0.3 if (numbered or strong) and not strict else 0.6
        if numbered and strong and not strict and len(words) <= 12:
            floor = 0.0  # a short bold numbered heading may be in sentence case: "24/039 Playing field and play area"
        if ratio < max(min_caps, floor):
            return False
    elif not numbered:
        return False
    if strict and (_COMMA_LOWER.search(t) or _WHEN.search(t)):
        return False
    verbs = count_verbs(_BRACKETED_TEXT.sub("", t) if "(" in t else t)
    if verbs and not (strong and verbs == 1 and numbered):
        return False
    return strong or not _RUN_ON.search(t)


def count_verbs(text: str) -> int:
    """How many words of ``text`` are verbs of reported business ("noted", "was", "asked")."""
    words = _WORD.findall(text)
    count = sum(1 for word in words if word.lower() in _VERBS)
    if count and len(words) > 1 and words[0].lower().endswith("ed") and words[0].lower() in _VERBS \
            and words[1][:1].isupper() and words[1].lower() not in _NOT_NAMED and text.startswith(words[0] + " "):
        count -= 1  # "Proposed Recycling Centre": a participle naming the subject, not a verb
    return count


def gather_title(lines: list[LineInfo], j: int, text: str, wrap: float) -> tuple[str, int]:
    """A title starting on line ``j`` and the index of its last line (titles may wrap).

    ``wrap`` is the document's :func:`wrap_length`.
    """
    last, parts = j, [text]
    while last + 1 < len(lines) and last - j < 3:
        current, nxt = lines[last], lines[last + 1]
        if parts[-1].rstrip().endswith(":") or nxt.marker is not None:
            break
        ref = trailing_ref(nxt.text)
        if ref is not None and not ref[0]:
            parts.append(nxt.text)
            last += 1
            break
        joined = continues(parts[-1].rstrip())
        wrapped = wrap and len(current.text) >= 0.85 * wrap and not current.ends \
            and not (nxt.para and nxt.caps != current.caps)  # an upper-case title does not run into a paragraph
        same_style = current.strong and nxt.strong and current.level == nxt.level and not nxt.para
        short_tail = len(nxt.text.split()) <= 2 and nxt.text[:1].isupper() and not nxt.ends \
            and not current.ends and not nxt.strong and not current.strong
        if not (joined or wrapped or same_style or short_tail) or len(" ".join(parts).split()) > 40:
            break
        if nxt.strong != current.strong and not joined or nxt.lead:
            break
        parts.append(nxt.text)
        last += 1
    return " ".join(parts), last


def wrap_length(lines: list[LineInfo]) -> float:
    """The usual length of a full body line (0 when lines are whole paragraphs)."""
    lengths = sorted(len(ln.text) for ln in lines if not ln.strong and len(ln.text) > 20)
    ended = sum(1 for ln in lines if len(ln.text) > 20 and ln.ends)
    if len(lengths) < 20 or lengths[int(len(lengths) * 0.9) - 1] > 160 or ended > 0.6 * len(lengths):
        return 0.0
    return float(lengths[int(len(lengths) * 0.75)])


def split_run_in(title: str) -> tuple[str, str] | None:
    """``"Minutes of the last Meeting: Cllr Ames proposed"`` -> the heading and its body."""
    if ":" not in title:
        return None
    match = _RUN_IN_COLON.match(title)
    if not match or not looks_like_title(match.group("head"), max_words=10, min_caps=0.5):
        return None
    return match.group("head").strip(), match.group("body")


def is_heading_text(text: str) -> bool:
    """Whether ``text`` may head an item at all: not a label ("RESOLVED", "Chair"), attendance,
    money, a date or time, a sign-off, a person's name or an office ("Clerk to the Council")."""
    if len(text) < 3 or _NOT_ITEMS.match(text) or _ATTENDANCE.match(text) or _SIGN_OFF.match(text) \
            or _PERSON.match(text) or _ROLE.match(text):
        return False
    return not (_DIGIT.search(text) and (_MONEY.search(text) or _WHEN.search(text)))


def in_signature(lines: list[LineInfo], i: int) -> bool:
    """Whether line ``i`` belongs to a signature block: after "Signed", before "Date", or a name over an office.

    Example: "Signed: / Cathaoirleach / Date:" or "JANE AMES / Clerk of Council" at the end.
    """
    if i > 0 and _SIGNED.match(lines[i - 1].text):
        return True
    if i + 1 < len(lines):
        nxt = lines[i + 1].text
        if _DATE_WORD.match(nxt) and len(nxt) < 40 or _ROLE.match(nxt) and len(lines[i].text.split()) <= 5:
            return True
    return False


def is_person_name(text: str) -> bool:
    """A person's name with a title, and perhaps where they live: "Mrs J Ames, Mill Road"."""
    return _PERSON_ONLY.match(text) is not None


def is_attendance(text: str) -> bool:
    """An attendance line: "Present:", "Apologies", "In attendance -"."""
    return _ATTENDANCE.match(text) is not None


def names_document(title: str) -> bool:
    """Whether a heading names the document ("Monthly Meeting", "Town of North Star", a month)."""
    return _DOC_TITLE.search(title) is not None


def is_plain_heading(lines: list[LineInfo], i: int, wrap: float, taken: set[int] | frozenset[int] = frozenset()) -> bool:
    """A plain line standing alone between paragraphs, like a heading."""
    ln = lines[i]
    paragraphs = wrap == 0
    if not (paragraphs or i == 0 or i - 1 in taken):  # the line before ends a paragraph
        prev = lines[i - 1]
        alone = prev.marker is not None and not prev.marker.rest
        if not (prev.ends or prev.strong or prev.caps or alone or prev.text.endswith(("”", '"'))) or continues(prev.text):
            return False
    if not paragraphs and len(ln.text) >= 0.85 * wrap and not continues(ln.text):
        return False
    if not ln.text[:1].isalpha() or _DANGLING.search(ln.text):
        return False  # "E-on - Direct Debit -": an entry whose amount follows
    if i + 1 < len(lines):
        nxt = lines[i + 1]
        if nxt.marker is None and nxt.text[:1].islower() or _DATE_WORD.match(nxt.text):
            return False  # the sentence runs on, or a signature block ("Date: ...")
        if not ln.text.endswith(":") and nxt.marker is None and not nxt.strong and len(nxt.text.split()) < 6 \
                and not nxt.ends and not (is_entry(nxt.text) and not is_entry(ln.text)):
            return False  # a heading is followed by its text, not by another short line (a list of entries may follow)
    return True


def is_entry(text: str) -> bool:
    """A list entry of the form "Name - detail" ("Green Spaces Ltd - grass cutting")."""
    return _ENTRY.search(text) is not None
