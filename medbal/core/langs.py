"""The languages and the character ranges every layer shares, and the one way a text
from outside is shown.

Kept apart from medbal.core.model, importing nothing of medbal: the words of an error
(medbal.i18n) need these, and an error that comes while the model is still being
imported, a Ctrl-C say, must not import the model (and Python's decimal) again.
"""

from typing import Any

LANGS = ("en", "zh")
# Han characters and CJK punctuation (、。，：；（）…), as a regex character range.
CJK = "\u3000-\u303f\u4e00-\u9fff\uff00-\uffef"
# Control and direction-override characters: refused in every text a file holds (by
# medbal.files.yamlread when loading, by medbal.files.cache when reading a stored entry back).
UNSAFE_TEXT = "[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]"

# What a terminal would obey rather than show: C0 and C1 controls and DEL, the line and
# paragraph separators, the direction marks, embeddings, overrides and isolates; and,
# apart (no table needs two thousand entries for them), the halves of a surrogate pair
# standing alone, which no encoding can write.
_HIDDEN = (
    *range(0x20),
    *range(0x7F, 0xA0),
    0x061C,
    0x200E,
    0x200F,
    0x2028,
    0x2029,
    *range(0x202A, 0x202F),
    *range(0x2066, 0x206A),
)
_NAMED = {0x09: "\\t", 0x0A: "\\n", 0x0D: "\\r"}


def _escape(code: int) -> str:
    # \u for everything from DEL on: the same escape means the same character in JSON,
    # JavaScript, Python and bash's $'...', so an escaped text stays valid in all of them.
    return _NAMED.get(code) or (f"\\x{code:02x}" if code < 0x20 else f"\\u{code:04x}")


_AS_LINE = {code: _escape(code) for code in _HIDDEN}
_AS_TEXT = {code: s for code, s in _AS_LINE.items() if code not in (0x09, 0x0A)}
_AS_JSON = {code: s for code, s in _AS_LINE.items() if code >= 0x7F}
FORMS = {"line": _AS_LINE, "text": _AS_TEXT, "json": _AS_JSON}
# The unprintable characters a form keeps as they are, that a text commonly holds.
_KEPT = {"text": "\t\n", "json": "\t\n"}


def _without(text: str, characters: str) -> str:
    for character in characters:
        text = text.replace(character, "")
    return text


# str.translate is quick on ASCII text; on other text it looks up every character, and
# each one not in the table costs about as much as raising an exception.  So once a
# process has shown more than a few pages of such text (a batch, every checklist), a
# compiled pattern finds the few characters to escape instead: compiling it costs more
# than a one-shot call would ever save.
_ENOUGH = 32_768
_scanned = [0]
_patterns: dict[str, Any] = {}


def shown(text: str, form: str = "line") -> str:
    """A text from outside (a file name, an id, an answer, a tree's words) as it may be
    shown: every character in _HIDDEN, and every lone surrogate, escaped, never obeyed.

    `line` (a value inside one line, a message): all of them, as `\\n`, `\\x1b`,
    `\\u202e`, so a name can neither split a `FILE:LINE:COL:` line nor move the cursor.
    `text` (a whole text of many lines): the same, but line breaks and tabs stay.
    `json` (JSON text, whose strings already escape C0): the rest as `\\u` escapes, so
    the data is the same for a JSON reader and a terminal shows no raw character.
    """
    if text.isprintable():  # none of them (all are unprintable): one quick scan in C
        return text
    kept = _KEPT.get(form)
    if kept and _without(text, kept).isprintable():
        # A text's or a JSON document's lines, and nothing else unprintable: a scan in C
        # again, where translating a text that is not ASCII (a JSON answer in English has
        # its curly quotes) looks every character up.
        return text
    table = FORMS[form]
    if text.isascii():
        return text.translate(table)
    _scanned[0] += len(text)
    if _scanned[0] <= _ENOUGH or _pattern(form).search(text) is not None:
        text = text.translate(table)
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:  # a lone surrogate: rare, so looked for only then
        text = "".join(f"\\u{ord(c):04x}" if "\ud800" <= c <= "\udfff" else c for c in text)
    return text


def _pattern(form: str) -> Any:
    if form not in _patterns:
        import re

        _patterns[form] = re.compile("[" + "".join(map(chr, FORMS[form])) + "]")
    return _patterns[form]
