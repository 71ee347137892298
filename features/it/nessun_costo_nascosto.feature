# language: it
Funzionalità: Il primo totale che vedo comprende ogni costo
  I costi obbligatori stanno nel primo totale mostrato, non nell'ultima pagina.

  Scenario: nessun costo compare solo quando sto per pagare
    Dato sono un cliente
    Quando guardo cosa offre il negozio
    E prenoto un'offerta qualsiasi
    E inserisco i miei dati
    E pago con la carta
    Allora nessun costo è comparso solo all'ultimo passo
