"""Did you mean: the valid value closest to a mistyped one, if any is close enough."""

from __future__ import annotations

from collections.abc import Iterable


def closest(word: str, choices: Iterable[str]) -> str | None:
    """The choice most like `word` (case aside), or None when none is a likely typo."""
    import difflib

    by_lower = {c.lower(): c for c in choices}
    found = difflib.get_close_matches(word.strip().lower(), list(by_lower), n=1, cutoff=0.6)
    return by_lower[found[0]] if found else None
