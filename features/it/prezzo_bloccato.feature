# language: it
Funzionalità: Il prezzo che vedo è il prezzo che pago
  Una famiglia prenota una camera, impiega un minuto a inserire la carta e si aspetta di pagare
  esattamente quanto mostrato.

  Scenario: il prezzo resta bloccato mentre inserisco la carta
    Dato sono un cliente
    Quando guardo cosa offre il negozio
    E prenoto un'offerta qualsiasi
    E inserisco i miei dati
    E impiego 60 secondi a inserire la carta
    E pago
    Allora mi viene addebitato il prezzo che mi è stato mostrato
