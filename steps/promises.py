"""Then-steps: each holds the journey to one customer promise, named by its catalogue id.

A step's promise also says, before the scenario walks, what the site must give to check it (`holding_to`).
"""

from __future__ import annotations

from pytest_bdd import then

from fixtures.verdicts import holding_to

charged_the_price_shown = holding_to("price-drift", bank=True)
then("I am charged the price I was shown")(charged_the_price_shown)
then("mi viene addebitato il prezzo che mi è stato mostrato")(charged_the_price_shown)

asked_the_price_shown = holding_to("price-drift")  # paid another way than by card: no bank statement to read
then("I am asked to pay the price I was shown")(asked_the_price_shown)
then("mi viene chiesto di pagare il prezzo che mi è stato mostrato")(asked_the_price_shown)

no_late_fee = holding_to("hidden-fee", bank=True)
then("no fee appeared only at the last step")(no_late_fee)
then("nessun costo è comparso solo all'ultimo passo")(no_late_fee)

room_still_mine = holding_to("hold-broken")
then("the one I was paying for is still mine")(room_still_mine)
then("quella che stavo pagando è ancora mia")(room_still_mine)
then("the room I held is still mine")(room_still_mine)
then("la camera che avevo bloccato è ancora mia")(room_still_mine)

details_still_there = holding_to("input-lost")
then("my details are still there")(details_still_there)
then("i miei dati sono ancora lì")(details_still_there)

charged_once = holding_to("double-charge", bank=True)
then("I am charged once")(charged_once)
then("mi viene addebitato una volta sola")(charged_once)

receipts_agree = holding_to("receipt-mismatch", bank=True, email=True, order=True)
then("my confirmation, my email and my bank statement show the same amount")(receipts_agree)
then("conferma, email ed estratto conto mostrano lo stesso importo")(receipts_agree)

only_what_i_chose = holding_to("basket-sneak")
then("my cart holds only what I chose")(only_what_i_chose)
then("il carrello contiene solo ciò che ho scelto")(only_what_i_chose)

same_cart_everywhere = holding_to("cart-lost")
then("my cart is the same on both devices")(same_cart_everywhere)
then("il carrello è lo stesso su entrambi i dispositivi")(same_cart_everywhere)

countdown_kept_running = holding_to("fake-urgency")
then("the countdown did not start again")(countdown_kept_running)
then("il conto alla rovescia non è ripartito")(countdown_kept_running)

one_currency = holding_to("currency-switch", bank=True)
then("every amount is in the same currency")(one_currency)
then("ogni importo è nella stessa valuta")(one_currency)

left_is_true = holding_to("fake-scarcity")
then("what the shop says is left is true")(left_is_true)
then("quello che il negozio dice che resta è vero")(left_is_true)

lines_add_up = holding_to("total-mismatch")
then("the lines add up to the total on every page")(lines_add_up)
then("le righe tornano con il totale in ogni pagina")(lines_add_up)

no_page_kept_me_waiting = holding_to("slow-step")
then("no page kept me waiting")(no_page_kept_me_waiting)
then("nessuna pagina mi ha fatto aspettare")(no_page_kept_me_waiting)

nothing_moved = holding_to("layout-shift")
then("nothing moved as I went to press pay")(nothing_moved)
then("niente si è spostato mentre stavo per pagare")(nothing_moved)

usable_without_a_mouse = holding_to("inaccessible-step")
then("I could do it all with the keyboard and a screen reader")(usable_without_a_mouse)
then("ho potuto fare tutto con la tastiera e un lettore di schermo")(usable_without_a_mouse)

typed_once = holding_to("retyping")
then("I never type the same thing twice")(typed_once)
then("non ho dovuto scrivere due volte la stessa cosa")(typed_once)
