// The site's service worker (docs/adr/0005-offline.md). The server sends this text at /sw.js
// with the build's facts in front of it (src/server/worker.rs):
//   BUILD    the build's id (a hash of its file names): a new build is a new worker;
//   SHELL    the stylesheet, nav.js and icon of this build, which every page needs;
//   CHECKER  the wasm and glue the checker needs offline (its islands' split parts);
//   OTHERS   the build's other hashed files (the other islands' parts).
// What it keeps:
//   assets-BUILD  hashed files, cache-first, on first use (and SHELL at install). A file is
//                 found by its hashed name in any build's cache, so a page only ever gets the
//                 file its own HTML names; a new worker deletes the older builds' caches once
//                 every kept page has been fetched again (until then old copies still work).
//   pages         the last copy of each page read online (the newest 40), network first.
//   saved         pages the reader saved, and the guides they link, with an index (nav.js).
//   fallback      per language: the offline page (with the list of saved pages), and each
//                 checker flow's offline page, fetched once the reader has been on a page of it.
// Never kept: anything sent with POST (the status lookup, feedback), the API, checker steps
// (their address holds answers) and status pages other than the empty form.

const ASSETS = `assets-${BUILD}`;
const PAGES = "pages";
const SAVED = "saved";
const FALLBACK = "fallback";
const KEEP_PAGES = 40;
// Sent by nav.js's "Save for offline" with the pages it fetches.
const SAVING = "x-save-for-offline";
// Longer than this, a kept copy is shown and the network's answer, when it comes, is kept.
const TIMEOUT_MS = 4000;

self.addEventListener("install", (event) => {
  // The files the first page already loaded come from the browser's HTTP cache: no download.
  event.waitUntil(caches.open(ASSETS).then((c) => c.addAll(SHELL)));
});

// Activation is quick (requests wait for it); bringing the kept pages up to date is done after,
// with the first request this worker handles.
self.addEventListener("activate", (event) => event.waitUntil(self.clients.claim()));

let upgrading = null;

// Kept pages name the old build's files: fetch them again, with the checker's files when a
// checker is kept; only when all of that worked are the old builds' files deleted (offline, the
// old copies go on working with them).
async function upgrade() {
  const old = (await caches.keys()).filter((n) => n.startsWith("assets-") && n !== ASSETS);
  if (old.length === 0) return;
  const results = await Promise.all([refresh(PAGES), refresh(SAVED), refresh(FALLBACK)]);
  const fallback = await caches.open(FALLBACK);
  const checker = (await fallback.keys()).some((r) => checkerFlow(new URL(r.url)));
  const files = checker ? await fetchCheckerFiles() : true;
  if (!results.every(Boolean) || !files) return;
  // Files this build shares with the old one (same hashed name) move over, the rest go.
  const mine = new Set([...SHELL, ...CHECKER, ...OTHERS]);
  const own = await caches.open(ASSETS);
  for (const name of old) {
    const cache = await caches.open(name);
    for (const request of await cache.keys()) {
      if (mine.has(new URL(request.url).pathname) && !(await own.match(request, { ignoreVary: true }))) {
        await own.put(request, await cache.match(request, { ignoreVary: true }));
      }
    }
    await caches.delete(name);
  }
}

self.addEventListener("message", (event) => {
  // "Reload" on the new-version notice (nav.js).
  if (event.data === "activate") self.skipWaiting();
  // The page that registered the worker was loaded before it: prepare for its language too (not
  // yet for the checker: a first visit stays light; its next step, fetched here, does that).
  else if (typeof event.data?.prepare === "string") event.waitUntil(prepare(new URL(event.data.prepare), false));
});

self.addEventListener("fetch", (event) => {
  upgrading ??= upgrade().catch(() => {});
  event.waitUntil(upgrading);
  const request = event.request;
  if (request.method !== "GET") return;
  const url = new URL(request.url);
  if (url.origin !== location.origin) return;
  if (url.pathname.startsWith("/pkg/") || SHELL.includes(url.pathname)) {
    event.respondWith(asset(request));
  } else if (isPage(url)) {
    event.respondWith(page(event, request, url));
  }
});

function isPage(url) {
  return /^\/[a-z]{2}(\/[^.]*)?$/.test(url.pathname);
}

const lang = (url) => url.pathname.slice(1, 3);

// A checker step (`/xx/check/flow/…`): its flow's id, or null.
function checkerFlow(url) {
  const m = url.pathname.match(/^\/[a-z]{2}\/check\/([a-z0-9-]+)(\/.*)?$/);
  return m ? m[1] : null;
}

// Whether this page may be kept: no address with a query (a checker step's holds answers, a
// search's what was typed); of the status lookup only the empty form (answers are sent by POST,
// which is never kept). The offline pages are the fallback's.
function keepable(url) {
  if (url.search || url.pathname.endsWith("/offline")) return false;
  const flow = checkerFlow(url);
  return !flow || (!url.search && url.pathname.replace(/\/$/, "").endsWith(`/check/${flow}`));
}

async function asset(request) {
  const own = await caches.open(ASSETS);
  const mine = await own.match(request, { ignoreVary: true });
  if (mine) return mine;
  // Any build's cache: a hashed name is one file's. Kept in this build's cache too, so it stays
  // when the older one goes.
  const older = await caches.match(request, { ignoreVary: true });
  if (older) {
    await own.put(request, older.clone());
    return older;
  }
  const response = await fetch(request);
  if (response.ok) await own.put(request, response.clone());
  return response;
}

// The worker's own fetches: past the HTTP cache (a page may be kept there a minute, and a new
// build's page must be seen at once; a 304 costs little), and without the language cookie
// (fetching another language's offline page must not change the reader's language).
const FRESH = { cache: "no-cache", credentials: "omit" };

// The reader's request, past the HTTP cache. Browsers that cannot copy a navigation request with
// other settings send it as it is.
function fresh(request) {
  try {
    return fetch(new Request(request, { cache: "no-cache" }));
  } catch {
    return fetch(request);
  }
}

async function page(event, request, url) {
  // "Save for offline" keeps its own copies: not also among the pages read.
  const saving = request.headers.has(SAVING);
  const network = fresh(request).then((response) => {
    if (!saving && response.ok && response.type === "basic" && !response.redirected) {
      event.waitUntil(remember(url, response.clone()));
    }
    return response;
  });
  event.waitUntil(network.catch(() => {}));
  const timer = new Promise((resolve) => setTimeout(resolve, TIMEOUT_MS, "slow"));
  try {
    const first = await Promise.race([network, timer]);
    // A server error (a proxy's 502, say) is worse than the last good copy.
    if (first !== "slow") return first.status >= 500 ? ((await kept(url)) ?? first) : first;
    return (await kept(url)) ?? (await network);
  } catch {
    return (await kept(url)) ?? (await offline(url)) ?? Response.error();
  }
}

async function kept(url) {
  if (!keepable(url)) return null;
  for (const name of [SAVED, PAGES, FALLBACK]) {
    const cache = await caches.open(name);
    const response = await cache.match(url.href, { ignoreVary: true });
    if (response) return response;
  }
  return null;
}

// A page never saved: the checker's offline page for a checker step, else the offline page.
async function offline(url) {
  const cache = await caches.open(FALLBACK);
  const flow = checkerFlow(url);
  const paths = flow ? [`/${lang(url)}/check/${flow}/offline`] : [];
  paths.push(`/${lang(url)}/offline`, "/en/offline");
  for (const path of paths) {
    const response = await cache.match(path, { ignoreVary: true });
    // A new response (no address of its own): the page keeps the address that was asked for.
    // Marked, so that "Save for offline" never keeps it as the page asked for.
    if (response) {
      const headers = new Headers(response.headers);
      headers.set("x-offline-fallback", "1");
      return new Response(response.body, { status: 200, headers });
    }
  }
  return null;
}

async function remember(url, response) {
  if (keepable(url)) {
    const pages = await caches.open(PAGES);
    await pages.delete(url.href);
    await pages.put(url.href, response.clone());
    const keys = await pages.keys();
    for (const old of keys.slice(0, Math.max(0, keys.length - KEEP_PAGES))) await pages.delete(old);
    // A saved page is brought up to date whenever it is read online.
    const saved = await caches.open(SAVED);
    if (await saved.match(url.href)) await saved.put(url.href, response);
  }
  await prepare(url);
}

// After a page in a language (or a checker flow) was read online: what it needs offline.
async function prepare(url, checker = true) {
  if (url.origin !== location.origin || !isPage(url)) return;
  const cache = await caches.open(FALLBACK);
  const wanted = [`/${lang(url)}/offline`];
  const flow = checker ? checkerFlow(url) : null;
  if (flow) wanted.push(`/${lang(url)}/check/${flow}/offline`);
  for (const path of wanted) {
    // Fetched again after a day: the checker's page carries today's date and the rules.
    const old = await cache.match(path);
    if (old && Date.now() - Date.parse(old.headers.get("date") ?? "") < DAY_MS) continue;
    const response = await fetch(path, FRESH).catch(() => null);
    if (response?.ok) await cache.put(path, response);
  }
  if (flow) await fetchCheckerFiles();
}

const DAY_MS = 24 * 3600 * 1000;

// The checker's wasm and glue, into this build's cache. Whether all of them are there.
async function fetchCheckerFiles() {
  const assets = await caches.open(ASSETS);
  const done = await Promise.all(CHECKER.map(async (file) => {
    if (await assets.match(file, { ignoreVary: true })) return true;
    const response = await fetch(file).catch(() => null);
    if (response?.ok) await assets.put(file, response);
    return !!response?.ok;
  }));
  return done.every(Boolean);
}

// Fetches every page of a cache again, four at a time; a page that cannot be fetched keeps its
// copy. Whether all of them were.
async function refresh(name) {
  const cache = await caches.open(name);
  const pages = (await cache.keys()).filter((r) => isPage(new URL(r.url)));
  let all = true;
  for (let i = 0; i < pages.length; i += 4) {
    await Promise.all(pages.slice(i, i + 4).map(async (request) => {
      const response = await fetch(request.url, FRESH).catch(() => null);
      if (response?.ok && !response.redirected) await cache.put(request, response);
      else all = false;
    }));
  }
  return all;
}
