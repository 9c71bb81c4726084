// First visit weight: each page opened in a fresh browser context (empty cache, no cookies) on an
// emulated Pixel 7, waited on until the network is idle and the app has hydrated, then the bytes
// that came over the wire summed from the Resource Timing API.
// Usage: node bench/first_visit.mjs BASE_URL name=/path ...  (bench/first_visit.sh passes these)
import { chromium, devices } from "playwright-core";

const [base, ...specs] = process.argv.slice(2);
if (!base || specs.length === 0) {
  console.error("usage: node bench/first_visit.mjs BASE_URL name=/path ...");
  process.exit(2);
}
const pages = specs.map((spec) => {
  const at = spec.indexOf("=");
  return { name: spec.slice(0, at), path: spec.slice(at + 1) };
});

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
  // As in end2end/: without the background flags Chromium calls out to a network that is closed here.
  args: [
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-sandbox",
  ],
});

// What a resource is, for the breakdown: by the file's extension, else by who asked for it.
function kind(entry) {
  if (entry.entryType === "navigation") return "html";
  const path = new URL(entry.name).pathname;
  if (path.endsWith(".wasm")) return "wasm";
  if (path.endsWith(".js")) return "js";
  if (path.endsWith(".css")) return "css";
  if (entry.initiatorType === "img" || /\.(svg|png|jpe?g|webp|avif|ico)$/.test(path)) return "img";
  if (/\.(woff2?|ttf|otf)$/.test(path)) return "font";
  return "other";
}

const results = [];
let failed = false;
let navigation = null;
for (const { name, path } of pages) {
  const context = await browser.newContext({ ...devices["Pixel 7"] });
  const page = await context.newPage();
  const errors = [];
  page.on("pageerror", (err) => errors.push(err.message));
  const url = new URL(path, base).href;
  const response = await page.goto(url, { waitUntil: "networkidle", timeout: 60_000 });
  // The hydrated app reveals the menu button (see end2end/tests/helpers.ts); then whatever the
  // app fetches once hydrated must have arrived too.
  let hydrated = true;
  try {
    await page.waitForFunction(
      () => {
        // nav.js reveals the menu button, and marks <html data-ready> once the islands are live.
        const button = document.querySelector(".site-header__menu-button");
        return button !== null && !button.hasAttribute("hidden") && document.documentElement.hasAttribute("data-ready");
      },
      null,
      { timeout: 30_000 },
    );
    await page.waitForLoadState("networkidle");
  } catch {
    hydrated = false;
    failed = true;
  }
  const entries = await page.evaluate(() =>
    [...performance.getEntriesByType("navigation"), ...performance.getEntriesByType("resource")].map((e) => ({
      name: e.name,
      entryType: e.entryType,
      initiatorType: e.initiatorType,
      transferSize: e.transferSize,
      encodedBodySize: e.encodedBodySize,
      decodedBodySize: e.decodedBodySize,
    })),
  );
  const sum = (key, list = entries) => list.reduce((total, e) => total + (e[key] || 0), 0);
  const byKind = {};
  for (const e of entries) byKind[kind(e)] = (byKind[kind(e)] ?? 0) + e.transferSize;
  results.push({
    name,
    url: page.url(),
    status: response?.status() ?? 0,
    hydrated,
    errors,
    requests: entries.length,
    transfer: sum("transferSize"),
    encoded: sum("encodedBodySize"),
    decoded: sum("decodedBodySize"),
    byKind,
    entries,
  });
  if (!response?.ok()) failed = true;
  // From the guide, a client-side move to another guide: what it costs on the wire.
  if (name === "guide" && hydrated) {
    const before = entries.length;
    await page.evaluate(() => window.smsiteNavigate("/en/procedures/registration"));
    await page.waitForLoadState("networkidle");
    const after = await page.evaluate(() =>
      performance.getEntriesByType("resource").map((e) => ({ name: e.name, transferSize: e.transferSize })),
    );
    const added = after.slice(before - 1);
    navigation = { url: page.url(), requests: added.length, transfer: added.reduce((t, e) => t + e.transferSize, 0), added };
  }
  await context.close();
}
await browser.close();

const kb = (bytes) => (bytes / 1000).toFixed(1);
const kinds = ["html", "css", "js", "wasm", "img", "font", "other"].filter((k) =>
  results.some((r) => r.byKind[k]),
);
console.log(`first visit on an emulated Pixel 7, empty cache, at ${base} (KB = 1000 bytes)`);
console.log("transferred = Resource Timing transferSize (headers + body as sent, compressed);");
console.log("encoded = encodedBodySize (body as sent); decoded = decodedBodySize (body unpacked)\n");
const header = ["page", "requests", "transferred KB", "encoded KB", "decoded KB", ...kinds.map((k) => `${k} KB`), "hydrated"];
const rows = results.map((r) => [
  r.name,
  String(r.requests),
  kb(r.transfer),
  kb(r.encoded),
  kb(r.decoded),
  ...kinds.map((k) => kb(r.byKind[k] ?? 0)),
  r.hydrated ? "yes" : "NO",
]);
const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i].length)));
const line = (cells) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join("  ");
console.log(line(header));
for (const row of rows) console.log(line(row));
console.log("");
for (const r of results) console.log(`${r.name.padEnd(8)} ${r.url}  (HTTP ${r.status})`);
for (const r of results) for (const e of r.errors) console.log(`${r.name}: page error: ${e}`);
if (process.env.FIRST_VISIT_VERBOSE) {
  for (const r of results) {
    console.log(`\n${r.name}:`);
    for (const e of r.entries) console.log(`  ${String(e.transferSize).padStart(8)}  ${e.name}`);
  }
}

if (navigation) {
  console.log(
    `\nguide → guide, client-side: ${navigation.requests} requests, ${kb(navigation.transfer)} KB transferred ` +
      `(${navigation.url}); target 15 KB`,
  );
  if (process.env.FIRST_VISIT_VERBOSE) for (const e of navigation.added) console.log(`  ${String(e.transferSize).padStart(8)}  ${e.name}`);
}

const guide = results.find((r) => r.name === "guide");
if (guide) {
  const target = 100_000;
  const verdict = guide.transfer <= target ? "within" : "OVER";
  console.log(
    `\nguide first visit: ${kb(guide.transfer)} KB transferred (${guide.transfer} bytes) ` +
      `against the 100 KB target: ${verdict} (${((guide.transfer / target) * 100).toFixed(0)}% of it)`,
  );
}
process.exit(failed ? 1 : 0);
