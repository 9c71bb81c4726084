import { test, expect, watchConsole, countNavigations, waitForHydration, type Page } from "./helpers";

// A form sent sooner than this after its page was drawn is refused as a robot's (src/feedback.rs).
const FILL_TIME_MS = 2_500;

async function openGuide(page: Page, js: boolean) {
  await page.goto("/en/procedures/registration");
  if (js) await waitForHydration(page);
  await page.waitForTimeout(FILL_TIME_MS);
}

test.describe("feedback with JavaScript", () => {
  test("Yes is sent without a page load, and the wasm loads only then", async ({ page }) => {
    const errors = watchConsole(page);
    const wasm: string[] = [];
    page.on("request", (r) => r.url().endsWith(".wasm") && wasm.push(r.url()));
    await openGuide(page, true);
    const loads = await countNavigations(page);
    expect(wasm, "no wasm before the visitor answers").toEqual([]);
    await page.getByRole("button", { name: "Yes", exact: true }).click();
    await expect(page.getByText("Thank you for your feedback.")).toBeVisible();
    expect(loads()).toBe(0);
    await expect(page).toHaveURL(/\/en\/procedures\/registration$/);
    expect(errors).toEqual([]);
  });

  test("No opens the form in place; an empty answer is refused, then a real one is sent", async ({ page }) => {
    await openGuide(page, true);
    const loads = await countNavigations(page);
    await page.getByRole("button", { name: "No", exact: true }).click();
    const wrong = page.getByLabel("What went wrong?");
    await expect(wrong).toBeVisible();
    await expect(page.getByText("Do not type personal information")).toBeVisible();
    await page.getByRole("button", { name: "Send" }).click();
    await expect(page.locator(".feedback .error-summary")).toContainText("Tell us what went wrong");
    await wrong.fill("The fee table did not say how to pay.");
    await page.getByRole("button", { name: "Send" }).click();
    await expect(page.getByText("Thank you for your feedback.")).toBeVisible();
    expect(loads()).toBe(0);
  });
});

test.describe("feedback without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("Yes leads to the thank-you page", async ({ page }) => {
    await openGuide(page, false);
    await page.getByRole("button", { name: "Yes", exact: true }).click();
    await expect(page).toHaveURL(/\/en\/feedback\?page=\/en\/procedures\/registration&sent=1$/);
    await expect(page.getByText("Thank you for your feedback.")).toBeVisible();
    await page.getByRole("link", { name: "Back to the page" }).click();
    await expect(page).toHaveURL(/\/en\/procedures\/registration$/);
  });

  test("No leads to the form; a too-long answer keeps what was typed", async ({ page }) => {
    await openGuide(page, false);
    await page.getByRole("button", { name: "No", exact: true }).click();
    await expect(page).toHaveURL(/\/en\/feedback\?page=\/en\/procedures\/registration&useful=no/);
    await page.waitForTimeout(FILL_TIME_MS);
    const long = "The page is long. ".repeat(80);
    await page.getByLabel("What went wrong?").fill(long);
    await page.getByRole("button", { name: "Send" }).click();
    await expect(page.locator(".error-summary")).toContainText("Your answer is too long");
    await expect(page.getByLabel("What went wrong?")).toHaveValue(long);
    await page.getByLabel("What went wrong?").fill("The page is long.");
    await page.getByRole("button", { name: "Send" }).click();
    await expect(page.getByText("Thank you for your feedback.")).toBeVisible();
  });
});

test.describe("offices", () => {
  test("the nearest office comes first, worked out on the device", async ({ page, context }) => {
    await context.grantPermissions(["geolocation"]);
    // In Sheki.
    await context.setGeolocation({ latitude: 41.2, longitude: 47.18 });
    const posted: string[] = [];
    page.on("request", (r) => r.method() !== "GET" && posted.push(r.url()));
    await page.goto("/en/offices");
    await waitForHydration(page);
    await page.getByRole("button", { name: "Show the nearest first" }).click();
    const first = page.locator(".nearest__list li").first();
    await expect(first).toContainText("Sheki");
    expect(posted, "the location is not sent anywhere").toEqual([]);
  });

  test("the map has a text alternative and every office its source and review date", async ({ page }) => {
    await page.goto("/ru/offices");
    const map = page.getByRole("img", { name: "Офисы на карте Азербайджана" });
    await expect(map).toBeVisible();
    const offices = page.locator(".office");
    expect(await offices.count()).toBeGreaterThan(9);
    for (const office of await offices.all()) {
      await expect(office.locator(".source-note a").first()).toHaveAttribute("href", /^https?:\/\//);
      await expect(office.locator(".source-note time")).toHaveAttribute("datetime", /^\d{4}-\d{2}-\d{2}$/);
    }
  });
});

test.describe("offices without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("the list is grouped by region and there is no location button", async ({ page }) => {
    await page.goto("/az/offices");
    await expect(page.getByRole("button", { name: "Ən yaxını əvvəl göstər" })).toBeHidden();
    await expect(page.locator(".office-list__region h2").first()).toBeVisible();
    expect(await page.locator(".office-list__region").count()).toBeGreaterThan(5);
  });
});
