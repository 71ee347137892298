"""The harness types only known gateway test card numbers unless the run says --allow-real-cards."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from checkout_integrity import JourneyError
from checkout_integrity._exceptions import RealCardRefused
from checkout_integrity._test_cards import TEST_NUMBERS, is_test_card, refuse_real_card
from checkout_integrity.cli import main
from fixtures.customers import DECLINED, MASTERCARD, VISA
from tests.suite.running import ROOT

A_REAL_LOOKING_CARD = "4556 7375 8689 9855"  # Luhn-valid, in no gateway's list of test numbers


@pytest.mark.parametrize(
    "number",
    [VISA.number, MASTERCARD.number, DECLINED.number, "4111 1111 1111 1111", "378282246310005", "4543-4740-0224-9996"],
)
def test_known_test_numbers_are_typed(number: str) -> None:
    refuse_real_card(number, allowed=False)


def test_the_customers_cards_and_the_demo_gateways_are_known() -> None:
    from demo_hotel.gateway import DECLINED_CARD

    assert {VISA.number, MASTERCARD.number, DECLINED.number, DECLINED_CARD} <= TEST_NUMBERS


def test_a_number_that_fails_the_luhn_check_is_no_card_and_may_be_typed() -> None:
    assert is_test_card("4242424242424241")


def test_a_card_that_may_be_real_is_refused_with_the_fix_and_its_last_four_only() -> None:
    with pytest.raises(RealCardRefused) as refused:
        refuse_real_card(A_REAL_LOOKING_CARD, allowed=False)
    message = str(refused.value)
    assert message == (
        "The harness refused to type the card ending 9855 because it is not a known payment gateway test number: "
        "pay with a test card (checkout_integrity/_test_cards.py lists them), or pass --allow-real-cards if this "
        "run is meant to charge a real card."
    )
    assert refused.value.last4 == "9855"
    assert not re.search(r"\d{5,}", message.replace(" ", "")), "no run of card digits beyond the last four"
    assert isinstance(refused.value, JourneyError)


def test_a_card_that_may_be_real_is_typed_when_the_run_allows_it() -> None:
    refuse_real_card(A_REAL_LOOKING_CARD, allowed=True)


def test_the_run_offers_the_option_that_allows_real_cards(pytester: pytest.Pytester) -> None:
    result = pytester.runpytest_subprocess("--help")
    result.stdout.fnmatch_lines(["*--allow-real-cards*let the customers type card numbers that are not known*"])


def test_the_profile_doctor_refuses_a_profile_card_that_may_be_real(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    profile = (ROOT / "profiles" / "demo_hotel.toml").read_text(encoding="utf-8")
    path = tmp_path / "real_card.toml"
    path.write_text(profile.replace('declined_card = { number = "4000000000000002" }',
                                    f'card = {{ number = "{A_REAL_LOOKING_CARD}" }}'), encoding="utf-8")
    assert main(["check-profile", str(path), "--out", str(tmp_path / "doctor")]) == 1
    out = capsys.readouterr().out
    assert "refused to type the card ending 9855" in out and "--allow-real-cards" in out
    assert A_REAL_LOOKING_CARD.replace(" ", "") not in out.replace(" ", "")
