"""Benchmark: fifty customers racing for the last three rooms of a `python -m demo_hotel` process, on a clean
site and with hold-broken, with the figures of each race and what the database holds afterwards.

Run with `make bench`. Prints numbers; the same race is asserted on by tests/load/test_last_rooms.py.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.load.ledger import Ledger  # noqa: E402
from tests.load.race import CUSTOMERS, race_for_the_last_rooms  # noqa: E402
from tests.load.site_process import SiteProcess  # noqa: E402


def race_on_a_fresh_site(faults: list[str], customers: int) -> str:
    """One race on a new database; its figures and the ledger's broken promises, as one line."""
    with tempfile.TemporaryDirectory(prefix="load-") as folder:
        with SiteProcess(Path(folder) / "hotel.sqlite3", faults) as site:
            result = race_for_the_last_rooms(site, customers)
            broken = Ledger.read(site.db_path).broken_promises()
    return f"{', '.join(faults) or 'clean':<11}  {result.summary()}; ledger: {'; '.join(broken) or 'sound'}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--customers", type=int, default=CUSTOMERS, help="customers racing (default: %(default)s)")
    customers = parser.parse_args().customers
    print(f"last rooms race, {customers} concurrent customers (target: 0 double bookings, 0 unclear answers)")
    for faults in ([], ["hold-broken"]):
        print(race_on_a_fresh_site(faults, customers))


if __name__ == "__main__":
    main()
