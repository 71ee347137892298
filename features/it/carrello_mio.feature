# language: it
Funzionalità: Il carrello contiene solo ciò che ho scelto
  Nel carrello non entra nulla che il cliente non abbia chiesto.

  Scenario: scelgo la colazione e ottengo solo la colazione
    Dato sono un cliente
    Quando guardo cosa offre il negozio
    E prenoto un'offerta con il suo extra
    Allora il carrello contiene solo ciò che ho scelto
