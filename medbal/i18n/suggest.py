"""Did you mean: the valid value closest to a mistyped one, named before the list of all."""

from __future__ import annotations

from collections.abc import Iterable

from medbal.core.errors import UsageError


def closest(word: str, choices: Iterable[str]) -> str | None:
    """The choice most like `word` (case aside), or None when none is a likely typo."""
    import difflib

    by_lower = {c.lower(): c for c in choices}
    found = difflib.get_close_matches(word.strip().lower(), list(by_lower), n=1, cutoff=0.6)
    return by_lower[found[0]] if found else None


def did_you_mean(
    key: str,
    word: str,
    choices: Iterable[str],
    error: type[UsageError] = UsageError,
    **values: object,
) -> None:
    """Raise `error` with message `key` naming the closest choice, if one is close;
    otherwise return, and the caller raises its plain message."""
    best = closest(word, choices)
    if best is not None:
        raise error(key, best=best, **values)
