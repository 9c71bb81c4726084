// What the service worker costs and keeps (docs/adr/0005-offline.md).
// 1. Each page opened in a fresh context (empty cache, emulated Pixel 7) twice: with the worker
//    blocked and allowed. With it allowed, the wait goes on until the worker controls the page
//    and has fetched what it prepares (the language's offline page). Bytes over the wire are
//    summed from every response the page and the worker received (Playwright sees the worker's
//    own fetches with PW_EXPERIMENTAL_SERVICE_WORKER_NETWORK_EVENTS).
// 2. A typical visit (home, a guide saved for offline, the checker's start, the status page):
//    what each cache then holds.
// Usage: node bench/offline.mjs BASE_URL name=/path ...  (bench/offline.sh passes these)
process.env.PW_EXPERIMENTAL_SERVICE_WORKER_NETWORK_EVENTS = "1";
const { chromium, devices } = await import("playwright-core");

const [base, ...specs] = process.argv.slice(2);
const pages = specs.map((s) => ({ name: s.slice(0, s.indexOf("=")), path: s.slice(s.indexOf("=") + 1) }));
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
  args: ["--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--no-sandbox"],
});

// Polls an async check in the page (waitForFunction does not wait for a promise).
async function until(page, check, arg) {
  for (let i = 0; i < 200; i++) {
    if (await page.evaluate(check, arg)) return;
    await page.waitForTimeout(100);
  }
  throw new Error("timed out waiting for the worker");
}

async function visit(path, worker) {
  const context = await browser.newContext({ ...devices["Pixel 7"], serviceWorkers: worker ? "allow" : "block" });
  const seen = [];
  context.on("requestfinished", (request) => seen.push(request));
  const page = await context.newPage();
  await page.goto(new URL(path, base).href, { waitUntil: "networkidle" });
  await page.waitForFunction(() => document.documentElement.hasAttribute("data-ready"));
  if (worker) {
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 20_000 });
    const lang = new URL(page.url()).pathname.slice(1, 3);
    await until(page, async (l) => !!(await caches.match(`/${l}/offline`)), lang);
  }
  await page.waitForLoadState("networkidle");
  let bytes = 0;
  const byWorker = [];
  for (const request of seen) {
    const sizes = await request.sizes().catch(() => null);
    if (!sizes) continue;
    const n = sizes.responseBodySize + sizes.responseHeadersSize;
    bytes += n;
    if (request.serviceWorker() || /\/sw\.js$|manifest\.webmanifest$|\/icons\//.test(request.url())) {
      byWorker.push(`${new URL(request.url()).pathname} ${n} B${request.serviceWorker() ? " (worker)" : ""}`);
    }
  }
  await context.close();
  return { bytes, byWorker };
}

console.log("first visit, bytes over the wire (page and worker), Pixel 7, empty cache");
console.log("page".padEnd(10), "no worker".padStart(10), "worker".padStart(10), "added".padStart(8));
let worst = 0;
for (const { name, path } of pages) {
  const without = await visit(path, false);
  const withWorker = await visit(path, true);
  const added = withWorker.bytes - without.bytes;
  worst = Math.max(worst, added);
  console.log(name.padEnd(10), String(without.bytes).padStart(10), String(withWorker.bytes).padStart(10), String(added).padStart(8));
  if (process.env.OFFLINE_VERBOSE) for (const line of withWorker.byWorker) console.log("   ", line);
}
console.log(`most added by the worker to a first visit: ${worst} B (target: at most 10,240)`);

// A typical visit, then each cache's contents.
const context = await browser.newContext({ ...devices["Pixel 7"], serviceWorkers: "allow" });
const page = await context.newPage();
const go = async (path) => {
  await page.goto(new URL(path, base).href, { waitUntil: "networkidle" });
  await page.waitForFunction(() => document.documentElement.hasAttribute("data-ready"));
};
await go("/en/");
await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 20_000 });
await go("/en/procedures/registration");
await page.getByRole("button", { name: "Save for offline" }).click();
await page.getByText("Saved, available offline").waitFor();
await go("/en/check/stay");
await until(page, async () => !!(await caches.match("/en/check/stay/offline")));
await go("/en/status");
await page.waitForLoadState("networkidle");
await page.waitForTimeout(1000);
const caches = await page.evaluate(async () => {
  const out = [];
  for (const name of await caches.keys()) {
    const cache = await caches.open(name);
    let bytes = 0;
    const paths = [];
    for (const request of await cache.keys()) {
      const response = await cache.match(request);
      bytes += (await response.arrayBuffer()).byteLength;
      paths.push(new URL(request.url).pathname);
    }
    out.push({ name, count: paths.length, bytes, paths });
  }
  return out;
});
console.log("\nafter a typical visit (home, a guide saved, the checker's start, status): the caches");
for (const c of caches) {
  console.log(`${c.name}: ${c.count} entries, ${c.bytes} B (uncompressed)`);
  console.log("   ", c.paths.map((p) => p.replace(/\.[A-Za-z0-9_-]{22}\./, ".*.")).join(" "));
}
await browser.close();
