"""The experience summary: needs met, ease and pleasure, as a table an agent reads and a chart of waits."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from typing import Any

import pytest

from checkout_integrity import CATALOGUE, Journey, Snapshot, check_promises
from checkout_integrity import _experience
from checkout_integrity._experience import NEEDS, OVER, WITHIN, attach_experience, experience_of
from .demo_journeys import at, demo_journey

SVG = "{http://www.w3.org/2000/svg}"


def test_needs_are_the_promises_about_money_room_and_details() -> None:
    assert NEEDS == tuple(CATALOGUE)[:12]


def test_the_table_shows_each_level_with_its_broken_promises() -> None:
    journey = demo_journey("hidden-fee", "slow-step", "retyping")
    markdown = experience_of(journey, check_promises(journey)).as_markdown()
    assert markdown.startswith("# How the checkout went for Giulia Rossi\n")
    assert "## Needs met: 11 of 12 promises kept" in markdown
    assert "| hidden-fee | broken | A fee appeared only at the last step: 'Service fee' €19.00 was added" in markdown
    assert "| price-drift | kept | — |" in markdown
    assert "| fields typed | 12 |" in markdown and "| fields typed again | 3 |" in markdown
    assert "| errors shown | 2 |" in markdown and "| customer time | 191 s |" in markdown
    assert "- **retyping** at payment: I had to type the same thing twice: what I typed as 'Email'" in markdown
    assert "| step | wait | largest paint | layout shift | response to a click |" in markdown
    assert "| payment | 3,214 ms ✗ over 2,500 ms | 3,320 ms ✗ over 2,500 ms | 0.02 | 90 ms |" in markdown
    assert "| cart | 420 ms | 610 ms | 0.02 | 90 ms |" in markdown
    assert "- **slow-step** at payment: The payment page took ages:" in markdown


def test_a_clean_journey_says_so_on_every_level() -> None:
    markdown = experience_of(demo_journey(), []).as_markdown()
    assert "## Needs met: 12 of 12 promises kept" in markdown and "| broken |" not in markdown
    assert "Nothing was typed twice and nothing was out of reach of a keyboard or screen reader." in markdown
    assert "Every page answered within its budget and held still." in markdown


def test_promises_the_site_gives_no_way_to_check_are_not_counted_as_kept() -> None:
    journey = demo_journey()
    unchecked = {"double-charge": "pay.request and statement", "receipt-mismatch": "mailbox or statement"}
    journey = Journey(journey.customer, journey.budgets, unchecked)
    markdown = experience_of(journey, []).as_markdown()
    assert "## Needs met: 10 of 10 promises kept, 2 not checkable on this site (double-charge, receipt-mismatch)" in (
        markdown
    )
    assert "| receipt-mismatch | not checkable | this site gives no mailbox or statement |" in markdown
    assert "| price-drift | kept | — |" in markdown


def test_the_table_keeps_its_shape_whatever_a_message_or_a_page_holds() -> None:
    journey = Journey("Giulia | Rossi")
    journey.observe(Snapshot("cart", at(0)))  # nothing measured
    finding = CATALOGUE["total-mismatch"].finding("The lines don't add up | to the total.", "cart")
    markdown = experience_of(journey, [finding]).as_markdown()
    assert "| total-mismatch | broken | The lines don't add up \\| to the total. |" in markdown
    assert "No page's speed or steadiness was measured." in markdown


def test_the_chart_draws_each_steps_wait_against_its_budget() -> None:
    journey = demo_journey("slow-step")
    chart = ET.fromstring(experience_of(journey, check_promises(journey)).as_svg())
    bars = [rect for rect in chart.iter(f"{SVG}rect") if rect.get("fill") in (OVER, WITHIN)]
    assert [bar.get("fill") for bar in bars].count(OVER) == 1 and len(bars) == 9
    assert len([line for line in chart.iter(f"{SVG}line") if line.get("stroke-dasharray")]) == 9
    texts = [text.text or "" for text in chart.iter(f"{SVG}text")]
    assert "How long Giulia Rossi waited at each step" in texts
    assert texts.count("3,214 ms") == 1 and texts.count("420 ms") == 8
    assert {"results", "payment", "payment declined", "confirmation"} <= set(texts)
    titles = [title.text for title in chart.iter(f"{SVG}title")]
    assert "payment: waited 3,214 ms, budget 2,500 ms" in titles


def test_the_chart_of_a_journey_without_measures_is_still_a_picture() -> None:
    journey = Journey("<Giulia & co>")
    journey.observe(Snapshot("cart", at(0)))
    chart = ET.fromstring(experience_of(journey, []).as_svg())
    texts = [text.text for text in chart.iter(f"{SVG}text")]
    assert "No wait was measured on this journey." in texts and "How long <Giulia & co> waited at each step" in texts


def test_attaches_the_table_and_the_chart_to_the_allure_test(monkeypatch: pytest.MonkeyPatch) -> None:
    attached: list[tuple[Any, dict[str, Any]]] = []
    monkeypatch.setattr(_experience, "ATTACH", lambda body, **how: attached.append((body, how)))
    journey = demo_journey("layout-shift")
    experience = attach_experience(journey, check_promises(journey))
    names = [how["name"] for _, how in attached]
    assert names == ["experience: needs, ease, pleasure", "experience: wait at each step"]
    assert attached[0][0] == experience.as_markdown() and attached[0][1]["extension"] == "md"
    assert attached[1][0] == experience.as_svg() and attached[1][1]["attachment_type"].mime_type == "image/svg+xml"
    assert "- **layout-shift** at payment: The pay button jumped" in attached[0][0]
