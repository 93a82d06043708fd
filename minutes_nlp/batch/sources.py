"""Walk an archive safely: a folder tree, a ``.zip`` file, or a list of paths.

Zip members are read in memory and never extracted to disk, so a member named
``../evil.txt`` or ``/etc/passwd`` can never be written anywhere: it is reported as a
:class:`Rejected` entry and becomes a failure row. Folders are walked in sorted order
(:func:`minutes_nlp.readers.iter_sources`), and a ``.zip`` found in a folder is expanded
in place, so the order (and so every output) is deterministic.

Example:
    >>> import io, zipfile, tempfile, os
    >>> folder = tempfile.mkdtemp()
    >>> archive = os.path.join(folder, "a.zip")
    >>> with zipfile.ZipFile(archive, "w") as z:
    ...     z.writestr("minutes/m1.txt", "MINUTES of a meeting")
    ...     z.writestr("../evil.txt", "x")
    >>> [(type(e).__name__, e.path.split("!")[1]) for e in iter_entries([archive])]
    [('Rejected', '../evil.txt'), ('Entry', 'minutes/m1.txt')]
"""
from __future__ import annotations

import logging
import os
import zipfile
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Iterable, Iterator, Union

from minutes_nlp.readers import iter_sources

__all__ = ["DEFAULT_MAX_BYTES", "Entry", "Rejected", "iter_entries", "unsafe_member_name"]

logger = logging.getLogger(__name__)

#: Largest single document a batch run reads (bigger ones become "too-large" failures).
DEFAULT_MAX_BYTES = 200_000_000
#: A zip member that inflates more than this many times its compressed size is refused.
MAX_COMPRESSION_RATIO = 200
ZIP_SEPARATOR = "!"


@dataclass(frozen=True)
class Entry:
    """One document of an archive: its display path (the key in the store) and where its bytes are.

    ``member`` is the name inside the zip ``container`` for zip members, ``None`` for plain files.
    """

    path: str
    container: str
    member: str | None = None
    size: int = 0

    def read(self, max_bytes: int = DEFAULT_MAX_BYTES) -> bytes:
        """The document's bytes, read in memory (zip members are never written to disk).

        Raises:
            OSError: the file cannot be opened.
            ValueError: the document is larger than ``max_bytes``.
        """
        if self.member is None:
            size = os.path.getsize(self.container)
            if size > max_bytes:
                raise ValueError(f"the file is {size:,} bytes, more than the batch limit of {max_bytes:,}")
            with open(self.container, "rb") as handle:
                return handle.read()
        with zipfile.ZipFile(self.container) as archive:
            info = archive.getinfo(self.member)
            if info.file_size > max_bytes:
                raise ValueError(f"the zip member is {info.file_size:,} bytes, more than the batch limit of {max_bytes:,}")
            with archive.open(info) as handle:
                data = handle.read(max_bytes + 1)  # never trust the header's size: read at most the limit
            if len(data) > max_bytes:
                raise ValueError(f"the zip member inflates past the batch limit of {max_bytes:,} bytes")
            return data


@dataclass(frozen=True)
class Rejected:
    """An archive member refused before reading (unsafe name, zip bomb, unreadable zip)."""

    path: str
    reason: str


SourceEntry = Union[Entry, Rejected]


def unsafe_member_name(name: str) -> str | None:
    """Why a zip member name is unsafe, or ``None`` if it is a plain relative path.

    Example:
        >>> unsafe_member_name("minutes/2024.pdf") is None
        True
        >>> unsafe_member_name("../evil.txt")
        "the name climbs out of the archive ('..')"
    """
    if "\x00" in name:
        return "the name contains a NUL byte"
    normal = name.replace("\\", "/")
    if normal.startswith("/") or (len(normal) > 1 and normal[1] == ":"):
        return "the name is an absolute path"
    if ".." in PurePosixPath(normal).parts:
        return "the name climbs out of the archive ('..')"
    return None


def iter_entries(paths: Iterable[str | os.PathLike[str]] | str | os.PathLike[str]) -> Iterator[SourceEntry]:
    """Every document under ``paths``: files, folder trees (sorted) and the members of ``.zip`` files.

    Zip members are sorted by name; directories, hidden files and ``__MACOSX`` entries are
    skipped; unsafe names, oversized ratios and unreadable zips are yielded as :class:`Rejected`.
    """
    if isinstance(paths, (str, os.PathLike)):
        paths = [paths]
    for path in iter_sources(paths):
        if path.suffix.lower() == ".zip" and zipfile.is_zipfile(path):
            yield from _iter_zip(path)
        else:
            yield Entry(path=str(path), container=str(path))


def _iter_zip(path: Path) -> Iterator[SourceEntry]:
    try:
        with zipfile.ZipFile(path) as archive:
            infos = sorted(archive.infolist(), key=lambda info: info.filename)
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        yield Rejected(str(path), f"the zip archive cannot be opened: {exc}")
        return
    for info in infos:
        name = info.filename
        display = f"{path}{ZIP_SEPARATOR}{name}"
        if info.is_dir():
            continue
        problem = unsafe_member_name(name)
        if problem is not None:
            logger.info("%s: refused: %s", display, problem)
            yield Rejected(display, problem)
            continue
        parts = PurePosixPath(name).parts
        if any(part.startswith(".") or part == "__MACOSX" for part in parts):
            continue
        if info.flag_bits & 0x1:
            yield Rejected(display, "the zip member is encrypted (password-protected)")
            continue
        if info.compress_size and info.file_size / info.compress_size > MAX_COMPRESSION_RATIO and info.file_size > 10_000_000:
            yield Rejected(display, f"the zip member inflates {info.file_size / info.compress_size:.0f} times (a zip bomb?)")
            continue
        yield Entry(path=display, container=str(path), member=name, size=info.file_size)
