"""Which bundled demo shop to serve: the hotel (as pages or as a single-page app) or the goods shop."""

from __future__ import annotations

from pathlib import Path

from starlette.applications import Starlette

from demo_hotel import app as hotel
from demo_hotel.goods import app as goods

SHOPS = ("hotel", "goods")


def create_shop_app(
    shop: str,
    faults: frozenset[str],
    db_path: Path,
    smtp_port: int | None = None,
    *,
    demo_mode: bool = True,
    ui: str = "pages",
) -> Starlette:
    """The named shop's app; the goods shop has server-rendered pages only."""
    if shop == "hotel":
        return hotel.create_app(faults, db_path, smtp_port, demo_mode=demo_mode, ui=ui)
    if shop != "goods":
        raise ValueError(f"unknown shop {shop!r}: use one of {', '.join(SHOPS)}")
    if ui != "pages":
        raise ValueError(f"the goods shop has no {ui!r} ui: it serves pages only")
    return goods.create_app(faults, db_path, smtp_port, demo_mode=demo_mode)
