# language: it
Funzionalità: Le righe tornano con il totale
  Ogni pagina che elenca delle righe mostra un totale che ne è la somma.

  Schema dello scenario: le righe tornano per un soggiorno di <notti> notti
    Dato sono un cliente
    Quando trovo una camera per <notti> notti per <ospiti> ospiti
    E prenoto un'offerta qualsiasi
    E inserisco i miei dati
    Allora le righe tornano con il totale in ogni pagina

    Esempi:
      | notti | ospiti |
      | 2     | 2      |
      | 7     | 3      |
