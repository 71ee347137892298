"""The evidence a scenario leaves beside its screenshots: the price-bearing network responses of each
step, the price timeline (table and chart) and the Playwright trace of a failed scenario.

Files go to the scenario's evidence folder (the folder of its screenshots) and their paths to the
findings in findings.json. Response bodies pass through the card-number mask before they are written.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlparse

import pytest
from playwright.sync_api import Error as PlaywrightError
from playwright.sync_api import Page, Response

from checkout_integrity._findings import Finding
from checkout_integrity._journey import Journey, Snapshot
from checkout_integrity._masking import mask_card_numbers
from checkout_integrity._timeline import price_points, timeline_chart, timeline_table

PRICE_BEARING_KINDS = ("document", "xhr", "fetch")
PRICE_BEARING_TYPES = {"text/html": "html", "application/json": "json"}
TRACE_PROPERTY = "playwright_trace"  # how pytest-playwright names a kept trace in the report's user_properties


@dataclass(frozen=True)
class SavedResponse:
    """One response body kept as evidence, and how the report names it."""

    path: Path
    title: str
    mime: str


@dataclass
class ScenarioEvidence:
    """One scenario's evidence as it accumulates, step by step."""

    listening: bool = False
    pending: list[Response] = field(default_factory=list)
    shown: int = 0
    folder: Path | None = None
    responses_at: dict[str, list[SavedResponse]] = field(default_factory=dict)


EVIDENCE = pytest.StashKey[ScenarioEvidence]()


def of(item: pytest.Item) -> ScenarioEvidence:
    """The scenario's evidence so far."""
    return item.stash.setdefault(EVIDENCE, ScenarioEvidence())


def listen(item: pytest.Item, page: Page) -> None:
    """Keep the responses the customer's page receives from now on, to save those that bear prices."""
    evidence = of(item)
    if not evidence.listening:

        def received(response: Response) -> None:  # a function: Playwright tags its handlers with attributes
            evidence.pending.append(response)

        page.on("response", received)
        evidence.listening = True


def new_snapshots(item: pytest.Item, journey: Journey) -> list[Snapshot]:
    """The snapshots recorded since the last call: what the current step showed."""
    evidence = of(item)
    fresh = list(journey.snapshots[evidence.shown :])
    evidence.shown = len(journey.snapshots)
    for snapshot in fresh:
        if snapshot.screenshot:
            evidence.folder = Path(snapshot.screenshot).parent
    return fresh


def save_responses(item: pytest.Item, snapshot: Snapshot) -> list[SavedResponse]:
    """Write the price-bearing responses received up to this page snapshot next to its screenshot."""
    evidence = of(item)
    if not snapshot.screenshot:
        return []  # kept for the next page the customer sees
    pending = list(evidence.pending)
    evidence.pending.clear()
    folder, stem = Path(snapshot.screenshot).parent, Path(snapshot.screenshot).stem
    saved: list[SavedResponse] = []
    for response in pending:
        kept = _keep(response, folder, f"{stem}.response-{len(saved) + 1}")
        if kept is not None:
            saved.append(kept)
    evidence.responses_at[snapshot.screenshot] = saved
    return saved


def write_timeline(item: pytest.Item, journey: Journey, title: str) -> tuple[str, Path | None, Path | None]:
    """The journey's price timeline as markdown, and its table and chart written to the evidence folder."""
    points = price_points(journey)
    table = timeline_table(points)
    folder = of(item).folder
    if folder is None or not points:
        return table, None, None
    markdown, chart = folder / "price-timeline.md", folder / "price-timeline.svg"
    markdown.write_text(f"# {title}\n\n{table}", encoding="utf-8")
    chart.write_text(timeline_chart(points, title), encoding="utf-8")
    return table, markdown, chart


def kept_trace(report: pytest.TestReport, root: Path) -> Path | None:
    """The trace pytest-playwright kept for this (failed) scenario, if any."""
    kept = (root / str(value) for name, value in report.user_properties if name == TRACE_PROPERTY)
    return next((trace for trace in kept if trace.exists()), None)


def responses_for(item: pytest.Item, finding: Finding) -> list[str]:
    """The response files saved at the steps whose screenshots are the finding's evidence."""
    at = of(item).responses_at
    return [str(saved.path) for shot in finding.evidence for saved in at.get(shot, [])]


def _keep(response: Response, folder: Path, name: str) -> SavedResponse | None:
    """The response written to `folder` when it is a page or data the customer's prices came in."""
    content_type = response.headers.get("content-type", "").split(";")[0].strip()
    extension = PRICE_BEARING_TYPES.get(content_type)
    redirect = 300 <= response.status < 400
    if extension is None or redirect or response.request.resource_type not in PRICE_BEARING_KINDS:
        return None
    try:
        body = response.text()
    except PlaywrightError:
        return None  # the browser let go of the body (the page moved on); the trace still has it
    path = folder / f"{name}.{extension}"
    path.write_text(mask_card_numbers(body), encoding="utf-8")
    title = f"{response.request.method} {urlparse(response.url).path} → {response.status}"
    return SavedResponse(path, title, content_type)
