"""New since the last run: `--compare-with` says which findings are new, which persist and which are gone,
in findings.json and the terminal; `--notify` tells a webhook (a local HTTP sink here) of the new ones."""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, HTTPServer
from typing import Any

import pytest

from fixtures.mailbox import free_port
from tests.gate.conftest import RunGate

SCENARIOS = """\
    Feature: Fees are shown up front
{scenarios}"""
FEE_AT_PAYMENT = """\
      Scenario: {name}
        Given a fee appears only at payment
        Then no fee appeared only at the last step
"""


def feature(*names: str) -> str:
    return SCENARIOS.format(scenarios="".join(FEE_AT_PAYMENT.format(name=name) for name in names))


class Sink(BaseHTTPRequestHandler):
    """A webhook that keeps every JSON body posted to it."""

    bodies: list[dict[str, Any]] = []

    def do_POST(self) -> None:  # noqa: N802 (http.server's name)
        length = int(self.headers["Content-Length"])
        self.bodies.append(json.loads(self.rfile.read(length)))
        self.send_response(200)
        self.end_headers()
        self.wfile.write(b"ok")

    def log_message(self, *arguments: Any) -> None:
        """Quiet: the test reads the bodies."""


@pytest.fixture
def webhook() -> Iterator[tuple[str, list[dict[str, Any]]]]:
    """A webhook on a free loopback port for the test, stopped at its end, and the bodies it received."""
    bodies: list[dict[str, Any]] = []
    handler = type("TestSink", (Sink,), {"bodies": bodies})
    server = HTTPServer(("127.0.0.1", free_port()), handler)
    serving = threading.Thread(target=server.serve_forever, daemon=True)
    serving.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}/hooks/qa", bodies
    finally:
        server.shutdown()
        server.server_close()


def test_a_run_compared_with_the_last_one_says_what_is_new_what_persists_and_what_is_gone(
    gate_project: RunGate, webhook: tuple[str, list[dict[str, Any]]]
) -> None:
    url, bodies = webhook
    first = gate_project(feature("the fee at payment", "the fee I no longer meet"))
    earlier = first.reports / "earlier-findings.json"
    (first.reports / "findings.json").rename(earlier)

    run = gate_project(feature("the fee at payment", "a new fee at payment"), "",
                       f"--compare-with={earlier}", f"--notify={url}")

    changed = {finding["scenario"]: finding["change"] for finding in run.findings}
    assert changed == {"the fee at payment": "persists", "a new fee at payment": "new"}
    changes = json.loads((run.reports / "findings.json").read_text(encoding="utf-8"))["changes"]
    assert (changes["compared_with"], changes["new"], changes["persisting"]) == (str(earlier), 1, 1)
    assert [(gone["id"], gone["scenario"]) for gone in changes["gone"]] == [("hidden-fee", "the fee I no longer meet")]
    run.result.stdout.fnmatch_lines([
        f"since the run of *({earlier}): 1 new, 1 persisting, 1 gone",
        "  new:",
        "    hidden-fee in 'a new fee at payment' at payment",
        "  gone:",
        "    hidden-fee in 'the fee I no longer meet' at payment",
        f"told the webhook at {url} of 1 new finding",
    ])  # fmt: skip
    (body,) = bodies
    assert body["text"].startswith("checkout-integrity: 1 new broken promise on ")
    assert [block["text"]["text"].split("\n")[0] for block in body["blocks"][1:]] == [
        "*hidden-fee* (critical) in _a new fee at payment_"
    ]


def test_without_a_run_to_compare_with_every_finding_is_new_to_the_webhook(
    gate_project: RunGate, webhook: tuple[str, list[dict[str, Any]]]
) -> None:
    url, bodies = webhook

    run = gate_project(feature("the fee at payment", "another fee at payment"), "", f"--notify={url}")

    assert all("change" not in finding for finding in run.findings)  # nothing to compare with: no change told
    run.result.stdout.fnmatch_lines([f"told the webhook at {url} of 2 new findings"])
    assert len(bodies[0]["blocks"]) == 3  # the headline and one block per finding


def test_a_webhook_that_does_not_answer_is_told_and_the_run_keeps_its_findings(gate_project: RunGate) -> None:
    url = f"http://127.0.0.1:{free_port()}/hooks/qa"  # nothing listens there

    run = gate_project(feature("the fee at payment"), "", f"--notify={url}")

    assert [finding["id"] for finding in run.findings] == ["hidden-fee"]
    assert run.result.ret == pytest.ExitCode.TESTS_FAILED  # the gate's verdict, not the webhook's
    run.result.stdout.fnmatch_lines([f"the webhook at {url} could not be told of the new findings (*): check --notify"])


def test_an_unreadable_run_to_compare_with_stops_the_run_before_it_starts(gate_project: RunGate) -> None:
    run = gate_project(feature("the fee at payment"), "", "--compare-with=reports/nowhere.json")

    assert run.result.ret == pytest.ExitCode.USAGE_ERROR
    run.result.stderr.fnmatch_lines([
        "*--compare-with reports/nowhere.json is no findings.json the harness can read: give the findings.json an "
        "earlier run wrote (such as reports/findings.json), or leave --compare-with out."
    ])  # fmt: skip

