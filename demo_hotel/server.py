"""The demo site served in a background thread, for the project's tests and the harness."""

from __future__ import annotations

import socket
import threading
from collections.abc import Iterable
from contextlib import ExitStack
from pathlib import Path
from types import TracebackType

import httpx
import uvicorn

from demo_hotel.shops import create_shop_app
from demo_hotel.store import database_file

STARTUP_TIMEOUT = 30.0


class DemoServer:
    """`with DemoServer(faults={"price-drift"}) as site:` serves the site at `site.url` on 127.0.0.1.

    The port is bound before uvicorn starts, so the first request simply waits for the server to answer.
    `ui="spa"` serves the same shop as a single-page app over its JSON API instead of server-rendered pages;
    `shop="goods"` serves the demo goods shop instead of the hotel.
    """

    def __init__(
        self,
        faults: Iterable[str] = (),
        smtp_port: int | None = None,
        port: int = 0,
        db_path: Path | None = None,
        demo_mode: bool = True,
        ui: str = "pages",
        shop: str = "hotel",
    ) -> None:
        self.faults = frozenset(faults)
        self.smtp_port = smtp_port
        self.port = port
        self.db_path = db_path
        self.demo_mode = demo_mode
        self.ui = ui
        self.shop = shop
        self.url = ""
        self._stack = ExitStack()

    def __enter__(self) -> DemoServer:
        try:
            self._start()
        except BaseException:
            self._stack.close()
            raise
        return self

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, traceback: TracebackType | None
    ) -> None:
        self._stack.close()

    def _start(self) -> None:
        db_path = self._stack.enter_context(database_file(self.db_path))
        app = create_shop_app(self.shop, self.faults, db_path, self.smtp_port, demo_mode=self.demo_mode, ui=self.ui)
        listener = self._stack.enter_context(socket.socket())
        listener.bind(("127.0.0.1", self.port))
        listener.listen()
        self.url = f"http://127.0.0.1:{listener.getsockname()[1]}"
        server = uvicorn.Server(uvicorn.Config(app, log_config=None, log_level="warning", access_log=False))
        thread = threading.Thread(
            target=server.run, kwargs={"sockets": [listener]}, name=f"demo-{self.shop}", daemon=True
        )
        thread.start()
        self._stack.callback(thread.join)
        self._stack.callback(setattr, server, "should_exit", True)
        ready = "/__test__/health" if self.demo_mode else "/"
        with httpx.Client(trust_env=False, timeout=STARTUP_TIMEOUT) as client:
            client.get(self.url + ready).raise_for_status()
