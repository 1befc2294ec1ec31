"""The prompt loop of `medbal diagnose` at a terminal.

Every decision is the engine's; this module only asks, shows and keeps the
answers.  Whether medbal may prompt at all is decided in `medbal.present.term`.
"""

from __future__ import annotations

from collections.abc import Callable

from rich.console import Console
from rich.panel import Panel
from rich.text import Text

from medbal.core.engine import Result, back, is_number, match_option, walk
from medbal.core.errors import EndOfInput
from medbal.core.model import Tree
from medbal.i18n.catalogue import msg
from medbal.present.tty import para, question_panel
from medbal.present.views import question_view

Show = Callable[[Result], None]
# Full-width ASCII forms (U+FF01-FF5E) and the ideographic space, as their ASCII selves.
_FULLWIDTH = {0xFF01 + i: 0x21 + i for i in range(0x5E)} | {0x3000: 0x20}


class Session:
    def __init__(self, tree: Tree, lang: str, console: Console, show_result: Show,
                 answers: dict[str, str] | None = None, show_checklist: Show | None = None):
        self.tree, self.lang, self.console = tree, lang, console
        self.show_result, self.show_checklist = show_result, show_checklist
        self.answers: dict[str, str] = dict(answers or {})
        self.remembered: dict[str, str] = {}  # earlier answers, offered as defaults
        self.shown: str | None = None  # the question on screen: a hint does not repeat it

    def read(self, prompt: str) -> str:
        try:
            # A Chinese keyboard types full-width "１", "？" and "ｂ" for 1, ? and b.
            entry = self.console.input(Text(prompt, style="bold"))
            return entry.translate(_FULLWIDTH).strip()
        except EOFError:
            raise EndOfInput("end of input before an answer; run again, or use --answer "
                             "ID=VALUE to answer without prompts",
                             "还没回答就结束了输入；请重新运行，或用 --answer 问题=答案 "
                             "直接给出回答") from None

    def hint(self, key: str, **values: object) -> None:
        self.console.print(Text(msg(key, self.lang, **values), style="bold magenta"))

    def run(self) -> Result | None:
        """Ask until an outcome; None when the person quits."""
        while True:
            result = walk(self.tree, self.answers)
            step = self.at_outcome(result) if result.done else self.at_question(result)
            if step == "quit":
                return result if result.done else None

    def at_question(self, result: Result) -> str:
        q = result.question
        assert q is not None
        default = self.remembered.get(q.id)
        if self.shown != q.id:
            self.console.print()
            self.console.print(question_panel(question_view(q, self.lang), self.lang,
                                              len(result.path) + 1, default))
            self.shown = q.id
        prompt = msg("keys", self.lang)
        if default:
            label = q.option(default).label.get(self.lang)  # type: ignore[union-attr]
            prompt += "\n" + msg("default", self.lang, value=label)
        entry = self.read(prompt + "\n> ")
        lowered = entry.lower()
        if lowered == "q":
            return "quit"
        moves_on = lowered == "r" or (lowered == "b" and result.path) or \
            (entry == "" and default) or match_option(q, entry)
        if moves_on:
            self.shown = None  # the next question is printed in full
        if lowered == "r":
            self.answers.clear()
            self.remembered.clear()
        elif lowered == "b":
            if not result.path:
                self.hint("first_question")
            else:
                self.answers, previous = back(self.answers, result)
                self.remembered[result.path[-1].question.id] = previous  # type: ignore[assignment]
        elif entry == "?":
            help_text = q.help.get(self.lang) if q.help else msg("no_help", self.lang)
            self.console.print(Panel(para(help_text, self.lang), title=Text(msg("help", self.lang)),
                                     title_align="left", border_style="magenta"))
        elif entry == "" and default:
            self.answers[q.id] = default
        elif (option := match_option(q, entry)) is not None:
            self.answers[q.id] = option.value
            self.remembered.pop(q.id, None)
        elif entry == "":
            self.hint("type_a_number", n=len(q.options))
        else:
            self.hint("not_an_option", entry=entry, n=len(q.options))
        return "go"

    def at_outcome(self, result: Result) -> str:
        key = "=" + ",".join(f"{a.question.id}={a.option.value}" for a in result.path)
        if self.shown != key:  # not again after a hint or the checklist
            self.show_result(result)
            self.shown = key
        assert result.outcome is not None  # at_outcome is called only when result.done
        has_checklist = self.show_checklist is not None and result.outcome.checklist
        prompt = msg("keys_end", self.lang)
        if has_checklist:
            prompt += msg("show_checklist", self.lang)
        entry = self.read(prompt + "\n> ").lower()
        if entry in ("", "q"):
            return "quit"
        if entry == "d" and has_checklist:
            self.show_checklist(result)  # type: ignore[misc]
            return "go"
        if entry == "r":
            self.answers.clear()
            self.remembered.clear()
        elif entry == "b" and result.path:
            self.answers, previous = back(self.answers, result)
            self.remembered[result.path[-1].question.id] = previous  # type: ignore[assignment]
        elif is_number(entry) and 1 <= int(entry) <= len(result.path):
            qid = result.path[int(entry) - 1].question.id
            # Ask this one again; the answers after it stay and are reused where
            # the new path still passes their questions.
            self.remembered[qid] = self.answers.pop(qid)
        else:
            self.hint("no_such_answer", entry=entry, n=len(result.path))
        return "go"
