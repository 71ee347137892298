// The basket page: the reservation countdown ticks from the page's own clock, offset to the shop's customer
// clock when the page was made; ticking an extra updates the basket at once.
"use strict";

const timer = document.querySelector(".reservation-timer");
if (timer) {
  const offset = Date.parse(timer.dataset.now) - Date.now();
  const expiresAt = Date.parse(timer.dataset.expiresAt);
  const tick = () => {
    const left = Math.max(0, Math.floor((expiresAt - (Date.now() + offset)) / 1000));
    timer.textContent = String(Math.floor(left / 60)).padStart(2, "0") + ":" + String(left % 60).padStart(2, "0");
  };
  tick();
  setInterval(tick, 1000);
}

const basketForm = document.querySelector(".basket-form");
if (basketForm) {
  basketForm.querySelector(".update-basket").hidden = true;
  for (const extra of basketForm.querySelectorAll("input[name=extras]")) {
    extra.addEventListener("change", () => basketForm.requestSubmit());
  }
}
