import { test, expect, LOCALES, waitForHydration, type Page } from "./helpers";

// Keyboard only: after page.goto, every step below is a key press (Tab, Shift+Tab, Enter, Space,
// arrows) or typing; the mouse is never used. Reads of the page (where focus is, how it looks) are
// checks, not actions.

/** What has focus, how it shows it, and where it sits in the page against the previous focus. */
interface Focus {
  desc: string;
  tag: string;
  id: string;
  name: string;
  /** Where focus went against the previous focus, in DOM order ("first" on a new page). */
  order: "first" | "after" | "before" | "same";
  /** A visible outline or a box shadow, as computed with focus on the element (or on the error
   *  summary it holds, for a block that takes focus on behalf of its summary). */
  indicator: string | null;
  /** The focus yellow fills the element's background. */
  filled: boolean;
  inViewport: boolean;
  inMain: boolean;
  programmatic: boolean;
}

const FOCUS_YELLOW = "rgb(255, 221, 0)";

async function focus(page: Page): Promise<Focus> {
  return page.evaluate((yellow) => {
    const w = window as any;
    const el = document.activeElement as HTMLElement;
    const prev: Element | null = w.__kbPrev?.isConnected ? w.__kbPrev : null;
    let order: "first" | "after" | "before" | "same" = "first";
    if (prev === el) order = "same";
    else if (prev) order = prev.compareDocumentPosition(el) & Node.DOCUMENT_POSITION_FOLLOWING ? "after" : "before";
    w.__kbPrev = el;
    const name = (el.getAttribute("aria-label") ?? ((el as HTMLInputElement).labels?.[0]?.textContent || el.textContent || ""))
      .replace(/\s+/g, " ")
      .trim();
    const transparent = (c: string) => c === "transparent" || /rgba\(.*,\s*0\)$/.test(c);
    const indicatorOf = (e: Element): string | null => {
      const cs = getComputedStyle(e);
      if (cs.outlineStyle !== "none" && parseFloat(cs.outlineWidth) > 0 && !transparent(cs.outlineColor))
        return `outline ${cs.outlineStyle} ${cs.outlineWidth} ${cs.outlineColor}`;
      if (cs.boxShadow !== "none") return `box-shadow ${cs.boxShadow}`;
      return null;
    };
    const summary = el.querySelector(":scope > .error-summary");
    const indicator = indicatorOf(el) ?? (summary ? indicatorOf(summary) : null);
    const r = el.getBoundingClientRect();
    const inViewport = r.width > 0 && r.height > 0 && r.bottom > 0 && r.right > 0 && r.top < innerHeight && r.left < innerWidth;
    const id = el.id ? `#${el.id}` : "";
    const cls = typeof el.className === "string" && el.className ? `.${el.className.trim().split(/\s+/).join(".")}` : "";
    return {
      desc: `${el.tagName.toLowerCase()}${id}${cls} "${name.slice(0, 50)}"`,
      tag: el.tagName.toLowerCase(),
      id: el.id,
      name,
      order,
      indicator,
      filled: getComputedStyle(el).backgroundColor === yellow,
      inViewport,
      inMain: !!el.closest("main"),
      programmatic: el.getAttribute("tabindex") === "-1",
    };
  }, FOCUS_YELLOW);
}

/** Forgets the previous focus: after a new page, or when the page itself moved focus on purpose. */
async function resetOrder(page: Page) {
  await page.evaluate(() => ((window as any).__kbPrev = document.activeElement));
}

/**
 * Presses Tab (or Shift+Tab) and checks the focus it lands on: in view, with a visible indicator,
 * and later in the page than the previous focus (earlier for Shift+Tab). The skip link is exempt
 * from the order check, since it comes first in the page. Past the last control focus leaves the
 * page (the body is active), which the caller handles.
 */
async function tab(page: Page, back = false): Promise<Focus> {
  await page.keyboard.press(back ? "Shift+Tab" : "Tab");
  const f = await focus(page);
  if (f.tag === "body") return f;
  expect(f.indicator, `focus on ${f.desc} is visible`).not.toBeNull();
  expect(f.inViewport, `${f.desc} scrolled into view`).toBe(true);
  if (f.order !== "first" && !f.desc.includes("skip-link"))
    expect(f.order, `focus order: ${f.desc} comes ${back ? "before" : "after"} the previous focus`).toBe(back ? "before" : "after");
  return f;
}

/**
 * Tabs forward until `wanted` holds for the focused element (`from`, the focus already reached,
 * counts too); fails after `max` presses. Focus may
 * leave the page once at its end and come back at its top (only after a defect put it past the
 * target: the caller has flagged that already).
 */
async function tabTo(page: Page, what: string, wanted: (f: Focus) => boolean, from?: Focus, max = 50): Promise<Focus> {
  if (from && wanted(from)) return from;
  const seen: string[] = [];
  let wrapped = false;
  for (let i = 0; i < max; i++) {
    const f = await tab(page);
    if (wanted(f)) return f;
    seen.push(f.desc);
    if (f.tag === "body") {
      if (wrapped) break;
      wrapped = true;
      await resetOrder(page);
    }
  }
  throw new Error(`Tab never reached ${what}; focus went through:\n${seen.join("\n")}`);
}

/**
 * After a client-side step to a new page, focus must start again from the top or from the new
 * content, as after a full page load: the first Tab reaches the skip link or the main content,
 * never the footer past it. Checked softly, so the walk goes on and reports every step.
 */
async function firstTabAfterPageChange(page: Page, step: string): Promise<Focus> {
  // Let the app finish the step (its effects run by the next frames) before the key press.
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  // A person never presses Tab within a frame of the page changing: give the app up to a second
  // to put the focus back (if it never does, the check below fails).
  await page
    .waitForFunction(() => document.activeElement !== null && document.activeElement !== document.body, null, { timeout: 1000 })
    .catch(() => undefined);
  await resetOrder(page);
  const before = await focus(page);
  const f = await tab(page);
  expect
    .soft(f.desc.includes("skip-link") || f.inMain, `${step}: focus was on ${before.desc}; the first Tab went to ${f.desc}`)
    .toBe(true);
  return f;
}

/**
 * A block that the page focuses itself (tabindex="-1": the main content, an error summary, a
 * result) is not a control: it must not turn into a slab of focus yellow. Controls keep the fill.
 */
function expectNoFocusFill(f: Focus, where: string) {
  if (!f.programmatic) return;
  expect.soft(f.filled, `${where}: the focused ${f.desc} takes the focus yellow as its background`).toBe(false);
}

const heading = (page: Page) => page.getByRole("heading", { level: 1 });

test.beforeEach(({}, testInfo) => {
  test.skip(testInfo.project.name !== "desktop", "keyboard walks run on the desktop project only");
});

// In every language: the skip link must be reachable and visible in right-to-left pages too.
for (const locale of LOCALES) test(`${locale}: the first Tab offers the skip link, and Enter moves focus to the main content`, async ({ page }) => {
  await page.goto(`/${locale}/`);
  await waitForHydration(page);
  const skip = await tab(page);
  expect(skip.desc).toContain("skip-link");
  const link = page.locator(".skip-link");
  await expect(link).toBeFocused();
  await expect(link).toBeVisible();
  await expect(link).toBeInViewport({ ratio: 1 });
  const target = await link.getAttribute("href");
  expect(target).toMatch(/^#./);
  await expect(page.locator("main")).toHaveAttribute("id", target!.slice(1));
  await page.keyboard.press("Enter");
  await expect.soft(page.locator(target!), `Enter on the skip link moves focus to ${target}`).toBeFocused({ timeout: 2000 });
  const main = await focus(page);
  expectNoFocusFill(main, "after the skip link");
  // The next Tab goes on from the main content, not from the top of the page.
  await resetOrder(page);
  const next = await tab(page);
  expect(next.inMain, `the Tab after the skip link reaches ${next.desc}`).toBe(true);
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("the skip link moves focus to the main content, which stays unfilled", async ({ page }) => {
    await page.goto("/en/");
    const skip = await tab(page);
    expect(skip.desc).toContain("skip-link");
    await expect(page.locator(".skip-link")).toBeInViewport({ ratio: 1 });
    await page.keyboard.press("Enter");
    const main = await focus(page);
    expect(main.id).toBe("main-content");
    expectNoFocusFill(main, "after the skip link");
    await resetOrder(page);
    const next = await tab(page);
    expect(next.inMain, `the Tab after the skip link reaches ${next.desc}`).toBe(true);
  });
});

test("the stay checker, start to result, by keyboard alone", async ({ page }) => {
  await page.goto("/en/check/stay");
  await waitForHydration(page);

  // Start.
  await tabTo(page, "the start button", (f) => f.name === "Start now");
  await page.keyboard.press("Enter");
  await expect(heading(page)).toHaveText("What is your citizenship?");

  // Citizenship: the combobox takes typing, an arrow to the match, Enter to pick, Enter to send.
  let f = await firstTabAfterPageChange(page, "Start now → citizenship");
  await tabTo(page, "the citizenship combobox", (x) => x.id === "citizenship", f);
  await page.keyboard.type("geor", { delay: 20 });
  await expect(page.getByRole("option", { name: /^Georgia/ })).toBeVisible();
  await page.keyboard.press("ArrowDown");
  await page.keyboard.press("Enter");
  await expect(page.getByRole("combobox")).toHaveValue("Georgia");
  await page.keyboard.press("Enter");
  await expect(heading(page)).toHaveText("What is the main reason for your stay?");
  await expect(page).toHaveURL(/\/en\/check\/stay\/purpose\?citizenship=GE$/);

  // Purpose: Tab into the radio group, Space picks, arrows move the choice.
  f = await firstTabAfterPageChange(page, "citizenship → purpose");
  const first = await tabTo(page, "the first purpose", (x) => x.id.startsWith("purpose-"), f);
  expect(first.id).toBe("purpose-tourism");
  await page.keyboard.press("Space");
  await expect(page.locator("#purpose-tourism")).toBeChecked();
  await page.keyboard.press("ArrowDown");
  await expect(page.locator("#purpose-business")).toBeChecked();
  expect((await focus(page)).indicator, "the radio the arrow moved to shows focus").not.toBeNull();
  await page.keyboard.press("ArrowUp");
  await expect(page.locator("#purpose-tourism")).toBeChecked();
  await resetOrder(page);
  // The group is one Tab stop: the next Tab is Continue, and Shift+Tab comes back to the choice.
  const cont = await tab(page);
  expect(cont.name).toBe("Continue");
  const back = await tab(page, true);
  expect(back.id).toBe("purpose-tourism");
  await tab(page);
  await page.keyboard.press("Enter");
  await expect(heading(page)).toHaveText("How many days do you plan to stay in Azerbaijan?");

  // Length: send it empty first. The error summary takes focus and is announced; its link takes
  // focus to the field.
  f = await firstTabAfterPageChange(page, "purpose → length");
  await tabTo(page, "the length field", (x) => x.id === "length", f);
  await page.keyboard.press("Enter");
  const summary = page.locator(".error-summary");
  await expect(summary).toContainText("Enter a number");
  await expect(summary).toBeFocused();
  await expect(summary).toHaveAttribute("role", "alert");
  await expect(page).toHaveTitle(/^Error: /);
  await followErrorLink(page, "the checker's error summary", (name) => expect(name).toBe("Enter a number"), "#length");
  // (Should it not, go on by Tab, so the rest of the walk is still checked.)
  if ((await focus(page)).id !== "length") await tabTo(page, "the length field", (x) => x.id === "length");
  await expect(page.locator("#length")).toHaveAttribute("aria-describedby", /length-error/);
  await expect(page.locator("#length")).toBeFocused();
  await page.keyboard.type("40");
  await page.keyboard.press("Enter");
  await expect(heading(page)).toHaveText("When did you arrive in Azerbaijan?");

  // Arrival: three fields, typed, Tab between them, Enter sends.
  f = await firstTabAfterPageChange(page, "length → arrival");
  const day = new Date(Date.now() + 4 * 3600_000 - 5 * 86_400_000);
  const dayField = await tabTo(page, "the day field", (x) => x.name === "Day", f);
  expect(dayField.tag).toBe("input");
  await page.keyboard.type(String(day.getUTCDate()));
  expect((await tab(page)).name).toBe("Month");
  await page.keyboard.type(String(day.getUTCMonth() + 1));
  expect((await tab(page)).name).toBe("Year");
  await page.keyboard.type(String(day.getUTCFullYear()));
  await page.keyboard.press("Enter");
  await expect(heading(page)).toHaveText("Check your answers");

  // Answers: the results button is a link; Enter follows it.
  f = await firstTabAfterPageChange(page, "arrival → answers");
  await tabTo(page, "See your results", (x) => x.name === "See your results", f);
  await page.keyboard.press("Enter");
  await expect(heading(page)).toHaveText("You do not need a visa, but you must register your place of stay");
  f = await firstTabAfterPageChange(page, "answers → result");
  // And the result's links are reachable too.
  await tabTo(page, "the registration guide link", (x) => x.name === "Register your place of stay", f);
});

// Demo applications loaded into the test server's fresh database (README lists them).
const APPROVED = { number: "EX-2026-900008-A", dob: ["15", "3", "1999"] };

/**
 * With the focus on an error summary (or the block holding it): the focus shows without a fill,
 * the next Tab reaches the error's link, and Enter on it moves the focus to its field.
 */
async function followErrorLink(page: Page, where: string, checkName: (name: string) => void, field: string) {
  const summaryFocus = await focus(page);
  expect(summaryFocus.indicator, "the focused error summary shows its focus").not.toBeNull();
  expectNoFocusFill(summaryFocus, where);
  await resetOrder(page);
  checkName((await tab(page)).name);
  await page.keyboard.press("Enter");
  await expect.soft(page.locator(field), "the error link moves focus to its field").toBeFocused({ timeout: 2000 });
}

async function typeStatus(page: Page, number: string, [d, m, y]: string[]) {
  await tabTo(page, "the application number", (f) => f.id === "number");
  await page.keyboard.type(number, { delay: 5 });
  expect((await tab(page)).name).toBe("Day");
  await page.keyboard.type(d);
  expect((await tab(page)).name).toBe("Month");
  await page.keyboard.type(m);
  expect((await tab(page)).name).toBe("Year");
  await page.keyboard.type(y);
  await page.keyboard.press("Enter");
}

test("status lookup by keyboard: the result takes focus", async ({ page }) => {
  await page.goto("/en/status");
  await waitForHydration(page);
  await typeStatus(page, APPROVED.number, APPROVED.dob);
  await expect(page.locator(".panel__title")).toHaveText("Approved");
  // Focus moves to the result, so a screen reader reads it next.
  await expect(page.locator(":focus")).toContainText("Approved");
  const result = await focus(page);
  expect(result.programmatic).toBe(true);
  expectNoFocusFill(result, "the status result");
  // The next Tab goes on from the result.
  await resetOrder(page);
  const next = await tab(page);
  expect(next.order).toBe("after");
  expect(next.name).toBe("Check another application");
});

test("status lookup by keyboard: a typo in the number is announced and linked to its field", async ({ page }) => {
  await page.goto("/en/status");
  await waitForHydration(page);
  await typeStatus(page, "TR-2026-900001-J", ["12", "4", "1990"]);
  const summary = page.locator(".error-summary");
  await expect(summary).toContainText("This number has a typing mistake");
  await expect(summary).toHaveAttribute("role", "alert");
  // Focus goes to the summary, or to the block that holds it.
  await expect(page.locator(".error-summary:focus, :focus:has(> .error-summary)")).toHaveCount(1);
  await followErrorLink(page, "the status error summary", (name) => expect(name).toContain("typing mistake"), "#number");
  const number = page.locator("#number");
  const describedBy = (await number.getAttribute("aria-describedby")) ?? "";
  const message = await page.evaluate(
    (ids) => ids.split(/\s+/).map((id) => document.getElementById(id)?.textContent ?? "").join(" "),
    describedBy,
  );
  expect(message, "the field's description includes its error").toContain("typing mistake");
});
