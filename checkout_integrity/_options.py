"""The harness's command-line options, in one pytest option group, and their validation."""

from __future__ import annotations

import argparse
import random
from pathlib import Path

import pytest

from checkout_integrity._exceptions import JourneyError, ProfileError
from checkout_integrity._findings import Finding, RunInfo, read_findings
from checkout_integrity._profile import Profile
from checkout_integrity._profile_loading import load_profile, profile_path

SITE_PROFILE = pytest.StashKey[Profile]()


def add_options(parser: pytest.Parser) -> None:
    """Register `--site`, `--faults`, `--seed`, `--reports`, `--step-timeout`, `--no-orders`, `--compare-with`,
    `--notify` and `--allow-real-cards` (`--base-url` comes from pytest-base-url)."""
    group = parser.getgroup("checkout-integrity", "checkout-integrity: customer journeys")
    group.addoption(
        "--site",
        default="demo_hotel",
        metavar="SITE",
        help="the site profile the customers' shop is walked through, by name in profiles/ (demo_hotel, the "
        "bundled demo hotel, is the default; demo_hotel_spa, demo_goods) or by path (profiles/shop.toml)",
    )
    group.addoption(
        "--faults",
        default="",
        metavar="ID,ID",
        help="demo site only: start it with these catalogue faults switched on (see "
        "`python -m demo_hotel --list-faults`)",
    )
    group.addoption(
        "--seed",
        type=int,
        default=None,
        help="seed for the customers' names and cards; the seed of every run is in findings.json, "
        "pass it again to replay a run with the same customers",
    )
    group.addoption(
        "--reports",
        default="reports",
        metavar="DIR",
        help="where the run writes findings.json, evidence/ and allure-results/ (default: reports)",
    )
    group.addoption(
        "--step-timeout",
        type=positive_seconds,
        default=None,
        metavar="SECONDS",
        help="how long a customer waits for the shop on each click, field and page before the step fails "
        "(default: the site profile's site.timeout)",
    )
    group.addoption(
        "--no-orders",
        action="store_true",
        default=False,
        help="never place an order: walk each scenario up to the last page before paying, judge what can be "
        "judged there, and call the promises that need an order not checkable (for a live shop; a profile may "
        "say so for good with site.orders = false)",
    )
    group.addoption(
        "--compare-with",
        default=None,
        metavar="FINDINGS",
        help="an earlier run's findings.json: findings.json and the terminal say which findings are new, which "
        "persist and which are gone",
    )
    group.addoption(
        "--notify",
        default=None,
        metavar="URL",
        help="a webhook (Slack's incoming-webhook JSON) told of the run's new findings, when there are any "
        "(all of them without --compare-with)",
    )
    group.addoption(
        "--allow-real-cards",
        action="store_true",
        default=False,
        help="let the customers type card numbers that are not known payment gateway test numbers "
        "(only for a run that is meant to charge a real card)",
    )


def earlier_run(config: pytest.Config) -> tuple[str, RunInfo, list[Finding]] | None:
    """The findings.json of `--compare-with`, read before this run writes its own (it may be the same file)."""
    path = config.getoption("compare_with")
    if path is None:
        return None
    try:
        run, findings = read_findings(Path(config.invocation_params.dir, path))
    except JourneyError:
        raise pytest.UsageError(
            f"--compare-with {path} is no findings.json the harness can read: give the findings.json an earlier "
            "run wrote (such as reports/findings.json), or leave --compare-with out."
        ) from None
    return path, run, findings


def places_orders(config: pytest.Config, profile: Profile) -> bool:
    """Whether this run may place orders: not with --no-orders, nor on a shop whose profile forbids it."""
    return profile.site.orders and not config.getoption("no_orders")


def chosen_faults(config: pytest.Config) -> tuple[str, ...]:
    """The faults asked for, checked against the catalogue; a bad id stops the run with the fix."""
    from demo_hotel.faults import UnknownFault, parse_faults

    text = config.getoption("faults") or ""
    if text and config.getoption("base_url"):
        raise pytest.UsageError(
            "--faults switches faults of the bundled demo site, but --base-url points the customers at "
            "another site: drop --base-url, or start that site with `python -m demo_hotel --faults "
            f"{text}` yourself."
        )
    try:
        return tuple(sorted(parse_faults(text)))
    except UnknownFault as unknown:
        raise pytest.UsageError(str(unknown)) from None


def run_seed(config: pytest.Config) -> int:
    """The seed given with --seed, else a fresh one that the run records."""
    seed = config.getoption("seed")
    return seed if seed is not None else random.SystemRandom().randrange(1, 10**6)


def chosen_profile(config: pytest.Config) -> Profile:
    """The site profile --site names; a bad one stops the run with the fix. --step-timeout is its site.timeout."""
    if SITE_PROFILE not in config.stash:
        try:
            profile = load_profile(profile_path(config.getoption("site"), Path(config.rootpath)))
        except ProfileError as wrong:
            raise pytest.UsageError(str(wrong)) from None
        seconds = config.getoption("step_timeout")
        if seconds is not None:
            profile = profile.model_copy(update={"site": profile.site.model_copy(update={"timeout": seconds})})
        config.stash[SITE_PROFILE] = profile
    return config.stash[SITE_PROFILE]


def positive_seconds(text: str) -> float:
    """--step-timeout's value: a number of seconds above 0."""
    try:
        seconds = float(text)
    except ValueError:
        seconds = 0.0
    if not 0 < seconds < float("inf"):
        raise argparse.ArgumentTypeError(f"{text!r} is no time to wait: give a number of seconds above 0, such as 30")
    return seconds
