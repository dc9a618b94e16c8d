import { expect, type Page } from "@playwright/test";

export const DEMO_SESSION = "政协重庆市九龙坡区第十一届委员会第二次会议";

/** Opens the demo's proposal 180 from the list (another test registers a 180 in a session of its own). */
export async function openDemo180(page: Page) {
  await page.goto("/proposals");
  await page.getByLabel("届次会议").selectOption({ label: DEMO_SESSION });
  await page.getByLabel("搜索", { exact: true }).fill("180");
  await page.getByRole("button", { name: "查询" }).click();
  await page.getByRole("link", { name: /第180号提案/ }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("关于抢抓人才红利机遇,赋能科学城产业发展的建议");
}
