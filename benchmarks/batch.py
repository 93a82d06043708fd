"""Batch extraction: documents/s, pages/s, peak memory and the second worker's speed-up.

1. A generated archive of ``--docs`` documents (default 1,000: invented text, HTML and PDF
   minutes, 5% broken files of every kind the batch tests use) is extracted with
   :func:`minutes_nlp.batch.extract_archive`, with 1 and with 2 worker processes, twice:
   on its first 100 documents and on all of them, each run into a fresh store. Peak memory
   is the largest sum of RSS of this process and its workers, sampled every 50 ms: it must
   stay flat from 100 to 1,000 documents. "steady docs/s" leaves out the workers' start-up
   (each loads spaCy, ~2 s): documents extracted between the first and the last record written.
2. On the real corpus (when present, not with ``--quick``): the same with 1 and 2 workers.
3. On the real PDFs (``../shared/corpora/real/*/*.pdf``, when present), the end-to-end pages/s
   of one process (read, clean, segment, annotate: the per-document job of a worker, pipeline
   warmed up) as a ratio to raw pypdfium2 text extraction (``get_textpage().get_text_range()``)
   of the same files in the same run. Target: >= 0.5.

Usage:
    .venv/bin/python benchmarks/batch.py                 # 1,000 documents
    .venv/bin/python benchmarks/batch.py --docs 300      # smaller
    .venv/bin/python benchmarks/batch.py --quick         # 200 documents, real PDFs once
    .venv/bin/python benchmarks/batch.py --ratio-only    # part 3 only
"""
from __future__ import annotations

import argparse
import hashlib
import logging
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
REAL = ROOT.parent / "shared" / "corpora" / "real"
sys.path.insert(0, str(ROOT))  # tests.batch.archive_factory builds the generated archive

import psutil  # noqa: E402

from minutes_nlp.batch import extract_archive  # noqa: E402
from minutes_nlp.readers import iter_sources  # noqa: E402
from tests.batch.archive_factory import BIG_HTML_LIMIT, broken_documents, good_documents, write_tree  # noqa: E402


def make_archive(root: Path, n_docs: int) -> Path:
    """``n_docs`` documents under ``root``: every 20th broken (5%), each file's content distinct."""
    kinds = sorted(broken_documents().items())
    n_broken = n_docs // 20
    documents = good_documents(n_docs - n_broken)
    names = sorted(documents)
    for i in range(n_broken):  # spread the broken files through the archive's sorted order
        name, data = kinds[i % len(kinds)]
        stem, _, suffix = Path(name).name.partition(".")
        if stem == "empty":
            data = b" \n" * (i + 1)
        elif stem == "huge":
            data = data[: BIG_HTML_LIMIT + 200_000] + f"<!-- {i} -->".encode()
        else:
            data = data + f"\n%{i}".encode()
        anchor = names[min(len(names) - 1, i * 19)]
        documents[f"{Path(anchor).with_suffix('')}-broken-{stem}.{suffix}"] = data
    return write_tree(root, documents)


class PeakMemory:
    """Largest RSS of this process plus its children, sampled in a thread."""

    def __init__(self, interval: float = 0.05) -> None:
        self.interval, self.peak, self._stop = interval, 0, threading.Event()
        self._thread = threading.Thread(target=self._sample, daemon=True)

    def _sample(self) -> None:
        me = psutil.Process()
        while not self._stop.is_set():
            total = 0
            for process in [me, *me.children(recursive=True)]:
                try:
                    total += process.memory_info().rss
                except psutil.Error:
                    pass
            self.peak = max(self.peak, total)
            time.sleep(self.interval)

    def __enter__(self) -> PeakMemory:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()


def run_archive(source: list[Path], workers: int, scratch: Path,
                settings: dict[str, int] | None = None) -> dict[str, float]:
    store = scratch / f"store-{workers}-{len(source)}-{time.monotonic_ns()}.db"
    extracted: list[float] = []  # when each extracted document was written (failures before reading excluded)

    def on_progress(event: object) -> None:
        if getattr(event, "status") == "ok":
            extracted.append(time.perf_counter())

    with PeakMemory() as memory:
        report = extract_archive(source, store, workers=workers, timeout=120, progress=on_progress,
                                 settings={"max_html_bytes": BIG_HTML_LIMIT} if settings is None else settings)
    steady = (len(extracted) - 1) / (extracted[-1] - extracted[0]) if len(extracted) > 1 else float("nan")
    return {"docs": report.n_documents, "ok": report.n_ok, "failed": report.n_failed, "skipped": report.n_skipped,
            "pages": report.pages, "seconds": report.seconds, "docs_s": report.n_documents / report.seconds,
            "pages_s": report.pages / report.seconds, "peak_mb": memory.peak / 1e6, "steady_docs_s": steady}


def stage_seconds(blobs: list[tuple[Path, bytes]]) -> dict[str, float]:
    """Seconds spent in each stage of the per-document job over ``blobs`` (where the time goes).

    Also two floors no implementation of the job can go below: ``pdfium_load`` (PDFium
    loading each page and building its text page, which any positioned read needs) and
    ``tokenize`` (spaCy's tokenizer alone over the items' text, which any tagging needs).
    """
    import pypdfium2 as pdfium

    from minutes_nlp.nlp.annotate import annotate_meeting, default_pipeline
    from minutes_nlp.readers import read_bytes
    from minutes_nlp.structure import segment

    nlp = default_pipeline()
    seconds = {"read": 0.0, "segment": 0.0, "annotate": 0.0, "pdfium_load": 0.0, "tokenize": 0.0}
    words = 0
    for path, data in blobs:
        start = time.perf_counter()
        document = read_bytes(data, path=path)
        read_done = time.perf_counter()
        meeting = segment(document)
        segment_done = time.perf_counter()
        annotate_meeting(meeting, document)
        seconds["read"] += read_done - start
        seconds["segment"] += segment_done - read_done
        seconds["annotate"] += time.perf_counter() - segment_done
        texts = [item.text for item in meeting.items if item.text]
        words += sum(len(text.split()) for text in texts)
        start = time.perf_counter()
        for text in texts:
            nlp.make_doc(text)
        seconds["tokenize"] += time.perf_counter() - start
        start = time.perf_counter()
        pdf = pdfium.PdfDocument(data)
        for page in pdf:
            page.get_textpage()
        pdf.close()
        seconds["pdfium_load"] += time.perf_counter() - start
    seconds["words"] = words
    return seconds


def real_pdf_ratio(pdfs: list[Path], repeat: int) -> dict[str, float]:
    """End-to-end pages/s of the per-document job over raw pypdfium2 text extraction, same files, same run."""
    import pypdfium2 as pdfium

    from minutes_nlp.batch.worker import Task, process_document, warm_up

    warm_up()
    blobs = [(p, p.read_bytes()) for p in pdfs]
    best_raw = best_e2e = float("inf")
    pages = 0
    for _ in range(repeat):
        start = time.perf_counter()
        pages = 0
        for _, data in blobs:
            document = pdfium.PdfDocument(data)
            for page in document:
                page.get_textpage().get_text_range()
                pages += 1
            document.close()
        best_raw = min(best_raw, time.perf_counter() - start)
        start = time.perf_counter()
        for path, data in blobs:
            result = process_document(Task(str(path), data, hashlib.sha256(data).hexdigest()))
            assert result["ok"], result
        best_e2e = min(best_e2e, time.perf_counter() - start)
    stages = stage_seconds(blobs)
    return {"files": len(blobs), "pages": pages, "raw_pages_s": pages / best_raw, "e2e_pages_s": pages / best_e2e,
            "ratio": best_raw / best_e2e, "raw_s": best_raw, **{f"{k}_s": v for k, v in stages.items()}}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=1000, help="documents in the generated archive")
    parser.add_argument("--small", type=int, default=100, help="the smaller run, for the memory comparison")
    parser.add_argument("--quick", action="store_true", help="200 documents, real PDFs timed once")
    parser.add_argument("--repeat", type=int, default=2, help="best of N for the real-PDF ratio")
    parser.add_argument("--ratio-only", action="store_true", help="only part 3: the real-PDF end-to-end ratio")
    args = parser.parse_args()
    logging.getLogger("minutes_nlp").setLevel(logging.ERROR)  # the broken files are expected
    if args.quick:
        args.docs, args.repeat = min(args.docs, 200), 1
    if not args.ratio_only:
        archive_runs(args)
    print_real_pdf_ratio(args.repeat)


def archive_runs(args: argparse.Namespace) -> None:
    """Parts 1 and 2: the generated archive, then the real corpus, with 1 and 2 workers."""
    with tempfile.TemporaryDirectory(prefix="minutes-batch-bench-") as scratch_name:
        scratch = Path(scratch_name)
        started = time.perf_counter()
        root = make_archive(scratch / "archive", args.docs)
        files = sorted(p for p in root.rglob("*") if p.is_file())
        print(f"generated {len(files)} documents ({sum(p.stat().st_size for p in files) / 1e6:.1f} MB) "
              f"in {time.perf_counter() - started:.1f} s")
        print(f"{'workers':>7} {'docs':>5} {'ok':>5} {'failed':>6} {'pages':>6} {'seconds':>8} {'docs/s':>7} "
              f"{'pages/s':>8} {'peak MB':>8} {'steady docs/s':>13}")
        speeds = {}
        for n in sorted({min(args.small, len(files)), len(files)}):
            for workers in (1, 2):
                row = run_archive(files[:n], workers, scratch)
                speeds[(n, workers)] = row
                print(f"{workers:>7} {row['docs']:>5.0f} {row['ok']:>5.0f} {row['failed']:>6.0f} {row['pages']:>6.0f} "
                      f"{row['seconds']:>8.1f} {row['docs_s']:>7.1f} {row['pages_s']:>8.1f} {row['peak_mb']:>8.0f} "
                      f"{row['steady_docs_s']:>13.1f}")
        n = len(files)
        print(f"speed-up from the second worker ({n} documents): "
              f"{speeds[(n, 2)]['docs_s'] / speeds[(n, 1)]['docs_s']:.2f}x overall, "
              f"{speeds[(n, 2)]['steady_docs_s'] / speeds[(n, 1)]['steady_docs_s']:.2f}x once the workers are up "
              f"(machine: {psutil.cpu_count()} CPUs, load average {psutil.getloadavg()[0]:.1f})")
        small = min(args.small, n)
        for workers in (1, 2):
            print(f"peak memory, {workers} worker(s): {speeds[(small, workers)]['peak_mb']:.0f} MB at {small} documents, "
                  f"{speeds[(n, workers)]['peak_mb']:.0f} MB at {n}")
        pdfs = sorted(REAL.glob("*/*.pdf"))
        if pdfs and not args.quick:  # real documents take far longer than the generated ones
            real_files = [Path(p) for p in sorted(iter_sources([REAL]))]
            rows = {workers: run_archive(real_files, workers, scratch, settings={}) for workers in (1, 2)}
            for workers, row in rows.items():
                print(f"real corpus, {workers} worker(s): {row['docs']:.0f} documents, {row['pages']:.0f} pages in "
                      f"{row['seconds']:.1f} s: {row['pages_s']:.1f} pages/s, steady {row['steady_docs_s']:.2f} docs/s, "
                      f"peak {row['peak_mb']:.0f} MB")
            print(f"speed-up from the second worker (real corpus): {rows[2]['pages_s'] / rows[1]['pages_s']:.2f}x")


def print_real_pdf_ratio(repeat: int) -> None:
    """Part 3: end-to-end pages/s on the real PDFs over raw pypdfium2, with the floors."""
    pdfs = sorted(REAL.glob("*/*.pdf"))
    if not pdfs:
        print(f"no real PDFs under {REAL}: end-to-end ratio not measured")
        return
    ratio = real_pdf_ratio(pdfs, repeat)
    print(f"real PDFs: {ratio['files']} files, {ratio['pages']} pages; raw pypdfium2 {ratio['raw_pages_s']:.0f} pages/s, "
          f"end to end (read, clean, segment, annotate; one process) {ratio['e2e_pages_s']:.1f} pages/s; "
          f"ratio {ratio['ratio']:.3f} (target >= 0.5)")
    print(f"  where the time goes (s): raw pypdfium2 {ratio['raw_s']:.2f}; read {ratio['read_s']:.2f}, "
          f"segment {ratio['segment_s']:.2f}, annotate {ratio['annotate_s']:.2f} ({ratio['words_s']:.0f} words of item text)")
    floor = ratio["pdfium_load_s"] + ratio["tokenize_s"]
    print(f"  floors (s): PDFium page and text-page loading {ratio['pdfium_load_s']:.2f} "
          f"({ratio['pdfium_load_s'] / ratio['raw_s']:.2f} of raw), spaCy tokenizer alone {ratio['tokenize_s']:.2f}; "
          f"with everything else free the ratio could be at most {ratio['raw_s'] / floor:.2f}")


if __name__ == "__main__":
    main()
