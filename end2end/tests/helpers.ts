import { expect, type Page } from "@playwright/test";

export const LOCALES = ["az", "en", "ru"] as const;

export const HOME_HEADINGS: Record<(typeof LOCALES)[number], string> = {
  az: "Azərbaycanda qalmaq, işləmək və yaşamaq",
  en: "Staying, working and living in Azerbaijan",
  ru: "Пребывание, работа и жизнь в Азербайджане",
};

/** Collects console errors and uncaught exceptions; a test asserts the list stays empty. */
export function watchConsole(page: Page): string[] {
  const errors: string[] = [];
  page.on("console", (msg) => {
    if (msg.type() === "error" || msg.type() === "warning") errors.push(`${msg.type()}: ${msg.text()}`);
  });
  page.on("pageerror", (err) => errors.push(`pageerror: ${err.message}`));
  return errors;
}

/** Counts full page loads: a client-side navigation leaves the counter untouched. */
export async function countNavigations(page: Page): Promise<() => number> {
  let loads = 0;
  page.on("load", () => loads++);
  return () => loads;
}

/** The hydrated app reveals the menu button; until then it stays hidden. */
export async function waitForHydration(page: Page) {
  await expect(page.locator(".site-header__menu-button")).toHaveAttribute("aria-expanded", /true|false/);
  await page.waitForFunction(() => {
    const button = document.querySelector(".site-header__menu-button");
    return button !== null && !button.hasAttribute("hidden");
  });
}
