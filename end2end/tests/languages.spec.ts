import { test, expect, waitForHydration, type Page } from "./helpers";

// The four languages of issue #14; ar and fa are written right to left.
const RTL = ["ar", "fa"] as const;

// Each test sets the viewport it needs (desktop for positions, 360 px for the screenshots):
// one project is enough.
test.beforeEach(({}, testInfo) => {
  test.skip(testInfo.project.name !== "mobile", "runs on the mobile project only");
});
const NEW = ["tr", "ar", "fa", "zh"] as const;

/** Digits as typed on each locale's keyboard: Arabic-Indic for ar, Persian for fa. */
function typed(l: string, s: string): string {
  const base = l === "ar" ? 0x0660 : l === "fa" ? 0x06f0 : 0;
  return base ? s.replace(/[0-9]/g, (d) => String.fromCharCode(base + Number(d))) : s;
}

/** Today - days in Azerbaijan (UTC+4), as [day, month, year] strings. */
function bakuDate(days: number): [string, string, string] {
  const d = new Date(Date.now() + 4 * 3600_000 - days * 86_400_000);
  return [String(d.getUTCDate()), String(d.getUTCMonth() + 1), String(d.getUTCFullYear())];
}

// A demo application of the test server's database (status.spec.ts, a11y.spec.ts).
const APPROVED = { number: "EX-2026-900008-A", dob: ["15", "3", "1999"] };

async function lookUp(page: Page, l: string, js: boolean) {
  await page.goto(`/${l}/status`);
  if (js) await waitForHydration(page);
  await page.locator("#number").fill(typed(l, APPROVED.number));
  await page.locator("#dob-day").fill(typed(l, APPROVED.dob[0]));
  await page.locator("#dob-month").fill(typed(l, APPROVED.dob[1]));
  await page.locator("#dob-year").fill(typed(l, APPROVED.dob[2]));
  await page.locator("form.status-form button[type=submit]").click();
  await expect(page.locator(".panel")).toBeVisible();
  await expect(page.locator(".panel bdi").first()).toHaveText(APPROVED.number);
}

/** The stay checker from its last question: the arrival date, typed in the locale's digits. */
async function checkStay(page: Page, l: string, js: boolean) {
  await page.goto(`/${l}/check/stay/arrival?citizenship=GE&length=40&purpose=tourism`);
  if (js) await waitForHydration(page);
  const [d, m, y] = bakuDate(3);
  await page.locator("input[id$='-day']").fill(typed(l, d));
  await page.locator("input[id$='-month']").fill(typed(l, m));
  await page.locator("input[id$='-year']").fill(typed(l, y));
  await page.locator("form.check-form button[type=submit]").click();
  await expect(page).toHaveURL(new RegExp(`/${l}/check/stay/answers\\?`));
  await expect(page.locator(".error-summary")).toHaveCount(0);
  await page.locator("main a.button[href*='/result']").click();
  await expect(page.locator(".check-result")).toBeVisible();
  await expect(page).toHaveURL(new RegExp(`/${l}/check/stay/result\\?`));
}

for (const js of [true, false]) {
  test.describe(js ? "new languages with JavaScript" : "new languages without JavaScript", () => {
    test.use({ javaScriptEnabled: js });
    for (const l of NEW) {
      test(`${l}: the checker reaches a result and the status lookup finds the demo application`, async ({ page }) => {
        await checkStay(page, l, js);
        await lookUp(page, l, js);
      });
    }
  });
}

test.describe("right to left", () => {
  test.use({ javaScriptEnabled: false });
  for (const l of RTL) {
    test(`${l}: the page, its navigation and breadcrumbs run right to left`, async ({ page }) => {
      await page.setViewportSize({ width: 1280, height: 900 });
      await page.goto(`/${l}/procedures/registration`);
      await expect(page.locator("html")).toHaveAttribute("dir", "rtl");
      await expect(page.locator("html")).toHaveAttribute("lang", l);
      // The first item of the main navigation and of the breadcrumbs is the rightmost.
      for (const list of [".site-nav__item", ".breadcrumbs__item"]) {
        const items = page.locator(list);
        const first = await items.nth(0).boundingBox();
        const second = await items.nth(1).boundingBox();
        expect(first && second, list).toBeTruthy();
        expect(first!.x, `${list}: first item right of the second`).toBeGreaterThan(second!.x);
      }
    });

    test(`${l}: an application number inside the text reads left to right`, async ({ page }) => {
      await lookUp(page, l, false);
      const number = page.locator(".panel bdi").first();
      // The bdi isolates the number and its first strong letter makes it left to right.
      const dir = await number.evaluate((e) => getComputedStyle(e).direction);
      expect(dir).toBe("ltr");
      const box = await number.boundingBox();
      const chars = await number.evaluate((e) => {
        const range = document.createRange();
        const text = e.firstChild!;
        const at = (i: number) => {
          range.setStart(text, i);
          range.setEnd(text, i + 1);
          return range.getBoundingClientRect().x;
        };
        return [at(0), at((text.textContent || "").length - 1)];
      });
      expect(box).toBeTruthy();
      expect(chars[0], "E is left of the check letter").toBeLessThan(chars[1]);
    });
  }

  test("phone numbers in Arabic and Persian text read left to right", async ({ page }) => {
    for (const l of RTL) {
      await page.goto(`/${l}/`);
      const phone = page.locator(".site-footer__phone");
      await expect(phone).toHaveAttribute("dir", "ltr");
    }
  });
});

test.describe("search in the new languages", () => {
  test.use({ javaScriptEnabled: false });
  for (const [l, query, href] of [
    ["tr", "isveren", "/tr/procedures/work-permit"],
    ["ar", "صاحب العمل", "/ar/procedures/work-permit"],
    ["ar", "صَاحِبُ العَمَل", "/ar/procedures/work-permit"],
    ["fa", "کارفرما", "/fa/procedures/work-permit"],
    ["zh", "雇主", "/zh/procedures/work-permit"],
  ]) {
    test(`${l}: "${query}" finds ${href}`, async ({ page }) => {
      await page.goto(`/${l}/search?q=${encodeURIComponent(query)}`);
      await expect(page.locator(`.search-results a[href='${href}']`)).toBeVisible();
    });
  }
});

test.describe("screenshots at 360 px", () => {
  test.use({ javaScriptEnabled: false, viewport: { width: 360, height: 780 } });
  for (const l of ["ar", "fa", "zh"]) {
    test(`${l}: home and a guide`, async ({ page }, info) => {
      for (const [name, path] of [["home", `/${l}/`], ["guide", `/${l}/procedures/registration`]]) {
        await page.goto(path);
        // Nothing wider than the phone: no sideways scrolling.
        const width = await page.evaluate(() => document.documentElement.scrollWidth);
        expect(width, `${path} fits 360 px`).toBeLessThanOrEqual(360);
        await page.screenshot({ path: info.outputPath(`${l}-${name}.png`), fullPage: true });
      }
    });
  }
});

test("the glossary gives each term with its Azerbaijani original, in every new language", async ({ page }) => {
  for (const l of NEW) {
    await page.goto(`/${l}/glossary`);
    await expect(page.locator(".glossary__entry")).toHaveCount(13);
    await expect(page.locator("#work_permit [lang=az]")).toHaveText("iş icazəsi");
  }
});
