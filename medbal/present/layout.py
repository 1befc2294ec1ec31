"""Text laid out for a terminal of a given width: lines of styled spans.

A small, pure set of shapes (paragraphs, hanging lists, panels, tables, trees, a
command to copy), each a function of its text and a width that returns lines.
medbal.present.terminal builds every screen from them; `paint` turns lines into the
text to write, with colour or without.

medbal draws its own terminal text rather than through Rich: the layout that matters
here (Chinese line breaking, display widths, figures and short names never cut,
commands broken only at spaces) is medbal's own either way (medbal.i18n.typeset), and
Rich's console, tables and panels cost a call about 40% more than the bare imports
(README, Performance).
"""

from __future__ import annotations

import re
import shlex
from collections.abc import Sequence

from medbal.core.langs import shown
from medbal.core.model import Record
from medbal.i18n.typeset import break_lines, cells, fit, han_layout, pieces, space_zh
from medbal.present.tty import is_utf

Span = tuple[str, str]  # text, style: "" or words such as "bold cyan"
Line = list[Span]
NARROW = 60  # below this many columns a table always becomes a stacked list


def text_line(text: str, style: str = "") -> Line:
    return [(text, style)] if text else []


def width_of(line: Line) -> int:
    return sum(cells(text) for text, _ in line)


def pad(line: Line, width: int) -> Line:
    """The line made `width` cells wide with spaces (it is never wider)."""
    room = width - width_of(line)
    return [*line, (" " * room, "")] if room > 0 else line


def indent(lines: list[Line], n: int) -> list[Line]:
    return [[(" " * n, ""), *line] if line else line for line in lines]


# --- paragraphs ---------------------------------------------------------------------


def wrap(text: str, width: int, lang: str, style: str = "") -> list[Line]:
    """A paragraph in lines of at most `width` cells: Chinese by medbal.i18n.typeset's
    rules (spacing, no closing mark at a line's start), other languages at spaces.  A
    word wider than the line is folded, the only way to show it whole."""
    rows: list[str] = []
    for part in text.split("\n"):
        rows += break_lines(space_zh(part), width) if han_layout(lang) else words(part, width)
    return [text_line(row, style) for row in rows]


def words(text: str, width: int) -> list[str]:
    width = max(width, 4)
    lines: list[str] = []
    line = ""
    for word in text.split():
        while cells(word) > width:
            if line:
                lines.append(line)
                line = ""
            cut = max(fit(word, width), 1)
            lines.append(word[:cut])
            word = word[cut:]
        if not line:
            line = word
        elif cells(line) + 1 + cells(word) <= width:
            line = f"{line} {word}"
        else:
            lines.append(line)
            line = word
    return [*lines, line] if line or not lines else lines


def hang(
    mark: str, text: str, width: int, lang: str, style: str = "", mark_style: str = ""
) -> list[Line]:
    """`mark text`, the wrapped lines of the text under its first character."""
    room = cells(mark) + 1
    body = wrap(text, width - room, lang, style)
    return [[(mark, mark_style), (" ", ""), *body[0]], *indent(body[1:], room)]


# --- boxes --------------------------------------------------------------------------


def panel(
    content: list[Line], width: int, border: str, lang: str, title: str | None = None
) -> list[Line]:
    """Lines in a rounded box `width` wide; the content was laid out `width - 4` wide.
    The title, bold in the border's colour, goes in the top edge where it fits, else
    it is the box's first line."""
    inner, style = width - 4, f"bold {border}"
    if title and cells(title) + 6 > width:
        content, title = wrap(title, inner, lang, style) + content, None
    top: Line = [("╭─", border)]
    if title:
        top += [(" ", border), (title, style), (" ", border)]
    top.append(("─" * max(0, width - 1 - width_of(top)) + "╮", border))
    rows = [[("│ ", border), *pad(line, inner), (" │", border)] for line in content]
    return [top, *rows, [("╰" + "─" * (width - 2) + "╯", border)]]


def rule(width: int) -> list[Line]:
    return [[("─" * width, "dim")]]


class Column(Record, frozen=True):
    head: str
    right: bool = False  # aligned right: figures
    wraps: bool = False  # may be wrapped (running text); others are shown whole
    style: str = ""


Cell = str | tuple[str, str]  # text, or text and its style


def table(
    columns: Sequence[Column],
    rows: Sequence[Sequence[Cell]],
    width: int,
    lang: str,
    sections: Sequence[int] = (),
) -> list[Line] | None:
    """A boxed table, or None where it does not fit whole: a column that is not
    wrapped is never cut, and a wrapped one never narrower than its longest word (up
    to 20 cells).  A rule goes above each row index in `sections`."""
    texts = [[_text(c) for c in row] for row in rows]
    widths = [max(cells(col.head), *(cells(r[i]) for r in texts)) for i, col in enumerate(columns)]
    least = [
        _least(col, [r[i] for r in texts], lang) if col.wraps else widths[i]
        for i, col in enumerate(columns)
    ]
    frame = 3 * len(columns) + 1
    while sum(widths) + frame > width:
        flexible = [i for i, col in enumerate(columns) if col.wraps and widths[i] > least[i]]
        if not flexible:
            return None
        widest = max(flexible, key=lambda i: widths[i])
        widths[widest] -= 1
    out = [_border("┏━┳┓", widths)]
    out += _row([(c.head, "bold") for c in columns], columns, widths, lang, "┃")
    out.append(_border("┡━╇┩", widths))
    for n, row in enumerate(rows):
        if n in sections:
            out.append(_border("├─┼┤", widths))
        out += _row(row, columns, widths, lang, "│")
    return [*out, _border("└─┴┘", widths)]


def _text(cell: Cell) -> str:
    return cell if isinstance(cell, str) else cell[0]


def _least(column: Column, texts: list[str], lang: str) -> int:
    """A wrapped column's least width: its longest unbreakable piece, up to 20 cells."""
    split = pieces if han_layout(lang) else str.split
    longest = max((cells(w) for t in [column.head, *texts] for w in split(t)), default=1)
    return max(min(longest, 20), 4)


def _border(chars: str, widths: list[int]) -> Line:
    left, line, cross, right = chars[0], chars[1], chars[2], chars[3]
    return [(left + cross.join(line * (w + 2) for w in widths) + right, "")]


def _row(
    row: Sequence[Cell], columns: Sequence[Column], widths: list[int], lang: str, edge: str
) -> list[Line]:
    laid: list[list[Line]] = []
    for cell, col, w in zip(row, columns, widths, strict=True):
        text, style = (cell, col.style) if isinstance(cell, str) else cell
        laid.append(wrap(text, w, lang, style) if col.wraps else [text_line(text, style)])
    out = []
    for n in range(max(len(c) for c in laid)):
        line: Line = [(edge, "")]
        for lines, col, w in zip(laid, columns, widths, strict=True):
            part = lines[n] if n < len(lines) else []
            room = " " * (w - width_of(part))
            line += [(" " + room, ""), *part] if col.right else [(" ", ""), *part, (room, "")]
            line.append((" " + edge, ""))
        out.append(line)
    return out


def tree(
    root: list[Line], rows: Sequence[tuple[int, str, str]], width: int, lang: str
) -> list[Line]:
    """An outline: `rows` of (depth from 0, text, style) in order, joined by guide lines;
    a long text wraps under itself, the guides carried down beside it.  Guides are four
    cells a level, or two where four would leave a deep row less than 20 for its text;
    where even two leave less than 12, "…" stands for the outer levels.

    Linear in what it lays out: each row's guides are built only as far as they are
    seen (issue 21, defect 8: built whole for every row and level, a chain of 300
    questions took 18 s)."""
    deepest = max((depth for depth, _, _ in rows), default=0) + 1
    step = 4 if width - 4 * deepest >= 20 else 2
    down, branch, last, blank = (
        ("│   ", "├── ", "└── ", "    ") if step == 4 else ("│ ", "├─", "└─", "  ")
    )
    room = width - step - 13  # the cells of guides shown beside a row too deep for all
    out = list(root)
    for (depth, text, style), (carried, more) in zip(rows, _guides(rows, room, step), strict=True):
        guides = "".join(down if on else blank for on in carried)
        if depth * step >= room + 2:  # too deep to show every level: the nearest
            guides = "…" + (guides[len(guides) - room :] if room > 0 else "")
        body = wrap(text, width - len(guides) - step, lang, style)
        out.append([(guides + (branch if more else last), "dim"), *body[0]])
        below = guides + (down if more else blank)
        out += [[(below, "dim"), *line] for line in body[1:]]
    return out


def _guides(
    rows: Sequence[tuple[int, str, str]], room: int, step: int
) -> list[tuple[list[bool], bool]]:
    """For each row: whether each level's guide carries on beside it (only the levels that
    fit in `room` cells, or all), and whether a later row sits at its own depth.

    A level carries on where a later row sits at it before the outline climbs above it.
    Read from the last row up, the levels where that holds are a stack of increasing
    depths: a row at depth d ends every level above d and opens d.  Each row reads only
    the levels it shows, so the work is that of the output, not depth times rows."""
    out: list[tuple[list[bool], bool]] = []
    open_levels: list[int] = []  # increasing; a level is on when it is here
    for depth, _, _ in reversed(rows):
        shown = depth  # levels, all where they fit, else enough for `room` cells
        if depth * step >= room + 2:
            shown = min(depth, -(-room // step) + 1) if room > 0 else 0
        low = depth - shown
        i = len(open_levels) - 1
        while i >= 0 and open_levels[i] >= depth:
            i -= 1
        more = i + 1 < len(open_levels) and open_levels[i + 1] == depth
        carried = [False] * shown
        while i >= 0 and open_levels[i] >= low:
            carried[open_levels[i] - low] = True
            i -= 1
        out.append((carried, more))
        while open_levels and open_levels[-1] > depth:
            open_levels.pop()
        if not open_levels or open_levels[-1] != depth:
            open_levels.append(depth)
    out.reverse()
    return out


# --- a command to copy --------------------------------------------------------------


def command(text: str, width: int, indent: int = 2, style: str = "green") -> list[Line]:
    """A command on one line where it fits, else broken at spaces with the shell's
    continuation ` \\` (an option kept with its value), so that what is copied runs.
    A piece wider than the whole line is cut with a bare `\\` (the shell joins a
    backslash and a newline inside a word too); a quoted one, where it would not, is
    cut as it is."""
    out = []
    for line in command_lines(text, width, indent):
        while cells(line) > width:
            joins = "'" not in line and '"' not in line
            cut = max(fit(line, width - joins), 1)
            out.append(text_line(line[:cut] + "\\" * joins, style))
            line = line[cut:]
        out.append(text_line(line, style))
    return out


# A shell word as written, quotes and all: bash's $'...' (a file's name with a control
# character in it, medbal.present.views.shell_word) is not shlex's, and stays as it is.
_SHELL_WORD = re.compile(r"""(?:\$'(?:[^'\\]|\\.)*'|'[^']*'|"(?:[^"\\]|\\.)*"|[^\s'"]+)+""")


def command_words(text: str) -> list[str]:
    as_written = "$'" in text
    tokens: list[str] = _SHELL_WORD.findall(text) if as_written else shlex.split(text)
    out = []
    while tokens:
        word = tokens.pop(0)
        if word.startswith("-") and tokens and not tokens[0].startswith("-"):
            pair = [word, tokens.pop(0)]
            word = " ".join(pair) if as_written else shlex.join(pair)
        elif not as_written:
            word = shlex.quote(word)
        out.append(word)
    return out


def command_lines(text: str, width: int, indent: int = 2) -> list[str]:
    """Every line but the last ends in ` \\`; the lines after the first share one
    indent, two more than the first where the longest piece allows, less where it
    must.  An option whose value fits on no line beside it is continued between the
    two, which the shell reads the same."""
    pieces, split = command_words(text), []
    for i, word in enumerate(pieces):
        option, space, value = word.partition(" ")
        tail = 0 if i == len(pieces) - 1 else 2
        split += [option, value] if space and cells(word) + tail > width else [word]
    tail = 0 if len(split) == 1 else 2
    first = max(0, min(indent, width - cells(split[0]) - tail))
    longest = max((cells(w) for w in split[1:]), default=0)
    more = max(0, min(first + 2, width - longest - 2))
    lines, line = [], " " * first + split[0]
    for i, word in enumerate(split[1:], 1):
        tail_text = "" if i == len(split) - 1 else " \\"
        if cells(f"{line} {word}{tail_text}") > width:
            lines.append(line + " \\")  # always: without it the copy would not run
            line = " " * more + word
        else:
            line = f"{line} {word}"
    return [*lines, line]


# --- writing ------------------------------------------------------------------------

SGR = {
    "bold": "1",
    "dim": "2",
    "italic": "3",
    "red": "31",
    "green": "32",
    "magenta": "35",
    "cyan": "36",
}
# A terminal whose encoding has no box-drawing characters gets ASCII boxes, cell for cell.
_ASCII = str.maketrans(
    {**dict.fromkeys("╭╮╰╯┏┳┓┡╇┩├┼┤└┴┘", "+"), "─": "-", "━": "-", "│": "|", "┃": "|", "•": "*"}
)


def paint(lines: list[Line], colour: bool, encoding: str = "utf-8") -> str:
    """The lines as text for a terminal of this encoding: with colour, each styled span
    in its SGR codes; no line ends in spaces.  Where the encoding is not UTF, boxes are
    ASCII and a character it cannot show becomes as many '?' as the cells it took, so
    every border still lines up."""
    utf = is_utf(encoding)
    out = []
    for line in lines:
        # Control characters and direction overrides never reach the terminal: shown
        # escaped by the one escaping function (an answer typed may hold one).
        spans = [(shown(text), style) for text, style in line]
        if not utf:
            spans = [(_shown_in(text.translate(_ASCII), encoding), style) for text, style in spans]
        while spans and not spans[-1][0].strip():
            spans.pop()
        if spans:
            spans[-1] = (spans[-1][0].rstrip(), spans[-1][1])
        out.append("".join(_sgr(t, s) if colour and s and t.strip() else t for t, s in spans))
    return "\n".join(out) + "\n"


_FALLBACK = {"→": ">", "×": "x", "·": "-", "…": "."}  # one cell each, as the original
# Legacy Chinese consoles show these "ambiguous" characters two cells wide, which would
# push a border out: there they are always replaced.
_CJK_LEGACY = {"gbk", "gb2312", "gb18030", "cp936", "big5", "cp950"}
_AMBIGUOUS = str.maketrans(_FALLBACK)


def _shown_in(text: str, encoding: str) -> str:
    if encoding.lower().replace("-", "").replace("_", "") in _CJK_LEGACY:
        text = text.translate(_AMBIGUOUS)
    try:
        text.encode(encoding)
        return text
    except LookupError:
        return text
    except UnicodeEncodeError:
        pass
    out = []
    for char in text:
        try:
            char.encode(encoding)
            out.append(char)
        except UnicodeEncodeError:
            out.append(_FALLBACK.get(char) or "?" * cells(char))
    return "".join(out)


def _sgr(text: str, style: str) -> str:
    return f"\x1b[{';'.join(SGR[word] for word in style.split())}m{text}\x1b[0m"
