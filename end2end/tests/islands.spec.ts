import { test, expect, watchConsole, countNavigations, waitForHydration, type Page } from "./helpers";

/** Every response's size on the wire (the response's `Content-Length`, else its body), by URL. */
function recordTransfers(page: Page): { url: string; bytes: number }[] {
  const seen: { url: string; bytes: number }[] = [];
  page.on("response", async (r) => {
    const length = Number(r.headers()["content-length"] ?? NaN);
    const bytes = Number.isFinite(length) ? length : (await r.body().catch(() => Buffer.alloc(0))).length;
    seen.push({ url: r.url(), bytes });
  });
  return seen;
}

test.describe("islands", () => {
  test("a guide loads no wasm: no checker or status code rides on a content page", async ({ page }) => {
    const seen = recordTransfers(page);
    await page.goto("/en/procedures/registration");
    await waitForHydration(page);
    await page.waitForLoadState("networkidle");
    expect(seen.filter((r) => r.url.endsWith(".wasm") || /\/pkg\/smsite\./.test(r.url) && r.url.endsWith(".js"))).toEqual([]);
    const total = seen.reduce((sum, r) => sum + r.bytes, 0);
    expect(total, seen.map((r) => `${r.bytes} ${r.url}`).join("\n")).toBeLessThan(100_000);
  });

  test("the checker walks to three outcomes with no full page load after the first", async ({ page }) => {
    const errors = watchConsole(page);
    await page.goto("/en/check/stay");
    await waitForHydration(page);
    const loads = await countNavigations(page);
    await page.evaluate(() => ((window as any).__sameDocument = true));
    // The question island works out each next step in the browser: the form's own address
    // (which the server answers with a redirect) is never asked for.
    const viaServer: string[] = [];
    page.on("request", (r) => {
      if (new URL(r.url()).searchParams.has("answered")) viaServer.push(r.url());
    });
    // Each step is the next page from the server: wait for its address before the next answer.
    const step = async (name: string) => {
      const before = page.url();
      await page.getByRole("button", { name }).click();
      await expect(page).not.toHaveURL(before);
    };
    // Yesterday in Azerbaijan (UTC+4): a date the flow accepts as an arrival.
    const y = new Date(Date.now() + 4 * 3600_000 - 86_400_000);
    const arrival = [y.getUTCDate(), y.getUTCMonth() + 1, y.getUTCFullYear()].map(String);
    const outcomes: string[] = [];
    for (const [country, purpose, days] of [["Georgia", "Tourism", "40"], ["Germany", "Work", "40"], ["China", "Study", "200"]]) {
      await page.getByRole("button", { name: "Start now" }).click();
      await expect(page.getByRole("heading", { level: 1 })).toHaveText("What is your citizenship?");
      const box = page.getByRole("combobox", { name: "What is your citizenship?" });
      await box.pressSequentially(country.slice(0, 4), { delay: 20 });
      await page.getByRole("option", { name: new RegExp(`^${country}`) }).click();
      await step("Continue");
      await page.getByLabel(purpose, { exact: true }).check();
      await step("Continue");
      await page.getByLabel("How many days do you plan to stay in Azerbaijan?").fill(days);
      await step("Continue");
      await page.getByLabel("Day", { exact: true }).fill(arrival[0]);
      await page.getByLabel("Month", { exact: true }).fill(arrival[1]);
      await page.getByLabel("Year", { exact: true }).fill(arrival[2]);
      await step("Continue");
      await expect(page.getByRole("heading", { level: 1 })).toHaveText("Check your answers");
      await step("See your results");
      await expect(page.locator(".check-result")).toHaveAttribute("data-origin", "api");
      outcomes.push((await page.locator(".panel__title").textContent()) ?? "");
      await page.getByRole("link", { name: "Start again" }).click();
      await expect(page.getByRole("button", { name: "Start now" })).toBeVisible();
    }
    expect(new Set(outcomes).size, outcomes.join(" | ")).toBe(3);
    expect(viaServer).toEqual([]);
    expect(loads()).toBe(0);
    expect(await page.evaluate(() => (window as any).__sameDocument)).toBe(true);
    expect(errors).toEqual([]);
  });

  test("memory stays flat over 200 client-side navigations", async ({ page }) => {
    test.setTimeout(180_000);
    const errors = watchConsole(page);
    const pages = ["/en/procedures/registration", "/en/status", "/en/procedures/temporary-residence", "/en/check/stay/citizenship"];
    await page.goto(pages[0]);
    await waitForHydration(page);
    const cdp = await page.context().newCDPSession(page);
    await cdp.send("Performance.enable");
    const measure = async () => {
      await cdp.send("HeapProfiler.collectGarbage");
      const { metrics } = await cdp.send("Performance.getMetrics");
      const m = Object.fromEntries(metrics.map((x: { name: string; value: number }) => [x.name, x.value]));
      return { heap: m.JSHeapUsedSize as number, nodes: m.Nodes as number, listeners: m.JSEventListeners as number };
    };
    const go = async (i: number) => {
      const path = pages[i % pages.length];
      // A full load may happen when nav.js frees the islands it had to leave behind.
      await page.evaluate((p) => (window as any).smsiteNavigate(p), path).catch(() => {});
      await page.waitForURL((u) => u.pathname === path);
      await waitForHydration(page);
    };
    // Islands left behind by a navigation are freed by the full load nav.js makes after a number
    // of them: memory rises and falls back. Flat means the second hundred never climbs above the
    // first hundred's highest.
    const first: Awaited<ReturnType<typeof measure>>[] = [];
    const second: Awaited<ReturnType<typeof measure>>[] = [];
    for (let i = 1; i <= 200; i++) {
      await go(i);
      if (i % 10 === 0) (i <= 100 ? first : second).push(await measure());
    }
    const most = (xs: typeof first, k: "heap" | "nodes" | "listeners") => Math.max(...xs.map((x) => x[k]));
    const text = JSON.stringify({ first, second });
    expect(most(second, "heap"), text).toBeLessThan(most(first, "heap") * 1.2);
    expect(most(second, "nodes"), text).toBeLessThan(most(first, "nodes") * 1.2);
    expect(most(second, "listeners"), text).toBeLessThan(most(first, "listeners") * 1.2 + 20);
    expect(errors).toEqual([]);
  });

  test("the back button brings the previous page back, with focus on its content", async ({ page }) => {
    await page.goto("/en/procedures");
    await waitForHydration(page);
    const loads = await countNavigations(page);
    await page.locator(".link-list").getByRole("link", { name: "Register your place of stay" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Register your place of stay");
    await expect(page.locator("#main-content")).toBeFocused();
    await page.goBack();
    await expect(page).toHaveURL(/\/en\/procedures$/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Procedures");
    await page.goForward();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Register your place of stay");
    expect(loads()).toBe(0);
  });
});
