// The site's one script (docs/adr/0001-islands.md). Pages are rendered on the server; this file
// 1. moves between them without a full page load: it fetches the next page's HTML and puts its
//    <body>, title and page-specific <head> entries in place of the old ones;
// 2. loads the wasm only on pages with an island (<leptos-island>) and hydrates each island (the
//    checker's question form only when it is first sent);
// 3. does the few things that need a script but no wasm: the menu button, "show all steps",
//    the print button and search as you type;
// 4. registers the service worker once the page is idle, and keeps pages for offline use
//    ("Save for offline", the list of saved pages, the new-version notice: docs/adr/0005).
// Everything works without it: links, GET and POST forms, and <details> are plain HTML.

const me = document.querySelector("script[data-wasm]");
const JS = me.dataset.js;
const WASM = me.dataset.wasm;
const SELF = me.getAttribute("src");
const root = document.documentElement;

// Islands replaced by a navigation are never freed by Leptos 0.8; after this many, the next
// page change is a full load, which frees them all (the memory stays bounded).
const ISLAND_BUDGET = 20;
let islandsLeft = 0;

// Leptos's hydration reads these globals; the server sends no hydration data (islands take
// their props from attributes), so they are empty.
for (const name of ["__RESOLVED_RESOURCES", "__SERIALIZED_ERRORS", "__INCOMPLETE_CHUNKS", "__PENDING_RESOURCES", "__RESOURCE_RESOLVERS"]) {
  window[name] ??= [];
}

let wasm = null;
function loadWasm() {
  wasm ??= import(JS).then(async (mod) => {
    await mod.default({ module_or_path: WASM });
    mod.hydrate();
    return mod;
  });
  return wasm;
}

// An island whose root element says `data-hydrate="submit"` (the checker's question form) is
// hydrated when its form is first sent, not when the page loads: until then the form works as a
// plain GET form (below), and a first visit does not download its code.
function deferred(island) {
  return island.firstElementChild?.dataset.hydrate === "submit";
}

async function hydrateIsland(mod, el, owner) {
  el.$$hydrated = true;
  const hydrate = mod[el.dataset.component];
  if (!hydrate) {
    console.warn(`no island ${el.dataset.component} in this build`);
    return;
  }
  owner?.();
  const r = hydrate(el);
  if (r && r.then) await r;
}

function hydrateOnSubmit(island) {
  if (island.$$waiting) return;
  island.$$waiting = true;
  const form = island.firstElementChild;
  form.addEventListener("submit", async (e) => {
    if (island.$$hydrated) return;
    e.preventDefault();
    const submitter = e.submitter;
    try {
      await hydrateIsland(await loadWasm(), island);
    } catch {
      // Without the wasm: a GET form is followed as a link; a POST form (feedback) is sent as
      // the plain form it is, so nothing typed ends up in an address.
      if (form.method === "post") {
        island.$$hydrated = true;
        form.requestSubmit(submitter);
      } else {
        go(formUrl(form, submitter));
      }
      return;
    }
    // Sent again, now to the island; after this event is done, as a form ignores a submit
    // requested while it is still firing one.
    setTimeout(() => form.requestSubmit(submitter));
  });
}

// The same walk as Leptos's island_script.js: an island inside another island's children is
// hydrated after its parent, in its parent's reactive owner.
async function hydrateIslands(node) {
  const islands = [...node.querySelectorAll("leptos-island")];
  if (!islands.length) return;
  for (const island of islands.filter(deferred)) hydrateOnSubmit(island);
  if (islands.every(deferred)) return;
  const mod = await loadWasm();
  const owners = [];
  async function walk(el) {
    const tag = el.tagName;
    if (tag === "LEPTOS-ISLAND" && !el.$$hydrated && !deferred(el)) {
      await hydrateIsland(mod, el, owners[owners.length - 1]);
    }
    if (tag === "LEPTOS-CHILDREN") owners.push(el.$$on_hydrate);
    for (const child of [...el.children]) await walk(child);
    if (tag === "LEPTOS-CHILDREN") owners.pop();
  }
  await walk(node);
}

function idle(f) {
  if ("requestIdleCallback" in window) requestIdleCallback(f, { timeout: 2000 });
  else setTimeout(f, 1);
}

// --- Small behaviours that need no wasm ---------------------------------------------------------

function enhance() {
  for (const b of document.querySelectorAll(".site-header__menu-button, [data-print]")) b.hidden = false;
  offlineParts();
  for (const nav of document.querySelectorAll(".step-nav")) {
    for (const d of nav.querySelectorAll(".step-nav__details")) {
      d.open = d.closest(".step-nav__step--current") !== null;
    }
    const toggle = nav.querySelector(".step-nav__toggle-all");
    if (toggle) toggle.hidden = false;
    labelToggle(nav);
  }
}

function labelToggle(nav) {
  const toggle = nav.querySelector(".step-nav__toggle-all");
  if (!toggle) return;
  const all = [...nav.querySelectorAll(".step-nav__details")].every((d) => d.open);
  toggle.textContent = all ? toggle.dataset.hide : toggle.dataset.show;
  toggle.setAttribute("aria-expanded", String(all));
}

document.addEventListener("click", (e) => {
  const menu = e.target.closest(".site-header__menu-button");
  if (menu) {
    const open = menu.getAttribute("aria-expanded") !== "true";
    menu.setAttribute("aria-expanded", String(open));
    document.getElementById("site-nav")?.setAttribute("data-open", String(open));
    return;
  }
  const toggle = e.target.closest(".step-nav__toggle-all");
  if (toggle) {
    const nav = toggle.closest(".step-nav");
    const open = toggle.getAttribute("aria-expanded") !== "true";
    for (const d of nav.querySelectorAll(".step-nav__details")) d.open = open;
    labelToggle(nav);
    return;
  }
  if (e.target.closest("[data-print]")) window.print();
  const save = e.target.closest("[data-save], [data-remove]");
  if (save) saveOrRemove(save.closest("[data-save-offline]"), save.hasAttribute("data-save"));
  const unsave = e.target.closest("[data-unsave]");
  if (unsave) unsaveFromList(unsave.dataset.unsave);
  if (e.target.closest("[data-reload]") && waiting) {
    reloadAsked = true;
    waiting.postMessage("activate");
  }
});

// `toggle` does not bubble: listen while it goes down.
document.addEventListener("toggle", (e) => {
  const nav = e.target.closest?.(".step-nav");
  if (nav) labelToggle(nav);
}, true);

// Search as you type: the form's GET answer, of which only the element `data-live` names is used.
let liveTimer = 0;
let liveTurn = 0;
document.addEventListener("input", (e) => {
  const form = e.target.form;
  if (!form || !form.dataset.live) return;
  clearTimeout(liveTimer);
  liveTimer = setTimeout(() => live(form), 150);
});

async function live(form) {
  const turn = ++liveTurn;
  const url = formUrl(form);
  const doc = await fetchPage(url).catch(() => null);
  if (!doc || turn !== liveTurn) return;
  const id = form.dataset.live;
  const fresh = doc.page.getElementById(id);
  const old = document.getElementById(id);
  if (!fresh || !old) return;
  old.replaceWith(document.adoptNode(fresh));
  document.title = doc.page.title;
  history.replaceState(history.state, "", url);
  shown = location.pathname + location.search;
}

// --- Client-side navigation --------------------------------------------------------------------

function formUrl(form, submitter) {
  const url = new URL(form.action);
  url.search = new URLSearchParams(new FormData(form, submitter)).toString();
  return url.href;
}

async function fetchPage(url) {
  const response = await fetch(url, { headers: { Accept: "text/html" } });
  if (!(response.headers.get("content-type") || "").startsWith("text/html")) return null;
  const page = new DOMParser().parseFromString(await response.text(), "text/html");
  return { page, url: response.url };
}

// Only the site's pages (`/xx/…`), not its files (calendar files, the API).
function isPage(url) {
  return url.origin === location.origin && /^\/[a-z]{2}(\/|$)/.test(url.pathname) && !url.pathname.endsWith(".ics");
}

let turn = 0;
async function go(href, { push = true, scroll = 0 } = {}) {
  const mine = ++turn;
  let next;
  try {
    next = await fetchPage(href);
  } catch {
    next = null;
  }
  if (mine !== turn) return;
  // Not a page, no answer, or a page of another build: let the browser load it (a page must
  // never run with the wasm of another build).
  const script = next?.page.querySelector("script[data-wasm]");
  if (!next || !script || script.getAttribute("src") !== SELF || script.dataset.wasm !== WASM ||
      islandsLeft >= ISLAND_BUDGET) {
    location.assign(next?.url ?? href);
    return;
  }
  // The page's islands are hydrated before it is shown (its body is adopted into this document,
  // not yet in place): the page and its islands appear together, so nothing typed into a
  // not-yet-hydrated form is lost.
  root.removeAttribute("data-ready");
  const body = document.adoptNode(next.page.body);
  // The address the islands are drawn for (the checker's offline page reads its answers from it).
  window.smsiteUrl = next.url;
  try {
    await hydrateIslands(body);
  } catch {
    location.assign(next.url);
    return;
  }
  if (mine !== turn) return;
  const target = new URL(next.url);
  target.hash = new URL(href).hash;
  if (push) {
    history.replaceState({ scroll: scrollY }, "");
    history.pushState({ scroll: 0 }, "", target.href);
  }
  shown = location.pathname + location.search;
  islandsLeft += [...document.querySelectorAll("leptos-island")].filter((i) => i.$$hydrated).length;
  swap(next.page, body);
  // A title the page's script worked out (the checker's offline page) over the one it came with.
  const title = document.querySelector("[data-page-title]")?.dataset.pageTitle;
  if (title) document.title = title;
  const anchor = target.hash && document.getElementById(decodeURIComponent(target.hash.slice(1)));
  if (anchor) anchor.scrollIntoView();
  else scrollTo(0, scroll);
  // As after a full page load with the skip link: the reader starts at the new page's content,
  // or at its list of errors.
  const focus = document.querySelector(".error-summary[tabindex]") ?? document.getElementById("main-content");
  focus?.focus({ preventScroll: true });
  enhance();
  root.setAttribute("data-ready", "");
}

const SHELL = "meta[charset], meta[name=viewport], meta[name=theme-color], link[rel=icon], link#leptos, script[data-wasm]";

function swap(page, body) {
  for (const name of ["lang", "dir"]) {
    const value = page.documentElement.getAttribute(name);
    if (value === null) root.removeAttribute(name);
    else root.setAttribute(name, value);
  }
  for (const el of [...document.head.children]) if (!el.matches(SHELL)) el.remove();
  for (const el of [...page.head.children]) if (!el.matches(SHELL)) document.head.append(document.adoptNode(el));
  document.body.replaceWith(body);
}

async function ready() {
  try {
    await hydrateIslands(document.body);
  } finally {
    root.setAttribute("data-ready", "");
  }
}

document.addEventListener("click", (e) => {
  if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
  const a = e.target.closest("a[href]");
  if (!a || a.target || a.hasAttribute("download") || a.relList.contains("external")) return;
  const url = new URL(a.href);
  if (!isPage(url)) return;
  // A jump within this page is the browser's.
  if (url.hash && url.pathname === location.pathname && url.search === location.search) return;
  e.preventDefault();
  go(url.href);
});

document.addEventListener("submit", (e) => {
  const form = e.target;
  if (e.defaultPrevented || form.method.toLowerCase() !== "get" || !isPage(new URL(form.action))) return;
  e.preventDefault();
  go(formUrl(form, e.submitter));
});

// The page shown, to tell a move between pages from a jump within one (`#main-content`).
let shown = location.pathname + location.search;
addEventListener("popstate", (e) => {
  if (location.pathname + location.search === shown) return;
  go(location.href, { push: false, scroll: e.state?.scroll ?? 0 });
});
history.scrollRestoration = "manual";

// For the islands: a step of the checker is a navigation like a link's.
window.smsiteNavigate = (href) => go(new URL(href, location.href).href);

// --- Offline (docs/adr/0005-offline.md) -----------------------------------------------------------

const workers = "serviceWorker" in navigator && "caches" in window ? navigator.serviceWorker : null;
const SAVED = "saved";
const INDEX = "/saved-index.json";
let waiting = null;
let reloadAsked = false;
// A worker is running (or registered now): only then can a saved page be served offline.
let workerReady = false;

function registerWorker() {
  if (!workers) return;
  workers
    .register("/sw.js", { scope: "/" })
    .then((registration) => {
      watchForUpdate(registration);
      return workers.ready;
    })
    .then((registration) => {
      workerReady = true;
      offlineParts();
      // This page was loaded before the worker: it fetches what this language needs offline.
      registration.active?.postMessage({ prepare: location.href });
    })
    .catch(() => {});
  workers.addEventListener("controllerchange", () => {
    // Another tab's Reload may have put the new worker in charge: nothing waits any more.
    waiting = null;
    if (reloadAsked) location.reload();
    else offlineParts();
  });
}

// A new worker is a new build: the reader is asked to reload rather than mix two builds' files.
function watchForUpdate(registration) {
  const check = () => {
    if (registration.waiting && workers.controller) {
      waiting = registration.waiting;
      offlineParts();
    }
  };
  check();
  registration.addEventListener("updatefound", () => {
    const worker = registration.installing;
    worker?.addEventListener("statechange", () => worker.state === "installed" && check());
  });
}

async function savedIndex(cache) {
  const response = await cache.match(INDEX);
  return response ? response.json() : {};
}

function writeIndex(cache, index) {
  const headers = { "content-type": "application/json" };
  return cache.put(INDEX, new Response(JSON.stringify(index), { headers }));
}

// What depends on the worker: the update notice, the save buttons, the list of saved pages, the
// offline notices. Without a worker (or JavaScript) they stay hidden.
function offlineParts() {
  const update = document.querySelector("#update-banner > .update-banner");
  if (update) update.hidden = !waiting;
  for (const notice of document.querySelectorAll("[data-offline-notice]")) notice.hidden = navigator.onLine;
  if (!workers || !(workerReady || workers.controller)) return;
  caches.open(SAVED).then(savedIndex).then((index) => {
    for (const box of document.querySelectorAll("[data-save-offline]")) {
      box.hidden = false;
      showSaved(box, location.pathname in index);
    }
    for (const list of document.querySelectorAll("[data-saved-list]")) drawList(list, index);
  }).catch(() => {});
}

addEventListener("online", offlineParts);
addEventListener("offline", offlineParts);

function showSaved(box, saved, moveFocus = false) {
  box.querySelector("[data-save]").hidden = saved;
  box.querySelector("[data-save-hint]").hidden = saved;
  box.querySelector("[data-remove]").hidden = !saved;
  box.querySelector("[data-saved-link]").hidden = !saved;
  box.querySelector("[data-saved-state]").textContent = saved ? box.dataset.savedText : "";
  // The pressed button is hidden: the focus goes to the one that undoes it.
  if (moveFocus) box.querySelector(saved ? "[data-remove]" : "[data-save]").focus();
}

// Saves this page and the guides it links in its language, fetched afresh (the whole page as the
// server sent it, headers and policy included), or removes them.
async function saveOrRemove(box, saving) {
  const error = box.querySelector("[data-save-error]");
  error.hidden = true;
  const page = location.pathname;
  try {
    const cache = await caches.open(SAVED);
    if (saving) {
      const lang = page.slice(1, 3);
      const guides = [...document.querySelectorAll(`main a[href^="/${lang}/procedures/"]`)]
        .map((a) => new URL(a.href).pathname)
        .filter((p, i, all) => p !== page && all.indexOf(p) === i);
      // The page itself must be kept; a linked guide that cannot be fetched is left out. Never
      // the worker's offline page in place of the one asked for.
      const kept = [];
      for (const path of [page, ...guides]) {
        // Marked, so the worker does not also keep it among the pages read.
        const headers = { Accept: "text/html", "x-save-for-offline": "1" };
        const response = await fetch(path, { headers }).catch(() => null);
        const usable = response?.ok && !response.headers.has("x-offline-fallback");
        if (!usable && path === page) throw new Error(path);
        if (!usable) continue;
        await cache.put(new URL(path, location.href).href, response);
        if (path !== page) kept.push(path);
      }
      const index = await savedIndex(cache);
      const title = document.querySelector("main h1")?.textContent.trim() || document.title;
      index[page] = { title, lang, links: kept, saved: new Date().toISOString().slice(0, 10) };
      await writeIndex(cache, index);
    } else {
      await unsave(cache, page);
    }
    showSaved(box, saving, true);
  } catch {
    error.hidden = false;
  }
}

// A saved page goes, with the guides it brought that no other saved page needs.
async function unsave(cache, page) {
  const index = await savedIndex(cache);
  const links = index[page]?.links ?? [];
  delete index[page];
  const needed = new Set(Object.entries(index).flatMap(([p, e]) => [p, ...e.links]));
  for (const path of [page, ...links]) {
    if (!needed.has(path)) await cache.delete(new URL(path, location.href).href);
  }
  await writeIndex(cache, index);
}

async function unsaveFromList(page) {
  const cache = await caches.open(SAVED);
  await unsave(cache, page);
  offlineParts();
}

// The list on /<lang>/saved and the offline page: the page's language first, each with the day
// it was saved (Gregorian, in the digits the language writes) and a remove button.
function drawList(list, index) {
  const lang = root.lang;
  const entries = Object.entries(index).sort(([, a], [, b]) => (a.lang === b.lang ? 0 : a.lang === lang.slice(0, 2) ? -1 : 1));
  const digits = list.dataset.digits || "latn";
  const day = new Intl.DateTimeFormat(lang, { dateStyle: "long", calendar: "gregory", numberingSystem: digits, timeZone: "UTC" });
  const items = list.querySelector("[data-saved-items]");
  items.replaceChildren(...entries.map(([path, e]) => {
    const li = document.createElement("li");
    const a = document.createElement("a");
    a.href = path;
    a.textContent = e.title;
    if (e.lang !== lang.slice(0, 2)) a.lang = e.lang;
    const when = document.createElement("span");
    when.className = "saved-list__date";
    when.textContent = list.dataset.savedOn.replace("{date}", day.format(new Date(e.saved)));
    const remove = document.createElement("button");
    remove.type = "button";
    remove.className = "link-button";
    remove.dataset.unsave = path;
    remove.textContent = list.dataset.removeText;
    li.append(a, " ", when, " ", remove);
    return li;
  }));
  list.querySelector("[data-saved-none]").hidden = entries.length > 0;
}

enhance();
idle(ready);
// After the page is drawn and its islands are running: the worker never delays a first paint.
addEventListener("load", () => idle(registerWorker));
