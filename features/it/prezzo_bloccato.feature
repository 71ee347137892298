# language: it
Funzionalità: Il prezzo che vedo è il prezzo che pago
  Una famiglia prenota una camera, impiega un minuto a inserire la carta e si aspetta di pagare
  esattamente quanto mostrato.

  Scenario: il prezzo resta bloccato mentre inserisco la carta
    Dato sono un cliente che cerca una camera d'albergo
    Quando trovo una camera per 2 notti per 2 ospiti
    E prenoto la "Classic Double"
    E inserisco i miei dati
    E impiego 60 secondi a inserire la carta
    E pago
    Allora mi viene addebitato il prezzo che mi è stato mostrato
