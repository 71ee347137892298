"""Then-steps: each holds the journey to one customer promise, named by its catalogue id."""

from __future__ import annotations

from pytest_bdd import then

from fixtures.verdicts import Keep


@then("I am charged the price I was shown")
@then("mi viene addebitato il prezzo che mi è stato mostrato")
def charged_the_price_shown(promise: Keep) -> None:
    promise("price-drift", bank=True)


@then("no fee appeared only at the last step")
@then("nessun costo è comparso solo all'ultimo passo")
def no_late_fee(promise: Keep) -> None:
    promise("hidden-fee", bank=True)


@then("the room I held is still mine")
@then("la camera che avevo bloccato è ancora mia")
def room_still_mine(promise: Keep) -> None:
    promise("hold-broken")


@then("my details are still there")
@then("i miei dati sono ancora lì")
def details_still_there(promise: Keep) -> None:
    promise("input-lost")


@then("I am charged once")
@then("mi viene addebitato una volta sola")
def charged_once(promise: Keep) -> None:
    promise("double-charge", bank=True)


@then("my confirmation, my email and my bank statement show the same amount")
@then("conferma, email ed estratto conto mostrano lo stesso importo")
def receipts_agree(promise: Keep) -> None:
    promise("receipt-mismatch", bank=True, email=True)


@then("my cart holds only what I chose")
@then("il carrello contiene solo ciò che ho scelto")
def only_what_i_chose(promise: Keep) -> None:
    promise("basket-sneak")


@then("my cart is the same on both devices")
@then("il carrello è lo stesso su entrambi i dispositivi")
def same_cart_everywhere(promise: Keep) -> None:
    promise("cart-lost")


@then("the countdown did not start again")
@then("il conto alla rovescia non è ripartito")
def countdown_kept_running(promise: Keep) -> None:
    promise("fake-urgency")


@then("every amount is in the same currency")
@then("ogni importo è nella stessa valuta")
def one_currency(promise: Keep) -> None:
    promise("currency-switch", bank=True)


@then("the lines add up to the total on every page")
@then("le righe tornano con il totale in ogni pagina")
def lines_add_up(promise: Keep) -> None:
    promise("total-mismatch")


@then("no page kept me waiting")
@then("nessuna pagina mi ha fatto aspettare")
def no_page_kept_me_waiting(promise: Keep) -> None:
    promise("slow-step")


@then("nothing moved as I went to press pay")
@then("niente si è spostato mentre stavo per pagare")
def nothing_moved(promise: Keep) -> None:
    promise("layout-shift")


@then("I could do it all with the keyboard and a screen reader")
@then("ho potuto fare tutto con la tastiera e un lettore di schermo")
def usable_without_a_mouse(promise: Keep) -> None:
    promise("inaccessible-step")


@then("I never type the same thing twice")
@then("non ho dovuto scrivere due volte la stessa cosa")
def typed_once(promise: Keep) -> None:
    promise("retyping")
