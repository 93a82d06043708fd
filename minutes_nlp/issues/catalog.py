"""The issue catalog: one :class:`Issue` per topic linked across meetings.

Example:
    >>> issue = Issue(id=slugify("Leisure centre"), label="leisure centre", phrases=("leisure centre",))
    >>> IssueCatalog({issue.id: issue}).get("leisure-centre").label
    'leisure centre'
"""
from __future__ import annotations

import logging
import re
import unicodedata
from dataclasses import dataclass, field

logger = logging.getLogger(__name__)

__all__ = ["Issue", "IssueCatalog", "slugify"]


def slugify(label: str) -> str:
    """A stable id from a label: ASCII, lower case, words joined by hyphens.

    Example:
        >>> slugify("Council’s Built Environment Review (2024)")
        'councils-built-environment-review-2024'
    """
    text = unicodedata.normalize("NFKD", label).encode("ascii", "ignore").decode("ascii").lower()
    text = re.sub(r"['’]", "", text)
    return re.sub(r"[^a-z0-9]+", "-", text).strip("-") or "issue"


@dataclass(frozen=True)
class Issue:
    """One issue: a stable ``id`` (slug of the label), a readable ``label`` and the surface forms merged into it.

    Example:
        >>> Issue("built-environment", "built environment", ("built environment review", "review of built environment"))
        Issue(id='built-environment', label='built environment', phrases=('built environment review', 'review of built environment'))
    """

    id: str
    label: str
    phrases: tuple[str, ...] = ()


@dataclass(frozen=True)
class IssueCatalog:
    """All issues found in a set of meetings, by id (ids in sorted order).

    Example:
        >>> cat = IssueCatalog({"road": Issue("road", "road", ("road", "roads"))})
        >>> len(cat), "road" in cat, [i.label for i in cat]
        (1, True, ['road'])
    """

    issues: dict[str, Issue] = field(default_factory=dict)

    def __len__(self) -> int:
        return len(self.issues)

    def __contains__(self, issue_id: object) -> bool:
        return issue_id in self.issues

    def __iter__(self):  # type: ignore[no-untyped-def]
        return iter(self.issues.values())

    def get(self, issue_id: str) -> Issue | None:
        """The issue with this id, or None."""
        return self.issues.get(issue_id)

    def to_dict(self) -> dict[str, dict[str, object]]:
        """Plain JSON-ready dict: ``{id: {"label": ..., "phrases": [...]}}``."""
        return {i.id: {"label": i.label, "phrases": list(i.phrases)} for i in self.issues.values()}
