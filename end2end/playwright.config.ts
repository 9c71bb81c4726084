import { defineConfig, devices } from "@playwright/test";

// The server is started by scripts/test.sh (release build); BASE_URL says where.
const baseURL = process.env.BASE_URL ?? "http://127.0.0.1:3000";

// The offline tests cut the service worker's own fetches too (helpers.ts `goOffline`), which
// Playwright only sees with this set before the browser starts.
process.env.PW_EXPERIMENTAL_SERVICE_WORKER_NETWORK_EVENTS = "1";

export default defineConfig({
  testDir: "./tests",
  timeout: 30_000,
  expect: { timeout: 10_000 },
  fullyParallel: true,
  // Two cores: two browsers at a time is what the machine holds without flaking.
  workers: 2,
  // One retry in CI only: a slow machine must not decide a submission; a test failing twice does.
  retries: process.env.CI ? 1 : 0,
  reporter: [["list"]],
  use: {
    baseURL,
    trace: "off",
    // Only the offline tests run the service worker (offline.spec.ts allows it): the others test
    // the pages and islands as a first visit meets them, with no worker in between.
    serviceWorkers: "block",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      // Without the background flags Chromium keeps calling out to a network that is closed here.
      args: [
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-sandbox",
      ],
    },
  },
  projects: [
    { name: "mobile", use: { ...devices["Pixel 7"], browserName: "chromium", channel: undefined } },
    { name: "desktop", use: { viewport: { width: 1280, height: 900 }, browserName: "chromium" } },
  ],
});
