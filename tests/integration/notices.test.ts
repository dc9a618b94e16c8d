import { and, desc, eq, gt } from "drizzle-orm";
import { afterEach, describe, expect, it } from "vitest";
import { superviseSteps } from "@/db/handling/supervision";
import { approveReply } from "@/db/handling/sign-off";
import { saveSmtpSettings } from "@/db/queries/outbox";
import { supervisionItems } from "@/db/queries/supervision";
import { emailOutbox, notifications, proposals, users } from "@/db/schema";
import { proposalLabel } from "@/lib/format";
import { SMTP_DISABLED } from "@/lib/mail";
import { DEMO_TODAY, demoDatabase } from "./demo-db";

let cleanup = () => {};
afterEach(() => cleanup());

const NAMES_PROPOSAL = /^第\d+号(提案|建议)《[^》]+》：/;
const TITLE_180 = "关于抢抓人才红利机遇,赋能科学城产业发展的建议";

describe("notices name the proposal they are about and link to it", () => {
  it("the demo's notices, and those and the mails of 同意签发, say 第N号 and the title, with the proposal's link", async () => {
    const t = await demoDatabase();
    cleanup = t.cleanup;
    const seeded = await t.db.select().from(notifications).all();
    expect(seeded.length).toBeGreaterThan(0);
    for (const n of seeded) expect(n.message).toMatch(NAMES_PROPOSAL);

    await saveSmtpSettings(
      t.db,
      { ...SMTP_DISABLED, enabled: true, host: "127.0.0.1", from: "tian@example.gov.cn", siteUrl: "https://tian.example.gov.cn" },
      (await t.user("admin")).id,
    );
    await t.db.update(users).set({ email: "jiangmj@example.gov.cn" }).where(eq(users.username, "jiangmj")).run();
    const last = Math.max(...seeded.map((n) => n.id));
    const id180 = (await t.db.select().from(proposals).where(eq(proposals.number, 180)).get())!.id;
    expect((await approveReply(t.db, await t.user("dengmj"), id180, null)).ok).toBe(true);

    const sent = await t.db.select().from(notifications).where(gt(notifications.id, last)).all();
    expect(sent.length).toBeGreaterThanOrEqual(3);
    for (const n of sent) expect(n.message).toMatch(NAMES_PROPOSAL);
    const jiangmj = await t.user("jiangmj");
    const handler = sent.find((n) => n.userId === jiangmj.id)!;
    expect(handler).toMatchObject({ message: `第180号提案《${TITLE_180}》：答复函已签发`, link: `/proposals/${id180}` });
    const liuxr = await t.user("liuxr");
    expect(sent.find((n) => n.userId === liuxr.id)).toMatchObject({ link: `/member/proposals/${id180}` });

    const [mail] = await t.db.select().from(emailOutbox).all();
    expect(mail).toMatchObject({ toAddress: "jiangmj@example.gov.cn", subject: `【提案办理】第180号提案《${TITLE_180}》：答复函已签发` });
    expect(mail!.body).toContain(`https://tian.example.gov.cn/proposals/${id180}`);
  });

  it("a 督办 from the board of an overdue reply says how many days it is overdue", async () => {
    const t = await demoDatabase();
    cleanup = t.cleanup;
    const step = (await supervisionItems(t.db, DEMO_TODAY)).find((i) => i.stage === "reply" && i.due < DEMO_TODAY)!;
    expect(step).toBeDefined();
    const results = await superviseSteps(
      t.db,
      await t.user("coordinator"),
      { unitId: step.unitId, proposalIds: [step.proposalId], stage: "reply" },
      DEMO_TODAY,
    );
    expect(results.map((r) => r.ok)).toEqual([true]);
    const handler = (await t.db
      .select({ id: users.id })
      .from(users)
      .where(and(eq(users.unitId, step.unitId), eq(users.role, "handler")))
      .get())!;
    const notice = (await t.db
      .select()
      .from(notifications)
      .where(eq(notifications.userId, handler.id))
      .orderBy(desc(notifications.id))
      .get())!;
    const days = Math.round((Date.parse(DEMO_TODAY) - Date.parse(step.due)) / 86_400_000);
    expect(notice).toMatchObject({
      proposalId: step.proposalId,
      link: `/proposals/${step.proposalId}`,
      message: `${proposalLabel(step.number, step.kind)}《${step.title}》：督办：答复已超期${days}天（期限${step.due}），请尽快办理。`,
    });
    expect(notice.message).not.toContain("前完成");
  });
});
