"""How long a step may keep the customer waiting and how much it may move: budgets per step.

The defaults are Web Vitals' own thresholds (web.dev/articles/vitals): a largest contentful paint within
2.5 s and a cumulative layout shift of at most 0.1 are "good"; interaction to next paint is judged only
past 500 ms, the line between "needs improvement" and "poor", because synthetic clicks on a shared CI
machine wait for the CPU more than a customer's do. `wait_ms` is how long the customer waited for a step
to be usable (the page's DOM ready, or the slowest request a single-page app made for it), held to the
same 2.5 s as the largest paint. A project or a site profile sets its own, for all steps or for one:

    [tool.checkout_integrity.budgets]          # pyproject.toml; a site profile uses [budgets]
    wait_ms = 2500
    lcp_ms = 2500
    cls = 0.1
    inp_ms = 500
    steps = { payment = { wait_ms = 4000 } }   # a slower step the team has agreed to
"""

from __future__ import annotations

import difflib
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from types import MappingProxyType
from typing import Any

from checkout_integrity._exceptions import JourneyError

MEASURES = ("wait_ms", "lcp_ms", "cls", "inp_ms")
UNITS = {"wait_ms": "ms", "lcp_ms": "ms", "cls": "", "inp_ms": "ms"}
NAMES = {
    "wait_ms": "wait",
    "lcp_ms": "largest paint",
    "cls": "layout shift",
    "inp_ms": "response to a click",
}


@dataclass(frozen=True)
class Budget:
    """The most a step may cost the customer, per measure."""

    wait_ms: float = 2500
    lcp_ms: float = 2500
    cls: float = 0.1
    inp_ms: float = 500

    def limit(self, measure: str) -> float:
        return float(getattr(self, measure))


@dataclass(frozen=True)
class Budgets:
    """A budget for every step, with the steps a team chose to budget differently."""

    default: Budget = Budget()
    steps: Mapping[str, Budget] = field(default_factory=dict)

    def __post_init__(self) -> None:
        object.__setattr__(self, "steps", MappingProxyType(dict(self.steps)))

    def of(self, step: str) -> Budget:
        """The budget of one step (its own, else the default)."""
        return self.steps.get(step, self.default)

    @classmethod
    def from_table(cls, table: Mapping[str, Any], where: str) -> Budgets:
        """Budgets from a `budgets` table of pyproject.toml or a site profile; a wrong key names the fix."""
        steps = table.get("steps", {})
        default = _budget(Budget(), {key: value for key, value in table.items() if key != "steps"}, where)
        return cls(default, {step: _budget(default, values, f"{where}.steps.{step}") for step, values in steps.items()})

    def describe(self) -> str:
        """'wait 2500 ms, largest paint 2500 ms, layout shift 0.1, response to a click 500 ms'."""
        return ", ".join(f"{NAMES[m]} {self.default.limit(m):g}{' ' + UNITS[m] if UNITS[m] else ''}" for m in MEASURES)


def _budget(base: Budget, values: Mapping[str, Any], where: str) -> Budget:
    for key, value in values.items():
        if key not in MEASURES:
            nearest = difflib.get_close_matches(key, MEASURES, n=1, cutoff=0.0)[0]
            raise JourneyError(
                f"[{where}] has no budget {key!r} (the nearest is {nearest!r}): use one of {', '.join(MEASURES)}."
            )
        if isinstance(value, bool) or not isinstance(value, (int, float)) or value <= 0:
            raise JourneyError(f"[{where}] {key} = {value!r}: a budget is a positive number.")
    return replace(base, **{key: float(value) for key, value in values.items()})
