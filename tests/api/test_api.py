"""The Python API as the README shows it, and the code map and layering it describes."""

from __future__ import annotations

import ast
import contextlib
import io
import re
from pathlib import Path

from support import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")
PACKAGE = ROOT / "medbal"
LAYERS = ["core", "i18n", "files", "present", "commands", "serve"]  # each imports only from above


def _section(title: str) -> str:
    start = README.index(f"\n## {title}\n")
    end = README.find("\n## ", start + 1)
    return README[start:end]


def test_the_readme_example_runs_and_says_what_it_claims():
    code = re.search(r"```python\n(.*?)```", _section("Python API"), re.S)
    assert code is not None
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        exec(compile(code.group(1), "README.md", "exec"), {})
    printed = out.getvalue()
    from medbal import api

    title = api.diagnose("zero-balance", {"scheme": "yearly"}, "en")["outcome"]["title"]
    assert printed.startswith(title + "\n")
    assert "您的医保是怎么缴费的？" in printed and "yearly" in printed
    assert "- [ ]" in printed  # the Markdown checklist
    paid = api.estimate(8000, threshold=500, items={"class-b": 1200})["total_paid"]
    assert f"{paid} " in printed and paid > 0


def test_api_views_are_the_cli_envelopes(run):
    import json

    from medbal import api

    assert json.loads(
        run("diagnose", "-a", "scheme=yearly", "-f", "json", "--lang", "zh").stdout
    ) == api.diagnose("zero-balance", {"scheme": "yearly"}, "zh")
    assert json.loads(run("docs", "3", "-f", "json", "--lang", "en").stdout) == api.docs(3, "en")
    assert json.loads(
        run("estimate", "8000", "-t", "500", "-f", "json", "--lang", "en").stdout
    ) == api.estimate("8000", "500", lang="en")


def test_api_errors_are_the_cli_errors():
    import pytest

    from medbal import api
    from medbal.core.errors import UsageError

    with pytest.raises(UsageError) as caught:
        api.docs("nowhere", "en")
    assert "nowhere" in str(caught.value) and "nowhere" in caught.value.text("zh")


def _modules() -> set[str]:
    return {str(p.relative_to(PACKAGE)) for p in PACKAGE.rglob("*.py") if p.name != "__init__.py"}


def test_the_code_map_names_every_module_and_only_real_ones():
    start = README.index("| package |", README.index("The code, by what it does"))
    table = README[start : README.index("\n\n", start)]
    named = set()
    for row in table.splitlines()[2:]:
        package = re.match(r"\| `(\w+/)?", row)
        assert package is not None, row
        folder = "" if package.group(1) == "medbal/" else package.group(1) or ""
        named |= {folder + m for m in re.findall(r"`(\w+\.py)`", row)}
    assert named == _modules()


def _top_level_imports(path: Path) -> list[str]:
    """Modules imported when `path` loads: not inside functions or `if TYPE_CHECKING`."""
    found = []
    for node in ast.parse(path.read_text(encoding="utf-8")).body:
        if isinstance(node, ast.ImportFrom) and node.module:
            found += [node.module] + [f"{node.module}.{a.name}" for a in node.names]
        elif isinstance(node, ast.Import):
            found += [a.name for a in node.names]
    return [m for m in found if m.startswith("medbal.")]


def test_each_package_loads_only_from_the_packages_above_it():
    for i, layer in enumerate(LAYERS):
        allowed = set(LAYERS[: i + 1])
        for path in (PACKAGE / layer).rglob("*.py"):
            for module in _top_level_imports(path):
                part = module.split(".")[1]
                if part in LAYERS:
                    assert part in allowed, f"{path.relative_to(ROOT)} imports {module}"


def test_render_names_the_formats_a_view_has():
    import pytest

    from medbal import api
    from medbal.core.errors import UsageError

    view = api.estimate(8000, 500, lang="en")
    with pytest.raises(UsageError) as caught:
        api.render("estimate", view, "markdown")
    assert "json, plain, terminal" in str(caught.value) and "markdown" in str(caught.value)
    asked = api.diagnose("zero-balance", {}, "en")
    with pytest.raises(UsageError, match="needs an outcome"):
        api.render("diagnose", asked, "html")


def test_the_terminal_format_by_its_old_name_too():
    """`rich` was the terminal format's name while Rich drew it; scripts using it still work."""
    from medbal import api
    from medbal.i18n.typeset import cells

    view = api.estimate(8000, 500, lang="zh")
    shown = api.render("estimate", view, "terminal", width=60)
    assert api.render("estimate", view, "rich", width=60) == shown
    assert "\x1b[" not in shown and "┏" in shown and max(map(cells, shown.splitlines())) <= 60
