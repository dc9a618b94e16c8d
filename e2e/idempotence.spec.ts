/**
 * Double submissions against the production server: a double-clicked 同意签发, two 同意签发 sent at the
 * same moment over HTTP, and two people saving one reply draft. Each takes effect once: one 发文字号,
 * one event, no draft replaced.
 */
import { callServerAction, serverActionIds } from "../scripts/lib/server-action";
import { mintSessionToken, SESSION_COOKIE } from "../scripts/lib/session-cookie";
import { E2E } from "./env";
import { expect, test } from "./fixtures";
import { ensureSecondHandler, lastDocSerial, prepareProposal, writtenFor } from "./prepared-proposal";

const year = () => new Date().getFullYear();

test("a double-clicked 同意签发 signs the reply once: one 发文字号, one event", async ({ page, loginAs }) => {
  const { id } = await prepareProposal("in_review", "双击同意签发的测试提案");
  const before = await lastDocSerial();
  let posts = 0;
  page.on("request", (r) => {
    if (r.method() === "POST" && r.headers()["next-action"]) posts++;
  });
  await loginAs("dengmj");
  await page.goto(`/proposals/${id}`);
  await page
    .getByRole("region", { name: /审签答复函/ })
    .getByRole("button", { name: "同意签发" })
    .dblclick();
  const letter = page.getByRole("region", { name: /^答复函发文字号/ });
  await expect(letter).toContainText(new RegExp(`发文字号：渝高新科函〔${year()}〕\\d+号`));
  await expect(page.getByText("已答复").first()).toBeVisible();
  // Whatever the browser sent (one or two posts), one reply was signed, under a new number (other specs
  // may sign 科技创新局's replies meanwhile, so it need not be the very next one).
  expect(posts).toBeGreaterThanOrEqual(1);
  const written = await writtenFor(id);
  expect(written.replies).toHaveLength(1);
  expect(written.replies[0]!.docSerial).toBeGreaterThan(before);
  await expect(letter).toContainText(`发文字号：渝高新科函〔${year()}〕${written.replies[0]!.docSerial}号`);
  expect(written.actions.filter((a) => a === "approve")).toHaveLength(1);
});

test("two 同意签发 at the same moment over HTTP: one signs, the other is told it is signed already", async () => {
  const { id, version } = await prepareProposal("in_review", "并发同意签发的测试提案");
  const before = await lastDocSerial();
  const actionId = serverActionIds().get("app/(staff)/proposals/[id]/actions.ts#signOffReply")!;
  const sessionToken = await mintSessionToken(E2E.database, E2E.authSecret, "dengmj");
  const approve = async () =>
    callServerAction({
      baseURL: E2E.baseURL,
      page: `/proposals/${id}`,
      actionId,
      fields: { proposalId: String(id), version: String(version), decision: "approve", comment: "" },
      sessionToken,
    });
  const results = (await Promise.all([approve(), approve()])).map((r) => r.result as { ok: boolean; message?: string; error?: string });
  const written = await writtenFor(id);
  expect(written.replies).toHaveLength(1);
  expect(written.replies[0]!.docSerial).toBeGreaterThan(before);
  const signed = `渝高新科函〔${year()}〕${written.replies[0]!.docSerial}号`;
  expect(written.replies[0]!.docNumber).toBe(signed);
  expect(results.filter((r) => r.ok)).toEqual([{ ok: true, message: `已同意签发，发文字号 ${signed}` }]);
  expect(results.filter((r) => !r.ok)).toEqual([{ ok: false, error: "此答复函已签发" }]);
  expect(written.actions.filter((a) => a === "approve")).toHaveLength(1);
});

test("two handlers save one draft: the second is told who saved first, keeps their text, and nothing is replaced", async ({ browser }) => {
  const { id } = await prepareProposal("drafted", "两人同时修改草稿的测试提案");
  await ensureSecondHandler("kjj-wxl", "王晓琳");
  const open = async (username: string) => {
    const context = await browser.newContext();
    await context.addCookies([
      {
        name: SESSION_COOKIE,
        value: await mintSessionToken(E2E.database, E2E.authSecret, username),
        url: E2E.baseURL,
        httpOnly: true,
        sameSite: "Lax",
      },
    ]);
    const page = await context.newPage();
    await page.goto(`/proposals/${id}/reply`);
    const panel = page.getByRole("region", { name: /答复函草稿/ });
    await expect(panel).toHaveAccessibleName(/当前第 1 稿/);
    return { context, page, panel };
  };
  const jiang = await open("jiangmj");
  const wang = await open("kjj-wxl");

  await jiang.panel.getByLabel("答复正文").fill("一、工作开展情况\n\n蒋明杰补充的内容。");
  await jiang.panel.getByRole("button", { name: "保存草稿" }).click();
  await expect(jiang.page.getByRole("region", { name: /当前第 2 稿/ })).toBeVisible();

  const mine = "一、工作开展情况\n\n王晓琳补充的内容。";
  await wang.panel.getByLabel("答复正文").fill(mine);
  await wang.panel.getByRole("button", { name: "保存草稿" }).click();
  await expect(wang.panel.getByRole("status")).toContainText(
    /蒋明杰已于 .+ 保存了第 2 稿，本次修改未保存，以免覆盖。请先复制您的修改，刷新页面查看第 2 稿后再保存。/,
  );
  await expect(wang.panel.getByLabel("答复正文")).toHaveValue(mine);

  const written = await writtenFor(id);
  expect(written.drafts.map((d) => [d.version, d.body])).toEqual([
    [1, "一、工作开展情况\n\n已出台专项政策。"],
    [2, "一、工作开展情况\n\n蒋明杰补充的内容。"],
  ]);
  expect(written.actions.filter((a) => a === "save_draft")).toHaveLength(2);

  // After a refresh 王晓琳 works on version 2 and saves version 3.
  await wang.page.reload();
  await wang.page
    .getByRole("region", { name: /当前第 2 稿/ })
    .getByLabel("答复正文")
    .fill(mine);
  await wang.page
    .getByRole("region", { name: /当前第 2 稿/ })
    .getByRole("button", { name: "保存草稿" })
    .click();
  await expect(wang.page.getByRole("region", { name: /当前第 3 稿/ })).toBeVisible();
  await jiang.context.close();
  await wang.context.close();
});
