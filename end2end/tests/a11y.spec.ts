import AxeBuilder from "@axe-core/playwright";
import { test, expect, LOCALES, waitForHydration, type Page } from "./helpers";

// WCAG 2.0, 2.1 and 2.2, levels A and AA: what axe checks automatically.
const TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"];

type Locale = (typeof LOCALES)[number];

/** A day counted from today in Azerbaijan (UTC+4), as the server counts, as YYYY-MM-DD. */
function bakuIso(offset: number): string {
  return new Date(Date.now() + 4 * 3600_000 + offset * 86_400_000).toISOString().slice(0, 10);
}

// The "stay" flow's answers, as check.spec.ts builds them: Georgia, tourism, 40 days, arrived 5 days ago.
const STAY_ANSWERS = () => `arrival=${bakuIso(-5)}&citizenship=GE&length=40&purpose=tourism`;

// A demo application loaded into the test server's database (status.spec.ts uses it too).
const APPROVED = { number: "EX-2026-900008-A", dob: ["15", "3", "1999"] };

/** The first link in the main content of `listPath` whose address starts with `prefix` (and is
 *  not one of `except`): slugs come from the site's own links, not from this file. */
async function firstLink(page: Page, listPath: string, prefix: string, except: string[] = []): Promise<string> {
  const html = await (await page.request.get(listPath)).text();
  const main = html.slice(html.indexOf("<main"), html.indexOf("</main>"));
  const hrefs = [...main.matchAll(/<a\b[^>]*\bhref="([^"]+)"/g)].map((m) => m[1]);
  const href = hrefs.find((h) => h.startsWith(prefix) && h !== prefix && !except.includes(h));
  expect(href, `a link starting ${prefix} on ${listPath}`).toBeTruthy();
  return href!;
}

/** Fills the status form by its ids (labels differ per language) and sends it. */
async function lookUpStatus(page: Page, js: boolean, number: string, [d, m, y]: string[]) {
  await page.locator("#number").fill(number);
  await page.locator("#dob-day").fill(d);
  await page.locator("#dob-month").fill(m);
  await page.locator("#dob-year").fill(y);
  await page.locator("form.status-form button[type=submit]").click();
  if (js) await page.locator(".panel, .notification-banner:visible, .error-summary").first().waitFor();
}

/** Opens a page of the given kind and leaves it ready to check. `js` says whether scripts run. */
type Visit = (page: Page, l: Locale, js: boolean) => Promise<void>;

async function open(page: Page, path: string, js: boolean) {
  await page.goto(path);
  if (js) await waitForHydration(page);
}

const PAGES: Record<string, Visit> = {
  home: (page, l, js) => open(page, `/${l}/`, js),
  procedures: (page, l, js) => open(page, `/${l}/procedures`, js),
  guide: async (page, l, js) => open(page, await firstLink(page, `/${l}/procedures`, `/${l}/procedures/`), js),
  journey: async (page, l, js) => open(page, await firstLink(page, `/${l}/procedures`, `/${l}/journeys/`), js),
  visit: (page, l, js) => open(page, `/${l}/visit`, js),
  invest: (page, l, js) => open(page, `/${l}/invest`, js),
  news: (page, l, js) => open(page, `/${l}/news`, js),
  "news article": async (page, l, js) =>
    open(page, await firstLink(page, `/${l}/news`, `/${l}/news/`, [`/${l}/news/statistics`]), js),
  statistics: (page, l, js) => open(page, `/${l}/news/statistics`, js),
  search: (page, l, js) => open(page, `/${l}/search?q=visa`, js),
  contact: (page, l, js) => open(page, `/${l}/contact`, js),
  offices: (page, l, js) => open(page, `/${l}/offices`, js),
  fees: (page, l, js) => open(page, `/${l}/fees`, js),
  "processing times": (page, l, js) => open(page, `/${l}/processing-times`, js),
  journeys: (page, l, js) => open(page, `/${l}/journeys`, js),
  updates: (page, l, js) => open(page, `/${l}/updates`, js),
  privacy: (page, l, js) => open(page, `/${l}/privacy`, js),
  "feedback form": (page, l, js) => open(page, `/${l}/feedback?page=/${l}/fees&useful=no`, js),
  "checker index": (page, l, js) => open(page, `/${l}/check`, js),
  "flow start": (page, l, js) => open(page, `/${l}/check/stay`, js),
  "first question": async (page, l, js) => {
    await open(page, `/${l}/check/stay`, js);
    await page.locator("main .button--start").click();
    await expect(page).toHaveURL(new RegExp(`/${l}/check/stay/citizenship$`));
    await expect(page.locator("#citizenship")).toBeVisible();
  },
  "question with error": async (page, l, js) => {
    await open(page, `/${l}/check/stay/citizenship`, js);
    await page.locator("form.check-form button[type=submit]").click();
    await expect(page.locator(".error-summary")).toBeVisible();
    if (js) await waitForHydration(page);
  },
  answers: (page, l, js) => open(page, `/${l}/check/stay/answers?${STAY_ANSWERS()}`, js),
  result: (page, l, js) => open(page, `/${l}/check/stay/result?${STAY_ANSWERS()}`, js),
  status: (page, l, js) => open(page, `/${l}/status`, js),
  "status result": async (page, l, js) => {
    await open(page, `/${l}/status`, js);
    await lookUpStatus(page, js, APPROVED.number, APPROVED.dob);
    await expect(page.locator(".panel")).toHaveAttribute("data-status", "approved");
  },
  "status error": async (page, l, js) => {
    await open(page, `/${l}/status`, js);
    await lookUpStatus(page, js, APPROVED.number, ["16", "3", "1999"]);
    await expect(page.locator(".notification-banner:visible")).toBeVisible();
  },
  "not found": async (page, l, js) => {
    const response = await page.goto(`/${l}/no-such-page`);
    expect(response?.status()).toBe(404);
    if (js) await waitForHydration(page);
  },
};

/**
 * Axe is a script that needs timers, and a page loaded with JavaScript off runs none. So once the
 * page has loaded without its scripts, turn scripting back on for that page only: its own scripts
 * were skipped while it was parsed and stay skipped. Turning scripting on also flips the CSS
 * `scripting` media feature, so first swap `(scripting: enabled)` and `(scripting: none)` in its
 * style sheets; the text the page shows must come out the same as before, or the check is void.
 */
async function allowAxeWithoutPageScripts(page: Page) {
  const shown = () => page.evaluate(() => document.body.innerText);
  const before = await shown();
  const cdp = await page.context().newCDPSession(page);
  const sheets: string[] = [];
  cdp.on("CSS.styleSheetAdded", (e) => sheets.push(e.header.styleSheetId));
  await cdp.send("DOM.enable");
  await cdp.send("CSS.enable");
  for (const styleSheetId of sheets) {
    const { text } = await cdp.send("CSS.getStyleSheetText", { styleSheetId });
    const swapped = text.replace(/\(\s*scripting\s*:\s*(enabled|none)\s*\)/g, (_m, v) =>
      v === "enabled" ? "(scripting: none)" : "(scripting: enabled)",
    );
    if (swapped !== text) await cdp.send("CSS.setStyleSheetText", { styleSheetId, text: swapped });
  }
  // Setting `false` alone is a no-op for this session; true then false takes effect.
  await cdp.send("Emulation.setScriptExecutionDisabled", { value: true });
  await cdp.send("Emulation.setScriptExecutionDisabled", { value: false });
  expect(await page.evaluate(() => "__RESOLVED_RESOURCES" in window), "the page's own scripts did not run").toBe(false);
  expect(await shown(), "the page looks as it did without JavaScript").toBe(before);
}

/** Runs axe on the page as it stands and fails with one line per rule and the elements it names. */
async function expectNoViolations(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(TAGS).analyze();
  const lines = results.violations.map(
    (v) =>
      `${v.id} [${v.impact}] ${v.help} (${v.helpUrl})\n` +
      v.nodes.map((n) => `    at ${n.target.join(" ")}: ${n.failureSummary?.replaceAll("\n", " ")}`).join("\n"),
  );
  expect(lines, `axe violations on ${page.url()}:\n${lines.join("\n")}`).toEqual([]);
  // Guard against a silent no-op (axe finding nothing to check would pass too).
  expect(results.passes.length, "axe checked some rules").toBeGreaterThan(10);
  if (process.env.AXE_INCOMPLETE)
    for (const v of results.incomplete)
      console.log(`INCOMPLETE ${page.url()} ${v.id}: ${v.nodes.map((n) => n.target.join(" ") + " — " + (n.any[0]?.message ?? "")).join(" | ")}`);
}

// Axe looks at the page, not the device: one project is enough (the phone, where targets are smallest).
test.beforeEach(({}, testInfo) => {
  test.skip(testInfo.project.name !== "mobile", "axe runs on the mobile project only");
});

test.describe("axe with JavaScript", () => {
  for (const l of LOCALES) {
    for (const [name, visit] of Object.entries(PAGES)) {
      test(`${name} in ${l}`, async ({ page }) => {
        await visit(page, l, true);
        await expectNoViolations(page);
      });
    }
  }
});

test.describe("axe without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  for (const l of LOCALES) {
    for (const name of ["home", "guide", "question with error", "status result"]) {
      test(`${name} in ${l}`, async ({ page }) => {
        await PAGES[name](page, l, false);
        await allowAxeWithoutPageScripts(page);
        await expectNoViolations(page);
      });
    }
  }
});
