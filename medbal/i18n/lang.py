"""The language a person reads: an option, else MEDBAL_LANG, else the locale."""

from __future__ import annotations

import os

from medbal.core.errors import UsageError
from medbal.core.langs import LANGS
from medbal.launch import locale_lang


def choose_lang(option: str | None) -> str:
    if option:
        return _checked(option, "--lang")
    env = os.environ.get("MEDBAL_LANG")
    if env:
        return _checked(env, "MEDBAL_LANG")
    return locale_lang()


def _checked(value: str, where: str) -> str:
    value = value.strip().lower()
    if value.startswith("zh"):
        return "zh"
    if value.startswith("en"):
        return "en"
    raise UsageError("lang_invalid", where=where, value=value, langs=tuple(LANGS))
