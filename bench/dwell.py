"""Benchmark: what a 60-second customer dwell costs in wall time on the demo site.

Run with `make bench`. Prints numbers; asserts nothing (targets are stated next to them).
"""

from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from checkout_integrity._browser import locate_browser  # noqa: E402
from demo_hotel.server import DemoServer  # noqa: E402
from fixtures.clock import CustomerClock  # noqa: E402
from fixtures.site import TargetSite  # noqa: E402

REPETITIONS = 5


def dwell_seconds() -> list[float]:
    """Wall seconds for a 60 s dwell on the demo site's cart page (site clock and page timers moved)."""
    timings = []
    chromium = locate_browser()  # before the sync API's own loop starts
    with DemoServer() as server, sync_playwright() as playwright:
        browser = playwright.chromium.launch(**chromium.launch_options())
        site = TargetSite("demo_hotel", server.url, demo_mode=True)
        for _ in range(REPETITIONS):
            page = browser.new_page(base_url=server.url)
            clock = CustomerClock(site)
            clock.control(page)
            page.goto("/search?check_in=2027-03-01&check_out=2027-03-03&guests=2")
            started = time.perf_counter()
            clock.spend(60, page)
            timings.append(time.perf_counter() - started)
            page.close()
        browser.close()
    return timings


def main() -> None:
    dwell = dwell_seconds()
    print(f"60 s customer dwell on the demo site: median {statistics.median(dwell):.3f} s wall time "
          f"(min {min(dwell):.3f}, max {max(dwell):.3f}, {REPETITIONS} runs; target < 1 s)")


if __name__ == "__main__":
    main()
