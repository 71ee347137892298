"""Which Chromium the customers use: a Playwright-managed one where it exists, else the system's.

`python -m checkout_integrity._browser --install` is the setup step behind `make setup`: it makes sure
one of them is there, trying in order a managed browser already installed, `playwright install
chromium`, a system Chromium, and Debian's package through apt-get when running as root.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from playwright.sync_api import sync_playwright

SYSTEM_CHROMIUMS = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")
INSTALL_HINT = (
    "install one with `python -m playwright install chromium`, or your system's Chromium "
    "(`apt-get install chromium` on Debian), then run again"
)


# Added to every launch, as this project's machines need: pages drawn in software, so that the evidence
# looks alike on a laptop's GPU and a CI runner without one. Playwright adds --no-sandbox and the
# quiet-network flags (--disable-background-networking, --disable-component-update, --disable-sync,
# --no-first-run) itself.
CHROMIUM_ARGS = ["--disable-gpu"]


class BrowserMissing(RuntimeError):
    """No Chromium could be found or installed."""


@dataclass(frozen=True)
class BrowserChoice:
    """The Chromium to launch: `executable_path` None means Playwright's own build."""

    executable_path: str | None
    source: str

    def launch_options(self) -> dict[str, Any]:
        """What `chromium.launch(**options)` starts this Chromium with."""
        return {"executable_path": self.executable_path, "args": CHROMIUM_ARGS}


def managed_chromium() -> Path | None:
    """Playwright's own Chromium, if it has been downloaded."""
    with sync_playwright() as playwright:
        path = Path(playwright.chromium.executable_path)
    return path if path.exists() else None


def system_chromium() -> Path | None:
    """A Chromium on PATH, if any."""
    for name in SYSTEM_CHROMIUMS:
        found = shutil.which(name)
        if found:
            return Path(found)
    return None


def locate_browser() -> BrowserChoice:
    """The Chromium this machine offers, managed first."""
    if managed_chromium():
        return BrowserChoice(None, "playwright-managed chromium")
    system = system_chromium()
    if system:
        return BrowserChoice(str(system), f"system chromium at {system}")
    raise BrowserMissing(f"No Chromium found for the customers' browser: {INSTALL_HINT}.")


def install_browser() -> BrowserChoice:
    """Make sure a Chromium exists, trying each way in turn; say which one is used."""
    if managed_chromium():
        return locate_browser()
    tried = ["a Playwright-managed chromium (none installed)"]
    installer = subprocess.run(
        [sys.executable, "-m", "playwright", "install", "chromium"],
        capture_output=True,
        text=True,
        check=False,
    )
    if installer.returncode == 0 and managed_chromium():
        return locate_browser()
    tried.append("`playwright install chromium` (download failed)")
    if system_chromium() is None and os.geteuid() == 0 and shutil.which("apt-get"):
        env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
        subprocess.run(["apt-get", "update", "-qq"], check=False, env=env)
        subprocess.run(["apt-get", "install", "-y", "-qq", "chromium"], check=False, env=env)
        tried.append("`apt-get install chromium`")
    try:
        return locate_browser()
    except BrowserMissing:
        raise BrowserMissing(
            f"No Chromium could be installed (tried {', '.join(tried)}): {INSTALL_HINT}."
        ) from None


def main() -> int:
    """Entry point of `make setup`'s browser step."""
    try:
        choice = install_browser() if "--install" in sys.argv[1:] else locate_browser()
    except BrowserMissing as missing:
        print(missing, file=sys.stderr)
        return 1
    print(f"browser: {choice.source}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
