"""The price timeline of a journey: what the customer was asked to pay at each step, as a table and a chart.

The chart is a small hand-drawn SVG (no plotting library to install): one line per currency, a point
per step, each labelled with the amount, so that a jump reads at a glance in the report.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from html import escape

from checkout_integrity._journey import Journey
from checkout_integrity._money import Money

WIDTH, HEIGHT = 640, 300
LEFT, RIGHT, TOP, BOTTOM = 70, 50, 40, 80
COLOURS = ("#1f6feb", "#d1242f", "#1a7f37", "#9a6700")


@dataclass(frozen=True)
class Point:
    """One amount the customer was shown or charged, at one step and moment of customer time."""

    step: str
    at: datetime
    amount: Money


def price_points(journey: Journey) -> list[Point]:
    """The journey's totals and charges, in the order the customer met them."""
    return [Point(step, at, amount) for step, at, amount in journey.timeline()]


def timeline_table(points: list[Point]) -> str:
    """A markdown table: step, customer time since the first price, amount, and the change."""
    if not points:
        return "The journey showed no total and no charge."
    rows = ["| # | step | customer time | amount | change |", "| ---: | --- | ---: | ---: | --- |"]
    for number, point in enumerate(points, start=1):
        seconds = round((point.at - points[0].at).total_seconds())
        rows.append(
            f"| {number} | {point.step} | +{seconds} s | {point.amount} | "
            f"{_change(points[number - 2] if number > 1 else None, point)} |"
        )
    return "\n".join(rows) + "\n"


def timeline_chart(points: list[Point], title: str) -> str:
    """An SVG line chart of the amounts by step, one line per currency."""
    plot_w, plot_h = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM
    highest = max((point.amount.amount for point in points), default=Decimal(1)) or Decimal(1)
    step_x = plot_w / max(len(points) - 1, 1)

    def x(index: int) -> float:
        return LEFT + index * step_x if len(points) > 1 else LEFT + plot_w / 2

    def y(amount: Decimal) -> float:
        return TOP + plot_h - float(amount / (highest * Decimal("1.15"))) * plot_h

    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{WIDTH}" height="{HEIGHT}" '
        f'viewBox="0 0 {WIDTH} {HEIGHT}" font-family="sans-serif" font-size="11">',
        f'<rect width="{WIDTH}" height="{HEIGHT}" fill="#ffffff"/>',
        f'<text x="{LEFT}" y="22" font-size="14" font-weight="bold">{escape(title)}</text>',
        f'<line x1="{LEFT}" y1="{TOP + plot_h}" x2="{WIDTH - RIGHT}" y2="{TOP + plot_h}" stroke="#888"/>',
        f'<line x1="{LEFT}" y1="{TOP}" x2="{LEFT}" y2="{TOP + plot_h}" stroke="#888"/>',
        f'<text x="{LEFT - 8}" y="{TOP + plot_h}" text-anchor="end">0</text>',
    ]
    currencies = list(dict.fromkeys(point.amount.currency for point in points))
    for number, currency in enumerate(currencies):
        colour = COLOURS[number % len(COLOURS)]
        mine = [(index, point) for index, point in enumerate(points) if point.amount.currency == currency]
        path = " ".join(f"{x(index):.1f},{y(point.amount.amount):.1f}" for index, point in mine)
        parts.append(f'<polyline points="{path}" fill="none" stroke="{colour}" stroke-width="2"/>')
        for index, point in mine:
            px, py = x(index), y(point.amount.amount)
            parts.append(f'<circle cx="{px:.1f}" cy="{py:.1f}" r="4" fill="{colour}"/>')
            parts.append(f'<text x="{px:.1f}" y="{py - 9:.1f}" text-anchor="middle">{escape(str(point.amount))}</text>')
    for index, point in enumerate(points):
        seconds = round((point.at - points[0].at).total_seconds())
        parts.append(
            f'<text x="{x(index):.1f}" y="{TOP + plot_h + 14}" text-anchor="end" '
            f'transform="rotate(-30 {x(index):.1f} {TOP + plot_h + 14})">{escape(point.step)} +{seconds} s</text>'
        )
    parts.append("</svg>")
    return "\n".join(parts) + "\n"


def _change(before: Point | None, point: Point) -> str:
    if before is None:
        return ""
    if before.amount.currency != point.amount.currency:
        return f"currency {before.amount.currency} → {point.amount.currency}"
    difference = point.amount.amount - before.amount.amount
    if difference == 0:
        return "same"
    sign = "+" if difference > 0 else "−"
    return f"{sign}{Money(abs(difference), point.amount.currency)}"
