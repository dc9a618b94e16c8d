import Database from "better-sqlite3";
import { openDemo180 } from "./demo-proposal";
import { E2E } from "./env";
import { expect, test } from "./fixtures";

test("a handler opening a unit's admin page gets 403", async ({ page, loginAs }) => {
  await loginAs("jiangmj");
  const response = await page.goto("/admin/units/1");
  expect(response?.status()).toBe(403);
  await expect(page.getByRole("heading", { name: "无权访问" })).toBeVisible();
});

test("a member cannot open the staff pages", async ({ page, loginAs }) => {
  await loginAs("liuxr");
  for (const path of ["/work", "/proposals", "/stats", "/admin"]) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(403);
  }
});

test("a handler cannot open statistics, nor a proposal of another unit", async ({ page, loginAs }) => {
  await loginAs("dqgzb");
  expect((await page.goto("/stats"))?.status()).toBe(403);
  // 党群工作部 sees only what it handles; find a proposal it has no part in from the coordinator's list.
  await page.context().clearCookies();
  await loginAs("coordinator");
  await page.goto("/proposals?status=registered");
  const href = await page.locator("table a[href^='/proposals/']").first().getAttribute("href");
  expect(href).toBeTruthy();
  await page.context().clearCookies();
  await loginAs("dqgzb");
  expect((await page.goto(href!))?.status()).toBe(403);
});

test("navigation differs per role", async ({ page, loginAs }) => {
  await loginAs("coordinator");
  await page.goto("/work");
  const nav = page.getByRole("navigation", { name: "主导航" });
  await expect(nav.getByRole("link")).toHaveText(["待办", "全部提案", "督办", "面商座谈", "批量办理", "统计"]);
  await page.context().clearCookies();
  await loginAs("jiangmj");
  await page.goto("/work");
  await expect(nav.getByRole("link")).toHaveText(["待办", "全部提案", "面商座谈", "批量办理"]);
});

test("the coordinator opens proposal 180 with its units and timeline", async ({ page, loginAs }) => {
  await loginAs("coordinator");
  await openDemo180(page);
  await expect(page.getByRole("complementary").getByText("重庆高新区科技创新局")).toBeVisible();
  await expect(page.getByRole("heading", { name: "办理记录" })).toBeVisible();
});

test("a co-handling unit's 办理记录 shows neither the lead director's 退回修改 comment nor the members' receipt opinions; the lead unit's does", async ({
  page,
  loginAs,
}) => {
  // A proposal of the demo with a 退回修改 comment, and one with a receipt opinion, both co-handled by 创新服务中心 (cxfwzx).
  const db = new Database(E2E.databasePath, { readonly: true });
  const find = (action: string) =>
    db
      .prepare(
        `select e.proposal_id as proposal, e.comment as text, (select u.username from assignments a join users u on u.unit_id = a.unit_id and u.role = 'director'
           where a.proposal_id = e.proposal_id and a.role = 'lead' and a.status != 'withdrawn' limit 1) as leadDirector
         from events e where e.action = ? and e.comment is not null and exists (select 1 from assignments a join users u on u.unit_id = a.unit_id
           where a.proposal_id = e.proposal_id and a.role = 'co' and a.status != 'withdrawn' and u.username = 'cxfwzx') order by e.id limit 1`,
      )
      .get(action) as { proposal: number; text: string; leadDirector: string | null } | undefined;
  const internal = [find("return"), find("receipt")];
  db.close();
  for (const comment of internal) {
    expect(comment, "the demo has such a proposal").toBeTruthy();
    const { proposal, text, leadDirector } = comment!;
    await page.context().clearCookies();
    await loginAs("cxfwzx");
    expect((await page.goto(`/proposals/${proposal}`))?.status()).toBe(200);
    const timeline = page.getByRole("region", { name: "办理记录" });
    await expect(timeline.getByRole("listitem").first()).toBeVisible();
    await expect(page.getByText(text)).toHaveCount(0);
    expect(await page.content()).not.toContain(text);
    // The pages it summarises are closed to this unit too.
    expect((await page.goto(`/proposals/${proposal}/drafts`))?.status()).toBe(403);
    if (leadDirector) {
      await page.context().clearCookies();
      await loginAs(leadDirector);
      await page.goto(`/proposals/${proposal}`);
      await expect(timeline.getByText(text).first()).toBeVisible();
    }
  }
});
