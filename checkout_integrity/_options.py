"""The harness's command-line options, in one pytest option group, and their validation."""

from __future__ import annotations

import argparse
import random
from pathlib import Path

import pytest

from checkout_integrity._exceptions import ProfileError
from checkout_integrity._profile import Profile
from checkout_integrity._profile_loading import load_profile, profile_path

PAGE_OBJECTS = ("demo_hotel",)  # sites with page objects of their own (pages/<site>/); any other --site is a profile
SITE_PROFILE = pytest.StashKey["Profile | None"]()
STEP_SECONDS = 30.0  # Playwright's own default wait, for a site without a profile


def add_options(parser: pytest.Parser) -> None:
    """Register `--site`, `--faults`, `--seed`, `--reports`, `--step-timeout` and `--allow-real-cards`
    (`--base-url` comes from pytest-base-url)."""
    group = parser.getgroup("checkout-integrity", "checkout-integrity: customer journeys")
    group.addoption(
        "--site",
        default="demo_hotel",
        metavar="SITE",
        help="which storefront the customers visit: demo_hotel (the bundled demo site's page objects, the "
        "default), or a site profile, by name in profiles/ (demo_hotel_spa) or by path (profiles/shop.toml)",
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
        f"(default: the site profile's site.timeout, else {STEP_SECONDS:g})",
    )
    group.addoption(
        "--allow-real-cards",
        action="store_true",
        default=False,
        help="let the customers type card numbers that are not known payment gateway test numbers "
        "(only for a run that is meant to charge a real card)",
    )


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


def chosen_profile(config: pytest.Config) -> Profile | None:
    """The site profile --site names (None for a site with page objects); a bad one stops the run with the fix."""
    if SITE_PROFILE not in config.stash:
        choice = config.getoption("site")
        try:
            profile = None if choice in PAGE_OBJECTS else load_profile(profile_path(choice, Path(config.rootpath)))
        except ProfileError as wrong:
            raise pytest.UsageError(str(wrong)) from None
        seconds = config.getoption("step_timeout")
        if profile is not None and seconds is not None:
            profile = profile.model_copy(update={"site": profile.site.model_copy(update={"timeout": seconds})})
        config.stash[SITE_PROFILE] = profile
    return config.stash[SITE_PROFILE]


def step_seconds(config: pytest.Config) -> float:
    """How long a customer waits for the shop: --step-timeout, else the profile's site.timeout, else 30 s."""
    profile = chosen_profile(config)  # carries --step-timeout as its site.timeout
    return profile.site.timeout if profile is not None else config.getoption("step_timeout") or STEP_SECONDS


def positive_seconds(text: str) -> float:
    """--step-timeout's value: a number of seconds above 0."""
    try:
        seconds = float(text)
    except ValueError:
        seconds = 0.0
    if not 0 < seconds < float("inf"):
        raise argparse.ArgumentTypeError(f"{text!r} is no time to wait: give a number of seconds above 0, such as 30")
    return seconds
