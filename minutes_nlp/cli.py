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
from minutes_nlp.summary import summarise_document


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


if __name__ == "__main__":  # pragma: no cover
    cli()
