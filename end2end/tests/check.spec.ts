import { test, expect, watchConsole, countNavigations, waitForHydration, type Page } from "./helpers";
import { readFileSync } from "node:fs";

/** A day counted from today in Azerbaijan (UTC+4), as the server counts: [day, month, year]. */
function bakuDay(offset: number): [number, number, number] {
  const d = new Date(Date.now() + 4 * 3600_000 + offset * 86_400_000);
  return [d.getUTCDate(), d.getUTCMonth() + 1, d.getUTCFullYear()];
}

const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];
const long = ([d, m, y]: [number, number, number]) => `${d} ${MONTHS[m - 1]} ${y}`;
const iso = ([d, m, y]: [number, number, number]) => `${y}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
const compact = (day: [number, number, number]) => iso(day).replaceAll("-", "");

const ARRIVAL = bakuDay(-5);
const REGISTER_BY = bakuDay(-5 + 15);

const heading = (page: Page) => page.getByRole("heading", { level: 1 });

async function choose(page: Page, label: string) {
  await page.getByLabel(label, { exact: true }).check();
}

async function continueOn(page: Page) {
  await page.getByRole("button", { name: "Continue" }).click();
}

/** Exact labels: "Day" alone would also match the question before ("How many days…") while
 * the next page is still on its way. */
async function enterDate(page: Page, [d, m, y]: [number, number, number]) {
  await page.getByLabel("Day", { exact: true }).fill(String(d));
  await page.getByLabel("Month", { exact: true }).fill(String(m));
  await page.getByLabel("Year", { exact: true }).fill(String(y));
}

/** The country question, with the hydrated combobox: type, then pick from the list. */
async function pickCountry(page: Page, typed: string, name: string) {
  const box = page.getByRole("combobox", { name: "What is your citizenship?" });
  await box.fill("");
  await box.pressSequentially(typed, { delay: 20 });
  await page.getByRole("option", { name: new RegExp(`^${name}`) }).click();
  await expect(box).toHaveValue(name);
}

test.describe("checker with JavaScript", () => {
  test("walks to a visa-free result without a page load; the API gives the result", async ({ page }) => {
    const errors = watchConsole(page);
    await page.goto("/en/check");
    await waitForHydration(page);
    const loads = await countNavigations(page);
    await page.getByRole("link", { name: "What do I need to stay in Azerbaijan?" }).click();
    await page.getByRole("button", { name: "Start now" }).click();
    await expect(heading(page)).toHaveText("What is your citizenship?");
    await pickCountry(page, "geor", "Georgia");
    await continueOn(page);
    await expect(page).toHaveURL(/\/en\/check\/stay\/purpose\?citizenship=GE$/);
    await choose(page, "Tourism");
    await continueOn(page);
    await page.getByLabel("How many days do you plan to stay in Azerbaijan?").fill("40");
    await continueOn(page);
    await enterDate(page, ARRIVAL);
    await continueOn(page);
    await expect(heading(page)).toHaveText("Check your answers");
    await expect(page.locator(".summary-list")).toContainText("Georgia");
    await expect(page.locator(".summary-list")).toContainText(long(ARRIVAL));
    const api = page.waitForResponse((r) => r.url().endsWith("/api/v1/eligibility") && r.request().method() === "POST");
    await page.getByRole("button", { name: "See your results" }).click();
    expect((await api).status()).toBe(200);
    await expect(page.locator(".check-result")).toHaveAttribute("data-origin", "api");
    await expect(heading(page)).toHaveText("You do not need a visa, but you must register your place of stay");
    await expect(page.locator(".check-result__date")).toHaveText(long(REGISTER_BY));
    await expect(page.locator(".check-result")).toContainText("Registering your place of stay: free.");
    await expect(page.getByRole("link", { name: "Register your place of stay" })).toHaveAttribute("href", "/en/procedures/registration");
    expect(loads()).toBe(0);
    expect(errors).toEqual([]);
  });

  test("Back brings the previous answer back; Change steps through to the new result", async ({ page }) => {
    const errors = watchConsole(page);
    await page.goto("/en/check/stay/citizenship");
    await waitForHydration(page);
    const loads = await countNavigations(page);
    await pickCountry(page, "Germ", "Germany");
    await continueOn(page);
    await choose(page, "Business trip");
    await continueOn(page);
    // Each step is a page from the server: Back is clicked on the next page, once it is there.
    await expect(heading(page)).toHaveText("How many days do you plan to stay in Azerbaijan?");
    await page.getByRole("link", { name: "Back" }).click();
    await expect(heading(page)).toHaveText("What is the main reason for your stay?");
    await expect(page.getByLabel("Business trip")).toBeChecked();
    await page.getByRole("link", { name: "Back" }).click();
    await expect(page.getByRole("combobox")).toHaveValue("Germany");
    // Continue steps through the answered questions, each showing its answer.
    await continueOn(page);
    await expect(page.getByLabel("Business trip")).toBeChecked();
    await continueOn(page);
    await page.getByLabel("How many days do you plan to stay in Azerbaijan?").fill("10");
    await continueOn(page);
    await enterDate(page, ARRIVAL);
    await continueOn(page);
    await page.getByRole("button", { name: "See your results" }).click();
    await expect(heading(page)).toHaveText("Get an ASAN Visa (e-visa) before you travel");
    // Change the reason to work: a different result.
    await page.getByRole("link", { name: "Change What is the main reason for your stay?" }).click();
    await expect(page.getByLabel("Business trip")).toBeChecked();
    await choose(page, "Work");
    await continueOn(page);
    await expect(page.getByLabel("How many days do you plan to stay in Azerbaijan?")).toHaveValue("10");
    await continueOn(page);
    await expect(page.getByLabel("Day", { exact: true })).toHaveValue(String(ARRIVAL[0]));
    await continueOn(page);
    await expect(page.locator(".summary-list")).toContainText("Work");
    await page.getByRole("button", { name: "See your results" }).click();
    await expect(heading(page)).toHaveText("Your employer must get a work permit for you");
    await expect(page.locator(".check-result")).toContainText("Work permit — 1 year");
    expect(loads()).toBe(0);
    expect(errors).toEqual([]);
  });

  test("a wrong answer is refused on its question, with the error announced", async ({ page }) => {
    const errors = watchConsole(page);
    await page.goto("/en/check/stay/arrival?citizenship=IN&length=100&purpose=study");
    await waitForHydration(page);
    const loads = await countNavigations(page);
    await enterDate(page, [31, 2, ARRIVAL[2]]);
    await continueOn(page);
    const summary = page.getByRole("alert");
    await expect(summary).toContainText("Enter a real date");
    await expect(summary).toBeFocused();
    await expect(page).toHaveTitle(/^Error: When did you arrive/);
    await expect(page.getByLabel("Day", { exact: true })).toHaveValue("31");
    await enterDate(page, [1, 1, 1990]);
    await continueOn(page);
    await expect(summary).toContainText("Enter a date from");
    // A country typed but not picked from the list.
    await page.goto("/en/check/stay/citizenship");
    await waitForHydration(page);
    await page.getByRole("combobox").fill("Atlantis");
    await continueOn(page);
    await expect(page.getByRole("alert")).toContainText("Select a country from the list");
    expect(loads()).toBe(1);
    expect(errors).toEqual([]);
  });

  test("without the API the browser's result shows, with a notice", async ({ page }) => {
    await page.goto("/en/check/registration/answers?arrival=" + iso(ARRIVAL) + "&citizenship=DE");
    await waitForHydration(page);
    await page.route("**/api/v1/eligibility", (route) => route.abort("internetdisconnected"));
    await page.getByRole("button", { name: "See your results" }).click();
    await expect(page.locator(".check-result")).toHaveAttribute("data-origin", "device");
    await expect(page.getByRole("heading", { name: "We could not reach our server" })).toBeVisible();
    await expect(heading(page)).toHaveText("Register your place of stay within 15 days of arrival");
    await expect(page.locator(".check-result__date")).toHaveText(long(bakuDay(-5 + 15)));
  });

  test("a shared address opens on the same step", async ({ page, context }) => {
    await page.goto("/en/check/stay/citizenship");
    await waitForHydration(page);
    // Keyboard only: type, arrow to the match, Enter picks it, Enter again sends the form.
    const box = page.getByRole("combobox", { name: "What is your citizenship?" });
    await box.pressSequentially("kazak", { delay: 20 });
    await expect(page.getByRole("status").filter({ hasText: "Countries found: 1" })).toBeAttached();
    await box.press("ArrowDown");
    await expect(box).toHaveAttribute("aria-activedescendant", "citizenship-option-0");
    await box.press("Enter");
    await expect(box).toHaveValue("Kazakhstan");
    await expect(page.getByRole("listbox")).toBeHidden();
    await box.press("Enter");
    await choose(page, "Study");
    await continueOn(page);
    await expect(page).toHaveURL(/\/en\/check\/stay\/length\?citizenship=KZ&purpose=study$/);
    const shared = page.url();
    const other = await context.newPage();
    await other.goto(shared);
    await expect(heading(other)).toHaveText("How many days do you plan to stay in Azerbaijan?");
    await other.getByRole("link", { name: "Back" }).click();
    await expect(other.getByLabel("Study")).toBeChecked();
  });

  test("the deadlines download as a calendar file with the right dates", async ({ page }) => {
    await page.goto(`/en/check/stay/result?arrival=${iso(ARRIVAL)}&citizenship=GE&length=40&purpose=tourism`);
    await waitForHydration(page);
    const download = page.waitForEvent("download");
    await page.getByRole("link", { name: /Add these dates to your calendar/ }).click();
    const file = await (await download).path();
    const ics = readFileSync(file, "utf8");
    expect(ics).toContain("BEGIN:VCALENDAR");
    expect(ics).toContain(`DTSTART;VALUE=DATE:${compact(REGISTER_BY)}`);
    expect(ics).toContain(`DTEND;VALUE=DATE:${compact(bakuDay(-5 + 16))}`);
    expect(ics).toContain("SUMMARY:Last day to register your place of stay in Azerbaijan");
  });

  test("the result prints without navigation or buttons", async ({ page }) => {
    await page.goto(`/en/check/stay/result?arrival=${iso(ARRIVAL)}&citizenship=GE&length=40&purpose=tourism`);
    await waitForHydration(page);
    await expect(page.getByRole("button", { name: "Print this page" })).toBeVisible();
    await page.emulateMedia({ media: "print" });
    await expect(page.locator(".site-nav")).toBeHidden();
    await expect(page.locator(".check-result__actions")).toBeHidden();
    await expect(page.locator(".back-link")).toBeHidden();
    await expect(heading(page)).toBeVisible();
    await expect(page.locator(".check-result__date")).toBeVisible();
  });
});

test.describe("checker without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  for (const [country, purpose, days, title] of [
    ["Georgia", "Tourism", "10", "You do not need a visa or registration"],
    ["India", "Living with family", "200", "You may be able to get a temporary residence permit through your family"],
    ["Iran", "Asking for protection (refugee status)", "", "Apply for refugee status"],
  ]) {
    test(`plain forms lead to "${title}"`, async ({ page }) => {
      await page.goto("/en/check/stay");
      await page.getByRole("button", { name: "Start now" }).click();
      await page.getByLabel("What is your citizenship?").selectOption({ label: country });
      await continueOn(page);
      await choose(page, purpose);
      await continueOn(page);
      if (days) {
        await page.getByLabel("How many days do you plan to stay in Azerbaijan?").fill(days);
        await continueOn(page);
        await enterDate(page, ARRIVAL);
        await continueOn(page);
      }
      await expect(heading(page)).toHaveText("Check your answers");
      await expect(page.locator(".summary-list")).toContainText(country);
      await page.getByRole("button", { name: "See your results" }).click();
      await expect(heading(page)).toHaveText(title);
      await expect(page.getByRole("button", { name: "Print this page" })).toHaveCount(0);
    });
  }

  test("errors, Back and Change work with plain links and forms", async ({ page }) => {
    await page.goto("/en/check/stay/citizenship");
    await continueOn(page);
    await expect(page.locator(".error-summary")).toContainText("Select a country from the list");
    await page.getByLabel("What is your citizenship?").selectOption({ label: "Germany" });
    await continueOn(page);
    await continueOn(page);
    await expect(page.locator(".error-summary")).toContainText("Select an answer");
    await expect(page).toHaveURL(/\/en\/check\/stay\/purpose\?citizenship=DE&purpose=$/);
    await page.getByRole("link", { name: "Back" }).click();
    await expect(page.getByLabel("What is your citizenship?")).toHaveValue("DE");
    await continueOn(page);
    await choose(page, "Work");
    await continueOn(page);
    await page.getByLabel("How many days do you plan to stay in Azerbaijan?").fill("0");
    await continueOn(page);
    await expect(page.locator(".error-summary")).toContainText("Enter a number from 1 to 3650");
    await page.getByLabel("How many days do you plan to stay in Azerbaijan?").fill("30");
    await continueOn(page);
    await enterDate(page, ARRIVAL);
    await continueOn(page);
    await page.getByRole("link", { name: "Change What is your citizenship?" }).click();
    await expect(page.getByLabel("What is your citizenship?")).toHaveValue("DE");
  });

  test("a question the answers do not reach redirects to the right one", async ({ page }) => {
    await page.goto("/en/check/stay/arrival?citizenship=DE");
    await expect(page).toHaveURL(/\/en\/check\/stay\/purpose\?citizenship=DE$/);
    await page.goto("/en/check/stay/result?citizenship=DE&purpose=asylum&length=zzz");
    await expect(heading(page)).toHaveText("Apply for refugee status");
  });
});
