"""``python -m minutes_nlp`` runs the command-line interface."""
from minutes_nlp.cli import cli

if __name__ == "__main__":
    cli()
