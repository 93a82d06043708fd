"""minutes_nlp: text mining of published meeting minutes.

Example:
    >>> import minutes_nlp
    >>> doc = minutes_nlp.read("corpora/parish/minutes.html")   # doctest: +SKIP
    >>> print(doc.text[:200])                                     # doctest: +SKIP
"""
from __future__ import annotations

from minutes_nlp.errors import (
    EncryptedPdfError,
    MinutesError,
    PatternError,
    ReaderError,
    StructureError,
    UnsupportedFormatError,
)
from minutes_nlp.evaluate import Evaluation, evaluate
from minutes_nlp.extract import ExtractReport, Failure, extract_file, extract_meetings, extract_to_jsonl
from minutes_nlp.readers import (
    Document,
    Line,
    Page,
    ReaderSettings,
    detect_format,
    iter_sources,
    read,
    read_bytes,
)

from minutes_nlp.records import (
    AgendaItem,
    Attendance,
    Declaration,
    Meeting,
    Motion,
    Participant,
    Resolution,
    Source,
    Speaker,
    Utterance,
    Vote,
)
from minutes_nlp.structure import segment

__version__ = "0.1.0"

__all__ = [
    "AgendaItem",
    "Attendance",
    "Declaration",
    "Evaluation",
    "ExtractReport",
    "Failure",
    "Meeting",
    "Motion",
    "Participant",
    "Resolution",
    "Source",
    "Speaker",
    "Utterance",
    "Vote",
    "evaluate",
    "extract_file",
    "extract_meetings",
    "extract_to_jsonl",
    "segment",
    "Document",
    "EncryptedPdfError",
    "Line",
    "MinutesError",
    "Page",
    "PatternError",
    "ReaderError",
    "ReaderSettings",
    "StructureError",
    "UnsupportedFormatError",
    "__version__",
    "detect_format",
    "iter_sources",
    "read",
    "read_bytes",
]
