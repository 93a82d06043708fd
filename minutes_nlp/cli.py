"""The ``minutes-nlp`` command: a thin shell over the library.

Example:
    minutes-nlp read minutes.pdf
    minutes-nlp read corpora --summary
"""
from __future__ import annotations

import json
import logging
from pathlib import Path

import click

import minutes_nlp
from minutes_nlp.errors import MinutesError
from minutes_nlp.summary import summarise_document, summarise_meeting


@click.group()
@click.version_option(minutes_nlp.__version__, prog_name="minutes-nlp")
@click.option("-v", "--verbose", is_flag=True, help="Log what the library skips and why.")
def cli(verbose: bool) -> None:
    """Text mining of published meeting minutes."""
    logging.basicConfig(level=logging.INFO if verbose else logging.WARNING, format="%(levelname)s %(name)s: %(message)s")


@cli.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(exists=True, path_type=Path))
@click.option("--json", "as_json", is_flag=True, help="Print each Document as one JSON line.")
@click.option("--summary", is_flag=True, help="Print one summary line per file instead of the text.")
@click.option(
    "--backend",
    type=click.Choice(["pypdfium2", "pdfplumber"]),
    default=None,
    help="PDF backend (default: pypdfium2, the fast one).",
)
def read(paths: tuple[Path, ...], as_json: bool, summary: bool, backend: str | None) -> None:
    """Read minutes files (or folders of them) and print their clean text.

    Example: minutes-nlp read minutes.pdf --json
    """
    n_ok = n_failed = 0
    for path in minutes_nlp.iter_sources(paths):
        try:
            document = minutes_nlp.read(path, backend=backend)
        except MinutesError as exc:
            n_failed += 1
            click.echo(f"error: {exc}", err=True)
            continue
        n_ok += 1
        if as_json:
            click.echo(json.dumps(document.to_dict(), ensure_ascii=False))
        elif summary:
            click.echo(summarise_document(document))
        else:
            click.echo(document.text)
            for warning in document.warnings:
                click.echo(f"warning: {document.path}: {warning}", err=True)
    if summary:
        click.echo(f"{n_ok} documents read, {n_failed} failed")
    if n_failed:
        raise SystemExit(1)


@cli.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(exists=True, path_type=Path))
@click.option("--out", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="JSONL file to write (one meeting@1 record per line).")
@click.option("--store", "store_path", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="SQLite store to fill; a rerun skips what it holds and re-extracts changed files.")
@click.option("--workers", type=click.IntRange(min=0), default=1, show_default=True,
              help="Worker processes (0: in this process, no timeout).")
@click.option("--timeout", type=click.FloatRange(min=0, min_open=True), default=120, show_default=True,
              help="Seconds one file may take before it is abandoned as a failure.")
@click.option("--engine", type=click.Choice(["local", "dask"]), default="local", show_default=True,
              help="Where the work runs: worker processes here, or a Dask cluster.")
@click.option("--scheduler", default=None, help="Dask scheduler address, e.g. tcp://10.0.0.5:8786 (with --engine dask).")
@click.option("--retry-failed", is_flag=True, help="Try again the files that failed in an earlier run into --store.")
@click.option("--summary", is_flag=True, help="Print one line per meeting in the output.")
@click.option("--progress/--no-progress", default=True, help="Show a progress bar on the terminal.")
def extract(paths: tuple[Path, ...], out: Path | None, store_path: Path | None, workers: int, timeout: float,
            engine: str, scheduler: str | None, retry_failed: bool, summary: bool, progress: bool) -> None:
    """Extract one meeting record per minutes file (folders and .zip archives too) into a store and/or JSONL.

    Exits with status 1 if any file failed; the failures are listed (and kept in the store).

    Example: minutes-nlp extract archives/leeds.zip --store leeds.db --out leeds.jsonl --workers 4
    """
    import tempfile

    from minutes_nlp.batch import ProgressBar, extract_archive
    from minutes_nlp.store import Store

    if out is None and store_path is None:
        raise click.UsageError("give --out FILE.jsonl, --store FILE.db, or both")
    if engine == "dask" and scheduler is None:
        raise click.UsageError("--engine dask needs --scheduler ADDRESS")
    with tempfile.TemporaryDirectory(prefix="minutes-nlp-") as scratch:
        path = store_path if store_path is not None else Path(scratch) / "minutes.db"
        try:
            with Store(path) as store:
                with ProgressBar(disable=None if progress else True) as bar:
                    report = extract_archive(list(paths), store, workers=workers, timeout=timeout,
                                             engine=engine, scheduler=scheduler, progress=bar,
                                             retry_failed=retry_failed)
                if out is not None:
                    store.export(out, "jsonl")
                if summary:
                    for meeting in store.meetings():
                        click.echo(summarise_meeting(meeting))
        except MinutesError as exc:
            raise click.ClickException(str(exc)) from exc
    for failure in report.failures:
        click.echo(f"failed ({failure.stage}): {failure.reason}", err=True)
    where = " and ".join(str(p) for p in (store_path, out) if p is not None)
    skipped = f"{report.n_skipped} skipped (content already extracted), " if report.n_skipped else ""
    click.echo(f"{report.n_ok} meetings written to {where}, {skipped}"
               f"{report.n_failed} files failed; {report.pages} pages in {report.seconds:.1f} s")
    if report.n_failed:
        raise SystemExit(1)


@cli.command()
@click.argument("predictions", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--gold", "gold", type=click.Path(exists=True, path_type=Path), required=True,
              help="Folder of *.gold.json files (or one file).")
@click.option("--per-document", is_flag=True, help="Print every figure for each document too.")
@click.option("--json", "as_json", is_flag=True, help="Print the summary as JSON.")
def evaluate(predictions: Path, gold: Path, per_document: bool, as_json: bool) -> None:
    """Score extracted meetings (JSONL) against gold annotations.

    Example: minutes-nlp evaluate --gold corpora/gold out/meetings.jsonl
    """
    try:
        report = minutes_nlp.evaluate(gold, predictions)
    except MinutesError as exc:
        raise click.ClickException(str(exc)) from exc
    if as_json:
        click.echo(json.dumps(report.summary(), indent=2))
    else:
        click.echo(report.format(per_document=per_document))


@cli.command()
@click.argument("meetings", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--out", type=click.Path(dir_okay=False, path_type=Path), required=True,
              help="File to write: .graphml, .gexf, .json (node-link) or .csv (edge list).")
@click.option("--aliases", type=click.Path(exists=True, dir_okay=False, path_type=Path), default=None,
              help='JSON alias file: {"aliases": {"Cllr Bob Smith": "smith-r"}, "distinct": [[...]]}.')
def graph(meetings: Path, out: Path, aliases: Path | None) -> None:
    """Build the councillor-issue graph of extracted meetings (meeting@1 JSONL) and write it.

    Example: minutes-nlp graph out/meetings.jsonl --out out/graph.graphml
    """
    from minutes_nlp.graph import write_graph_from_jsonl

    try:
        built = write_graph_from_jsonl(meetings, out, aliases=aliases)
    except (MinutesError, ValueError) as exc:
        raise click.ClickException(str(exc)) from exc
    click.echo(f"{built.number_of_nodes()} nodes, {built.number_of_edges()} edges written to {out}")


if __name__ == "__main__":  # pragma: no cover
    cli()
