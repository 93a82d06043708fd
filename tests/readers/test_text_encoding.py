"""Decoding text files: byte-order marks, UTF-8, Windows-1252 and other guesses."""
from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from minutes_nlp.readers import read_bytes
from minutes_nlp.readers.encoding import decode_text

MINUTES = "Cllr O’Brien said the “new” roof would cost £1,200 – agreed. Café naïve résumé €40…\n"


@pytest.mark.parametrize(
    ("encoding", "expected", "guessed"),
    [
        ("utf-8", "utf-8", False),
        ("utf-8-sig", "utf-8-sig", False),
        ("utf-16", "utf-16-le", False),
        ("utf-32", "utf-32-le", False),
        ("cp1252", "cp1252", True),
    ],
)
def test_text_encoding_detected(encoding: str, expected: str, guessed: bool) -> None:
    text, found, was_guessed = decode_text(MINUTES.encode(encoding), path="m.txt")
    assert (text, found, was_guessed) == (MINUTES, expected, guessed)


@pytest.mark.parametrize(
    ("text", "encoding"),
    [
        ("£5", "cp1252"),
        ("Zażółć gęślą jaźń — Rada Gminy postanowiła jednogłośnie", "cp1250"),
        ("Совет депутатов решил утвердить бюджет на следующий год.", "cp1251"),
        ("Το δημοτικό συμβούλιο αποφάσισε ομόφωνα την έγκριση.", "cp1253"),
    ],
)
def test_text_encoding_single_byte_guesses(text: str, encoding: str) -> None:
    assert decode_text(text.encode(encoding))[0] == text


def test_text_encoding_mixed_utf8_with_stray_cp1252_bytes() -> None:
    data = "Cllr O’Brien, café:".encode() + " paid £5".encode("cp1252")
    assert decode_text(data) == ("Cllr O’Brien, café: paid £5", "utf-8", True)


def test_text_encoding_read_cp1252_file_with_warning() -> None:
    data = "MINUTES\r\n\r\nThe “precept” of £12,000 was agreed – nem. con.\r\n".encode("cp1252")
    doc = read_bytes(data, path=Path("minutes.txt"))
    assert doc.text == "MINUTES\n\nThe “precept” of £12,000 was agreed – nem. con."
    assert doc.metadata["encoding"] == "cp1252" and doc.metadata["encoding_guessed"]
    assert any("cp1252" in warning for warning in doc.warnings)


@pytest.mark.parametrize("encoding", ["utf-8-sig", "utf-16", "utf-16-be", "utf-32"])
def test_text_encoding_bom_files_read(encoding: str) -> None:
    data = ("\ufeff" if encoding == "utf-16-be" else "") + "# Minutes\n\nPresent: Cllr Ó Súilleabháin"
    doc = read_bytes(data.encode(encoding), path=Path("minutes.md"))
    assert doc.text == "Minutes\n\nPresent: Cllr Ó Súilleabháin"
    assert doc.metadata["encoding_guessed"] is False


@given(st.text())
def test_text_encoding_round_trips_unicode(text: str) -> None:
    assume(not text.startswith("\x00"))  # UTF-16 of a leading NUL starts like a UTF-32 BOM
    for encoding in ("utf-8", "utf-8-sig", "utf-16", "utf-32"):
        decoded, _, guessed = decode_text(text.encode(encoding))
        expected = text[1:] if encoding == "utf-8" and text.startswith("\ufeff") else text
        assert decoded == expected and not guessed


@given(st.text(alphabet=st.sampled_from(list("abcdefghijklmnopqrstuvwxyz ABCXYZ0123456789.,;:\n") + list("£€“”‘’–—éèàçöü…°½")), min_size=1))
def test_text_encoding_round_trips_cp1252(text: str) -> None:
    data = text.encode("cp1252")
    assume(not _valid_utf8(data))  # bytes that are valid UTF-8 are read as UTF-8, rightly
    decoded, encoding, _ = decode_text(data)
    assert decoded == text


def _valid_utf8(data: bytes) -> bool:
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True
