/**
 * 并案 on the coordinator's page: before 交办 the proposal's text and the similar proposals come first;
 * 并案 is a step that says what will happen before anything is written; 取消并案 asks for a reason; both
 * appear on the timelines of the two proposals.
 */
import { noAxeViolations } from "./accessibility";
import { expect, test } from "./fixtures";
import { demoProposal, writtenFor } from "./prepared-proposal";

const AGAIN = "关于进一步推进老旧小区加装电梯工作的建议";
const EARLIER = "关于加快老旧小区加装电梯的建议";

test("the coordinator links a proposal raised again to the earlier one after confirming, and undoes it with a reason", {
  tag: "@issue-16",
}, async ({ page, loginAs }) => {
  const again = await demoProposal(AGAIN);
  const earlier = await demoProposal(EARLIER);
  await loginAs("coordinator");
  await page.goto(`/proposals/${again.id}`);

  const text = page.getByRole("region", { name: "提案内容" });
  const similar = page.getByRole("region", { name: "相似提案与并案办理" });
  const assign = page.getByRole("region", { name: "交办", exact: true });
  // Read first, then decide: the text and the similar list stand above the 交办 form.
  const top = async (region: typeof text) => (await region.boundingBox())!.y;
  expect(await top(text)).toBeLessThan(await top(similar));
  expect(await top(similar)).toBeLessThan(await top(assign));

  const item = similar.getByRole("listitem").filter({ hasText: EARLIER });
  await expect(item).toContainText(/相似度 3\d%/);
  await expect(similar.getByRole("listitem")).toHaveCount(1);

  await item.getByText("并案…").click();
  const confirm = item.getByRole("group", { name: /确认与第\d+号提案《关于加快老旧小区加装电梯的建议》并案/ });
  await expect(confirm).toContainText(`将本提案（第${again.number}号提案《${AGAIN}》）与第${earlier.number}号提案《${EARLIER}》并案办理？`);
  await noAxeViolations(page);
  expect((await writtenFor(again.id)).actions).not.toContain("link");
  await confirm.getByRole("button", { name: "确认并案" }).click();

  const linked = similar.getByRole("listitem").filter({ hasText: EARLIER });
  await expect(similar.getByRole("heading", { name: "已并案办理" })).toBeVisible();
  await expect(page.getByRole("region", { name: "办理记录" }).getByText(`（与第${earlier.number}号提案）`)).toBeVisible();
  expect((await writtenFor(earlier.id)).actions).toContain("link");

  await linked.getByText("取消并案…").click();
  const undo = linked.getByRole("group", { name: /确认取消与/ });
  await undo.getByRole("button", { name: "确认取消并案" }).click();
  await expect(undo.getByText("请填写取消并案的理由")).toBeVisible();
  await undo.getByLabel("取消并案的理由").fill("两件提案分属不同年度，各自办理即可。");
  await undo.getByRole("button", { name: "确认取消并案" }).click();

  await expect(similar.getByRole("heading", { name: "已并案办理" })).toHaveCount(0);
  await expect(similar.getByRole("listitem").filter({ hasText: EARLIER }).getByText("并案…")).toBeVisible();
  const timeline = page.getByRole("region", { name: "办理记录" });
  await expect(timeline.getByText("取消并案")).toBeVisible();
  await expect(timeline).toContainText("两件提案分属不同年度，各自办理即可。");

  await page.goto(`/proposals/${earlier.id}`);
  const theirs = page.getByRole("region", { name: "办理记录" });
  await expect(theirs.getByText(`（与第${again.number}号提案）`)).toHaveCount(2);
  await expect(theirs).toContainText("两件提案分属不同年度，各自办理即可。");
});
