"""The spaCy side of minutes_nlp: components, the pipeline, and filling records with utterances.

Example:
    >>> from minutes_nlp.nlp import load
    >>> nlp = load()                                   # spacy.blank("en") + minutes components
    >>> doc = nlp("The chair asked when the report would be ready.")
    >>> doc._.utterances[0]._.speaker["role"], doc._.utterances[0]._.acts
    ('Chair', ('question',))
"""
from minutes_nlp.nlp.annotate import annotate_meeting
from minutes_nlp.nlp.extensions import register_extensions
from minutes_nlp.nlp.pipeline import COMPONENTS, load

__all__ = ["COMPONENTS", "annotate_meeting", "load", "register_extensions"]
