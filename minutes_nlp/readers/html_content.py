"""Find the minutes in a whole web page: drop the site's chrome, keep the content block.

Three general steps, none keyed to one site:

1. **Prune boilerplate.** Elements whose tag, ARIA role or class/id words say what they
   are (``<nav>``, ``<aside>``, ``<footer>``, ``role="navigation"``, ``class="sidebar"``,
   ``id="cookie-notice"``, comments, share buttons, related posts, search boxes, hidden
   elements) and link-dense blocks (menus: three or more links and mostly link text).
   An element holding most of the page's text is never pruned, whatever its class says,
   and a link list introduced by a label (``Supporting documents:``) is content.
2. **Choose a root.** Start at ``<main>`` (or ``role="main"``) when the page has one
   holding a fair share of its text, else at ``<body>``; then step down into a child that
   holds most of the text while everything beside it is chrome (no text of its own
   but links, a copyright line, or a small block without a heading). Title blocks just
   before the content (only headings) are kept.
3. **Never lose the page.** If pruning left no text, the caller falls back to the whole
   page (see :func:`minutes_nlp.readers.html.read_html`).

Example:
    >>> import lxml.html
    >>> page = lxml.html.document_fromstring(
    ...     "<body><nav><a href='/'>Home</a></nav><main><h1>Minutes</h1>"
    ...     "<p>The meeting opened at 7pm and the chairman welcomed members.</p></main>"
    ...     "<footer>Copyright 2019</footer></body>")
    >>> content = find_main_content(page)
    >>> content.path, [el.tag for el in content.elements]
    ('html > body > main', ['main'])
"""
from __future__ import annotations

import logging
import re
from dataclasses import dataclass

from lxml.html import HtmlElement

logger = logging.getLogger(__name__)

__all__ = [
    "ALWAYS_DROPPED_TAGS",
    "BLOCK_TAGS",
    "HEADING_TAGS",
    "MainContent",
    "find_main_content",
    "is_boilerplate_text",
    "is_layout_table",
    "table_rows",
]

BLOCK_TAGS = frozenset(
    "address article aside blockquote body caption center dd details dialog dir div dl dt "
    "fieldset figcaption figure footer form h1 h2 h3 h4 h5 h6 header hgroup hr html legend li "
    "main menu nav ol p pre section summary table tbody td tfoot th thead tr ul".split()
)
HEADING_TAGS = frozenset("h1 h2 h3 h4 h5 h6".split())
# Never content, whatever the page: controls, embedded objects, code.
ALWAYS_DROPPED_TAGS = frozenset(
    "script style noscript template iframe frame frameset object embed applet canvas svg math "
    "select option optgroup button input textarea datalist map area audio video source track head".split()
)
_CHROME_TAGS = frozenset({"nav", "aside", "footer", "form", "menu", "dialog"})
_CHROME_ROLES = frozenset(
    {"navigation", "contentinfo", "complementary", "search", "menu", "menubar", "dialog", "alertdialog", "banner"}
)
# Words in class/id naming page chrome; matched as a whole word or word start ("comments",
# "relatedposts"), some also as a word end ("topnav", "mainmenu"). Generic web words only.
_CHROME_WORD_STARTS = (
    "navbar", "navigation", "navlink", "navlist", "navmenu", "navitem", "menu", "submenu", "sidebar",
    "breadcrumb", "footer", "cookie", "consent", "gdpr", "comment", "respond", "widget", "share",
    "sharing", "related", "advert", "sponsor", "skip", "pagination", "pager", "toolbar", "masthead",
    "newsletter", "subscribe", "login", "search", "popup", "modal", "addthis", "disqus", "tagcloud",
)
_CHROME_WORD_ENDS = ("nav", "menu", "navigation", "sidebar", "footer", "breadcrumb", "breadcrumbs", "widget")
_CHROME_WORDS_EXACT = frozenset({"nav", "navs", "ads", "ad", "tags"})
# Whole class names (not "hidden-xs" or "d-none d-md-block": those show on a desktop).
_HIDDEN_CLASSES = frozenset(
    {"hidden", "sr-only", "visually-hidden", "visuallyhidden", "screen-reader-text", "screen-reader-only",
     "element-invisible", "offscreen"}
)
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.I)
_BOILERPLATE_TEXT = re.compile(
    r"©|&copy;|\bcopyright\b|all rights reserved|powered by|last (updated|modified)|\bsite ?map\b",
    re.I,
)
_WORD = re.compile(r"[a-z0-9]+")
_CAMEL = re.compile(r"([a-z0-9])([A-Z])")

KEEP_SHARE = 0.6  # an element holding this share of the page's own text is never pruned
MAIN_SHARE = 0.3  # <main> is the root when it holds this share of the text
DOMINANT_SHARE = 0.5  # step into a child holding this share of its parent's text
SMALL_SIDE_BLOCK = 0.15  # a headless side block this small (vs. the content) is chrome
LINK_DENSE = 0.6
MIN_MENU_LINKS = 3
BOILERPLATE_MAX_CHARS = 300


@dataclass(frozen=True)
class MainContent:
    """The elements to read, in order, and how they were found.

    ``elements`` is the content root, preceded by any title blocks kept from just before
    it; ``path`` names the root (``"html > body > div#page > main#main"``); ``n_pruned``
    counts the boilerplate elements removed from the tree.
    """

    elements: tuple[HtmlElement, ...]
    path: str
    n_pruned: int


@dataclass
class _Size:
    text: int = 0  # non-space characters in the subtree
    link: int = 0  # of which inside <a>
    links: int = 0  # number of <a href> in the subtree

    @property
    def own(self) -> int:
        """Characters that are not link text: what the element says itself."""
        return self.text - self.link


def find_main_content(page: HtmlElement) -> MainContent:
    """Prune the page's boilerplate (in place) and return the main content's elements.

    ``page`` is a parsed document (``lxml.html.document_fromstring``); the tree is changed:
    boilerplate elements are removed, keeping the text that follows them.

    Example:
        >>> import lxml.html
        >>> page = lxml.html.document_fromstring("<p>RESOLVED that the minutes be approved.</p>")
        >>> find_main_content(page).path
        'html > body'
    """
    body = page.find("body") if page.tag != "body" else page
    if body is None:
        body = page
    sizes = _measure(body)
    pruned = _find_boilerplate(body, sizes, total=sizes[body].own)
    for element in pruned:
        element.drop_tree()
    if pruned:
        sizes = _measure(body)
    root = _semantic_main(body, sizes)
    elements: list[HtmlElement] = []
    while True:
        step = _step_down(root, sizes)
        if step is None:
            break
        titles, root = step
        elements.extend(titles)
    logger.debug("main content at %s after pruning %d elements", _path(root), len(pruned))
    return MainContent(tuple(elements) + (root,), _path(root), len(pruned))


def is_layout_table(table: HtmlElement) -> bool:
    """True for a table used for page layout rather than data.

    A layout table has one cell per row, ``role="presentation"``, or cells holding
    whole documents: nested tables, headings, or several paragraphs or lists in half
    of its rows or half of its text (ModernGov puts each agenda item in such a row; old
    sites put the page in one). Vote records, payment
    lists and Legistar grids are data tables.

    Example:
        >>> import lxml.html
        >>> is_layout_table(lxml.html.fromstring("<table><tr><td>Cllr Ng</td><td>For</td></tr></table>"))
        False
    """
    if (table.get("role") or "").lower() in {"presentation", "none"}:
        return True
    rows = table_rows(table)
    if not rows:
        return True
    cells = [_cells(row) for row in rows]
    if max(len(row) for row in cells) <= 1:
        return True
    n_complex, block_chars = 0, 0
    for row in cells:
        kinds = [_cell_complexity(cell) for cell in row]
        if "document" in kinds:
            return True
        n_complex += "blocks" in kinds
        block_chars += sum(_chars(cell.text_content()) for cell, kind in zip(row, kinds) if kind == "blocks")
    return n_complex * 2 >= len(rows) or block_chars * 2 >= _chars(table.text_content())


def is_boilerplate_text(text: str) -> bool:
    """True for a page-footer line: copyright, "all rights reserved", "last updated", "site map".

    Example:
        >>> is_boilerplate_text("© 2019 Little Ousebridge Village News"), is_boilerplate_text("Present: Cllr Ng")
        (True, False)
    """
    return bool(_BOILERPLATE_TEXT.search(text))


def table_rows(table: HtmlElement) -> list[HtmlElement]:
    """The table's own rows (not those of tables nested in its cells)."""
    return table.xpath("./tr|./thead/tr|./tbody/tr|./tfoot/tr")


def _cells(row: HtmlElement) -> list[HtmlElement]:
    return [child for child in row if child.tag in ("td", "th")]


def _cell_complexity(cell: HtmlElement) -> str:
    """"document" (nested table or heading), "blocks" (several paragraphs/lists) or "text"."""
    n_blocks = 0
    for element in cell.iterdescendants():
        tag = element.tag
        if tag == "table" or tag in HEADING_TAGS:
            return "document"
        if tag in ("ul", "ol", "dl", "blockquote", "pre"):
            n_blocks += 2
        elif tag in ("p", "div") and element.text_content().strip():
            n_blocks += 1
    return "blocks" if n_blocks >= 2 else "text"


def _measure(body: HtmlElement) -> dict[HtmlElement, _Size]:
    """Text, link-text and link counts of every element, in one bottom-up pass."""
    sizes: dict[HtmlElement, _Size] = {}
    for element in reversed(list(body.iter())):  # children before parents
        if not isinstance(element.tag, str):
            continue
        size = _Size(text=_chars(element.text))
        for child in element:
            if isinstance(child.tag, str):
                child_size = sizes[child]
                size.text += child_size.text
                size.link += child_size.link
                size.links += child_size.links
            size.text += _chars(child.tail)
        if element.tag == "a":
            size.link = size.text
            size.links += 1
        sizes[element] = size
    return sizes


def _chars(text: str | None) -> int:
    return len(text) - sum(map(str.isspace, text)) if text else 0


def _find_boilerplate(body: HtmlElement, sizes: dict[HtmlElement, _Size], *, total: int) -> list[HtmlElement]:
    found: list[HtmlElement] = []
    stack: list[tuple[HtmlElement, bool]] = [(child, False) for child in reversed(body)]
    while stack:
        element, in_data_table = stack.pop()
        if not isinstance(element.tag, str):
            continue
        if element.tag in ALWAYS_DROPPED_TAGS:
            found.append(element)
            continue
        size = sizes[element]
        if size.own <= KEEP_SHARE * total and (
            _is_chrome(element) or (not in_data_table and _is_menu(element, size))
        ):
            found.append(element)
            continue
        in_data_table = in_data_table or (element.tag == "table" and not is_layout_table(element))
        stack.extend((child, in_data_table) for child in reversed(element))
    return found


def _is_chrome(element: HtmlElement) -> bool:
    """The element says it is page chrome: by tag, role, class/id words, or being hidden."""
    tag = element.tag
    if tag in _CHROME_TAGS:
        return True
    if tag == "header" and not _inside(element, ("main", "article")):
        return True
    role = (element.get("role") or "").lower()
    if role in _CHROME_ROLES and not (role == "banner" and _inside(element, ("main", "article"))):
        return True
    if element.get("hidden") is not None or (element.get("aria-hidden") or "").lower() == "true":
        return True
    if _HIDDEN_STYLE.search(element.get("style") or ""):
        return True
    classes = f"{element.get('class') or ''} {element.get('id') or ''}"
    if not classes.strip():
        return False
    if not _HIDDEN_CLASSES.isdisjoint((element.get("class") or "").lower().split()):
        return True
    return any(_is_chrome_word(word) for word in _WORD.findall(_CAMEL.sub(r"\1 \2", classes).lower()))


def _is_chrome_word(word: str) -> bool:
    return (
        word in _CHROME_WORDS_EXACT
        or word.startswith(_CHROME_WORD_STARTS)
        or (len(word) > 4 and word.endswith(_CHROME_WORD_ENDS))
    )


def _is_menu(element: HtmlElement, size: _Size) -> bool:
    """A block made of links (a menu, a list of posts), unless a label introduces it."""
    if element.tag in ("p", "li", "a", "table", "tr") or element.tag in HEADING_TAGS:
        return False
    if element.find(".//table") is not None:
        return False  # link-heavy tables (Legistar grids, roll calls) are data, read as rows
    if size.links < MIN_MENU_LINKS or size.link < LINK_DENSE * size.text:
        return False
    return not _label_before(element)


def _label_before(element: HtmlElement) -> bool:
    """True when the text just before the element is a label ("Supporting documents:")."""
    previous = element.getprevious()
    if previous is not None and (previous.tail or "").strip():
        text = previous.tail
    elif previous is not None:
        text = previous.text_content()
    else:
        parent = element.getparent()
        text = parent.text if parent is not None else ""
    text = (text or "").strip()
    return 0 < len(text) <= 80 and text.endswith(":")


def _inside(element: HtmlElement, tags: tuple[str, ...]) -> bool:
    return any(ancestor.tag in tags or ancestor.get("role") == "main" for ancestor in element.iterancestors())


def _semantic_main(body: HtmlElement, sizes: dict[HtmlElement, _Size]) -> HtmlElement:
    mains = [el for el in body.iter() if el.tag == "main" or el.get("role") == "main"]
    if len(mains) == 1 and sizes[mains[0]].own >= MAIN_SHARE * sizes[body].own:
        return mains[0]
    return body


def _step_down(
    node: HtmlElement, sizes: dict[HtmlElement, _Size]
) -> tuple[list[HtmlElement], HtmlElement] | None:
    """The child to step into (with title blocks before it), or None to stay at ``node``."""
    if (node.tag == "table" and not is_layout_table(node)) or (node.text or "").strip():
        return None  # a data table's rows are read together; loose text belongs to the node
    children = [c for c in node if isinstance(c.tag, str) and sizes[c].text > 0]
    if not children:
        return None
    best = max(children, key=lambda c: sizes[c].own)
    best_size = sizes[best].own
    if best_size == 0 or best_size < DOMINANT_SHARE * sizes[node].own or best.tag not in BLOCK_TAGS:
        return None
    if best.tag in HEADING_TAGS or best.tag in ("p", "li", "dt", "dd", "caption"):
        return None  # a paragraph is read whole
    if any((child.tail or "").strip() for child in children):
        return None  # text between the children belongs to the node
    titles: list[HtmlElement] = []
    seen_best = False
    for child in children:
        if child is best:
            seen_best = True
        elif _is_side_chrome(child, sizes, best_size):
            continue
        elif not seen_best and _only_headings(child):
            titles.append(child)
        else:
            return None
    return titles, best


def _is_side_chrome(element: HtmlElement, sizes: dict[HtmlElement, _Size], content_size: int) -> bool:
    size = sizes[element]
    if size.links >= 2 and size.own <= max(3, 0.1 * size.text):
        return True  # nothing but links (and separators); one link may be an item's title
    if size.text <= BOILERPLATE_MAX_CHARS and is_boilerplate_text(element.text_content()):
        return True
    has_blocks = any(child.tag in BLOCK_TAGS for child in element.iterdescendants())
    has_heading = any(child.tag in HEADING_TAGS for child in element.iterdescendants())
    return has_blocks and not has_heading and size.own <= SMALL_SIDE_BLOCK * content_size


def _only_headings(element: HtmlElement) -> bool:
    if element.tag in HEADING_TAGS:
        return True
    headings = [h for h in element.iterdescendants() if h.tag in HEADING_TAGS]
    if not headings:
        return False
    heading_text = sum(_chars(h.text_content()) for h in headings)
    return heading_text >= _chars(element.text_content())


def _path(element: HtmlElement) -> str:
    parts = []
    for el in [element, *element.iterancestors()]:
        name = el.tag
        if el.get("id"):
            name += f"#{el.get('id')}"
        elif el.get("class"):
            name += "." + ".".join(el.get("class").split()[:2])
        parts.append(name)
    return " > ".join(reversed(parts))
