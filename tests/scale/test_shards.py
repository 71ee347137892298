"""`--shard i/n` splits the scenarios so that n machines walk each of them exactly once."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.suite.running import run_suite


def collected(reports: Path, *options: str) -> list[str]:
    """The node ids a run would walk, from `--collect-only -q` (no browser is started)."""
    run = run_suite(reports, "--collect-only", "-q", *options)
    assert run.exit_code == 0, run.output
    return [line for line in run.output.splitlines() if "::" in line]


def test_two_shards_walk_every_scenario_exactly_once(tmp_path: Path) -> None:
    whole = collected(tmp_path / "whole")
    first, second = collected(tmp_path / "first", "--shard", "1/2"), collected(tmp_path / "second", "--shard", "2/2")
    assert len(whole) > 10
    assert sorted(first + second) == sorted(whole)
    assert not set(first) & set(second)
    assert abs(len(first) - len(second)) <= 1


def test_a_shard_is_the_same_on_every_machine(tmp_path: Path) -> None:
    assert collected(tmp_path / "a", "--shard", "2/3") == collected(tmp_path / "b", "--shard", "2/3")


@pytest.mark.parametrize("shard", ["0/2", "3/2", "x", "1/0", "1/"])
def test_a_bad_shard_is_refused_with_an_example(pytester: pytest.Pytester, shard: str) -> None:
    result = pytester.runpytest_subprocess("--shard", shard)
    assert result.ret == pytest.ExitCode.USAGE_ERROR
    result.stderr.fnmatch_lines([f"*argument --shard: '{shard}' is not a shard: give i/n with 1 <= i <= n*"])
