"""What a request may send: each body declared once, checked against that declaration.

A body is a TypedDict below; the same declaration gives the OpenAPI request schema
(medbal.serve.openapi) and the checks here, so what the description promises is what
the server accepts.  A refusal is a `Refused` with its HTTP status and its message in
the words of the catalogue, shown in the request's language, which `request_lang` picks:
`lang` in the body, else in the query, else Accept-Language, else the server's own.
"""

from __future__ import annotations

import functools
import json
import types
from collections.abc import Mapping
from typing import Any, Literal, TypedDict, Union, get_args, get_origin, get_type_hints

from medbal.core.errors import MedbalError, Phrase
from medbal.core.langs import LANGS, shown

Lang = Literal["en", "zh"]
QUERY = ("lang",)  # the one query parameter every endpoint takes
SHOWN = 60  # characters of a value from the request echoed in a message
_INT_DIGITS = 4000  # digits of a whole number in a body; int() would stop at 4300


class DiagnoseRequest(TypedDict, total=False):
    """A tree by id (default `zero-balance`), the answers so far (question id: option
    value), and the language of the answer (`en` or `zh`)."""

    tree: str
    answers: dict[str, str]
    lang: Lang


class BatchCase(DiagnoseRequest, total=False):
    """One case of a batch: as /v1/diagnose, with an `id` (any JSON value) echoed in its
    envelope.  A case that breaks these rules is answered in place by an error envelope."""

    id: Any


class _Bill(TypedDict):
    bill: float | str


class EstimateRequest(_Bill, total=False):
    """The inpatient bill in yuan without the separate items; the deductible threshold
    (default: the region's); separately rated items (item id: amount); a region of the
    rates file (default: its default); the language.  An amount is a number or text as a
    person types it ("8,000", "8000.50")."""

    threshold: float | str | None
    items: dict[str, float | str]
    region: str
    lang: Lang


class Refused(Exception):
    """A request the server will not answer: its HTTP status and why, in the catalogue's words."""

    def __init__(self, status: int, message: Phrase | MedbalError):
        super().__init__(str(message))
        self.status, self.message = status, message


def _bad(key: str, **values: object) -> Refused:
    return Refused(400, Phrase(key, **values))


# --- the body -------------------------------------------------------------------


def decode(body: bytes) -> Any:
    """The body as JSON (RFC 8259: no NaN or Infinity, no number too large for a float)."""
    try:
        text = body.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise _bad("serve_encoding") from None
    try:
        return json.loads(text, parse_constant=_not_a_number, parse_float=_finite, parse_int=_whole)
    except json.JSONDecodeError as exc:
        why = f"{exc.msg}, line {exc.lineno} column {exc.colno}"
        raise _bad("serve_not_json", why=why) from None
    except RecursionError:
        raise _bad("serve_not_json", why=Phrase("serve_too_deep")) from None


def _not_a_number(name: str) -> Any:
    raise _bad("serve_not_json", why=Phrase("serve_not_a_number", value=name))


def _finite(text: str) -> float:
    number = float(text)
    if number in (float("inf"), float("-inf")):
        raise _bad("serve_not_json", why=Phrase("serve_number_too_large", value=_shown(text)))
    return number


def _whole(text: str) -> int:
    # Python reads at most 4300 digits (a ValueError past them): refused as a float is.
    if len(text) > _INT_DIGITS:
        raise _bad("serve_not_json", why=Phrase("serve_number_too_large", value=_shown(text)))
    return int(text)


def checked(value: Any, declared: Any) -> Any:
    """`value` if it is what `declared` (a TypedDict above) describes; Refused (400) naming
    the first key that is unknown, missing or of the wrong type."""
    if not isinstance(value, dict):
        raise _bad("serve_not_object")
    _whole_characters(value)  # before any message may echo a key or a value
    hints = _hints(declared)
    unknown = [k for k in value if k not in hints]
    if unknown:  # worded with the nearest key, when one is close (medbal.i18n.suggest)
        raise _bad("serve_unknown_key", name=_shown(unknown[0]), keys=tuple(hints))
    for name in declared.__required_keys__:
        if name not in value:
            raise _bad("serve_missing_key", name=name)
    for name, item in value.items():
        _check(item, hints[name], name)
    return value


def _whole_characters(value: dict[str, Any]) -> None:
    """Half of a surrogate pair, sent as a \\u escape, is no character: no answer could
    echo it (UTF-8 cannot hold it), so a body holding one is refused, as a line of
    `--batch` is (a batch's cases are each checked by those rules)."""
    try:
        json.dumps(value, ensure_ascii=False).encode("utf-8")
    except UnicodeEncodeError as exc:
        half = exc.object[exc.start : exc.end]
        raise _bad("serve_lone_surrogate", value=shown(half)) from None


@functools.cache
def _hints(declared: Any) -> dict[str, Any]:
    """A declaration's keys and their types, read once (they are fixed at import)."""
    return get_type_hints(declared)


def _check(value: Any, hint: Any, where: str) -> None:
    origin, args = get_origin(hint), get_args(hint)
    if hint is Any:
        return
    if origin is Literal:
        if value not in args:
            shown = _shown(json.dumps(value, ensure_ascii=False))
            raise _bad("serve_not_one_of", where=where, value=shown, values=tuple(args))
        return
    if origin in (Union, types.UnionType):
        for arm in args:
            if arm is type(None):
                if value is None:
                    return
                continue
            try:
                _check(value, arm, where)
                return
            except Refused:
                continue
    elif origin is dict and isinstance(value, dict):
        for key, item in value.items():
            _check(item, args[1], f"{where}.{key}")
        return
    elif _is(value, hint):
        return
    raise _bad("serve_wrong_type", where=_shown(where), expected=_expected(hint))


def _is(value: Any, hint: Any) -> bool:
    if get_origin(hint) is not None:
        return False
    if hint is float:  # a JSON number; true and false are not numbers
        return isinstance(value, (int, float)) and not isinstance(value, bool)
    if hint is type(None):
        return value is None
    return isinstance(value, hint)


# What a value should be, in words, by its declared type (an amount: a number or text).
_WORDS: dict[Any, Phrase] = {
    str: Phrase("serve_a_text"),
    float: Phrase("serve_a_number"),
    dict: Phrase("serve_an_object"),
    (float, str): Phrase("serve_an_amount"),
}


def _expected(hint: Any) -> Phrase:
    if get_origin(hint) in (Union, types.UnionType):
        kinds = tuple(a for a in get_args(hint) if a is not type(None))
        return _WORDS[kinds if len(kinds) > 1 else kinds[0]]
    return _WORDS[get_origin(hint) or hint]


def _shown(text: str) -> str:
    return text if len(text) <= SHOWN else text[: SHOWN - 1] + "…"


# --- the query and the language -------------------------------------------------


def checked_query(params: Mapping[str, str]) -> None:
    """A query may only name the language."""
    for name, value in params.items():
        if name not in QUERY:
            raise _bad("serve_unknown_query", name=_shown(name), names=QUERY)
        if value not in LANGS:
            shown = _shown(json.dumps(value, ensure_ascii=False))
            raise _bad("serve_not_one_of", where=name, value=shown, values=LANGS)


def request_lang(body: Any, query: Mapping[str, str], accept: str | None, default: str) -> str:
    """The language of the answer and of its errors: `lang` in the body, else in the
    query, else the first of Accept-Language that medbal speaks, else the server's.
    A value that is not a language is passed over here and refused by the checks."""
    for value in (body.get("lang") if isinstance(body, dict) else None, query.get("lang")):
        if value in LANGS:
            return str(value)
    return accepted(accept) or default


def accepted(header: str | None) -> str | None:
    """The language of an Accept-Language header medbal speaks, by its weight (q)."""
    best, weight = None, 0.0
    for part in (header or "").split(",")[:32]:
        tag, _, params = part.partition(";")
        lang = tag.strip().lower()[:2]
        q = 1.0
        name, _, value = params.strip().partition("=")
        if name.strip() == "q":
            try:
                q = float(value)
            except ValueError:
                q = 0.0
        if lang in LANGS and q > weight:
            best, weight = lang, q
    return best
