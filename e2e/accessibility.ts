/** What the accessibility checks of the specs share: axe's verdict, and moving focus with Tab alone. */
import AxeBuilder from "@axe-core/playwright";
import { expect, type Page } from "./fixtures";

/** axe finds no violation on the page as it is now (each listed with the elements it concerns). */
export async function noAxeViolations(page: Page) {
  const result = await new AxeBuilder({ page }).analyze();
  expect(result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
}

/** Presses Tab until `isTarget` holds, at most `steps` times, and fails if it never does. */
export async function tabUntil(page: Page, isTarget: () => Promise<boolean>, steps: number) {
  for (let i = 0; i < steps && !(await isTarget()); i++) await page.keyboard.press("Tab");
  expect(await isTarget()).toBe(true);
}
