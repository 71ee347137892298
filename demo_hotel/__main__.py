"""`python -m demo_hotel --port P [--host H] [--faults a,b] [--list-faults] [--smtp-port N] [--db PATH]
[--ui pages|spa] [--shop hotel|goods]`."""

from __future__ import annotations

import argparse
from pathlib import Path

import uvicorn

from demo_hotel.app import UIS
from demo_hotel.faults import FAULTS, UnknownFault, parse_faults
from demo_hotel.goods import GOODS_FAULTS
from demo_hotel.shops import SHOPS, create_shop_app
from demo_hotel.store import database_file


def arguments() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m demo_hotel", description="Serve a demo shop: the hotel booking site, or the goods shop."
    )
    parser.add_argument("--port", type=int, help="port to serve on (required unless --list-faults)")
    parser.add_argument("--host", default="127.0.0.1", help="address to bind (default: %(default)s)")
    parser.add_argument("--faults", default="", help="comma-separated fault ids to switch on (default: none)")
    parser.add_argument("--list-faults", action="store_true", help="list the fault ids and exit")
    parser.add_argument("--smtp-port", type=int, help="send confirmation emails through SMTP on 127.0.0.1:PORT")
    parser.add_argument("--db", type=Path, help="SQLite file to keep state in (default: a temporary file)")
    parser.add_argument(
        "--ui",
        choices=UIS,
        default="pages",
        help="pages: server-rendered pages (default); spa: one page drawn in the browser from the JSON API",
    )
    parser.add_argument(
        "--shop",
        choices=SHOPS,
        default="hotel",
        help="hotel: the demo hotel (default); goods: the demo goods shop, pages only",
    )
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = arguments()
    args = parser.parse_args(argv)
    if args.list_faults:
        for fault, description in (GOODS_FAULTS if args.shop == "goods" else FAULTS).items():
            print(f"{fault:<18} {description}")
        return 0
    try:
        faults = parse_faults(args.faults)
    except UnknownFault as error:
        parser.exit(2, f"{parser.prog}: {error}\n")
    if args.port is None:
        parser.error("--port is required")
    if args.shop == "goods" and args.ui != "pages":
        parser.error("the goods shop serves pages only: leave out --ui")
    with database_file(args.db) as db_path:
        app = create_shop_app(args.shop, faults, db_path, args.smtp_port, ui=args.ui)
        uvicorn.run(app, host=args.host, port=args.port)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
