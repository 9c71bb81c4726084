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
    test(`${path} sends a nonce policy and every inline script carries its nonce`, async ({ page }) => {
      const response = await page.goto(path);
      const header = response?.headers()["content-security-policy"];
      expect(header, "content-security-policy header").toBeTruthy();
      const policy = directives(header!);
      const scriptSrc = policy.get("script-src") ?? [];
      expect(header).toContain("'nonce-");
      expect(scriptSrc).not.toContain("'unsafe-inline'");
      expect(scriptSrc).not.toContain("'unsafe-eval'");
      const nonceToken = scriptSrc.find((v) => v.startsWith("'nonce-"));
      expect(nonceToken, `script-src ${scriptSrc.join(" ")}`).toBeTruthy();
      const nonce = nonceToken!.slice("'nonce-".length, -1);
      expect(nonce.length).toBeGreaterThanOrEqual(16);
      expect(policy.get("style-src")).toEqual(["'self'"]);
      expect(policy.get("frame-ancestors")).toEqual(["'none'"]);

      // The DOM hides a nonce from getAttribute once applied: read the `nonce` property, and also
      // the markup as sent, so both what the parser saw and what the browser kept are checked.
      const scripts = await page.locator("script").evaluateAll((els) =>
        els.map((el) => ({
          type: el.getAttribute("type"),
          text: el.textContent ?? "",
          nonce: (el as HTMLScriptElement).nonce,
          src: el.getAttribute("src"),
        })),
      );
      const inline = scripts.filter((s) => s.type !== "application/ld+json" && s.text.trim() !== "");
      expect(inline.length).toBeGreaterThan(0);
      for (const s of inline) expect(s.nonce, `script ${s.text.slice(0, 60)}`).toBe(nonce);
      const html = await response!.text();
      for (const tag of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)) {
        const [, attrs, body] = tag;
        if (/type="application\/ld\+json"/.test(attrs) || body.trim() === "") continue;
        expect(attrs, `script ${body.slice(0, 60)}`).toContain(`nonce="${nonce}"`);
      }
      // Each response gets a fresh nonce.
      const again = (await page.request.get(path)).headers()["content-security-policy"];
      expect(again).not.toContain(`'nonce-${nonce}'`);
      // Hydration still works under the policy (the auto fixture fails the test on any violation).
      if (!path.includes("no-such-page")) await waitForHydration(page);
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
