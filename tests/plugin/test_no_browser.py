"""No Chromium on the machine stops the run with how to install one."""

from __future__ import annotations

from pathlib import Path

import pytest

from checkout_integrity._browser import BrowserMissing, locate_browser


@pytest.fixture
def bare_machine(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """No Playwright-managed browser downloaded and no Chromium on PATH."""
    (tmp_path / "ms-playwright").mkdir()
    (tmp_path / "bin").mkdir()
    monkeypatch.setenv("PLAYWRIGHT_BROWSERS_PATH", str(tmp_path / "ms-playwright"))
    monkeypatch.setenv("PATH", str(tmp_path / "bin"))


@pytest.mark.usefixtures("bare_machine")
def test_no_browser_says_how_to_install_one() -> None:
    with pytest.raises(BrowserMissing) as missing:
        locate_browser()
    assert str(missing.value) == (
        "No Chromium found for the customers' browser: install one with `python -m playwright install chromium`, "
        "or your system's Chromium (`apt-get install chromium` on Debian), then run again."
    )


@pytest.mark.usefixtures("bare_machine")
def test_a_run_without_a_browser_stops_before_any_customer_sets_off(pytester: pytest.Pytester) -> None:
    from tests.suite.running import ROOT

    result = pytester.runpytest_subprocess(
        "--rootdir", str(ROOT), "-c", str(ROOT / "pyproject.toml"), f"--reports={pytester.path / 'out'}",
        str(ROOT / "steps" / "test_scenarios.py"), "-k", "every_amount_on_the_way_is_in_the_same_currency",
    )
    assert result.ret == 4
    result.stdout.fnmatch_lines(["*No Chromium found for the customers' browser: install one with*playwright install chromium*"])
