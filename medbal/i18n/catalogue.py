"""The one catalogue of the words medbal itself says, and its lookup.

The content (questions, outcomes, categories, documents) lives in trees/; the words
every tree shares (headings, prompts, hints), the error messages and the web page's own
words are data, one module per language (medbal/i18n/words/en.py, zh.py), found by key
through `msg`.  How each language punctuates what is put together (colons, separators,
quotation marks) is medbal.i18n.typeset's.
"""

from __future__ import annotations

import re

from medbal.core.errors import Day, Localized, MedbalError, Phrase, use_wording
from medbal.i18n import sources, words
from medbal.i18n.suggest import nearest
from medbal.i18n.typeset import clauses, colon, listing, quote, written_date

# The catalogue's sections, each a dict of the same name in capitals in every language's
# module.  A key is in one section only (tests/i18n/test_catalogue.py checks it): the
# page's words are the ones page.js receives, the help's the top-level --help's.
SECTIONS = ("interface", "errors", "page", "help")
_ENTRIES: dict[str, dict[str, str]] = {}
_LOCALIZED = (Phrase, MedbalError, Localized)
_SHOWN = (list, tuple, Day, *_LOCALIZED)  # values a message shows in its language


def section(name: str, lang: str) -> dict[str, str]:
    """One section of the catalogue in `lang`: key -> template."""
    found: dict[str, str] = getattr(words.of(lang), name.upper())
    return found


def entries(lang: str) -> dict[str, str]:
    """Every entry of the catalogue in `lang`, its sections together: key -> template."""
    found = _ENTRIES.get(lang)
    if found is None:
        module = words.of(lang)
        found = _ENTRIES[lang] = {**module.INTERFACE, **module.ERRORS, **module.PAGE, **module.HELP}
    return found


def msg(key: str, lang: str, **values: object) -> str:
    """The catalogue's entry `key` in `lang`, with `values` put in its {fields}.

    `{name!q}` quotes a value as the language quotes data ('x' / “x”); a value that
    is a Phrase or a MedbalError is shown in the same language, a Day as the language
    writes a day; a list is joined as
    clauses ("a; b" / "a；b"), a tuple as a list of names ("a, b" / "a、b").
    """
    template = entries(lang)[key]
    if "!q}" in template:
        template = re.sub(_QUOTED, lambda m: quote(f"{{{m[1]}}}", lang), template)
    if any(isinstance(v, _SHOWN) for v in values.values()):
        values = {k: in_lang(v, lang) if isinstance(v, _SHOWN) else v for k, v in values.items()}
    return template.format(**values)


_QUOTED = r"\{(\w+)!q\}"  # "{name!q}" becomes "“{name}”" in the language's marks


def in_lang(value: object, lang: str) -> str:
    """A value as a message shows it: a Phrase or MedbalError in `lang`, a list as
    clauses, a tuple as a list of names."""
    if isinstance(value, Day):
        return written_date(int(value.iso[:4]), int(value.iso[5:7]), int(value.iso[8:]), lang)
    if isinstance(value, _LOCALIZED):
        return value.text(lang)
    if isinstance(value, list):
        return clauses((in_lang(v, lang) for v in value), lang)
    if isinstance(value, tuple):
        return listing((in_lang(v, lang) for v in value), lang)
    return str(value)


def label(key: str, lang: str) -> str:
    """A message as the label of what follows it: 'Sources: ' or '依据：'."""
    return msg(key, lang) + colon(lang)


def source_label(ref: str, lang: str) -> str:
    """'seed-001', 'law-art-28', 'gov-2021-14' or 'local:NAME' as a reader sees it."""
    return sources.label(ref, lang)


def phrase_text(phrase: Phrase, lang: str) -> str:
    """An error's data in words: its entry, or its "did you mean" entry where the word
    given is close to a valid one (medbal.i18n.suggest)."""
    phrase = nearest(phrase)
    return msg(phrase.key, lang, **phrase.values)


use_wording(phrase_text)  # medbal.core.errors shows every Phrase and error through this
