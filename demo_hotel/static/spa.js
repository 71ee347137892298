// The demo hotel as a single-page app: every view is drawn here from the shop's JSON API (/api/shop/),
// with hash routes (#/results?..., #/cart). While a view loads, <main aria-busy="true"> is empty; it
// names the view it shows in data-view once drawn.
"use strict";

const main = document.querySelector("main");
const locale = document.documentElement.dataset.locale.replace("_", "-");
let ticking = null;

const money = (amount, currency) =>
  new Intl.NumberFormat(locale, { style: "currency", currency }).format(Number(amount));

function el(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (name === "text") element.textContent = value;
    else if (name.startsWith("on")) element.addEventListener(name.slice(2), value);
    else if (value === true) element.setAttribute(name, "");
    else if (value !== false && value !== null && value !== undefined) element.setAttribute(name, value);
  }
  element.append(...children);
  return element;
}

async function api(path, body) {
  const options = body === undefined ? {} : {
    method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body),
  };
  const response = await fetch(`/api/shop${path}`, options);
  const type = response.headers.get("content-type") || "";
  return { status: response.status, data: type.includes("json") ? await response.json() : { error: await response.text() } };
}

function busy() {
  clearInterval(ticking);
  main.setAttribute("aria-busy", "true");
  main.removeAttribute("data-view");
  main.replaceChildren();
}

function show(view, ...children) {
  main.replaceChildren(...children);
  main.dataset.view = view;
  main.setAttribute("aria-busy", "false");
}

function go(hash) {
  if (location.hash === hash) route();
  else location.hash = hash;
}

// A form's submit: the view empties at once, then either goes to `next` or draws what `work` returned.
function submitting(work) {
  return async (event) => {
    event.preventDefault();
    const values = Object.fromEntries(new FormData(event.target));
    busy();
    const next = await work(values);
    if (typeof next === "string") go(next);
  };
}

// A labelled input; an unlabelled one (fault inaccessible-step) shows its text in a plain span.
function field(label, name, value = "", attributes = {}, labelled = true) {
  const id = `field-${name}`;
  return el("p", {}, labelled ? el("label", { for: id, text: label }) : el("span", { text: label }), " ",
    el("input", { id, name, value, ...attributes }));
}

// Fault layout-shift: the same script as the server-rendered payment page, loaded once.
function loadLateBanner() {
  if (document.querySelector("script[src='/static/late_banner.js']")) return;
  document.head.append(el("script", { src: "/static/late_banner.js" }));
}

function bill(data, caption, totalClass, lineClass = "bill-line") {
  const rows = data.lines.map((line) => el("tr", { class: lineClass, "data-line-kind": line.kind },
    el("td", { class: "what", text: line.label }),
    el("td", { class: "amount", text: money(line.amount, data.currency) })));
  return el("table", {},
    el("caption", { class: "note", text: caption }),
    el("thead", {}, el("tr", {}, el("th", { scope: "col", text: "Item" }), el("th", { scope: "col", text: "Amount" }))),
    el("tbody", {}, ...rows),
    el("tfoot", {}, el("tr", {}, el("th", { scope: "row", text: "Total" }),
      el("td", {}, el("strong", { class: totalClass, text: money(data.total, data.currency) })))));
}

function guestSummary(guest) {
  return el("p", {}, "Guest: ", el("span", { class: "guest-name", text: [guest.name, guest.email].filter(Boolean).join(", ") }));
}

function soldOut(name) {
  show("sold-out", el("h1", { class: "sold-out", text: "Sold out" }),
    el("p", { text: `Sorry, the ${name} is no longer available for your dates.` }),
    el("p", {}, el("a", { href: "#/search", text: "Search again" })));
}

function trouble(data) {
  show("error", el("h1", { text: "Something went wrong" }), el("p", { role: "alert", text: data.error || "Please try again." }));
}

const views = {
  search() {
    const day = (offset) => new Date(Date.now() + offset * 86400000).toISOString().slice(0, 10);
    show("search", el("h1", { text: "Find a room" }),
      el("form", { onsubmit: submitting((values) => `#/results?${new URLSearchParams(values)}`) },
        field("Check-in", "check_in", day(1), { type: "date", required: true }),
        field("Check-out", "check_out", day(3), { type: "date", required: true }),
        field("Guests", "guests", "2", { type: "number", min: "1", max: "8", required: true }),
        el("button", { type: "submit", text: "Search" })));
  },

  async results(query) {
    const { status, data } = await api(`/offers?${query}`);
    if (status !== 200) return trouble(data);
    const stay = data.stay;
    const offers = data.offers.map((offer) => el("article", { class: "offer room-offer", "data-slug": offer.slug },
      el("h2", { class: "room-name", text: offer.name }),
      el("p", {}, el("span", { class: "nightly", text: money(offer.nightly, data.currency) }), " per night, ",
        el("span", { class: "stay-price", text: money(offer.total, data.currency) }), " for the stay"),
      offer.rooms_left > 0
        ? el("p", { class: "availability", text: `${offer.rooms_left} room${offer.rooms_left === 1 ? "" : "s"} left` })
        : el("p", { class: "availability" }, el("strong", { text: "Sold out" })),
      offer.rooms_left > 0
        ? el("a", { class: "button", href: `#/rooms/${offer.slug}?${query}`, text: `Choose ${offer.name}` })
        : ""));
    show("results", el("h1", { text: `Rooms from ${stay.check_in} to ${stay.check_out}` }),
      el("p", { class: "note", text: `${stay.nights} night(s), ${stay.guests} guest(s). Totals include the city tax.` }),
      ...offers);
  },

  async rooms(query, slug) {
    const { status, data } = await api(`/rooms/${slug}?${query}`);
    if (status !== 200) return trouble(data);
    const extras = data.extras.map((extra) => el("p", { class: "choice" },
      el("input", { type: "checkbox", id: `extra-${extra.slug}`, name: extra.slug, checked: extra.checked }),
      el("label", { for: `extra-${extra.slug}`, text: extra.label }),
      el("span", { class: "note", text: `${money(extra.price, data.currency)} ${extra.per_guest_night ? "per guest per night" : "per booking"}` })));
    const book = submitting(async (values) => {
      const chosen = data.extras.filter((extra) => values[extra.slug]).map((extra) => extra.slug);
      const { status: booked, data: answer } = await api("/cart", { room_type: slug, ...data.stay, extras: chosen });
      if (booked === 201) return "#/cart";
      if (booked === 409) return soldOut(answer.sold_out);
      return trouble(answer);
    });
    show("room", el("h1", { class: "room-title", text: data.room.name }),
      el("p", { text: `${data.stay.check_in} to ${data.stay.check_out}, ${data.stay.guests} guest(s): ` },
        el("strong", { class: "room-price", text: money(data.total, data.currency) }), " including city tax."),
      el("form", { onsubmit: book }, el("fieldset", {}, el("legend", { text: "Extras" }), ...extras),
        el("p", {}, el("button", { type: "submit", text: "Book now" }))));
  },

  async cart() {
    const { data } = await api("/cart");
    if (!data.lines.length) {
      return show("cart", el("h1", { text: "Your cart" }),
        el("p", {}, "Your cart is empty. ", el("a", { href: "#/search", text: "Find a room" }), "."));
    }
    const parts = [el("h1", { text: "Your cart" }), bill(data, "Your stay", "bill-total")];
    if (data.expires_at) {
      const timer = el("strong", { class: "hold-timer" });
      const offset = Date.parse(data.now) - Date.now();
      const expiresAt = Date.parse(data.expires_at);
      const tick = () => {
        const left = Math.max(0, Math.floor((expiresAt - (Date.now() + offset)) / 1000));
        timer.textContent = `${String(Math.floor(left / 60)).padStart(2, "0")}:${String(left % 60).padStart(2, "0")}`;
      };
      tick();
      parts.push(el("p", {}, "We hold this room and price for you for ", timer, "."));
      show("cart", ...parts, el("p", {}, el("a", { class: "button", href: "#/guest", text: "Continue to guest details" })));
      ticking = setInterval(tick, 1000);
      return;
    }
    show("cart", ...parts, el("p", {}, el("a", { class: "button", href: "#/guest", text: "Continue to guest details" })));
  },

  async guest() {
    const { status, data } = await api("/guest");
    if (status === 409) return go(`#/${data.back}`);
    guestForm(data.guest);
  },

  async payment() {
    const { status, data } = await api("/payment");
    if (status === 409) return go(`#/${data.back}`);
    paymentForm(data);
  },

  async confirmation(query, reference) {
    const { status, data } = await api(`/bookings/${reference}`);
    if (status !== 200) return trouble(data);
    show("confirmation", el("h1", { text: "Booking confirmed" }),
      el("p", {}, "Your booking reference is ", el("strong", { class: "booking-ref", text: data.reference }), "."),
      el("p", {}, "We charged ", el("strong", { class: "charged", text: money(data.total, data.currency) }), " to your card."),
      bill(data, "Your booking", "booking-total"),
      guestSummary(data.guest));
  },

  signin() {
    signInForm("", null);
  },
};

function guestForm(guest, error = null) {
  const save = submitting(async (values) => {
    const { status, data } = await api("/guest", values);
    if (status === 200) return "#/payment";
    if (status === 409) return `#/${data.back}`;
    guestForm(data.guest, data.error);
  });
  show("guest", el("h1", { text: "Guest details" }),
    error ? el("p", { role: "alert", text: error }) : "",
    el("form", { onsubmit: save },
      field("Full name", "full_name", guest.name, { autocomplete: "name", required: true }),
      field("Email", "email", guest.email, { type: "email", autocomplete: "email", required: true }),
      field("Phone", "phone", guest.phone, { type: "tel", autocomplete: "tel" }),
      el("button", { type: "submit", text: "Continue to payment" })));
}

function paymentForm(data) {
  const pay = submitting(async (values) => {
    const { status, data: answer } = await api("/pay", values);
    if (status === 200) return `#/confirmation/${answer.reference}`;
    if (status === 402) return paymentForm(answer);
    if (status === 409 && answer.sold_out) return soldOut(answer.sold_out);
    if (status === 409) return `#/${answer.back}`;
    return trouble(answer);
  });
  const card = data.card || {};
  const { labelled, asks_email: asksEmail, late_banner: lateBanner } = data.layout;
  if (lateBanner) loadLateBanner();
  show("payment", el("h1", { text: "Payment" }),
    bill(data, "You pay", "bill-total"),
    guestSummary(data.guest),
    data.error ? el("p", { class: "payment-problem", role: "alert", text: data.error }) : "",
    el("form", { onsubmit: pay },
      asksEmail ? field("Email", "email", card.email || "", { type: "email", autocomplete: "email", required: true }) : "",
      field("Card number", "card_number", "", { inputmode: "numeric", autocomplete: "cc-number", required: true }, labelled),
      field("Expiry (MM/YY)", "expiry", card.expiry || "",
        { placeholder: labelled ? "MM/YY" : null, autocomplete: "cc-exp", required: true }, labelled),
      field("Security code", "cvc", "", { inputmode: "numeric", autocomplete: "cc-csc", required: true }, labelled),
      field("Name on card", "card_name", card.card_name || "", { autocomplete: "cc-name", required: true }, labelled),
      el("button", { type: "submit", text: "Pay now" })));
}

function signInForm(email, error) {
  const signIn = submitting(async (values) => {
    const { status, data } = await api("/signin", values);
    if (status !== 200) return signInForm(values.email, data.error);
    await showAccount();
    return "#/cart";
  });
  show("signin", el("h1", { text: "Sign in" }),
    el("p", { class: "note", text: "New here? Signing in with a new email creates your account." }),
    error ? el("p", { role: "alert", text: error }) : "",
    el("form", { onsubmit: signIn },
      field("Email", "email", email, { type: "email", autocomplete: "email", required: true }),
      field("Password", "password", "", { type: "password", autocomplete: "current-password", required: true }),
      el("button", { type: "submit", text: "Sign in" })));
}

async function showAccount() {
  const { data } = await api("/account");
  const account = document.querySelector(".account");
  account.replaceChildren(data.email
    ? el("span", {}, "Signed in as ", el("span", { class: "signed-in-as", text: data.email }))
    : el("a", { href: "#/signin", text: "Sign in" }));
}

async function route() {
  busy();
  const [path, query = ""] = location.hash.slice(1).split("?");
  const [name, ...rest] = (path || "/search").split("/").filter(Boolean);
  await (views[name] || views.search)(new URLSearchParams(query), ...rest);
}

// A link within the app empties the view at once, so nothing of the old view is read as the new one.
document.addEventListener("click", (event) => {
  const link = event.target.closest("a[href^='#']");
  if (!link) return;
  if (link.getAttribute("href") === location.hash) {
    event.preventDefault();
    route();
  } else {
    busy();
  }
}, true);
window.addEventListener("hashchange", route);
route();
