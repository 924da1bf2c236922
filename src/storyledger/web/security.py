"""Who may use the local app: only its user writes, and no other site reads through the browser.

One ASGI middleware (``Guard``) checks every request before the app sees it:

- the ``Host`` header must name this server (loopback names by default), so a DNS-rebinding
  page on another name cannot read the ledger through the user's browser;
- a state-changing request (anything but GET/HEAD/OPTIONS) must come from this origin when it
  says where it comes from (``Origin``, else ``Referer``); a JSON API write must say
  ``Content-Type: application/json`` (a cross-site page can only send that after a CORS
  preflight, which this app never grants); with ``token`` set (any address but loopback),
  writes need ``Authorization: Bearer <token>``;
- every response carries a Content-Security-Policy and the frame, sniffing and referrer headers.

The upload form is a plain multipart POST, which a cross-site form may send too: it carries a
CSRF token (``csrf_token``), checked by ``check_csrf`` in the upload endpoint.
"""
from __future__ import annotations

import hmac
import json
import secrets
from typing import Iterable, Optional
from urllib.parse import urlsplit

LOOPBACK = ("127.0.0.1", "localhost", "::1")
SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})

# The pages and the report use inline scripts and styles (one self-contained file); nothing is
# loaded from elsewhere, no page may frame them and forms post only here.
CSP = ("default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; "
       "img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; "
       "form-action 'self'; frame-ancestors 'none'")
HEADERS = [
    (b"content-security-policy", CSP.encode()),
    (b"x-frame-options", b"DENY"),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"same-origin"),
]


def is_loopback(host: str) -> bool:
    return host.strip("[]") in LOOPBACK or host.startswith("127.")


def allowed_hosts(bind: str = "127.0.0.1", extra: Iterable[str] = ()) -> set[str]:
    """Host names a request may use: loopback names, the address bound to, and any given."""
    names = {*LOOPBACK, bind.strip("[]"), *(h.strip("[]").lower() for h in extra)}
    names.discard("0.0.0.0")
    names.discard("::")
    return {n.lower() for n in names if n}


def new_csrf_token() -> str:
    return secrets.token_urlsafe(32)


def check_csrf(expected: str, given: Optional[str]) -> Optional[str]:
    """None when the form's token is right, else the one-line reason for a 403."""
    if not given:
        return "the upload form's CSRF token is missing: reload the page and send the form again"
    if not hmac.compare_digest(expected.encode(), given.encode()):
        return "the upload form's CSRF token is wrong: reload the page and send the form again"
    return None


def _hostname(host: str) -> str:
    """'[::1]:8765' -> '::1', 'Localhost:80' -> 'localhost'."""
    host = host.strip().lower()
    if host.startswith("["):
        return host[1:host.find("]")] if "]" in host else host
    return host.rsplit(":", 1)[0] if host.count(":") == 1 else host


class Guard:
    """ASGI middleware: Host allow-list, same-origin writes, JSON-only API writes, bearer token,
    security headers on every response."""

    def __init__(self, app, hosts: set[str], token: Optional[str] = None,
                 json_writes: tuple[str, ...] = ("/api/articles",)):
        # json_writes: the paths that take a JSON POST; other methods and paths reach the router's 405
        self.app, self.hosts, self.token, self.json_writes = app, hosts, token, json_writes

    async def __call__(self, scope, receive, send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = {k.decode("latin-1").lower(): v.decode("latin-1") for k, v in scope.get("headers") or []}
        problem = self._refusal(scope, headers)

        async def with_headers(message) -> None:
            if message["type"] == "http.response.start":
                have = {k.lower() for k, _ in message.get("headers", [])}
                message = dict(message, headers=[*message.get("headers", []),
                                                 *(h for h in HEADERS if h[0] not in have)])
            await send(message)

        if problem:
            status, detail, extra = problem
            body = json.dumps({"detail": detail}).encode()
            await with_headers({"type": "http.response.start", "status": status,
                                "headers": [(b"content-type", b"application/json"),
                                            (b"content-length", str(len(body)).encode()), *extra]})
            await send({"type": "http.response.body", "body": body})
            return
        await self.app(scope, receive, with_headers)

    def _refusal(self, scope, headers: dict[str, str]) -> Optional[tuple[int, str, list]]:
        host = headers.get("host", "")
        if _hostname(host) not in self.hosts:
            return 421, f"host {host[:80]!r} is not served here (allowed: {', '.join(sorted(self.hosts))})", []
        if scope["method"] in SAFE_METHODS:
            return None
        if self.token is not None:
            auth = headers.get("authorization", "")
            if not hmac.compare_digest(auth.encode(), f"Bearer {self.token}".encode()):
                return 401, "writes need 'Authorization: Bearer <token>' (the --token given to serve)", \
                    [(b"www-authenticate", b"Bearer")]
        origin = headers.get("origin") or _origin_of(headers.get("referer"))
        scheme = scope.get("scheme", "http")
        if origin is not None and origin.lower() != f"{scheme}://{host}".lower():
            return 403, f"cross-origin write refused (from {origin[:80]!r})", []
        if scope["path"] in self.json_writes and scope["method"] == "POST":
            ctype = headers.get("content-type", "").split(";")[0].strip().lower()
            if ctype != "application/json":
                return 415, "the JSON API takes 'Content-Type: application/json' only", []
        return None


def _origin_of(referer: Optional[str]) -> Optional[str]:
    if referer is None:
        return None
    try:
        parts = urlsplit(referer)
    except ValueError:
        return "invalid referer"
    return f"{parts.scheme}://{parts.netloc}" if parts.scheme and parts.netloc else "invalid referer"
