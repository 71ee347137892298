"""`checkout-integrity merge`: the reports of the shards become one findings.json, one JUnit XML, one Allure folder."""

from __future__ import annotations

import json
import subprocess
import sys
import xml.etree.ElementTree as ElementTree
from pathlib import Path

import pytest

from checkout_integrity import CATALOGUE, RunInfo, write_findings
from checkout_integrity._exceptions import JourneyError
from checkout_integrity._findings import read_findings
from checkout_integrity._merge import merge_reports
from checkout_integrity._retries import FlakyScenario
from checkout_integrity._stopped import StoppedScenario
from tests.suite.running import ROOT, run_suite

SCENARIOS = "price_is_held or no_fee_appears"  # one per shard, each catching a switched-on fault


def merge(*arguments: str) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, "-m", "checkout_integrity", "merge", *arguments]
    return subprocess.run(command, cwd=ROOT, capture_output=True, text=True, check=False, timeout=60)


@pytest.mark.browser_suite
def test_two_shards_merge_into_one_run(tmp_path: Path) -> None:
    shards = [tmp_path / "shard-1", tmp_path / "shard-2"]
    runs = [
        run_suite(shard, "-k", SCENARIOS, "--faults", "price-drift,hidden-fee", "--seed", "4711", f"--shard={i}/2")
        for i, shard in enumerate(shards, start=1)
    ]
    assert all(run.report["findings"] for run in runs), [run.output for run in runs]

    done = merge(*map(str, shards), "--into", str(tmp_path / "merged"))

    assert done.returncode == 0, done.stderr
    assert "Merged 2 shards: 2 tests (2 failed)" in done.stdout
    merged = json.loads((tmp_path / "merged" / "findings.json").read_text(encoding="utf-8"))
    assert merged["run"]["seed"] == 4711
    assert merged["run"]["faults"] == ["hidden-fee", "price-drift"]
    assert [run.report["run"]["scenarios"] for run in runs] == [1, 1] and merged["run"]["scenarios"] == 2
    assert merged["findings"] == [
        {**finding, "evidence": [path.replace(str(shard), str(tmp_path / "merged")) for path in finding["evidence"]]}
        for shard, run in zip(shards, runs, strict=True)
        for finding in run.report["findings"]
    ]
    assert all(Path(path).is_file() for finding in merged["findings"] for path in finding["evidence"])
    results = {path.name for shard in shards for path in (shard / "allure-results").glob("*-result.json")}
    assert len(results) == 2
    assert results <= {path.name for path in (tmp_path / "merged" / "allure-results").iterdir()}
    junit = ElementTree.parse(tmp_path / "merged" / "junit.xml").getroot()
    assert (junit.get("tests"), junit.get("failures"), len(junit.findall("testsuite"))) == ("2", "2", 2)


def shard_of(folder: Path, seed: int) -> Path:
    run = RunInfo("demo_hotel", "http://127.0.0.1:1", "chromium", ("price-drift",), "2026-11-23T10:00:00+00:00", seed)
    write_findings(folder / "findings.json", run, [CATALOGUE["price-drift"].finding("The price changed.", "payment")])
    return folder


def test_shards_of_different_runs_are_not_merged(tmp_path: Path) -> None:
    with pytest.raises(JourneyError, match=r"not of one run \(seed 1 and 2\): run every shard with the same"):
        merge_reports([shard_of(tmp_path / "a", 1), shard_of(tmp_path / "b", 2)], tmp_path / "merged")


def test_a_folder_without_findings_is_named(tmp_path: Path) -> None:
    done = merge(str(shard_of(tmp_path / "a", 1)), str(tmp_path / "typo"), "--into", str(tmp_path / "merged"))
    assert done.returncode == 1
    assert f"No findings.json in {tmp_path / 'typo'}: name the folder a shard wrote with --reports" in done.stderr


def test_the_shards_flaky_and_unchecked_scenarios_are_listed_together(tmp_path: Path) -> None:
    shards = []
    for number in (1, 2):
        folder = tmp_path / f"shard{number}"
        flaky = (FlakyScenario(f"t.py::scenario_{number}", f"scenario {number}", 2),)
        stopped = (StoppedScenario(f"t.py::stopped_{number}", f"stopped {number}", "call", "TimeoutError: no page"),)
        run = RunInfo(
            "demo_hotel", "", "chromium", (), "2026-11-23T10:00:00+00:00", 7, scenarios=3, flaky=flaky, stopped=stopped
        )
        write_findings(folder / "findings.json", run, [])
        shards.append(folder)
    merge_reports(shards, tmp_path / "merged")
    merged, _ = read_findings(tmp_path / "merged" / "findings.json")
    assert [scenario.test for scenario in merged.flaky] == ["t.py::scenario_1", "t.py::scenario_2"]
    assert [scenario.test for scenario in merged.stopped] == ["t.py::stopped_1", "t.py::stopped_2"]
    assert merged.scenarios == 6
