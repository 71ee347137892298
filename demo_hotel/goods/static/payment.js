// The payment page: card details are asked for only when the customer pays by card.
"use strict";

const cardDetails = document.getElementById("card-details");
const transferNote = document.getElementById("bank-transfer-note");

function showChosenMethod() {
  const byCard = document.getElementById("method-card").checked;
  cardDetails.hidden = !byCard;
  transferNote.hidden = byCard;
}

for (const method of document.querySelectorAll("input[name=method]")) {
  method.addEventListener("change", showChosenMethod);
}
showChosenMethod();
