"""Encodings, pipes and failing writes, through a real process: degrade, never crash."""

import json
import os
import re
import subprocess
import sys

import pytest

from support import ROOT


def medbal(
    *args: str, encoding: str | None = None, lang: str | None = None, stdin: str = ""
) -> subprocess.CompletedProcess:
    env = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith(
            ("MEDBAL_", "LC_", "LANG", "PYTHONIOENCODING", "NO_COLOR", "FORCE_COLOR")
        )
    }
    if encoding:
        env["PYTHONIOENCODING"] = encoding
    if lang:
        env["LANG"] = lang
    return subprocess.run(
        [sys.executable, "-m", "medbal", *args],
        capture_output=True,
        input=stdin.encode(),
        env=env,
        cwd=ROOT,
        timeout=60,
    )


@pytest.mark.parametrize("encoding", ["gbk", "cp1252", "ascii"])
def test_text_degrades_in_narrow_encodings(encoding):
    out = medbal("docs", "3", "--lang", "zh", encoding=encoding)
    assert out.returncode == 0
    warning = out.stderr.decode(encoding).splitlines()
    if encoding == "gbk":
        assert warning == []
    else:  # one line says so, in a language the terminal can show
        assert len(warning) == 1 and warning[0].startswith(
            f"medbal: this terminal's encoding ({encoding})"
        )
    text = out.stdout.decode(encoding)
    assert "[ ]" in text
    if encoding == "gbk":
        assert "出差、探亲、旅游等短期外出" in text  # GBK has the Han characters
    else:
        assert "?" in text and "12393" in text  # what cannot be shown becomes '?'


@pytest.mark.parametrize("encoding", ["gbk", "cp1252", "ascii"])
def test_json_stays_valid_and_complete_in_narrow_encodings(encoding):
    out = medbal("diagnose", "-a", "scheme=yearly", "-f", "json", "--lang", "zh", encoding=encoding)
    assert out.returncode == 0
    data = json.loads(out.stdout.decode(encoding))
    assert data["outcome"]["title"] == "居民医保本来就没有个人账户"


def test_lang_c_locale():
    out = medbal("diagnose", "-a", "scheme=yearly", lang="C", encoding="ascii")
    assert out.returncode == 0 and b"Residents' insurance" in out.stdout


def test_piped_text_is_not_hard_wrapped():
    out = medbal("docs", "3").stdout.decode()
    long = (
        "  [ ] Proof of the trip (business-trip or family-visit certificate, travel "
        "contract, real-name air or other tickets)"
    )
    assert long in out.splitlines()


def test_a_closed_pipe_ends_quietly():
    proc = subprocess.run(
        f"{sys.executable} -m medbal docs --all --format html | head -c 10",
        shell=True,
        capture_output=True,
        cwd=ROOT,
        timeout=60,
    )
    assert proc.stdout == b"<!DOCTYPE "
    assert proc.stderr == b""


def test_closed_stdin_never_hangs():
    out = medbal("diagnose", stdin="")
    assert out.returncode == 3 and b"Traceback" not in out.stderr


def test_broken_tree_is_one_line_per_problem_and_exit_1(tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_bytes(b"kind: decision-tree\nid: x\n  title: [\n")
    out = medbal("diagnose", str(bad))
    assert out.returncode == 1
    lines = out.stderr.decode().strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith(f"{bad}:3:")


@pytest.mark.parametrize(
    "args",
    [
        ("docs", "--all"),
        ("--help",),
        ("docs", "--help"),
        ("diagnose", "-a", "scheme=yearly", "-f", "json"),
    ],
)
def test_a_full_stdout_is_one_line_and_exit_1(args):
    with open("/dev/full", "w") as full:
        out = subprocess.run(
            [sys.executable, "-m", "medbal", *args],
            stdout=full,
            stderr=subprocess.PIPE,
            cwd=ROOT,
            timeout=60,
        )
    assert out.returncode == 1
    assert out.stderr.decode().splitlines() == [
        "medbal: cannot write to standard output: No space left on device"
    ]


@pytest.mark.parametrize("args", [("docs", "1"), ("--help",)])
def test_a_closed_stdout_is_one_line_and_exit_1(args):
    out = subprocess.run(
        f"{sys.executable} -m medbal {' '.join(args)} >&-",
        shell=True,
        stderr=subprocess.PIPE,
        cwd=ROOT,
        timeout=60,
    )
    assert out.returncode == 1
    assert out.stderr.decode().splitlines() == [
        "medbal: cannot write to standard output: Bad file descriptor"
    ]


@pytest.mark.parametrize(
    "args",
    [("docs", "--all", "--format", "html"), ("--help",), ("diagnose", "-a", "scheme=yearly")],
)
def test_a_reader_that_left_before_the_first_byte_is_exit_0_and_quiet(args):
    # The read end is closed before medbal has started, so every write meets EPIPE.
    proc = subprocess.Popen(
        [sys.executable, "-m", "medbal", *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        cwd=ROOT,
    )
    proc.stdout.close()
    _, err = proc.communicate(timeout=60)
    assert proc.returncode == 0 and err == b""


def test_unwritable_folder_leaves_nothing(monkeypatch, tmp_path):
    """As root nothing is read-only, so the refusal is simulated where the OS gives it."""
    from medbal.core.errors import OutputError
    from medbal.files import write as output

    def refuse(*args, **kwargs):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(os, "open", refuse)  # where the temporary file is made
    with pytest.raises(OutputError) as caught:
        output.write_atomic(str(tmp_path / "c.txt"), "text")
    # The error carries data; medbal.i18n words it (medbal.api and the CLI load it).
    from medbal.i18n.catalogue import phrase_text

    assert re.fullmatch(
        "cannot write '.*c.txt': Permission denied", phrase_text(caught.value.phrase, "en")
    )
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("args", [["--help"], ["diagnose", "--help"], ["docs", "--help"]])
def test_help_loads_no_tree_and_no_rich(args):
    out = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "medbal", *args],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=60,
    )
    assert out.returncode == 0
    assert ("Example: medbal" if len(args) == 2 else "Commands:") in out.stdout
    imported = {line.split("|")[-1].strip() for line in out.stderr.splitlines()}
    assert "medbal.files.loader" not in imported and "yaml" not in imported
    assert "rich" not in imported


def test_json_output_never_imports_rich():
    out = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "medbal", "docs", "--all", "--format", "json"],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=60,
    )
    imported = {line.split("|")[-1].strip() for line in out.stderr.splitlines()}
    assert out.returncode == 0 and "medbal.files.readtree" in imported
    assert not any(name == "rich" or name.startswith("rich.") for name in imported)


def test_an_unchanged_tree_is_not_parsed_again(tmp_path):
    # The second one-shot call takes the checked trees from the cache: no PyYAML at all.
    env = {**os.environ, "XDG_CACHE_HOME": str(tmp_path)}
    command = [
        sys.executable,
        "-X",
        "importtime",
        "-m",
        "medbal",
        "diagnose",
        "-a",
        "scheme=yearly",
        "--format",
        "json",
    ]
    runs = [
        subprocess.run(command, capture_output=True, text=True, cwd=ROOT, env=env, timeout=60)
        for _ in range(2)
    ]
    imported = [{line.split("|")[-1].strip() for line in r.stderr.splitlines()} for r in runs]
    assert [r.returncode for r in runs] == [0, 0] and runs[0].stdout == runs[1].stdout
    assert "yaml" in imported[0] and "yaml" not in imported[1]
    assert "medbal.files.loader" not in imported[1]


def _complete(words: str, cword: int) -> subprocess.CompletedProcess:
    """Ask the installed `medbal` script for bash completions, as the shell does."""
    script = os.path.join(os.path.dirname(sys.executable), "medbal")
    env = {
        **os.environ,
        "_MEDBAL_COMPLETE": "complete_bash",
        "COMP_WORDS": words,
        "COMP_CWORD": str(cword),
        "PYTHONPROFILEIMPORTTIME": "1",
    }
    return subprocess.run([script], env=env, capture_output=True, text=True, cwd=ROOT, timeout=60)


def test_shell_completion_offers_category_slugs():
    out = _complete("medbal docs s", 2)
    assert out.stdout.split() == ["short-trip", "system-failure", "status-change"]


def test_completing_a_command_loads_no_tree():
    out = _complete("medbal d", 1)
    assert out.stdout.split() == ["diagnose", "docs"]
    imported = {line.split("|")[-1].strip() for line in out.stderr.splitlines()}
    assert "medbal.files.loader" not in imported and "yaml" not in imported


def test_an_error_envelope_never_follows_a_result_on_stdout(monkeypatch):
    """With --format json, an error writes its envelope on stdout, unless a result is
    there already (an interruption after it): a second document would break a reader."""
    import io

    from medbal.present import output
    from medbal.process import Guard

    for result_first in (False, True):
        out, err = io.StringIO(), io.StringIO()
        monkeypatch.setattr(sys, "stdout", Guard(out, "stdout", "en"))
        monkeypatch.setattr(sys, "stderr", err)
        if result_first:
            output.write_json({"status": "outcome"})
        assert output.report("it broke", "en", 2, as_json=True) == 2
        assert err.getvalue() == "medbal: it broke\n"
        expected = (
            {"status": "outcome"}
            if result_first
            else {
                "status": "error",
                "error": {"code": 2, "message": "it broke"},
            }
        )
        assert json.loads(out.getvalue()) == expected


def test_a_message_is_one_line_whatever_its_values_hold(monkeypatch):
    import io

    from medbal.present import output

    err = io.StringIO()
    monkeypatch.setattr(sys, "stderr", err)
    output.report("a\nb\x1b[2J\u202ec\ud800", "en", 1)
    assert err.getvalue() == "medbal: a\\nb\\x1b[2J\\u202ec\\ud800\n"


class _Unwritable:
    """A stream Python broke, as a signal inside its reconfigure leaves it (no encoder),
    on a descriptor that still works."""

    encoding = "utf-8"

    def write(self, text: str) -> int:
        import io

        raise io.UnsupportedOperation("not writable")

    def flush(self) -> None:
        pass


def test_the_one_line_reaches_stderr_when_only_the_stream_is_broken(monkeypatch, capfd):
    from medbal.core.errors import Phrase
    from medbal.present import output

    monkeypatch.setattr(sys, "stderr", _Unwritable())
    assert output.report(Phrase("terminated"), "en", 143) == 143
    assert capfd.readouterr().err == "medbal: terminated.\n"
