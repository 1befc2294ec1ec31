"""`api.diagnose_many`: many cases, one envelope each, in order (`--batch` is its I/O).

A case is a mapping `{"answers": {...}, "tree": ..., "lang": ..., "id": ...}` (every
key optional) or a line of JSON text holding one.  Its envelope is the one-shot JSON
envelope of `api.diagnose` with the case's `id` added, or an error envelope
`{"status": "error", "error": {"code": 2, "message": ...}, "id": ...}` in its place:
a bad case never stops the others.  The trees and their checklists come from a Shelf
(medbal.api.shelf), which loads each once, failures too, within a bound.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable, Iterator, Mapping
from typing import Any

from medbal.api import checks
from medbal.api.session import view_of
from medbal.api.shelf import Shelf
from medbal.core.engine import walk
from medbal.core.errors import FAILED, USAGE, MedbalError, Phrase, TreeError
from medbal.core.langs import shown
from medbal.core.model import LANGS
from medbal.i18n.catalogue import in_lang
from medbal.i18n.lang import language_of

KEYS = ("answers", "tree", "lang", "id")
MAX_DEPTH = 64  # arrays and objects nested deeper than a YAML file may be are refused
# The largest integer written back exactly: past 1e308 no double holds it, and a strict
# JSON reader (jq) would change it, as it would 1e400.
_MAX_INT_DIGITS = 308


class CaseError(Exception):
    """A case that cannot be answered: its message (catalogue words, or text the same in
    every language) and its code."""

    def __init__(self, message: Phrase | MedbalError | str, code: int = USAGE):
        super().__init__(str(message))
        self.message, self.code = message, code


def _bad(key: str, **values: object) -> CaseError:
    return CaseError(Phrase(key, **values))


def diagnose_many(
    cases: Iterable[Mapping[str, Any] | str | bytes | MedbalError],
    tree: str,
    lang: str | None,
    shelf: Shelf,
) -> Iterator[dict[str, Any]]:
    """An envelope for each case, as each is read (a held session gets each answer before
    it sends the next case); `api.Library.diagnose_many` and `api.diagnose_many` are this.

    `tree` is the tree of cases without "tree" (an id or a file's path: a case names a
    tree by id only, never a path, so a front end may pass its users' cases on); `lang`
    the language of cases without "lang" and of their errors (default: MEDBAL_LANG, then
    the locale); `shelf` where the trees come from, each loaded once (failures too,
    within a bound).  A bad `tree` raises at once; a case that is a MedbalError (a line
    its reader could not give) becomes its error envelope.  A str or bytes case is a
    line of JSON text.  A case's "id" comes back as given; a number that JSON would not
    write back the same (1E2, 1.50, -0) is refused, as is one no double holds.
    """
    language = checks.lang(lang)
    default = checks.tree_name(tree)
    shelf.checklists_for(shelf.tree(default))  # a bad default tree is the caller's error
    if isinstance(cases, (str, bytes, Mapping)) or not isinstance(cases, Iterable):
        raise checks.wrong("cases", Phrase("arg_cases"), cases)
    return (_envelope(case, default, language, shelf) for case in cases)


def _envelope(
    case: Mapping[str, Any] | str | bytes | MedbalError, default: str, lang: str, shelf: Shelf
) -> dict[str, Any]:
    case_id: Any = None
    try:
        data = _case(case)
        case_id = data.get("id")
        lang = _lang(data.get("lang"), lang)
        return {**_answer(data, default, lang, shelf), "id": case_id}
    except CaseError as exc:
        return error_envelope(exc.message, exc.code, case_id, lang)
    except Exception as exc:  # a bug must not end a session that other cases share
        why = f"{type(exc).__name__}: {exc}"[:300]
        return error_envelope(Phrase("batch_internal", why=why), FAILED, case_id, lang)


def error_envelope(
    message: Phrase | MedbalError | str, code: int, case_id: Any, lang: str
) -> dict[str, Any]:
    """An error in place of a case's envelope; its message one line, in `lang`."""
    text = shown(in_lang(message, lang))
    return {"status": "error", "error": {"code": code, "message": text}, "id": case_id}


def _case(case: object) -> dict[str, Any]:
    if isinstance(case, MedbalError):
        raise CaseError(case, case.exit_code)
    if isinstance(case, (str, bytes)):
        return decode(case)
    if not isinstance(case, Mapping):
        raise _bad("batch_not_object")
    return dict(case)


def _answer(data: dict[str, Any], default: str, lang: str, shelf: Shelf) -> dict[str, Any]:
    unknown = [k for k in data if k not in KEYS]
    if unknown:
        raise _bad("batch_unknown_key", name=str(unknown[0]), keys=KEYS)
    tree_name = data.get("tree")
    if tree_name is None:
        tree_name = default
    elif (
        not isinstance(tree_name, str)
        or not tree_name.strip()
        or tree_name.endswith((".yaml", ".yml"))
        or "/" in tree_name
        or os.sep in tree_name
    ):
        # A case names a tree by id, never a path: a front end may pass cases from its
        # users through, and they must not read files on this machine.
        raise _bad("batch_tree")
    answers = _answers(data.get("answers"))
    try:
        tree = shelf.tree(tree_name)
        checklists = shelf.checklists_for(tree)
        result = walk(tree, answers)
    except MedbalError as exc:
        raise CaseError(exc, exc.exit_code) from None
    except TreeError as exc:  # FILE:LINE:COL problems, in English everywhere
        raise CaseError("; ".join(exc.problems), FAILED) from None
    return dict(view_of(result, lang, checklists, tree_name))


def _lang(value: Any, default: str) -> str:
    if value is None:
        return default
    if value in LANGS:  # the usual "en" or "zh", at once
        return str(value)
    found = language_of(value)  # as MEDBAL_LANG is read: "zh-CN", "EN"
    if found is None:
        raise _bad("batch_lang", value=_json_value(value), langs=LANGS)
    return found


def _json_value(value: Any) -> str:
    try:
        return json.dumps(value, ensure_ascii=False)[:200]
    except (TypeError, ValueError, RecursionError):
        return type(value).__name__


def _answers(value: Any) -> dict[str, str]:
    if value is None:
        return {}
    if not isinstance(value, (dict, Mapping)) or not all(
        isinstance(k, str) and isinstance(v, str) for k, v in value.items()
    ):
        raise _bad("batch_answers")
    return dict(value)


# --- a line of JSON -----------------------------------------------------------------


def decode(raw: str | bytes) -> dict[str, Any]:
    """A case from a line of JSON: an object, no key twice at any depth, nested at most
    MAX_DEPTH deep, and every number one JSON writes back the same."""
    if isinstance(raw, bytes):
        try:
            raw = raw.decode("utf-8-sig")
        except UnicodeDecodeError:
            raise _bad("batch_encoding") from None
    raw = raw.rstrip("\r\n")  # the line's end is not part of it: a column counts within it
    if _depth(raw) > MAX_DEPTH:
        raise _bad("batch_too_deep", limit=MAX_DEPTH)
    try:
        data = json.loads(
            raw,
            object_pairs_hook=_once,
            parse_constant=_not_json,
            parse_float=_float,
            parse_int=_int,
        )
    except json.JSONDecodeError as exc:
        raise _bad("batch_not_json", why=_why(exc), column=exc.pos + 1) from None
    if not isinstance(data, dict):
        raise _bad("batch_not_object")
    _no_lone_surrogate(raw, data)
    return data


def _no_lone_surrogate(raw: str, data: dict[str, Any]) -> None:
    """Half of a surrogate pair, written as a \\u escape, is no character: no UTF-8 text
    can hold it, and a strict reader (jq) stops at it.  A case holding one is refused, so
    no envelope echoes it."""
    # Without an escape, a lone surrogate can only be in the text itself: never in a line
    # read as bytes (UTF-8 cannot encode one), but a line given to the API as a str may
    # hold one raw (found by the fuzz profile).
    text = json.dumps(data, ensure_ascii=False) if "\\u" in raw else raw
    try:
        text.encode("utf-8")
    except UnicodeEncodeError as exc:
        half = exc.object[exc.start : exc.end]
        raise _bad("batch_lone_surrogate", value=shown(half)) from None


def _depth(text: str) -> int:
    """How deep arrays and objects nest, strings aside (json.loads would recurse as deep)."""
    if text.count("[") + text.count("{") <= MAX_DEPTH:
        return 0  # cannot be deeper: the common case costs two counts
    deepest = depth = 0
    in_string = escaped = False
    for char in text:
        if in_string:
            if escaped:
                escaped = False
            elif char == "\\":
                escaped = True
            elif char == '"':
                in_string = False
        elif char == '"':
            in_string = True
        elif char in "[{":
            depth += 1
            deepest = max(deepest, depth)
        elif char in "]}":
            depth -= 1
    return deepest


def _once(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    """An object with each key once: a key given twice is refused, as an answers file
    refuses it (JSON would keep the last one without a word)."""
    data = dict(pairs)
    if len(data) < len(pairs):  # a key given twice: say which
        seen: set[str] = set()
        for key, _ in pairs:
            if key in seen:
                raise _bad("batch_key_twice", name=shown(key))
            seen.add(key)
    return data


def _not_json(name: str) -> Any:
    raise _bad("batch_not_a_number", value=name)  # passes through json.loads


def _float(text: str) -> float:
    number = float(text)
    if number in (float("inf"), float("-inf")):
        raise _bad("batch_too_large", value=text[:40])
    if repr(number) != text:
        raise _bad("batch_number_as_written", value=text[:40], written=repr(number))
    return number


def _int(text: str) -> int:
    if len(text.lstrip("-")) > _MAX_INT_DIGITS:
        raise _bad("batch_too_large", value=text[:40] + "…")
    if text == "-0":
        raise _bad("batch_number_as_written", value=text, written="0")
    return int(text)


# json's own messages, as catalogue keys: the words of the person's language, never the
# decoder's English (the position is given apart, as a column).
_JSON_ERRORS = {
    "Expecting value": "json_expecting_value",
    "Expecting ',' delimiter": "json_expecting_comma",
    "Expecting ':' delimiter": "json_expecting_colon",
    "Expecting property name enclosed in double quotes": "json_expecting_name",
    "Unterminated string starting at": "json_unterminated",
    "Invalid control character at": "json_control",
    "Invalid \\escape": "json_escape",
    "Invalid \\uXXXX escape": "json_escape",
    "Extra data": "json_extra",
}


def _why(exc: json.JSONDecodeError) -> Phrase:
    return Phrase(_JSON_ERRORS.get(exc.msg, "json_invalid"))
