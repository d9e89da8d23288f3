"""The access log on a real gunicorn: one JSON line per request with a request id, and never
the client address, a query string or anything a visitor answered."""

import json
import ssl
import time
import urllib.parse
import urllib.request

ANSWERS_FORM = {
    "estonian_citizen": "no",
    "citizenship": "third_country",
    "residence_basis": "international_protection",
    "protection": "refugee",
    "resident_since-day": "17",
    "resident_since-month": "11",
    "resident_since-year": "2019",
    "step": "resident_since",
}
ANSWERS_JSON = {
    "citizenship": "undetermined",
    "residence_basis": "long_term_permit",
    "resident_since": "2018-03-23",
}
PERSONAL = [
    "third_country",
    "international_protection",
    "refugee",
    "undetermined",
    "long_term_permit",
    "2018-03-23",
    "2019-11-17",
    "17.11.2019",
]


def access_lines(output: str) -> list[dict]:
    return [json.loads(line) for line in output.splitlines() if line.startswith("{")]


def output_with(server, request_ids, seconds=10):
    """The server's output once it has logged these requests: gunicorn writes the access line
    after the response has gone out, so the client can be quicker than the log."""
    deadline = time.monotonic() + seconds
    while True:
        output = server.output()
        if all(request_id in output for request_id in request_ids):
            return output
        if time.monotonic() > deadline:
            raise AssertionError(f"no access line for {request_ids} in:\n{output}")
        time.sleep(0.1)


def send(server, ca_file, path, *, data=None, headers=None):
    request = urllib.request.Request(server.base + path, data=data, headers=headers or {})
    context = ssl.create_default_context(cafile=str(ca_file))
    with urllib.request.urlopen(request, context=context) as response:
        response.read()
        return response


def test_requests_with_answers_leave_one_json_line_each_and_no_answer(https_site):
    server, ca_file = https_site
    form = send(
        server,
        ca_file,
        "/en/eligibility/",
        data=urllib.parse.urlencode(ANSWERS_FORM).encode(),
        headers={"X-Request-ID": "checker-post-0001"},
    )
    api = send(
        server,
        ca_file,
        "/api/eligibility/?lang=ru&note=refugee",
        data=json.dumps(ANSWERS_JSON).encode(),
        headers={"Content-Type": "application/json", "X-Request-ID": "api-post-000001"},
    )
    page = send(server, ca_file, "/ru/?utm_source=third_country")
    assert form.headers["X-Request-ID"] == "checker-post-0001"
    assert api.headers["X-Request-ID"] == "api-post-000001"
    generated = page.headers["X-Request-ID"]
    output = output_with(server, ["checker-post-0001", "api-post-000001", generated])

    lines = access_lines(output)
    by_id = {}
    for line in lines:
        by_id.setdefault(line["request_id"], []).append(line)
    assert [line["path"] for line in by_id["checker-post-0001"]] == ["/en/eligibility/"]
    assert [line["path"] for line in by_id["api-post-000001"]] == ["/api/eligibility/"]
    assert [line["path"] for line in by_id[generated]] == ["/ru/"]
    (form_line,) = by_id["checker-post-0001"]
    assert form_line["method"] == "POST"
    assert form_line["status"] == 200
    assert form_line["bytes"] > 0
    assert form_line["duration_ms"] >= 0
    for line in lines:
        assert set(line) == {
            "time",
            "request_id",
            "method",
            "path",
            "status",
            "bytes",
            "duration_ms",
        }
        assert "127.0.0.1" not in json.dumps(line)
    for answer in PERSONAL:
        assert answer not in output, answer


def test_head_requests_leave_one_json_line_each_and_no_server_warning(https_site):
    server, ca_file = https_site
    ids = ["head-request-miss", "head-request-hit1", "head-request-query"]
    paths = ["/et/kontaktid/", "/et/kontaktid/", "/et/kontaktid/?print=1"]
    for request_id, path in zip(ids, paths, strict=True):
        request = urllib.request.Request(
            server.base + path, method="HEAD", headers={"X-Request-ID": request_id}
        )
        context = ssl.create_default_context(cafile=str(ca_file))
        with urllib.request.urlopen(request, context=context) as response:
            assert response.status == 200
            assert int(response.headers["Content-Length"]) > 0
            assert response.read() == b""
    output = output_with(server, ids)

    lines = access_lines(output)
    for request_id in ids:
        assert [line["method"] for line in lines if line["request_id"] == request_id] == ["HEAD"]
    assert "body bytes" not in output
