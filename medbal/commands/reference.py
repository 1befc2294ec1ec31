"""docs/cli.md, the command-line reference: every command's `--help`, at 80 columns.

Made from the commands themselves (medbal.commands.helptext, as `medbal COMMAND -h`
prints it), never written by hand, so it cannot say what the commands do not:

    uv run python -m medbal.commands.reference           # write docs/cli.md anew
    uv run python -m medbal.commands.reference --check   # exit 1 when it is stale

tests/commands/test_reference.py fails when docs/cli.md is stale (as sqlite-utils
checks its own CLI reference).
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

WIDTH = 80
TARGET = Path(__file__).resolve().parents[2] / "docs" / "cli.md"
HEAD = """\
# Command-line reference

<!-- Made by `uv run python -m medbal.commands.reference` from each command's --help;
tests/commands/test_reference.py fails when it is stale. Do not edit by hand. -->

Every command's `--help`, as `medbal COMMAND -h` prints it at 80 columns (at a
terminal, help is laid out at its width). The README says more about each command;
the exit codes and environment variables are at the end of [`medbal`](#medbal).
"""


def commands() -> list[tuple[str, Any, Any]]:
    """(the command's path, the command, its context) for medbal and every command
    under it, in the order of the help."""
    import typer

    from medbal.commands.app import cli

    root = typer.main.get_command(cli())
    found: list[tuple[str, Any, Any]] = []

    def visit(command: Any, name: str, parent: Any) -> None:
        ctx = command.context_class(
            command, info_name=name, parent=parent, **command.context_settings
        )
        found.append((ctx.command_path, command, ctx))
        for sub in getattr(command, "list_commands", lambda _: [])(ctx):
            visit(command.get_command(ctx, sub), sub, ctx)

    visit(root, "medbal", None)
    return found


def reference() -> str:
    """The whole of docs/cli.md."""
    from medbal.commands.helptext import render

    found = commands()
    toc = [f"- [`{path}`](#{path.replace(' ', '-')})" for path, _, _ in found]
    parts = [HEAD, "\n".join(toc) + "\n"]
    for path, command, ctx in found:
        parts.append(f"## {path}\n\n```text\n{render(command, ctx, WIDTH)}```\n")
    return "\n".join(parts)


def main(argv: list[str]) -> int:
    from medbal.present.output import write_text

    text = reference()
    if argv == ["--check"]:
        stale = not TARGET.is_file() or TARGET.read_text(encoding="utf-8") != text
        if stale:
            write_text(f"{TARGET} is stale: run python -m medbal.commands.reference\n", err=True)
        return 1 if stale else 0
    if argv:
        write_text("usage: python -m medbal.commands.reference [--check]\n", err=True)
        return 2
    TARGET.write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
