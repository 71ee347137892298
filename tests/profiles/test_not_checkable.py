"""On a shop whose profile leaves out the email, the statement, the card form, the countdown and sign-in, every
scenario that needs one is skipped before the customer sets off, naming what is missing; none passes."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

from demo_hotel import DemoServer
from tests.suite.running import run_suite

PROFILE = Path(__file__).resolve().parents[2] / "profiles" / "demo_hotel.toml"
# A shop of its own (no [demo]: no customer clock to move, no gateway ledger), with no card form, no sign-in,
# no email, no charged amount on the confirmation, no countdown and no payment request to resend.
TABLES_LEFT_OUT = ("demo", "enter_card", "sign_in", "mailbox")
KEYS_LEFT_OUT = ("charged = \"testid=", "countdown = ", "request = ")
NEEDING = {  # a scenario that needs what the profile leaves out -> the words its skip must name
    "test_the_price_is_held_while_i_enter_my_card": "read.charged or statement",
    "test_a_wrong_security_code_keeps_what_i_typed": "enter_card",
    "test_my_payment_is_sent_twice_and_i_am_charged_once": "pay.request",
    "test_confirmation_email_and_bank_statement_show_what_i_paid": "mailbox or statement",
    "test_i_start_on_my_phone_and_finish_on_my_laptop": "sign_in",
    "test_reloading_the_cart_does_not_give_the_countdown_its_time_back": "read.countdown",
    "test_signed_in_i_pay_the_price_i_was_shown": "sign_in",
    "test_paying_by_bank_transfer_i_am_asked_for_the_price_i_was_shown": "choose_payment.methods.bank transfer",
}


def without(text: str, tables: tuple[str, ...], keys: tuple[str, ...]) -> str:
    """The profile's text without these tables (header to the next one) and without lines starting with `keys`."""
    kept, skipping = [], False
    for line in text.splitlines(keepends=True):
        if line.startswith("["):
            skipping = line.strip("[]\n") in tables
        if not skipping and not line.startswith(keys):
            kept.append(line)
    return "".join(kept)


def test_every_scenario_needing_what_the_profile_leaves_out_is_skipped_before_walking(tmp_path: Path) -> None:
    path = tmp_path / "shop.toml"
    path.write_text(without(PROFILE.read_text(encoding="utf-8"), TABLES_LEFT_OUT, KEYS_LEFT_OUT), encoding="utf-8")
    chosen = " or ".join(name.removeprefix("test_") for name in NEEDING)
    with DemoServer(demo_mode=False) as shop:
        run = run_suite(tmp_path, f"--site={path}", f"--base-url={shop.url}", "-k", chosen)

    cases = {case.get("name", "").split("[")[0]: case for case in ET.parse(tmp_path / "junit.xml").iter("testcase")}
    assert sorted(cases) == sorted(NEEDING), run.output
    for test, missing in NEEDING.items():
        skipped = cases[test].find("skipped")
        assert skipped is not None, f"{test} was not skipped:\n{run.output}"
        reason = skipped.get("message", "")
        assert "not checkable on this site" in reason and missing in reason, reason
    assert not list((tmp_path / "evidence").rglob("*.png")), "a skipped scenario walked: it has screenshots"
    assert run.report["run"]["scenarios"] == 0 and run.report["run"]["collected"] == len(NEEDING)
    assert run.exit_code == 5, run.output  # nothing was judged: the gate does not pass
    assert "no scenario was judged" in run.output and "gate passes" not in run.output
