/** The 督办 board: an overdue step is flagged, and a one-click 督办 reaches the unit's handler. */
import Database from "better-sqlite3";
import { E2E } from "./env";
import { expect, test } from "./fixtures";

function handlerOfUnit(unitName: string): string {
  const db = new Database(E2E.databasePath, { readonly: true });
  try {
    const row = db
      .prepare(
        "select u.username from users u join units un on un.id = u.unit_id where un.name = ? and u.role = 'handler' and u.disabled = 0 limit 1",
      )
      .get(unitName) as { username: string } | undefined;
    if (!row) throw new Error(`no handler for ${unitName}`);
    return row.username;
  } finally {
    db.close();
  }
}

test("the coordinator sees an overdue reply flagged and sends a 督办 notice that reaches the handler", { tag: "@issue-16" }, async ({
  page,
  loginAs,
}) => {
  await loginAs("coordinator");
  await page.goto("/supervision");
  await page.getByLabel("环节").selectOption({ label: "答复" });
  await page.getByRole("button", { name: "查询" }).click();
  const section = page
    .getByRole("region")
    .filter({ hasText: /超期\d+天/ })
    .first();
  const row = section
    .getByRole("row")
    .filter({ hasText: /超期\d+天/ })
    .first();
  await expect(row).toBeVisible();
  const unit = (await section.getByRole("heading", { level: 2 }).textContent())!.trim();
  await row.getByRole("button", { name: "督办" }).click();
  await expect(row.getByRole("status")).toContainText("已发出督办通知");

  await page.context().clearCookies();
  await loginAs(handlerOfUnit(unit));
  await page.goto("/notifications");
  // It names the proposal and, the reply being overdue, by how many days — not "请于（a past day）前".
  await expect(
    page.getByText(/^第\d+号(提案|建议)《.+》：督办：答复已超期\d+天（期限\d{4}-\d{2}-\d{2}），请尽快办理。$/).first(),
  ).toBeVisible();
});

test("the board shows one unit in full on request, and a way back to all units", async ({ page, loginAs }) => {
  await loginAs("coordinator");
  await page.goto("/supervision?days=20");
  const first = page.getByRole("region").first();
  const unit = (await first.getByRole("heading", { level: 2 }).textContent())!.trim();
  const unitId = await first.locator("input[name=unitId]").first().getAttribute("value");
  await page.goto(`/supervision?days=20&unit=${unitId}`);
  await expect(page.getByRole("region")).toHaveCount(1);
  await expect(page.getByRole("heading", { level: 2 })).toHaveText(unit);
  await page.getByRole("link", { name: "返回全部单位" }).click();
  await expect(page).toHaveURL(/\/supervision\?days=20$/);
  expect(await page.getByRole("region").count()).toBeGreaterThan(1);
});
