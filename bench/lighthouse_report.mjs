// Reads the Lighthouse JSON reports that bench/lighthouse.sh wrote and prints the four category
// scores per page against the targets, then every audit that keeps a score below its target, with
// the elements or resources it names, so they can be fixed. Exits 0 (a report, not a gate).
// Usage: node bench/lighthouse_report.mjs name=report.json ...
import { readFileSync } from "node:fs";

const TARGETS = { performance: 95, accessibility: 100, "best-practices": 100, seo: 100 };
const CATEGORIES = Object.keys(TARGETS);
const reports = process.argv.slice(2).map((spec) => {
  const at = spec.indexOf("=");
  return { name: spec.slice(0, at), lhr: JSON.parse(readFileSync(spec.slice(at + 1), "utf8")) };
});

const score = (category) => (category?.score == null ? null : Math.round(category.score * 100));
const first = reports[0]?.lhr;
if (first) {
  const env = first.environment ?? {};
  console.log(
    `Lighthouse ${first.lighthouseVersion}, ${env.hostUserAgent?.match(/Chrome\/[\d.]+/)?.[0] ?? "Chrome"}, ` +
      `form factor ${first.configSettings.formFactor}, throttling ${first.configSettings.throttlingMethod}, ` +
      `CPU benchmark index ${env.benchmarkIndex ?? "?"}\n`,
  );
}

const header = ["page", ...CATEGORIES, "url"];
const rows = reports.map(({ name, lhr }) => [
  name,
  ...CATEGORIES.map((c) => {
    const s = score(lhr.categories[c]);
    return s == null ? "n/a" : `${s}${s < TARGETS[c] ? " !" : ""}`;
  }),
  lhr.finalDisplayedUrl ?? lhr.finalUrl ?? lhr.requestedUrl,
]);
rows.push(["target", ...CATEGORIES.map((c) => (TARGETS[c] === 100 ? "100" : `>=${TARGETS[c]}`)), ""]);
const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
const line = (cells) =>
  cells.map((c, i) => (i === 0 || i === cells.length - 1 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join("  ");
console.log(line(header));
for (const row of rows) console.log(line(row));
console.log("(! = below target)");

// What an audit's details point at: an element's selector and snippet, a URL, a section of a
// list, or else the item's plain fields (e.g. the phases of the LCP).
function describe(item) {
  if (item?.type === "list-section") {
    const value = item.value ?? {};
    if (value.type === "text") return `${item.title ?? ""}: ${value.value}`;
    if (value.type === "network-tree") return `longest chain ${value.longestChain?.duration ?? "?"} ms: ${chain(value.chains)}`;
    return item.title ?? "";
  }
  const node = [item.node, item.source, item].find((n) => n?.type === "node");
  const parts = [];
  if (node) parts.push(`${node.selector ?? ""} ${node.snippet ?? ""}`.trim());
  else if (item.node?.type === "text") parts.push(item.node.value);
  if (typeof item.url === "string") parts.push(item.url);
  if (typeof item.source === "object" && item.source?.url) parts.push(item.source.url);
  for (const [key, value] of Object.entries(item)) {
    if (["url", "type", "lhId", "path", "selector", "snippet", "nodeLabel"].includes(key)) continue;
    if (typeof value === "string") parts.push(`${key}: ${value}`);
    else if (typeof value === "number") parts.push(`${key}: ${Math.round(value * 1000) / 1000}`);
    else if (value?.formattedDefault) parts.push(`${key}: ${value.formattedDefault}`);
  }
  if (node?.explanation) parts.push(node.explanation);
  if (Array.isArray(item.subItems?.items)) {
    for (const sub of item.subItems.items.slice(0, 3)) parts.push(`[${describe(sub)}]`);
  }
  return parts.filter(Boolean).join(" | ").replace(/\s+/g, " ").slice(0, 400);
}

// The longest request chain of the network-dependency tree, as URLs.
function chain(chains) {
  const urls = [];
  let level = chains ?? {};
  for (;;) {
    const next = Object.values(level).find((c) => c.isLongest) ?? Object.values(level)[0];
    if (!next) return urls.join(" -> ");
    urls.push(`${next.url} (${next.navStartToEndTime} ms)`);
    level = next.children ?? {};
  }
}

function itemsOf(audit) {
  const details = audit.details;
  if (!details) return [];
  if (Array.isArray(details.items)) {
    // Some audits (e.g. the CSP check) nest tables or lists inside items.
    return details.items.flatMap((it) => (it?.type === "table" && Array.isArray(it.items) ? it.items : [it]));
  }
  return [];
}

// Below target: in a category under its target, each audit that counts towards it (weight > 0)
// or is a failing diagnostic; performance audits pass at 0.9 (Lighthouse's own green), others at 1.
let listed = false;
for (const { name, lhr } of reports) {
  for (const c of CATEGORIES) {
    const category = lhr.categories[c];
    const s = score(category);
    if (s == null || s >= TARGETS[c]) continue;
    if (!listed) console.log("\nAudits below target:");
    listed = true;
    console.log(`\n${name} — ${category.title} ${s} (target ${TARGETS[c]}):`);
    const pass = c === "performance" ? 0.9 : 1;
    for (const ref of category.auditRefs) {
      const audit = lhr.audits[ref.id];
      if (!audit || audit.score == null || audit.score >= pass) continue;
      if (["manual", "notApplicable", "informative"].includes(audit.scoreDisplayMode)) continue;
      const value = audit.displayValue ? ` (${audit.displayValue})` : "";
      console.log(`  ${ref.id} [weight ${ref.weight}, score ${audit.score}]: ${audit.title}${value}`);
      for (const item of itemsOf(audit).slice(0, 6)) {
        const text = describe(item);
        if (text) console.log(`      - ${text}`);
      }
      if (itemsOf(audit).length > 6) console.log(`      … ${itemsOf(audit).length - 6} more in the report`);
    }
  }
}
if (!listed) console.log("\nAll four categories at or above target on every page.");

// The site is measured over plain http on 127.0.0.1, where the HSTS header cannot apply: say what
// the HTTPS audit made of it.
console.log("\nHTTPS (is-on-https) on each page:");
for (const { name, lhr } of reports) {
  const audit = lhr.audits["is-on-https"];
  if (!audit) {
    console.log(`  ${name}: not in this report`);
    continue;
  }
  const items = itemsOf(audit).map(describe).filter(Boolean);
  console.log(
    `  ${name}: score ${audit.score ?? audit.scoreDisplayMode} — ${audit.title}` +
      (items.length ? ` (${items.slice(0, 3).join("; ")})` : ""),
  );
}

// Anything Lighthouse itself could not do (a failed audit run, a page that did not load) matters
// more than a score.
for (const { name, lhr } of reports) {
  if (lhr.runtimeError) console.log(`\n${name}: runtime error ${lhr.runtimeError.code}: ${lhr.runtimeError.message}`);
  for (const warning of lhr.runWarnings ?? []) console.log(`\n${name}: warning: ${warning}`);
  for (const [id, audit] of Object.entries(lhr.audits)) {
    if (audit.scoreDisplayMode === "error") console.log(`${name}: audit ${id} errored: ${audit.errorMessage}`);
  }
}
