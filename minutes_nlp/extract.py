"""Extract meeting records from files and folders, one broken file never stopping the rest.

Example:
    >>> report = extract_to_jsonl(["corpora"], "out/meetings.jsonl")   # doctest: +SKIP
    >>> report.n_ok, report.n_failed                                     # doctest: +SKIP
    (12, 0)
"""
from __future__ import annotations

import dataclasses
import json
import logging
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Iterable, Iterator

from minutes_nlp.errors import MinutesError
from minutes_nlp.readers import Document, ReaderSettings, iter_sources, read, read_bytes
from minutes_nlp.records import Meeting
from minutes_nlp.structure import segment

__all__ = ["ExtractReport", "Failure", "extract_bytes", "extract_file", "extract_meetings", "extract_to_jsonl"]

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class Failure:
    """A file that could not be extracted: its path, the stage that failed and why."""

    path: str
    stage: str
    reason: str


@dataclass
class ExtractReport:
    """What an extraction run did: records written and files that failed."""

    n_ok: int = 0
    failures: list[Failure] = field(default_factory=list)
    out: Path | None = None

    @property
    def n_failed(self) -> int:
        return len(self.failures)


def extract_file(path: str | os.PathLike[str], **read_options: object) -> Meeting:
    """Read one file, segment it into a :class:`Meeting` and fill its items' utterances.

    Raises:
        ReaderError: the file cannot be read (the message names it).
    """
    document = read(path, **read_options)  # type: ignore[arg-type]
    return _annotate(segment(document), document)


def _annotate(meeting: Meeting, document: Document) -> Meeting:
    """Who said what (:mod:`minutes_nlp.nlp`); spaCy is imported, and the pipeline loaded, once per process."""
    from minutes_nlp.nlp.annotate import annotate_meeting

    return annotate_meeting(meeting, document)


def extract_bytes(
    data: bytes,
    path: str,
    *,
    settings: ReaderSettings | dict[str, Any] | None = None,
    annotate: bool = True,
) -> Meeting | Failure:
    """Read, segment and annotate one document held in memory; a failure is returned, never raised.

    Stages: ``read`` (unreadable, empty, encrypted, refused, or a reader bug) and
    ``structure`` (a bug in a finder). A failure of the language stage keeps the meeting,
    with a warning. The batch workers and :func:`extract_meetings` both call this.

    Example:
        >>> extract_bytes(b"", "empty.txt")
        Failure(path='empty.txt', stage='read', reason='empty.txt: the file is empty')
    """
    try:
        document = read_bytes(data, path=path, settings=settings)
    except MinutesError as exc:
        return Failure(path, "read", str(exc))
    except Exception as exc:  # a reader bug must cost only this file
        logger.exception("reading %s failed", path)
        return Failure(path, "read", f"{path}: {type(exc).__name__}: {exc}")
    try:
        meeting = segment(document)
    except Exception as exc:  # a bug in a finder must not lose the other files' records
        logger.exception("segmenting %s failed", path)
        return Failure(path, "structure", f"{path}: {type(exc).__name__}: {exc}")
    if not annotate:
        return meeting
    try:
        return _annotate(meeting, document)
    except Exception as exc:  # the structure is still worth keeping without the language stage
        logger.exception("annotating %s failed", path)
        return dataclasses.replace(meeting, warnings=meeting.warnings + (f"nlp stage failed: {type(exc).__name__}: {exc}",))


def extract_meetings(
    paths: Iterable[str | os.PathLike[str]],
    *,
    settings: ReaderSettings | dict[str, Any] | None = None,
    annotate: bool = True,
) -> Iterator[Meeting | Failure]:
    """A :class:`Meeting` for each file under ``paths``, or a :class:`Failure` for a broken one."""
    for path in iter_sources(paths):
        try:
            data = Path(path).read_bytes()
        except OSError as exc:
            yield Failure(str(path), "read", f"{path}: cannot be opened: {exc.strerror or exc}")
            continue
        yield extract_bytes(data, str(path), settings=settings, annotate=annotate)


def extract_to_jsonl(
    paths: Iterable[str | os.PathLike[str]],
    out: str | os.PathLike[str],
    *,
    on_meeting: Callable[[Meeting], None] | None = None,
    settings: ReaderSettings | dict[str, Any] | None = None,
) -> ExtractReport:
    """Write one ``meeting@1`` JSON line per readable file to ``out``; report the failures.

    ``on_meeting`` is called with each meeting as it is written (the CLI prints a line).
    """
    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    report = ExtractReport(out=out)
    with out.open("w", encoding="utf-8") as handle:
        for result in extract_meetings(paths, settings=settings):
            if isinstance(result, Failure):
                report.failures.append(result)
                continue
            handle.write(json.dumps(result.to_dict(), ensure_ascii=False, sort_keys=False) + "\n")
            report.n_ok += 1
            if on_meeting is not None:
                on_meeting(result)
    return report
