"""Only the app's user writes: Host allow-list, same-origin writes, JSON-only API, CSRF, token, headers."""
from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from storyledger.web import create_app, security

STORY = ("Ferry service resumes on the lake\n\nThe harbour office said on Tuesday that the ferry "
         "carried 240 passengers on its first crossing since the storm.")


@pytest.fixture()
def app(tmp_path):
    return create_app(str(tmp_path / "l.db"))


def _client(app, host="127.0.0.1:8765", **headers):
    return TestClient(app, base_url=f"http://{host}", headers=headers)


def test_every_response_carries_the_security_headers(app):
    for r in (_client(app).get("/"), _client(app).get("/api/facts"), _client(app).get("/nope"),
              _client(app, host="evil.example").get("/")):
        assert r.headers["x-frame-options"] == "DENY"
        assert r.headers["x-content-type-options"] == "nosniff"
        assert r.headers["referrer-policy"] == "same-origin"
        assert "frame-ancestors 'none'" in r.headers["content-security-policy"]


@pytest.mark.parametrize("host,status", [("127.0.0.1:8765", 200), ("localhost:8765", 200), ("[::1]:8765", 200),
                                         ("evil.example", 421), ("127.0.0.1.evil.example:8765", 421)])
def test_only_loopback_host_names_are_served(app, host, status):
    assert _client(app, host=host).get("/api/facts").status_code == status


def test_cross_origin_writes_are_refused(app):
    c = _client(app)
    body = {"text": STORY}
    assert c.post("/api/articles", json=body, headers={"origin": "http://evil.example"}).status_code == 403
    assert c.post("/api/articles", json=body, headers={"origin": "null"}).status_code == 403
    assert c.post("/api/articles", json=body, headers={"referer": "http://evil.example/x"}).status_code == 403
    # a "simple" cross-site request (no preflight) cannot send JSON: any other type is refused
    r = c.post("/api/articles", content=b'{"text": "x"}', headers={"content-type": "text/plain"})
    assert r.status_code == 415
    r = c.post("/upload", files={"file": ("a.txt", STORY.encode(), "text/plain")}, headers={"origin": "http://evil.example"})
    assert r.status_code == 403
    with _client(app) as reader:
        assert reader.get("/api/articles").json() == []


def test_upload_form_needs_its_csrf_token(app):
    c = _client(app)
    page = c.get("/").text
    assert f'name="csrf" value="{app.state.csrf}"' in page
    files = {"file": ("a.txt", STORY.encode(), "text/plain")}
    r = c.post("/upload", files=files, headers={"origin": "http://127.0.0.1:8765"})
    assert r.status_code == 403 and "CSRF token is missing" in r.json()["detail"]
    r = c.post("/upload", files=files, data={"csrf": "guess"})
    assert r.status_code == 403 and "CSRF token is wrong" in r.json()["detail"]
    r = c.post("/upload", files=files, data={"csrf": app.state.csrf}, headers={"origin": "http://127.0.0.1:8765"},
               follow_redirects=False)
    assert r.status_code in (202, 303)


def test_same_origin_json_write_is_accepted(app):
    r = _client(app).post("/api/articles", json={"text": STORY}, headers={"origin": "http://127.0.0.1:8765"})
    assert r.status_code in (201, 202), r.text


def test_a_token_guards_writes(tmp_path):
    app = create_app(str(tmp_path / "l.db"), host="0.0.0.0", token="s3cret", hosts=("news.lan",))
    c = _client(app, host="news.lan:8765")
    assert c.get("/api/facts").status_code == 200
    r = c.post("/api/articles", json={"text": STORY})
    assert r.status_code == 401 and r.headers["www-authenticate"] == "Bearer"
    assert c.post("/api/articles", json={"text": STORY}, headers={"authorization": "Bearer nope"}).status_code == 401
    r = c.post("/api/articles", json={"text": STORY}, headers={"authorization": "Bearer s3cret"})
    assert r.status_code in (201, 202)


def test_serve_refuses_a_public_address_without_a_token(tmp_path):
    from storyledger.web import serve

    with pytest.raises(SystemExit, match=r"--host 0.0.0.0 lets other machines reach the app: give --token"):
        serve(str(tmp_path / "l.db"), host="0.0.0.0")
    assert security.is_loopback("127.0.0.1") and security.is_loopback("::1") and not security.is_loopback("0.0.0.0")


def test_405_names_the_allowed_methods(app):
    r = _client(app).delete("/api/facts")
    assert r.status_code == 405 and r.headers["allow"] == "GET"


def test_openapi_documents_the_write_body_and_errors(app):
    spec = _client(app).get("/openapi.json").json()
    post = spec["paths"]["/api/articles"]["post"]
    assert post["requestBody"]["content"]["application/json"]["schema"]["oneOf"][0] == {
        "$ref": "#/components/schemas/ArticleIn"}
    assert {"400", "403", "413", "415", "422", "503"} <= set(post["responses"])
    assert "404" in spec["paths"]["/api/articles/{article_id}"]["get"]["responses"]
