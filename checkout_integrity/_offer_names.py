"""Offer names as a customer reads them: case and spacing do not matter, and a title the shop cut short
("Junior Suite - 1 …") still names the offer it begins with."""

from __future__ import annotations

from collections.abc import Iterable

ELLIPSES = ("…", "...")


def as_read(name: str) -> str:
    """The name with its case and runs of spaces evened out."""
    return " ".join(name.split()).casefold()


def names_offer(shown: str, wanted: str) -> bool:
    """Whether the shop's `shown` title is the offer `wanted`: the same words, or their beginning cut short."""
    shown, wanted = as_read(shown), as_read(wanted)
    if shown == wanted:
        return True
    for mark in ELLIPSES:
        if shown.endswith(mark):
            start = shown.removesuffix(mark).rstrip()
            return bool(start) and wanted.startswith(start)
    return False


def offers_named(wanted: str, shown: Iterable[str]) -> list[str]:
    """The titles among `shown` that name `wanted`: the exact one where there is one, else every cut-short one."""
    titles = list(shown)
    exact = [title for title in titles if as_read(title) == as_read(wanted)]
    return exact[:1] or [title for title in titles if names_offer(title, wanted)]
