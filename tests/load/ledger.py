"""What the hotel's database holds after a load: bookings and charges, read straight from the SQLite file.

The invariants a customer relies on, each as a list of what breaks it (empty when kept).
"""

from __future__ import annotations

import sqlite3
from collections import Counter
from contextlib import closing
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path


@dataclass(frozen=True)
class BookedStay:
    reference: str
    room_type: str
    check_in: date
    check_out: date

    def nights(self) -> list[date]:
        return [self.check_in + timedelta(days=n) for n in range((self.check_out - self.check_in).days)]


@dataclass(frozen=True)
class Ledger:
    rooms: dict[str, int]
    bookings: tuple[BookedStay, ...]
    charged: tuple[str, ...]
    """The booking reference of every charge, once per charge."""
    journal_mode: str

    @classmethod
    def read(cls, db_path: Path) -> Ledger:
        """A consistent read-only view of the database, also while the site is running."""
        with closing(sqlite3.connect(f"file:{db_path}?mode=ro", uri=True)) as db:
            db.execute("BEGIN")
            (journal_mode,) = db.execute("PRAGMA journal_mode").fetchone()
            rooms = dict(db.execute("SELECT slug, rooms FROM rooms").fetchall())
            bookings = db.execute("SELECT reference, room_type, check_in, check_out FROM bookings").fetchall()
            charged = db.execute("SELECT reference FROM charges ORDER BY id").fetchall()
        stays = tuple(
            BookedStay(ref, room, date.fromisoformat(start), date.fromisoformat(end))
            for ref, room, start, end in bookings
        )
        return cls(rooms, stays, tuple(ref for (ref,) in charged), journal_mode)

    @property
    def references(self) -> set[str]:
        return {booking.reference for booking in self.bookings}

    def overbooked_nights(self) -> list[str]:
        """Nights on which a room type has more bookings than rooms: a double booking."""
        booked = Counter((booking.room_type, night) for booking in self.bookings for night in booking.nights())
        return [
            f"{room} on {night}: {count} bookings for {self.rooms[room]} room(s)"
            for (room, night), count in sorted(booked.items())
            if count > self.rooms[room]
        ]

    def charges_without_booking(self) -> list[str]:
        return sorted(set(self.charged) - self.references)

    def bookings_without_charge(self) -> list[str]:
        return sorted(self.references - set(self.charged))

    def charged_more_than_once(self) -> list[str]:
        return sorted(reference for reference, count in Counter(self.charged).items() if count > 1)

    def broken_promises(self) -> list[str]:
        """Every invariant violation, named; empty for a sound ledger."""
        return [
            *(f"double booking: {night}" for night in self.overbooked_nights()),
            *(f"charge without a booking: {ref}" for ref in self.charges_without_booking()),
            *(f"booking without a charge: {ref}" for ref in self.bookings_without_charge()),
            *(f"charged more than once: {ref}" for ref in self.charged_more_than_once()),
        ]
