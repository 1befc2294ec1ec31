"""The `text` format: Rich at a terminal, plain text otherwise.

Both are built from the same pages (sections.py); which one a call gets is
decided by medbal.present.term.wants_plain() in the CLI.
"""

from __future__ import annotations

from typing import Any

from medbal.core.engine import Result
from medbal.i18n.catalogue import msg
from medbal.present import plain
from medbal.present.pages import answers_lines, outcome_page


def _answer_rows(result: Result, lang: str) -> list[str]:
    return [f"{i}. {line}" for i, line in enumerate(answers_lines(result, lang), 1)]


def diagnose_plain(result: Result, view: dict[str, Any], lang: str) -> str:
    if view["status"] == "needs-answer":
        q = view["question"]
        hint = f"--answer {q['id']}=VALUE"
        done = [f"  {line}" for line in _answer_rows(result, lang)]
        head = [msg("answers", lang), *done, ""] if done else []
        return "\n".join([*head, msg("needs_answer", lang), ""]) + "\n" + \
            plain.question_text(q, lang, len(result.path) + 1) + \
            msg("answer_with", lang, hint=hint) + "\n"
    out = [plain.page_text(outcome_page(result, view, lang))]
    out.append(msg("answers", lang))
    out += [f"  {row}" for row in _answer_rows(result, lang)]
    if view["dropped"]:
        out.append(msg("dropped", lang) + " " +
                   ", ".join(f"{d['question']}={d['value']}" for d in view["dropped"]))
    out += ["", msg("reproduce", lang), f"  {view['command']}"]
    return "\n".join(out) + "\n"


def diagnose_rich(result: Result, view: dict[str, Any], lang: str) -> list[Any]:
    """Renderables for a terminal: the outcome in a panel, the answers, the command."""
    from rich.panel import Panel
    from rich.text import Text

    from medbal.present.widgets import RichPage

    if view["status"] == "needs-answer":
        return needs_answer_rich(result, view, lang)
    from rich.padding import Padding
    from rich.table import Table

    from medbal.present.widgets import para

    parts: list[Any] = [Panel(RichPage(outcome_page(result, view, lang)), border_style="cyan")]
    parts.append(Text(msg("answers", lang), style="bold cyan"))
    # A hanging indent: a long answer wraps under its own text, never mid-word.
    rows = Table.grid(padding=(0, 1, 0, 0))
    rows.add_column(no_wrap=True, justify="right")
    rows.add_column(ratio=1)
    for i, line in enumerate(answers_lines(result, lang), 1):
        rows.add_row(f"{i}.", para(line, lang))
    parts.append(Padding(rows, (0, 0, 0, 2)))
    if view["dropped"]:
        parts.append(para(msg("dropped", lang) + " " + ", ".join(
            f"{d['question']}={d['value']}" for d in view["dropped"]), lang, "bold magenta"))
    parts += [Text(msg("reproduce", lang), style="bold cyan"),
              Text(f"  {view['command']}", style="green")]
    return parts


def needs_answer_rich(result: Result, view: dict[str, Any], lang: str) -> list[Any]:
    """The open question with, under each option, the exact `--answer` that picks it,
    then the command so far to add it to.

    Each `--answer` is a line of its own that Rich never folds (the terminal wraps it
    if it must), so it is copied whole.
    """
    from rich.padding import Padding
    from rich.table import Table
    from rich.text import Text

    from medbal.i18n.catalogue import label
    from medbal.present.widgets import para

    q = view["question"]
    parts: list[Any] = [
        Text(msg("needs_answer", lang), style="bold magenta"),
        Text(msg("question_n", lang, n=len(result.path) + 1), style="dim"),
        para(q["text"], lang, "bold")]
    for i, o in enumerate(q["options"], 1):
        row = Table.grid(padding=(0, 1, 0, 0))
        row.add_column(no_wrap=True, style="bold cyan")
        row.add_column(ratio=1)
        row.add_row(f"{i}.", para(o["label"], lang))
        parts += [Padding(row, (0, 0, 0, 2)),
                  Text(f"     --answer {q['id']}={o['value']}", style="green")]
    if q["help"]:
        parts.append(para(label("help", lang) + q["help"], lang, "dim"))
    parts += [Text(msg("answer_add", lang), style="bold cyan"),
              Text(f"  {view['command']}", style="green")]
    return parts
