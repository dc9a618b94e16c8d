/**
 * Sends the mail outbox (with retries, db/queries/outbox.ts) every INTERVAL_MS and, once a day at 08:00 China time,
 * queues the digests. Idle while mail is disabled in the settings. Every instance runs one (scripts/background-worker.ts):
 * a worker claims its due mails in the database, so none is sent twice (docs/decisions/012).
 */
import nodemailer from "nodemailer";
import type { Db } from "@/db/client";
import { deliverOutbox, queueDigests, smtpSettings } from "@/db/queries/outbox";

const INTERVAL_MS = 30_000;

export type MailSender = { stop(): void };

export function startMailSender(db: Db): MailSender {
  let lastDigestDay = "";
  let timer: NodeJS.Timeout | null = null;
  let stopped = false;

  async function tick() {
    const smtp = await smtpSettings(db);
    if (!smtp.enabled) return;
    const china = new Date(Date.now() + 8 * 3600_000);
    const day = china.toISOString().slice(0, 10);
    if (china.getUTCHours() >= 8 && day !== lastDigestDay) {
      await queueDigests(db);
      lastDigestDay = day;
    }
    const transport = nodemailer.createTransport({
      host: smtp.host,
      port: smtp.port,
      secure: smtp.secure,
      auth: smtp.user ? { user: smtp.user, pass: smtp.password ?? "" } : undefined,
    });
    const { sent, failed } = await deliverOutbox(db, async (mail) => {
      await transport.sendMail({ from: smtp.from, to: mail.to, subject: mail.subject, text: mail.text });
    });
    if (sent || failed) console.log(`mail: ${sent} sent, ${failed} failed`);
  }

  async function loop() {
    try {
      await tick();
    } catch (error) {
      console.error("mail sender", error);
    }
    if (!stopped) timer = setTimeout(loop, INTERVAL_MS);
  }

  void loop();
  return {
    stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
    },
  };
}
