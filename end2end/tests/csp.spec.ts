import { test as rawTest } from "@playwright/test";
import { test, expect, waitForHydration, watchCsp, type Page } from "./helpers";

/** The directives of a Content-Security-Policy header, by name. */
function directives(header: string): Map<string, string[]> {
  const map = new Map<string, string[]>();
  for (const part of header.split(";")) {
    const [name, ...values] = part.trim().split(/\s+/);
    if (name) map.set(name.toLowerCase(), values);
  }
  return map;
}

/** Appends an inline script, as an injected attacker would: CSP must refuse to run it. */
async function injectInlineScript(page: Page) {
  await page.evaluate(() => {
    const s = document.createElement("script");
    s.textContent = "window.__x=1";
    document.body.appendChild(s);
  });
}

test.describe("Content-Security-Policy", () => {
  for (const path of ["/en/", "/az/procedures/registration", "/ru/status", "/en/check/stay/citizenship", "/en/no-such-page"]) {
    test(`${path} runs only the site's script files, under one fixed policy`, async ({ page }) => {
      const response = await page.goto(path);
      const header = response?.headers()["content-security-policy"];
      expect(header, "content-security-policy header").toBeTruthy();
      const policy = directives(header!);
      expect(policy.get("script-src")).toEqual(["'self'", "'wasm-unsafe-eval'"]);
      expect(policy.get("style-src")).toEqual(["'self'"]);
      expect(policy.get("frame-ancestors")).toEqual(["'none'"]);
      expect(policy.get("base-uri")).toEqual(["'none'"]);
      // No inline script, as sent and as the browser kept it: every script is a file of the
      // site (nav.js) or a data block (JSON-LD).
      const html = await response!.text();
      let files = 0;
      for (const tag of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)) {
        const [, attrs, body] = tag;
        if (/type="application\/ld\+json"/.test(attrs)) continue;
        expect(body.trim(), `inline script ${body.slice(0, 60)}`).toBe("");
        expect(attrs).toMatch(/src="\/pkg\/nav\.[0-9a-f]+\.js"/);
        files++;
      }
      expect(files).toBe(1);
      const scripts = await page.locator("script:not([type='application/ld+json'])").evaluateAll((els) =>
        els.map((el) => ({ text: el.textContent ?? "", src: el.getAttribute("src") })),
      );
      for (const s of scripts) expect(s.text.trim(), `script ${s.src}`).toBe("");
      // The same policy for every response, so a stored page stays valid.
      const again = (await page.request.get(path)).headers()["content-security-policy"];
      expect(again).toBe(header);
      // Islands still hydrate under the policy (the auto fixture fails the test on any violation).
      await waitForHydration(page);
    });
  }

  // The raw Playwright test: no auto fixture, since this test means to cause a violation. It
  // hooks the same watch by hand and checks what it caught.
  rawTest("an injected inline script is blocked and reported", async ({ page }) => {
    const found: string[] = [];
    await watchCsp(page.context(), found);
    await page.goto("/en/");
    await waitForHydration(page);
    expect(found).toEqual([]);
    await injectInlineScript(page);
    await expect
      .poll(() => found)
      .toContainEqual('securitypolicyviolation: directive "script-src-elem" blocked "inline" on ' + page.url());
    expect(found.some((t) => t.startsWith("console error") && t.includes("Content Security Policy directive 'script-src"))).toBe(true);
    expect(await page.evaluate(() => (window as any).__x)).toBeUndefined();
    // Scripts the page loads itself still run: the app stays hydrated.
    await expect(page.locator(".site-header__menu-button")).toHaveAttribute("aria-expanded", /true|false/);
  });

  // The watch itself: a test that causes a violation must fail, so this one is expected to.
  test("the CSP watch fails a test that causes a violation", async ({ page }) => {
    test.fail(true, "the auto fixture must turn the injected script's violation into a failure");
    await page.goto("/en/");
    await injectInlineScript(page);
    expect(await page.evaluate(() => (window as any).__x)).toBeUndefined();
  });
});
