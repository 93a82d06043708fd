"""Check the gold annotations of the sample corpus (corpora/gold/) against the documents.

    .venv/bin/python scripts/check_sample_gold.py           # check, print a summary
    .venv/bin/python scripts/check_sample_gold.py --quiet   # only problems

For every ``corpora/gold/<folder>/<file>.gold.json``:
  - the JSON loads and follows GOLD_FORMAT.md (keys, types, acts, outcomes, ``annotated``);
  - the document exists and its format matches ``format``;
  - every item title, resolution text and sentence text occurs verbatim in the document's
    text (whitespace runs compared as one space), in document order;
  - attendance names, movers and seconders occur in the text; named vote lists match counts.

The "document's text" is: for PDF and DOCX, the text fed to the generator
(``scripts/make_sample_corpus.py``, function ``plain_text``); for HTML, the text content of the
page; for Markdown, the file with backslash escapes (``\\$``, ``\\#``) removed, as the real
corpus gold does; for plain text, the file. The PDF and DOCX files are also checked to be up to
date with the generator, and their own text is searched for the gold strings (reported, not
failed: a sentence may cross a page break, where a running header or footer interrupts it).
Exit status 1 when a check fails.
"""
from __future__ import annotations

import argparse
import collections
import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPORA = ROOT / "corpora"
GOLD = CORPORA / "gold"
sys.path.insert(0, str(Path(__file__).resolve().parent))

import make_sample_corpus  # noqa: E402  (scripts/ is not a package)

PARTS = {"meeting", "attendance", "items", "resolutions", "motions", "votes", "sentences"}
ACTS = {"concern", "request", "question", "response", "proposal", "statement"}
OUTCOMES = {"carried", "lost", "withdrawn", "deferred", None}
FORMATS = {".pdf": "pdf", ".docx": "docx", ".html": "html", ".htm": "html", ".txt": "txt", ".md": "txt"}
_MD_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!$|>])")


def norm(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def html_text(data: bytes) -> str:
    try:
        import lxml.html

        tree = lxml.html.fromstring(data)
        for bad in tree.xpath("//script|//style"):
            bad.drop_tree()
        return tree.text_content()
    except ImportError:  # pragma: no cover - lxml is a dependency of minutes_nlp
        import html

        text = re.sub(r"(?is)<(script|style)\b.*?</\1>", " ", data.decode("utf-8"))
        return html.unescape(re.sub(r"<[^>]+>", "", text))


def document_text(doc: str) -> str:
    """The text the gold strings must occur in (see the module docstring)."""
    path = CORPORA / doc
    suffix = path.suffix.lower()
    if suffix in (".pdf", ".docx"):
        return make_sample_corpus.plain_text(doc)
    data = path.read_bytes()
    if suffix in (".html", ".htm"):
        return html_text(data)
    text = data.decode("utf-8")
    if suffix == ".md":
        text = _MD_ESCAPE.sub(r"\1", text)
    return text


def binary_text(doc: str) -> str | None:
    """The text layer of a generated PDF / the paragraphs and cells of a DOCX (for the report)."""
    path = CORPORA / doc
    if path.suffix == ".pdf":
        import pypdfium2 as pdfium

        pdf = pdfium.PdfDocument(str(path))
        return "\n".join(page.get_textpage().get_text_range() for page in pdf)
    if path.suffix == ".docx":
        import docx

        document = docx.Document(str(path))
        parts = [p.text for p in document.paragraphs]
        for table in document.tables:
            parts.extend(cell.text for row in table.rows for cell in row.cells)
        return "\n".join(parts)
    return None


class Report:
    def __init__(self) -> None:
        self.errors: list[str] = []

    def fail(self, where: str, message: str) -> None:
        self.errors.append(f"{where}: {message}")


def check_schema(gold: dict, where: str, report: Report) -> None:
    for key in ("doc", "format", "annotated", "meeting", "attendance", "items"):
        if key not in gold:
            report.fail(where, f"missing key {key!r}")
    annotated = set(gold.get("annotated", []))
    if not annotated <= PARTS:
        report.fail(where, f"unknown parts in annotated: {sorted(annotated - PARTS)}")
    meeting = gold.get("meeting") or {}
    if "meeting" in annotated:
        for key in ("body", "committee", "date"):
            if not isinstance(meeting.get(key), str) or not meeting.get(key):
                report.fail(where, f"meeting.{key} missing")
        if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", meeting.get("date") or ""):
            report.fail(where, f"meeting.date not YYYY-MM-DD: {meeting.get('date')!r}")
    if "attendance" in annotated:
        attendance = gold.get("attendance") or {}
        for key in ("present", "apologies", "officers"):
            if not isinstance(attendance.get(key), list):
                report.fail(where, f"attendance.{key} is not a list")
    for n, item in enumerate(gold.get("items", [])):
        at = f"{where} item {n} ({item.get('number')})"
        if not isinstance(item.get("title"), str) or not item["title"].strip():
            report.fail(at, "no title")
        if item.get("number") is not None and not isinstance(item["number"], str):
            report.fail(at, "number must be a string or null")
        for part in ("resolutions", "motions", "votes"):
            if part in annotated and not isinstance(item.get(part), list):
                report.fail(at, f"{part} must be a list when {part!r} is annotated")
        for text in item.get("resolutions", []):
            if text != text.strip() or re.match(r"(?i)(resolved|that)\b", text):
                report.fail(at, f"resolution keeps its lead-in or spaces: {text[:60]!r}")
        for motion in item.get("motions", []):
            if set(motion) != {"mover", "seconder", "outcome"} or motion["outcome"] not in OUTCOMES:
                report.fail(at, f"bad motion {motion}")
        for vote in item.get("votes", []):
            for key in ("for", "against", "abstain"):
                if vote.get(key) is not None and not isinstance(vote[key], int):
                    report.fail(at, f"vote {key} not an int: {vote}")
                names = vote.get(f"{key}_names")
                if names is not None and vote.get(key) is not None and len(names) != vote[key]:
                    report.fail(at, f"vote {key}={vote[key]} but {len(names)} names")
        if "sentences" in annotated:
            if not isinstance(item.get("sentences"), list):
                report.fail(at, "sentences must be a list when 'sentences' is annotated")
            for s in item.get("sentences", []):
                if set(s) != {"text", "speaker", "acts"}:
                    report.fail(at, f"bad sentence keys {sorted(s)}")
                if not s.get("acts") or not set(s["acts"]) <= ACTS:
                    report.fail(at, f"bad acts {s.get('acts')}")
                if s.get("speaker") is not None and not isinstance(s["speaker"], str):
                    report.fail(at, f"bad speaker {s.get('speaker')!r}")


def check_text(gold: dict, text: str, where: str, report: Report) -> dict[str, int]:
    """Every quoted string occurs in order; returns counts of what was checked."""
    flat = norm(text)
    counts = collections.Counter()
    cursor = 0  # items, and sentences within the document, must appear in order
    for item in gold["items"]:
        at = f"{where} item {item.get('number') or item['title'][:30]!r}"
        title = norm(item["title"])
        pos = flat.find(title, cursor)
        if pos < 0:
            report.fail(at, f"title not found (after the previous item): {title[:80]!r}")
        else:
            cursor = pos
        counts["items"] += 1
        for res in item.get("resolutions", []):
            counts["resolutions"] += 1
            if norm(res) not in flat:
                report.fail(at, f"resolution not in text: {res[:80]!r}")
        s_cursor = cursor
        for s in item.get("sentences", []):
            counts["sentences"] += 1
            pos = flat.find(norm(s["text"]), s_cursor)
            if pos < 0:
                report.fail(at, f"sentence not found in order: {s['text'][:80]!r}")
            else:
                s_cursor = pos
        for motion in item.get("motions", []):
            counts["motions"] += 1
            for role in ("mover", "seconder"):
                name = motion.get(role)
                if name and name not in flat:
                    report.fail(at, f"{role} {name!r} not in text")
        counts["votes"] += len(item.get("votes", []))
    attendance = gold.get("attendance") or {}
    for key, names in attendance.items():
        for name in names:
            if name not in flat:
                report.fail(where, f"attendance.{key} name {name!r} not in text")
    return counts


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quiet", action="store_true", help="print only problems")
    args = parser.parse_args(argv)
    report = Report()
    files = sorted(GOLD.rglob("*.gold.json"))
    if not files:
        print(f"no gold files under {GOLD}", file=sys.stderr)
        return 1
    rows = []
    acts = collections.Counter()
    speakers_null = 0
    for path in files:
        where = str(path.relative_to(CORPORA))
        try:
            gold = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, json.JSONDecodeError) as exc:
            report.fail(where, f"does not load: {exc}")
            continue
        check_schema(gold, where, report)
        doc = gold.get("doc", "")
        expected = GOLD / (doc + ".gold.json")
        if expected != path:
            report.fail(where, f"'doc' {doc!r} does not mirror the gold file's path")
        source = CORPORA / doc
        if not source.is_file():
            report.fail(where, f"document {doc!r} not found")
            continue
        if FORMATS.get(source.suffix.lower()) != gold.get("format"):
            report.fail(where, f"format {gold.get('format')!r} does not fit {source.name}")
        text = document_text(doc)
        counts = check_text(gold, text, where, report)
        for item in gold["items"]:
            for s in item.get("sentences", []):
                acts.update(s["acts"])
                speakers_null += s["speaker"] is None
        layer = ""
        binary = binary_text(doc)
        if binary is not None:
            flat = norm(binary)
            quoted = [s["text"] for i in gold["items"] for s in i.get("sentences", [])]
            quoted += [r for i in gold["items"] for r in i.get("resolutions", [])]
            found = sum(norm(q) in flat for q in quoted)
            layer = f"{found}/{len(quoted)} in {source.suffix[1:]} text"
        rows.append((doc, len(norm(text).split()), counts, layer))
    if source_stale := _stale_binaries():
        for name in source_stale:
            report.fail(name, "out of date: rerun scripts/make_sample_corpus.py")
    if not args.quiet:
        print(f"{'document':<92} {'words':>6} {'items':>5} {'res':>4} {'mot':>4} {'vote':>4} {'sent':>5}")
        for doc, words, c, layer in rows:
            print(f"{doc:<92} {words:>6} {c['items']:>5} {c['resolutions']:>4} {c['motions']:>4} "
                  f"{c['votes']:>4} {c['sentences']:>5}  {layer}")
        total = sum(c["sentences"] for _, _, c, _ in rows)
        print(f"\n{len(rows)} documents, {sum(w for _, w, _, _ in rows)} words, {total} annotated sentences"
              f" ({speakers_null} with no speaker)")
        print("acts:", ", ".join(f"{a} {acts[a]}" for a in sorted(ACTS, key=lambda a: -acts[a])))
    for error in report.errors:
        print("FAIL", error, file=sys.stderr)
    if report.errors:
        print(f"{len(report.errors)} problem(s)", file=sys.stderr)
        return 1
    if not args.quiet:
        print("all gold strings found; all binaries up to date")
    return 0


def _stale_binaries() -> list[str]:
    stale = []
    for name in sorted(make_sample_corpus.LAYOUTS):
        path = CORPORA / name
        if not path.is_file() or path.read_bytes() != make_sample_corpus.build(name):
            stale.append(name)
    return stale


if __name__ == "__main__":
    sys.exit(main())
