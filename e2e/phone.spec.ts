/**
 * Staff pages on a phone (issue 19 item 7): at 390×844 every role's pages fit the screen — the page never
 * scrolls sideways, no control sticks out past its right edge (only a ScrollFrame may scroll, inside
 * itself) — and are axe clean; the staff header folds into a 菜单 disclosure button that opens the
 * navigation by mouse and keyboard, and every link of it leads to its page; the director signs a reply
 * off through the real form. On a tablet the widest tables scroll in their own frame; on a desktop the
 * navigation shows as before, without the button.
 */
import { noAxeViolations } from "./accessibility";
import { expect, test, type Page } from "./fixtures";
import { proposalState } from "./proposal-page";
import { fitsThePhone, noSidewaysScroll, PHONE } from "./phone";
import { prepareJointReply, prepareProposal } from "./prepared-proposal";

test.use({ viewport: PHONE });

const menuButton = (page: Page) => page.getByRole("button", { name: "菜单" });
const mainNav = (page: Page) => page.getByRole("navigation", { name: "主导航" });

/** Opens the 菜单 (clicking again until the page has hydrated and the button answers). */
async function openMenu(page: Page) {
  const button = menuButton(page);
  await expect(button).toHaveAttribute("aria-expanded", "false");
  await expect(mainNav(page)).toBeHidden();
  await expect(async () => {
    await button.click();
    await expect(button).toHaveAttribute("aria-expanded", "true", { timeout: 1_000 });
  }).toPass();
  await expect(mainNav(page)).toBeVisible();
}

/**
 * Through the 菜单, each navigation link in turn: it is on the screen once the menu opens, it leads to
 * its page (and the menu is closed there), and that page fits. Returns the labels found.
 */
async function everyNavLinkFits(page: Page, labels: string[]) {
  await openMenu(page);
  await expect(mainNav(page).getByRole("link")).toHaveText(labels);
  for (const label of labels) {
    if (!(await mainNav(page).isVisible())) await openMenu(page);
    const link = mainNav(page).getByRole("link", { name: label, exact: true });
    await expect(link).toBeInViewport();
    const href = (await link.getAttribute("href"))!;
    await link.click();
    await expect(page).toHaveURL(new RegExp(`${href}$`));
    await expect(menuButton(page)).toHaveAttribute("aria-expanded", "false");
    // The folded navigation marks where the page is (read through CSS, as it is hidden from the roles now).
    await expect(page.locator('nav[aria-label="主导航"] [aria-current="page"]')).toHaveText(label);
    await fitsThePhone(page);
  }
}

test("the 菜单 holds the account links too and works by keyboard: Escape closes it, Enter and Space toggle it, Tab goes into it", async ({
  page,
  loginAs,
}) => {
  await loginAs("coordinator");
  await page.goto("/work");
  await openMenu(page);
  // Who is signed in, 消息, 修改密码 and 退出 are in the menu too.
  for (const name of [/^消息/, /^修改密码$/]) await expect(page.getByRole("link", { name })).toBeInViewport();
  await expect(page.getByRole("button", { name: "退出" })).toBeInViewport();
  await noAxeViolations(page);

  // Escape closes it and gives the focus back; Enter opens it; Tab goes on into the links.
  await page.keyboard.press("Escape");
  await expect(menuButton(page)).toHaveAttribute("aria-expanded", "false");
  await expect(menuButton(page)).toBeFocused();
  await expect(mainNav(page)).toBeHidden();
  await page.keyboard.press("Enter");
  await expect(menuButton(page)).toHaveAttribute("aria-expanded", "true");
  await page.keyboard.press("Tab");
  await expect(mainNav(page).getByRole("link", { name: "待办" })).toBeFocused();
  await page.keyboard.press("Escape");
  await expect(menuButton(page)).toBeFocused();
  await page.keyboard.press("Space");
  await expect(menuButton(page)).toHaveAttribute("aria-expanded", "true");
  await page.keyboard.press("Space");
  await expect(menuButton(page)).toHaveAttribute("aria-expanded", "false");
});

test("the coordinator's 菜单 reaches 待办, 全部提案, 督办 and 统计, each fitting 390 px", async ({ page, loginAs }) => {
  test.setTimeout(90_000);
  await loginAs("coordinator");
  await page.goto("/work");
  await fitsThePhone(page);
  await everyNavLinkFits(page, ["待办", "全部提案", "督办", "面商座谈", "批量办理", "统计"]);
});

test("the coordinator's proposal pages fit 390 px: filtering the list, a proposal to assign, one being handled, one replied", async ({
  page,
  loginAs,
}) => {
  test.setTimeout(60_000);
  await loginAs("coordinator");
  await page.goto("/proposals");
  await page.getByLabel("状态").selectOption({ label: "已登记" });
  await page.getByRole("button", { name: "查询" }).click();
  await expect(page).toHaveURL(/status=registered/);
  await fitsThePhone(page);
  await page
    .getByRole("link", { name: /^第\d+号(提案|建议)/ })
    .first()
    .click();
  await expect(page.getByRole("region", { name: "交办" })).toBeVisible();
  await fitsThePhone(page);

  const { id } = await prepareProposal("drafted", "手机屏幕上查看的办理中提案");
  await page.goto(`/proposals/${id}`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("手机屏幕上查看的办理中提案");
  await fitsThePhone(page);

  const replied = await prepareJointReply("手机屏幕上查看的已答复提案", []);
  await page.goto(`/proposals/${replied.id}`);
  await expect(page.getByRole("region", { name: /^答复函发文字号/ })).toBeVisible();
  await fitsThePhone(page);
});

test("蒋明杰's 待办, list, proposal page and 起草答复函 fit 390 px", async ({ page, loginAs }) => {
  test.setTimeout(60_000);
  const { id } = await prepareProposal("drafted", "手机屏幕上起草答复的提案");
  await loginAs("jiangmj");
  await page.goto("/work");
  await fitsThePhone(page);
  await everyNavLinkFits(page, ["待办", "全部提案", "面商座谈", "批量办理"]);
  await page.goto(`/proposals/${id}`);
  await fitsThePhone(page);
  await page.getByRole("link", { name: "修改答复函" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("起草答复函：手机屏幕上起草答复的提案");
  await expect(page.getByLabel("答复正文")).toBeVisible();
  await fitsThePhone(page);
});

test("邓敏军 signs a reply off at 390 px through the 审签 form", async ({ page, loginAs }) => {
  test.setTimeout(60_000);
  const { id } = await prepareProposal("in_review", "手机屏幕上审签的提案");
  await loginAs("dengmj");
  await page.goto("/work");
  await fitsThePhone(page);
  await everyNavLinkFits(page, ["待办", "全部提案", "面商座谈"]);

  await page.goto("/work");
  await page
    .getByRole("region", { name: /待审签答复函/ })
    .getByRole("link", { name: /手机屏幕上审签的提案/ })
    .click();
  await expect(page).toHaveURL(new RegExp(`/proposals/${id}$`));
  const signOff = page.getByRole("region", { name: /审签答复函（第 \d+ 稿）/ });
  await expect(signOff).toBeVisible();
  await fitsThePhone(page);
  const approve = signOff.getByRole("button", { name: "同意签发" });
  await approve.scrollIntoViewIfNeeded();
  await expect(approve).toBeInViewport();
  await approve.click();
  const letter = page.getByRole("region", { name: /^答复函发文字号/ });
  await expect(letter).toContainText(new RegExp(`发文字号：渝高新科函〔${new Date().getFullYear()}〕\\d+号`));
  await expect(proposalState(page)).toContainText("已答复");
  await fitsThePhone(page);
});

test("the administrator's pages fit 390 px", async ({ page, loginAs }) => {
  test.setTimeout(90_000);
  await loginAs("admin");
  await page.goto("/admin");
  await fitsThePhone(page);
  await everyNavLinkFits(page, ["管理"]);
  const sections = page.getByRole("navigation", { name: "系统管理" }).getByRole("link");
  const labels = await sections.allTextContents();
  expect(labels).toEqual(["概览", "单位", "用户", "届次会议", "主题分类", "系统设置", "节假日", "安全审计"]);
  for (const label of labels.slice(1)) {
    await page.getByRole("navigation", { name: "系统管理" }).getByRole("link", { name: label, exact: true }).click();
    await expect(page.getByRole("navigation", { name: "系统管理" }).getByRole("link", { name: label, exact: true })).toHaveAttribute(
      "aria-current",
      "page",
    );
    await fitsThePhone(page);
  }
  for (const path of ["/admin/users/new", "/admin/units/new", "/admin/sessions/new"]) {
    await page.goto(path);
    await fitsThePhone(page);
  }
});

test("刘新荣's pages fit 390 px: 我的提案, a reply with its 回执 form, 消息", async ({ page, loginAs }) => {
  test.setTimeout(60_000);
  const { id } = await prepareJointReply("手机屏幕上阅读答复的提案", []);
  await loginAs("liuxr");
  await page.goto("/member");
  await fitsThePhone(page);
  await page.getByRole("link", { name: "手机屏幕上阅读答复的提案" }).click();
  await expect(page).toHaveURL(new RegExp(`/member/proposals/${id}$`));
  await expect(page.getByRole("region", { name: "提交回执" })).toBeVisible();
  await fitsThePhone(page);
  await page.goto("/notifications");
  await fitsThePhone(page);
});

test.describe("on a desktop", () => {
  test.use({ viewport: { width: 1280, height: 720 } });

  test("the staff navigation shows in the header as before, without the 菜单 button", async ({ page, loginAs }) => {
    await loginAs("coordinator");
    await page.goto("/work");
    await expect(menuButton(page)).toBeHidden();
    await expect(mainNav(page).getByRole("link")).toHaveText(["待办", "全部提案", "督办", "面商座谈", "批量办理", "统计"]);
    await expect(page.getByRole("button", { name: "退出" })).toBeVisible();
    // One line: the navigation beside the title, the tables in columns.
    const header = await page.locator("header").boundingBox();
    expect(header!.height).toBeLessThan(60);
    await expect(page.getByRole("columnheader", { name: "收到日期" })).toBeVisible();
  });
});

test.describe("on a tablet", () => {
  test.use({ viewport: { width: 800, height: 1000 } });

  test("the widest tables (全部提案, 统计 by unit) scroll in their own frame, not the page", async ({ page, loginAs }) => {
    await loginAs("coordinator");
    const frames = { "/proposals": "提案列表（可横向滚动）", "/stats": "各主办单位（可横向滚动）" };
    for (const [path, frame] of Object.entries(frames)) {
      await page.goto(path);
      await expect(page.getByRole("region", { name: frame }).getByRole("table")).toBeVisible();
      await noSidewaysScroll(page);
    }
  });
});
