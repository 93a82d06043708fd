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
@click.option("--out", type=click.Path(dir_okay=False, path_type=Path), required=True, help="JSONL file to write.")
@click.option("--summary", is_flag=True, help="Print one line per meeting extracted.")
def extract(paths: tuple[Path, ...], out: Path, summary: bool) -> None:
    """Extract one meeting record (meeting@1 JSON) per minutes file into a JSONL file.

    Example: minutes-nlp extract corpora --out out/meetings.jsonl
    """
    on_meeting = (lambda meeting: click.echo(summarise_meeting(meeting))) if summary else None
    report = minutes_nlp.extract_to_jsonl(paths, out, on_meeting=on_meeting)
    for failure in report.failures:
        click.echo(f"failed ({failure.stage}): {failure.reason}", err=True)
    click.echo(f"{report.n_ok} meetings written to {out}, {report.n_failed} files failed")
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


if __name__ == "__main__":  # pragma: no cover
    cli()
