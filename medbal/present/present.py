"""The one present step: a view, a format, a destination.

Every command ends here.  `present()` chooses how a view is shown (JSON, text laid
out for a terminal, plain text for pipes and NO_COLOR, Markdown, A4 HTML), asks the
terminal its width and whether to colour, and writes to stdout or, atomically, to
the `--output` file.  `render()` is the same choice as a string, for the Python API
and the tests.

Renderers are named in RENDERERS and imported only when used: this table is the
one place where output code is loaded lazily, so a JSON call imports no renderer.
"""

from __future__ import annotations

import datetime
import importlib
import sys
from collections.abc import Callable, Iterable, Mapping
from typing import TYPE_CHECKING, Any

from medbal.core.errors import UsageError
from medbal.files.write import json_text, write_atomic
from medbal.present.term import wants_plain

if TYPE_CHECKING:
    from medbal.present.layout import Line

# The kinds of view (see medbal.present.views) and, for each format, its renderer.
# "terminal" is text at a terminal (lines at its width, medbal.present.layout);
# "plain" is text anywhere else.
RENDERERS: dict[tuple[str, str], str] = {
    ("diagnose", "plain"): "medbal.present.plain:diagnose_text",
    ("diagnose", "terminal"): "medbal.present.terminal:diagnose_lines",
    ("diagnose", "markdown"): "medbal.present.markdown:diagnose_markdown",
    ("diagnose", "html"): "medbal.present.html:diagnose_html",
    ("docs", "plain"): "medbal.present.plain:checklists_text",
    ("docs", "terminal"): "medbal.present.terminal:checklists_lines",
    ("docs", "markdown"): "medbal.present.markdown:checklists_markdown",
    ("docs", "html"): "medbal.present.html:checklists_html",
    ("docs-overview", "plain"): "medbal.present.plain:categories_text",
    ("docs-overview", "terminal"): "medbal.present.terminal:overview_lines",
    ("docs-overview", "markdown"): "medbal.present.markdown:categories_markdown",
    ("docs-overview", "html"): "medbal.present.html:checklists_html",
    ("estimate", "plain"): "medbal.present.plain:estimate_text",
    ("estimate", "terminal"): "medbal.present.terminal:estimate_lines",
    ("tree-list", "plain"): "medbal.present.authoring:inventory_text",  # plain everywhere
    ("tree-outline", "plain"): "medbal.present.authoring:outline_text",
    ("tree-outline", "terminal"): "medbal.present.terminal:outline_lines",
}
DOCUMENTS = ("markdown", "html")  # a file's content: always UTF-8, dated when printed


def formats(kind: str) -> list[str]:
    """The formats a kind of view can be rendered in."""
    return ["json", *(f for k, f in RENDERERS if k == kind)]


def renderer(kind: str, fmt: str) -> Callable[..., Any]:
    if (kind, fmt) not in RENDERERS:
        raise UsageError("no_format", kind=kind, fmt=fmt, formats=tuple(formats(kind)))
    module, _, name = RENDERERS[(kind, fmt)].partition(":")
    function: Callable[..., Any] = getattr(importlib.import_module(module), name)
    return function


def _today(today: str | None) -> dict[str, str]:
    return {"today": today or datetime.date.today().isoformat()}


def render(
    kind: str, view: Mapping[str, Any], fmt: str, *, width: int = 80, today: str | None = None
) -> str:
    """The view as text in `fmt`: json, plain, terminal (as a terminal `width` wide would
    show it, without colour), markdown or html.  "text" is plain, as in a pipe; "rich"
    is the terminal format's name before medbal drew its own."""
    if fmt == "json":
        return json_text(view)
    fmt = {"text": "plain", "rich": "terminal"}.get(fmt, fmt)
    if fmt == "terminal" and (kind, "terminal") not in RENDERERS:
        fmt = "plain"  # a view with no terminal look of its own
    if fmt == "terminal":
        from medbal.present.layout import paint

        return paint(_lines(kind, view, width, utf=True), colour=False)
    # A take-home page says when it was printed; the checklists are a reference, undated.
    dated = kind == "diagnose" and fmt in DOCUMENTS
    if dated and view.get("status") != "outcome":
        raise UsageError("document_needs_outcome")
    text: str = renderer(kind, fmt)(view, **_today(today) if dated else {})
    return text


def _lines(kind: str, view: Mapping[str, Any], width: int, utf: bool) -> list[Line]:
    lines: list[Line] = renderer(kind, "terminal")(view, width=width, utf=utf)
    return lines


def present(
    kind: str, view: Mapping[str, Any], fmt: str, output: str | None = None, *, err: bool = False
) -> None:
    """Show a view: `fmt` is text, json, markdown or html; `output` a file name, `-` or None
    for stdout; `err` sends it to stderr (a question that a document cannot answer)."""
    to_file = output not in (None, "-")
    if fmt == "json":
        deliver(json_text(view, for_stdout=not to_file), output, document=False)
        return
    if fmt == "text" and not to_file and not err and (kind, "terminal") in RENDERERS:
        if not wants_plain():
            from medbal.present.layout import paint
            from medbal.present.term import screen

            on = screen()
            emit(paint(_lines(kind, view, on.width, on.utf), on.colour, on.encoding))
            return
    text = render(kind, view, "plain" if fmt == "text" else fmt)
    if err:
        sys.stderr.write(text)
        sys.stderr.flush()
        return
    deliver(text, output, document=fmt in DOCUMENTS)


# --- writing ----------------------------------------------------------------------


def emit(text: str, document: bool = False) -> None:
    """Text to stdout.  A document (Markdown, HTML, CSV) is always UTF-8 bytes, whatever
    the terminal's encoding: it is a file's content, redirected or piped, and a '?' in
    place of every Chinese character would silently ruin it."""
    buffer = getattr(sys.stdout, "buffer", None) if document else None
    if buffer is None:
        sys.stdout.write(text)
        sys.stdout.flush()
        return
    sys.stdout.flush()
    buffer.write(text.encode("utf-8"))
    buffer.flush()


def emit_json(data: Mapping[str, Any]) -> None:
    emit(json_text(data, for_stdout=True))


def emit_lines(lines: Iterable[str]) -> None:
    """A streamed document (CSV, a path table): UTF-8 bytes line by line, flushed once."""
    buffer = getattr(sys.stdout, "buffer", None)
    for line in lines:
        if buffer is None:
            sys.stdout.write(line)
        else:
            buffer.write(line.encode("utf-8"))
    (buffer or sys.stdout).flush()


def deliver(text: str, output: str | None, document: bool) -> None:
    """The result to stdout, or to the --output file (`-` is stdout, as usual)."""
    if output is None or output == "-":
        emit(text, document=document)
        return
    write_atomic(output, text)
