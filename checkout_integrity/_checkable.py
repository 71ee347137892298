"""Whether a scenario can be checked on this site, decided before the customer sets off.

A step says what it needs of the site (`@needs(...)`): a role filled, an action the profile describes, a
count the shop can be told, the promises its Then holds the journey to. Before a scenario walks, every one
of its steps is asked; the first that the site cannot serve skips the scenario with its reason (no 60 s
wait, no walk), and the scenario is never passed.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any, TypeVar

import pytest
from pytest_bdd.parser import Scenario
from pytest_bdd.scenario import get_step_function, parse_step_arguments

from checkout_integrity._profile import ROLES, NotCheckable, Profile, not_checkable
from checkout_integrity._profile_loading import variables_used

Need = Callable[[Profile, Mapping[str, Any], frozenset[str]], NotCheckable | None]
Step = TypeVar("Step", bound=Callable[..., Any])
NEED = "__checkout_integrity_need__"


def needs(need: Need) -> Callable[[Step], Step]:
    """Mark a step function with what it needs of the site (apply it below the step decorators)."""

    def marked(step: Step) -> Step:
        setattr(step, NEED, need)
        return step

    return marked


def unmet(
    request: pytest.FixtureRequest, scenario: Scenario, profile: Profile, senses: frozenset[str]
) -> NotCheckable | None:
    """The reason the first step of `scenario` that this site cannot serve gives, if any; `senses` are what
    the harness reads beside the shop's pages (`statement` on a demo site's gateway). The steps are found as
    pytest-bdd finds them when it runs them (its `get_step_function`), arguments parsed the same way."""
    for step in scenario.steps:
        found = get_step_function(request, step)
        need: Need | None = getattr(found.step_func, NEED, None) if found is not None else None
        if found is None or need is None:
            continue  # an unknown step fails with the nearest phrases once the scenario runs
        if (reason := need(profile, parse_step_arguments(step, found), senses)) is not None:
            return reason
    return None


def promised(*ids: str) -> Need:
    """A Then-step holding the journey to these promises needs what each promise reads."""

    def need(profile: Profile, arguments: Mapping[str, Any], senses: frozenset[str]) -> NotCheckable | None:
        return profile.cannot_check(ids, senses)

    return need


def role(name: str, also: tuple[str, ...] = ()) -> Need:
    """A step that buys the offer playing `name` needs the profile to say which one it is (and `also` keys)."""
    return action(f"roles.{name}", *also, doing=f"buying {ROLES[name]}")


def action(*keys: str, doing: str) -> Need:
    """A step that needs these profile keys set, such as `sign_in` or `enter_card` and `read.error`."""

    def need(profile: Profile, arguments: Mapping[str, Any], senses: frozenset[str]) -> NotCheckable | None:
        missing = [key for key in keys if not profile.has(key)]
        return not_checkable(profile, doing, missing) if missing else None

    return need


def chosen(table: str, argument: str, doing: str) -> Need:
    """A step naming one entry of a profile table (`express` of `checkout.deliveries`) needs it there; `doing`
    may name the step's arguments (`choosing {delivery} delivery`)."""

    def need(profile: Profile, arguments: Mapping[str, Any], senses: frozenset[str]) -> NotCheckable | None:
        key = f"{table}.{arguments[argument]}"
        return None if profile.has(key) else not_checkable(profile, doing.format(**arguments), [key])

    return need


COUNTS = {  # a count a scenario names -> the variables that tell the shop it, any one of them
    "nights": ("nights", "check_out"),
    "guests": ("guests",),
    "quantity": ("quantity",),
}
UNSAID = {"quantity": 1}  # what every shop takes without being told


def counted(*counts: str) -> Need:
    """A step naming these counts (nights, guests, quantity) needs a profile that tells the shop each of them:
    a stay of 7 nights on a shop that is never told the nights would be judged as a stay of one."""

    def need(profile: Profile, arguments: Mapping[str, Any], senses: frozenset[str]) -> NotCheckable | None:
        used = variables_used(profile)
        for count in counts:
            if arguments.get(count) != UNSAID.get(count) and not used & set(COUNTS[count]):
                asked = f"{count} = {arguments.get(count, '?')}"
                return NotCheckable(
                    f"not checkable on this site: the scenario asks for {asked}, but no action of the site profile "
                    f"{profile.path} tells the shop that ({' or '.join('{' + name + '}' for name in COUNTS[count])} "
                    "in a url or step)"
                )
        return None

    return need


def every(*needed: Need) -> Need:
    """All of these needs, the first unmet one told."""

    def need(profile: Profile, arguments: Mapping[str, Any], senses: frozenset[str]) -> NotCheckable | None:
        return next((reason for each in needed if (reason := each(profile, arguments, senses)) is not None), None)

    return need
