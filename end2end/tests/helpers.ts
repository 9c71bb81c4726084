import { test as base, expect, type Browser, type BrowserContext, type Page } from "@playwright/test";

export { expect };
export type { Page };

/** One Content-Security-Policy violation as the page reported it. */
export interface CspViolation {
  directive: string;
  blockedURI: string;
  sourceFile: string;
  line: number;
  sample: string;
  documentURI: string;
}

const CSP_BINDING = "__cspViolation";

/** Runs in every document before its own scripts: forwards each `securitypolicyviolation` event. */
function listenForViolations(binding: string) {
  document.addEventListener(
    "securitypolicyviolation",
    (e) => {
      const v = {
        directive: e.effectiveDirective || e.violatedDirective,
        blockedURI: e.blockedURI,
        sourceFile: e.sourceFile,
        line: e.lineNumber,
        sample: e.sample,
        documentURI: e.documentURI,
      };
      (window as any)[binding]?.(v);
    },
    true,
  );
}

const CSP_CONSOLE = /Content Security Policy|Refused to/i;

/** Hooks a context so that every page in it reports CSP violations into `found`. */
export async function watchCsp(context: BrowserContext, found: string[]) {
  await context.exposeBinding(CSP_BINDING, (_source, v: CspViolation) => {
    found.push(
      `securitypolicyviolation: directive "${v.directive}" blocked "${v.blockedURI}"` +
        ` on ${v.documentURI}` +
        (v.sourceFile ? ` (at ${v.sourceFile}:${v.line})` : "") +
        (v.sample ? ` sample: ${JSON.stringify(v.sample)}` : ""),
    );
  });
  await context.addInitScript(listenForViolations, CSP_BINDING);
  context.on("console", (msg) => {
    if (CSP_CONSOLE.test(msg.text())) found.push(`console ${msg.type()} on ${msg.page()?.url() ?? "?"}: ${msg.text()}`);
  });
}

/**
 * `test` with a CSP watch on every page: each page of the test's context, and of any context the
 * test opens itself, reports Content-Security-Policy violations (the DOM event and Chromium's
 * console message); after the test body the test fails if any were seen.
 */
export const test = base.extend<{ cspWatch: void }>({
  cspWatch: [
    async ({ context, browser }, use) => {
      const found: string[] = [];
      await watchCsp(context, found);
      // Contexts the test makes itself (browser.newContext, and browser.newPage through it) are watched too.
      const restore = hookNewContexts(browser, found);
      await use();
      restore();
      // A round trip to each open page delivers reports still in flight.
      for (const page of context.pages()) await flush(page);
      expect(found, `Content-Security-Policy violations:\n${found.join("\n")}`).toEqual([]);
    },
    { auto: true },
  ],
});

/** Waits for one round trip to the page, or a second at most (a closed or script-less page). */
async function flush(page: Page) {
  if (page.isClosed()) return;
  await Promise.race([page.evaluate(() => 0).catch(() => {}), new Promise((r) => setTimeout(r, 1000))]);
}

function hookNewContexts(browser: Browser, found: string[]): () => void {
  const newContext = browser.newContext;
  browser.newContext = async function (...args: Parameters<Browser["newContext"]>) {
    const context = await newContext.apply(browser, args);
    await watchCsp(context, found);
    return context;
  };
  return () => {
    browser.newContext = newContext;
  };
}

export const LOCALES = ["az", "en", "ru", "tr", "ar", "fa", "zh"] as const;

/** The BCP 47 tag of `<html lang>` and hreflang (content/locales.toml): `zh` is `zh-Hans`. */
export const langTag = (l: string): string => (l === "zh" ? "zh-Hans" : l);

/** `<html dir>` of a locale: Arabic and Persian are written right to left. */
export const dirOf = (l: string): string => (l === "ar" || l === "fa" ? "rtl" : "ltr");

export const HOME_HEADINGS: Record<(typeof LOCALES)[number], string> = {
  az: "Azərbaycanda qalmaq, işləmək və yaşamaq",
  en: "Staying, working and living in Azerbaijan",
  ru: "Пребывание, работа и жизнь в Азербайджане",
  tr: "Azerbaycan'da kalmak, çalışmak ve yaşamak",
  ar: "البقاء والعمل والعيش في أذربيجان",
  fa: "اقامت، کار و زندگی در آذربایجان",
  zh: "在阿塞拜疆停留、工作和生活",
};

/** Collects console errors and uncaught exceptions; a test asserts the list stays empty. */
export function watchConsole(page: Page): string[] {
  const errors: string[] = [];
  page.on("console", (msg) => {
    // Playwright's own note where the config blocks the service worker: the harness's, not the site's.
    if (msg.text() === "Service Worker registration blocked by Playwright") return;
    if (msg.type() === "error" || msg.type() === "warning") errors.push(`${msg.type()}: ${msg.text()}`);
  });
  page.on("pageerror", (err) => errors.push(`pageerror: ${err.message}`));
  return errors;
}

/** Counts full page loads: a client-side navigation leaves the counter untouched. */
export async function countNavigations(page: Page): Promise<() => number> {
  let loads = 0;
  page.on("load", () => loads++);
  return () => loads;
}

/**
 * nav.js is running and the page's islands are hydrated: nav.js reveals the menu button at once
 * and marks `<html data-ready>` once every island on the page is live (at once on a page
 * without islands).
 */
export async function waitForHydration(page: Page) {
  await expect(page.locator("html")).toHaveAttribute("data-ready", "");
  await expect(page.locator(".site-header__menu-button")).toHaveAttribute("aria-expanded", /true|false/);
  await page.waitForFunction(() => {
    const button = document.querySelector(".site-header__menu-button");
    return button !== null && !button.hasAttribute("hidden");
  });
}

/**
 * No connection, for the page and for the service worker's own fetches (which Playwright's
 * offline mode alone does not cut). `goOnline` undoes it.
 */
export async function goOffline(context: BrowserContext) {
  await context.setOffline(true);
  await context.route("**", cutWorker);
}

export async function goOnline(context: BrowserContext) {
  await context.unroute("**", cutWorker);
  await context.setOffline(false);
}

function cutWorker(route: import("@playwright/test").Route) {
  return route.request().serviceWorker() ? route.abort("internetdisconnected") : route.continue();
}

/** The service worker controls the page (it registers once the page is idle). */
export async function workerInControl(page: Page) {
  await page.waitForFunction(() => navigator.serviceWorker.controller?.state === "activated", null, { timeout: 15_000 });
}

/** Waits until the worker's caches hold every one of `paths` (what it keeps in the background). */
export async function cached(page: Page, ...paths: string[]) {
  const missing = () =>
    page.evaluate(async (ps) => {
      const found = await Promise.all(ps.map((p) => caches.match(p, { ignoreVary: true })));
      return ps.filter((_, i) => found[i] === undefined);
    }, paths);
  await expect.poll(missing, { timeout: 20_000 }).toEqual([]);
}
