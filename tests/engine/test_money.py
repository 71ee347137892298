"""Money: reading prices as shops print them in several locales, arithmetic in one currency, errors that say the fix."""

from __future__ import annotations

from decimal import Decimal

import pytest

from checkout_integrity import CurrencyMismatch, JourneyError, Money, PriceParseError

NNBSP = "\u202f"  # narrow no-break space: French thousands
NBSP = "\u00a0"


@pytest.mark.parametrize(
    ("text", "locale", "amount", "currency"),
    [
        ("€256.00", "en_GB", "256.00", "EUR"),
        ("£1,234.56", "en_GB", "1234.56", "GBP"),
        ("$99.00", "en_GB", "99.00", "USD"),
        ("$99.00", "en_US", "99.00", "USD"),
        ("US$281.60", "en_GB", "281.60", "USD"),
        ("1,234.56 EUR", "en_GB", "1234.56", "EUR"),
        ("1,234.56 EUR", "it_IT", "1234.56", "EUR"),
        ("€ 1.234,56", "it_IT", "1234.56", "EUR"),
        (f"1.234,56{NBSP}€", "it_IT", "1234.56", "EUR"),
        (f"256,00{NBSP}€", "it_IT", "256.00", "EUR"),
        (f"1.234,56{NBSP}€", "de_DE", "1234.56", "EUR"),
        ("120 €", "fr_FR", "120", "EUR"),
        (f"1{NNBSP}234,56{NBSP}€", "fr_FR", "1234.56", "EUR"),
        (f"1{NNBSP}234,56{NBSP}$US", "fr_FR", "1234.56", "USD"),
        ("Total charged: €256.00", "en_GB", "256.00", "EUR"),
        ("-€19.00", "en_GB", "-19.00", "EUR"),
        ("CA$5.00", "en_US", "5.00", "CAD"),
        ("$5.00", "en_CA", "5.00", "CAD"),
    ],
)
def test_reads_prices_as_the_locale_prints_them(text: str, locale: str, amount: str, currency: str) -> None:
    assert Money.parse(text, locale=locale) == Money(Decimal(amount), currency)


@pytest.mark.parametrize(("locale", "amount"), [("it_IT", "1234"), ("de_DE", "1234"), ("en_GB", "1.234")])
def test_the_locale_decides_a_lone_separator_before_three_digits(locale: str, amount: str) -> None:
    assert Money.parse("1.234 €", locale=locale).amount == Decimal(amount)


def test_the_default_locale_is_british() -> None:
    assert Money.parse("€1,234.56") == Money(Decimal("1234.56"), "EUR")


def test_a_bare_number_takes_the_currency_given() -> None:
    assert Money.parse("256.00", currency="EUR") == Money(Decimal("256.00"), "EUR")


@pytest.mark.parametrize("text", ["Sold out", "", "€"])
def test_text_without_a_number_names_the_text_the_locale_and_the_fix(text: str) -> None:
    with pytest.raises(PriceParseError) as error:
        Money.parse(text, locale="it_IT")
    message = str(error.value)
    assert repr(text) in message and "it_IT" in message and "set the site profile's locale" in message
    assert message.count(". ") == 0 and message.endswith(".")  # one sentence
    assert (error.value.text, error.value.locale) == (text, "it_IT")


def test_a_number_without_a_currency_says_how_to_give_one() -> None:
    with pytest.raises(PriceParseError, match=r"'256\.00' names no currency that locale en_GB knows.*currency="):
        Money.parse("256.00")


def test_an_unknown_locale_is_a_parse_error_naming_it() -> None:
    with pytest.raises(PriceParseError, match="does not know the locale 'xx_YY'"):
        Money.parse("€5.00", locale="xx_YY")


def test_price_errors_are_journey_errors() -> None:
    assert issubclass(PriceParseError, JourneyError) and issubclass(PriceParseError, ValueError)
    assert issubclass(CurrencyMismatch, JourneyError)


def test_adds_subtracts_and_multiplies_in_one_currency() -> None:
    room, tax = Money.parse("€480.00"), Money.parse("€16.00")
    assert room + tax == Money(Decimal("496.00"), "EUR")
    assert room - tax == Money(Decimal("464.00"), "EUR")
    assert tax * 2 == 2 * tax == Money(Decimal("32.00"), "EUR")
    assert room * Decimal("1.10") == Money(Decimal("528.00"), "EUR")
    assert -tax == Money(Decimal("-16.00"), "EUR")


def test_sums_from_zero() -> None:
    lines = [Money.parse("€480.00"), Money.parse("€60.00"), Money.parse("€16.00")]
    assert sum(lines, Money.zero("EUR")) == Money.total(lines, "EUR") == Money(Decimal("556.00"), "EUR")
    assert Money.total([], "GBP") == Money.zero("GBP")


def test_compares_amounts_of_one_currency() -> None:
    low, high = Money.parse("€240.00"), Money.parse("€256.00")
    assert low < high and low <= high and high > low and high >= low
    assert Money.parse("€256") == Money.parse("€256.00")
    assert sorted([high, low]) == [low, high]


@pytest.mark.parametrize(
    "doing",
    [
        lambda a, b: a + b,
        lambda a, b: a - b,
        lambda a, b: a < b,
        lambda a, b: a >= b,
        lambda a, b: Money.total([a, b], "EUR"),
    ],
)
def test_two_currencies_never_mix(doing: object) -> None:
    euros, dollars = Money.parse("€256.00"), Money.parse("$281.60")
    with pytest.raises(CurrencyMismatch, match=r"€256\.00 and US\$281\.60.*\(EUR and USD\)"):
        doing(euros, dollars)  # type: ignore[operator]


def test_amounts_in_two_currencies_are_simply_unequal() -> None:
    assert Money.parse("€256.00") != Money.parse("$256.00")


def test_prints_for_reports_in_british_english_and_for_a_shop_in_its_locale() -> None:
    money = Money.parse("€ 1.234,56", locale="it_IT")
    assert str(money) == "€1,234.56"
    assert money.format("it_IT") == f"1.234,56{NBSP}€"
    assert str(Money.parse("$281.60")) == "US$281.60"


def test_refuses_what_is_not_money() -> None:
    with pytest.raises(JourneyError, match="ISO 4217"):
        Money(Decimal("1.00"), "€")
    with pytest.raises(JourneyError, match="finite Decimal"):
        Money(1.5, "EUR")  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        Money.parse("€1.00") * 1.5  # type: ignore[operator]


def test_is_immutable() -> None:
    money = Money.parse("€1.00")
    with pytest.raises(AttributeError):
        money.amount = Decimal("2.00")  # type: ignore[misc]
