import { test, expect, waitForHydration, goOffline, goOnline, workerInControl, cached, type Page } from "./helpers";
import { spawn, type ChildProcess } from "node:child_process";
import { once } from "node:events";
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";

// The service worker (docs/adr/0005-offline.md): the other specs block it.
test.use({ serviceWorkers: "allow" });
// One viewport is enough: what is tested is the worker and its caches, not the layout.
test.skip(({ isMobile }) => !isMobile, "worker behaviour is the same on every viewport");

const heading = (page: Page) => page.getByRole("heading", { level: 1 });

/** Every cache's every address, to see what the worker keeps. */
async function cachedAddresses(page: Page): Promise<Record<string, string[]>> {
  return page.evaluate(async () => {
    const out: Record<string, string[]> = {};
    for (const name of await caches.keys()) {
      out[name] = (await (await caches.open(name)).keys()).map((r) => new URL(r.url).pathname + new URL(r.url).search);
    }
    return out;
  });
}

test("the site is installable: a manifest per language and an active worker", async ({ page, context }) => {
  await page.goto("/ar/");
  await waitForHydration(page);
  await workerInControl(page);
  const href = await page.locator('link[rel="manifest"]').getAttribute("href");
  expect(href).toBe("/ar/manifest.webmanifest");
  const manifest = await (await page.request.get(href!)).json();
  expect(manifest).toMatchObject({ start_url: "/ar/", dir: "rtl", lang: "ar", display: "standalone" });
  expect(manifest.icons.some((i: { purpose: string }) => i.purpose === "maskable")).toBe(true);
  // Chromium's own verdict: no reason the site could not be installed.
  const cdp = await context.newCDPSession(page);
  const { installabilityErrors } = await cdp.send("Page.getInstallabilityErrors");
  // A test browser's context is always incognito: the one reason that is the browser's, not the site's.
  expect(installabilityErrors.filter((e) => e.errorId !== "in-incognito")).toEqual([]);
  const worker = await page.request.get("/sw.js");
  expect(worker.headers()["service-worker-allowed"]).toBe("/");
  expect(worker.headers()["content-security-policy"]).toContain("default-src 'none'");
});

test("a saved guide and the guides it links open offline; the list shows it and removes it", async ({ page, context }) => {
  await page.goto("/en/journeys/first-90-days");
  await waitForHydration(page);
  await workerInControl(page);
  const title = (await heading(page).textContent())!.trim();
  await page.getByRole("button", { name: "Save for offline" }).click();
  await expect(page.getByText("Saved, available offline")).toBeVisible();
  await expect(page.getByRole("button", { name: "Remove from this device" })).toBeVisible();
  const linked = await page.locator('main a[href^="/en/procedures/"]').first().getAttribute("href");
  // Kept once: the linked guides (never read) are in the saved pages, not among the pages read.
  const kept = await cachedAddresses(page);
  expect(kept.saved).toContain(linked);
  expect(kept.pages ?? []).not.toContain(linked);

  await goOffline(context);
  await page.goto("/en/journeys/first-90-days");
  await expect(heading(page)).toHaveText(title);
  // Kept with the headers it came with: the page's policy still applies.
  await expect(page.getByText("Saved, available offline")).toBeVisible();
  await page.goto(linked!);
  await expect(page.locator(".guide h1")).toBeVisible();
  await page.goto("/en/saved");
  await expect(page.getByRole("link", { name: title })).toBeVisible();
  await page.getByRole("button", { name: "Remove from this device" }).click();
  await expect(page.getByRole("link", { name: title })).toHaveCount(0);
  await expect(page.getByText("You have not saved any pages yet.")).toBeVisible();
  await goOnline(context);
});

test("a page never saved shows the offline page in the reader's language", async ({ page, context }) => {
  await page.goto("/fa/");
  await waitForHydration(page);
  await workerInControl(page);
  await cached(page, "/fa/offline");
  await goOffline(context);
  await page.goto("/fa/news");
  await expect(page.locator("html")).toHaveAttribute("lang", "fa");
  await expect(page.locator("html")).toHaveAttribute("dir", "rtl");
  await expect(heading(page)).toHaveText("این صفحه به‌صورت آفلاین در دسترس نیست");
  await expect(page.locator('main a[href^="tel:"]')).toBeVisible();
  await expect(page.locator('main a[href="/fa/saved"]')).toBeVisible();
  await goOnline(context);
});

/** A day counted from today in Azerbaijan (UTC+4): [day, month, year]. */
function bakuDay(offset: number): [number, number, number] {
  const d = new Date(Date.now() + 4 * 3600_000 + offset * 86_400_000);
  return [d.getUTCDate(), d.getUTCMonth() + 1, d.getUTCFullYear()];
}
const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];
const compact = ([d, m, y]: [number, number, number]) => `${y}${String(m).padStart(2, "0")}${String(d).padStart(2, "0")}`;

test("the checker, opened once, walks offline to a result with its dates and calendar file", async ({ page, context }) => {
  await page.goto("/en/check/stay");
  await waitForHydration(page);
  await workerInControl(page);
  // The worker keeps the flow's offline page and the checker's wasm once the checker is opened.
  await page.reload();
  await cached(page, "/en/check/stay/offline");
  const checker: string[] = JSON.parse((await (await page.request.get("/sw.js")).text()).match(/const CHECKER = (\[.*\]);/)![1]);
  expect(checker.some((f) => f.includes("offline_checker"))).toBe(true);
  await cached(page, ...checker);

  await goOffline(context);
  await page.getByRole("button", { name: "Start now" }).click();
  await expect(heading(page)).toHaveText("What is your citizenship?");
  const box = page.getByRole("combobox", { name: "What is your citizenship?" });
  await box.pressSequentially("geor", { delay: 20 });
  await page.getByRole("option", { name: /^Georgia/ }).click();
  await page.getByRole("button", { name: "Continue" }).click();
  await expect(page).toHaveURL(/\/en\/check\/stay\/purpose\?citizenship=GE$/);
  await page.getByLabel("Tourism", { exact: true }).check();
  await page.getByRole("button", { name: "Continue" }).click();
  // A refused answer is shown as the server shows it: the summary, focused, the message by the
  // field, the typed value kept, "Error:" in the title.
  const days = page.getByLabel("How many days do you plan to stay in Azerbaijan?");
  await days.fill("0");
  await page.getByRole("button", { name: "Continue" }).click();
  const summary = page.getByRole("alert").filter({ hasText: "There is a problem" });
  await expect(summary).toContainText("Enter a number from 1 to 3650");
  await expect(summary).toBeFocused();
  await expect(page).toHaveTitle(/^Error: How many days/);
  await expect(days).toHaveValue("0");
  await expect(days).toHaveAccessibleDescription(/Error: Enter a number from 1 to 3650/);
  // Back keeps the earlier answer chosen.
  await page.locator("section:not([hidden])").getByRole("link", { name: "Back" }).click();
  await expect(page.getByLabel("Tourism", { exact: true })).toBeChecked();
  await page.getByRole("button", { name: "Continue" }).click();
  await expect(days).toHaveValue("");
  await days.fill("40");
  await page.getByRole("button", { name: "Continue" }).click();
  // Days later by the device's clock: the dates are checked against that day, not the day the
  // page was kept.
  await page.clock.setFixedTime(Date.now() + 3 * 86_400_000);
  await page.getByLabel("Day", { exact: true }).fill("1");
  await page.getByLabel("Month", { exact: true }).fill("1");
  await page.getByLabel("Year", { exact: true }).fill("2099");
  await page.getByRole("button", { name: "Continue" }).click();
  const [from, to] = [bakuDay(3 - 365), bakuDay(3 + 365)].map(([d, m, y]) => `${d} ${MONTHS[m - 1]} ${y}`);
  await expect(summary).toContainText(`Enter a date from ${from} to ${to}`);
  const [d, m, y] = bakuDay(-5);
  await page.getByLabel("Day", { exact: true }).fill(String(d));
  await page.getByLabel("Month", { exact: true }).fill(String(m));
  await page.getByLabel("Year", { exact: true }).fill(String(y));
  await page.getByRole("button", { name: "Continue" }).click();
  await expect(heading(page)).toHaveText("You do not need a visa, but you must register your place of stay");
  await expect(page.getByRole("region", { name: "We could not reach our server" })).toContainText("This result was worked out on your device");
  const due = bakuDay(10);
  await expect(page.locator("section:not([hidden]) time.check-result__date")).toHaveText(`${due[0]} ${MONTHS[due[1] - 1]} ${due[2]}`);
  await expect(page.locator("section:not([hidden]) time.check-result__date")).toHaveAttribute("datetime", `${due[2]}-${compact(due).slice(4, 6)}-${compact(due).slice(6)}`);
  // "Your answers", as online: each answer in words and a Change link that keeps them.
  const answers = page.locator("section:not([hidden]) [data-answers] .summary-list__row");
  await expect(answers.locator(".summary-list__value")).toHaveText(["Georgia", "Tourism", "40", `${d} ${MONTHS[m - 1]} ${y}`]);
  await answers.nth(2).getByRole("link", { name: /Change/ }).click();
  await expect(days).toHaveValue("40");
  await page.getByRole("button", { name: "Continue" }).click();
  // The questions after it, as online, are shown again with their answers in place.
  await expect(page.getByLabel("Day", { exact: true })).toHaveValue(String(d));
  await expect(page.getByLabel("Year", { exact: true })).toHaveValue(String(y));
  await page.getByRole("button", { name: "Continue" }).click();
  await expect(heading(page)).toHaveText("You do not need a visa, but you must register your place of stay");
  const download = page.waitForEvent("download");
  await page.locator("section:not([hidden])").getByRole("link", { name: /Add these dates to your calendar/ }).click();
  const ics = readFileSync(await (await download).path(), "utf8");
  expect(ics).toContain(`DTSTART;VALUE=DATE:${compact(due)}`);
  await goOnline(context);
});

test("the status lookup offline says it needs a connection; no status answer is ever kept", async ({ page, context }) => {
  await page.goto("/en/status");
  await waitForHydration(page);
  await workerInControl(page);
  await page.reload();
  await waitForHydration(page);
  // A real lookup online: its answer must not be kept.
  await page.getByLabel("Application number").fill("TR-2026-900001-I");
  await page.getByLabel("Day").fill("12");
  await page.getByLabel("Month").fill("4");
  await page.getByLabel("Year").fill("1990");
  await page.getByRole("button", { name: "Check status" }).click();
  await expect(page.locator(".status-result")).toBeVisible();
  await cached(page, "/en/status");

  await goOffline(context);
  await page.goto("/en/status");
  await expect(page.getByRole("heading", { name: "Checking a status needs a connection" })).toBeVisible();
  const kept = Object.values(await cachedAddresses(page)).flat();
  expect(kept.filter((a) => a.startsWith("/api/"))).toEqual([]);
  expect(kept.filter((a) => a.includes("status") && !a.startsWith("/pkg/"))).toEqual(["/en/status"]);
  await goOnline(context);
});

/** A copy of the release site whose wasm is another build's: another name, other bytes. */
function anotherBuild(): { dir: string; oldWasm: string; newWasm: string } {
  const dir = mkdtempSync(join(tmpdir(), "smsite-build-"));
  const target = process.env.CARGO_TARGET_DIR ?? resolve("../target");
  const site = join(dir, "site");
  cpSync(resolve("../target/site"), site, { recursive: true });
  const hashes = readFileSync(join(target, "release", "hash.txt"), "utf8");
  const oldHash = hashes.match(/wasm:\s*(\S+)/)![1];
  const newHash = "NewBuildNewBuildNewBui";
  const oldWasm = `/pkg/smsite.${oldHash}.wasm`;
  const newWasm = `/pkg/smsite.${newHash}.wasm`;
  // A custom section ("rebuild") appended: a valid module with other bytes.
  const bytes = readFileSync(join(site, oldWasm));
  const name = Buffer.from("rebuild");
  const section = Buffer.concat([Buffer.from([0, name.length + 1, name.length]), name]);
  writeFileSync(join(site, newWasm), Buffer.concat([bytes, section]));
  for (const suffix of ["", ".br", ".gz"]) rmSync(join(site, oldWasm + suffix), { force: true });
  const bin = join(dir, "bin");
  cpSync(join(target, "release", "smsite"), join(bin, "smsite"));
  writeFileSync(join(bin, "hash.txt"), hashes.replace(oldHash, newHash));
  return { dir, oldWasm, newWasm };
}

function serve(binary: string, siteRoot: string, port: number): ChildProcess {
  return spawn(binary, [], {
    env: {
      ...process.env,
      LEPTOS_SITE_ROOT: siteRoot,
      LEPTOS_SITE_ADDR: `127.0.0.1:${port}`,
      LEPTOS_ENV: "PROD",
      SMSITE_DATABASE: join(mkdtempSync(join(tmpdir(), "smsite-db-")), "status.sqlite3"),
    },
    // The server reads content/ from the project's folder.
    cwd: resolve(".."),
    stdio: "ignore",
  });
}

async function until(url: string) {
  for (let i = 0; i < 100; i++) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {}
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`${url} did not answer`);
}

/** The main wasm files this document loaded, and the one its HTML names. */
async function wasmOfPage(page: Page): Promise<{ named: string | null; loaded: string[] }> {
  return page.evaluate(() => ({
    named: document.querySelector("script[data-wasm]")?.getAttribute("data-wasm") ?? null,
    loaded: performance
      .getEntriesByType("resource")
      .map((e) => new URL(e.name).pathname)
      .filter((p) => /^\/pkg\/smsite\.[^/]*\.wasm$/.test(p)),
  }));
}

async function assetCaches(page: Page): Promise<string[]> {
  return page.evaluate(async () => (await caches.keys()).filter((n) => n.startsWith("assets-")));
}

test("a new build replaces the worker after 'reload', and no page runs another build's wasm", async ({ page, context }) => {
  test.setTimeout(90_000);
  const port = 3190 + test.info().parallelIndex;
  const origin = `http://127.0.0.1:${port}`;
  const target = process.env.CARGO_TARGET_DIR ?? resolve("../target");
  const build = anotherBuild();
  let server = serve(join(target, "release", "smsite"), resolve("../target/site"), port);
  try {
    await until(`${origin}/en/`);
    await page.goto(`${origin}/en/status`);
    await waitForHydration(page);
    await workerInControl(page);
    expect(await wasmOfPage(page)).toEqual({ named: build.oldWasm, loaded: [build.oldWasm] });
    const before = await assetCaches(page);
    // The live region is on the page, empty to the reader, before there is anything to announce.
    await expect(page.locator("#update-banner[role=status]")).toBeAttached();
    await expect(page.locator("#update-banner > .update-banner")).toBeHidden();
    expect(before).toHaveLength(1);

    server.kill();
    await once(server, "exit");
    server = serve(join(build.dir, "bin", "smsite"), join(build.dir, "site"), port);
    await until(`${origin}/en/`);
    expect(await (await fetch(`${origin}/sw.js`)).text()).toContain(build.newWasm);
    // The old worker still in charge: the page is fetched afresh and runs with its own build's wasm.
    await page.goto(`${origin}/en/status`);
    await waitForHydration(page);
    expect(await wasmOfPage(page)).toEqual({ named: build.newWasm, loaded: [build.newWasm] });
    // Announced: the text appears inside a live region that was already on the page.
    await expect(page.getByRole("status").filter({ hasText: "A new version of this site is available." })).toBeVisible({ timeout: 15_000 });
    // The new worker takes over, then the page loads again.
    const reloaded = page.waitForEvent("load");
    await page.getByRole("button", { name: "Reload" }).click();
    await reloaded;
    await waitForHydration(page);
    await expect(page.getByText("A new version of this site is available.")).toBeHidden();
    expect(await wasmOfPage(page)).toEqual({ named: build.newWasm, loaded: [build.newWasm] });
    // The new worker is in charge, with its own files only: once the kept pages are fetched
    // again, the old build's cache is gone.
    await expect.poll(() => assetCaches(page), { timeout: 15_000 }).toHaveLength(1);
    const after = await assetCaches(page);
    expect(after).not.toEqual(before);
    expect((await cachedAddresses(page))[after[0]]).not.toContain(build.oldWasm);
    // And offline, the kept page runs with the new build's files.
    await goOffline(context);
    await page.reload();
    await waitForHydration(page);
    expect(await wasmOfPage(page)).toEqual({ named: build.newWasm, loaded: [build.newWasm] });
    await goOnline(context);
  } finally {
    server.kill();
    rmSync(build.dir, { recursive: true, force: true });
  }
});
