# language: it
Funzionalità: Posso prenotare con la tastiera e un lettore di schermo
  Chi non usa il mouse prenota la stessa camera di chiunque altro, con il tasto Tab e un lettore di schermo.

  Scenario: prenoto una camera con la sola tastiera
    Dato uso solo la tastiera e un lettore di schermo
    E sono un cliente
    Quando guardo cosa offre il negozio
    E prenoto un'offerta qualsiasi
    E inserisco i miei dati
    E inserisco la carta
    E pago
    Allora ho potuto fare tutto con la tastiera e un lettore di schermo
    E non ho dovuto scrivere due volte la stessa cosa
