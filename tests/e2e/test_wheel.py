"""The built wheel carries trees/ and works from another directory, in a fresh venv."""

import json
import os
import shutil
import subprocess
import sys
import zipfile

import pytest

from support import ROOT

# `uv run` names itself in $UV; a uv installed by pip may not be on PATH (.ci/run).
UV = os.environ.get("UV") or shutil.which("uv")
pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(UV is None, reason="uv is needed to build the wheel"),
]


@pytest.fixture(scope="module")
def installed(tmp_path_factory):
    work = tmp_path_factory.mktemp("wheel")
    dist = work / "dist"
    subprocess.run(
        [str(UV), "build", "--wheel", "--out-dir", str(dist), str(ROOT)],
        check=True,
        capture_output=True,
        timeout=300,
    )
    (wheel,) = dist.glob("medbal-*.whl")
    venv = work / "venv"
    subprocess.run(
        [str(UV), "venv", "--python", sys.executable, str(venv)],
        check=True,
        capture_output=True,
        timeout=120,
    )
    subprocess.run(
        [str(UV), "pip", "install", "--python", str(venv / "bin" / "python"), str(wheel)],
        check=True,
        capture_output=True,
        timeout=300,
    )
    return wheel, venv / "bin" / "medbal", work


def test_wheel_contains_the_trees(installed):
    wheel, _, _ = installed
    names = zipfile.ZipFile(wheel).namelist()
    for tree in (ROOT / "trees").glob("*.yaml"):
        assert f"medbal/_trees/{tree.name}" in names


def test_installed_medbal_runs_from_another_directory(installed):
    _, medbal, work = installed
    elsewhere = work / "elsewhere"
    elsewhere.mkdir()
    env = {k: v for k, v in os.environ.items() if not k.startswith("MEDBAL_")}
    out = subprocess.run(
        [str(medbal), "diagnose", "-a", "scheme=yearly", "-f", "json"],
        cwd=elsewhere,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert out.returncode == 0, out.stderr
    assert json.loads(out.stdout)["outcome"]["id"] == "residents-scheme"
    out = subprocess.run(
        [str(medbal), "docs", "11", "--lang", "zh"],
        cwd=elsewhere,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert out.returncode == 0 and "出生医学证明" in out.stdout
    # It found the packaged copy, not this checkout's trees/.
    out = subprocess.run(
        [
            str(medbal.parent / "python"),
            "-c",
            "from medbal.files.registry import shipped_dir; print(shipped_dir())",
        ],
        cwd=elsewhere,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert out.stdout.strip().endswith("site-packages/medbal/_trees")


def test_installed_medbal_writes_the_page(installed):
    wheel, medbal, work = installed
    names = zipfile.ZipFile(wheel).namelist()
    for asset in ("page.js", "page.css"):
        assert f"medbal/present/page_assets/{asset}" in names
    out = subprocess.run(
        [str(medbal), "page", "card", "--output", str(work / "card.html")],
        cwd=work,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert out.returncode == 0, out.stderr
    html = (work / "card.html").read_text(encoding="utf-8")
    assert "function walk(tree, answers)" in html and "@media print" in html
