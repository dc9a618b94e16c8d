/**
 * `npm run dev` does an instance's background work as the production server does (scripts/background-worker.ts):
 * a mail in the outbox reaches a real SMTP server, and the proposals queued for their similar rankings get them.
 * Before, Next's development server ran neither: a developer's mails stayed pending for ever.
 *
 * Starts scripts/dev.ts for real (Next's development server on a free port, over the test's copy of the demo), and
 * stops it and its children as `Ctrl-C` would.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { count } from "drizzle-orm";
import { afterEach, expect, it } from "vitest";
import { closeDatabase } from "@/db/client";
import { saveSmtpSettings } from "@/db/queries/outbox";
import { emailOutbox, proposals, similarRankings } from "@/db/schema";
import { SMTP_DISABLED } from "@/lib/mail";
import { freePort } from "@/scripts/lib/free-port";
import { until } from "@/scripts/lib/until";
import { demoDatabase } from "./demo-db";
import { openAt } from "./open-at";
import { startSmtp } from "./smtp";

const cleanups: (() => void | Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

/** Ends the launcher as a terminal's Ctrl-C does (SIGINT to it), then whatever of its group is left. */
async function stop(child: ChildProcess) {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once("exit", resolve));
  child.kill("SIGINT");
  const timer = setTimeout(() => process.kill(-child.pid!, "SIGKILL"), 10_000);
  await exited;
  clearTimeout(timer);
  try {
    process.kill(-child.pid!, "SIGKILL");
  } catch {
    // The group is gone.
  }
}

it("npm run dev sends the outbox's mail and stores the queued similar rankings", { timeout: 120_000 }, async () => {
  const smtp = await startSmtp();
  cleanups.push(smtp.close);
  const received = () => smtp.received.flatMap((m) => m.to);

  const t = await demoDatabase();
  cleanups.push(t.cleanup);
  await saveSmtpSettings(
    t.db,
    {
      ...SMTP_DISABLED,
      enabled: true,
      host: "127.0.0.1",
      port: smtp.port,
      from: "tian@example.gov.cn",
      siteUrl: "https://tian.example.gov.cn",
    },
    (await t.user("admin")).id,
  );
  await t.db
    .insert(emailOutbox)
    .values({ toAddress: "jiangmj@example.gov.cn", subject: "测试邮件", body: "开发服务器发送的测试邮件" })
    .run();
  // The demo's proposals are queued by their triggers as they are registered; nothing has ranked them yet.
  const all = (await t.db.select({ n: count() }).from(proposals).get())!.n;
  expect(await t.db.select({ n: count() }).from(similarRankings).get()).toEqual({ n: 0 });
  await closeDatabase(t.db);

  const port = await freePort();
  const dev = spawn(process.execPath, ["--import", "tsx", "scripts/dev.ts", "--db", t.location, "--port", String(port)], {
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
    env: { ...process.env, DATABASE_URL: "", VITEST: "" },
  });
  let output = "";
  for (const stream of [dev.stdout, dev.stderr]) stream!.on("data", (chunk: Buffer) => (output += chunk.toString()));
  cleanups.push(() => stop(dev));

  const db = openAt(t.location);
  cleanups.push(() => closeDatabase(db));
  try {
    await until("the mail at the SMTP server", 60_000, async () => received().length > 0);
    expect(received()).toEqual(["jiangmj@example.gov.cn"]);
    expect(await db.select({ status: emailOutbox.status }).from(emailOutbox).all()).toEqual([{ status: "sent" }]);
    const ranked = await until("every proposal's similar ranking", 60_000, async () => {
      const { n } = (await db.select({ n: count() }).from(similarRankings).get())!;
      return n === all ? n : null;
    });
    expect(ranked).toBe(all);
    // Next's development server answers beside it.
    expect((await fetch(`http://127.0.0.1:${port}/humans.txt`)).status).toBe(200);
  } catch (error) {
    throw new Error(`${error instanceof Error ? error.message : error}\nnpm run dev printed:\n${output.slice(-3000)}`);
  }
});
