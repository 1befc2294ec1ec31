from __future__ import annotations

import os
import textwrap
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings
from typer.testing import CliRunner

import medbal.i18n.catalogue  # noqa: F401  (the words of every error: core's carry data)
from medbal.commands.app import cli
from medbal.files.readtree import load_file

from support import TREES

app = cli()  # every command, `tree` too

# Property tests are deterministic unless asked otherwise: the same examples on every
# run (derandomize=True) and no example database, so a commit is green or red for
# everyone; each test draws at most 300 (fewer where the suite's time asks it:
# tests/fuzzing.examples).  The long search is a separate profile, run by hand, 100,000
# random examples per test (2,000 for one that starts a process per example):
#   HYPOTHESIS_PROFILE=fuzz uv run pytest -m hypothesis -p no:cacheprovider
settings.register_profile(
    "ci", derandomize=True, database=None, deadline=None, max_examples=300, print_blob=True
)
settings.register_profile(
    "fuzz",
    derandomize=False,  # Hypothesis derandomizes by default where CI is set: not this search
    max_examples=int(os.environ.get("MEDBAL_FUZZ_EXAMPLES", "100000")),  # a shorter search: fewer
    deadline=None,
    database=None,
    print_blob=True,
    suppress_health_check=list(HealthCheck),
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))


@pytest.fixture(autouse=True, scope="session")
def _own_cache(tmp_path_factory):
    # medbal caches checked trees under XDG_CACHE_HOME; the tests (and the programs
    # they start) keep theirs in a folder of this run, never in the developer's home.
    os.environ["XDG_CACHE_HOME"] = str(tmp_path_factory.mktemp("xdg-cache"))


@pytest.fixture(autouse=True)
def _clean_env(monkeypatch):
    # Tests choose language and overlays explicitly; the developer's shell must not leak in.
    for var in (
        "MEDBAL_LANG",
        "MEDBAL_TREES",
        "LC_ALL",
        "LC_MESSAGES",
        "LANG",
        "NO_COLOR",
        "FORCE_COLOR",
    ):
        monkeypatch.delenv(var, raising=False)


@pytest.fixture(scope="session")
def zero_tree():
    return load_file(TREES / "zero-balance.yaml")


@pytest.fixture(scope="session")
def checklists():
    return load_file(TREES / "reimbursement.yaml")


@pytest.fixture
def run():
    """Invoke the CLI as a script would: stdin not a terminal, output captured."""
    runner = CliRunner()

    def invoke(*args: str, input: str | None = None, env: dict | None = None):
        return runner.invoke(app, list(args), input=input, env=env, catch_exceptions=False)

    return invoke


@pytest.fixture
def write(tmp_path):
    """Write a dedented text file under tmp_path and return its path."""

    def _write(name: str, text: str | bytes) -> Path:
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(text, bytes):
            path.write_bytes(text)
        else:
            path.write_text(textwrap.dedent(text).lstrip("\n"), encoding="utf-8")
        return path

    return _write
