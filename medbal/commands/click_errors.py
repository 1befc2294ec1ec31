"""Click's usage errors as one line in the chosen language, and a hint.

Click prints four lines of English (`Usage:`, `Try ...`, a blank, `Error: ...`);
medbal promises one line `medbal: ...` in the person's language, exit 2, and
at most one hint line after it.  The error classes of the Click that Typer
vendors are read for their parts (option name, parameter, choices), so the
message is rebuilt from the catalogue's words (medbal/i18n/words: ERRORS) rather
than translated from English text; medbal.present.output.report writes it.
"""

from __future__ import annotations

import re
from typing import Any

from typer import exceptions as te
from typer._click import exceptions as ce

from medbal.core.errors import INTERRUPTED, USAGE, Phrase


def is_click_error(exc: BaseException) -> bool:
    return isinstance(exc, (ce.ClickException, te.Abort))


def help_instead(exc: BaseException) -> str | None:
    """The help a command given no arguments shows instead (on stderr, exit 2), or None."""
    if isinstance(exc, ce.NoArgsIsHelpError):
        return exc.format_message().rstrip("\n") + "\n"
    return None


def click_error(exc: BaseException) -> tuple[Phrase | str, Phrase | None, int]:
    """(the message, the hint line or None, the exit code) of one of Click's errors."""
    if isinstance(exc, te.Abort):
        return Phrase("interrupted"), None, INTERRUPTED
    assert isinstance(exc, ce.ClickException)
    ctx = getattr(exc, "ctx", None)
    hint = Phrase("click_help_hint", command=f"{ctx.command_path} -h") if ctx else None
    code = exc.exit_code if isinstance(exc.exit_code, int) and exc.exit_code else USAGE
    return _message(exc), hint, code


def _message(exc: ce.ClickException) -> Phrase | str:
    """The error as catalogue words; Click's own English text for one not known here."""
    if isinstance(exc, ce.NoSuchOption):
        name = exc.option_name
        if exc.possibilities:
            return Phrase("click_no_option_dym", name=name, best=tuple(sorted(exc.possibilities)))
        return Phrase("click_no_option", name=name)
    if isinstance(exc, ce.MissingParameter):
        return Phrase("click_missing", name=_param_name(exc))
    if isinstance(exc, ce.BadParameter):
        return _bad_value(exc)
    if isinstance(exc, ce.BadOptionUsage) and "requires" in exc.message:
        return Phrase("click_needs_value", name=exc.option_name)
    if isinstance(exc, ce.BadOptionUsage) and "does not take a value" in exc.message:
        return Phrase("click_takes_no_value", name=exc.option_name)
    if isinstance(exc, ce.BadOptionUsage):
        return Phrase("click_bad_usage", name=exc.option_name, message=exc.message)
    text = exc.format_message()
    # Click adds its own "did you mean" to a command name close to one it has.
    found = re.match(r"No such command '(.*)'\.(?: Did you mean '(.*)'\?)?$", text)
    if found:
        ctx = getattr(exc, "ctx", None)
        names = tuple(sorted(ctx.command.list_commands(ctx))) if ctx else ""
        word, best = found.groups()
        if best:
            return Phrase("click_no_command_dym", word=word, best=best, names=names)
        return Phrase("click_no_command", word=word, names=names)
    found = re.match(r"Got unexpected extra argument(?:s|\(s\))? \((.*)\)$", text)
    if found:
        return Phrase("click_extra", words=found.group(1))
    return text


def _param_name(exc: ce.BadParameter) -> str:
    param: Any = exc.param
    if param is None:
        return str(exc.param_hint or "a value")
    opts = [o for o in getattr(param, "opts", []) if o.startswith("--")]
    if getattr(param, "param_type_name", "") == "argument" or not opts:
        return str(param.human_readable_name).upper()
    return str(opts[0])


def _bad_value(exc: ce.BadParameter) -> Phrase:
    name = _param_name(exc)
    choices = getattr(getattr(exc.param, "type", None), "choices", None)
    value = re.match(r"'(.*)' is not", exc.message)
    if choices and value:
        allowed = tuple(str(getattr(c, "value", c)) for c in choices)
        return Phrase("click_not_one_of", name=name, given=value.group(1), allowed=allowed)
    return Phrase("click_bad_value", name=name, message=exc.message)
