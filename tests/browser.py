"""A page in a real headless Chromium (Debian's `chromium` package), driven over the DevTools
protocol with aiohttp's websocket client: load a URL, collect console errors and uncaught
exceptions, run a script, take a screenshot. No Playwright browser download is needed.

    python -m tests.browser URL --screenshot out.png [--height 2400] [--eval 'JS expression']
"""

from __future__ import annotations

import argparse
import asyncio
import base64
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
from dataclasses import dataclass, field
from typing import Any

CHROMIUM_NAMES = ("chromium", "chromium-browser", "google-chrome")


def find_chromium() -> str | None:
    for name in CHROMIUM_NAMES:
        path = shutil.which(name)
        if path:
            return path
    return None


@dataclass
class PageResult:
    errors: list[str] = field(default_factory=list)
    values: list[Any] = field(default_factory=list)
    screenshot: bytes = b""


async def _visit(chromium: str, url: str, width: int, height: int, scripts: list[str], wait: float) -> PageResult:
    import aiohttp

    # Chromium's helper processes can still be writing into the profile as the browser exits: they
    # are stopped as a group below, and a file they leave behind does not fail the test
    with tempfile.TemporaryDirectory(prefix="wargame-chromium-", ignore_cleanup_errors=True) as profile:
        args = [chromium, "--headless=new", "--disable-gpu", "--no-first-run", "--no-default-browser-check",
                "--remote-debugging-port=0", f"--user-data-dir={profile}", f"--window-size={width},{height}",
                "about:blank"]
        if hasattr(os, "geteuid") and os.geteuid() == 0:
            args.insert(1, "--no-sandbox")  # Chromium refuses to run its sandbox as root
        proc = subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
                                start_new_session=True)
        try:
            port = await asyncio.to_thread(_devtools_port, proc)
            async with aiohttp.ClientSession() as http:
                async with http.get(f"http://127.0.0.1:{port}/json/list") as r:
                    pages = [t for t in await r.json() if t.get("type") == "page"]
                async with http.ws_connect(pages[0]["webSocketDebuggerUrl"], max_msg_size=0) as ws:
                    return await _drive(ws, url, width, height, scripts, wait)
        finally:
            _stop(proc, signal.SIGTERM)
            try:
                proc.wait(10)
            except subprocess.TimeoutExpired:
                _stop(proc, signal.SIGKILL)
                proc.wait()


def _stop(proc: subprocess.Popen[str], sig: int) -> None:
    """Signal Chromium and every helper process it started (its own session's group)."""
    try:
        os.killpg(proc.pid, sig)
    except ProcessLookupError:
        pass


def _devtools_port(proc: subprocess.Popen[str]) -> int:
    assert proc.stderr is not None
    for line in proc.stderr:
        m = re.search(r"DevTools listening on ws://[^:]+:(\d+)/", line)
        if m:
            return int(m.group(1))
    raise RuntimeError(f"chromium exited ({proc.wait()}) without opening DevTools")


async def _drive(ws: Any, url: str, width: int, height: int, scripts: list[str], wait: float) -> PageResult:
    result = PageResult()
    ids = iter(range(1, 1 << 30))
    waiting: dict[int, asyncio.Future[Any]] = {}
    loaded = asyncio.Event()

    async def reader() -> None:
        async for msg in ws:
            data = json.loads(msg.data)
            if "id" in data and data["id"] in waiting:
                waiting.pop(data["id"]).set_result(data)
                continue
            method, params = data.get("method"), data.get("params", {})
            if method == "Runtime.exceptionThrown":
                d = params["exceptionDetails"]
                result.errors.append(f"exception: {d.get('exception', {}).get('description') or d.get('text')}")
            elif method == "Runtime.consoleAPICalled" and params.get("type") in ("error", "assert"):
                said = " ".join(str(a.get("value", a.get("description"))) for a in params["args"])
                result.errors.append("console: " + said)
            elif method == "Log.entryAdded" and params["entry"].get("level") == "error":
                e = params["entry"]
                result.errors.append(f"log: {e.get('text')} {e.get('url', '')}".strip())
            elif method == "Page.loadEventFired":
                loaded.set()

    async def call(method: str, **params: Any) -> Any:
        i = next(ids)
        fut: asyncio.Future[Any] = asyncio.get_running_loop().create_future()
        waiting[i] = fut
        await ws.send_str(json.dumps({"id": i, "method": method, "params": params}))
        data = await asyncio.wait_for(fut, 60)
        if "error" in data:
            raise RuntimeError(f"{method}: {data['error']}")
        return data.get("result", {})

    task = asyncio.create_task(reader())
    try:
        for domain in ("Runtime", "Log", "Page"):
            await call(f"{domain}.enable")
        await call("Emulation.setDeviceMetricsOverride", width=width, height=height, deviceScaleFactor=1, mobile=False)
        await call("Page.navigate", url=url)
        await asyncio.wait_for(loaded.wait(), 60)
        await asyncio.sleep(wait)
        for js in scripts:
            r = await call("Runtime.evaluate", expression=js, returnByValue=True, awaitPromise=True)
            if "exceptionDetails" in r:
                result.errors.append(f"script {js[:40]!r}: {r['exceptionDetails'].get('text')}")
            result.values.append(r.get("result", {}).get("value"))
        shot = await call("Page.captureScreenshot", format="png", captureBeyondViewport=False)
        result.screenshot = base64.b64decode(shot["data"])
    finally:
        task.cancel()
    return result


def visit(url: str, width: int = 1200, height: int = 1600, scripts: list[str] | None = None, wait: float = 0.3,
          chromium: str | None = None) -> PageResult:
    """Open `url` in headless Chromium; RuntimeError if there is no Chromium."""
    exe = chromium or find_chromium()
    if exe is None:
        raise RuntimeError("no chromium on PATH (Debian: apt-get install chromium)")
    return asyncio.run(_visit(exe, url, width, height, scripts or [], wait))


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("url")
    p.add_argument("--screenshot", default=None)
    p.add_argument("--width", type=int, default=1200)
    p.add_argument("--height", type=int, default=1600)
    p.add_argument("--eval", action="append", default=[])
    p.add_argument("--wait", type=float, default=0.3, help="seconds to wait after the load event")
    a = p.parse_args(argv)
    r = visit(a.url, a.width, a.height, a.eval, a.wait)
    if a.screenshot:
        with open(a.screenshot, "wb") as f:
            f.write(r.screenshot)
    for v in r.values:
        print(json.dumps(v))
    for e in r.errors:
        print("ERROR", e, file=sys.stderr)
    return 1 if r.errors else 0


if __name__ == "__main__":
    sys.exit(main())
