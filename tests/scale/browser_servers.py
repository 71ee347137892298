"""Browsers served on loopback, as a grid or a colleague's machine would serve them, for the remote-browser tests.

`playwright_browser_server()` is Playwright's `browserType.launchServer` run by the Node.js that ships
with Playwright for Python (`playwright run-server` launches only browsers that Playwright downloaded,
unless each client sends an `executablePath`); `chromium_over_cdp()` is Chromium with
`--remote-debugging-port`. Each yields its endpoint and stops its process group afterwards.
"""

from __future__ import annotations

import json
import os
import re
import signal
import subprocess
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from playwright._impl._driver import compute_driver_executable

from checkout_integrity._browser import locate_browser, system_chromium

STARTUP_TIMEOUT = 30.0
# How the machine's Chromium has to be started here (no sandbox, no GPU, nothing fetched in the background).
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
LAUNCH_SERVER = """
const { chromium } = require(process.argv[1]);
chromium.launchServer(JSON.parse(process.argv[2])).then((server) => console.log(server.wsEndpoint()));
"""


@contextmanager
def playwright_browser_server() -> Iterator[str]:
    """A Playwright browser server on 127.0.0.1; yields its ws:// endpoint."""
    node, cli = compute_driver_executable()
    options: dict[str, object] = {"host": "127.0.0.1", "port": 0, "args": CHROMIUM_ARGS}
    executable = locate_browser().executable_path
    if executable:
        options["executablePath"] = executable
    command = [node, "-e", LAUNCH_SERVER, str(Path(cli).parent), json.dumps(options)]
    with _serving(command, re.compile(r"^(ws://\S+)")) as endpoint:
        yield endpoint


@contextmanager
def chromium_over_cdp(profile: Path) -> Iterator[str]:
    """The machine's Chromium listening for CDP on 127.0.0.1; yields its http:// endpoint."""
    chromium = system_chromium()
    if chromium is None:
        raise RuntimeError("no system Chromium to serve CDP: install one (`apt-get install chromium`)")
    command = [
        str(chromium),
        "--headless",
        *CHROMIUM_ARGS,
        "--remote-debugging-address=127.0.0.1",
        "--remote-debugging-port=0",
        f"--user-data-dir={profile}",
        "about:blank",
    ]
    with _serving(command, re.compile(r"DevTools listening on ws://(127\.0\.0\.1:\d+)/")) as address:
        yield f"http://{address}"


@contextmanager
def _serving(command: list[str], listening: re.Pattern[str]) -> Iterator[str]:
    """Start `command` in its own process group, wait for the line that gives its endpoint, stop it after."""
    process = subprocess.Popen(
        command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, start_new_session=True
    )
    said: list[str] = []
    found: list[str] = []
    ready = threading.Event()

    def read() -> None:
        assert process.stdout is not None
        for line in process.stdout:
            said.append(line)
            match = listening.search(line)
            if match and not found:
                found.append(match.group(1))
                ready.set()
        ready.set()

    threading.Thread(target=read, name="browser-server-log", daemon=True).start()
    try:
        if not ready.wait(STARTUP_TIMEOUT) or not found:
            raise RuntimeError(f"{command[0]} did not start within {STARTUP_TIMEOUT:.0f} s:\n{''.join(said)}")
        yield found[0]
    finally:
        os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(10)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()
