/** What a page must do on a phone (390×844), shared by the specs that look at one there. */
import { noAxeViolations } from "./accessibility";
import { expect, type Page } from "./fixtures";

/** A phone's screen, as the specs open pages at it. */
export const PHONE = { width: 390, height: 844 } as const;

/** The page does not scroll sideways. */
export async function noSidewaysScroll(page: Page) {
  const { scrollWidth, innerWidth } = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    innerWidth: window.innerWidth,
  }));
  expect(scrollWidth, page.url()).toBeLessThanOrEqual(innerWidth);
}

/** The page fits 390 px: no sideways scroll of the page, every control within the screen, no axe violation. */
export async function fitsThePhone(page: Page) {
  await noSidewaysScroll(page);
  // Controls past the right edge, except inside a frame that scrolls on its own (a ScrollFrame that scrolls).
  const sticking = await page.evaluate(() =>
    [...document.querySelectorAll("a, button, input, select, textarea, summary")]
      .filter((el) => {
        const frame = el.closest('[role="region"][tabindex="0"]');
        return !frame || frame.scrollWidth <= frame.clientWidth;
      })
      .filter((el) => {
        const box = el.getBoundingClientRect();
        return box.width > 0 && box.right > window.innerWidth + 0.5;
      })
      .map((el) => el.outerHTML.slice(0, 120)),
  );
  expect(sticking, page.url()).toEqual([]);
  await noAxeViolations(page);
}
