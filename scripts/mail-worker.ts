/**
 * Sends the mail outbox (with retries) and, once a day at 08:00 China time, the digests.
 * Idle while mail is disabled in the settings. Started by scripts/serve.ts beside the web server.
 */
import nodemailer from "nodemailer";
import { openConfiguredDatabase } from "@/db/client";
import { deliverOutbox, queueDigests, smtpSettings } from "@/db/queries/outbox";

const INTERVAL_MS = 30_000;
const db = openConfiguredDatabase();
let lastDigestDay = "";

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
    console.error("mail worker", error);
  }
  setTimeout(loop, INTERVAL_MS);
}

void loop();
