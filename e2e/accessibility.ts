/** What the accessibility checks of the specs share: axe's verdict, and moving focus with Tab alone. */
import AxeBuilder from "@axe-core/playwright";
import { expect, type Page } from "./fixtures";

/**
 * axe finds no violation on the page as it is now (each listed with the elements it concerns). After a client-side
 * navigation Next commits the page first and its <title> a moment later (the metadata streams after the content; a
 * link followed without a prefetch shows it): the title is waited for, briefly, as a reader's screen reader waits for
 * the page to load — a page that never gets one still fails here.
 */
export async function noAxeViolations(page: Page) {
  await page.waitForFunction(() => document.title !== "", undefined, { timeout: 5_000 }).catch(() => {});
  const result = await new AxeBuilder({ page }).analyze();
  expect(result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
}

/** Presses Tab until `isTarget` holds, at most `steps` times, and fails if it never does. */
export async function tabUntil(page: Page, isTarget: () => Promise<boolean>, steps: number) {
  for (let i = 0; i < steps && !(await isTarget()); i++) await page.keyboard.press("Tab");
  expect(await isTarget()).toBe(true);
}
