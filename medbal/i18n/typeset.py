"""Chinese typesetting for the terminal: one spacing rule, and line breaks as a browser makes them.

Two rules, applied at render time to every Chinese text on a terminal:
- Spacing: exactly one space between a Han character and a Latin letter or a digit
  ("余额是 0", "12393 热线", "国家医保服务平台 App"), none between Han characters, and
  none next to full-width punctuation ("（12333）", "拨打 12393。").
- Line breaks (kinsoku): no line starts with closing punctuation (、。，…）》」』】”’) and
  none ends with opening punctuation (（《「『【“‘).  A closing mark that does not fit
  takes the character before it down to the next line, as browsers do.

Pure functions of text and width, so they are tested without a terminal; widths are
display cells (a Han character is two), counted by Unicode's East Asian Width
(the same count as Rich's: tests/i18n/test_typeset.py checks).

This is also the one place that applies what else differs by language when medbal puts
text together (at the end): the label colon, how clauses and sentences are joined, the
quotation marks around data in a message (`{x!q}` in the catalogue), a note in brackets
after a name, the plural of a unit, and the HTML lang tag.  Each language's marks are
data of its words module (medbal.i18n.words: MARKS), beside its words.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from medbal.core.langs import CJK
from medbal.i18n import words
from medbal.i18n.words import Marks

CLOSING = "、。，；：？！）》」』】〕］〉”’….,;:?!)]}%"
OPENING = "（《「『【〔［〈“‘([{"
_HAN = r"\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_LATIN = r"A-Za-z0-9"
# A space run between two characters, at least one of them Han or full-width punctuation.
# The patterns are compiled on first use (re's cache), not at import: compiling these
# ranges costs milliseconds, and JSON output imports this module for its punctuation only.
_SPACES_NEAR_CJK = f"(?<=[{CJK}“”‘’…—]) +| +(?=[{CJK}“”‘’…—])"
_SEPARATORS = "→+*-?"  # keeps its spaces: "问题？ → 回答", "姓名 + 之子", the default mark " *",
# an option in a sentence ("那一项 --answer 加到"), a key to type ("或 ? 帮助")


def _keep_around_arrow(m: re.Match[str]) -> str:
    text, start, end = m.string, m.start(), m.end()
    before = text[start - 1] if start else ""
    after = text[end] if end < len(text) else ""
    return " " if (before and before in _SEPARATORS) or (after and after in _SEPARATORS) else ""


_HAN_THEN_LATIN = f"([{_HAN}])([{_LATIN}])"
_LATIN_THEN_HAN = f"([{_LATIN}%])([{_HAN}])"


# A document number is written as issued, one unit: 国办发〔2021〕14号, never "14 号".
_DOCUMENT_NUMBER = "(〔[0-9]{4}〕[0-9]+) (号)"


def space_zh(text: str) -> str:
    """The one spacing rule between Han characters and Latin letters or digits."""
    text = re.sub(_SPACES_NEAR_CJK, _keep_around_arrow, text)
    text = re.sub(_HAN_THEN_LATIN, r"\1 \2", text)
    text = re.sub(_LATIN_THEN_HAN, r"\1 \2", text)
    return re.sub(_DOCUMENT_NUMBER, r"\1\2", text)


def cells(text: str) -> int:
    """Display cells a text takes on a terminal: two for a wide or full-width character
    (Han, full-width punctuation), none for a combining mark, one for the rest.  The
    same count as Rich's and most terminals' (tests/i18n/test_typeset.py checks)."""
    if text.isascii():  # one cell each: no ASCII character is wide or combining
        return len(text)
    # A C extension, loaded where a text is laid out, not by a one-shot JSON call.
    from unicodedata import combining, east_asian_width

    return sum(
        0
        if combining(c) or c in "\u200b\u200c\u200d\u2060\ufeff"
        else 2
        if east_asian_width(c) in "WF"
        else 1
        for c in text
    )


# A figure with its separators ("1,200.00", "88%") is one word, never broken, and so is
# a path or a variable ("~/.cache/medbal", "$XDG_CACHE_HOME/medbal"); a key
# stays with its word ("q 退出", "? 帮助") and a short number with its unit ("7 天",
# "20 次").  The pattern has no Han ranges: compiling a class of 27,000 characters took
# 30 million instructions, more than a whole one-shot call does besides (`--help` and
# every Chinese screen paid it); the Han characters are told apart in `_joined`.
# A word of another alphabet is one piece too: letters with accents (é, ü, ǎ), Greek and
# Cyrillic, and combining marks; "prénom" was broken after its "r".
_LETTERS = "\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f\u0300-\u036f\u0370-\u04ff\u1e00-\u1eff"
_WORD = f"[{_LATIN}{_LETTERS}\\-_/.,:=+@#&*%'\"~$]+|\\s+|."


def _tokens(text: str) -> list[str]:
    """Unbreakable pieces: a key with its word or a number with its unit, a Latin word
    (with its ASCII punctuation), a run of spaces, or any other single character (each
    Han character may end a line)."""
    words: list[str] = re.findall(_WORD, text, re.S)
    if text.isascii():
        return words  # a key's word and a unit are Han: nothing to join
    out: list[str] = []
    i = at = 0  # the word, and where it starts in `text`
    while i < len(words):
        take = _joined(words, i, text[at - 1] if at else "")
        piece = "".join(words[i : i + take])
        out.append(piece)
        i, at = i + take, at + len(piece)
    return out


def _joined(words: list[str], i: int, before: str) -> int:
    """How many words from the i-th are one piece: a key and a space and one or two Han
    characters ("q 退出", "? 帮助"), or a number of up to 4 digits, a space and one
    ("7 天"), neither after a Latin letter or digit; else the word alone."""
    if i + 2 >= len(words) or words[i + 1] != " " or not _han(words[i + 2]):
        return 1
    if before.isascii() and before.isalnum():
        return 1
    word = words[i]
    if word == "?" or (len(word) == 1 and word.isascii() and word.isalpha()):
        return 4 if i + 3 < len(words) and _han(words[i + 3]) else 3
    return 3 if word.isascii() and word.isdigit() and len(word) <= 4 else 1


def _han(word: str) -> bool:
    """One Han character, of the ranges _HAN names."""
    return len(word) == 1 and (
        "\u3400" <= word <= "\u4dbf" or "\u4e00" <= word <= "\u9fff" or "\uf900" <= word <= "\ufaff"
    )


def pieces(text: str) -> list[str]:
    """The pieces a line may not break inside, spaces left out."""
    return [t for t in _tokens(text) if not t.isspace()]


def fit(text: str, width: int) -> int:
    """How many characters of `text`, from its start, take at most `width` cells."""
    used = 0
    for i, char in enumerate(text):
        used += cells(char)
        if used > width:
            return i
    return len(text)


def break_lines(text: str, width: int) -> list[str]:
    """Lines of at most `width` cells, broken between Han characters or at spaces, never
    leaving closing punctuation at a line's start or opening punctuation at its end.
    A word wider than the line is folded, the only way it can be shown whole."""
    width = max(width, 4)
    lines: list[str] = []
    line: list[str] = []
    used = 0
    for token in _tokens(text):
        if token.isspace():
            if line:
                line.append(" ")
                used += 1
            continue
        size = cells(token)
        if used + size > width and line:
            carried = _carry(line, token)
            if cells("".join(carried)) + size > width:  # a line too short to keep the
                line += carried  # rule: the width comes first
                carried = []
            lines.append("".join(line).rstrip())
            line, used = carried, cells("".join(carried))
        while size > width:  # a word longer than a line: fold it, by cells
            cut = fit(token, width - used)
            if cut:
                lines.append("".join(line) + token[:cut])
            elif line:
                lines.append("".join(line).rstrip())
            token, line, used = token[cut:].lstrip(), [], 0
            size = cells(token)
        line.append(token)
        used += size
    if line:
        lines.append("".join(line).rstrip())
    return lines or [""]


def _carry(line: list[str], token: str) -> list[str]:
    """What moves down with `token` from the end of the full `line` (which it shortens):
    while what would start the next line is closing punctuation, the piece before it
    too, so the mark does not start the line (“。” and ）。 take more); but never the
    whole line.  A piece may itself start with a closing mark (a Latin word after ）,
    or ".App"): it is taken down as the mark is, so it never starts the line either."""
    carried: list[str] = []
    head = token
    while True:
        while line and line[-1] == " ":  # a space before what moves down stays behind
            line.pop()
        if head[0] not in CLOSING:
            break
        if len(line) <= 1:  # never the whole line: its one piece, if it is a number and
            # its unit ("2023 年"), parts at its space, so that "年）。" moves down whole
            if line and " " in line[-1]:
                line[-1], _, unit = line[-1].rpartition(" ")
                carried.insert(0, unit)
            break
        head = line.pop()
        carried.insert(0, head)
    # A dash standing for a word ("- reads stdin", "(- for stdin)") stays with the word
    # after it, a space between: a line never ends in a lone "-".
    if len(line) > 1 and line[-1] == "-":
        carried[:0] = [line.pop(), " "]
    while len(line) > 1 and line[-1] in OPENING:
        carried.insert(0, line.pop())
    return carried


# --- Punctuation and wording that differ by language --------------------------------
# Each language's own are data, the MARKS of its words module (medbal.i18n.words); the
# functions below are the one way medbal applies them.


def marks(lang: str) -> Marks:
    """The punctuation of `lang` (the first language's for one medbal does not have)."""
    found: Marks = words.of(lang).MARKS
    return found


def colon(lang: str) -> str:
    return marks(lang).colon


def listing(items: Iterable[str], lang: str) -> str:
    """Names or ids, as one list: 'a, b' / 'a、b'."""
    return marks(lang).items.join(items)


def clauses(items: Iterable[str], lang: str) -> str:
    """Items that are clauses or titles, as one line: 'a; b' / 'a；b'."""
    return marks(lang).clauses.join(items)


def sentences(items: Iterable[str], lang: str) -> str:
    """Sentences run into one paragraph: 'A. B.' / '甲。乙。'."""
    return marks(lang).sentences.join(items)


def quote(text: object, lang: str) -> str:
    """Data quoted in a message: 'short-trip' / “short-trip”."""
    opening, closing = marks(lang).quotes
    return f"{opening}{text}{closing}"


def aside(text: str, note: str, lang: str) -> str:
    """A name with a note after it: 'Title (origin)' / '标题（出处）'."""
    return marks(lang).aside.format(text, note)


def counted(n: int, unit: str, lang: str) -> str:
    """A count with its unit word (the catalogue's singular): '1 day', '7 days', '7 天'."""
    return f"{n} {unit}{marks(lang).plural if n != 1 else ''}"


def written_date(year: int, number: int, day: int, lang: str) -> str:
    """A day as a person reads it: '20 November 2026' / '2026 年 11 月 20 日'
    (`number` is the month's, from 1; medbal/present/page_assets/page.js writes it so
    from `date` and `months` too)."""
    m = marks(lang)
    month = m.months[number - 1] if m.months else str(number)
    return m.date.format(day=day, month=month, number=number, year=year)


def html_lang(lang: str) -> str:
    return marks(lang).html


def han_layout(lang: str) -> bool:
    """Whether `lang` is laid out by the Chinese rules of this module (space_zh,
    break_lines) rather than by spaces between words."""
    return marks(lang).han


def tidy(text: str, lang: str) -> str:
    """A text as shown in `lang`: Chinese with the one spacing rule, others as written.
    Every view applies it to every tree text, so each format shows the same spacing."""
    return space_zh(text) if han_layout(lang) else text
