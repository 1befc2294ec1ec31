"""`--help`, laid out by medbal: display cells, whole words, both languages.

Click's formatter counts characters, not display cells (a Han character takes two), and
breaks words at hyphens: at 40 columns `MEDBAL_LANG` became `M`/`EDBAL_LANG`, and at
80 the example `settle-problem=emergency` was cut in two, so copying it failed.  Here
every paragraph, option and command row is broken by medbal's own rules
(medbal.i18n.typeset.break_lines: cells, Chinese line breaking, never inside a word,
an id or an option), at the terminal's width from 20 to 100 columns; an example
command that does not fit on one line is continued with the shell's ` \\`, so what is
copied runs.

The top-level help adds examples, every exit code and every environment variable,
in English and Chinese: their words are the catalogue's (medbal.i18n.catalogue), read
from their own section, medbal.i18n.words_help, without loading the rest of it.  The
width is the terminal's as medbal.present.tty reads it, found here without importing
that module (its record types cost more than laying the help out).  Loaded only when
help is shown
(medbal.commands.common.CellHelp); docs/cli.md is this module's output at 80 columns
(`python -m medbal.commands.reference`).
"""

from __future__ import annotations

import inspect
import re
from collections.abc import Sequence
from typing import Any

from medbal.i18n.lang import ENV_VAR, LOCALE_VARS
from medbal.i18n.typeset import break_lines, cells, fit
from medbal.i18n.words_help import HELP

INDENT = 2  # a section's rows, a paragraph under the usage line
HANG = 4  # a row's help under its name, where the two do not fit side by side
MIN_HELP = 24  # narrower than this beside the names, the help goes under them
EXAMPLE = re.compile(r"^(Examples?):\s*(.*)$", re.S)

# The top-level help: what to type first, what comes back, what the environment changes.
EXAMPLES = (
    "medbal diagnose --lang zh",
    "medbal docs 3",
    "medbal claim -a where=home -a settle-problem=emergency",
    "medbal estimate 8000 --threshold 500 -o estimate.txt",
    "medbal page > medbal.html",
)
EXIT_CODES = (
    ("0", "help_exit_0"),
    ("1", "help_exit_1"),
    ("2", "help_exit_2"),
    ("3", "help_exit_3"),
    ("130", "help_exit_130"),
    ("143", "help_exit_143"),
)
ENVIRONMENT = (
    (ENV_VAR, "help_env_lang"),  # the variables medbal.i18n.lang reads, by its own names
    (", ".join(LOCALE_VARS), "help_env_locale"),
    ("MEDBAL_TREES", "help_env_trees"),
    ("MEDBAL_CACHE", "help_env_cache"),
    ("XDG_CACHE_HOME", "help_env_xdg"),
    ("MEDBAL_DEBUG", "help_env_debug"),
    ("NO_COLOR", "help_env_no_color"),
    ("FORCE_COLOR", "help_env_force_color"),
    ("TERM", "help_env_term"),
    ("COLUMNS", "help_env_columns"),
)


def help_width() -> int:
    """The terminal's width (COLUMNS, else the window's, else 80), within 20 to 100 as
    medbal.present.tty.columns gives it."""
    import shutil

    return max(min(shutil.get_terminal_size().columns, 100), 20)


def render(command: Any, ctx: Any, width: int | None = None) -> str:
    """The whole help of a Click command (a Typer command or group) in this context."""
    width = width or help_width()
    pieces = " ".join(command.collect_usage_pieces(ctx))
    out = usage(ctx.command_path, pieces, width)
    text = inspect.cleandoc(command.help or "").partition("\f")[0]
    if text:
        out += ["", *paragraphs(text, width, INDENT)]
    root = ctx.parent is None
    if root:
        out += section(both("help_examples"), [], width)
        out += [line for cmd in EXAMPLES for line in example(cmd, width, INDENT)]
    params = [p for p in command.get_params(ctx) if p.get_help_record(ctx)]
    for kind, title in (("argument", "Arguments"), ("option", "Options")):
        rows = [p.get_help_record(ctx) for p in params if p.param_type_name == kind]
        out += section(title, rows, width)
    if hasattr(command, "list_commands"):
        subs = [(n, command.get_command(ctx, n)) for n in command.list_commands(ctx)]
        rows = [(n, sub.get_short_help_str(limit=10_000)) for n, sub in subs if not sub.hidden]
        out += section("Commands", rows, width)
    if command.epilog:
        out += ["", *paragraphs(inspect.cleandoc(command.epilog), width, INDENT)]
    if root:
        out += section(both("help_exit_codes"), _bilingual(EXIT_CODES), width)
        out += section(both("help_environment"), _bilingual(ENVIRONMENT), width)
    return "\n".join(line.rstrip() for line in out) + "\n"


def both(key: str) -> str:
    """A heading in both languages: 'Exit codes / 退出码'."""
    english, chinese = HELP[key]
    return f"{english} / {chinese}"


def _bilingual(rows: Sequence[tuple[str, str]]) -> list[tuple[str, str]]:
    """Rows whose help is the English line, then the Chinese one."""
    return [(name, "\n".join(HELP[key])) for name, key in rows]


# --- the shapes -----------------------------------------------------------------------


def usage(prog: str, pieces: str, width: int) -> list[str]:
    """`Usage: medbal docs [OPTIONS] [CATEGORY]`, broken between its words, the lines
    after the first under the command's name where they fit."""
    words = ["Usage:", *prog.split(), *pieces.split()]
    longest = max(cells(w) for w in words)
    hang = cells("Usage: ") if cells("Usage: ") + longest <= width else min(HANG, width - longest)
    lines, line = [], words[0]
    for word in words[1:]:
        if cells(line) + 1 + cells(word) <= width:
            line = f"{line} {word}"
        else:
            lines.append(line)
            line = " " * max(hang, 0) + word
    return [*lines, line]


def paragraphs(text: str, width: int, indent: int) -> list[str]:
    """Paragraphs (apart by blank lines) broken at `width`, `indent` in; a paragraph that
    begins with Click's \\b line is kept line by line; `Example: medbal ...` is a command."""
    out: list[str] = []
    for block in re.split(r"\n\s*\n", text.strip("\n")):
        lines = [line.strip() for line in block.splitlines()]
        if out:
            out.append("")
        if lines and lines[0] == "\b":
            out += [row for line in lines[1:] for row in _broken(line, width, indent)]
            continue
        joined = joined_lines(lines)
        found = EXAMPLE.match(joined)
        if found and found.group(2).startswith("medbal "):
            out += _example_block(found.group(1), found.group(2), width, indent)
            continue
        out += _broken(joined, width, indent)
    return out


def joined_lines(lines: Sequence[str]) -> str:
    """A paragraph's lines as one: a space between them, none between two Han characters."""
    text = ""
    for line in lines:
        if not line:
            continue
        han = text and _is_han(text[-1]) and _is_han(line[0])
        text = f"{text}{'' if han or not text else ' '}{line}"
    return text


def _is_han(char: str) -> bool:
    return "\u3000" <= char <= "\u9fff" or "\uff00" <= char <= "\uffef"


def lines_of(text: str, width: int) -> list[str]:
    """`text` in lines of at most `width` cells (medbal.i18n.typeset.break_lines); a text
    that fits is one line at once, its spaces as break_lines leaves them."""
    flat = " ".join(text.split())
    return [flat] if cells(flat) <= width else break_lines(text, width)


def _broken(text: str, width: int, indent: int) -> list[str]:
    return [" " * indent + row for row in lines_of(text, width - indent)]


def section(title: str, rows: Sequence[tuple[str, str]], width: int) -> list[str]:
    """A heading and its rows (a section without rows is a heading only when it has
    none to list: the examples' lines follow it)."""
    if not rows and title in ("Arguments", "Options", "Commands"):
        return []
    heading = _broken(f"{title}:", width, 0)
    return ["", *heading, *definitions(rows, width, INDENT)]


def definitions(rows: Sequence[tuple[str, str]], width: int, indent: int) -> list[str]:
    """Names and their help side by side, the help wrapped in its column; where the
    column would be narrower than MIN_HELP, each help under its name, HANG further in."""
    if not rows:
        return []
    room = width - indent
    column = min(max(cells(name) for name, _ in rows), max(10, room * 2 // 5))
    beside = room - column - 2 >= MIN_HELP
    out: list[str] = []
    for name, text in rows:
        help_at = indent + column + 2 if beside else indent + HANG
        body = [row for part in text.split("\n") for row in lines_of(part, width - help_at)]
        body = body if text else []
        names = _broken(name, width, indent)
        if beside and len(names) == 1 and cells(name) <= column and body:
            first = names[0] + " " * (help_at - cells(names[0])) + body[0]
            out += [first, *(" " * help_at + row for row in body[1:])]
        else:
            out += [*names, *(" " * help_at + row for row in body)]
    return out


# --- examples: commands to copy -------------------------------------------------------


def _example_block(label: str, commands: str, width: int, indent: int) -> list[str]:
    """`Example: medbal ...` on one line where it fits, else the label and the command
    under it."""
    one = f"{label}: {commands}"
    if "\n" not in commands and cells(one) <= width - indent:
        return [" " * indent + one]
    lines = [" " * indent + f"{label}:"]
    for command in re.split(r"\s+(?=medbal )", commands):
        lines += example(command, width, indent + INDENT)
    return lines


def example(command: str, width: int, indent: int) -> list[str]:
    """A command to copy, `indent` in: on one line where it fits, else broken between
    its words (an option kept with its value, unless the two fit on no line) with the
    shell's ` \\`, the lines after the first further in where the longest word allows,
    so that the copy runs as one command.  A word wider than any line is cut with a
    bare `\\`, which the shell joins too."""
    units = _words(command)
    longest = max(cells(word) for word in command.split()[1:] or [""])
    more = max(0, min(indent + INDENT, width - longest - 2))
    lines = [" " * min(indent, max(0, width - cells(units[0]) - 2)) + units[0]]
    for i, unit in enumerate(units[1:], 1):
        tail = 0 if i == len(units) - 1 else 2  # the ` \\` after it
        if cells(f"{lines[-1]} {unit}") + tail <= width:
            lines[-1] = f"{lines[-1]} {unit}"
            continue
        option, space, value = unit.partition(" ")
        if space and more + cells(unit) + tail > width:  # the pair fits on no line
            lines += [" " * more + option, " " * more + value]
        else:
            lines.append(" " * more + unit)
        while cells(lines[-1]) + tail > width:  # a word too wide for any line: cut it
            cut = max(fit(lines[-1], width - 1), more + 1)
            lines[-1:] = [lines[-1][:cut] + "\x00", lines[-1][cut:]]
    # Every line but the last continues: ` \\` between words, a bare `\\` inside one.
    ends = [" \\" if not line.endswith("\x00") else "\\" for line in lines[:-1]]
    return [line.rstrip("\x00") + end for line, end in zip(lines[:-1], ends, strict=True)] + lines[
        -1:
    ]


def _words(command: str) -> list[str]:
    """A command's words, each option (or redirection) with its value: they go to a
    line together."""
    words = command.split()
    out: list[str] = []
    for word in words:
        last = out[-1] if out else ""
        if last.startswith(("-", ">")) and " " not in last and not word.startswith("-"):
            out[-1] = f"{last} {word}"
        else:
            out.append(word)
    return out
