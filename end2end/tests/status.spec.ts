import { test, expect, watchConsole, countNavigations, waitForHydration, type Page } from "./helpers";

// Demo applications loaded into the test server's fresh database (README lists them).
const ACTION = { number: "TR-2026-900001-I", dob: ["12", "4", "1990"] };
const APPROVED = { number: "EX-2026-900008-A", dob: ["15", "3", "1999"] };

async function fill(page: Page, number: string, [d, m, y]: string[]) {
  await page.getByLabel("Application number").fill(number);
  await page.getByLabel("Day").fill(d);
  await page.getByLabel("Month").fill(m);
  await page.getByLabel("Year").fill(y);
  await page.getByRole("button", { name: "Check status" }).click();
}

test.describe("status with JavaScript", () => {
  test("an application that needs action, then an approved one, without a reload", async ({ page }) => {
    const errors = watchConsole(page);
    await page.goto("/en/status");
    await waitForHydration(page);
    const loads = await countNavigations(page);
    const api = page.waitForResponse((r) => r.url().endsWith("/api/v1/applications/status"));
    await fill(page, ACTION.number, ACTION.dob);
    expect((await api).status()).toBe(200);
    await expect(page.locator(".panel")).toHaveAttribute("data-status", "action_needed");
    await expect(page.locator(".panel__title")).toHaveText("Action needed");
    await expect(page.locator(".warning-text")).toContainText("Send or bring what is asked for");
    await expect(page.locator(".list--bullet li")).toHaveText("A document that shows the address where you live");
    await expect(page.locator(".status-result__estimate")).toBeVisible();
    await expect(page.locator(".timeline__item")).toHaveCount(3);
    // Nothing personal in the address.
    expect(page.url()).toMatch(/\/en\/status$/);
    await page.getByRole("link", { name: "Check another application" }).click();
    await fill(page, APPROVED.number.toLowerCase().replaceAll("-", " "), APPROVED.dob);
    await expect(page.locator(".panel__title")).toHaveText("Approved");
    expect(loads()).toBe(0);
    expect(errors).toEqual([]);
  });

  test("a typo in the number is flagged as it is typed, before anything is sent", async ({ page }) => {
    await page.goto("/en/status");
    await waitForHydration(page);
    let sent = 0;
    page.on("request", (r) => { if (r.url().includes("/api/v1/applications/status")) sent++; });
    const number = page.getByLabel("Application number");
    await number.pressSequentially("TR-2026-900001-J", { delay: 10 });
    await expect(page.locator("#number-live")).toContainText("typing mistake");
    await page.getByRole("button", { name: "Check status" }).click();
    await expect(page.locator(".error-summary")).toContainText("This number has a typing mistake");
    await number.fill("TR-2026-900001-I");
    await expect(page.locator("#number-live")).toContainText("This number is written correctly.");
    expect(sent).toBe(0);
  });

  test("a wrong date of birth shows the not-found message", async ({ page }) => {
    await page.goto("/en/status");
    await waitForHydration(page);
    await fill(page, ACTION.number, ["13", "4", "1990"]);
    await expect(page.getByRole("heading", { name: "We could not find an application with these details" })).toBeVisible();
    await expect(page.getByLabel("Application number")).toHaveValue(ACTION.number);
  });
});

test.describe("status without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  for (const [app, status] of [[ACTION, "Action needed"], [APPROVED, "Approved"]] as const) {
    test(`the form posts and the page shows "${status}"`, async ({ page }) => {
      await page.goto("/en/status");
      await fill(page, app.number, [...app.dob]);
      await expect(page).toHaveURL(/\/en\/status$/);
      await expect(page.locator(".panel__title")).toHaveText(status);
    });
  }

  test("a wrong date of birth and a typo get their messages", async ({ page }) => {
    await page.goto("/ru/status");
    await page.getByLabel("Номер заявления").fill(ACTION.number);
    await page.getByLabel("День").fill("13");
    await page.getByLabel("Месяц").fill("4");
    await page.getByLabel("Год").fill("1990");
    await page.locator("form.status-form button[type=submit]").click();
    await expect(page.locator(".notification-banner:visible")).toBeVisible();
    await page.goto("/en/status");
    await fill(page, "TR-2026-900001-J", ACTION.dob);
    await expect(page.locator(".error-summary")).toContainText("This number has a typing mistake");
  });
});
