"""`wargame serve`: started on loopback and fetched; bound to another address it refuses every page
and websocket without its access token. Only 127.0.0.0/8 addresses are used."""

from __future__ import annotations

import asyncio
import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import aiohttp
import pytest

from wargame.tui.serve import ROLES, token_for

TINY = str(Path(__file__).resolve().parent / "fixtures" / "tiny" / "scenarios" / "tiny.yaml")
ROOT = Path(__file__).resolve().parent.parent


def _free_port(host: str) -> int:
    with socket.socket() as s:
        s.bind((host, 0))
        return int(s.getsockname()[1])


class Served:
    def __init__(self, tmp: Path, host: str | None, token: str | None = None):
        self.host = host or "127.0.0.1"
        self.port = _free_port(self.host)
        cmd = [sys.executable, "-m", "wargame", "serve", TINY, "--session", str(tmp / "s.save"),
               "--port", str(self.port)]
        cmd += ["--host", host] if host else []
        cmd += ["--token", token] if token else []
        self.proc = subprocess.Popen(cmd, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
                                     env={**os.environ, "COLUMNS": "200"})
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            try:
                socket.create_connection((self.host, self.port), timeout=0.5).close()
                return
            except OSError as e:
                if self.proc.poll() is not None:
                    raise AssertionError(f"serve exited: {self.proc.stdout.read() if self.proc.stdout else ''}") from e
                time.sleep(0.2)
        raise AssertionError("serve did not start listening in 30 s")

    def url(self, path: str) -> str:
        return f"http://{self.host}:{self.port}{path}"

    def stop(self) -> str:
        self.proc.send_signal(signal.SIGINT)
        try:
            out, _ = self.proc.communicate(timeout=20)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            out, _ = self.proc.communicate()
        return out or ""


async def _get(url: str) -> tuple[int, str]:
    async with aiohttp.ClientSession() as http, http.get(url) as r:
        return r.status, await r.text()


async def _ws_status(url: str) -> int:
    async with aiohttp.ClientSession() as http:
        try:
            async with http.ws_connect(url):
                return 101
        except aiohttp.WSServerHandshakeError as e:
            return e.status


async def _first_screen(url: str) -> int:
    """Bytes the role's app process sends within 30 s of the websocket opening."""
    got = 0
    async with aiohttp.ClientSession() as http, http.ws_connect(url) as ws:
        end = time.monotonic() + 30
        while time.monotonic() < end and got < 2000:
            try:
                msg = await ws.receive(timeout=max(0.1, end - time.monotonic()))
            except TimeoutError:
                break
            if msg.type == aiohttp.WSMsgType.BINARY:
                got += len(msg.data)
            elif msg.type in (aiohttp.WSMsgType.CLOSE, aiohttp.WSMsgType.CLOSED, aiohttp.WSMsgType.ERROR):
                break
    return got


def test_loopback_serves_every_role_and_runs_the_app(tmp_path):
    s = Served(tmp_path, None)
    try:
        for role in ROLES:
            status, page = asyncio.run(_get(s.url(f"/{role}")))
            assert status == 200 and f"ws://127.0.0.1:{s.port}/ws/{role}/-" in page
        status, page = asyncio.run(_get(s.url("/")))
        assert status == 200 and all(f'href="/{r}"' in page for r in ROLES)
        assert asyncio.run(_get(s.url("/nobody")))[0] == 404
        assert asyncio.run(_first_screen(f"ws://127.0.0.1:{s.port}/ws/projector/-")) >= 2000  # the app drew
    finally:
        out = s.stop()
    assert f"http://127.0.0.1:{s.port}/projector" in out


def test_another_address_needs_the_token(tmp_path):
    token = "seminar-token-42"
    s = Served(tmp_path, "127.0.0.2", token)
    try:
        base = f"127.0.0.2:{s.port}"
        for path in ("/", "/red", "/facilitator", "/projector?token=wrong-token-00"):
            assert asyncio.run(_get(s.url(path)))[0] == 403, path
        assert asyncio.run(_ws_status(f"ws://{base}/ws/red/-")) == 403
        assert asyncio.run(_ws_status(f"ws://{base}/ws/red/not-the-token")) == 403
        status, page = asyncio.run(_get(s.url(f"/red?token={token}")))
        assert status == 200 and f"ws://{base}/ws/red/{token}" in page
    finally:
        out = s.stop()
    assert f"/red?token={token}" in out


def test_a_token_is_made_up_off_loopback():
    assert token_for("127.0.0.1", None) is None
    made = token_for("192.0.2.1", None)
    assert made is not None and len(made) >= 12 and made != token_for("192.0.2.1", None)
    with pytest.raises(ValueError):
        token_for("127.0.0.1", "short")
