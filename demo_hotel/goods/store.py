"""The goods shop's state in SQLite: stock, baskets with their reservation and checkout details, orders and
the card charge ledger. Accounts, sessions and transactions are the hotel's (`demo_hotel.store.Database`).

Every write is one `BEGIN IMMEDIATE` transaction, so a stock check and the reservation or order that
follows it cannot interleave with another customer's: two customers never both get the last unit.
"""

from __future__ import annotations

import secrets
import sqlite3
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from pathlib import Path

from demo_hotel.clock import stamp
from demo_hotel.goods.catalogue import PRODUCTS, ItemLine, Item, Product
from demo_hotel.pricing import Bill, Line
from demo_hotel.store import Charge, Database, Owner, latest_cart, moment, record_charge

SCHEMA = """
CREATE TABLE IF NOT EXISTS products (slug TEXT PRIMARY KEY, stock INTEGER NOT NULL CHECK (stock >= 0));
CREATE TABLE IF NOT EXISTS carts (
    id INTEGER PRIMARY KEY, session TEXT NOT NULL, account_id INTEGER REFERENCES accounts (id),
    extras TEXT NOT NULL DEFAULT '', coupon TEXT, email TEXT NOT NULL DEFAULT '',
    first_name TEXT NOT NULL DEFAULT '', last_name TEXT NOT NULL DEFAULT '', address_line1 TEXT NOT NULL DEFAULT '',
    city TEXT NOT NULL DEFAULT '', postcode TEXT NOT NULL DEFAULT '', country TEXT NOT NULL DEFAULT '',
    phone TEXT NOT NULL DEFAULT '', delivery TEXT, reserved_until TEXT, payment_opened_at TEXT, reference TEXT);
CREATE TABLE IF NOT EXISTS cart_items (
    cart_id INTEGER NOT NULL REFERENCES carts (id), slug TEXT NOT NULL REFERENCES products (slug),
    quantity INTEGER NOT NULL, added INTEGER NOT NULL, PRIMARY KEY (cart_id, slug));
CREATE TABLE IF NOT EXISTS orders (
    reference TEXT PRIMARY KEY, cart_id INTEGER NOT NULL UNIQUE REFERENCES carts (id), email TEXT NOT NULL,
    deliver_to TEXT NOT NULL, method TEXT NOT NULL, currency TEXT NOT NULL, total TEXT NOT NULL,
    placed_at TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS order_lines (
    reference TEXT NOT NULL REFERENCES orders (reference), position INTEGER NOT NULL, label TEXT NOT NULL,
    kind TEXT NOT NULL, quantity INTEGER, unit TEXT, amount TEXT NOT NULL, PRIMARY KEY (reference, position));
CREATE TABLE IF NOT EXISTS charges (
    id INTEGER PRIMARY KEY, reference TEXT NOT NULL REFERENCES orders (reference),
    amount TEXT NOT NULL, currency TEXT NOT NULL, card_last4 TEXT NOT NULL, charged_at TEXT NOT NULL);
"""
STOCK_LEFT = """
SELECT stock - (SELECT COALESCE(SUM(quantity), 0) FROM cart_items JOIN carts ON carts.id = cart_id
                WHERE :count_holds AND slug = :slug AND carts.reference IS NULL AND carts.reserved_until > :now
                  AND carts.id IS NOT :cart_id)
FROM products WHERE slug = :slug
"""
CARD, BANK_TRANSFER = "card", "bank-transfer"  # how an order is paid, as the payment form names it
PRODUCT = {product.slug: product for product in PRODUCTS}


class Unavailable(Exception):
    """Not enough units of the product are left for the basket."""

    def __init__(self, product: Product) -> None:
        super().__init__(f"not enough {product.name} left")
        self.product = product


@dataclass(frozen=True)
class Address:
    """Where the order goes and whom to call about it."""

    first_name: str = ""
    last_name: str = ""
    line1: str = ""
    city: str = ""
    postcode: str = ""
    country: str = ""
    phone: str = ""

    @property
    def complete(self) -> bool:
        return all((self.first_name, self.last_name, self.line1, self.city, self.postcode, self.country))

    def one_line(self, country_name: str) -> str:
        """"Giulia Rossi, 1 High Street, London, SW1A 1AA, United Kingdom", or "" before it is given."""
        name = f"{self.first_name} {self.last_name}".strip()
        return ", ".join(part for part in (name, self.line1, self.city, self.postcode, country_name) if part)


@dataclass(frozen=True)
class Basket:
    id: int
    items: tuple[Item, ...]
    extras: frozenset[str]
    coupon: str | None
    email: str
    address: Address
    delivery: str | None
    reserved_until: datetime | None
    payment_opened_at: datetime | None
    reference: str | None


@dataclass(frozen=True)
class Order:
    reference: str
    email: str
    deliver_to: str
    method: str
    bill: Bill

    @property
    def by_card(self) -> bool:
        return self.method == CARD


@dataclass(frozen=True)
class Placed:
    reference: str
    first: bool


def new_order_number() -> str:
    return "W" + "".join(secrets.choice("0123456789") for _ in range(7))


class GoodsStore(Database):
    """The goods shop's database file; the catalogue's stock is put in once, when the file is new."""

    def __init__(self, path: Path) -> None:
        super().__init__(path, SCHEMA)
        with self._transaction() as db:
            db.executemany(
                "INSERT OR IGNORE INTO products VALUES (?, ?)", [(product.slug, product.stock) for product in PRODUCTS]
            )

    def stock_left(self, slug: str, now: datetime, *, cart_id: int | None, count_holds: bool) -> int:
        """Units in stock minus those other baskets hold in an unexpired reservation (when reservations count)."""
        with self._transaction("DEFERRED") as db:
            return _stock_left(db, slug, now, cart_id, count_holds)

    def basket(self, owner: Owner) -> Basket | None:
        """The owner's latest basket, ordered or not."""
        with self._transaction("DEFERRED") as db:
            row = latest_cart(db, owner)
            if row is None:
                return None
            items = db.execute("SELECT slug, quantity FROM cart_items WHERE cart_id = ? ORDER BY added", (row["id"],))
            return Basket(
                id=row["id"],
                items=tuple(Item(PRODUCT[item["slug"]], item["quantity"]) for item in items.fetchall()),
                extras=frozenset(row["extras"].split()),
                coupon=row["coupon"],
                email=row["email"],
                address=Address(
                    row["first_name"], row["last_name"], row["address_line1"], row["city"], row["postcode"],
                    row["country"], row["phone"],
                ),  # fmt: skip
                delivery=row["delivery"],
                reserved_until=moment(row["reserved_until"]),
                payment_opened_at=moment(row["payment_opened_at"]),
                reference=row["reference"],
            )

    def add_to_basket(
        self,
        owner: Owner,
        product: Product,
        quantity: int,
        now: datetime,
        reserved_until: datetime,
        *,
        count_holds: bool,
        extras: frozenset[str] = frozenset(),
    ) -> None:
        """Add units to the owner's open basket (a new one after an order), reserve the whole basket until
        `reserved_until` and add `extras` to its chosen ones. Raises Unavailable when too few units are left."""
        with self._transaction() as db:
            row = latest_cart(db, owner)
            if row is None or row["reference"] is not None:
                cart_id = db.execute(
                    "INSERT INTO carts (session, account_id) VALUES (?, ?)", (owner.session, owner.account_id)
                ).lastrowid
                chosen: frozenset[str] = frozenset()
            else:
                cart_id, chosen = row["id"], frozenset(row["extras"].split())
            had = db.execute(
                "SELECT quantity FROM cart_items WHERE cart_id = ? AND slug = ?", (cart_id, product.slug)
            ).fetchone()
            wanted = quantity + (had["quantity"] if had else 0)
            if _stock_left(db, product.slug, now, cart_id, count_holds) < wanted:
                raise Unavailable(product)
            db.execute(
                "INSERT INTO cart_items VALUES (?, ?, ?, (SELECT COUNT(*) FROM cart_items WHERE cart_id = ?))"
                " ON CONFLICT (cart_id, slug) DO UPDATE SET quantity = excluded.quantity",
                (cart_id, product.slug, wanted, cart_id),
            )
            db.execute(
                "UPDATE carts SET reserved_until = ?, extras = ?, payment_opened_at = NULL WHERE id = ?",
                (stamp(reserved_until), " ".join(sorted(chosen | extras)), cart_id),
            )

    def choose_extras(self, cart_id: int, extras: frozenset[str]) -> None:
        self._update(cart_id, extras=" ".join(sorted(extras)))

    def apply_coupon(self, cart_id: int, code: str) -> None:
        self._update(cart_id, coupon=code)

    def restart_reservation(self, cart_id: int, reserved_until: datetime) -> None:
        self._update(cart_id, reserved_until=stamp(reserved_until))

    def save_email(self, cart_id: int, email: str) -> None:
        self._update(cart_id, email=email)

    def save_address(self, cart_id: int, address: Address) -> None:
        self._update(
            cart_id,
            first_name=address.first_name,
            last_name=address.last_name,
            address_line1=address.line1,
            city=address.city,
            postcode=address.postcode,
            country=address.country,
            phone=address.phone,
        )

    def choose_delivery(self, cart_id: int, delivery: str) -> None:
        self._update(cart_id, delivery=delivery)

    def open_payment(self, cart_id: int, now: datetime) -> None:
        """Remember when the customer first saw the payment page."""
        with self._transaction() as db:
            db.execute(
                "UPDATE carts SET payment_opened_at = ? WHERE id = ? AND payment_opened_at IS NULL",
                (stamp(now), cart_id),
            )

    def _update(self, cart_id: int, **columns: str) -> None:
        assignments = ", ".join(f"{column} = :{column}" for column in columns)  # the names are this module's own
        with self._transaction() as db:
            db.execute(f"UPDATE carts SET {assignments} WHERE id = :cart_id", {**columns, "cart_id": cart_id})

    def place_order(
        self,
        cart_id: int,
        bill: Bill,
        deliver_to: str,
        now: datetime,
        *,
        card_last4: str | None,
        count_holds: bool,
        repeat_charge: bool,
    ) -> Placed:
        """Take the units out of stock, record the order and, paid by card (`card_last4`), its charge.

        A basket already ordered is not ordered or charged again (its order number comes back) unless
        repeat_charge, which charges the card again; Unavailable when an item went to someone else, e.g.
        after the reservation ran out.
        """
        with self._transaction() as db:
            cart = db.execute("SELECT * FROM carts WHERE id = ?", (cart_id,)).fetchone()
            if cart["reference"] is not None:
                order = db.execute("SELECT * FROM orders WHERE reference = ?", (cart["reference"],)).fetchone()
                if repeat_charge and order["method"] == CARD and card_last4 is not None:
                    record_charge(db, order["reference"], order["total"], order["currency"], card_last4, now)
                return Placed(cart["reference"], first=False)
            for item in db.execute("SELECT slug, quantity FROM cart_items WHERE cart_id = ?", (cart_id,)).fetchall():
                if _stock_left(db, item["slug"], now, cart_id, count_holds) < item["quantity"]:
                    raise Unavailable(PRODUCT[item["slug"]])
                db.execute("UPDATE products SET stock = stock - ? WHERE slug = ?", (item["quantity"], item["slug"]))
            reference = new_order_number()
            method = CARD if card_last4 is not None else BANK_TRANSFER
            db.execute(
                "INSERT INTO orders VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                (reference, cart_id, cart["email"], deliver_to, method, bill.currency, str(bill.total), stamp(now)),
            )
            db.executemany(
                "INSERT INTO order_lines VALUES (?, ?, ?, ?, ?, ?, ?)",
                [(reference, i, *_stored(line)) for i, line in enumerate(bill.lines)],
            )
            if card_last4 is not None:
                record_charge(db, reference, str(bill.total), bill.currency, card_last4, now)
            db.execute("UPDATE carts SET reference = ?, reserved_until = NULL WHERE id = ?", (reference, cart_id))
        return Placed(reference, first=True)

    def order(self, reference: str) -> Order | None:
        with self._transaction("DEFERRED") as db:
            row = db.execute("SELECT * FROM orders WHERE reference = ?", (reference,)).fetchone()
            lines = db.execute(
                "SELECT * FROM order_lines WHERE reference = ? ORDER BY position", (reference,)
            ).fetchall()
        if row is None:
            return None
        bill = Bill(tuple(_line(line) for line in lines), row["currency"])
        return Order(reference, row["email"], row["deliver_to"], row["method"], bill)

    def restock(self) -> None:
        """Every product back to the catalogue's stock, so that scenarios sharing one shop each find the last one."""
        with self._transaction() as db:
            db.executemany("UPDATE products SET stock = ? WHERE slug = ?", [(p.stock, p.slug) for p in PRODUCTS])

    def charges(self, email: str) -> list[Charge]:
        """The gateway ledger of card charges for orders under this email; a bank transfer is no charge."""
        with self._transaction("DEFERRED") as db:
            rows = db.execute(
                "SELECT charges.reference, amount, charges.currency, charged_at FROM charges"
                " JOIN orders USING (reference) WHERE lower(email) = lower(?) ORDER BY charges.id",
                (email.strip(),),
            ).fetchall()
        return [Charge(row["reference"], Decimal(row["amount"]), row["currency"], row["charged_at"]) for row in rows]


def _stock_left(db: sqlite3.Connection, slug: str, now: datetime, cart_id: int | None, count_holds: bool) -> int:
    row = db.execute(
        STOCK_LEFT, {"slug": slug, "now": stamp(now), "cart_id": cart_id, "count_holds": count_holds}
    ).fetchone()
    return int(row[0])



def _stored(line: Line) -> tuple[str, str, int | None, str | None, str]:
    if isinstance(line, ItemLine):
        return line.label, line.kind, line.quantity, str(line.unit), str(line.amount)
    return line.label, line.kind, None, None, str(line.amount)


def _line(row: sqlite3.Row) -> Line:
    if row["quantity"] is None:
        return Line(row["label"], row["kind"], Decimal(row["amount"]))
    return ItemLine(row["label"], row["kind"], Decimal(row["amount"]), row["quantity"], Decimal(row["unit"]))
