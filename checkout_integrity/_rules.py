"""The consumer rules a broken promise may breach, per catalogue id, worded "may breach" on purpose.

A finding is evidence of what a customer met, not a legal opinion: whether a rule applies depends on
the shop, the market and the facts. Each rule names the provision, what it asks of a shop in one
phrase, and where to read it. Ids without an entry (input-lost, cart-lost, slow-step, layout-shift,
retyping) are service failures that no consumer rule names as such.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Rule:
    """One provision of consumer law, as a reader of a finding needs it."""

    title: str
    asks: str
    url: str

    def __str__(self) -> str:
        return f"{self.title}: {self.asks}"


UCPD = "https://eur-lex.europa.eu/eli/dir/2005/29/oj"
PID = "https://eur-lex.europa.eu/eli/dir/1998/6/oj"
CRD = "https://eur-lex.europa.eu/eli/dir/2011/83/oj"

UCPD_PRICE = Rule(
    "EU Unfair Commercial Practices Directive 2005/29/EC, art. 6(1)(d)",
    "no misleading action as to the price or the manner in which it is calculated",
    UCPD,
)
UCPD_AVAILABILITY = Rule(
    "EU Unfair Commercial Practices Directive 2005/29/EC, art. 6(1)(b)",
    "no misleading action as to the product's availability",
    UCPD,
)
UCPD_LIMITED_TIME = Rule(
    "EU Unfair Commercial Practices Directive 2005/29/EC, annex I point 7",
    "never falsely state that an offer is available only for a very limited time to force an immediate decision",
    UCPD,
)
PRICE_INDICATION = Rule(
    "EU Price Indication Directive 98/6/EC, art. 4(1)",
    "the selling price must be unambiguous, easily identifiable and clearly legible",
    PID,
)
CRD_TOTAL_PRICE = Rule(
    "EU Consumer Rights Directive 2011/83/EU, art. 6(1)(e)",
    "the total price, taxes and all additional charges included, before the consumer is bound",
    CRD,
)
CRD_EXTRA_PAYMENTS = Rule(
    "EU Consumer Rights Directive 2011/83/EU, art. 22",
    "no extra payment without the consumer's express consent; never by pre-ticked boxes",
    CRD,
)
CRD_CONFIRMATION = Rule(
    "EU Consumer Rights Directive 2011/83/EU, art. 8(7)",
    "a confirmation of the contract on a durable medium, with the price information given before it",
    CRD,
)
UK_EXTRA_PAYMENTS = Rule(
    "UK Consumer Contracts Regulations 2013, reg. 40",
    "no extra payment without express consent; never by pre-ticked boxes",
    "https://www.legislation.gov.uk/uksi/2013/3134/regulation/40",
)
FTC_FEES = Rule(
    "US FTC Rule on Unfair or Deceptive Fees, 16 CFR Part 464 (short-term lodging)",
    "any price shown comes with the total price, mandatory fees included, shown more prominently",
    "https://www.ecfr.gov/current/title-16/chapter-I/subchapter-D/part-464",
)
UK_DRIP_PRICING = Rule(
    "UK Digital Markets, Competition and Consumers Act 2024, Part 4 Chapter 1 (drip pricing)",
    "an invitation to purchase states the total price, mandatory fees included",
    "https://www.legislation.gov.uk/ukpga/2024/13/part/4/chapter/1",
)
DSA_DARK_PATTERNS = Rule(
    "EU Digital Services Act, Regulation (EU) 2022/2065, art. 25",
    "no interface that deceives or manipulates its users or impairs their free and informed decisions",
    "https://eur-lex.europa.eu/eli/reg/2022/2065/oj",
)
PSD2_UNAUTHORISED = Rule(
    "EU Payment Services Directive (EU) 2015/2366 (PSD2), art. 64 and 73",
    "a payment is authorised only with the payer's consent; an unauthorised one is refunded at once",
    "https://eur-lex.europa.eu/eli/dir/2015/2366/oj",
)
EAA = Rule(
    "European Accessibility Act, Directive (EU) 2019/882, art. 4 and annex I (e-commerce services, from 28 June 2025)",
    "services perceivable, operable, understandable and robust for persons with disabilities, payment included",
    "https://eur-lex.europa.eu/eli/dir/2019/882/oj",
)

MAY_BREACH: dict[str, tuple[Rule, ...]] = {
    "price-drift": (UCPD_PRICE, PRICE_INDICATION),
    "hidden-fee": (FTC_FEES, UK_DRIP_PRICING, CRD_TOTAL_PRICE),
    "hold-broken": (UCPD_AVAILABILITY,),
    "double-charge": (PSD2_UNAUTHORISED,),
    "receipt-mismatch": (CRD_CONFIRMATION, UCPD_PRICE),
    "basket-sneak": (CRD_EXTRA_PAYMENTS, UK_EXTRA_PAYMENTS),
    "fake-urgency": (UCPD_LIMITED_TIME,),
    "fake-scarcity": (UCPD_LIMITED_TIME, UCPD_AVAILABILITY, DSA_DARK_PATTERNS),
    "currency-switch": (UCPD_PRICE, PRICE_INDICATION),
    "total-mismatch": (PRICE_INDICATION, UCPD_PRICE),
    "inaccessible-step": (EAA,),
}


def rules_for(defect_id: str) -> tuple[Rule, ...]:
    """The rules a finding of `defect_id` may breach; none for a service failure."""
    return MAY_BREACH.get(defect_id, ())


def may_breach(defect_id: str) -> tuple[str, ...]:
    """The same rules as findings.json lists them: 'title: what it asks'."""
    return tuple(str(rule) for rule in rules_for(defect_id))
