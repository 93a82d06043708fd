"""Main-content detection: boilerplate pruning, root choice, layout tables; real Stoke Ferry pages."""
from __future__ import annotations

import time
from pathlib import Path

import lxml.html
import pytest

from minutes_nlp.readers import read
from minutes_nlp.readers.html import read_html
from minutes_nlp.readers.html_blocks import html_lines, normalize_space
from minutes_nlp.readers.html_content import find_main_content, is_boilerplate_text, is_layout_table

MINUTES = (
    "<p>The minutes of the meeting held on 12 March were approved and signed by the Chairman.</p>"
    "<p>Councillor Ng reported that the play area fence had been repaired at a cost of £240.</p>"
    "<p>RESOLVED that the grant of £500 to the village hall committee be approved.</p>"
)


def content_text(html: str) -> str:
    return read_html(html.encode("utf-8")).text


@pytest.mark.parametrize(
    "chrome",
    [
        "<nav>{x}</nav>",
        "<aside>{x}</aside>",
        "<footer>{x}</footer>",
        "<header>{x}</header>",
        '<div role="navigation">{x}</div>',
        '<div role="contentinfo">{x}</div>',
        '<div class="sidebar">{x}</div>',
        '<div id="left-sidebar">{x}</div>',
        '<div class="main-navigation">{x}</div>',
        '<div class="navbar navbar-dark">{x}</div>',
        '<ul class="topnav"><li>{x}</li></ul>',
        '<div id="mainMenu">{x}</div>',
        '<div class="breadcrumbs">{x}</div>',
        '<div id="cookie-notice">{x}</div>',
        '<div class="gdpr-consent">{x}</div>',
        '<div id="comments" class="comments-area">{x}</div>',
        '<div class="widget widget_text">{x}</div>',
        '<div class="share-buttons">{x}</div>',
        '<div class="jp-relatedposts">{x}</div>',
        '<div class="site-footer">{x}</div>',
        '<div class="search-form">{x}</div>',
        '<div hidden>{x}</div>',
        '<div aria-hidden="true">{x}</div>',
        '<div style="display: none">{x}</div>',
        '<span class="sr-only">{x}</span>',
        '<form action="/comment">{x}</form>',
    ],
)
def test_html_content_prunes_chrome_by_tag_role_and_class(chrome):
    marker = "Chrome words that must go"
    text = content_text("<body>" + chrome.format(x=marker) + MINUTES + "</body>")
    assert marker not in text
    assert "RESOLVED that the grant of £500" in text


@pytest.mark.parametrize(
    "wrapper",
    [
        '<body class="has-sidebar single-post">{x}</body>',
        '<body><div class="page-with-sidebar">{x}</div></body>',
        '<body><form id="aspnetForm" method="post">{x}</form></body>',
        '<body><div class="footer-fixed-layout">{x}</div></body>',
        '<body><div class="hidden-xs-only d-none d-md-block">{x}</div></body>',
        '<body><div class="navy-theme">{x}</div></body>',
    ],
)
def test_html_content_never_prunes_the_page_itself(wrapper):
    assert "approved and signed by the Chairman" in content_text(wrapper.format(x=MINUTES))


def test_html_content_prefers_main_and_drops_trailing_copyright():
    html = (
        "<body><main><div><article><div><h1>Parish Council</h1><h2>March 2019</h2></div><div>"
        + MINUTES
        + "</div></article><div>Copyright remains with the contributors. All rights reserved.</div></div></main>"
        "<div><p>A long unrelated promotional paragraph about the village fete and the tombola prizes.</p></div></body>"
    )
    page = lxml.html.document_fromstring(html)
    content = find_main_content(page)
    assert [line.text for line in html_lines(content.elements)][:2] == ["Parish Council", "March 2019"]
    text = content_text(html)
    assert "All rights reserved" not in text and "tombola" not in text
    assert text.startswith("Parish Council\n\nMarch 2019\n\nThe minutes of the meeting")


def test_html_content_link_menu_without_class_names_is_pruned():
    menu = "<div>" + "".join(f"<a href='/{w}'>{w}</a> | " for w in ("Home", "News", "Events", "Contact")) + "</div>"
    text = content_text(f"<body>{menu}<div>{MINUTES}</div></body>")
    assert "Events" not in text and "Contact" not in text


def test_html_content_link_list_after_a_label_is_kept():
    html = (
        f"<body>{MINUTES}<p>Background papers:</p><ul><li><a href='r.pdf'>Report PDF</a></li>"
        "<li><a href='a.pdf'>Appendix A PDF</a></li><li><a href='b.pdf'>Appendix B PDF</a></li></ul></body>"
    )
    assert "Appendix B PDF" in content_text(html)


def test_html_content_paragraph_with_a_link_is_kept():
    text = content_text(f"<body>{MINUTES}<p><a href='mailto:clerk@example.org'>clerk@example.org</a></p></body>")
    assert "clerk@example.org" in text


def test_html_content_headless_small_side_block_is_dropped_but_venue_lines_stay():
    html = (
        "<body><div><div><div><p>Opening hours: Monday to Friday 9am to 1pm</p></div><div><p>Tel 01234</p></div></div>"
        "<div><h1>Minutes</h1><p>Venue: Village Hall</p>" + MINUTES * 3 + "</div></div></body>"
    )
    text = content_text(html)
    assert "Opening hours" not in text
    assert text.startswith("Minutes\n\nVenue: Village Hall")


@pytest.mark.parametrize(
    "html, layout",
    [
        ("<table><tr><td>Cllr Ng</td><td>For</td></tr><tr><td>Cllr Bell</td><td>Against</td></tr></table>", False),
        ("<table><tr><td><p class=MsoNormal>Cllr Ng</p></td><td><p>For</p></td></tr></table>", False),
        ("<table><tr><td><a href='#'>Ord. 1-16</a></td><td>Title of the ordinance</td></tr></table>", False),
        ("<table><tr><td>Only one cell per row</td></tr><tr><td>Another</td></tr></table>", True),
        ("<table role='presentation'><tr><td>a</td><td>b</td></tr></table>", True),
        ("<table><tr><td>5.</td><td><p>Title</p><p>Minutes:</p><p>Text</p></td></tr></table>", True),
        ("<table><tr><td>menu</td><td><h2>Minutes</h2></td></tr></table>", True),
        ("<table><tr><td>x</td><td><table><tr><td>a</td><td>b</td></tr></table></td></tr></table>", True),
    ],
)
def test_html_content_tells_layout_tables_from_data_tables(html, layout):
    table = lxml.html.fragment_fromstring(html)
    assert is_layout_table(table) is layout


@pytest.mark.parametrize(
    "text, boilerplate",
    [
        ("© 2019 Village News", True),
        ("Copyright remains with the authors. All rights reserved.", True),
        ("Powered by WordPress", True),
        ("Page last updated 12/04/2008", True),
        ("RESOLVED that the minutes be approved.", False),
        ("The Clerk will update the website.", False),
    ],
)
def test_html_content_boilerplate_text(text, boilerplate):
    assert is_boilerplate_text(text) is boilerplate


# --- the real corpus: Stoke Ferry parish council pages (whole static web pages) ----------


def stoke_ferry_pages(real_corpus: Path) -> list[Path]:
    pages = sorted((real_corpus / "stoke-ferry-parish-council").glob("*.html"))
    if not pages:
        pytest.skip("no Stoke Ferry pages in the real corpus")
    return pages


def whole_page_lines(path: Path) -> list[str]:
    """Every line of the page, chrome included (no main-content detection)."""
    page = lxml.html.document_fromstring(path.read_bytes().decode("utf-8", errors="replace"))
    return [line.text for line in html_lines([page.find("body")])]


@pytest.mark.real
def test_html_content_stoke_ferry_pages_drop_the_site_template(real_corpus):
    pages = stoke_ferry_pages(real_corpus)
    # The site template: lines found on every page of the site (menus, copyright footer).
    template = set.intersection(*(set(whole_page_lines(path)) for path in pages))
    assert len(template) >= 20  # the menus really are there to be removed
    start = time.perf_counter()
    for path in pages:
        doc = read(path)
        assert doc.format == "html" and not doc.warnings, path.name
        leaked = [line.text for line in doc.lines() if line.text in template and line.kind != "heading"]
        assert leaked == [], f"{path.name}: site chrome kept: {leaked}"
        assert "Cllr" in doc.text or "Councillor" in doc.text, path.name
        assert "Minutes" in doc.text or "minutes" in doc.text, path.name
    assert time.perf_counter() - start < 10


@pytest.mark.real
def test_html_content_stoke_ferry_pages_keep_every_paragraph(real_corpus):
    """Each paragraph of the page (other than the template) is in the output, in order."""
    for path in stoke_ferry_pages(real_corpus):
        page = lxml.html.document_fromstring(path.read_bytes().decode("utf-8"))
        paragraphs = [normalize_space(p.text_content()) for p in page.iter("p", "h1", "h2", "h3")]
        paragraphs = [p for p in paragraphs if len(p) >= 30]
        got = [line.text for line in read(path).lines()]
        position = 0
        for paragraph in paragraphs:
            assert paragraph in got[position:], f"{path.name}: lost or moved {paragraph[:60]!r}"
            position = got.index(paragraph, position) + 1
        assert got[0] and next(line for line in read(path).lines()).kind == "heading", path.name


def test_html_content_linked_item_title_before_the_minutes_is_kept():
    html = (
        "<body><div><p><a href='item.aspx?ID=7'>7. Allotments rent review</a></p>"
        "<div>" + MINUTES * 3 + "</div></div></body>"
    )
    assert content_text(html).startswith("7. Allotments rent review\n\nThe minutes of the meeting")
