"""The suite walks through a browser on another machine (here: served on loopback), never looking for a local one."""

from __future__ import annotations

import socket
from pathlib import Path

import pytest

from tests.scale.browser_servers import chromium_over_cdp, playwright_browser_server
from tests.suite.running import run_suite

pytestmark = pytest.mark.browser_suite


def closed_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def test_the_suite_walks_through_a_playwright_browser_server(tmp_path: Path) -> None:
    with playwright_browser_server() as endpoint:
        run = run_suite(tmp_path, "-k", "price_is_held", "--browser-ws-endpoint", endpoint)
    assert run.exit_code == 0, run.output
    assert "1 passed" in run.output
    assert run.report["run"]["browser"].startswith(f"remote chromium at {endpoint} (Playwright browser server)")
    assert run.report["findings"] == []


def test_the_suite_walks_through_chromium_over_cdp(tmp_path: Path) -> None:
    with chromium_over_cdp(tmp_path / "chromium-profile") as endpoint:
        run = run_suite(tmp_path / "reports", "-k", "price_is_held", "--cdp-endpoint", endpoint)
    assert run.exit_code == 0, run.output
    assert "1 passed" in run.output
    assert run.report["run"]["browser"].startswith(f"remote chromium at {endpoint} (CDP)")


@pytest.mark.parametrize("option", ["--browser-ws-endpoint", "--cdp-endpoint"])
def test_an_unreachable_remote_browser_names_the_url_and_the_fix(tmp_path: Path, option: str) -> None:
    scheme = "ws" if option == "--browser-ws-endpoint" else "http"
    endpoint = f"{scheme}://127.0.0.1:{closed_port()}/"
    run = run_suite(tmp_path, "-k", "price_is_held", option, endpoint)
    assert run.exit_code == 4, run.output
    assert f"The remote browser at {endpoint} cannot be reached (" in run.output
    assert f"or fix {option}." in run.output


def test_a_remote_browser_needs_a_browser_url(pytester: pytest.Pytester) -> None:
    result = pytester.runpytest_subprocess("--cdp-endpoint", "127.0.0.1:9222")
    assert result.ret == pytest.ExitCode.USAGE_ERROR
    result.stderr.fnmatch_lines(
        ["*--cdp-endpoint 127.0.0.1:9222 is not a browser endpoint: give a URL starting with http://*"]
    )


def test_one_remote_browser_at_a_time(pytester: pytest.Pytester) -> None:
    result = pytester.runpytest_subprocess("--cdp-endpoint", "http://a:9222", "--browser-ws-endpoint", "ws://b:3000/")
    assert result.ret == pytest.ExitCode.USAGE_ERROR
    result.stderr.fnmatch_lines(["*--browser-ws-endpoint and --cdp-endpoint both name the customers' browser*"])
