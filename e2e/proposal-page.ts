/** Where things are on a proposal's staff page, for the specs that act on it. */
import type { Page } from "./fixtures";

/** A titled block of the page: by its exact title, or a pattern. */
export const region = (page: Page, name: string | RegExp) =>
  page.getByRole("region", typeof name === "string" ? { name, exact: true } : { name });

/** The proposal's state, in the page's header. */
export const proposalState = (page: Page) => page.locator("dt", { hasText: "状态" }).locator("xpath=following-sibling::dd[1]");
