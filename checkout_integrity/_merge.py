"""Shards put back together: the reports folders of `--shard` runs merged into one, as if one run wrote it.

    findings.json      one run (site, faults, seed shared by every shard), the shards' findings in turn
    junit.xml          every shard's test suite under one <testsuites>, the scenario counts summed
    allure-results/    every shard's results side by side, so that one HTML report is built from them
    evidence/          every shard's evidence, and playwright/ its traces, the findings pointing at the copy

The shards must be of one run: the same site and faults, and the same --seed (CI passes one to all).
"""

from __future__ import annotations

import shutil
import xml.etree.ElementTree as ElementTree
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from checkout_integrity._exceptions import JourneyError
from checkout_integrity._findings import Finding, RunInfo, read_findings, write_findings
from checkout_integrity._outputs import ALLURE_RESULTS, JUNIT, PLAYWRIGHT

FINDINGS = "findings.json"
EVIDENCE = "evidence"
COPIED = (ALLURE_RESULTS, EVIDENCE, PLAYWRIGHT)  # folders of a shard's reports copied into the merged one
COUNTS = ("tests", "failures", "errors", "skipped")


@dataclass(frozen=True)
class MergedRun:
    """What the merge wrote: how many shards, scenarios and findings, and where."""

    into: Path
    shards: int
    scenarios: int  # tests in the shards' JUnit XML, summed
    failed: int  # failures and errors, summed
    findings: int


def merge_reports(shards: Sequence[Path], into: Path) -> MergedRun:
    """Merge the shards' reports folders into `into`; shards of different runs are refused with the fix."""
    if not shards:
        raise JourneyError("No shard reports to merge: name the reports folder of every shard.")
    runs = [_read_shard(shard) for shard in shards]
    run = _one_run([(shard, info) for shard, (info, _) in zip(shards, runs, strict=True)])
    into.mkdir(parents=True, exist_ok=True)
    findings: list[Finding] = []
    for shard, (_, found) in zip(shards, runs, strict=True):
        for folder in COPIED:
            _copy_tree(shard / folder, into / folder)
        findings += [_pointed_at(finding, shard, into) for finding in found]
    write_findings(into / FINDINGS, run, findings)
    counts = _merge_junit([shard / JUNIT for shard in shards], into / JUNIT)
    return MergedRun(into, len(shards), counts["tests"], counts["failures"] + counts["errors"], len(findings))


def _read_shard(shard: Path) -> tuple[RunInfo, list[Finding]]:
    if not (shard / FINDINGS).is_file():
        raise JourneyError(
            f"No {FINDINGS} in {shard}: name the folder a shard wrote with --reports (or its downloaded artifact)."
        )
    return read_findings(shard / FINDINGS)


def _one_run(runs: list[tuple[Path, RunInfo]]) -> RunInfo:
    """The shards' common run: it started with the first shard; differing sites or browsers are all named."""
    first_shard, first = runs[0]
    for shard, run in runs[1:]:
        for fact in ("site", "faults", "seed"):
            if getattr(run, fact) != getattr(first, fact):
                raise JourneyError(
                    f"The shards in {first_shard} and {shard} are not of one run ({fact} "
                    f"{getattr(first, fact)!r} and {getattr(run, fact)!r}): run every shard with the same "
                    "--site, --faults and --seed."
                )
    return replace(
        first,
        base_url=_distinct(run.base_url for _, run in runs),
        browser=_distinct(run.browser for _, run in runs),
        started=min(run.started for _, run in runs),
        scenarios=sum(run.scenarios for _, run in runs),
        collected=sum(run.collected for _, run in runs),
        flaky=tuple(scenario for _, run in runs for scenario in run.flaky),
        stopped=tuple(scenario for _, run in runs for scenario in run.stopped),
    )


def _distinct(values: Iterable[str]) -> str:
    return ", ".join(dict.fromkeys(value for value in values if value))


def _copy_tree(source: Path, target: Path) -> None:
    """Copy a shard's folder in; a file another shard already brought (categories.json) is kept as it is."""
    if not source.is_dir():
        return
    for path in sorted(source.rglob("*")):
        copy = target / path.relative_to(source)
        if path.is_dir():
            copy.mkdir(parents=True, exist_ok=True)
        elif not copy.exists():
            copy.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(path, copy)


def _pointed_at(finding: Finding, shard: Path, into: Path) -> Finding:
    """The finding with its evidence paths moved to the merged copy, wherever the shard's machine kept them."""
    return replace(finding, evidence=tuple(_moved(path, shard, into) for path in finding.evidence))


def _moved(path: str, shard: Path, into: Path) -> str:
    parts = Path(path).parts
    for at, part in enumerate(parts):
        if part in COPIED and shard.joinpath(*parts[at:]).is_file():
            return str(into.joinpath(*parts[at:]))
    return path


def _merge_junit(sources: list[Path], target: Path) -> dict[str, int]:
    """One <testsuites> holding every shard's <testsuite>; its counts are the sums."""
    merged = ElementTree.Element("testsuites", name="pytest tests")
    for source in sources:
        if source.is_file():
            root = ElementTree.parse(source).getroot()
            merged.extend(list(root.iter("testsuite")) if root.tag == "testsuites" else [root])
    counts = {count: sum(int(suite.get(count, "0")) for suite in merged) for count in COUNTS}
    merged.attrib.update({count: str(total) for count, total in counts.items()})
    ElementTree.ElementTree(merged).write(target, encoding="utf-8", xml_declaration=True)
    return counts
