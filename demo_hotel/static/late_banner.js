// Fault layout-shift, in every demo shop: the first time the pointer reaches the pay button, a tall banner
// appears at the top of the page's content and pushes everything below it, the pay button too, down the
// page. A pointer move is not recent input, so the browser's Layout Instability API counts the shift. The
// page opts out of scroll anchoring, as many do, so the browser does not scroll to hide the shift once the
// customer has scrolled to the button.
// The script tag may name the button's words (data-button, default "Pay now"), the banner's class
// (data-banner-class, default "late-banner") and its test id (data-banner-testid, "" for none).
"use strict";

const lateBanner = { button: "Pay now", bannerClass: "late-banner", bannerTestid: "late-banner", ...document.currentScript?.dataset };

document.documentElement.style.overflowAnchor = "none";

document.addEventListener("pointerover", (event) => {
  const button = event.target.closest("button");
  if (!button || button.textContent.trim() !== lateBanner.button) return;
  const main = document.querySelector("main");
  if (!main || main.querySelector("." + lateBanner.bannerClass)) return;
  const banner = document.createElement("p");
  banner.className = lateBanner.bannerClass;
  if (lateBanner.bannerTestid) banner.dataset.testid = lateBanner.bannerTestid;
  banner.style.minHeight = "320px";
  banner.textContent = "Secure payment: your bank may ask you to confirm";
  main.prepend(banner);
});
