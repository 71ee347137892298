// Fault layout-shift, in both UIs: the first time the pointer reaches "Pay now", a tall banner appears at
// the top of the page's content and pushes everything below it, the pay button too, down the page. A
// pointer move is not recent input, so the browser's Layout Instability API counts the shift. The page
// opts out of scroll anchoring, as many do, so the browser does not scroll to hide the shift once the
// customer has scrolled to the button.
"use strict";

document.documentElement.style.overflowAnchor = "none";

document.addEventListener("pointerover", (event) => {
  const button = event.target.closest("button");
  if (!button || button.textContent.trim() !== "Pay now") return;
  const main = document.querySelector("main");
  if (!main || main.querySelector(".late-banner")) return;
  const banner = document.createElement("p");
  banner.className = "late-banner";
  banner.dataset.testid = "late-banner";
  banner.style.minHeight = "320px";
  banner.textContent = "Secure payment: your bank may ask you to confirm";
  main.prepend(banner);
});
