"""`checkout-integrity`: the demonstration run and the report, for people rather than CI."""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from collections import Counter
from pathlib import Path

from checkout_integrity import _profile_doctor, _step_library
from checkout_integrity._exceptions import JourneyError
from checkout_integrity._merge import merge_reports
from checkout_integrity._report import ReportUnavailable, build_html_report

ROOT = Path(__file__).resolve().parent.parent
REPORTS = ROOT / "reports"
# A representative set that can be on together without hiding one another: price, fee, basket, form,
# countdown, cross-device, a jumping pay button and a form that asks twice (`--faults` picks any others).
DEMO_FAULTS = (
    "price-drift", "hidden-fee", "basket-sneak", "input-lost", "fake-urgency", "cart-lost", "layout-shift", "retyping"
)


def run_suite(faults: tuple[str, ...], extra: list[str]) -> int:
    """Run the customer scenarios against the demo site with these faults; pytest's exit code."""
    command = [sys.executable, "-m", "pytest", "steps", "-q", f"--faults={','.join(faults)}", *extra]
    return subprocess.run(command, cwd=ROOT, check=False).returncode


def demo(arguments: argparse.Namespace) -> int:
    """Switch faults on, walk the scenarios, tell what was caught; the last line is the HTML report."""
    faults = tuple(arguments.faults.split(",")) if arguments.faults else DEMO_FAULTS
    run_suite(faults, arguments.pytest_args)
    told, troubles = caught(faults, REPORTS / "findings.json")
    print(*told, sep="\n")
    for trouble in troubles:
        print(trouble, file=sys.stderr)
    built = _build(REPORTS)
    return 1 if troubles or not built else 0


def caught(faults: tuple[str, ...], findings_file: Path) -> tuple[list[str], list[str]]:
    """What a demo run's findings file says of the `faults` switched on: the broken promises met and, when
    none was missed, that every fault was caught; then what went wrong (faults not caught, scenarios that
    stopped on an error before their promises)."""
    written = json.loads(findings_file.read_text(encoding="utf-8"))
    found = written["findings"]
    by_defect: dict[str, list[dict[str, str]]] = {}
    for seen in found:
        by_defect.setdefault(seen["id"], []).append(seen)
    told = [
        f"\nThe customers met {len(found)} broken promise(s) with faults {', '.join(faults)} on:",
        *(_defect_line(defect, met) for defect, met in by_defect.items()),
        f"Findings file: {findings_file} (every finding of every scenario)",
    ]
    missed = sorted(set(faults) - {finding["id"] for finding in found})
    troubles = [f"Not caught: {', '.join(missed)}"] if missed else []
    troubles += [
        f"Not checked: '{scenario['scenario']}' stopped on an error before its promises: {scenario['error']}"
        for scenario in written["run"].get("stopped", [])
    ]
    return told + ([] if missed else ["Every switched-on fault was caught."]), troubles


def _defect_line(defect: str, met: list[dict[str, str]]) -> str:
    """'  - hidden-fee (critical) in 18 scenarios: A fee appeared only at the last step: ...', the words most
    scenarios met."""
    words = Counter(seen["message"] for seen in met)
    message, _ = words.most_common(1)[0]
    scenarios = "1 scenario" if len(met) == 1 else f"{len(met)} scenarios"
    others = f" (and {len(words) - 1} other wording{'s' if len(words) > 2 else ''})" if len(words) > 1 else ""
    return f"  - {defect} ({met[0]['severity']}) in {scenarios}: {message}{others}"


def report(arguments: argparse.Namespace) -> int:
    """Build the HTML report from the last run's Allure results."""
    return 0 if _build(Path(arguments.reports)) else 1


def _build(reports: Path) -> bool:
    """Build the HTML report and say where it is (last line) and how long it took."""
    try:
        built = build_html_report(reports)
    except ReportUnavailable as unavailable:
        print(f"No HTML report: {unavailable}", file=sys.stderr)
        return False
    print(f"Allure built the report in {built.seconds:.1f} s; it opens from disk, offline.")
    print(f"HTML report: {built.index}")
    return True


def merge(arguments: argparse.Namespace) -> int:
    """Put the reports of `--shard` runs together into one folder; `report --reports DIR` builds its HTML."""
    try:
        merged = merge_reports([Path(shard) for shard in arguments.shards], Path(arguments.into))
    except JourneyError as problem:
        print(problem, file=sys.stderr)
        return 1
    print(
        f"Merged {merged.shards} shards: {merged.scenarios} tests ({merged.failed} failed), "
        f"{merged.findings} finding(s) in {merged.into / 'findings.json'}"
    )
    print(f"HTML report: checkout-integrity report --reports {merged.into}")
    return 0


def steps(_: argparse.Namespace) -> int:
    """The step library, for scenario writers: every phrase with an example line from the features."""
    sys.path.insert(0, str(ROOT))
    from conftest import pytest_plugins

    _step_library.print_library(pytest_plugins, ROOT / "features")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="checkout-integrity", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    demo_parser = commands.add_parser("demo", help="run the suite against the demo site with faults on")
    demo_parser.add_argument("--faults", default="", help=f"faults to switch on (default: {','.join(DEMO_FAULTS)})")
    demo_parser.add_argument("pytest_args", nargs="*", help="extra pytest arguments, after --")
    demo_parser.set_defaults(run=demo)
    report_parser = commands.add_parser("report", help="build the HTML report of the last run")
    report_parser.add_argument("--reports", default=str(REPORTS), help="the run's reports folder (default: reports)")
    report_parser.set_defaults(run=report)
    merge_parser = commands.add_parser("merge", help="merge the reports of --shard runs into one folder")
    merge_parser.add_argument("shards", nargs="+", metavar="DIR", help="the reports folder of each shard")
    merge_parser.add_argument("--into", required=True, metavar="DIR", help="the merged reports folder")
    merge_parser.set_defaults(run=merge)
    _profile_doctor.add_command(commands)
    commands.add_parser("steps", help="list every step phrase (English and Italian) with an example").set_defaults(
        run=steps
    )
    arguments = parser.parse_args(argv)
    return int(arguments.run(arguments))
