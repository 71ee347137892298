# language: it
Funzionalità: Il carrello contiene solo ciò che ho scelto
  Nel carrello non entra nulla che il cliente non abbia chiesto.

  Scenario: scelgo la colazione e ottengo solo la colazione
    Dato sono un cliente che cerca una camera d'albergo
    Quando trovo una camera per 2 notti per 2 ospiti
    E prenoto la "Classic Double" con colazione
    Allora il carrello contiene solo ciò che ho scelto
