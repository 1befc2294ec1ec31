"""Did you mean: the valid value closest to a mistyped one, named before the list of all.

An error carries the word given and the valid ones (medbal.core raises it so, with no
words); when medbal.i18n.catalogue words it, `nearest` turns it into its "did you
mean" form where one valid value is close.
"""

from __future__ import annotations

from collections.abc import Iterable

from medbal.core.errors import Phrase, UsageError

# An error key: (its "did you mean" key, the field holding the word given, the field
# holding the valid values).
SUGGEST = {
    "no_question": ("dym_question", "qid", "ids"),
    "not_an_answer": ("dym_value", "value", "values"),
    "no_category": ("dym_category", "name", "slugs"),
    "no_tree": ("dym_tree", "name", "known"),
    "batch_unknown_key": ("batch_unknown_key_dym", "name", "keys"),
    "serve_unknown_key": ("serve_unknown_key_dym", "name", "keys"),
}


def closest(word: str, choices: Iterable[str]) -> str | None:
    """The choice most like `word` (case aside), or None when none is a likely typo."""
    import difflib

    by_lower = {c.lower(): c for c in choices}
    found = difflib.get_close_matches(word.strip().lower(), list(by_lower), n=1, cutoff=0.6)
    return by_lower[found[0]] if found else None


def nearest(phrase: Phrase) -> Phrase:
    """The phrase with the closest valid value named, when the word given is a likely
    typo of one; the phrase itself otherwise."""
    if phrase.key not in SUGGEST:
        return phrase
    dym, word_field, choices_field = SUGGEST[phrase.key]
    word, choices = phrase.values.get(word_field), phrase.values.get(choices_field)
    if not isinstance(word, str) or not isinstance(choices, (tuple, list)):
        return phrase
    best = closest(word, [c for c in choices if isinstance(c, str)])
    if best is None:
        return phrase
    # how the suggestion is shown where the valid word itself means little to the reader
    shown_as = phrase.values.get("shown_as")
    shown = shown_as.get(best, best) if isinstance(shown_as, dict) else best
    return Phrase(dym, best=best, best_shown=shown, **phrase.values)


def did_you_mean(
    key: str,
    word: str,
    choices: Iterable[str],
    error: type[UsageError] = UsageError,
    **values: object,
) -> None:
    """Raise `error` with message `key` naming the closest choice, if one is close;
    otherwise return, and the caller raises its plain message.  (medbal.files.registry
    still calls it; `nearest` does the same when the error is worded.)"""
    best = closest(word, choices)
    if best is not None:
        raise error(key, best=best, **values)
