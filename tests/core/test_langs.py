"""`shown`: a text from outside as it may be shown, every form and every quick path of it
held to one character-by-character reading of its rule."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from medbal.core.langs import FORMS, shown

# The characters that take each path: plain ASCII, line breaks and tabs (kept by the text
# and JSON forms), curly quotes and Han (not ASCII, printable), what is always escaped,
# and a lone surrogate.
PIECES = st.sampled_from(["a", " ", "\n", "\t", "\r", "“", "中", "é", "\x1b", "\x85", "\u202e"])
TEXTS = st.one_of(
    st.lists(PIECES, max_size=30).map("".join),
    st.text(st.characters(blacklist_categories=())),  # surrogates too
)


def _by_the_rule(text: str, form: str) -> str:
    table = FORMS[form]
    return "".join(
        table.get(ord(c)) or (f"\\u{ord(c):04x}" if "\ud800" <= c <= "\udfff" else c) for c in text
    )


@given(TEXTS, st.sampled_from(sorted(FORMS)))
def test_shown_escapes_what_its_form_escapes_and_keeps_the_rest(text, form):
    assert shown(text, form) == _by_the_rule(text, form)
