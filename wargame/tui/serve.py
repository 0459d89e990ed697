"""`wargame serve`: the seminar room in browsers, through textual-serve (every browser tab runs its
own app process, fed over a websocket).

One URL per role: /red and /blue (each team's view under its own fog), /facilitator (the White
cell: the whole game, orders for both sides, umpire rulings) and /projector (the whole theatre,
read-only, large type). The facilitator's process owns the game and writes the session save after
every phase; the others follow that file (the record is the wire format: what crosses is what
replay audits).

Loopback (127.0.0.1) by default. Any other --host needs an access token (given with --token or made
up and printed): every page and websocket without it is refused with 403. textual-serve has no
access control of its own, so it lives here, in front of its handlers.
"""

from __future__ import annotations

import argparse
import hmac
import secrets
import shlex
import sys
from pathlib import Path
from typing import Any

ROLES = {  # in the order a facilitator opens them: their own tab first (it starts the session)
    "facilitator": "White cell: everything, orders for both sides, the clock, injects, rulings",
    "projector": "Projector: the whole theatre, read-only, large type",
    "red": "Red team: its own units and what it has detected",
    "blue": "Blue team: its own units and what it has detected",
}
LOOPBACK = ("127.0.0.1", "localhost", "::1")
FONT = {"projector": 22}


def role_command(role: str, args: argparse.Namespace) -> str:
    """The command textual-serve runs for one browser tab of `role` (no shell: textual-serve splits it)."""
    cmd = [sys.executable, "-m", "wargame", "seminar", role, "--session", str(Path(args.session).resolve())]
    if args.scenario:
        scen = Path(args.scenario)
        cmd += ["--scenario", str(scen.resolve()) if scen.exists() else args.scenario]
    if role == "facilitator":
        for flag in ("seed", "red", "blue"):
            v = getattr(args, flag, None)
            if v is not None:
                cmd += [f"--{flag}", str(v)]
        if getattr(args, "injects", None):
            cmd += ["--injects", str(Path(args.injects).resolve())]
        if getattr(args, "no_umpire", False):
            cmd.append("--no-umpire")
    return shlex.join(cmd)


def make_server(args: argparse.Namespace, token: str | None) -> Any:
    import aiohttp_jinja2
    from aiohttp import web
    from textual_serve.app_service import AppService
    from textual_serve.server import Server

    class RoleServer(Server):
        """textual-serve with a route per role and the token checked before anything is served."""

        def __init__(self) -> None:
            super().__init__(role_command("projector", args), host=args.host, port=args.port,
                             title="Baltic wargame seminar")
            self.commands = {r: role_command(r, args) for r in ROLES}

        def allowed(self, given: str | None) -> bool:
            return token is None or (given is not None and hmac.compare_digest(given.encode(), token.encode()))

        async def _make_app(self) -> web.Application:
            app = web.Application()
            aiohttp_jinja2.setup(app, loader=__import__("jinja2").FileSystemLoader(self.templates_path))
            app.add_routes([
                web.get("/", self.handle_roles, name="index"),
                web.get("/ws/{role}/{token}", self.handle_role_ws, name="websocket"),
                web.static("/static", self.statics_path, name="static"),
                web.get("/favicon.ico", lambda request: web.Response(status=204)),
                web.get("/{role}", self.handle_role_page, name="role"),
            ])
            app.on_startup.append(self.on_startup)
            app.on_shutdown.append(self.on_shutdown)
            return app

        async def on_startup(self, app: web.Application) -> None:
            q = f"?token={token}" if token else ""
            # soft_wrap: an address is never broken over two lines, whatever the terminal's width
            self.console.print(f"Seminar served on {self.public_url} (Ctrl+C stops it). Open one tab per role, "
                               "the facilitator's first:", soft_wrap=True)
            for r, what in ROLES.items():
                self.console.print(f"  {self.public_url}/{r}{q}    {what}", highlight=False, soft_wrap=True)

        async def handle_roles(self, request: web.Request) -> web.Response:
            if not self.allowed(request.query.get("token")):
                return _refused()
            q = f"?token={token}" if token else ""
            items = "".join(f'<li><a href="/{r}{q}">{r}</a>: {what}</li>' for r, what in ROLES.items())
            page = ("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Baltic wargame seminar"
                    f"</title></head><body><h1>Baltic wargame seminar</h1><ul>{items}</ul></body></html>")
            return web.Response(text=page, content_type="text/html")

        async def handle_role_page(self, request: web.Request) -> web.Response:
            role = request.match_info["role"]
            if role not in ROLES:
                raise web.HTTPNotFound()
            if not self.allowed(request.query.get("token")):
                return _refused()
            base = self.public_url.replace("http", "ws", 1)
            context = {
                "font_size": _int(request.query.get("fontsize"), FONT.get(role, 16)),
                "app_websocket_url": f"{base}/ws/{role}/{token or '-'}",
                "config": {"static": {"url": f"{self.public_url}/static/"}},
                "application": {"name": f"Baltic wargame: {role}"},
            }
            return aiohttp_jinja2.render_template("app_index.html", request, context)

        async def handle_role_ws(self, request: web.Request) -> web.StreamResponse:
            role = request.match_info["role"]
            if role not in ROLES:
                raise web.HTTPNotFound()
            if not self.allowed(None if request.match_info["token"] == "-" else request.match_info["token"]):
                return _refused()
            ws = web.WebSocketResponse(heartbeat=15)
            await ws.prepare(request)

            async def close() -> None:
                await ws.close()

            service = AppService(self.commands[role], write_bytes=ws.send_bytes, write_str=ws.send_str, close=close,
                                 download_manager=self.download_manager, debug=self.debug)
            try:
                await service.start(_int(request.query.get("width"), 80), _int(request.query.get("height"), 24))
                await self._process_messages(ws, service)
            finally:
                await service.stop()
            return ws

    return RoleServer()


def _refused() -> Any:
    from aiohttp import web

    return web.Response(status=403, text="403: this seminar needs its access token (?token=...)\n")


def _int(v: str | None, default: int) -> int:
    try:
        return max(6, min(200, int(v))) if v is not None else default
    except ValueError:
        return default


def token_for(host: str, given: str | None) -> str | None:
    """None on loopback without a token; else the given token, or a new random one."""
    if given is not None:
        if len(given) < 8:
            raise ValueError("--token: at least 8 characters")
        return given
    return None if host in LOOPBACK else secrets.token_urlsafe(12)


def main(args: argparse.Namespace) -> int:
    try:
        import textual_serve  # noqa: F401
    except ImportError:
        print("wargame serve needs textual-serve: pip install 'baltic-wargame[serve]'", file=sys.stderr)
        return 2
    try:
        token = token_for(args.host, args.token)
    except ValueError as e:
        print(f"wargame: {e}", file=sys.stderr)
        return 2
    make_server(args, token).serve()
    return 0
