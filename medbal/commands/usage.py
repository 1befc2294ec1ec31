"""Click's usage errors as one line in the chosen language, and a hint.

Click prints four lines of English (`Usage:`, `Try ...`, a blank, `Error: ...`);
medbal promises one line `medbal: ...` in the person's language, exit 2, and
at most one hint line after it.  The error classes of the Click that Typer
vendors are read for their parts (option name, parameter, choices), so the
message is rebuilt in both languages rather than translated from English text.
"""

from __future__ import annotations

import re
from typing import Any

from typer import exceptions as te
from typer._click import exceptions as ce

from medbal.core.errors import USAGE, one_line


def is_click_error(exc: BaseException) -> bool:
    return isinstance(exc, (ce.ClickException, te.Abort))


def click_error_lines(exc: BaseException, lang: str) -> tuple[list[str], int]:
    """([the message line, the hint line], exit code)."""
    zh = lang == "zh"
    if isinstance(exc, te.Abort):
        return [f"medbal: {'已中断。' if zh else 'interrupted.'}"], 130
    if isinstance(exc, ce.NoArgsIsHelpError):
        return [exc.format_message().rstrip("\n")], USAGE
    assert isinstance(exc, ce.ClickException)
    en_text, zh_text = _message(exc)
    lines = [f"medbal: {one_line(zh_text if zh else en_text)}"]
    ctx = getattr(exc, "ctx", None)
    if ctx is not None:
        command = f"{ctx.command_path} -h"
        lines.append(f"可运行“{command}”查看用法。" if zh else f"Try '{command}' for help.")
    code = exc.exit_code if isinstance(exc.exit_code, int) and exc.exit_code else USAGE
    return lines, code


def _message(exc: ce.ClickException) -> tuple[str, str]:
    if isinstance(exc, ce.NoSuchOption):
        name = exc.option_name
        en, zh = f"there is no option {name}", f"没有 {name} 这个选项"
        if exc.possibilities:
            best = ", ".join(sorted(exc.possibilities))
            en, zh = f"{en}; did you mean {best}?", f"{zh}；您是不是要输入 {best}？"
        return en, zh
    if isinstance(exc, ce.MissingParameter):
        name = _param_name(exc)
        return f"{name} is missing", f"缺少 {name}"
    if isinstance(exc, ce.BadParameter):
        return _bad_value(exc)
    if isinstance(exc, ce.BadOptionUsage) and "requires" in exc.message:
        name = exc.option_name
        return f"{name} needs a value", f"{name} 后面需要给出一个值"
    if isinstance(exc, ce.BadOptionUsage) and "does not take a value" in exc.message:
        name = exc.option_name
        return f"{name} takes no value", f"{name} 不接受取值"
    if isinstance(exc, ce.BadOptionUsage):
        name = exc.option_name
        return f"{name}: {exc.message}", f"{name} 的用法有误（{exc.message}）"
    text = exc.format_message()
    found = re.match(r"No such command '(.*)'\.$", text)
    if found:
        ctx = getattr(exc, "ctx", None)
        names = ", ".join(sorted(ctx.command.list_commands(ctx))) if ctx else ""
        word = found.group(1)
        return (f"there is no command '{word}'; the commands are: {names}",
                f"没有“{word}”这个命令；可用的命令：{names}")
    found = re.match(r"Got unexpected extra argument(?:s|\(s\))? \((.*)\)$", text)
    if found:
        return (f"unexpected extra words: {found.group(1)}",
                f"多出了无法识别的内容：{found.group(1)}")
    return text, text


def _param_name(exc: ce.BadParameter) -> str:
    param: Any = exc.param
    if param is None:
        return str(exc.param_hint or "a value")
    opts = [o for o in getattr(param, "opts", []) if o.startswith("--")]
    if getattr(param, "param_type_name", "") == "argument" or not opts:
        return str(param.human_readable_name).upper()
    return str(opts[0])


def _bad_value(exc: ce.BadParameter) -> tuple[str, str]:
    name = _param_name(exc)
    choices = getattr(getattr(exc.param, "type", None), "choices", None)
    value = re.match(r"'(.*)' is not", exc.message)
    if choices and value:
        allowed = ", ".join(str(getattr(c, "value", c)) for c in choices)
        given = value.group(1)
        return (f"{name} '{given}' is not one of: {allowed}",
                f"{name} 的值“{given}”无效；可选：{allowed}")
    return f"{name}: {exc.message}", f"{name} 的值有误（{exc.message}）"
