"""CI shards: `--shard i/n` walks every n-th scenario, so that n machines share one suite.

The split depends only on the node ids that `-k` and `-m` left (sorted, then every n-th from the i-th),
so every shard of a CI matrix agrees on it without talking to the others; the shards' reports are put
back together by `checkout-integrity merge`.
"""

from __future__ import annotations

import argparse
from dataclasses import dataclass

import pytest


@dataclass(frozen=True)
class Shard:
    """The `index`-th of `total` shares of the suite, counted from 1."""

    index: int
    total: int

    @classmethod
    def parse(cls, text: str) -> Shard:
        """`i/n` with 1 <= i <= n; anything else is refused with an example."""
        index, slash, total = text.partition("/")
        if slash and index.strip().isdigit() and total.strip().isdigit():
            shard = cls(int(index), int(total))
            if 1 <= shard.index <= shard.total:
                return shard
        raise argparse.ArgumentTypeError(
            f"{text!r} is not a shard: give i/n with 1 <= i <= n, e.g. --shard 1/2 and --shard 2/2 on two machines"
        )

    def keeps(self, items: list[pytest.Item]) -> tuple[list[pytest.Item], list[pytest.Item]]:
        """(this shard's items in collection order, the others')."""
        ours = {item.nodeid for item in sorted(items, key=lambda item: item.nodeid)[self.index - 1 :: self.total]}
        return [item for item in items if item.nodeid in ours], [item for item in items if item.nodeid not in ours]


def add_option(parser: pytest.Parser) -> None:
    """`--shard`, in the harness's option group."""
    parser.getgroup("checkout-integrity").addoption(
        "--shard",
        type=Shard.parse,
        default=None,
        metavar="I/N",
        help="walk only the I-th of N shares of the scenarios (split by node id, the same on every machine); "
        "merge the shards' reports with `checkout-integrity merge`",
    )


class ShardSelection:
    """Keeps this shard's scenarios once `-k` and `-m` have chosen, so that the shards share a selection evenly."""

    def __init__(self, shard: Shard) -> None:
        self.shard = shard

    @pytest.hookimpl(trylast=True)
    def pytest_collection_modifyitems(self, config: pytest.Config, items: list[pytest.Item]) -> None:
        ours, others = self.shard.keeps(items)
        if others:
            config.hook.pytest_deselected(items=others)  # as `-k` does: the summary counts them
            items[:] = ours


def split(config: pytest.Config) -> None:
    """With `--shard`, deselect the other shards' scenarios at the end of collection."""
    shard: Shard | None = config.getoption("shard")
    if shard is not None:
        config.pluginmanager.register(ShardSelection(shard), "checkout-integrity-shard")
