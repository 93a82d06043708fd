"""Small generated archives for the batch tests (and the batch benchmark): good and broken documents.

Every document is invented. ``good_documents(n)`` gives distinct minutes (text, HTML, PDF);
``broken_documents()`` gives one file of each broken kind the batch run must survive.

Example:
    >>> sorted(broken_documents())[:2]
    ['broken/corrupt.pdf', 'broken/empty.txt']
"""
from __future__ import annotations

import io
import zipfile
from pathlib import Path

__all__ = ["BIG_HTML_LIMIT", "broken_documents", "good_documents", "write_tree", "write_zip"]

#: ``max_html_bytes`` the tests pass, so the "several MB" HTML page is refused.
BIG_HTML_LIMIT = 1_000_000

_NAMES = ["Cooper", "Wall", "Patel", "Okafor", "Lindqvist", "Moreau", "Hughes", "Brennan", "Nakamura", "Silva"]
_TOPICS = ["the leisure centre", "street lighting", "the allotments", "flood defences", "the library",
           "bus shelters", "the play area", "parking charges"]


def minutes_text(k: int) -> str:
    """Plain-text minutes number ``k`` (different date, people and topics for each k)."""
    chair, clerk, member = _NAMES[k % 10], _NAMES[(k + 3) % 10], _NAMES[(k + 6) % 10]
    topic, other = _TOPICS[k % 8], _TOPICS[(k + 3) % 8]
    day, month = 1 + k % 28, 1 + (k // 28) % 12
    return (
        f"MINUTES of a meeting of Ashby Parish Council held on {day:02d}/{month:02d}/2023 at 7.00 pm "
        f"in the Village Hall\n\n"
        f"Present: Councillor {chair} (Chair), Councillor {member}, Councillor {clerk}\n\n"
        f"Apologies: Councillor {_NAMES[(k + 1) % 10]}\n\n"
        f"1. Minutes of the previous meeting\n\n"
        f"RESOLVED that the minutes of the previous meeting be approved as a correct record.\n\n"
        f"2. Report on {topic}\n\n"
        f"Councillor {member} asked when the work on {topic} would start. He was concerned about the cost. "
        f"The Clerk said that a further report would be brought to the next meeting.\n\n"
        f"RESOLVED that the report on {topic} be noted (reference {k}).\n\n"
        f"3. {other.capitalize()}\n\n"
        f"Councillor {chair} proposed, seconded by Councillor {clerk}, that quotes be sought for {other}.\n"
    )


def minutes_html(k: int) -> str:
    paragraphs = "".join(f"<p>{line}</p>" for line in minutes_text(k).split("\n\n"))
    return f"<!DOCTYPE html><html><head><title>Minutes {k}</title></head><body>{paragraphs}</body></html>"


def minutes_pdf_bytes(k: int) -> bytes:
    from fpdf import FPDF

    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("Helvetica", size=10)
    for paragraph in minutes_text(k).split("\n\n"):
        pdf.multi_cell(0, 5, paragraph.replace("\n", " "))
        pdf.ln(3)
    return bytes(pdf.output())


def good_documents(n: int, *, pdf_every: int = 5, start: int = 0) -> dict[str, bytes]:
    """``n`` distinct good documents by relative path: mostly text and HTML, every ``pdf_every``-th a PDF."""
    documents: dict[str, bytes] = {}
    for k in range(start, start + n):
        if pdf_every and k % pdf_every == pdf_every - 1:
            documents[f"good/{k:04d}.pdf"] = minutes_pdf_bytes(k)
        elif k % 2:
            documents[f"good/{k:04d}.html"] = minutes_html(k).encode()
        else:
            documents[f"good/{k:04d}.txt"] = minutes_text(k).encode()
    return documents


def broken_documents() -> dict[str, bytes]:
    """One file of each broken kind, by relative path."""
    from tests.readers.pdf_factory import encrypted_pdf

    good_pdf = minutes_pdf_bytes(999)
    return {
        "broken/corrupt.pdf": b"%PDF-1.4\n" + bytes(range(256)) * 4,
        "broken/truncated.pdf": good_pdf[: len(good_pdf) // 3],
        "broken/encrypted.pdf": encrypted_pdf(),
        "broken/empty.txt": b"",
        "broken/mislabelled.pdf": b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8,
        "broken/legacy.doc": b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600,
        "broken/huge.html": b"<html><body>" + b"<p>The committee noted the report.</p>" * 80_000 + b"</body></html>",
    }


def write_tree(root: Path, documents: dict[str, bytes]) -> Path:
    """Write ``documents`` under ``root``; returns ``root``."""
    for name, data in documents.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
    return root


def write_zip(path: Path, documents: dict[str, bytes], *, unsafe: dict[str, bytes] | None = None) -> Path:
    """A zip of ``documents``; ``unsafe`` members are written under their raw names (``../evil.txt``)."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in {**documents, **(unsafe or {})}.items():
            archive.writestr(zipfile.ZipInfo(name, date_time=(2024, 1, 1, 0, 0, 0)), data)
    path.write_bytes(buffer.getvalue())
    return path
