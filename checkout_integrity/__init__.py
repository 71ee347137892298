"""checkout-integrity: walks a checkout as a customer does and reports where the shop breaks its word.

The engine records what the customer saw (`Journey`, `Snapshot`, `Line`, `Money`), holds the journey to
the shop's promises (`check_promises`) and writes the broken ones (`Finding`) to findings.json.
"""

from checkout_integrity._exceptions import CurrencyMismatch, JourneyError, PriceParseError, UnknownPromise
from checkout_integrity._findings import CATALOGUE, Defect, Finding, RunInfo, read_findings, write_findings
from checkout_integrity._journey import Action, Journey, Line, Snapshot, Violation
from checkout_integrity._money import Money
from checkout_integrity.promises import check_promises

__all__ = [
    "Action",
    "CATALOGUE",
    "CurrencyMismatch",
    "Defect",
    "Finding",
    "Journey",
    "JourneyError",
    "Line",
    "Money",
    "PriceParseError",
    "RunInfo",
    "Snapshot",
    "UnknownPromise",
    "Violation",
    "check_promises",
    "read_findings",
    "write_findings",
]
