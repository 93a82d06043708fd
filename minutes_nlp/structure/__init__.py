"""Structure: find a meeting's metadata, attendance, items, motions, votes and resolutions.

Example:
    >>> import minutes_nlp
    >>> meeting = minutes_nlp.segment(minutes_nlp.read("minutes.pdf"))   # doctest: +SKIP
"""
from minutes_nlp.structure.segment import meeting_id, segment

__all__ = ["meeting_id", "segment"]
