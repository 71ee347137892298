"""Benchmark: the scenario suite's wall time at `-n 1` and `-n 2`, how busy the machine's cores were at
`-n 1` (which bounds what a second worker can gain), and (with --matrix) the fault matrix's wall time,
each run as a child pytest like the project's own tests run it.

Run with `make bench`. Prints numbers against the targets; asserts nothing.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.suite.running import run_suite  # noqa: E402

SPEED_UP = 1.6  # -n 2 against -n 1
MATRIX_MINUTES = 5


def suite_seconds(workers: int) -> tuple[float, float | None]:
    """Wall seconds of the whole scenario suite on the clean demo site with this many xdist workers, and the
    share of all the machine's cores that was busy meanwhile (None where /proc/stat cannot tell)."""
    before = cores_busy()
    with tempfile.TemporaryDirectory(prefix="suite-speed-") as reports:
        run = run_suite(Path(reports), "-q", f"-n{workers}")
    after = cores_busy()
    if run.exit_code != 0:
        raise SystemExit(f"the clean suite failed at -n {workers} (exit {run.exit_code}):\n{run.output[-3000:]}")
    if before is None or after is None:
        return run.seconds, None
    return run.seconds, (after[0] - before[0]) / (after[1] - before[1])


def cores_busy() -> tuple[int, int] | None:
    """Linux's busy and total CPU ticks over all cores so far (every process, the browser's too)."""
    try:
        ticks = [int(field) for field in Path("/proc/stat").read_text().split("\n", 1)[0].split()[1:]]
    except OSError:
        return None
    idle = ticks[3] + ticks[4]  # idle, iowait
    return sum(ticks) - idle, sum(ticks)


def matrix_seconds(target: str) -> tuple[float, int]:
    """Wall seconds and exit code of the fault matrix on one target (or all) at `-n 2`, as `make test` runs it."""
    chosen = [] if target == "all" else ["-k", target]
    started = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-m", "pytest", "-p", "no:cacheprovider", "-q", "-n", "2",
         "tests/suite/test_fault_matrix.py", *chosen],
        cwd=ROOT, check=False,
    )
    return time.perf_counter() - started, done.returncode


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--matrix", action="store_true", help="also time the fault matrix on one target")
    parser.add_argument(
        "--target",
        default="all",
        choices=("all", "hotel", "spa", "goods"),
        help="the matrix's target with --matrix (default: %(default)s)",
    )
    options = parser.parse_args()
    (one, busy), (two, _) = suite_seconds(1), suite_seconds(2)
    print(f"scenario suite, clean demo site: -n 1 {one:.1f} s, -n 2 {two:.1f} s wall time")
    speed_up = one / two
    print(f"  speed-up {speed_up:.2f}x  (target >= {SPEED_UP}x: {'met' if speed_up >= SPEED_UP else 'missed'})")
    if busy is not None:
        cores = os.cpu_count() or 1
        print(f"  at -n 1 the {cores} cores were {busy:.0%} busy (browser, demo site, pytest): more workers can gain "
              f"at most {1 / busy:.2f}x on this machine")
    if options.matrix:
        seconds, exit_code = matrix_seconds(options.target)
        verdict = "met" if seconds < MATRIX_MINUTES * 60 else "missed"
        print(f"fault matrix on {options.target!r} at -n 2: {seconds:.0f} s wall time, exit {exit_code} "
              f"(target < {MATRIX_MINUTES} min: {verdict})")


if __name__ == "__main__":
    main()
