"""The README's install step puts `medbal` on the PATH (issue 22): `uv tool install` from
the clone and from a built wheel, into a tool folder of this test, from uv's cache alone
(--offline; from the package index where the cache lacks a dependency); the installed
command runs from any folder, and so does the one-line command that the interactive
session offers at the end."""

import json
import os
import shutil
import subprocess
import sys

import pytest

from support import ROOT

UV = os.environ.get("UV") or shutil.which("uv")
pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(UV is None, reason="uv is needed to install medbal as a tool"),
]


def _uv(*args: str, env: dict[str, str], cwd=ROOT) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(UV), *args], env=env, cwd=cwd, capture_output=True, text=True, timeout=600
    )


@pytest.fixture(scope="module", params=["clone", "wheel"])
def on_path(request, tmp_path_factory):
    """A PATH with only the installed `medbal` (and the system's tools) on it."""
    work = tmp_path_factory.mktemp(f"tool-{request.param}")
    env = {k: v for k, v in os.environ.items() if not k.startswith(("MEDBAL_", "VIRTUAL_ENV"))}
    # The tests keep medbal's cache under their own XDG_CACHE_HOME; uv's is the user's.
    env.pop("XDG_CACHE_HOME", None)
    env.setdefault("UV_CACHE_DIR", _uv("cache", "dir", env=env).stdout.strip())
    env.update(UV_TOOL_DIR=str(work / "tools"), UV_TOOL_BIN_DIR=str(work / "bin"))
    source = "."  # `uv tool install .` in the clone, as the README says
    if request.param == "wheel":  # `uv build`, then `uv tool install dist/medbal-*.whl`
        built = _uv("build", "--wheel", "--offline", "--out-dir", str(work / "dist"), env=env)
        if built.returncode:
            pytest.skip(f"uv cannot build offline here: {built.stderr.strip()[-300:]}")
        (wheel,) = (work / "dist").glob("medbal-*.whl")
        source = str(wheel)
    done = _uv("tool", "install", "--offline", "--python", sys.executable, source, env=env)
    said = done.stderr.lower()
    if done.returncode and ("offline" in said or "network was disabled" in said):
        # uv's cache lacks a dependency (a machine whose `uv sync` read the lock without
        # the index): installed from the package index, as a person's first install is.
        done = _uv("tool", "install", "--python", sys.executable, source, env=env)
        if done.returncode and "network" in done.stderr.lower():
            pytest.skip(f"no cache and no index here: {done.stderr.strip()[-300:]}")
    assert done.returncode == 0, done.stderr
    env["PATH"] = f"{work / 'bin'}{os.pathsep}/usr/bin{os.pathsep}/bin"
    env["XDG_CACHE_HOME"] = os.environ["XDG_CACHE_HOME"]  # medbal's: this run's, not home
    elsewhere = work / "elsewhere"
    elsewhere.mkdir()
    return env, elsewhere


def _sh(command: str, env: dict[str, str], cwd) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        ["sh", "-c", command], env=env, cwd=cwd, capture_output=True, text=True, timeout=120
    )


def test_the_installed_medbal_is_on_the_path(on_path):
    env, elsewhere = on_path
    version = _sh("medbal --version", env, elsewhere)
    assert version.returncode == 0 and version.stdout.startswith("medbal ")
    docs = _sh("medbal docs 3", env, elsewhere)
    assert docs.returncode == 0, docs.stderr
    assert docs.stdout.startswith("Category 3 · short-trip\n")
    assert "Short trips: business, family visits, tourism" in docs.stdout


def test_the_command_offered_at_the_end_runs_as_shown(on_path):
    env, elsewhere = on_path
    asked = _sh(
        "medbal claim -a where=home -a settle-problem=emergency --lang zh -f json", env, elsewhere
    )
    assert asked.returncode == 0, asked.stderr
    view = json.loads(asked.stdout)
    # The line the session shows under "the same result as one command", run by a shell.
    again = _sh(view["command"] + " --format json", env, elsewhere)
    assert again.returncode == 0, again.stderr
    assert json.loads(again.stdout)["outcome"] == view["outcome"]
    assert view["command"].startswith("medbal diagnose which-category --lang zh --answer ")
