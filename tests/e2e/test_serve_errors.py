"""`medbal serve` refusing: each bad request gets its HTTP status and the CLI's JSON error
envelope in the request's language, the command's own message where a command has the
same error, and never a traceback or a path of the server's files."""

from __future__ import annotations

import re
import socket

import pytest

from serving import LANGS, call, cli_error, post

pytestmark = pytest.mark.slow


# --- errors: the CLI's message where the CLI has one --------------------------------

SHARED_ERRORS = [
    ("/v1/diagnose", {"answers": {"scheme": "perhaps"}}, 400, ["diagnose", "-a", "scheme=perhaps"]),
    ("/v1/diagnose", {"answers": {"schema": "yearly"}}, 400, ["diagnose", "-a", "schema=yearly"]),
    ("/v1/diagnose", {"tree": "zero-balanse"}, 404, ["diagnose", "zero-balanse"]),
    ("/v1/diagnose", {"tree": "nowhere"}, 404, ["diagnose", "nowhere"]),
    ("/v1/estimate", {"bill": "abc"}, 400, ["estimate", "abc"]),
    ("/v1/estimate", {"bill": -5}, 400, ["estimate", "-5"]),
    ("/v1/estimate", {"bill": 100, "threshold": 500}, 400, ["estimate", "100", "-t", "500"]),
    (
        "/v1/estimate",
        {"bill": 100, "items": {"nothing": 5}},
        400,
        ["estimate", "100", "-i", "nothing=5"],
    ),
    ("/v1/docs/nope", None, 404, ["docs", "nope"]),
    ("/v1/docs/short-trp", None, 404, ["docs", "short-trp"]),
    ("/docs/12.html", None, 404, ["docs", "12"]),
]


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("path,body,status,args", SHARED_ERRORS)
def test_an_error_is_the_commands_error(client, run, path, body, status, args, lang):
    if body is None:
        response = call(client, "GET", path, params={"lang": lang})
    else:
        response = post(client, path, {**body, "lang": lang})
    assert response.status_code == status
    assert response.json()["error"]["message"] == cli_error(run, *args, "--lang", lang)


def test_a_region_error_names_no_file(client):
    response = post(client, "/v1/estimate", {"bill": 100, "region": "nowhere", "lang": "zh"})
    assert response.status_code == 400
    assert response.json()["error"]["message"] == "费率文件中没有地区“nowhere”；可选地区：zigui"


JSON = {"Content-Type": "application/json"}
KNOWN = "balance-dropped, card, which-category, zero-balance"
HTTP_ERRORS = [
    # (method, path, content, headers, status, English, Chinese)
    (
        "POST",
        "/v1/diagnose",
        b'{"answers": ',
        JSON,
        400,
        "the request body is not JSON (Expecting value, line 1 column 13)",
        "请求正文不是有效的 JSON（Expecting value, line 1 column 13）",
    ),
    (
        "POST",
        "/v1/diagnose",
        b"",
        JSON,
        400,
        "the request body is not JSON (Expecting value, line 1 column 1)",
        None,
    ),
    (
        "POST",
        "/v1/diagnose",
        b'{"answers": NaN}',
        JSON,
        400,
        "the request body is not JSON (NaN is not a JSON number)",
        "请求正文不是有效的 JSON（NaN 不是 JSON 数值）",
    ),
    (
        "POST",
        "/v1/diagnose",
        b"\xff\xfe",
        JSON,
        400,
        "the request body is not UTF-8 text",
        "请求正文不是 UTF-8 编码的文本",
    ),
    (
        "POST",
        "/v1/diagnose",
        b"[" * 50_000,
        JSON,
        400,
        "the request body is not JSON (nested too deeply)",
        None,
    ),
    (
        "POST",
        "/v1/diagnose",
        b"[]",
        JSON,
        400,
        "the request body should be a JSON object",
        "请求正文应为 JSON 对象",
    ),
    ("POST", "/v1/diagnose", b'{"tree": 3}', JSON, 400, "'tree' should be text", "“tree”应为文本"),
    (
        "POST",
        "/v1/diagnose",
        b'{"answers": {"scheme": 1}}',
        JSON,
        400,
        "'answers.scheme' should be text",
        "“answers.scheme”应为文本",
    ),
    (
        "POST",
        "/v1/diagnose",
        b'{"answers": {}, "id": 1}',
        JSON,
        400,
        "the request body has an unknown key 'id'; it may have: tree, answers, lang",
        "请求正文中有无法识别的键“id”；可用的键：tree、answers、lang",
    ),
    (
        "POST",
        "/v1/diagnose",
        b'{"lang": "fr"}',
        JSON,
        400,
        "'lang' is \"fr\"; choose one of: en, zh",
        '“lang”的值 "fr" 无效；可选：en、zh',
    ),
    (
        "POST",
        "/v1/diagnose",
        b'{"tree": "/etc/passwd"}',
        JSON,
        404,
        "no tree named '/etc/passwd'; known trees: " + KNOWN,
        None,
    ),
    (
        "POST",
        "/v1/estimate",
        b"{}",
        JSON,
        400,
        "the request body needs 'bill'",
        "请求正文缺少“bill”",
    ),
    (
        "POST",
        "/v1/estimate",
        b'{"bill": true}',
        JSON,
        400,
        "'bill' should be an amount in yuan, a number or text such as \"8,000\"",
        "“bill”应为以元为单位的金额（数值，或“8,000”这样的文本）",
    ),
    (
        "POST",
        "/v1/estimate",
        b'{"bill": 1e400}',
        JSON,
        400,
        "the request body is not JSON (1e400 is too large for a JSON number)",
        None,
    ),
    (
        "POST",
        "/v1/batch",
        b'{"answers": {}}',
        JSON,
        400,
        "the request body should be a JSON array of cases",
        "请求正文应为由案例组成的 JSON 数组",
    ),
    (
        "POST",
        "/v1/diagnose",
        b"{}",
        {"Content-Type": "text/plain"},
        415,
        "the request body should be JSON, sent with Content-Type: application/json",
        "请求正文应为 JSON，并带上 Content-Type: application/json",
    ),
    ("POST", "/v1/diagnose", b"{}", {}, 415, None, None),
    (
        "POST",
        "/v1/estimate",
        b"{}",
        {"Content-Type": "application/json; charset=latin-1"},
        415,
        None,
        None,
    ),
    (
        "POST",
        "/v1/diagnose",
        b"{" + b" " * 65536 + b"}",
        JSON,
        413,
        "the request body is larger than 65536 bytes",
        "请求正文超过了 65536 字节",
    ),
    (
        "GET",
        "/v1/trees?answers=yearly",
        None,
        {},
        400,
        "there is no query parameter 'answers'; a query may have: lang",
        "没有查询参数“answers”；可用的参数：lang",
    ),
    ("GET", "/v1/docs?lang=fr", None, {}, 400, "'lang' is \"fr\"; choose one of: en, zh", None),
    (
        "GET",
        "/v1/trees/nowhere",
        None,
        {},
        404,
        "no tree named 'nowhere'; known trees: balance-dropped, card, which-category, zero-balance",
        "没有名为“nowhere”的问答树；现有：balance-dropped、card、which-category、zero-balance",
    ),
    (
        "GET",
        "/v1/nothing",
        None,
        {},
        404,
        "there is nothing at '/v1/nothing'; GET /openapi.json describes every endpoint",
        "“/v1/nothing”不存在；GET /openapi.json 列出了所有接口",
    ),
    ("GET", "/v1/trees/", None, {}, 404, None, None),
    (
        "GET",
        "/v1/diagnose",
        None,
        {},
        405,
        "'/v1/diagnose' does not take GET; it takes: POST",
        "“/v1/diagnose”不接受 GET 请求；可用：POST",
    ),
    (
        "DELETE",
        "/v1/trees",
        None,
        {},
        405,
        "'/v1/trees' does not take DELETE; it takes: GET, HEAD",
        "“/v1/trees”不接受 DELETE 请求；可用：GET、HEAD",
    ),
    (
        "OPTIONS",
        "/v1/diagnose",
        None,
        {"Origin": "https://elsewhere.example", "Access-Control-Request-Method": "POST"},
        405,
        None,
        None,
    ),
]


@pytest.mark.parametrize("method,path,content,headers,status,en,zh", HTTP_ERRORS)
def test_a_refusal_has_its_status_and_envelope_in_the_requests_language(
    client, method, path, content, headers, status, en, zh
):
    for lang, expected in (("en", en), ("zh", zh)):
        sent = {**headers, "Accept-Language": lang}
        response = call(client, method, path, content=content, headers=sent)
        assert response.status_code == status
        message = response.json()["error"]["message"]
        if expected is not None:
            assert message == expected
        if lang == "zh" and path != "/v1/trees/nowhere":
            assert re.search("[\u4e00-\u9fff]", message), message
        assert "access-control-allow-origin" not in response.headers  # CORS is off
    if status == 405:
        assert response.headers["allow"]


def test_a_batch_has_at_most_a_thousand_cases(client):
    response = post(client, "/v1/batch?lang=en", [{}] * 1001)
    assert response.status_code == 413
    assert (
        response.json()["error"]["message"] == "a batch has at most 1000 cases; this one has 1001"
    )
    response = post(
        client,
        "/v1/batch?lang=en",
        [{"answers": {"scheme": "yearly"}, "id": i} for i in range(1000)],
    )
    assert response.status_code == 200 and [e["id"] for e in response.json()] == list(range(1000))


def test_a_body_without_a_length_is_counted_as_it_arrives(client):
    def chunks():
        for _ in range(80):
            yield b" " * 1024

    response = call(client, "POST", "/v1/diagnose", content=chunks(), headers=JSON)
    assert response.status_code == 413


def test_headers_are_bounded(server):
    with socket.create_connection((server.host, server.port), timeout=10) as sock:
        sock.sendall(b"GET /healthz HTTP/1.1\r\nHost: x\r\nX-Big: " + b"a" * 200_000 + b"\r\n\r\n")
        reply = sock.recv(4096)
    assert reply.split(b" ")[1] in (b"400", b"431")
    assert b"Traceback" not in reply
