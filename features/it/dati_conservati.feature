# language: it
Funzionalità: I miei dati restano dopo un errore della carta
  Una famiglia sbaglia il codice di sicurezza e vuole correggere solo quello.

  Scenario: un codice di sicurezza sbagliato non cancella ciò che ho scritto
    Dato sono un cliente
    Quando guardo cosa offre il negozio
    E prenoto un'offerta qualsiasi
    E inserisco i miei dati
    E inserisco la carta con un codice di sicurezza sbagliato
    E pago
    Allora i miei dati sono ancora lì
    Quando correggo la carta e pago
    Allora mi viene addebitato il prezzo che mi è stato mostrato
