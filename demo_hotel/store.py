"""The hotel's state in SQLite: rooms, rates, accounts, carts and their holds, bookings and the charge ledger.

Every write is one `BEGIN IMMEDIATE` transaction, so an availability check and the hold or booking that
follows it cannot interleave with another customer's: two customers never both get the last room.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
import sqlite3
import tempfile
from collections.abc import Iterator, Sequence
from contextlib import closing, contextmanager
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from pathlib import Path

from demo_hotel.clock import stamp
from demo_hotel.pricing import CURRENCY, ROOM_TYPES, Bill, Line, RoomType, Stay

ACCOUNTS_SCHEMA = """
CREATE TABLE IF NOT EXISTS accounts (id INTEGER PRIMARY KEY, email TEXT NOT NULL UNIQUE, password TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS sessions (token TEXT PRIMARY KEY, account_id INTEGER NOT NULL REFERENCES accounts (id));
"""
SCHEMA = """
CREATE TABLE IF NOT EXISTS rooms (slug TEXT PRIMARY KEY, name TEXT NOT NULL, rooms INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS rates (
    room_type TEXT PRIMARY KEY REFERENCES rooms (slug), nightly TEXT NOT NULL, currency TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS carts (
    id INTEGER PRIMARY KEY, session TEXT NOT NULL, account_id INTEGER REFERENCES accounts (id),
    guest_name TEXT NOT NULL DEFAULT '', guest_email TEXT NOT NULL DEFAULT '', guest_phone TEXT NOT NULL DEFAULT '',
    payment_opened_at TEXT, reference TEXT);
CREATE TABLE IF NOT EXISTS cart_lines (
    cart_id INTEGER NOT NULL REFERENCES carts (id), position INTEGER NOT NULL,
    label TEXT NOT NULL, kind TEXT NOT NULL, amount TEXT NOT NULL, PRIMARY KEY (cart_id, position));
CREATE TABLE IF NOT EXISTS holds (
    cart_id INTEGER PRIMARY KEY REFERENCES carts (id), room_type TEXT NOT NULL REFERENCES rooms (slug),
    check_in TEXT NOT NULL, check_out TEXT NOT NULL, expires_at TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS bookings (
    reference TEXT PRIMARY KEY, cart_id INTEGER NOT NULL UNIQUE REFERENCES carts (id),
    room_type TEXT NOT NULL REFERENCES rooms (slug), check_in TEXT NOT NULL, check_out TEXT NOT NULL,
    guest_name TEXT NOT NULL, guest_email TEXT NOT NULL, guest_phone TEXT NOT NULL,
    currency TEXT NOT NULL, total TEXT NOT NULL, booked_at TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS booking_lines (
    reference TEXT NOT NULL REFERENCES bookings (reference), position INTEGER NOT NULL,
    label TEXT NOT NULL, kind TEXT NOT NULL, amount TEXT NOT NULL, PRIMARY KEY (reference, position));
CREATE TABLE IF NOT EXISTS charges (
    id INTEGER PRIMARY KEY, reference TEXT NOT NULL REFERENCES bookings (reference),
    amount TEXT NOT NULL, currency TEXT NOT NULL, card_last4 TEXT NOT NULL, charged_at TEXT NOT NULL);
"""
ROOMS_LEFT = """
SELECT rooms.rooms
    - (SELECT COUNT(*) FROM bookings
       WHERE room_type = :slug AND check_in < :check_out AND check_out > :check_in)
    - (SELECT COUNT(*) FROM holds
       WHERE :count_holds AND room_type = :slug AND check_in < :check_out AND check_out > :check_in
         AND expires_at > :now AND cart_id IS NOT :cart_id)
FROM rooms WHERE slug = :slug
"""
REFERENCE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"


class SoldOut(Exception):
    """No room of the type is left for the dates."""

    def __init__(self, room_type: str) -> None:
        super().__init__(f"no {room_type} room is left for those dates")
        self.room_type = room_type


@dataclass(frozen=True)
class Account:
    id: int
    email: str


@dataclass(frozen=True)
class Owner:
    """Whose cart it is: the signed-in account when there is one, else the browser session."""

    session: str
    account_id: int | None


@dataclass(frozen=True)
class Guest:
    name: str = ""
    email: str = ""
    phone: str = ""


@dataclass(frozen=True)
class Hold:
    room_type: str
    check_in: str
    check_out: str
    expires_at: datetime


@dataclass(frozen=True)
class Cart:
    id: int
    lines: tuple[Line, ...]
    hold: Hold | None
    guest: Guest
    payment_opened_at: datetime | None
    reference: str | None


@dataclass(frozen=True)
class Booking:
    reference: str
    guest: Guest
    bill: Bill


@dataclass(frozen=True)
class Payment:
    reference: str
    first: bool


@dataclass(frozen=True)
class Charge:
    reference: str
    amount: Decimal
    currency: str
    at: str


def hash_password(password: str, salt: bytes | None = None) -> str:
    salt = salt or secrets.token_bytes(16)
    digest = hashlib.scrypt(password.encode(), salt=salt, n=2**14, r=8, p=1)
    return f"{salt.hex()}${digest.hex()}"


def password_matches(password: str, stored: str) -> bool:
    salt, _ = stored.split("$")
    return hmac.compare_digest(hash_password(password, bytes.fromhex(salt)), stored)


def new_reference() -> str:
    return "CI-" + "".join(secrets.choice(REFERENCE_ALPHABET) for _ in range(6))


class Database:
    """A shop's SQLite file: connections, transactions, and the accounts and browser sessions both demo shops
    keep alike, with whose cart (table `carts`: `session`, `account_id`, `reference`) is whose. Safe to share
    between threads, as each call opens its own connection."""

    def __init__(self, path: Path, schema: str) -> None:
        self.path = path
        with closing(self._connect()) as db:
            db.execute("PRAGMA journal_mode = WAL")
            db.executescript(ACCOUNTS_SCHEMA + schema)

    def _connect(self) -> sqlite3.Connection:
        db = sqlite3.connect(self.path, isolation_level=None, timeout=30)
        db.row_factory = sqlite3.Row
        db.execute("PRAGMA foreign_keys = ON")
        return db

    @contextmanager
    def _transaction(self, mode: str = "IMMEDIATE") -> Iterator[sqlite3.Connection]:
        """One transaction on a fresh connection: IMMEDIATE for writes, DEFERRED for consistent reads."""
        db = self._connect()
        try:
            db.execute(f"BEGIN {mode}")
            yield db
            db.execute("COMMIT")
        except BaseException:
            db.execute("ROLLBACK")
            raise
        finally:
            db.close()

    def account(self, session: str) -> Account | None:
        with self._transaction("DEFERRED") as db:
            row = db.execute(
                "SELECT id, email FROM accounts JOIN sessions ON account_id = id WHERE token = ?", (session,)
            ).fetchone()
        return Account(row["id"], row["email"]) if row else None

    def sign_in(self, session: str, email: str, password: str, *, adopt_cart: bool) -> Account | None:
        """Sign the session in, creating the account for an unknown email; None when the password is wrong.

        With adopt_cart the session's open cart becomes the account's, so it follows the customer around.
        """
        email = email.strip().lower()
        with self._transaction() as db:
            row = db.execute("SELECT id, password FROM accounts WHERE email = ?", (email,)).fetchone()
            if row is None:
                account_id = db.execute(
                    "INSERT INTO accounts (email, password) VALUES (?, ?)", (email, hash_password(password))
                ).lastrowid
            elif password_matches(password, row["password"]):
                account_id = row["id"]
            else:
                return None
            db.execute("INSERT OR REPLACE INTO sessions VALUES (?, ?)", (session, account_id))
            if adopt_cart:
                db.execute(
                    "UPDATE carts SET account_id = ? WHERE session = ? AND account_id IS NULL AND reference IS NULL",
                    (account_id, session),
                )
        assert account_id is not None
        return Account(account_id, email)


class Store(Database):
    """The hotel's database file."""

    def __init__(self, path: Path) -> None:
        super().__init__(path, SCHEMA)
        with self._transaction() as db:
            for room in ROOM_TYPES:
                db.execute("INSERT OR REPLACE INTO rooms VALUES (?, ?, ?)", (room.slug, room.name, room.rooms))
                db.execute("INSERT OR REPLACE INTO rates VALUES (?, ?, ?)", (room.slug, str(room.nightly), CURRENCY))

    def room_types(self) -> list[RoomType]:
        with self._transaction("DEFERRED") as db:
            rows = db.execute(
                "SELECT slug, name, nightly, rooms FROM rooms JOIN rates ON room_type = slug ORDER BY nightly + 0"
            ).fetchall()
        return [RoomType(row["slug"], row["name"], Decimal(row["nightly"]), row["rooms"]) for row in rows]

    def room_type(self, slug: str) -> RoomType | None:
        return next((room for room in self.room_types() if room.slug == slug), None)

    def rooms_left(self, slug: str, stay: Stay, now: datetime, *, cart_id: int | None, count_holds: bool) -> int:
        """Rooms minus overlapping bookings minus other carts' unexpired holds (when holds count)."""
        with self._transaction("DEFERRED") as db:
            check_in, check_out = stay.check_in.isoformat(), stay.check_out.isoformat()
            return _rooms_left(db, slug, check_in, check_out, now, cart_id, count_holds)

    def cart(self, owner: Owner) -> Cart | None:
        """The owner's latest cart, paid or not."""
        with self._transaction("DEFERRED") as db:
            row = latest_cart(db, owner)
            if row is None:
                return None
            lines = db.execute(
                "SELECT label, kind, amount FROM cart_lines WHERE cart_id = ? ORDER BY position", (row["id"],)
            ).fetchall()
            hold = db.execute("SELECT * FROM holds WHERE cart_id = ?", (row["id"],)).fetchone()
        return Cart(
            id=row["id"],
            lines=tuple(Line(line["label"], line["kind"], Decimal(line["amount"])) for line in lines),
            hold=_hold(hold),
            guest=Guest(row["guest_name"], row["guest_email"], row["guest_phone"]),
            payment_opened_at=moment(row["payment_opened_at"]),
            reference=row["reference"],
        )

    def hold_room(
        self,
        owner: Owner,
        room: RoomType,
        stay: Stay,
        lines: Sequence[Line],
        now: datetime,
        expires_at: datetime,
        *,
        count_holds: bool,
    ) -> None:
        """Put the stay in the owner's open cart (a new cart after a paid one) and hold the room.

        Raises SoldOut when no room of the type is left for the dates.
        """
        check_in, check_out = stay.check_in.isoformat(), stay.check_out.isoformat()
        with self._transaction() as db:
            row = latest_cart(db, owner)
            if row is None or row["reference"] is not None:
                cart_id = db.execute(
                    "INSERT INTO carts (session, account_id) VALUES (?, ?)", (owner.session, owner.account_id)
                ).lastrowid
            else:
                cart_id = row["id"]
            if _rooms_left(db, room.slug, check_in, check_out, now, cart_id, count_holds) < 1:
                raise SoldOut(room.slug)
            db.execute("DELETE FROM cart_lines WHERE cart_id = ?", (cart_id,))
            db.executemany(
                "INSERT INTO cart_lines VALUES (?, ?, ?, ?, ?)",
                [(cart_id, i, line.label, line.kind, str(line.amount)) for i, line in enumerate(lines)],
            )
            db.execute(
                "INSERT OR REPLACE INTO holds VALUES (?, ?, ?, ?, ?)",
                (cart_id, room.slug, check_in, check_out, stamp(expires_at)),
            )
            db.execute("UPDATE carts SET payment_opened_at = NULL WHERE id = ?", (cart_id,))

    def extend_hold(self, cart_id: int, expires_at: datetime) -> None:
        with self._transaction() as db:
            db.execute("UPDATE holds SET expires_at = ? WHERE cart_id = ?", (stamp(expires_at), cart_id))

    def save_guest(self, cart_id: int, guest: Guest) -> None:
        with self._transaction() as db:
            db.execute(
                "UPDATE carts SET guest_name = ?, guest_email = ?, guest_phone = ? WHERE id = ?",
                (guest.name, guest.email, guest.phone, cart_id),
            )

    def open_payment(self, cart_id: int, now: datetime) -> None:
        """Remember when the customer first saw the payment page."""
        with self._transaction() as db:
            db.execute(
                "UPDATE carts SET payment_opened_at = ? WHERE id = ? AND payment_opened_at IS NULL",
                (stamp(now), cart_id),
            )

    def pay(
        self, cart_id: int, bill: Bill, card_last4: str, now: datetime, *, count_holds: bool, repeat_charge: bool
    ) -> Payment:
        """Book the held room, record the charge and release the hold, all at once.

        A cart already paid is not charged again (the same reference comes back) unless repeat_charge;
        SoldOut when the room went to someone else, e.g. after the hold expired.
        """
        with self._transaction() as db:
            cart = db.execute("SELECT * FROM carts WHERE id = ?", (cart_id,)).fetchone()
            if cart["reference"] is not None:
                if repeat_charge:
                    booking = db.execute("SELECT * FROM bookings WHERE reference = ?", (cart["reference"],)).fetchone()
                    record_charge(db, booking["reference"], booking["total"], booking["currency"], card_last4, now)
                return Payment(cart["reference"], first=False)
            hold = db.execute("SELECT * FROM holds WHERE cart_id = ?", (cart_id,)).fetchone()
            if _rooms_left(db, hold["room_type"], hold["check_in"], hold["check_out"], now, cart_id, count_holds) < 1:
                raise SoldOut(hold["room_type"])
            reference = new_reference()
            db.execute(
                "INSERT INTO bookings SELECT :reference, id, :room_type, :check_in, :check_out,"
                " guest_name, guest_email, guest_phone, :currency, :total, :now FROM carts WHERE id = :cart_id",
                {
                    "reference": reference,
                    "cart_id": cart_id,
                    "room_type": hold["room_type"],
                    "check_in": hold["check_in"],
                    "check_out": hold["check_out"],
                    "currency": bill.currency,
                    "total": str(bill.total),
                    "now": stamp(now),
                },
            )
            db.executemany(
                "INSERT INTO booking_lines VALUES (?, ?, ?, ?, ?)",
                [(reference, i, line.label, line.kind, str(line.amount)) for i, line in enumerate(bill.lines)],
            )
            record_charge(db, reference, str(bill.total), bill.currency, card_last4, now)
            db.execute("DELETE FROM holds WHERE cart_id = ?", (cart_id,))
            db.execute("UPDATE carts SET reference = ? WHERE id = ?", (reference, cart_id))
        return Payment(reference, first=True)

    def booking(self, reference: str) -> Booking | None:
        with self._transaction("DEFERRED") as db:
            row = db.execute("SELECT * FROM bookings WHERE reference = ?", (reference,)).fetchone()
            lines = db.execute(
                "SELECT label, kind, amount FROM booking_lines WHERE reference = ? ORDER BY position", (reference,)
            ).fetchall()
        if row is None:
            return None
        return Booking(
            reference,
            Guest(row["guest_name"], row["guest_email"], row["guest_phone"]),
            Bill(tuple(Line(line["label"], line["kind"], Decimal(line["amount"])) for line in lines), row["currency"]),
        )

    def restock(self) -> None:
        """Nothing to put back: a room is sold for its nights, and each scenario books nights of its own."""

    def charges(self, email: str) -> list[Charge]:
        """The gateway ledger for bookings made for this guest email."""
        with self._transaction("DEFERRED") as db:
            rows = db.execute(
                "SELECT charges.reference, amount, charges.currency, charged_at FROM charges"
                " JOIN bookings USING (reference) WHERE lower(guest_email) = lower(?) ORDER BY charges.id",
                (email.strip(),),
            ).fetchall()
        return [Charge(row["reference"], Decimal(row["amount"]), row["currency"], row["charged_at"]) for row in rows]


def latest_cart(db: sqlite3.Connection, owner: Owner) -> sqlite3.Row | None:
    """The owner's newest cart: by account when the cart follows one, else by browser session."""
    row: sqlite3.Row | None = db.execute(
        "SELECT * FROM carts WHERE account_id = :account OR (:account IS NULL AND session = :session)"
        " ORDER BY id DESC LIMIT 1",
        {"account": owner.account_id, "session": owner.session},
    ).fetchone()
    return row


def _rooms_left(
    db: sqlite3.Connection,
    slug: str,
    check_in: str,
    check_out: str,
    now: datetime,
    cart_id: int | None,
    count_holds: bool,
) -> int:
    row = db.execute(
        ROOMS_LEFT,
        {
            "slug": slug,
            "check_in": check_in,
            "check_out": check_out,
            "now": stamp(now),
            "cart_id": cart_id,
            "count_holds": count_holds,
        },
    ).fetchone()
    return int(row[0])


def record_charge(
    db: sqlite3.Connection, reference: str, amount: str, currency: str, card_last4: str, now: datetime
) -> None:
    """One line of the gateway's ledger, in the `charges` table both demo shops keep."""
    db.execute(
        "INSERT INTO charges (reference, amount, currency, card_last4, charged_at) VALUES (?, ?, ?, ?, ?)",
        (reference, amount, currency, card_last4, stamp(now)),
    )


def _hold(row: sqlite3.Row | None) -> Hold | None:
    if row is None:
        return None
    return Hold(row["room_type"], row["check_in"], row["check_out"], datetime.fromisoformat(row["expires_at"]))


def moment(text: str | None) -> datetime | None:
    return datetime.fromisoformat(text) if text else None


@contextmanager
def database_file(path: Path | None) -> Iterator[Path]:
    """The given database file, or a fresh one in a temporary folder that is removed afterwards."""
    if path is not None:
        yield path
        return
    with tempfile.TemporaryDirectory(prefix="demo-hotel-") as folder:
        yield Path(folder) / "hotel.sqlite3"
