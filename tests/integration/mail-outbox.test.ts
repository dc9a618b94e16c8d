import { eq } from "drizzle-orm";
import nodemailer from "nodemailer";
import { afterEach, describe, expect, it } from "vitest";
import { approveReply } from "@/db/handling/sign-off";
import { CLAIM_MS, deliverOutbox, queueDigests, saveSmtpSettings } from "@/db/queries/outbox";
import { emailOutbox, notifications, proposals, users } from "@/db/schema";
import { SMTP_DISABLED } from "@/lib/mail";
import { demoDatabase } from "./demo-db";
import { startSmtp } from "./smtp";

const cleanups: (() => void | Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

function sender(port: number) {
  const transport = nodemailer.createTransport({ host: "127.0.0.1", port, secure: false, ignoreTLS: true });
  return async (mail: { to: string; subject: string; text: string }) => {
    await transport.sendMail({ from: "tian@example.gov.cn", ...mail });
  };
}

async function setup() {
  const t = await demoDatabase();
  cleanups.push(t.cleanup);
  await saveSmtpSettings(
    t.db,
    { ...SMTP_DISABLED, enabled: true, host: "127.0.0.1", from: "tian@example.gov.cn", siteUrl: "https://tian.example.gov.cn" },
    (await t.user("admin")).id,
  );
  await t.db.update(users).set({ email: "jiangmj@example.gov.cn" }).where(eq(users.username, "jiangmj")).run();
  return t;
}

describe("mail through the outbox", () => {
  it("sends the approval notice to the handler through a real SMTP server", async () => {
    const t = await setup();
    const smtp = await startSmtp();
    cleanups.push(smtp.close);
    const id180 = (await t.db.select().from(proposals).where(eq(proposals.number, 180)).get())!.id;
    expect((await approveReply(t.db, await t.user("dengmj"), id180, null)).ok).toBe(true);
    const queued = await t.db.select().from(emailOutbox).all();
    expect(queued.map((m) => [m.toAddress, m.subject])).toEqual([
      ["jiangmj@example.gov.cn", "【提案办理】第180号提案《关于抢抓人才红利机遇,赋能科学城产业发展的建议》：答复函已签发"],
    ]);
    expect(queued[0]!.body).toContain(`https://tian.example.gov.cn/proposals/${id180}`);
    expect(await deliverOutbox(t.db, sender(smtp.port))).toEqual({ sent: 1, failed: 0 });
    expect(smtp.received).toHaveLength(1);
    expect(smtp.received[0]!.to).toEqual(["jiangmj@example.gov.cn"]);
    expect(await t.db.select().from(emailOutbox).get()).toMatchObject({ status: "sent", attempts: 1 });
  });

  it("keeps the mail while the server is down and sends it when it is back", async () => {
    const t = await setup();
    const id180 = (await t.db.select().from(proposals).where(eq(proposals.number, 180)).get())!.id;
    expect((await approveReply(t.db, await t.user("dengmj"), id180, null)).ok).toBe(true);
    const smtp = await startSmtp();
    const port = smtp.port;
    await smtp.close();
    const now = new Date();
    expect(await deliverOutbox(t.db, sender(port), now)).toEqual({ sent: 0, failed: 1 });
    const kept = (await t.db.select().from(emailOutbox).get())!;
    expect(kept).toMatchObject({ status: "pending", attempts: 1 });
    expect(kept.nextAttemptAt.getTime()).toBe(now.getTime() + 60_000);
    expect(await deliverOutbox(t.db, sender(port), now)).toEqual({ sent: 0, failed: 0 }); // not yet due
    const back = await startSmtp(port);
    cleanups.push(back.close);
    expect(await deliverOutbox(t.db, sender(port), new Date(now.getTime() + 61_000))).toEqual({ sent: 1, failed: 0 });
    expect(back.received).toHaveLength(1);
    expect(await t.db.select().from(emailOutbox).get()).toMatchObject({ status: "sent", attempts: 2 });
  });

  it("gives digest readers no single mails but one digest a day, and nothing while mail is disabled", async () => {
    const t = await setup();
    await t.db.update(users).set({ emailDigest: true }).where(eq(users.username, "jiangmj")).run();
    const id180 = (await t.db.select().from(proposals).where(eq(proposals.number, 180)).get())!.id;
    expect((await approveReply(t.db, await t.user("dengmj"), id180, null)).ok).toBe(true);
    expect(await t.db.select().from(emailOutbox).all()).toHaveLength(0);
    expect(await queueDigests(t.db)).toBe(1);
    expect((await t.db.select().from(emailOutbox).get())!.subject).toMatch(/^【提案办理】您有 \d+ 条待办消息$/);
    expect(await queueDigests(t.db)).toBe(0);
    await saveSmtpSettings(t.db, SMTP_DISABLED, (await t.user("admin")).id);
    await t.db.update(users).set({ emailDigest: false }).where(eq(users.username, "jiangmj")).run();
    expect(await queueDigests(t.db)).toBe(0);
  });

  it("sends each mail once when two workers deliver at the same time", async () => {
    const t = await setup();
    const smtp = await startSmtp();
    cleanups.push(smtp.close);
    await t.db
      .insert(emailOutbox)
      .values(Array.from({ length: 20 }, (_, i) => ({ toAddress: `m${i}@example.gov.cn`, subject: `第${i}封`, body: "正文" })))
      .run();
    const send = sender(smtp.port);
    // Each send takes a while, so that the two workers overlap for the whole delivery.
    const slow = async (mail: { to: string; subject: string; text: string }) => {
      await new Promise((r) => setTimeout(r, 20));
      await send(mail);
    };
    const [a, b] = await Promise.all([deliverOutbox(t.db, slow, new Date(), 10), deliverOutbox(t.db, slow, new Date(), 10)]);
    expect(a.sent + b.sent).toBe(20);
    expect(a.sent).toBeGreaterThan(0);
    expect(b.sent).toBeGreaterThan(0);
    expect(smtp.received.map((m) => m.to[0]).sort()).toEqual(Array.from({ length: 20 }, (_, i) => `m${i}@example.gov.cn`).sort());
    expect(await deliverOutbox(t.db, slow)).toEqual({ sent: 0, failed: 0 });
  });

  it("sends the mails of a worker that died holding them once their claim has run out", async () => {
    const t = await setup();
    const smtp = await startSmtp();
    cleanups.push(smtp.close);
    await t.db.insert(emailOutbox).values({ toAddress: "a@example.gov.cn", subject: "待发", body: "正文" }).run();
    const now = new Date();
    // The first worker takes the mail and never comes back (its send never ends).
    void deliverOutbox(t.db, () => new Promise(() => {}), now);
    await new Promise((r) => setTimeout(r, 200));
    expect(await deliverOutbox(t.db, sender(smtp.port), new Date(now.getTime() + CLAIM_MS - 1000))).toEqual({ sent: 0, failed: 0 });
    expect(await deliverOutbox(t.db, sender(smtp.port), new Date(now.getTime() + CLAIM_MS + 1000))).toEqual({ sent: 1, failed: 0 });
    expect(smtp.received).toHaveLength(1);
  });

  it("queues one digest a day per user, however many workers queue and whatever arrives between them", async () => {
    const t = await setup();
    const handler = await t.user("jiangmj");
    await t.db.update(users).set({ emailDigest: true }).where(eq(users.id, handler.id)).run();
    const morning = new Date("2026-12-07T00:30:00Z"); // 08:30 in China
    const notice = (message: string, at: Date) =>
      t.db.insert(notifications).values({ userId: handler.id, kind: "test", message, link: null, createdAt: at }).run();
    await notice("第一条", new Date(morning.getTime() - 3600_000));
    const [a, b] = await Promise.all([queueDigests(t.db, morning), queueDigests(t.db, morning)]);
    expect(a + b).toBe(1);
    await notice("第二条", new Date(morning.getTime() + 30_000));
    expect(await queueDigests(t.db, new Date(morning.getTime() + 60_000))).toBe(0);
    expect(await queueDigests(t.db, new Date(morning.getTime() + 24 * 3600_000))).toBe(1);
    expect(await t.db.select().from(emailOutbox).all()).toHaveLength(2);
  });
});
