"""Card numbers never leave a run: any text the harness writes out passes through `mask_card_numbers`.

The page objects mask card fields at the source; this is the second line, for text that can carry a
number the harness did not put there itself: tracebacks that print a fixture, a shop's HTML echoing a
typed number, captured output. The Playwright trace, which records typed values, is the one exception:
it is kept only for failed scenarios (see docs/report.md).
"""

from __future__ import annotations

import re

import pytest

# In the page, before any value leaves it: a field whose autocomplete purpose is a card number keeps its
# last four digits, a security code nothing; labels can be missing or renamed, the purpose stays.
FIELD_VALUE_JS = """(input) => {
  const purpose = (input.autocomplete || '').split(' ').pop();
  if (purpose === 'cc-number') { const digits = input.value.replace(/\\D/g, ''); return digits ? '•••• ' + digits.slice(-4) : ''; }
  if (purpose === 'cc-csc') return input.value ? '•••' : '';
  return input.value;
}"""

# 13 to 19 digits, optionally grouped by spaces or dashes, not part of a longer number.
CARD_NUMBER = re.compile(r"(?<![\d])\d(?:[ -]?\d){12,18}(?![\d])")


def luhn_valid(digits: str) -> bool:
    """Whether `digits` pass the Luhn check that every payment card number passes."""
    total = 0
    for position, digit in enumerate(int(ch) for ch in reversed(digits)):
        doubled = digit * 2 if position % 2 else digit
        total += doubled - 9 if doubled > 9 else doubled
    return total % 10 == 0


def mask_card_numbers(text: str) -> str:
    """`text` with every Luhn-valid card number shown as its last four digits: '•••• 4242'."""

    def masked(match: re.Match[str]) -> str:
        digits = re.sub(r"\D", "", match.group())
        return f"•••• {digits[-4:]}" if luhn_valid(digits) else match.group()

    return CARD_NUMBER.sub(masked, text)


def mask_report(report: pytest.TestReport) -> None:
    """A test report as the terminal, JUnit XML and Allure read it, its card numbers masked."""
    if report.longrepr is not None and not isinstance(report.longrepr, tuple):
        told = str(report.longrepr)
        if mask_card_numbers(told) != told:
            report.longrepr = mask_card_numbers(told)
    report.sections = [(title, mask_card_numbers(content)) for title, content in report.sections]
