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


def __getattr__(name: str) -> object:
    """``minutes_nlp.load`` imports spaCy only when first used."""
    if name == "load":
        from minutes_nlp.nlp.pipeline import load

        return load
    raise AttributeError(f"module 'minutes_nlp' has no attribute {name!r}")


__all__ = [
    "AgendaItem",
    "Attendance",
    "Declaration",
    "detect_format",
    "Document",
    "EncryptedPdfError",
    "evaluate",
    "Evaluation",
    "extract_file",
    "extract_meetings",
    "extract_to_jsonl",
    "ExtractReport",
    "Failure",
    "iter_sources",
    "Line",
    "load",
    "Meeting",
    "MinutesError",
    "Motion",
    "Page",
    "Participant",
    "PatternError",
    "read",
    "read_bytes",
    "ReaderError",
    "ReaderSettings",
    "Resolution",
    "segment",
    "Source",
    "Speaker",
    "StructureError",
    "UnsupportedFormatError",
    "Utterance",
    "Vote",
    "__version__",
]
