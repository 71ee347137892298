"""What the customer felt on a page: how long it kept them waiting, how it moved, and whether a keyboard or
screen-reader user could use it.

Speed is measured in the page by Google's `web-vitals` library and accessibility by Deque's `axe-core`,
both installed from npm (package.json) and injected, never re-implemented here. `sense(page)` installs
them before the page's first address; `felt(page)` reads the vitals at a step, `moved_so_far(page)` the
layout shift around a click, `access_problems(page)` the serious and critical axe violations.
"""

from __future__ import annotations

from dataclasses import replace
from functools import cache
from pathlib import Path
from typing import Any

from playwright.sync_api import Page

from checkout_integrity._exceptions import JourneyError
from checkout_integrity._journey import Snapshot, Violation

NODE_MODULES = Path(__file__).resolve().parents[1] / "node_modules"
WEB_VITALS = NODE_MODULES / "web-vitals" / "dist" / "web-vitals.iife.js"
AXE = NODE_MODULES / "axe-core" / "axe.min.js"
AXE_TAGS = ("wcag2a", "wcag2aa", "wcag21a", "wcag21aa")
BLOCKING = ("serious", "critical")  # axe impacts that keep a keyboard or screen-reader customer out

# Timings come through PerformanceObserver, not performance.getEntriesByType: a page whose timers the
# customer clock controls (Playwright's page.clock) has a stand-in `performance` object without entries.
KEEP_VITALS = """
(() => {
  if (window.__checkoutFelt || typeof webVitals === 'undefined') return;
  const felt = window.__checkoutFelt = {cls: 0, navigation: null, requests: [], navigationTold: false};
  new PerformanceObserver(list => { felt.navigation = list.getEntries()[0]; })
    .observe({type: 'navigation', buffered: true});
  new PerformanceObserver(list => {
    for (const request of list.getEntries()) {
      if (request.initiatorType === 'fetch' || request.initiatorType === 'xmlhttprequest') felt.requests.push(request.duration);
    }
  }).observe({type: 'resource', buffered: true});
  const every = {reportAllChanges: true};
  webVitals.onLCP(metric => { felt.lcp_ms = metric.value; }, every);
  webVitals.onCLS(metric => { felt.cls = metric.value; }, every);
  webVitals.onINP(metric => { felt.inp_ms = metric.value; }, every);
  webVitals.onTTFB(metric => { felt.ttfb_ms = metric.value; });
  // Every layout shift, also those the browser leaves out of CLS for following an input (hadRecentInput):
  // what moved while the customer's pointer reached a button, whenever they last typed.
  felt.moved = 0;
  felt.shifts = new PerformanceObserver(list => { for (const shift of list.getEntries()) felt.moved += shift.value; });
  felt.shifts.observe({type: 'layout-shift', buffered: true});
})();
"""

READ_VITALS = """() => {
  const felt = window.__checkoutFelt;
  if (!felt) return null;
  let wait = null;
  const navigation = felt.navigation;
  if (navigation && !felt.navigationTold) {
    wait = navigation.domContentLoadedEventEnd || navigation.responseEnd;
    felt.navigationTold = true;
  }
  for (const duration of felt.requests.splice(0)) wait = Math.max(wait ?? 0, duration);
  const vitals = {wait_ms: wait, lcp_ms: felt.lcp_ms, cls: felt.cls, inp_ms: felt.inp_ms, ttfb_ms: felt.ttfb_ms};
  return Object.fromEntries(Object.entries(vitals).filter(([, value]) => typeof value === 'number'));
}"""

# Two animation frames let the browser lay the last change out; takeRecords() hands over its shifts at once.
READ_MOVED = """async () => {
  const felt = window.__checkoutFelt;
  if (!felt) return null;
  await new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)));
  for (const shift of felt.shifts.takeRecords()) felt.moved += shift.value;
  return felt.moved;
}"""

RUN_AXE = """async tags => {
  const result = await axe.run(document, {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']});
  return result.violations.map(v => ({rule: v.id, impact: v.impact, help: v.help, elements: v.nodes.length}));
}"""


def sense(page: Page, accessibility: bool = False) -> None:
    """Make every page this tab opens measure its vitals (and carry axe-core, when accessibility is checked)."""
    page.add_init_script(script=_vitals_script())
    if accessibility:
        page.add_init_script(path=_installed(AXE))


def with_what_was_felt(snapshot: Snapshot, page: Page, screen_reader: bool) -> Snapshot:
    """The step's snapshot with the page's vitals, and its axe violations for a screen-reader customer."""
    return replace(snapshot, vitals=felt(page), violations=access_problems(page) if screen_reader else ())


def felt(page: Page) -> dict[str, float]:
    """The vitals of the page now: wait_ms for the step (once per navigation or request), lcp_ms, cls,
    inp_ms, ttfb_ms; empty when the page could not be measured. Called after the step's screenshot, whose
    frame has handed the page's paints and shifts to web-vitals."""
    vitals: dict[str, Any] | None = page.evaluate(READ_VITALS)
    return {name: float(value) for name, value in (vitals or {}).items()}


def moved_so_far(page: Page) -> float | None:
    """The sum of every layout shift of the page so far, once the last change is laid out; None where the
    page could not be measured."""
    moved: float | None = page.evaluate(READ_MOVED)
    return moved


def access_problems(page: Page) -> tuple[Violation, ...]:
    """axe-core's serious and critical WCAG 2.1 A/AA violations on the page as it is now (none before the
    customer has opened a page of the shop)."""
    if not page.url.startswith(("http://", "https://")):
        return ()
    if not page.evaluate("() => typeof axe !== 'undefined'"):
        page.add_script_tag(path=_installed(AXE))
    found: list[dict[str, Any]] = page.evaluate(RUN_AXE, list(AXE_TAGS))
    return tuple(
        Violation(v["rule"], v["impact"], v["help"], int(v["elements"])) for v in found if v["impact"] in BLOCKING
    )


@cache
def _vitals_script() -> str:
    """web-vitals and the script that keeps what it reports, read once per run."""
    return _installed(WEB_VITALS).read_text(encoding="utf-8") + KEEP_VITALS


def _installed(script: Path) -> Path:
    if not script.is_file():
        raise JourneyError(
            f"{script.relative_to(NODE_MODULES.parent)} is missing: the harness measures pages with the npm "
            f"packages of package.json; run `make setup` (or `npm ci`) in {NODE_MODULES.parent}."
        )
    return script
