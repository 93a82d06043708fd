"""Benchmark the PDF reader: pages/s per backend, ratio to raw pypdfium2, peak memory.

Reads the real corpus (``../shared/corpora/real`` or ``$MINUTES_NLP_REAL_CORPUS``) when it
is there, and PDFs it generates with fpdf2 into a temporary folder (single-column minutes,
three-column newspaper pages, ruled vote tables). For each set it measures pages per CPU
second (one core):

- ``raw pypdfium2``: load each page and its text page, ``get_text_range()`` (no layout);
- ``read (pypdfium2)``: the default reader, cleaning included; its ratio to the raw rate is
  measured in the same run, the two timed alternately (best of ``--repeat``);
- ``read (pdfplumber)`` and ``raw pdfplumber`` (``page.extract_text()``), on the first
  ``--plumber-pages`` pages of each file (pdfplumber reads a newspaper page in ~0.3 s);
- peak memory: each reader runs once more in a fresh process; the figure is the peak
  resident size above what the process held before reading.

Usage:
    .venv/bin/python benchmarks/readers.py              # everything (a few minutes)
    .venv/bin/python benchmarks/readers.py --quick      # 1 repeat, pdfplumber on 2 pages a file
    .venv/bin/python benchmarks/readers.py --no-plumber --repeat 5
"""
from __future__ import annotations

import argparse
import io
import multiprocessing
import os
import sys
import tempfile
import time
from pathlib import Path
from typing import Callable

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))  # tests.readers.pdf_factory builds the generated PDFs

import pdfplumber  # noqa: E402
import pypdfium2 as pdfium  # noqa: E402

from minutes_nlp.readers.pdf import read_pdf  # noqa: E402

DEFAULT_CORPUS = Path(os.environ.get("MINUTES_NLP_REAL_CORPUS", ROOT.parent / "shared" / "corpora" / "real"))


def raw_pypdfium2(datas: list[bytes]) -> int:
    pages = 0
    for data in datas:
        pdf = pdfium.PdfDocument(data)
        for i in range(len(pdf)):
            page = pdf[i]
            textpage = page.get_textpage()
            textpage.get_text_range()
            textpage.close()
            page.close()
            pages += 1
        pdf.close()
    return pages


def raw_pdfplumber(datas: list[bytes]) -> int:
    pages = 0
    for data in datas:
        with pdfplumber.open(io.BytesIO(data)) as pdf:
            for page in pdf.pages:
                page.extract_text()
                page.close()
                pages += 1
    return pages


def reader(backend: str) -> Callable[[list[bytes]], int]:
    def run(datas: list[bytes]) -> int:
        return sum(len(read_pdf(data, settings={"backend": backend}).pages) for data in datas)

    run.__name__ = f"read ({backend})"
    return run


def first_pages(data: bytes, n: int) -> bytes:
    """The first ``n`` pages of a PDF, as a new PDF."""
    src = pdfium.PdfDocument(data)
    if len(src) <= n:
        return data
    part = pdfium.PdfDocument.new()
    part.import_pages(src, list(range(n)))
    buffer = io.BytesIO()
    part.save(buffer)
    return buffer.getvalue()


def best_rate(functions: list[Callable[[list[bytes]], int]], datas: list[bytes], repeat: int) -> dict[str, float]:
    """Pages per CPU second of each function, best of ``repeat``, the functions timed alternately.

    CPU time of this process (``time.process_time``), so that other work on the machine
    does not count; on an idle machine it equals wall time for this one-thread work.
    """
    best = {f.__name__: float("inf") for f in functions}
    pages = 0
    for _ in range(repeat):
        for function in functions:
            start = time.process_time()
            pages = function(datas)
            best[function.__name__] = min(best[function.__name__], time.process_time() - start)
    return {name: pages / seconds for name, seconds in best.items()}


def _peak_worker(paths: list[str], backend: str, queue: multiprocessing.Queue) -> None:
    datas = [Path(p).read_bytes() for p in paths]
    read_pdf(_tiny_pdf(), settings={"backend": backend})  # warm up the imports first
    before = _rss_kb("VmRSS")
    for data in datas:
        read_pdf(data, settings={"backend": backend})
    queue.put(max(0, _rss_kb("VmHWM") - before))


def _tiny_pdf() -> bytes:
    part = pdfium.PdfDocument.new()
    part.new_page(200, 200)
    buffer = io.BytesIO()
    part.save(buffer)
    return buffer.getvalue()


def _rss_kb(field: str) -> int:
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith(field + ":"):
                return int(line.split()[1])
    except OSError:
        pass
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


def peak_memory_mb(paths: list[Path], backend: str) -> float:
    """Peak resident memory (MB) a fresh process adds while reading ``paths``."""
    context = multiprocessing.get_context("spawn")
    queue = context.Queue()
    process = context.Process(target=_peak_worker, args=([str(p) for p in paths], backend, queue))
    process.start()
    process.join()
    return queue.get(timeout=5) / 1024 if not queue.empty() else float("nan")


def generate(folder: Path) -> dict[str, list[Path]]:
    from tests.readers.pdf_factory import minutes_pdf, newspaper_pdf, tables_pdf

    sets = {
        "generated: minutes, 1 column (3 x 20 pages)": [minutes_pdf(20) for _ in range(3)],
        "generated: newspaper, 3 columns (2 x 15 pages)": [newspaper_pdf(15) for _ in range(2)],
        "generated: ruled vote tables (2 x 10 pages)": [tables_pdf(10) for _ in range(2)],
    }
    out = {}
    for name, datas in sets.items():
        paths = []
        for k, data in enumerate(datas):
            path = folder / f"{name.split(':')[1].split(',')[0].strip().replace(' ', '-')}-{k}.pdf"
            path.write_bytes(data)
            paths.append(path)
        out[name] = paths
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS, help="real corpus folder")
    parser.add_argument("--repeat", type=int, default=3, help="timing repeats (best is kept)")
    parser.add_argument("--plumber-pages", type=int, default=6, help="pages per file read with pdfplumber")
    parser.add_argument("--no-plumber", action="store_true", help="skip pdfplumber")
    parser.add_argument("--no-memory", action="store_true", help="skip the peak-memory runs")
    parser.add_argument("--quick", action="store_true", help="1 repeat, pdfplumber on 2 pages a file")
    args = parser.parse_args(argv)
    if args.quick:
        args.repeat, args.plumber_pages = 1, 2

    sets: dict[str, list[Path]] = {}
    if args.corpus.is_dir():
        for folder in sorted(p for p in args.corpus.iterdir() if p.is_dir()):
            pdfs = sorted(folder.glob("*.pdf"))
            if pdfs:
                sets[f"real: {folder.name} ({len(pdfs)} files)"] = pdfs
    else:
        print(f"(no real corpus at {args.corpus}: generated PDFs only)")
    with tempfile.TemporaryDirectory(prefix="minutes-nlp-bench-") as tmp:
        sets.update(generate(Path(tmp)))
        print(
            f"pages per CPU second (one core), best of {args.repeat}; "
            f"pdfplumber on the first {args.plumber_pages} pages of each file"
        )
        header = f"{'set':48} {'pages':>5} {'raw pdfium':>10} {'read pdfium':>11} {'ratio':>6} {'peak MB':>7}"
        if not args.no_plumber:
            header += f" {'pages':>5} {'raw plumber':>11} {'read plumber':>12} {'peak MB':>7}"
        print(header)
        total = {"raw": 0.0, "read": 0.0, "pages": 0}
        for name, paths in sets.items():
            datas = [p.read_bytes() for p in paths]
            fast = reader("pypdfium2")
            rates = best_rate([raw_pypdfium2, fast], datas, args.repeat)
            pages = raw_pypdfium2(datas)
            raw_rate, read_rate = rates["raw_pypdfium2"], rates[fast.__name__]
            total["raw"] += pages / raw_rate
            total["read"] += pages / read_rate
            total["pages"] += pages
            memory = float("nan") if args.no_memory else peak_memory_mb(paths, "pypdfium2")
            row = f"{name:48} {pages:5d} {raw_rate:10.0f} {read_rate:11.0f} {read_rate / raw_rate:6.2f} {memory:7.1f}"
            if not args.no_plumber:
                subset = [first_pages(d, args.plumber_pages) for d in datas]
                slow = reader("pdfplumber")
                plumber_rates = best_rate([raw_pdfplumber, slow], subset, 1)
                with tempfile.TemporaryDirectory() as part_dir:
                    part_paths = []
                    for k, data in enumerate(subset):
                        part = Path(part_dir) / f"{k}.pdf"
                        part.write_bytes(data)
                        part_paths.append(part)
                    plumber_memory = float("nan") if args.no_memory else peak_memory_mb(part_paths, "pdfplumber")
                row += (
                    f" {raw_pypdfium2(subset):5d} {plumber_rates['raw_pdfplumber']:11.1f}"
                    f" {plumber_rates[slow.__name__]:12.1f} {plumber_memory:7.1f}"
                )
            print(row, flush=True)
        ratio = total["raw"] / total["read"]
        print(
            f"{'all sets':48} {total['pages']:5d} {total['pages'] / total['raw']:10.0f}"
            f" {total['pages'] / total['read']:11.0f} {ratio:6.2f}"
        )
        print(f"target: read (pypdfium2) >= 0.5 x raw pypdfium2: {'met' if ratio >= 0.5 else 'NOT met'} ({ratio:.2f})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
