"""Broken promises: the defect catalogue of DESIGN.md, the findings a journey yields, and findings.json.

Catalogue ids are a contract read by other tools: change them only together with DESIGN.md.
"""

from __future__ import annotations

import json
import os
import tempfile
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from checkout_integrity._exceptions import JourneyError
from checkout_integrity._retries import FlakyScenario
from checkout_integrity._stopped import StoppedScenario

if TYPE_CHECKING:  # what changed since an earlier run, which is told in terms of findings
    from checkout_integrity._changes import Changes

SEVERITIES = ("critical", "major", "minor")


@dataclass(frozen=True)
class Finding:
    """A promise the shop broke, told as the customer would tell it, with where and what shows it."""

    id: str
    severity: str
    message: str
    step: str
    evidence: tuple[str, ...] = ()
    scenario: str = ""
    feature: str = ""
    may_breach: tuple[str, ...] = ()  # consumer rules this finding may breach (checkout_integrity._rules)
    ticket: str = ""  # the known-defect ticket of a quarantined finding (`@known:TICKET-12`)
    test: str = ""  # the pytest node id of the test that found it, as JUnit and `pytest NODE` name it

    def __post_init__(self) -> None:
        if self.severity not in SEVERITIES:
            raise JourneyError(
                f"The finding {self.id!r} has severity {self.severity!r}: use one of {', '.join(SEVERITIES)}."
            )
        object.__setattr__(self, "evidence", tuple(self.evidence))
        object.__setattr__(self, "may_breach", tuple(self.may_breach))

    @property
    def quarantined(self) -> bool:
        """A known defect with a ticket: shown everywhere, but it does not fail the gate."""
        return bool(self.ticket)

    def to_dict(self) -> dict[str, Any]:
        """The finding as one entry of findings.json; the additive keys appear when they apply."""
        entry: dict[str, Any] = {
            "id": self.id,
            "severity": self.severity,
            "scenario": self.scenario,
            "feature": self.feature,
            "message": self.message,
            "step": self.step,
            "evidence": list(self.evidence),
        }
        if self.may_breach:
            entry["may_breach"] = list(self.may_breach)
        if self.quarantined:
            entry |= {"quarantined": True, "ticket": self.ticket}
        if self.test:
            entry["test"] = self.test
        return entry

    @classmethod
    def from_dict(cls, entry: Mapping[str, Any]) -> Finding:
        return cls(
            id=entry["id"],
            severity=entry["severity"],
            message=entry["message"],
            step=entry["step"],
            evidence=tuple(entry.get("evidence", ())),
            scenario=entry.get("scenario", ""),
            feature=entry.get("feature", ""),
            may_breach=tuple(entry.get("may_breach", ())),
            ticket=entry.get("ticket") or "",
            test=entry.get("test", ""),
        )


@dataclass(frozen=True)
class Defect:
    """One entry of the catalogue: an id, what the customer says, and how bad it is by default."""

    id: str
    customer_says: str
    severity: str

    def finding(self, message: str, step: str, evidence: Iterable[str | None] = ()) -> Finding:
        """This defect, found at `step`; evidence paths that are None (no screenshot) are left out."""
        kept = tuple(dict.fromkeys(path for path in evidence if path))
        return Finding(self.id, self.severity, message, step, kept)


CATALOGUE: dict[str, Defect] = {
    defect.id: defect
    for defect in (
        Defect("price-drift", "The price changed while I was paying.", "critical"),
        Defect("hidden-fee", "A fee appeared only at the last step.", "critical"),
        Defect("hold-broken", "Someone else got my room while I was paying.", "critical"),
        Defect("input-lost", "My details vanished after a card error.", "major"),
        Defect("double-charge", "I was charged twice.", "critical"),
        Defect("receipt-mismatch", "The confirmation shows a different amount.", "major"),
        Defect("basket-sneak", "Something I did not choose was added.", "critical"),
        Defect("cart-lost", "My cart was gone on my other device.", "major"),
        Defect("fake-urgency", "The countdown started again when I reloaded.", "major"),
        Defect("currency-switch", "The currency changed on the way.", "critical"),
        Defect("total-mismatch", "The lines don't add up to the total.", "major"),
        Defect("fake-scarcity", "It said only one was left, and it wasn't true.", "major"),
        Defect("slow-step", "The payment page took ages.", "major"),
        Defect("layout-shift", "The pay button jumped as I went to click it.", "major"),
        Defect("inaccessible-step", "I could not do it with a keyboard or a screen reader.", "major"),
        Defect("retyping", "I had to type the same thing twice.", "minor"),
    )
}


@dataclass(frozen=True)
class RunInfo:
    """The facts of one run that a reader of findings.json needs to replay it."""

    site: str
    base_url: str
    browser: str
    faults: tuple[str, ...]
    started: str
    seed: int
    scenarios: int = 0  # scenarios walked to their end or to the step that failed (a skipped one is not walked)
    collected: int = 0  # scenarios run, walked or not: more than walked when some were skipped as not checkable
    flaky: tuple[FlakyScenario, ...] = ()  # scenarios that passed only when pytest-rerunfailures retried them
    stopped: tuple[StoppedScenario, ...] = ()  # scenarios that stopped on an error before their promises were checked

    def to_dict(self) -> dict[str, Any]:
        return {
            "site": self.site,
            "base_url": self.base_url,
            "browser": self.browser,
            "faults": list(self.faults),
            "started": self.started,
            "seed": self.seed,
            "scenarios": self.scenarios,
            "collected": self.collected,
            "flaky": [scenario.to_dict() for scenario in self.flaky],
            "stopped": [scenario.to_dict() for scenario in self.stopped],
        }

    @classmethod
    def from_dict(cls, run: Mapping[str, Any]) -> RunInfo:
        return cls(
            site=run["site"],
            base_url=run.get("base_url", ""),
            browser=run.get("browser", ""),
            faults=tuple(run.get("faults", ())),
            started=run["started"],
            seed=run["seed"],
            scenarios=run.get("scenarios", 0),
            collected=run.get("collected", 0),
            flaky=tuple(FlakyScenario.from_dict(entry) for entry in run.get("flaky", ())),
            stopped=tuple(StoppedScenario.from_dict(entry) for entry in run.get("stopped", ())),
        )


def write_findings(
    path: str | os.PathLike[str], run: RunInfo, findings: Iterable[Finding], changes: Changes | None = None
) -> None:
    """Write findings.json, also when nothing was found; a reader never sees a half-written file. Compared
    with an earlier run, each finding says whether it is new or persists, and `changes` lists what is gone."""
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    entries = [finding.to_dict() | ({"change": changes.change_of(finding)} if changes else {}) for finding in findings]
    document: dict[str, Any] = {"run": run.to_dict(), "findings": entries}
    if changes is not None:
        document["changes"] = changes.to_dict()
    handle, draft = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as out:
            json.dump(document, out, ensure_ascii=False, indent=2)
            out.write("\n")
        os.chmod(draft, 0o644)
        os.replace(draft, target)
    except BaseException:
        Path(draft).unlink(missing_ok=True)
        raise


def read_findings(path: str | os.PathLike[str]) -> tuple[RunInfo, list[Finding]]:
    """Read back a findings.json written by `write_findings`."""
    try:
        document = json.loads(Path(path).read_text(encoding="utf-8"))
        return RunInfo.from_dict(document["run"]), [Finding.from_dict(entry) for entry in document["findings"]]
    except (OSError, ValueError, KeyError, TypeError) as problem:
        raise JourneyError(
            f"Cannot read the findings at {path} ({problem!r}): run the suite again to write them."
        ) from None
