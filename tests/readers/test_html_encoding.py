"""Character encodings of HTML pages: BOM, declarations, and guesses for undeclared pages."""
from __future__ import annotations

import codecs

import pytest

from minutes_nlp.readers.html import read_html
from minutes_nlp.readers.html_encoding import decode_html, declared_encoding

PARAGRAPH = "The Clerk reported a cost of £130 – “it’s within budget” said Cllr O’Brien; café hire €40."
PAGE = "<html><head>{head}<title>Minutes</title></head><body><nav><a href='/'>Home</a></nav><p>{p}</p></body></html>"


def page(head: str = "", paragraph: str = PARAGRAPH) -> str:
    return PAGE.format(head=head, p=paragraph)


@pytest.mark.parametrize(
    "data, encoding, source, warned",
    [
        (page().encode("cp1252"), "windows-1252", "guessed", True),
        (codecs.BOM_UTF8 + page().encode("utf-8"), "utf-8", "bom", False),
        (page('<meta charset="utf-8">').encode("utf-8"), "utf-8", "declared", False),
        (page().encode("utf-8"), "utf-8", "utf-8", False),
        (page('<meta http-equiv="Content-Type" content="text/html; charset=windows-1252">').encode("cp1252"),
         "windows-1252", "declared", False),
        # labelled Latin-1 but holding Windows smart quotes: read as browsers do
        (page("<meta charset='ISO-8859-1'>").encode("cp1252"), "windows-1252", "declared", False),
        (('<?xml version="1.0" encoding="windows-1252"?>' + page()).encode("cp1252"), "windows-1252", "declared",
         False),
        # declared UTF-8, saved as Windows-1252 (a common mistake on old council sites)
        (page('<meta charset="utf-8">').encode("cp1252"), "windows-1252", "guessed", True),
        # declared Latin-1, saved as UTF-8
        (page('<meta charset="iso-8859-1">').encode("utf-8"), "utf-8", "utf-8", True),
        (codecs.BOM_UTF16_LE + page().encode("utf-16-le"), "utf-16-le", "bom", False),
    ],
    ids=[
        "cp1252-undeclared", "utf8-bom", "utf8-meta", "utf8-undeclared", "cp1252-http-equiv", "latin1-label-cp1252",
        "xml-declaration", "utf8-label-cp1252-bytes", "latin1-label-utf8-bytes", "utf16-bom",
    ],
)
def test_html_encoding_decodes_the_same_page(data, encoding, source, warned):
    doc = read_html(data)
    assert [line.text for line in doc.lines()] == [PARAGRAPH]
    assert doc.metadata["encoding"] == encoding
    assert doc.metadata["encoding_source"] == source
    assert any("encoding" in w or "declares" in w for w in doc.warnings) is warned


def test_html_encoding_latin1_page_with_meta():
    paragraph = "Précis of the item: £5 fee, 50% café discount, ½ day closure."
    data = page('<meta http-equiv="content-type" content="text/html;charset=iso-8859-1">', paragraph).encode("latin-1")
    doc = read_html(data)
    assert doc.text == paragraph
    assert doc.metadata["encoding"] == "windows-1252" and not doc.warnings


def test_html_encoding_undefined_cp1252_bytes_do_not_fail():
    decoded = decode_html(b"<meta charset=windows-1252><p>odd \x81 byte \x93quoted\x94</p>")
    assert decoded.text.endswith("odd \x81 byte “quoted”</p>")


def test_html_encoding_undeclared_multibyte_is_detected():
    text = "<p>" + "市議会の議事録です。予算案は可決されました。" * 8 + "</p>"
    decoded = decode_html(text.encode("shift_jis"))
    assert decoded.text == text and decoded.source == "guessed"


@pytest.mark.parametrize(
    "head, expected",
    [
        (b'<meta charset="UTF-8">', "utf-8"),
        (b"<meta charset=utf-8 />", "utf-8"),
        (b'<META HTTP-EQUIV="Content-Type" CONTENT="text/html; charset=us-ascii">', "windows-1252"),
        (b'<meta charset="latin1">', "windows-1252"),
        (b'<meta charset="iso-8859-15">', "iso8859-15"),
        (b'<meta charset="utf-16">', "utf-8"),
        (b'<meta charset="no-such-charset">', None),
        (b"<p>no declaration</p>", None),
    ],
)
def test_html_encoding_declared_labels_are_normalised(head, expected):
    assert declared_encoding(b"<html><head>" + head + b"</head>") == expected


def test_html_encoding_meta_after_a_long_script_is_found():
    data = b"<html><head><script>" + b"var a = 1;\n" * 500 + b"</script><meta charset='windows-1252'>"
    assert declared_encoding(data) == "windows-1252"
