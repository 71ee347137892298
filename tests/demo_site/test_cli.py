"""`python -m demo_hotel`: listing faults, and one clear sentence for an unknown fault id."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from demo_hotel import FAULTS, DemoServer, UnknownFault, parse_faults

REPO = Path(__file__).resolve().parents[2]


def run_cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "demo_hotel", *args], cwd=REPO, capture_output=True, text=True, timeout=60
    )


def test_the_catalogue_has_the_sixteen_fault_ids() -> None:
    assert list(FAULTS) == [
        "price-drift", "hidden-fee", "hold-broken", "input-lost", "double-charge", "receipt-mismatch",
        "basket-sneak", "cart-lost", "fake-urgency", "currency-switch", "total-mismatch",
        "slow-step", "layout-shift", "inaccessible-step", "retyping", "fake-scarcity",
    ]  # fmt: skip


def test_list_faults_prints_each_id_with_its_description() -> None:
    listing = run_cli("--list-faults")

    assert listing.returncode == 0
    assert [line.split()[0] for line in listing.stdout.splitlines()] == list(FAULTS)


def test_an_unknown_fault_id_exits_2_naming_it_and_the_nearest_known_id() -> None:
    run = run_cli("--port", "0", "--faults", "hidden-fee,price-drfit")

    assert run.returncode == 2
    assert run.stdout == ""
    (sentence,) = run.stderr.splitlines()
    assert '"price-drfit"' in sentence
    assert '"price-drift"' in sentence
    assert "--list-faults" in sentence


def test_parse_faults_reads_a_comma_separated_list() -> None:
    assert parse_faults(" hidden-fee, cart-lost ,") == frozenset({"hidden-fee", "cart-lost"})
    assert parse_faults("") == frozenset()
    with pytest.raises(UnknownFault) as error:
        parse_faults("cart-lots")
    assert (error.value.fault, error.value.nearest) == ("cart-lots", "cart-lost")


def test_the_server_refuses_an_unknown_fault_too() -> None:
    with pytest.raises(UnknownFault), DemoServer(faults={"fake-urgncy"}):
        pass
