"""New since the last run: this run's findings against an earlier run's findings.json (`--compare-with`),
and a webhook told of the new ones (`--notify`, a body in Slack's incoming-webhook shape).

A finding is the same as an earlier one when the same promise broke in the same scenario at the same step;
its words may differ (an amount, a time) and it is still the one the team already knows about.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import httpx

from checkout_integrity._findings import Finding, RunInfo

NEW, PERSISTS = "new", "persists"


def same_promise(finding: Finding) -> tuple[str, str, str]:
    """What makes two runs' findings one: the promise, the scenario (its test, where known), the step."""
    return finding.id, finding.test or finding.scenario, finding.step


@dataclass(frozen=True)
class Changes:
    """This run's findings against those of the run that wrote `compared_with`, which started `since`."""

    compared_with: str
    since: str
    new: tuple[Finding, ...]
    persisting: tuple[Finding, ...]
    gone: tuple[Finding, ...]

    def change_of(self, finding: Finding) -> str:
        return NEW if finding in self.new else PERSISTS

    def to_dict(self) -> dict[str, Any]:
        """findings.json's `changes`: the counts, and the findings of the earlier run that are gone."""
        return {
            "compared_with": self.compared_with,
            "since": self.since,
            "new": len(self.new),
            "persisting": len(self.persisting),
            "gone": [finding.to_dict() for finding in self.gone],
        }

    def lines(self) -> list[str]:
        """For the terminal: what is new, what persists, what is gone since the earlier run."""
        def named(findings: Sequence[Finding]) -> str:
            return "".join(f"\n    {finding.id} in {finding.scenario!r} at {finding.step}" for finding in findings)

        return [
            f"since the run of {self.since} ({self.compared_with}): {len(self.new)} new, {len(self.persisting)} "
            f"persisting, {len(self.gone)} gone",
            *([f"  new:{named(self.new)}"] if self.new else []),
            *([f"  gone:{named(self.gone)}"] if self.gone else []),
        ]


def compared(now: Sequence[Finding], earlier: RunInfo, before: Sequence[Finding], compared_with: str) -> Changes:
    """This run's findings against the earlier run's."""
    known = {same_promise(finding) for finding in before}
    seen = {same_promise(finding) for finding in now}
    return Changes(
        compared_with=compared_with,
        since=earlier.started,
        new=tuple(finding for finding in now if same_promise(finding) not in known),
        persisting=tuple(finding for finding in now if same_promise(finding) in known),
        gone=tuple(finding for finding in before if same_promise(finding) not in seen),
    )


def webhook_body(run: RunInfo, new: Sequence[Finding], since: str | None) -> dict[str, Any]:
    """Slack's incoming-webhook shape: a `text` that says it all, and a block per new finding."""
    where = f"{run.site} ({run.base_url})" if run.base_url else run.site
    when = f" since the run of {since}" if since else ""
    text = f"checkout-integrity: {len(new)} new broken promise{'' if len(new) == 1 else 's'} on {where}{when}"
    blocks = [{"type": "section", "text": {"type": "mrkdwn", "text": f"*{text}*"}}]
    blocks += [
        {"type": "section", "text": {"type": "mrkdwn", "text": f"*{finding.id}* ({finding.severity}) in "
                                                               f"_{finding.scenario}_\n{finding.message}"}}
        for finding in new
    ]
    return {"text": text, "blocks": blocks}


def notify(url: str, body: dict[str, Any]) -> str | None:
    """POST the body to the webhook; the sentence that says why it could not be told, if it could not."""
    try:
        httpx.post(url, json=body, timeout=10).raise_for_status()
    except httpx.HTTPError as failed:
        return f"the webhook at {url} could not be told of the new findings ({failed}): check --notify"
    return None
