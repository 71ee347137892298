"""Bad input stops the run with one sentence that names the fix, before any customer sets off."""

from __future__ import annotations

import socket
from pathlib import Path

import pytest

from tests.suite.running import run_suite


def closed_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def test_an_unknown_fault_names_the_nearest_known_one(pytester: pytest.Pytester) -> None:
    result = pytester.runpytest_subprocess("--faults", "price-drfit")
    assert result.ret == pytest.ExitCode.USAGE_ERROR
    result.stderr.fnmatch_lines(['*unknown fault "price-drfit" (the nearest known id is "price-drift"*--list-faults*'])


def test_faults_cannot_be_switched_on_another_site(pytester: pytest.Pytester) -> None:
    result = pytester.runpytest_subprocess("--faults", "price-drift", "--base-url", "https://shop.example")
    assert result.ret == pytest.ExitCode.USAGE_ERROR
    result.stderr.fnmatch_lines(["*--faults switches faults of the bundled demo site*drop --base-url*"])


def test_an_unreachable_site_names_the_url_and_what_was_tried(tmp_path: Path) -> None:
    url = f"http://127.0.0.1:{closed_port()}"
    run = run_suite(tmp_path, "--base-url", url)
    assert run.exit_code == 4, run.output
    assert f"The site at {url} cannot be reached (tried GET {url}" in run.output
    assert "start the shop, or fix --base-url" in run.output
