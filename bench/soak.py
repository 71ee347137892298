"""Flake hunt: the whole scenario suite run again and again, clean and with each demo fault alone.

Each run is judged once, as it came out (no retries): a clean run is expected when pytest exits 0 and
reports no finding; a fault run when its findings carry exactly that fault's id and pytest ran to its end
(exit 0 or 1, no errors, no scenario stopped on an error before its promises). Prints every run, the flake
rate and, for each unexpected run, its finding ids and first failing line (or the scenario not checked). An
unexpected run's reports (findings.json with its seed, Allure results, evidence, traces) and pytest's output
are kept under reports/soak/ until the next soak, to replay and read. Exits 1 when any run was unexpected.

`make soak` runs 20 clean and 5 per fault; `--clean N --per-fault M` run fewer.
"""

from __future__ import annotations

import argparse
import re
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from demo_hotel.faults import FAULTS  # noqa: E402
from tests.suite.running import SuiteRun, run_suite  # noqa: E402

KEPT = ROOT / "reports" / "soak"
FAILING = re.compile(r"^(FAILED|ERROR) ")
CLOSING = re.compile(r"\d+ (passed|failed|errors?|skipped|xfailed|xpassed|deselected)\b.* in [\d.]+s")


@dataclass(frozen=True)
class Verdict:
    """One run of the suite, judged: `fault` is None for a clean run."""

    fault: str | None
    expected: bool
    exit_code: int | None
    finding_ids: tuple[str, ...]
    first_failing_line: str
    seconds: float
    seed: int | None = None
    walked: int = 0

    @property
    def label(self) -> str:
        return self.fault or "clean"

    def line(self) -> str:
        ended = "timed out" if self.exit_code is None else f"exit {self.exit_code}"
        found = ", ".join(self.finding_ids) or "no finding"
        seed = "" if self.seed is None else f", seed {self.seed}"
        judged = f"{self.label:<18} {'expected' if self.expected else 'UNEXPECTED':<10}"
        return f"{judged} {ended}, {self.walked} scenarios walked, {found}{seed}"


def first_failing_line(output: str) -> str:
    """pytest's first FAILED/ERROR summary line, with the first `E ` line of the output when the summary gives
    no reason; else the last line, e.g. the closing line of a run that failed no test."""
    lines = [line.strip() for line in output.splitlines() if line.strip()]
    failing = next((line for line in lines if FAILING.match(line)), None)
    reason = next((line.removeprefix("E").strip() for line in lines if line.startswith("E ")), None)
    if failing is not None and (" - " in failing or reason is None):
        return failing
    if failing is not None:
        return f"{failing} - {reason}"
    return reason or (lines[-1] if lines else "(no output)")


def ran_to_its_end(run: SuiteRun) -> bool:
    """pytest finished (exit 0 or 1, a findings file written), walked scenarios (a run that skipped them all
    found nothing because it looked at nothing), no test errored in setup or teardown and every scenario
    reached its promises (findings.json's `run.stopped` is empty)."""
    closing = next((line for line in reversed(run.output.splitlines()) if CLOSING.search(line)), "")
    facts = run.report.get("run", {})
    walked, stopped = facts.get("scenarios", 0), facts.get("stopped")
    return run.exit_code in (0, 1) and walked > 0 and "error" not in closing and not stopped


def judge(fault: str | None, run: SuiteRun) -> Verdict:
    ids = tuple(sorted({finding["id"] for finding in run.report.get("findings", [])}))
    if fault is None:
        expected = run.exit_code == 0 and ran_to_its_end(run) and not ids
    else:
        expected = ran_to_its_end(run) and ids == (fault,)
    facts = run.report.get("run", {})
    stopped = facts.get("stopped") or []
    first = f"not checked: {stopped[0]['test']}: {stopped[0]['error']}" if stopped else first_failing_line(run.output)
    return Verdict(fault, expected, run.exit_code, ids, first, run.seconds, facts.get("seed"), facts.get("scenarios", 0))


def keep(reports: Path, output: str, folder: Path) -> None:
    """An unexpected run's reports and pytest output, copied to `folder` before its temporary folder goes."""
    shutil.copytree(reports, folder, dirs_exist_ok=True)
    (folder / "pytest-output.txt").write_text(output, encoding="utf-8")


def run_once(fault: str | None, workers: int, number: int) -> Verdict:
    """One run of the suite in its own reports folder; a run that hits the time limit is unexpected."""
    options = (f"-n={workers}",) + ((f"--faults={fault}",) if fault else ())
    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="soak-") as folder:
        reports = Path(folder)
        try:
            run = run_suite(reports, *options)
        except subprocess.TimeoutExpired as timeout:
            output = timeout.output.decode() if isinstance(timeout.output, bytes) else timeout.output or ""
            line = f"timed out after {timeout.timeout:.0f} s; last output: {first_failing_line(output)}"
            verdict = Verdict(fault, False, None, (), line, time.perf_counter() - started)
        else:
            output, verdict = run.output, judge(fault, run)
        if not verdict.expected:
            keep(reports, output, KEPT / f"{number:03}-{verdict.label}")
        return verdict


def soak(clean: int, per_fault: int, workers: int) -> list[Verdict]:
    plan: list[str | None] = [None] * clean + [fault for fault in FAULTS for _ in range(per_fault)]
    verdicts = []
    for number, fault in enumerate(plan, start=1):
        verdicts.append(run_once(fault, workers, number))
        print(f"{number:>3}/{len(plan)}  {verdicts[-1].line()}  ({verdicts[-1].seconds:.1f} s)", flush=True)
    return verdicts


def report(verdicts: list[Verdict], clean: int, per_fault: int, seconds: float) -> None:
    """The flake rate, each configuration's tally (mixed results mark a flaky one), then every unexpected run."""
    unexpected = [verdict for verdict in verdicts if not verdict.expected]
    rate = 100 * len(unexpected) / len(verdicts) if verdicts else 0.0
    print(
        f"\nsoak: {len(verdicts)} runs ({clean} clean, {per_fault} x {len(FAULTS)} faults) in {seconds / 60:.1f} min; "
        f"{len(unexpected)} unexpected, flake rate {rate:.1f} % (target: 0 unexpected)"
    )
    for label in dict.fromkeys(verdict.label for verdict in verdicts):
        runs = [verdict.expected for verdict in verdicts if verdict.label == label]
        flaky = "  FLAKY: the same run came out both ways" if len(set(runs)) > 1 else ""
        print(f"  {label:<18} {sum(runs)}/{len(runs)} expected{flaky}")
    if unexpected:
        print(f"unexpected runs (reports and pytest output kept in {KEPT.relative_to(ROOT)}/):")
    for verdict in unexpected:
        print(f"  {verdict.line()}\n      {verdict.first_failing_line}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clean", type=int, default=20, help="clean runs (default: %(default)s)")
    parser.add_argument("--per-fault", type=int, default=5, help="runs per demo fault (default: %(default)s)")
    parser.add_argument("--workers", type=int, default=2, help="xdist workers per run (default: %(default)s)")
    args = parser.parse_args()
    started = time.perf_counter()
    shutil.rmtree(KEPT, ignore_errors=True)  # what an earlier soak kept would read as this one's
    verdicts = soak(args.clean, args.per_fault, args.workers)
    report(verdicts, args.clean, args.per_fault, time.perf_counter() - started)
    return 0 if all(verdict.expected for verdict in verdicts) else 1


if __name__ == "__main__":
    raise SystemExit(main())
