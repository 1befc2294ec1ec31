"""`medbal serve` from outside: a real server on a free loopback port, called as a client
would, each answer compared with what the matching command prints with `--format json`,
in both languages.

Skipped where the extra `serve` is not installed (`uv sync` installs it with the dev group).
"""

from __future__ import annotations

import json
import re
import time
from pathlib import Path

import pytest

from serving import LANGS, answer_args, call, cli_json, post

pytestmark = pytest.mark.slow


# --- every endpoint gives what the command prints ------------------------------------

CASES = [
    ("zero-balance", {"scheme": "yearly"}),  # an outcome
    ("zero-balance", {"scheme": "employer", "record": "stopped"}),  # a question
    ("which-category", {"where": "home", "settle-problem": "emergency"}),  # with a checklist
    ("card", {}),
    ("balance-dropped", {}),
]


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("tree,answers", CASES)
def test_diagnose_is_the_one_shot_envelope(client, run, tree, answers, lang):
    response = post(client, "/v1/diagnose", {"tree": tree, "answers": answers, "lang": lang})
    assert response.status_code == 200  # needs-answer too: a question is an answer
    assert response.headers["content-language"] == lang
    assert response.headers["cache-control"] == "no-store"
    expected = cli_json(run, "diagnose", tree, *answer_args(answers), "-f", "json", "-l", lang)
    assert response.json() == expected


def test_the_tree_defaults_to_zero_balance(client, run):
    response = post(client, "/v1/diagnose", {"answers": {"scheme": "yearly"}, "lang": "en"})
    assert response.json() == cli_json(
        run, "diagnose", "-a", "scheme=yearly", "-f", "json", "-l", "en"
    )


def test_the_language_is_the_bodys_the_querys_the_browsers_or_the_servers(client):
    def lang_of(query="", headers=None, **body):
        response = post(client, f"/v1/diagnose{query}", {"answers": {}, **body}, headers=headers)
        assert response.headers["content-language"] == response.json()["lang"]
        return response.json()["lang"]

    assert lang_of() == "zh"  # the server's (--lang zh)
    assert lang_of(headers={"Accept-Language": "en-GB,en;q=0.9"}) == "en"
    assert lang_of(headers={"Accept-Language": "fr, zh-CN;q=0.5, en;q=0.8"}) == "en"
    assert lang_of("?lang=zh", headers={"Accept-Language": "en"}) == "zh"
    assert lang_of("?lang=en", lang="zh") == "zh"
    # The errors are in the same language as the answers would be.
    refused = post(client, "/v1/diagnose", {"answerz": {}}, headers={"Accept-Language": "en"})
    assert refused.json()["error"]["message"].startswith("the request body has an unknown key")
    refused = post(client, "/v1/diagnose?lang=en", {"answerz": {}, "lang": "zh"})
    assert refused.json()["error"]["message"].startswith("请求正文中有无法识别的键“answerz”")


@pytest.mark.parametrize("lang", LANGS)
def test_a_batch_is_answered_by_the_batch_rules(client, run, lang):
    cases = [{"tree": t, "answers": a, "id": i} for i, (t, a) in enumerate(CASES)] + [
        {"answers": {"scheme": "perhaps"}, "id": "bad answer"},
        {"answers": {}, "tree": "../trees/zero-balance.yaml", "id": "a path"},
        {"answers": {}, "tree": "zero-balanse", "id": "a typo"},
        {"answerz": {}, "id": {"nested": [1, 2]}},
        {"answers": {}, "lang": "fr", "id": None},
        {"answers": {}, "lang": "zh" if lang == "en" else "en", "id": "other language"},
        5,
        "text",
    ]
    response = post(client, f"/v1/batch?lang={lang}", cases)
    assert response.status_code == 200
    lines = "".join(json.dumps(case, ensure_ascii=False) + "\n" for case in cases)
    result = run("diagnose", "--batch", "-", "--lang", lang, input=lines)
    expected = [json.loads(line) for line in result.stdout.splitlines()]
    assert response.json() == expected
    assert [e["status"] for e in expected].count("error") == 7


@pytest.mark.parametrize("lang", LANGS)
def test_the_trees_are_the_tree_commands(client, run, lang):
    response = call(client, "GET", f"/v1/trees?lang={lang}")
    rows = cli_json(run, "tree", "list", "--format", "json", "--lang", lang)["trees"]
    assert response.json() == {"trees": [{k: v for k, v in r.items() if k != "file"} for r in rows]}
    served = [r["id"] for r in rows if r["kind"] == "decision-tree"]
    assert served == call(client, "GET", "/healthz").json()["trees"]
    for tree in served:
        response = call(client, "GET", f"/v1/trees/{tree}", params={"lang": lang})
        assert response.json() == cli_json(run, "tree", "export", tree, "-f", "json", "-l", lang)


@pytest.mark.parametrize("lang", LANGS)
def test_the_checklists_are_the_docs_command(client, run, lang):
    everything = call(client, "GET", "/v1/docs", headers={"Accept-Language": lang})
    assert everything.json() == cli_json(run, "docs", "--format", "json", "--lang", lang)
    assert len(everything.json()["categories"]) == 11
    for key in ("1", "short-trip", "11"):
        one = call(client, "GET", f"/v1/docs/{key}?lang={lang}")
        assert one.json() == cli_json(run, "docs", key, "--format", "json", "--lang", lang)
        sheet = call(client, "GET", f"/docs/{key}.html?lang={lang}")
        assert sheet.headers["content-type"] == "text/html; charset=utf-8"
        assert sheet.text == run("docs", key, "--format", "html", "--lang", lang).stdout
        assert "script-src" not in sheet.headers["content-security-policy"]


ESTIMATES = [
    (
        {"bill": 8000, "threshold": 500, "items": {"class-b": 1200}},
        ["8000", "-t", "500", "-i", "class-b=1200"],
    ),
    ({"bill": "8,000.50"}, ["8,000.50"]),
    (
        {"bill": 250000.5, "threshold": "600", "region": "zigui"},
        ["250000.5", "-t", "600", "-r", "zigui"],
    ),
]


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("body,args", ESTIMATES)
def test_an_estimate_is_the_estimate_command(client, run, body, args, lang):
    response = post(client, "/v1/estimate", {**body, "lang": lang})
    assert response.status_code == 200
    assert response.json() == cli_json(run, "estimate", *args, "--format", "json", "--lang", lang)


def _undated(html: str) -> str:
    return re.sub(r'"made":"\d{4}-\d\d-\d\d"', '"made":""', html)


def test_the_page_is_the_page_command_with_its_policy_as_a_header(client, run):
    for query, args in (("", []), ("?lang=zh", ["--lang", "zh"]), ("?lang=en", ["--lang", "en"])):
        response = call(client, "GET", f"/{query}")
        assert response.headers["content-type"] == "text/html; charset=utf-8"
        assert _undated(response.text) == _undated(run("page", "--output", "-", *args).stdout)
        meta = re.search(r'http-equiv="Content-Security-Policy" content="([^"]+)"', response.text)
        policy = response.headers["content-security-policy"]
        assert policy == meta[1] + "; frame-ancestors 'none'"
        assert "default-src 'none'" in policy and "unsafe" not in policy
        assert response.headers["x-frame-options"] == "DENY"
        assert response.headers["referrer-policy"] == "no-referrer"


def test_health_and_the_description(client):
    health = call(client, "GET", "/healthz").json()
    assert health == {
        "status": "ok",
        "version": health["version"],
        "trees": ["balance-dropped", "card", "which-category", "zero-balance"],
    }
    description = call(client, "GET", "/openapi.json").json()
    assert description["openapi"] == "3.1.0"
    assert set(description["paths"]) == {
        "/v1/diagnose",
        "/v1/batch",
        "/v1/estimate",
        "/v1/trees",
        "/v1/trees/{id}",
        "/v1/docs",
        "/v1/docs/{category}",
        "/docs/{category}.html",
        "/",
        "/healthz",
        "/openapi.json",
    }


def _listening(port: int) -> list[str]:
    """The local addresses (hex, as the kernel writes them) of the TCP sockets that
    listen on `port`, IPv4 and IPv6."""
    found = []
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        if Path(table).exists():
            for line in Path(table).read_text().splitlines()[1:]:
                local, state = line.split()[1], line.split()[3]
                address, _, hex_port = local.rpartition(":")
                if state == "0A" and int(hex_port, 16) == port:  # 0A: LISTEN
                    found.append(address)
    return found


def test_without_host_it_listens_on_loopback_alone(server):
    if not Path("/proc/net/tcp").exists():
        pytest.skip("no /proc/net/tcp to read the listening sockets from")
    # The session's server was started without --host: 127.0.0.1 (0100007F), not 0.0.0.0.
    assert _listening(server.port) == ["0100007F"]


# --- the access log ---------------------------------------------------------------


def logged(server, done, seconds=30.0):
    """The server's log once `done(text)`: a line is written just after its answer is sent."""
    deadline = time.monotonic() + seconds
    while not done(server.log_text()) and time.monotonic() < deadline:
        time.sleep(0.02)
    return server.log_text()


def test_the_access_log_has_one_line_a_request_and_no_answer(server, client):
    call(client, "GET", "/v1/before")  # every earlier line is written once this one is
    before = logged(server, lambda text: "/v1/before" in text).count('"POST /v1/diagnose"')
    marker = {"answers": {"scheme": "yearly"}, "lang": "en"}
    for _ in range(3):
        post(client, "/v1/diagnose?lang=en", marker)
    post(client, "/v1/diagnose", {"answers": {"scheme": "a-secret-answer"}})
    call(client, "GET", "/v1/x%0A2026-01-01T00:00:00+0000 forged%22line")
    lines = logged(server, lambda text: "forged%22line" in text).splitlines()
    assert sum('"POST /v1/diagnose"' in line for line in lines) == before + 4
    forged = r'\S+ 127\.0\.0\.1 "GET /v1/x\\n2026-01-01T00:00:00\+0000 forged%22line" 404 '
    assert re.fullmatch(forged + r"\d+ \d+\.\dms", lines[-1]), lines[-1]
    assert not any(line.startswith("2026-01-01T00:00:00+0000 forged") for line in lines)
    for line in lines:
        assert "yearly" not in line and "a-secret-answer" not in line and "lang=" not in line
    assert re.fullmatch(r'\S+ 127\.0\.0\.1 "POST /v1/diagnose" 400 \d+ \d+\.\dms', lines[-2])
