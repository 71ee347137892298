"""The names `checkout_integrity` offers: other parts of the harness build on exactly these."""

from __future__ import annotations

import checkout_integrity
import checkout_integrity.promises


def test_pins_the_public_names() -> None:
    assert checkout_integrity.__all__ == [
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
    assert all(hasattr(checkout_integrity, name) for name in checkout_integrity.__all__)


def test_pins_the_promises_package() -> None:
    assert checkout_integrity.promises.__all__ == ["PROMISES", "Promise", "check_promises"]
    assert checkout_integrity.check_promises is checkout_integrity.promises.check_promises


def test_the_exception_tree_is_drawn_where_it_is_defined() -> None:
    from checkout_integrity import _exceptions

    assert _exceptions.__doc__ is not None
    for name in ("JourneyError", "PriceParseError", "CurrencyMismatch", "UnknownPromise"):
        assert name in _exceptions.__doc__
        assert issubclass(getattr(checkout_integrity, name), checkout_integrity.JourneyError)
