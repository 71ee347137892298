"""The shop's own page for an order (`open_order`) is a receipt like the email: on a shop whose email the
harness cannot read, it is what the confirmation's amount is held to."""

from __future__ import annotations

from pathlib import Path

from demo_hotel import DemoServer
from tests.profiles.conftest import MisMade
from tests.suite.running import SuiteRun, run_suite

NO_MAILBOX = {'[mailbox]\nreference = "Order number"\ncharged = "Amount paid"\n': ""}
RECEIPTS = "bank_statement_show_what_i_paid"


def receipts_run(mismade: MisMade, reports: Path, *faults: str) -> SuiteRun:
    """The receipts scenario on the goods shop, through its profile without a mailbox."""
    path = mismade("demo_goods", NO_MAILBOX)
    with DemoServer(faults=faults, shop="goods") as shop:
        return run_suite(reports, f"--site={path}", f"--base-url={shop.url}", "-k", RECEIPTS)


def test_an_order_page_stating_the_amount_before_vat_is_a_receipt_mismatch(mismade: MisMade, tmp_path: Path) -> None:
    run = receipts_run(mismade, tmp_path, "receipt-mismatch")

    (finding,) = run.report["findings"]
    assert (finding["id"], finding["step"]) == ("receipt-mismatch", "order page"), run.output
    assert "the confirmation says £" in finding["message"] and ", but my order page says £" in finding["message"]


def test_an_order_page_that_agrees_is_a_receipt_kept(mismade: MisMade, tmp_path: Path) -> None:
    run = receipts_run(mismade, tmp_path)

    assert run.report["findings"] == [], run.output
    assert run.report["run"]["scenarios"] == 1, run.output  # walked and judged, not skipped for want of an email
