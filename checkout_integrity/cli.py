"""`checkout-integrity`: the demonstration run and the report, for people rather than CI."""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from pathlib import Path

from checkout_integrity._report import ReportUnavailable, build_html_report

ROOT = Path(__file__).resolve().parent.parent
DEMO_FAULTS = ("price-drift",)


def run_suite(faults: tuple[str, ...], extra: list[str]) -> int:
    """Run the customer scenarios against the demo site with these faults; pytest's exit code."""
    command = [sys.executable, "-m", "pytest", "steps", "-q", "--faults", ",".join(faults), *extra]
    return subprocess.run(command, cwd=ROOT, check=False).returncode


def demo(arguments: argparse.Namespace) -> int:
    """Switch faults on, walk the scenarios, tell what was caught and where the report is."""
    faults = tuple(arguments.faults.split(",")) if arguments.faults else DEMO_FAULTS
    run_suite(faults, arguments.pytest_args)
    findings_file = ROOT / "reports" / "findings.json"
    found = json.loads(findings_file.read_text(encoding="utf-8"))["findings"]
    print(f"\nThe customers met {len(found)} broken promise(s) with faults {', '.join(faults)} on:")
    for finding in found:
        print(f"  - {finding['id']} ({finding['severity']}), '{finding['scenario']}': {finding['message']}")
    missed = sorted(set(faults) - {finding["id"] for finding in found})
    try:
        print(f"\nHTML report: {build_html_report(ROOT)}")
    except ReportUnavailable as unavailable:
        print(f"\nNo HTML report: {unavailable}")
    print(f"Findings file: {findings_file}")
    if missed:
        print(f"Not caught: {', '.join(missed)}", file=sys.stderr)
        return 1
    print("Every switched-on fault was caught.")
    return 0


def report(_: argparse.Namespace) -> int:
    """Build the HTML report from the last run's Allure results."""
    try:
        print(build_html_report(ROOT))
    except ReportUnavailable as unavailable:
        print(unavailable, file=sys.stderr)
        return 1
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="checkout-integrity", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    demo_parser = commands.add_parser("demo", help="run the suite against the demo site with faults on")
    demo_parser.add_argument("--faults", default="", help=f"faults to switch on (default: {','.join(DEMO_FAULTS)})")
    demo_parser.add_argument("pytest_args", nargs="*", help="extra pytest arguments, after --")
    demo_parser.set_defaults(run=demo)
    commands.add_parser("report", help="build the HTML report of the last run").set_defaults(run=report)
    arguments = parser.parse_args(argv)
    return int(arguments.run(arguments))
