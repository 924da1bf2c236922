"""A minimal keep-alive HTTP/1.1 GET client for the load benches.

httpx's async client spends 6-13 ms of CPU per request here (measured on the 2,000-article ledger
at load average ~10: the app server 0.5-2 ms per request), so 50 httpx readers in one process
measure the load generator, not the app. This one reads the status line, the headers and the body
(Content-Length or chunked) and nothing more; the body is not decompressed (a gzip answer is
counted as received).
"""
from __future__ import annotations

import asyncio
from typing import Optional
from urllib.parse import urlsplit


class Connection:
    def __init__(self, base: str, gzip: bool = True):
        u = urlsplit(base)
        self.host, self.port = u.hostname, u.port or 80
        self.hostport = f"{self.host}:{self.port}"
        self.gzip = gzip
        self.reader: Optional[asyncio.StreamReader] = None
        self.writer: Optional[asyncio.StreamWriter] = None

    async def close(self) -> None:
        if self.writer is not None:
            self.writer.close()
            try:
                await self.writer.wait_closed()
            except (ConnectionError, OSError):
                pass
        self.reader = self.writer = None

    async def get(self, path: str) -> tuple[int, int]:
        """(status, body bytes); a broken connection raises (the caller counts an error) and the
        next call opens a new one."""
        try:
            return await self._get(path)
        except BaseException:
            await self.close()
            raise

    async def _get(self, path: str) -> tuple[int, int]:
        if self.writer is None:
            self.reader, self.writer = await asyncio.open_connection(self.host, self.port)
        enc = "gzip" if self.gzip else "identity"
        self.writer.write(f"GET {path} HTTP/1.1\r\nHost: {self.hostport}\r\nAccept-Encoding: {enc}\r\n\r\n".encode())
        await self.writer.drain()
        head = await self.reader.readuntil(b"\r\n\r\n")
        lines = head.decode("latin-1").split("\r\n")
        status = int(lines[0].split(" ", 2)[1])
        headers = {}
        for line in lines[1:]:
            if ":" in line:
                k, v = line.split(":", 1)
                headers[k.strip().lower()] = v.strip()
        size = 0
        if headers.get("transfer-encoding", "").lower() == "chunked":
            while True:
                n = int((await self.reader.readuntil(b"\r\n")).split(b";")[0], 16)
                await self.reader.readexactly(n + 2)
                size += n
                if n == 0:
                    break
        else:
            size = int(headers.get("content-length", "0"))
            await self.reader.readexactly(size)
        if headers.get("connection", "").lower() == "close":
            await self.close()
        return status, size
