"""`--batch`: many cases through one process, the same envelopes as one-shot calls."""

import datetime
import json
import re
import select
import subprocess
import sys
from typing import Any

import pytest

import medbal.commands.batch
from medbal.core.engine import all_paths, walk
from medbal.files.registry import CHECKLISTS_ID, RATES_ID, available_ids, checklists_for, load_tree
from medbal.present.views import diagnose_view

from support import ROOT, medbal_env, replay

SHIPPED = [t for t in available_ids(None) if t not in (CHECKLISTS_ID, RATES_ID)]


def cases(tree_id: str) -> list[dict[str, str]]:
    """The answers of every path of a tree and of every step on the way (needs-answer)."""
    tree = load_tree(tree_id, None)
    seen: dict[tuple, dict[str, str]] = {}
    for path, _ in all_paths(tree):
        for k in range(len(path) + 1):
            answers = replay(path[:k])
            seen.setdefault(tuple(answers.items()), answers)
    return list(seen.values())


def lines(*objects: object) -> str:
    return "".join(json.dumps(o, ensure_ascii=False) + "\n" for o in objects)


def envelopes(stdout: str) -> list[dict]:
    return [json.loads(line) for line in stdout.splitlines()]


def test_shipped_trees_are_found():
    assert "zero-balance" in SHIPPED and "which-category" in SHIPPED and len(SHIPPED) >= 3


@pytest.fixture
def load_once(monkeypatch):
    """Hundreds of one-shot calls, each building the Click command and parsing the YAML
    again: both are cached here, since what is compared is the envelope."""
    import functools

    import typer.testing

    import medbal.files.readtree

    monkeypatch.setattr(
        medbal.files.readtree,
        "load_file",
        functools.lru_cache(maxsize=None)(medbal.files.readtree.load_file),
    )
    monkeypatch.setattr(
        typer.testing,
        "_get_command",
        functools.lru_cache(maxsize=None)(getattr(typer.testing, "_get_command")),  # noqa: B009
    )


@pytest.mark.parametrize("tree_id", SHIPPED)
def test_every_path_gives_the_one_shot_envelope(run, tree_id, load_once):
    todo = cases(tree_id)
    langs = ["en", "zh"]
    batch_in = [
        {"tree": tree_id, "answers": a, "lang": lang, "id": f"{lang}-{i}"}
        for i, a in enumerate(todo)
        for lang in langs
    ]
    result = run("diagnose", "--batch", "-", input=lines(*batch_in))
    assert result.exit_code == 0, result.stderr
    got = envelopes(result.stdout)
    assert [g["id"] for g in got] == [c["id"] for c in batch_in]
    statuses = set()
    for case, envelope in zip(batch_in, got, strict=True):
        args = [f"--answer={q}={v}" for q, v in case["answers"].items()]
        one = run("diagnose", tree_id, *args, "--format", "json", "--lang", case["lang"])
        assert one.exit_code in (0, 3), one.stderr
        expected = json.loads(one.stdout)
        assert envelope.pop("id") == case["id"]
        assert envelope == expected
        assert (one.exit_code == 3) == (envelope["status"] == "needs-answer")
        statuses.add(envelope["status"])
    assert statuses == {"outcome", "needs-answer"}


def test_claim_batch_defaults_to_the_category_finder(run):
    tree = load_tree("which-category", None)
    path, outcome = all_paths(tree)[0]
    answers = replay(path)
    result = run("claim", "--batch", "-", "--lang", "zh", input=lines({"answers": answers}))
    assert result.exit_code == 0
    [envelope] = envelopes(result.stdout)
    assert envelope["tree"] == "which-category" and envelope["lang"] == "zh"
    assert envelope["outcome"]["id"] == outcome.id and envelope["id"] is None
    one = run("claim", *[f"-a{q}={v}" for q, v in answers.items()], "-f", "json", "-l", "zh")
    assert json.loads(one.stdout) == {k: v for k, v in envelope.items() if k != "id"}


def test_a_bad_line_among_good_ones_never_stops_the_batch(run):
    text = (
        lines({"answers": {"scheme": "yearly"}, "id": "first"})
        + "this is not json\n"
        + "\n   \n"  # blank lines are skipped
        + lines(
            {"answers": {"colour": "blue"}, "id": 7},
            {"answers": {"scheme": "yearly"}, "id": "zh", "lang": "zh"},
            [1, 2],
            {"answer": {}},
            {"answers": {"scheme": 1}},
            {"lang": "fr"},
            {"tree": "nosuch", "id": "t"},
            {"tree": "reimbursement"},
            {"answers": {"scheme": "perhaps"}, "lang": "zh", "id": "z"},
        )
        + lines({"answers": {}, "id": "last"})
    )
    result = run("diagnose", "--batch", "-", input=text)
    assert result.exit_code == 0 and result.stderr == ""
    got = envelopes(result.stdout)
    assert len(got) == 12
    assert got[0]["status"] == "outcome" and got[0]["id"] == "first"
    errors = got[1:3] + got[4:11]
    assert all(e["status"] == "error" and e["error"]["code"] == 2 for e in errors), errors
    assert all(set(e) == {"status", "error", "id"} for e in errors)
    assert got[1]["id"] is None and "not JSON" in got[1]["error"]["message"]
    assert got[2]["id"] == 7 and "no question 'colour'" in got[2]["error"]["message"]
    assert got[3]["status"] == "outcome" and got[3]["lang"] == "zh" and got[3]["id"] == "zh"
    assert got[4]["id"] is None and "JSON object" in got[4]["error"]["message"]
    assert "unknown key 'answer'; did you mean 'answers'?" in got[5]["error"]["message"]
    assert "'answers' should be" in got[6]["error"]["message"]
    assert "'lang'" in got[7]["error"]["message"]
    assert got[8]["id"] == "t" and "no tree named 'nosuch'" in got[8]["error"]["message"]
    assert "not a decision tree" in got[9]["error"]["message"]
    asked = "“perhaps”不是问题“您的医保是怎么缴费的？”（scheme）的答案"
    assert got[10]["id"] == "z" and asked in got[10]["error"]["message"]
    assert got[11]["status"] == "needs-answer" and got[11]["id"] == "last"


def test_a_line_that_is_not_utf8_gets_an_error(tmp_path, run):
    path = tmp_path / "cases.jsonl"
    path.write_bytes(b'{"id": 1}\n\xff\xfe\n{"id": 3}\n')
    result = run("diagnose", "--batch", str(path), "--lang", "zh")
    got = envelopes(result.stdout)
    assert result.exit_code == 0 and [g["id"] for g in got] == [1, None, 3]
    assert got[1]["error"]["message"] == "这一行不是 UTF-8 编码的文本"


def test_a_line_too_long_is_skipped_with_an_error(run, monkeypatch):
    monkeypatch.setattr(medbal.commands.batch, "MAX_LINE", 64)
    long = json.dumps({"id": "x" * 200})
    result = run(
        "diagnose", "--batch", "-", input=lines({"id": 1}) + long + "\n" + lines({"id": 3})
    )
    got = envelopes(result.stdout)
    assert [g["id"] for g in got] == [1, None, 3]
    assert "longer than 64 bytes" in got[1]["error"]["message"]


def test_a_broken_tree_in_the_overlay_is_code_1_on_its_lines(run, write, tmp_path):
    write("overlay/broken.yaml", "kind: decision-tree\nid: [\n")
    result = run(
        "diagnose",
        "--batch",
        "-",
        "--trees",
        str(tmp_path / "overlay"),
        input=lines({"tree": "broken", "id": 1}, {"id": 2}),
    )
    first, second = envelopes(result.stdout)
    assert first["error"]["code"] == 1 and "broken.yaml:" in first["error"]["message"]
    assert second["status"] == "needs-answer"


@pytest.mark.parametrize("name", ["/etc/passwd", "../trees/card.yaml", "card.yaml"])
def test_a_line_names_a_tree_by_id_never_a_path(run, name):
    result = run("diagnose", "--batch", "-", input=lines({"tree": name, "id": 1}))
    (got,) = envelopes(result.stdout)
    assert got["status"] == "error" and got["error"]["code"] == 2
    assert "passwd" not in got["error"]["message"] or "root:" not in got["error"]["message"]


@pytest.mark.parametrize(
    "line", ['{"id": NaN}', '{"id": Infinity}', '{"id": 1e400}', '{"id": -Infinity}']
)
def test_numbers_json_does_not_have_are_refused(run, line):
    result = run("diagnose", "--batch", "-", input=line + "\n")

    def strict(name):
        raise AssertionError(f"{name} in the output")

    (got,) = [json.loads(x, parse_constant=strict) for x in result.stdout.splitlines()]
    assert got["status"] == "error" and got["id"] is None
    number = line.split(": ")[1].rstrip("}")
    zh = run("diagnose", "--batch", "-", "--lang", "zh", input=line + "\n")
    message = json.loads(zh.stdout)["error"]["message"]
    assert message.startswith(f"这一行不是有效的 JSON（{number} ") and "JSON 数值" in message


def test_a_device_as_batch_input_is_refused_at_once(run):
    result = run("diagnose", "--batch", "/dev/zero")
    assert result.exit_code == 1 and "a device" in result.stderr
    zh = run("diagnose", "--batch", "/dev/zero", "--lang", "zh")
    assert zh.exit_code == 1 and "这是设备，不是文件或管道" in zh.stderr


def test_trees_are_loaded_once_per_process(monkeypatch):
    import medbal.files.registry
    from medbal import api

    calls: list[str] = []

    def counting(name, overlay):
        calls.append(name)
        return load_tree(name, overlay)

    monkeypatch.setattr(medbal.files.registry, "load_tree", counting)
    lines = [
        json.dumps({"tree": SHIPPED[i % len(SHIPPED)], "lang": ["en", "zh"][i % 2], "id": i})
        for i in range(60)
    ]
    got = list(api.diagnose_many([*lines, *[b'{"tree": "nosuch"}'] * 3], "zero-balance", "en"))
    assert [g["id"] for g in got[:60]] == list(range(60))
    assert [g["status"] for g in got[60:]] == ["error"] * 3
    assert sorted(calls) == sorted(SHIPPED + ["nosuch"])


def test_unreadable_input_exits_1(run, tmp_path):
    result = run("diagnose", "--batch", str(tmp_path / "missing.jsonl"))
    assert result.exit_code == 1 and result.stdout == ""
    assert result.stderr.startswith("medbal: --batch") and "cannot be read" in result.stderr
    result = run("claim", "--batch", str(tmp_path), "--lang", "zh")
    assert result.exit_code == 1 and "无法读取 --batch" in result.stderr


@pytest.mark.parametrize(
    "extra, word",
    [
        (["--answer", "scheme=yearly"], "--answer"),
        (["--answers-file", "a.yaml"], "--answers-file"),
        (["--output", "out.json"], "--output"),
        (["--format", "text"], "--format"),
        (["--format", "html"], "--format"),
    ],
)
def test_options_batch_cannot_honour_exit_2(run, extra, word):
    for command in ("diagnose", "claim"):
        result = run(command, "--batch", "-", *extra, input=lines({"id": 1}))
        assert result.exit_code == 2 and result.stdout == ""
        assert result.stderr.startswith("medbal: --batch") and word in result.stderr


def test_format_json_and_a_default_tree_are_accepted(run):
    result = run(
        "diagnose",
        "card",
        "--batch",
        "-",
        "--format",
        "json",
        "--no-input",
        input=lines({"id": 1}, {"id": 2, "tree": "zero-balance"}),
    )
    assert result.exit_code == 0
    assert [e["tree"] for e in envelopes(result.stdout)] == ["card", "zero-balance"]


def test_an_unknown_default_tree_is_a_usage_error(run):
    result = run("diagnose", "nosuch", "--batch", "-", input=lines({"id": 1}))
    assert result.exit_code == 2 and "no tree named 'nosuch'" in result.stderr


def _read_line(proc: subprocess.Popen, timeout: float = 60) -> str:
    assert proc.stdout is not None
    ready, _, _ = select.select([proc.stdout], [], [], timeout)
    assert ready, "no answer line before the timeout: is the batch waiting for EOF?"
    return proc.stdout.readline()


def test_a_held_session_answers_each_line_before_stdin_closes():
    proc = subprocess.Popen(
        [sys.executable, "-m", "medbal", "diagnose", "--batch", "-"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        encoding="utf-8",
        cwd=ROOT,
        env=medbal_env(PYTHONIOENCODING="utf-8"),
        bufsize=1,
    )
    try:
        proc.stdin.write(lines({"id": "q1"}))
        proc.stdin.flush()
        first = json.loads(_read_line(proc))
        assert first["id"] == "q1" and first["status"] == "needs-answer"
        qid = first["question"]["id"]
        value = first["question"]["options"][0]["value"]
        proc.stdin.write(lines({"id": "q2", "answers": {qid: value}, "lang": "zh"}))
        proc.stdin.flush()
        second = json.loads(_read_line(proc))
        assert second["id"] == "q2" and second["lang"] == "zh"
        assert [(a["question"], a["value"]) for a in second["answers"]] == [(qid, value)]
        proc.stdin.close()
        assert proc.wait(timeout=60) == 0
        assert proc.stdout.read() == "" and proc.stderr.read() == ""
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()


def test_two_thousand_cases_in_one_process(tmp_path):
    """Every output line matches the engine's envelope; the timing is in benchmarks/."""
    todo = [(t, a) for t in SHIPPED for a in cases(t)]
    batch_in: list[dict[str, Any]] = [
        {
            "tree": todo[i % len(todo)][0],
            "answers": todo[i % len(todo)][1],
            "lang": ["en", "zh"][i % 2],
            "id": i,
        }
        for i in range(2000)
    ]
    path = tmp_path / "cases.jsonl"
    path.write_text(lines(*batch_in), encoding="utf-8")
    # The process reads its clock (a due date passed or to come): the day before and after
    # it ran, which are the same day but at midnight.
    before = datetime.date.today()
    out = subprocess.run(
        [sys.executable, "-m", "medbal", "diagnose", "--batch", str(path)],
        capture_output=True,
        text=True,
        encoding="utf-8",
        cwd=ROOT,
        env=medbal_env(PYTHONIOENCODING="utf-8"),
        timeout=120,
    )
    days = {before, datetime.date.today()}
    assert out.returncode == 0 and out.stderr == ""
    got = envelopes(out.stdout)
    assert len(got) == 2000
    loaded = {t: load_tree(t, None) for t in SHIPPED}
    lists = {t: checklists_for(tree, None) for t, tree in loaded.items()}
    for case, envelope in zip(batch_in, got, strict=True):
        result = walk(loaded[case["tree"]], case["answers"])
        expected = [
            diagnose_view(result, case["lang"], lists[case["tree"]], case["tree"], day)
            for day in days
        ]
        assert {**envelope, "id": None} in [{**e, "id": None} for e in expected]
        assert envelope["id"] == case["id"]


def test_ascii_stdout_gets_escapes_and_stays_whole():
    out = subprocess.run(
        [sys.executable, "-m", "medbal", "diagnose", "--batch", "-"],
        input=lines({"lang": "zh", "id": "中"}).encode(),
        capture_output=True,
        cwd=ROOT,
        env=medbal_env(PYTHONIOENCODING="ascii"),
        timeout=60,
    )
    assert out.returncode == 0
    text = out.stdout.decode("ascii")
    assert "\\u" in text and json.loads(text)["id"] == "中"


def test_answers_file_from_stdin(run):
    result = run(
        "diagnose", "--answers-file", "-", "--format", "json", input='{"scheme": "yearly"}'
    )
    assert result.exit_code == 0, result.stderr
    answers = json.loads(result.stdout)["answers"]
    assert [(a["question"], a["value"]) for a in answers] == [("scheme", "yearly")]
    # YAML too, and --answer still wins over the file
    result = run(
        "diagnose",
        "--answers-file",
        "-",
        "-a",
        "scheme=yearly",
        "-f",
        "json",
        input="scheme: employer\nrecord: stopped\n",
    )
    assert json.loads(result.stdout)["dropped"] == [{"question": "record", "value": "stopped"}]
    result = run("claim", "--answers-file", "-", input="where: [\n")
    assert result.exit_code == 2 and result.stderr.startswith("medbal: <stdin>:2:")
    result = run("diagnose", "--answers-file", "-", input="x" * (1024 * 1024 + 5))
    assert result.exit_code == 2 and "is too large" in result.stderr


def test_answers_file_from_stdin_never_prompts(run, monkeypatch):
    import medbal.present.tty

    monkeypatch.setattr(medbal.present.tty, "stdin_is_terminal", lambda: True)
    from medbal.core.engine import walk
    from medbal.files.registry import load_tree

    after = walk(load_tree("zero-balance", None), {"scheme": "employer"}).question
    result = run("diagnose", "--answers-file", "-", input="scheme: employer\n")
    assert result.exit_code == 3  # one-shot: the answers came on stdin, not from a person
    assert f"--answer {after.id}=" in result.stdout


# --- hard to break, round 3 (the numbers are the issue's) ------------------------------


def test_a_deeply_nested_id_is_an_input_error_not_a_bug(run):
    """5: an id nested 2,000 levels is refused as input (code 2), not "please report it"."""
    deep = '{"id": ' + "[" * 2000 + "]" * 2000 + "}"
    for lang, words in (("en", "more than 64 levels deep"), ("zh", "嵌套超过了 64 层")):
        result = run(
            "diagnose", "--batch", "-", "--lang", lang, input=deep + "\n" + lines({"id": 2})
        )
        first, second = envelopes(result.stdout)
        assert first["error"]["code"] == 2 and words in first["error"]["message"]
        assert "report" not in first["error"]["message"] and second["id"] == 2
    # Brackets inside a string are text, not nesting.
    (ok,) = envelopes(run("diagnose", "--batch", "-", input=lines({"id": "[" * 500})).stdout)
    assert ok["status"] == "needs-answer" and ok["id"] == "[" * 500


def test_failures_kept_per_tree_name_are_bounded():
    """11: 200,000 distinct unknown trees must not fill the memory; each is still answered."""
    from medbal.api import batch, shelf

    cases = ({"tree": f"nosuch-{i}", "id": i} for i in range(3 * shelf.MAX_FAILURES))
    loader = shelf.Shelf(None)
    for i, case in enumerate(cases):
        envelope = batch._envelope(case, "zero-balance", "en", loader, datetime.date.today())
        assert envelope["id"] == i and "no tree named" in envelope["error"]["message"]
    assert len(loader._failed) == shelf.MAX_FAILURES
    assert len(loader._loaded) == 0


@pytest.mark.parametrize(
    "line, en, zh",
    [
        (
            '{"id": 1, "answers": {"a": "b\x01"}}',
            "column 30: a control character",
            "第 30 列：字符串中有控制字符",
        ),
        ('{"id": 1', "column 9: a comma is expected", "第 9 列：此处应为逗号"),
        ('{"id" 1}', "column 7: a colon is expected", "第 7 列：此处应为冒号"),
        ("{'id': 1}", "column 2: a key in double quotes", "第 2 列：此处应为带双引号的键"),
        ('{"id": "x}', "a string is not closed", "字符串没有结束"),
        ('{"id": 1} 2', "more text after the object", "对象后面还有多余的内容"),
    ],
)
def test_a_json_error_is_told_in_the_lines_language(run, line, en, zh):
    """22: the decoder's English never reaches a Chinese message."""
    for lang, words in (("en", en), ("zh", zh)):
        (got,) = envelopes(
            run("diagnose", "--batch", "-", "--lang", lang, input=line + "\n").stdout
        )
        message = got["error"]["message"]
        assert got["error"]["code"] == 2 and words in message, message
        assert lang == "en" or not re.search("[A-Za-z]{4,}", message.replace("JSON", "")), message


def test_a_huge_number_is_too_large_not_advice_about_python(run):
    """22 and 27: a 5,000-digit id is refused as too large, in the line's language."""
    line = '{"id": ' + "7" * 5000 + "}\n"
    for lang, words in (("en", "is too large for a JSON number"), ("zh", "超出了 JSON 数值的范围")):
        (got,) = envelopes(run("diagnose", "--batch", "-", "--lang", lang, input=line).stdout)
        message = got["error"]["message"]
        assert words in message and "sys." not in message and len(message) < 200


def test_a_lone_surrogate_is_refused_and_every_line_stays_readable(run):
    """25: half of a surrogate pair is never echoed: a strict reader (jq) reads every line."""
    text = (
        '{"id": "\\ud800", "answers": {"scheme": "yearly"}}\n'
        '{"id": 2, "answers": {"scheme": "\\udfff"}}\n'
        '{"id": "\\ud83d\\ude00"}\n' + lines({"id": 4})  # a real pair: one character, echoed
    )
    result = run("diagnose", "--batch", "-", input=text)
    raw = result.stdout.splitlines()
    assert len(raw) == 4
    for line in raw:  # every line is valid UTF-8 JSON without a lone surrogate, raw or escaped
        line.encode("utf-8")
        assert not re.search(r"(?<!\\)\\u[dD][89a-fA-F]", line), line
    got = [json.loads(line) for line in raw]
    assert [g["id"] for g in got] == [None, None, "😀", 4]
    assert "\\ud800" in got[0]["error"]["message"] and "\\udfff" in got[1]["error"]["message"]


@pytest.mark.parametrize(
    "line, key",
    [
        ('{"id": 1, "id": 2}', "id"),
        ('{"answers": {"scheme": "yearly", "scheme": "employer"}}', "scheme"),
        ('{"id": {"a": 1, "a": 2}}', "a"),
    ],
)
def test_a_key_given_twice_is_refused_as_the_answers_file_does(run, line, key):
    """26: not silently last-wins."""
    (got,) = envelopes(run("diagnose", "--batch", "-", input=line + "\n").stdout)
    assert got["status"] == "error" and got["error"]["code"] == 2
    assert f"the key '{key}' is given twice" in got["error"]["message"]
    zh = run("diagnose", "--batch", "-", "--lang", "zh", input=line + "\n")
    assert f"键“{key}”出现了两次" in envelopes(zh.stdout)[0]["error"]["message"]


@pytest.mark.parametrize("id_text", ["1", "-7", "0", "2.5", "1e-07", "100.0", '"1E2"', "[1, 2.5]"])
def test_an_id_comes_back_exactly_as_written(run, id_text):
    """27: echoed as given, the same JSON text."""
    result = run("diagnose", "--batch", "-", input='{"id": ' + id_text + "}\n")
    assert result.stdout.rstrip("\n").endswith('"id": ' + id_text + "}")


@pytest.mark.parametrize(
    "number, written", [("1E2", "100.0"), ("1.50", "1.5"), ("-0", "0"), ("1e5", "100000.0")]
)
def test_a_number_json_would_write_otherwise_is_refused(run, number, written):
    """27: what cannot be echoed exactly is refused, saying how to write it."""
    (got,) = envelopes(run("diagnose", "--batch", "-", input='{"id": ' + number + "}\n").stdout)
    assert got["error"]["code"] == 2 and got["id"] is None
    assert got["error"]["message"] == (
        f"the number {number} would come back as {written}; write it as {written}, or as a string"
    )


def test_the_api_takes_mappings_and_lines_alike():
    from medbal import api

    cases: list[Any] = [
        {"answers": {"scheme": "yearly"}, "id": "a"},
        '{"answers": {"scheme": "yearly"}, "id": "b"}',
        b'{"id": "c", "lang": "zh"}',
    ]
    got = list(api.diagnose_many(cases, lang="en"))
    assert [g["id"] for g in got] == ["a", "b", "c"]
    assert got[0] == {**got[1], "id": "a"} and got[0]["status"] == "outcome"
    assert got[2]["lang"] == "zh" and got[2]["status"] == "needs-answer"
    assert got[0] == {**api.diagnose("zero-balance", {"scheme": "yearly"}, "en"), "id": "a"}
