"""The formats a view can be shown in, and the one step that shows it.

Every command ends here.  `show()` chooses how a view is shown (JSON, text laid out
for a terminal, plain text for pipes and files, Markdown, A4 HTML), asks the
terminal its width and whether to colour (medbal.present.tty: the layout follows
only whether stdout is a terminal, the colour NO_COLOR, TERM and FORCE_COLOR too),
and hands the text to the output boundary
(medbal.present.output: stdout or, atomically, the `--output` file).  `render()` is
the same choice as a string, for the Python API and the tests.

Renderers are named in RENDERERS and imported only when used: this table is the
one place where output code is loaded lazily, so a JSON call imports no renderer.
"""

from __future__ import annotations

import datetime
import importlib
from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, Any

from medbal.core.errors import UsageError
from medbal.present import output, tty
from medbal.present.tty import MEASURE, NARROWEST

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
KINDS = tuple(dict.fromkeys(kind for kind, _ in RENDERERS))
DOCUMENTS = ("markdown", "html")  # a file's content: always UTF-8, dated when printed


def formats(kind: str) -> list[str]:
    """The formats a kind of view can be rendered in."""
    return ["json", *(f for k, f in RENDERERS if k == kind)]


def renderer(kind: str, fmt: str) -> Callable[..., Any]:
    if kind not in KINDS:
        raise UsageError("no_view_kind", kind=kind, kinds=KINDS)
    if (kind, fmt) not in RENDERERS:
        raise UsageError("no_format", kind=kind, fmt=fmt, formats=tuple(formats(kind)))
    module, _, name = RENDERERS[(kind, fmt)].partition(":")
    function: Callable[..., Any] = getattr(importlib.import_module(module), name)
    return function


def _today(today: str | None) -> dict[str, str]:
    return {"today": today or datetime.date.today().isoformat()}


def bounded(width: int) -> int:
    """A width as the terminal's is used: at least NARROWEST, at most MEASURE columns
    (a wider text is hard to read, and a huge one would fill the memory)."""
    return max(min(width, MEASURE), NARROWEST)


def render(
    kind: str, view: Mapping[str, Any], fmt: str, *, width: int = 80, today: str | None = None
) -> str:
    """The view as text in `fmt`: json, plain, terminal (as a terminal `width` wide would
    show it, without colour), markdown or html.
    "text" is plain, as in a pipe; "rich" is the terminal format's name before medbal
    drew its own."""
    if kind not in KINDS:
        raise UsageError("no_view_kind", kind=kind, kinds=KINDS)
    if fmt == "json":
        return output.json_text(view)
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


def show(
    kind: str, view: Mapping[str, Any], fmt: str, target: str | None = None, *, err: bool = False
) -> None:
    """Show a view: `fmt` is text, json, markdown or html; `target` a file name, `-` or
    None for stdout; `err` sends it to stderr (a question that a document cannot answer)."""
    if fmt == "json":
        output.write_json(view, target)
        return
    on_stdout = fmt == "text" and target in (None, "-") and not err
    if on_stdout and tty.laid_out() and (kind, "terminal") in RENDERERS:
        from medbal.present.layout import paint

        on = tty.screen()
        output.write_screen(paint(_lines(kind, view, on.width, on.utf), on.colour, on.encoding))
        return
    text = render(kind, view, "plain" if fmt == "text" else fmt)
    styles: tuple[str, ...] = getattr(text, "styles", ())  # a plain renderer's Plain
    if fmt in DOCUMENTS or target not in (None, "-"):
        output.write_document(text, target)  # plain text to a file: UTF-8 like a document
    elif on_stdout and styles and tty.colours():
        # Colour forced through a pipe: the plain layout, each line in its style.
        from medbal.present.layout import paint

        rows = text.split("\n")[:-1]  # the text ends in a newline
        lines = [[(row, style)] for row, style in zip(rows, styles, strict=False)]
        output.write_screen(paint(lines, True, tty.encoding()))
    else:
        output.write_text(text, err=err)
