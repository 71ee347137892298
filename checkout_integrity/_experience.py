"""How the checkout went for one customer, on the three levels customers judge by: were my needs met
(the shop's promises about money, room and details), was it easy (effort, retyping, keyboard and screen
reader), was it pleasant (waits and a page that holds still, against each step's budget).

One summary per journey, as a table a call-centre agent can read and a small hand-drawn SVG of each
step's wait against its budget (drawn like the price timeline: no plotting library).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from html import escape
from types import MappingProxyType

from allure_commons.types import AttachmentType

from checkout_integrity._allure import ATTACH, MARKDOWN
from checkout_integrity._budgets import MEASURES, NAMES, Budget
from checkout_integrity._effort import Effort, effort_of
from checkout_integrity._findings import CATALOGUE, Finding
from checkout_integrity._journey import Journey
from checkout_integrity._masking import mask_card_numbers
from checkout_integrity.promises._steps import by_step, pages_seen
from checkout_integrity.promises._words import measured

EASE = ("retyping", "inaccessible-step")
PLEASURE = ("slow-step", "layout-shift")
NEEDS = tuple(defect for defect in CATALOGUE if defect not in (*EASE, *PLEASURE))
WIDTH, HEIGHT = 640, 320
LEFT, RIGHT, TOP, BOTTOM = 70, 30, 50, 100
WITHIN, OVER, BUDGET_LINE = "#1a7f37", "#d1242f", "#555555"
EASY = "Nothing was typed twice and nothing was out of reach of a keyboard or screen reader."
PLEASANT = "Every page answered within its budget and held still."


@dataclass(frozen=True)
class StepFeel:
    """How one step felt: the worst of each Web Vital its pages measured, and the step's budget."""

    step: str
    vitals: Mapping[str, float]
    budget: Budget

    def __post_init__(self) -> None:
        object.__setattr__(self, "vitals", MappingProxyType(dict(self.vitals)))

    def over(self, measure: str) -> bool:
        return measure in self.vitals and self.vitals[measure] > self.budget.limit(measure)


@dataclass(frozen=True)
class Experience:
    """One journey's needs met, ease and pleasure, with the findings that speak to each."""

    customer: str
    effort: Effort
    steps: tuple[StepFeel, ...]
    findings: tuple[Finding, ...] = ()
    unchecked: Mapping[str, str] = field(default_factory=dict)  # promise id -> what the site gives no way to read

    @property
    def needs_checked(self) -> tuple[str, ...]:
        """The promises about my needs that this site let the harness check."""
        return tuple(defect for defect in NEEDS if defect not in self.unchecked)

    def broken(self, ids: Iterable[str]) -> list[Finding]:
        """The findings of these catalogue ids, in the order they were found."""
        wanted = set(ids)
        return [finding for finding in self.findings if finding.id in wanted]

    @property
    def needs_kept(self) -> int:
        """How many of the promises about my needs that were checked were kept."""
        return sum(1 for defect in self.needs_checked if not self.broken([defect]))

    def as_markdown(self) -> str:
        """Needs, ease and pleasure as tables and plain sentences, for a person on the phone with the customer."""
        needs = [(defect, *self._kept(defect)) for defect in NEEDS]
        effort = self.effort
        ease = [
            ("pages", str(effort.pages)),
            ("clicks", str(effort.clicks)),
            ("fields typed", str(effort.fields_typed)),
            ("fields typed again", str(effort.fields_typed_again)),
            ("errors shown", str(effort.errors_shown)),
            ("customer time", f"{round(effort.customer_seconds)} s"),
        ]
        pleasure = [(feel.step, *(self._felt(feel, measure) for measure in MEASURES)) for feel in self.steps]
        parts = [
            f"# How the checkout went for {self.customer}",
            "",
            f"## Needs met: {self.needs_kept} of {len(self.needs_checked)} promises kept{self._not_checked()}",
            "",
            _table(("promise", "kept?", "what the customer met"), needs),
            "## Ease",
            "",
            _table(("what it took", "how much"), ease),
            _told(self.broken(EASE), EASY),
            "## Pleasure",
            "",
            _table(("step", *(NAMES[measure] for measure in MEASURES)), pleasure)
            if pleasure
            else "No page's speed or steadiness was measured.\n",
            _told(self.broken(PLEASURE), PLEASANT),
        ]
        return "\n".join(parts)

    def as_svg(self) -> str:
        """A bar per step: how long the customer waited for it, against the step's budget line."""
        waited = [feel for feel in self.steps if "wait_ms" in feel.vitals]
        plot_w, plot_h = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM
        highest = max((max(feel.vitals["wait_ms"], feel.budget.wait_ms) for feel in waited), default=1.0) * 1.15
        slot = plot_w / max(len(waited), 1)

        def y(ms: float) -> float:
            return TOP + plot_h - ms / highest * plot_h

        parts = [
            f'<svg xmlns="http://www.w3.org/2000/svg" width="{WIDTH}" height="{HEIGHT}" '
            f'viewBox="0 0 {WIDTH} {HEIGHT}" font-family="sans-serif" font-size="11">',
            f'<rect width="{WIDTH}" height="{HEIGHT}" fill="#ffffff"/>',
            f'<text x="{LEFT}" y="22" font-size="14" font-weight="bold">'
            f"{escape(f'How long {self.customer} waited at each step')}</text>",
            f'<line x1="{LEFT}" y1="{TOP + plot_h}" x2="{WIDTH - RIGHT}" y2="{TOP + plot_h}" stroke="#888"/>',
            f'<line x1="{LEFT}" y1="{TOP}" x2="{LEFT}" y2="{TOP + plot_h}" stroke="#888"/>',
            f'<text x="{LEFT - 8}" y="{TOP + plot_h}" text-anchor="end">0 ms</text>',
        ]
        if not waited:
            parts.append(f'<text x="{LEFT + 10}" y="{TOP + plot_h / 2}">No wait was measured on this journey.</text>')
        for index, feel in enumerate(waited):
            wait, budget = feel.vitals["wait_ms"], feel.budget.wait_ms
            left, width, middle = LEFT + index * slot + slot * 0.2, slot * 0.6, LEFT + (index + 0.5) * slot
            colour = OVER if feel.over("wait_ms") else WITHIN
            parts += [
                f'<rect x="{left:.1f}" y="{y(wait):.1f}" width="{width:.1f}" height="{TOP + plot_h - y(wait):.1f}" '
                f'fill="{colour}"><title>{escape(feel.step)}: waited {measured("wait_ms", wait)}, '
                f'budget {measured("wait_ms", budget)}</title></rect>',
                f'<line x1="{left - 4:.1f}" y1="{y(budget):.1f}" x2="{left + width + 4:.1f}" y2="{y(budget):.1f}" '
                f'stroke="{BUDGET_LINE}" stroke-width="2" stroke-dasharray="4 2"/>',
                f'<text x="{middle:.1f}" y="{min(y(wait), y(budget)) - 6:.1f}" text-anchor="middle">'
                f'{measured("wait_ms", wait)}</text>',
                f'<text x="{middle:.1f}" y="{TOP + plot_h + 14}" text-anchor="end" '
                f'transform="rotate(-30 {middle:.1f} {TOP + plot_h + 14})">{escape(feel.step)}</text>',
            ]
        parts.append(
            f'<text x="{LEFT}" y="{TOP - 4}" fill="{BUDGET_LINE}">dashed line: the step\'s budget; '
            "a red bar went over it</text>"
        )
        parts.append("</svg>")
        return "\n".join(parts) + "\n"

    def _not_checked(self) -> str:
        """', 2 not checkable on this site (double-charge, receipt-mismatch)', or nothing when all were checked."""
        unchecked = [defect for defect in NEEDS if defect in self.unchecked]
        return f", {len(unchecked)} not checkable on this site ({', '.join(unchecked)})" if unchecked else ""

    def _kept(self, defect: str) -> tuple[str, str]:
        if defect in self.unchecked:
            return "not checkable", f"this site gives no {self.unchecked[defect]}"
        broken = self.broken([defect])
        return ("broken", " / ".join(finding.message for finding in broken)) if broken else ("kept", "—")

    @staticmethod
    def _felt(feel: StepFeel, measure: str) -> str:
        if measure not in feel.vitals:
            return "—"
        value = measured(measure, feel.vitals[measure])
        return f"{value} ✗ over {measured(measure, feel.budget.limit(measure))}" if feel.over(measure) else value


def experience_of(journey: Journey, findings: Iterable[Finding]) -> Experience:
    """The journey's experience, from what the customer saw and did and the promises it broke."""
    steps = tuple(
        StepFeel(step, _worst(snapshot.vitals for snapshot in snapshots), journey.budgets.of(step))
        for step, snapshots in by_step(pages_seen(journey)).items()
        if any(snapshot.vitals for snapshot in snapshots)
    )
    return Experience(journey.customer, effort_of(journey), steps, tuple(findings), journey.unchecked)


def attach_experience(journey: Journey, findings: Iterable[Finding]) -> Experience:
    """Attach the experience (table and chart) to the running Allure test, and give it back."""
    experience = experience_of(journey, findings)
    ATTACH(experience.as_markdown(), name="experience: needs, ease, pleasure", attachment_type=MARKDOWN, extension="md")
    ATTACH(experience.as_svg(), name="experience: wait at each step", attachment_type=AttachmentType.SVG)
    return experience


def _worst(measures: Iterable[Mapping[str, float]]) -> dict[str, float]:
    worst: dict[str, float] = {}
    for vitals in measures:
        for measure, value in vitals.items():
            if measure in MEASURES:
                worst[measure] = max(value, worst.get(measure, value))
    return worst


def _told(findings: Sequence[Finding], none: str) -> str:
    if not findings:
        return f"{none}\n"
    return "".join(f"- **{found.id}** at {found.step}: {mask_card_numbers(found.message)}\n" for found in findings)


def _table(header: Sequence[str], rows: Iterable[Sequence[str]]) -> str:
    lines = [header, ["---"] * len(header), *rows]
    return "".join("| " + " | ".join(_cell(cell) for cell in line) + " |\n" for line in lines)


def _cell(text: str) -> str:
    return mask_card_numbers(text).replace("|", "\\|").replace("\n", " ")
