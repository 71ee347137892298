"""A customer of the demo goods shop over real HTTP: the basket, the four checkout steps, the order."""

from __future__ import annotations

from tests.demo_site.customer import GUEST, VISA, Page, Visitor

ORGANISER = "walnut-desk-organiser"  # £34.50, 25 in stock
CHAIR = "ergonomic-office-chair"  # £249.00, with a protection plan at £29.99 a chair
LAMP = "brass-table-lamp"  # £120.00, the last one
THROW = "linen-throw"  # sold out
EMAIL = GUEST["email"]
ADDRESS = {
    "first_name": "Giulia", "last_name": "Rossi", "line1": "1 High Street", "city": "London", "postcode": "SW1A 1AA",
    "country": "GB", "phone": "+44 20 7946 0000",
}  # fmt: skip
BY_CARD = {"method": "card", **VISA}
BY_BANK_TRANSFER = {"method": "bank-transfer"}
DECLINED = {**BY_CARD, "card_number": "4000000000000002"}


class Shopper(Visitor):
    """One browser walking the goods shop's checkout."""

    def add(self, product: str = ORGANISER, quantity: int = 2) -> Page:
        return self.post("/basket/add", {"product": product, "quantity": str(quantity)})

    def keep_extras(self, *extras: str, go: str = "update") -> Page:
        return self.post("/basket", {"extras": list(extras), "go": go})

    def apply_coupon(self, code: str) -> Page:
        return self.post("/basket/coupon", {"coupon": code})

    def check_out(self, email: str = EMAIL) -> Page:
        """From the basket, its extras as the page ticks them, through the email (a guest's: the shop knows a
        signed-in customer's), address and delivery steps, landing on the payment page."""
        landed = self.keep_extras(*self.get("/basket").checked("extras"), go="checkout")
        if landed.path == "/checkout/email":
            landed = self.post("/checkout/email", {"email": email})
        assert landed.path == "/checkout/address"
        assert self.post("/checkout/address", ADDRESS).path == "/checkout/delivery"
        return self.post("/checkout/delivery", {"delivery": "standard"})

    def reach_payment(self, product: str = ORGANISER, quantity: int = 2, email: str = EMAIL) -> Page:
        """Fill the basket and check out."""
        assert self.add(product, quantity).path == "/basket"
        return self.check_out(email)

    def sign_in(self, email_address: str, password: str = "correct horse") -> Page:
        return self.post("/account/signin", {"email": email_address, "password": password})

    def place_order(self, payment: dict[str, str] = BY_CARD) -> Page:
        return self.post("/checkout/place-order", payment)


def summary(page: Page) -> list[tuple[str, str, str]]:
    """(name, quantity × unit price, price) of every line of the page's order summary."""
    return [
        (line.the("line-name").text, line.the("line-quantity").text, line.the("line-price").text)
        for line in page.classed("summary-line")
    ]


def total(page: Page) -> str:
    return page.the("grand-total").text
