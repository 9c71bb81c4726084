import { test, expect, LOCALES, HOME_HEADINGS, langTag, dirOf, watchConsole, countNavigations, waitForHydration } from "./helpers";

test.describe("with JavaScript", () => {
  for (const locale of LOCALES) {
    test(`home page in ${locale} hydrates without console errors`, async ({ page }) => {
      const errors = watchConsole(page);
      const response = await page.goto(`/${locale}/`);
      expect(response?.status()).toBe(200);
      await expect(page.locator("html")).toHaveAttribute("lang", langTag(locale));
      await expect(page.locator("html")).toHaveAttribute("dir", dirOf(locale));
      await expect(page.getByRole("heading", { level: 1 })).toHaveText(HOME_HEADINGS[locale]);
      await waitForHydration(page);
      expect(errors).toEqual([]);
    });
  }

  test("language switcher keeps the page and does not reload", async ({ page }) => {
    const errors = watchConsole(page);
    await page.goto("/en/contact");
    await waitForHydration(page);
    const loads = await countNavigations(page);
    await page.evaluate(() => ((window as any).__sameDocument = true));

    await page.locator(".language-switcher a[hreflang=ru]").click();
    await expect(page).toHaveURL(/\/ru\/contact$/);
    await expect(page.locator("html")).toHaveAttribute("lang", "ru");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Контакты");
    await expect(page).toHaveTitle(/Связаться с Государственной миграционной службой/);
    // The head follows the switch: one canonical link, the new address.
    await expect(page.locator("link[rel=canonical]")).toHaveCount(1);
    await expect(page.locator("link[rel=canonical]")).toHaveAttribute("href", /\/ru\/contact$/);
    await expect(page.locator("meta[property='og:url']")).toHaveAttribute("content", /\/ru\/contact$/);

    await page.locator(".language-switcher a[hreflang=az]").click();
    await expect(page).toHaveURL(/\/az\/contact$/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Bizimlə əlaqə");

    expect(loads()).toBe(0);
    expect(await page.evaluate(() => (window as any).__sameDocument)).toBe(true);
    expect(errors).toEqual([]);

    // The client-side switch is remembered too: the site's root now opens in Azerbaijani.
    await page.goto("/");
    await expect(page).toHaveURL(/\/az\/$/);
  });

  test("navigation links move between pages without a reload", async ({ page, isMobile }) => {
    const errors = watchConsole(page);
    await page.goto("/en/");
    await waitForHydration(page);
    const loads = await countNavigations(page);
    if (isMobile) await page.getByRole("button", { name: "Menu" }).click();
    await page.getByRole("navigation", { name: "Main navigation" }).getByRole("link", { name: "Contact" }).click();
    await expect(page).toHaveURL(/\/en\/contact$/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Contact us");
    await expect(page).toHaveTitle("Contact the State Migration Service – State Migration Service");
    await expect(page.locator("link[rel=canonical]")).toHaveCount(1);
    await expect(page.locator("link[rel=canonical]")).toHaveAttribute("href", /\/en\/contact$/);
    expect(loads()).toBe(0);
    expect(errors).toEqual([]);
  });

  test("menu button folds the navigation on a phone", async ({ page, isMobile }) => {
    test.skip(!isMobile, "the menu button exists for narrow screens only");
    await page.goto("/en/");
    await waitForHydration(page);
    const nav = page.locator("#site-nav");
    const button = page.getByRole("button", { name: "Menu" });
    await expect(button).toBeVisible();
    await expect(button).toHaveAttribute("aria-expanded", "false");
    await expect(nav).toBeHidden();
    await button.click();
    await expect(button).toHaveAttribute("aria-expanded", "true");
    await expect(nav).toBeVisible();
    await button.click();
    await expect(nav).toBeHidden();
  });

  test("unknown page shows the localized 404", async ({ page }) => {
    const errors = watchConsole(page);
    const response = await page.goto("/ru/no-such-page");
    expect(response?.status()).toBe(404);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Страница не найдена");
    await waitForHydration(page);
    // A 404 response is itself reported on the console by Chromium; nothing else may be.
    expect(errors.filter((e) => !e.includes("404"))).toEqual([]);
  });

  test("root sends the browser to its language", async ({ browser }) => {
    const context = await browser.newContext({ locale: "ru-RU" });
    const page = await context.newPage();
    await page.goto("/");
    await expect(page).toHaveURL(/\/ru\/$/);
    await context.close();
  });
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  for (const locale of LOCALES) {
    test(`home page in ${locale} is complete`, async ({ page }) => {
      const response = await page.goto(`/${locale}/`);
      expect(response?.status()).toBe(200);
      await expect(page.locator("html")).toHaveAttribute("lang", langTag(locale));
      await expect(page.getByRole("heading", { level: 1 })).toHaveText(HOME_HEADINGS[locale]);
      // All seven sections are linked from the navigation, visible even on a phone.
      const nav = page.locator("#site-nav");
      await expect(nav).toBeVisible();
      await expect(nav.getByRole("link")).toHaveCount(7);
      await expect(page.locator(".site-header__menu-button")).toBeHidden();
      await expect(page.locator("footer")).toContainText("919");
    });
  }

  test("navigation and language switcher work as plain links", async ({ page }) => {
    await page.goto("/en/");
    await page.locator("#site-nav").getByRole("link", { name: "Contact" }).click();
    await expect(page).toHaveURL(/\/en\/contact$/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Contact us");
    await page.locator(".language-switcher a[hreflang=ru]").click();
    await expect(page).toHaveURL(/\/ru\/contact$/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Контакты");
    // The choice is remembered: the site's root now opens in Russian.
    await page.goto("/");
    await expect(page).toHaveURL(/\/ru\/$/);
  });

  test("skip link jumps to the main content", async ({ page }) => {
    await page.goto("/en/");
    await page.keyboard.press("Tab");
    const skip = page.getByRole("link", { name: "Skip to main content" });
    await expect(skip).toBeFocused();
    await expect(skip).toBeInViewport();
  });
});
