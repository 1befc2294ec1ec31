"""The language a person reads, chosen by one rule everywhere: the option (`--lang`, a
batch line's "lang", an API call's `lang`), else MEDBAL_LANG, else the locale (the first
of LC_ALL, LC_MESSAGES, LANG that is set, as in POSIX), else English.

The entry point, every command, the batch and the API call `resolve`; the web page
follows the same order with its own sources (medbal page's --lang, the browser's).
Light on purpose: the entry point resolves the language before anything else is loaded.
"""

from __future__ import annotations

import os
from collections.abc import Mapping

from medbal.core.errors import UsageError
from medbal.core.langs import LANGS

ENV_VAR = "MEDBAL_LANG"
LOCALE_VARS = ("LC_ALL", "LC_MESSAGES", "LANG")  # the first that is set decides, as in POSIX


def language_of(value: object) -> str | None:
    """The language a value names ("zh", "zh-CN", "zh_CN.UTF-8", "EN"), or None."""
    if not isinstance(value, str):
        return None
    value = value.strip().lower()
    return next((lang for lang in LANGS if value.startswith(lang)), None)


def resolve(
    option: object = None, *, strict: bool = True, environ: Mapping[str, str] | None = None
) -> str:
    """The language: `option`, else MEDBAL_LANG, else the locale, else English.

    `strict`: an option or MEDBAL_LANG that names no language is a UsageError naming it.
    Not strict (the entry point reading the words before Click has checked them, and
    the language an error is told in): such a value is passed over, never an error.
    """
    env = os.environ if environ is None else environ
    for value, where in ((option, "--lang"), (env.get(ENV_VAR), ENV_VAR)):
        if value is None or value == "":
            continue
        found = language_of(value)
        if found is not None:
            return found
        if strict:
            shown = value.strip().lower() if isinstance(value, str) else repr(value)
            raise UsageError("lang_invalid", where=where, value=shown, langs=LANGS)
    return locale_lang(env)


def locale_lang(environ: Mapping[str, str] | None = None) -> str:
    """The locale's language: the first of LC_ALL, LC_MESSAGES, LANG that is set decides
    ("zh" when it starts with zh), as in POSIX; English otherwise."""
    env = os.environ if environ is None else environ
    for var in LOCALE_VARS:
        found = env.get(var)
        if found:
            return "zh" if found.lower().startswith("zh") else "en"
    return "en"
