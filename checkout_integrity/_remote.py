"""Remote browsers: the customers' Chromium runs on another machine, reached over Playwright's protocol or CDP.

`--browser-ws-endpoint` feeds pytest-playwright's own `connect_options` fixture: a Playwright browser
server (`playwright run-server`, `browserType.launchServer`, a cloud grid). `--cdp-endpoint` connects to a
Chromium started with `--remote-debugging-port`. Either way no local browser is looked for.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import pytest
from playwright.sync_api import Browser, BrowserType
from playwright.sync_api import Error as PlaywrightError

CONNECT_TIMEOUT_MS = 30_000  # a grid that never answers stops the run instead of hanging it
SCHEMES = {"--browser-ws-endpoint": ("ws://", "wss://"), "--cdp-endpoint": ("http://", "https://", "ws://", "wss://")}
REMOTE = pytest.StashKey["RemoteBrowser | None"]()


@dataclass(frozen=True)
class RemoteBrowser:
    """Where the customers' browser runs, and the option that said so."""

    endpoint: str
    option: str  # "--browser-ws-endpoint" (a Playwright browser server) or "--cdp-endpoint"

    @property
    def over_cdp(self) -> bool:
        return self.option == "--cdp-endpoint"

    @property
    def source(self) -> str:
        """The browser as the run's facts name it (findings.json, the report's environment)."""
        protocol = "CDP" if self.over_cdp else "Playwright browser server"
        return f"remote chromium at {self.endpoint} ({protocol})"

    def connect_options(self) -> dict[str, Any]:
        """pytest-playwright's `connect_options`: its `launch_browser` connects with them."""
        return {"endpoint": self.endpoint, "timeout": CONNECT_TIMEOUT_MS}

    def connect_over_cdp(self, chromium: BrowserType) -> Browser:
        return chromium.connect_over_cdp(self.endpoint, timeout=CONNECT_TIMEOUT_MS)

    def unreachable(self, error: PlaywrightError) -> str:
        """One sentence: which browser could not be reached, what Playwright said, and the fix."""
        said = error.message.strip().splitlines()[0] if error.message.strip() else type(error).__name__
        server = (
            "start Chromium with --remote-debugging-port"
            if self.over_cdp
            else "start the browser server (`playwright run-server`, or your grid)"
        )
        return f"The remote browser at {self.endpoint} cannot be reached ({said}): {server}, or fix {self.option}."


def add_options(parser: pytest.Parser) -> None:
    """`--browser-ws-endpoint` and `--cdp-endpoint`, in the harness's option group."""
    group = parser.getgroup("checkout-integrity")
    group.addoption(
        "--browser-ws-endpoint",
        default=None,
        metavar="URL",
        help="connect to a Playwright browser server (ws://host:port/path: `playwright run-server`, "
        "browserType.launchServer or a cloud grid) instead of launching a local Chromium",
    )
    group.addoption(
        "--cdp-endpoint",
        default=None,
        metavar="URL",
        help="connect to a Chromium over CDP (http://host:9222, from `chromium --remote-debugging-port=9222`) "
        "instead of launching a local one",
    )


def chosen_remote(config: pytest.Config) -> RemoteBrowser | None:
    """The remote browser the options name, None for a local one; a bad URL stops the run with the fix."""
    if REMOTE not in config.stash:
        given = [(option, config.getoption(option)) for option in SCHEMES if config.getoption(option)]
        if len(given) > 1:
            raise pytest.UsageError(
                "--browser-ws-endpoint and --cdp-endpoint both name the customers' browser: keep one of them."
            )
        remote = RemoteBrowser(given[0][1], given[0][0]) if given else None
        if remote is not None and not remote.endpoint.startswith(SCHEMES[remote.option]):
            raise pytest.UsageError(
                f"{remote.option} {remote.endpoint} is not a browser endpoint: give a URL starting with "
                f"{' or '.join(SCHEMES[remote.option])}."
            )
        config.stash[REMOTE] = remote
    return config.stash[REMOTE]
