import { test, expect, watchConsole, countNavigations, waitForHydration } from "./helpers";

test.describe("guides and journeys with JavaScript", () => {
  test("a guide opens from the procedures list without a reload", async ({ page }) => {
    const errors = watchConsole(page);
    await page.goto("/en/procedures");
    await waitForHydration(page);
    const loads = await countNavigations(page);
    await page.locator(".link-list").getByRole("link", { name: "Register your place of stay" }).click();
    await expect(page).toHaveURL(/\/en\/procedures\/registration$/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Register your place of stay");
    await expect(page.locator(".prose")).toContainText("15 days");
    await expect(page).toHaveTitle(/Register your place of stay/);
    expect(loads()).toBe(0);
    expect(errors).toEqual([]);
  });

  test("step by step folds, and opens step by step or all at once", async ({ page }) => {
    const errors = watchConsole(page);
    await page.goto("/en/journeys/first-90-days");
    await waitForHydration(page);
    const steps = page.locator(".step-nav__details");
    const count = await steps.count();
    expect(count).toBeGreaterThanOrEqual(5);
    // Hydrated: every step folds and the show-all control appears.
    const toggle = page.locator(".step-nav__toggle-all");
    await expect(toggle).toBeVisible();
    await expect(toggle).toHaveText("Show all steps");
    for (let i = 0; i < count; i++) await expect(steps.nth(i)).not.toHaveAttribute("open", "");
    // One step opens on its own.
    await steps.nth(1).locator("summary").click();
    await expect(steps.nth(1)).toHaveAttribute("open", "");
    await expect(steps.nth(0)).not.toHaveAttribute("open", "");
    // Show all, then hide all.
    await toggle.click();
    for (let i = 0; i < count; i++) await expect(steps.nth(i)).toHaveAttribute("open", "");
    await expect(toggle).toHaveText("Hide all steps");
    await toggle.click();
    for (let i = 0; i < count; i++) await expect(steps.nth(i)).not.toHaveAttribute("open", "");
    expect(errors).toEqual([]);
  });

  for (const [locale, label, query, href] of [
    ["en", "Search for a word or phrase", "stateless", "/en/procedures/registration"],
    ["az", "Söz və ya ifadə axtarın", "yasayis icazesi", "/az/procedures/temporary-residence"],
    ["ru", "Найти слово или фразу", "регистрация", "/ru/procedures/registration"],
  ]) {
    test(`search in ${locale} shows results as you type`, async ({ page }) => {
      const errors = watchConsole(page);
      await page.goto(`/${locale}/search`);
      await waitForHydration(page);
      const loads = await countNavigations(page);
      await page.getByLabel(label).pressSequentially(query, { delay: 30 });
      await expect(page.locator(`.search-results a[href='${href}']`)).toBeVisible();
      await expect(page).toHaveURL(new RegExp(`/${locale}/search\\?q=`));
      expect(loads()).toBe(0);
      expect(errors).toEqual([]);
    });
  }
});

test.describe("guides and journeys without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("step by step is fully open", async ({ page }) => {
    await page.goto("/az/journeys/working-in-azerbaijan");
    const steps = page.locator(".step-nav__details");
    const count = await steps.count();
    expect(count).toBeGreaterThanOrEqual(5);
    for (let i = 0; i < count; i++) await expect(steps.nth(i)).toHaveAttribute("open", "");
    await expect(page.locator(".step-nav__toggle-all")).toBeHidden();
  });

  for (const [locale, query, href] of [
    ["en", "stateless", "/en/procedures/registration"],
    ["az", "yasayis icazesi", "/az/procedures/temporary-residence"],
    ["ru", "регистрация", "/ru/procedures/registration"],
  ]) {
    test(`search in ${locale} finds a guide by a word from its body`, async ({ page }) => {
      await page.goto(`/${locale}/search`);
      await page.locator("#search-q").fill(query);
      await page.locator("#search-q").press("Enter");
      await expect(page.locator(`.search-results a[href='${href}']`)).toBeVisible();
    });
  }

  test("statistics show a chart with a text alternative and a table", async ({ page }) => {
    await page.goto("/en/news/statistics");
    await expect(page.locator("svg[role=img] title")).toHaveCount(1);
    await expect(page.locator("table.table tbody tr")).toHaveCount(10);
    await expect(page.locator(".stat-cards")).toContainText("244,398");
  });
});
