"""Format detection: the content decides, the extension only breaks ties."""
from __future__ import annotations

import io
import zipfile
from pathlib import Path

import docx
import pytest

from minutes_nlp.errors import ReaderError, UnsupportedFormatError
from minutes_nlp.readers import read_bytes
from minutes_nlp.readers.detect import detect_format


def _docx_bytes(text: str = "Minutes of the meeting") -> bytes:
    document = docx.Document()
    document.add_paragraph(text)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


@pytest.mark.parametrize(
    ("data", "name", "expected"),
    [
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "minutes.bin", "pdf"),
        (b"%PDF-1.4 header", None, "pdf"),
        (b"<!DOCTYPE html><html><body><p>Minutes</p></body></html>", "minutes.php", "html"),
        (b"<?php ?>\n<div><p>RESOLVED that the minutes be approved.</p></div>", "page.php", "html"),
        (b"<p>RESOLVED that the minutes be approved.</p>", "fragment.htm", "html"),
        (b"<h2>Minutes</h2><p>Present:</p><ul><li>Cllr Cooper</li></ul>", "item", "html"),
        (b"\xef\xbb\xbf<html><body>Minutes</body></html>", "bom.txt", "html"),
        (b"MINUTES of a meeting\n\nPresent: Cllr Cooper", "notes", "txt"),
        (b"# Minutes\n\nCost \\$5", "minutes.md", "txt"),
        # Decision: a .html file without a single tag is read as text; the content wins.
        (b"MINUTES of a meeting held on 3 May\n\nPresent: Cllr Cooper", "minutes.html", "txt"),
        ("Cost: £5 – “agreed”".encode("cp1252"), "minutes.txt", "txt"),
        ("\ufeffMinutes".encode("utf-16"), "minutes.txt", "txt"),
    ],
)
def test_detect_format_from_content(data: bytes, name: str | None, expected: str) -> None:
    assert detect_format(data, name) == expected


@pytest.mark.parametrize("name", ["minutes.docx", "minutes", "download.bin"])
def test_detect_format_docx_whatever_its_name(name: str) -> None:
    assert detect_format(_docx_bytes(), name) == "docx"


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "empty"),
        (b"  \n\t\n", "empty"),
        (bytes(range(256)) * 8, "binary"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 512, "legacy Word"),
    ],
)
def test_detect_format_rejects_unreadable_files_naming_them(data: bytes, message: str) -> None:
    with pytest.raises(UnsupportedFormatError) as excinfo:
        detect_format(data, Path("archive/item-7.dat"))
    assert str(Path("archive/item-7.dat")) in str(excinfo.value)
    assert message in str(excinfo.value)


def test_detect_format_zip_that_is_not_word() -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("minutes.txt", "Minutes")
    with pytest.raises(UnsupportedFormatError, match="not a Word"):
        detect_format(buffer.getvalue(), "bundle.zip")


def test_detect_format_truncated_docx_goes_to_the_docx_reader() -> None:
    data = _docx_bytes()
    truncated = data[: len(data) // 2]
    assert detect_format(truncated, "minutes.docx") == "docx"
    with pytest.raises(ReaderError, match="damaged or incomplete") as excinfo:
        read_bytes(truncated, path="archive/minutes.docx")
    assert str(Path("archive/minutes.docx")) in str(excinfo.value)


def test_detect_format_empty_file_through_read_bytes() -> None:
    with pytest.raises(UnsupportedFormatError, match="empty") as excinfo:
        read_bytes(b"", path="minutes.txt")
    assert "minutes.txt" in str(excinfo.value)
