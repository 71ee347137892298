"""Reading a site profile: the demo profiles load, and each kind of mistake is told in one sentence that
names the key and the fix."""

from __future__ import annotations

from pathlib import Path

import pytest

from checkout_integrity._exceptions import ProfileError
from checkout_integrity._profile_loading import load_profile, profile_path
from checkout_integrity.promises import PROMISES
from tests.profiles.conftest import PROFILES, MisMade


@pytest.mark.parametrize("name", ["demo_hotel", "demo_hotel_spa"])
def test_the_demo_profiles_load_and_can_check_every_promise(name: str) -> None:
    profile = load_profile(PROFILES / f"{name}.toml")

    assert profile.demo is not None
    demo = frozenset({"statement", "orders"})  # a demo site's gateway ledger; a run that may buy
    assert profile.missing_for(PROMISES, senses=demo) == {}
    assert profile.missing_for(PROMISES, senses=frozenset({"orders"})) == {"double-charge": ["statement"]}  # outside
    never_buying = profile.missing_for(PROMISES, senses=frozenset({"statement"}))
    assert never_buying == {promise: ["orders"] for promise in
                            ("price-drift", "hold-broken", "input-lost", "double-charge", "receipt-mismatch",
                             "fake-scarcity")}


def test_a_profile_is_found_by_name_or_by_path() -> None:
    root = PROFILES.parent
    assert profile_path("demo_hotel_spa", root) == PROFILES / "demo_hotel_spa.toml"
    assert profile_path("profiles/demo_hotel.toml", root).resolve() == root / "profiles" / "demo_hotel.toml"


def test_an_unknown_profile_lists_the_known_ones() -> None:
    with pytest.raises(ProfileError, match=r"There is no site profile 'shop'.*\(demo_goods, demo_hotel, demo_hotel_spa\)"):
        profile_path("shop", PROFILES.parent)


def one_sentence(error: pytest.ExceptionInfo[ProfileError]) -> str:
    told = str(error.value)
    assert told.count(". ") == 0 and told.endswith("."), told
    return told


def test_a_missing_required_key_is_named_with_an_example(mismade: MisMade) -> None:
    path = mismade("demo_hotel", {'ready = "testid=payment-total"\n': "", "[checkout]\n": "[checkout_]\n"})

    with pytest.raises(ProfileError) as told:
        load_profile(path)

    assert one_sentence(told) == (
        f"The site profile {path} has no [checkout] table (from the cart to the payment page: details, shipping): "
        'add it, such as checkout = { steps = [{ click = "button=Checkout" }] } (1 more problem after this one).'
    )


def test_a_missing_required_key_inside_a_table(mismade: MisMade) -> None:
    path = mismade("demo_hotel", {'choose = "link=Choose {offer}"\n': ""})

    with pytest.raises(ProfileError) as told:
        load_profile(path)

    assert one_sentence(told) == (
        f"The site profile {path} has no choose_offer.choose (what the customer clicks to pick an offer, with "
        '{offer} for its name): add it, such as choose = "link=Choose {offer}".'
    )


def test_a_mistyped_key_names_the_nearest_known_one(mismade: MisMade) -> None:
    path = mismade("demo_hotel", {'countdown = "testid': 'countdwn = "testid'})

    with pytest.raises(ProfileError) as told:
        load_profile(path)

    assert one_sentence(told) == (
        f"The site profile {path} has a key read.countdwn that the harness does not know (the nearest known key "
        "is read.countdown): rename or remove it."
    )


def test_a_locator_of_an_unknown_kind_names_the_kinds_it_takes(mismade: MisMade) -> None:
    path = mismade("demo_hotel", {'choose = "link=Choose {offer}"': 'choose = "lnk=Choose {offer}"'})

    with pytest.raises(ProfileError) as told:
        load_profile(path)

    assert "choose_offer.choose = 'lnk=Choose {offer}', but the locator kind lnk= is not one this key takes " \
           "(the nearest is link=)" in one_sentence(told)


def test_a_read_key_takes_only_what_the_page_script_resolves(mismade: MisMade) -> None:
    path = mismade("demo_hotel", {'charged = "testid=amount-charged"': 'charged = "label=Charged"'})

    with pytest.raises(ProfileError, match=r"read\.charged = 'label=Charged'.*use testid=, css=, text="):
        load_profile(path)
    listed = mismade("demo_hotel", {'charged = "testid=amount-charged"': 'charged = ["css=.paid", "label=Charged"]'})
    with pytest.raises(ProfileError, match=r"read\.charged\[1\] = 'label=Charged'"):  # a list: which of them
        load_profile(listed)


def test_a_variable_the_action_does_not_fill_in(mismade: MisMade) -> None:
    path = mismade("demo_hotel", {'with = "{check_in}"': 'with = "{checkin}"'})

    with pytest.raises(ProfileError) as told:
        load_profile(path)

    assert one_sentence(told) == (
        f"The site profile {path} uses {{checkin}} in find_offers.steps[0].with, which the harness does not fill in "
        "there: use one of {check_in}, {check_out}, {nights}, {guests}, {quantity}, {lang}."
    )


def test_a_page_step_names_a_variable_of_its_action(mismade: MisMade) -> None:
    path = mismade("demo_goods", {'with = "{city}"': 'with = "{town}"'})

    with pytest.raises(ProfileError) as told:
        load_profile(path)

    assert one_sentence(told).startswith(
        f"The site profile {path} uses {{town}} in checkout.on.address[3].with, which the harness does not fill in "
        "there: use one of {name}, {first_name}, {last_name}, {email}, "
    )


def test_an_action_on_a_page_the_profile_does_not_tell(mismade: MisMade) -> None:
    path = mismade("demo_goods", {"\naddress = [\n": "\nadress = [\n"})

    with pytest.raises(ProfileError) as told:
        load_profile(path)

    assert one_sentence(told) == (
        f"The site profile {path} cannot be used: checkout.on names the page 'adress', which [pages] does not tell "
        "(the nearest is 'address'): name one of product, cart, email, address, delivery, payment, confirmation, order, "
        "sign in, results, or add a rule for it to [pages]."
    )


def test_a_profile_that_is_not_toml(tmp_path: Path) -> None:
    path = tmp_path / "shop.toml"
    path.write_text("[site\nname = 'x'\n", encoding="utf-8")

    with pytest.raises(ProfileError, match=r"is not valid TOML \(.*line 1.*\): fix the line it names\.$"):
        load_profile(path)


def test_left_out_parts_make_promises_not_checkable(mismade: MisMade) -> None:
    path = mismade("demo_hotel", {'countdown = "testid=hold-countdown"\n': "", 'request = "/checkout/pay$"': ""})
    profile = load_profile(path)

    assert profile.missing_for(["fake-urgency", "double-charge", "total-mismatch"], frozenset({"statement", "orders"})) == {
        "fake-urgency": ["read.countdown"],
        "double-charge": ["pay.request"],
    }
    reason = profile.cannot_check(["fake-urgency"])
    assert str(reason) == (
        'not checkable on this site: the promise fake-urgency ("The countdown started again when I reloaded.") '
        f"needs read.countdown in the site profile {path}, which does not set it"
    )


def test_a_profile_budgets_its_steps_and_a_mistyped_budget_is_named(mismade: MisMade) -> None:
    budgeted = load_profile(mismade("demo_hotel", {"[read]\n": "[budgets]\nwait_ms = 3000\nsteps = { payment = { "
                                                               "lcp_ms = 4000 } }\n\n[read]\n"}))
    mistyped = mismade("demo_hotel", {"[read]\n": "[budgets]\nwait = 3000\n\n[read]\n"})

    with pytest.raises(ProfileError) as told:
        load_profile(mistyped)

    assert budgeted.budgets == {"wait_ms": 3000, "steps": {"payment": {"lcp_ms": 4000}}}
    assert "has no budget 'wait' (the nearest is 'wait_ms')" in one_sentence(told)
