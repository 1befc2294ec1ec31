"""The `text` format: Rich at a terminal, plain text otherwise.

Both are built from the same pages (sections.py); which one a call gets is
decided by medbal.term.wants_plain() in the CLI.
"""

from __future__ import annotations

from typing import Any

from medbal.engine import Result
from medbal.messages import msg
from medbal.render import plain
from medbal.render.sections import answers_lines, outcome_page


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

    from medbal.render.rich_text import RichPage, question_panel

    if view["status"] == "needs-answer":
        return [Text(msg("needs_answer", lang), style="yellow"),
                question_panel(view["question"], lang, len(result.path) + 1, None),
                Text(msg("answer_with", lang, hint=f"--answer {view['question']['id']}=VALUE"))]
    parts: list[Any] = [Panel(RichPage(outcome_page(result, view, lang)), border_style="cyan")]
    parts.append(Text(msg("answers", lang), style="bold cyan"))
    parts += [Text(f"  {row}") for row in _answer_rows(result, lang)]
    if view["dropped"]:
        parts.append(Text(msg("dropped", lang) + " " + ", ".join(
            f"{d['question']}={d['value']}" for d in view["dropped"]), style="yellow"))
    parts += [Text(msg("reproduce", lang), style="bold cyan"),
              Text(f"  {view['command']}", style="green")]
    return parts
