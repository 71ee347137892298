"""A shop that stops answering mid-journey fails the scenario within the step timeout, naming the step."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from tests.suite.running import run_suite

PAGES = {
    "/": '<form action="/search"><button>Search</button></form>',
    "/search": '<div data-testid="offer"><span data-testid="offer-name">Classic Double</span>'
    '<span data-testid="offer-total">€240.00</span><a href="/rooms/classic">Choose Classic Double</a></div>',
}
PROFILE = """
[site]
name = "A shop that hangs"
currency = "EUR"

[roles]
ordinary = "Classic Double"

[pages]
cart = { url = "^/cart" }
payment = { url = "^/pay" }
confirmation = { url = "^/done" }

[find_offers]
url = "/"
steps = [{ click = "button=Search" }]
ready = "testid=offer"

[choose_offer]
choose = "link=Choose {offer}"
ready = "testid=room-total"

[add_to_cart]
[checkout]
[enter_card]
[pay]

[read]
total = "testid=room-total"
offers = { each = "testid=offer", name = "testid=offer-name", total = "testid=offer-total" }
"""


@pytest.fixture
def hanging_shop() -> Iterator[str]:
    """A shop on loopback that shows its search and results, then never answers the room page."""
    release = threading.Event()

    class Shop(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            page = PAGES.get(self.path.split("?")[0])
            if page is None and self.path.startswith("/rooms/"):
                release.wait(timeout=120)
                return
            body = f"<!doctype html><html><body>{page}</body></html>".encode() if page else b"not here"
            self.send_response(200 if page else 404)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, format: str, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Shop)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        release.set()
        server.shutdown()
        server.server_close()


@pytest.mark.browser_suite
def test_a_shop_that_hangs_mid_journey_fails_the_step_within_the_timeout(tmp_path: Path, hanging_shop: str) -> None:
    profile = tmp_path / "hanging.toml"
    profile.write_text(PROFILE, encoding="utf-8")
    run = run_suite(
        tmp_path / "reports",
        f"--site={profile}",
        f"--base-url={hanging_shop}",
        "--step-timeout=2",
        "-k",
        "every_amount_on_the_way_is_in_the_same_currency",
    )
    assert run.exit_code == 1, run.output
    assert (
        "The shop did not answer within 2 s at step 'And I book an ordinary offer' "
        "(features/one_currency.feature:7): "
        f"GET {hanging_shop}/rooms/classic was still unanswered after"
    ) in run.output
    assert "raise --step-timeout if the shop is only slow, or check the site." in run.output
    assert run.report["run"]["base_url"] == hanging_shop, "findings.json is written after the failed run"
    assert run.seconds < 60


def test_a_step_timeout_that_is_no_time_says_what_to_give(pytester: pytest.Pytester) -> None:
    result = pytester.runpytest_subprocess("--step-timeout=0")
    assert result.ret == pytest.ExitCode.USAGE_ERROR
    result.stderr.fnmatch_lines(["*--step-timeout: '0' is no time to wait: give a number of seconds above 0, such as 30"])
