/**
 * The real thing (issue 21): Debian's nginx with the committed configuration (deploy/nginx/tian-banli.conf) in
 * front of two app instances started as a deployment starts them, on one PostgreSQL database and one
 * attachments folder, with mail enabled in the settings and sent to an SMTP server of the test's own.
 *
 * Through nginx, under the name tian.example.gov.cn (mapped to loopback in Chromium), proposal 180 goes the
 * whole way in Chromium (the steps of e2e/walk-180.ts, then 发布), while an in-process load generator saves
 * reply drafts and contact records as several handlers and reads public and staff pages. After the office has
 * divided the proposal, instance B's whole process group is killed with SIGKILL; the walk goes on through A,
 * and B is started again before the 分管领导's second look. Then 撤回公开 is done on instance A directly, and
 * both instances and nginx are polled until the reply is gone from the public page, the search, the feed and
 * the sitemap.
 *
 * Before the walk, sign-in state is checked across the instances directly: a lock, an address's failures and a
 * signed-out session made on one instance hold on the other.
 *
 * Printed and asserted: every write answered {ok: true} is in the database; no mail was sent twice and every
 * mail marked sent arrived; 180's event log holds every step the walk took, in order; no GET failed during
 * the switch-over (nginx retries them on the other instance) and what the POSTs that hit the dying instance
 * were answered; the withdrawal is gone everywhere within 2 s.
 *
 *   npx playwright test -c playwright.multi.config.ts      (after npm run build; NEXT_DIST_DIR honoured)
 */
import fs from "node:fs";
import pg from "pg";
import { UPLOAD_REQUEST_BYTES } from "../../lib/uploads";
import { bundleServer } from "../../scripts/lib/bundle-server";
import { createDatabase } from "../../scripts/lib/create-database";
import { callServerAction, serverActionIds } from "../../scripts/lib/server-action";
import { mintSessionToken } from "../../scripts/lib/session-cookie";
import type { Response as PlaywrightResponse } from "@playwright/test";
import { ACCOUNT_LIMIT, DEFAULT_ADDRESS_LIMIT } from "../../lib/sign-in-limits";
import { DEMO_PASSWORD, expect, test } from "../fixtures";
import { region } from "../proposal-page";
import {
  colleagueOnlyReads,
  coordinatorPublishes,
  directorSignsOnPhone,
  handlerDrafts,
  handlerRevises,
  handlerUploadsSealedScan,
  leaderApproves,
  leaderReturns,
  memberDownloadsScan,
  officeDivides,
  onePagePdf,
  registerAndAssign,
  signedIn,
  stepsLogged,
  submitForReview,
  walkShots,
  WALK_180_STEPS,
} from "../walk-180";
import {
  clientMaxBodyBytes,
  findNginx,
  killInstance,
  makeWorkDir,
  resolveSiteNameToLoopback,
  type Instance,
  type Nginx,
  type Smtp,
  signalGroup,
  sleep,
  startInstance,
  startNginx,
  startSmtp,
  waitUntilAnswers,
} from "./cluster";
import { MULTI } from "./env";
import { Load, type Sample, writesPresent } from "./load";
import { signInAt, signOutAt, statusAt } from "./sign-in";

/** The withdrawn reply must be gone from every instance and from nginx within this. */
const WITHDRAWAL_LIMIT_MS = 2000;
/** How long instance B is frozen before it is killed. */
const FREEZE_MS = 3000;
/** How long the withdrawal is watched (past the limit, to report the time it really takes). */
const WITHDRAWAL_WATCH_MS = 6000;
/** A word of 180's reply that no demo publication holds (its search finds 180 alone). */
const SEARCH_WORD = "博士";

walkShots.dir = null;
resolveSiteNameToLoopback();

let work = "";
let nginx: Nginx | null = null;
let smtp: Smtp | null = null;
const instances: { a: Instance | null; b: Instance | null } = { a: null, b: null };
let load: Load | null = null;

/** A statement on the run's database, as the test's own setup (never the app's path). */
async function sql<T extends pg.QueryResultRow = Record<string, unknown>>(text: string, params: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: MULTI.databaseUrl });
  await client.connect();
  try {
    return (await client.query<T>(text, params)).rows;
  } finally {
    await client.end();
  }
}

const say = (line = "") => console.log(line);

test.beforeAll(async () => {
  // Instance A makes the demo database and signs its letters first.
  test.setTimeout(360_000);
  findNginx();
  work = makeWorkDir();
  say(
    `多实例测试：nginx ${MULTI.origin}（127.0.0.1:${MULTI.nginxPort}），实例 A :${MULTI.appPorts[0]}、B :${MULTI.appPorts[1]}，数据库 ${MULTI.database}，构建 ${MULTI.distDir}，工作目录 ${work}`,
  );
  // The server's programs as the source has them now, over the existing `next build` (as the e2e server does).
  await bundleServer(MULTI.distDir);
  await createDatabase(MULTI.pgServer, MULTI.database);
  smtp = await startSmtp(MULTI.smtpPort);
  nginx = await startNginx(work);
  // The demo seeded once, by the first instance on an emptied database; the second starts on it as it is.
  instances.a = startInstance("A", MULTI.appPorts[0], work, { fresh: true });
  // A makes the demo database first, its letters printed and signed (scripts/lib/demo-signatures.ts).
  await waitUntilAnswers(instances.a, 240_000);
  instances.b = startInstance("B", MULTI.appPorts[1], work);
  await waitUntilAnswers(instances.b);
});

test.afterAll(async () => {
  await load?.stop();
  await Promise.all([instances.a, instances.b].map(async (i) => (i ? killInstance(i, "SIGTERM") : undefined)));
  await nginx?.stop();
  await smtp?.close();
  if (work && test.info().errors.length === 0) fs.rmSync(work, { recursive: true, force: true });
  else if (work) say(`日志保留在 ${work}`);
});

/** Samples answered (or failed) in [from, to), by method: a request in flight when B died counts after the kill. */
function failures(samples: readonly Sample[], method: Sample["method"], from: number, to: number) {
  const inWindow = samples.filter((s) => s.method === method && s.end >= from && s.end < to);
  return { total: inWindow.length, failed: inWindow.filter((s) => s.failed) };
}

/**
 * One of the places a withdrawn reply must leave, on one instance or through nginx. Through nginx each look
 * asks twice in a row, so that both instances answer it (round robin, the load stopped).
 */
type Probe = { where: string; base: string; asks: number; what: string; path: string; gone: (status: number, body: string) => boolean };

test("two instances behind nginx: proposal 180 walked while instance B is killed and restarted under load; writes, mails, the event log and a withdrawal hold", async ({
  browser,
}) => {
  test.setTimeout(300_000);
  const started = Date.now();

  // The committed configuration: bodies as large as the app's largest upload, POSTs never retried (soft: the
  // run goes on, so that a changed configuration shows what it does).
  const config = fs.readFileSync(MULTI.nginxConfig, "utf8");
  expect.soft(clientMaxBodyBytes(config), "client_max_body_size = UPLOAD_REQUEST_BYTES (lib/uploads.ts)").toBe(UPLOAD_REQUEST_BYTES);
  expect.soft(config).toMatch(/^\s*proxy_next_upstream error timeout http_502 http_503 http_504;/m);
  expect.soft(config).not.toMatch(/^\s*proxy_next_upstream\b[^;]*non_idempotent/m);

  // Links and redirects name the public origin, never an instance's own address.
  const viaNginx = async (path: string, headers: Record<string, string> = {}) => {
    const response = await fetch(`${MULTI.origin}${path}`, { redirect: "manual", headers });
    return { status: response.status, location: response.headers.get("location"), body: await response.text() };
  };
  const feed = await viaNginx("/open/feed.xml");
  expect(feed.body).toContain(`<link>${MULTI.origin}/open</link>`);
  const sitemap = await viaNginx("/sitemap.xml");
  expect(sitemap.body).toContain(`<loc>${MULTI.origin}/open</loc>`);
  for (const text of [feed.body, sitemap.body]) expect(text).not.toMatch(/localhost|127\.0\.0\.1|:355[12]\b/);
  const redirect = await viaNginx("/work");
  expect(redirect.status).toBe(307);
  expect(new URL(redirect.location!, MULTI.origin).origin).toBe(MULTI.origin);

  // Sign-in state is the database's, not an instance's: an account locked on A is locked on B, failures from one
  // address count on both, and a session signed out on A opens nothing on B.
  const [baseA, baseB] = MULTI.appPorts.map((port) => `http://127.0.0.1:${port}`) as [string, string];
  for (let n = 0; n < ACCOUNT_LIMIT.maxFailures; n++) await signInAt(baseA, "czj-fz", "wrong-password", "10.20.0.1");
  const lockedOnB = await signInAt(baseB, "czj-fz", DEMO_PASSWORD, "10.20.0.2");
  expect.soft(lockedOnB, "an account locked on A, signed in on B with its right password").toMatchObject({ session: null, code: "locked" });
  const address = "10.20.0.3";
  for (let n = 0; n < DEFAULT_ADDRESS_LIMIT.maxFailures; n++)
    await signInAt(n % 2 ? baseA : baseB, `nobody-${n}`, "wrong-password", address);
  const throttled = await signInAt(baseA, "ghzyj-fz", DEMO_PASSWORD, address);
  expect
    .soft(throttled, "an address with its failures split between A and B, signing in on A")
    .toMatchObject({ session: null, code: "throttled" });
  const signedInOnB = await signInAt(baseB, "ghzyj-fz", DEMO_PASSWORD, "10.20.0.4");
  expect(signedInOnB.session, `a sign-in on B: ${JSON.stringify(signedInOnB)}`).toBeTruthy();
  expect.soft(await statusAt(baseA, "/work", signedInOnB.session!), "B's session on A").toBe(200);
  expect(await signOutAt(baseA, signedInOnB.session!, "10.20.0.4")).toBeLessThan(400);
  expect.soft(await statusAt(baseB, "/work", signedInOnB.session!), "the session signed out on A, replayed on B").toBe(307);
  say("登录状态跨实例：A 上锁定的账户在 B 上也锁定；一个地址在 A、B 上的失败合计限流；A 上退出的会话在 B 上失效");

  // Mail: every account gets an address, and the administrator turns mail on in the settings, through nginx.
  await sql("update users set email = username || '@example.gov.cn', email_digest = false");
  const admin = await signedIn(browser, "admin", "/admin");
  await admin.goto("/admin/settings");
  const mail = admin.locator("form").filter({ has: admin.getByLabel(/启用邮件通知/) });
  await mail.getByLabel(/启用邮件通知/).check();
  await mail.getByLabel("SMTP 服务器").fill("127.0.0.1");
  await mail.getByLabel("端口").fill(String(MULTI.smtpPort));
  await mail.getByLabel("发件人地址").fill("tian@example.gov.cn");
  await mail.getByLabel("系统访问地址").fill(MULTI.origin);
  await mail.getByRole("button", { name: "保存" }).click();
  await expect(mail.getByText("已保存，邮件通知已启用。")).toBeVisible();
  await admin.context().close();

  // The load, through nginx, for the whole walk.
  const [demoPublished] = await sql<{ id: number }>("select id from publications where status = 'published' order by id desc limit 1");
  load = new Load({ writers: 3, readers: 2, publishedId: demoPublished!.id, searchWord: "人才" });
  await load.start();
  say(
    `负载：${load.targets.map((t) => `${t.username}→提案${t.proposalId}`).join("，")} 保存答复草稿/沟通记录；2 个读者读公开页面与工作页面`,
  );

  const walked = await registerAndAssign(browser);
  const due = await officeDivides(browser, walked);

  // B dies whole: the supervisor, its server process and its background worker. It is frozen first (SIGSTOP) for
  // FREEZE_MS, so that what nginx hands it meanwhile is certainly in flight when it dies — the load's requests,
  // and a form a person sends from a browser — as with an instance that hangs before it is killed.
  const spare = load.spare!;
  const person = await signedIn(browser, spare.username, "/work");
  await person.goto(`/proposals/${spare.proposalId}`);
  const contactForm = region(person, "添加沟通记录");
  await contactForm.getByLabel("沟通情况").fill("多实例测试：实例被杀时提交的沟通记录");
  const frozenAt = Date.now();
  signalGroup(instances.b!, "SIGSTOP");
  // The person sends the form until one submission is not answered at once: nginx gave it to the frozen B.
  let hung: Promise<PlaywrightResponse | null> | null = null;
  let quickAnswers = 0;
  for (let attempt = 0; attempt < 8 && !hung; attempt++) {
    const answer = person.waitForResponse((r) => r.request().method() === "POST", { timeout: 30_000 }).catch(() => null);
    await contactForm.getByRole("button", { name: "添加沟通记录" }).click();
    if (await Promise.race([answer.then(() => true), sleep(1000).then(() => false)])) quickAnswers++;
    else hung = answer;
  }
  await sleep(Math.max(0, frozenAt + FREEZE_MS - Date.now()));
  const killedAt = Date.now();
  await killInstance(instances.b!, "SIGKILL");
  say(`${((killedAt - started) / 1000).toFixed(1)} s：实例 B 的进程组冻结 ${killedAt - frozenAt} ms 后被 SIGKILL（分办之后）`);
  let personSaw = `${quickAnswers} 次提交都在 1 秒内由实例 A 答复`;
  if (hung) {
    const response = await hung;
    await sleep(1000);
    const heading = await person.getByRole("heading", { level: 1 }).first().textContent();
    const status = await contactForm
      .getByRole("status")
      .textContent({ timeout: 1000 })
      .catch(() => null);
    personSaw =
      `第 ${quickAnswers + 1} 次提交${response?.status() === 502 ? "交给了冻结的实例 B" : "（1 秒内未答复）"}：HTTP ${response?.status() ?? "无答复"}，` +
      `页面标题“${heading?.trim()}”${status ? `，表单状态“${status.trim()}”` : ""}`;
  }
  await person.context().close();

  const handler = await signedIn(browser, "jiangmj", "/work");
  await handlerDrafts(handler, walked, due);
  await colleagueOnlyReads(browser, walked, "wangl");
  await submitForReview(handler);
  const leader = await signedIn(browser, "zhouwb", "/work");
  await leaderReturns(leader, walked);

  // B again, as a deployment restarts it: same command, no --fresh.
  const restartedAt = Date.now();
  instances.b = startInstance("B", MULTI.appPorts[1], work);
  await waitUntilAnswers(instances.b);
  const backAt = Date.now();
  say(`${((restartedAt - started) / 1000).toFixed(1)} s：重新启动实例 B，${((backAt - restartedAt) / 1000).toFixed(1)} s 后应答`);

  await handlerRevises(handler, walked);
  await leaderApproves(leader, walked);
  await leader.context().close();
  const docNumber = await directorSignsOnPhone(browser, walked);
  const scan = await onePagePdf("Reply to proposal 180, signed and sealed (scan)", { seal: true });
  await handlerUploadsSealedScan(handler, walked, scan);
  await handler.context().close();
  await memberDownloadsScan(browser, walked, docNumber, scan);
  await coordinatorPublishes(browser, walked);
  await load.stop();
  const loadEnded = Date.now();

  // 撤回公开 on instance A directly, while B and nginx are watched.
  const [published] = await sql<{ id: number }>(
    "select pub.id from publications pub join replies r on r.id = pub.reply_id where r.proposal_id = $1 and pub.status = 'published'",
    [walked.id],
  );
  const publicId = published!.id;
  const bases = [
    ["实例 A", `http://127.0.0.1:${MULTI.appPorts[0]}`, 1],
    ["实例 B", `http://127.0.0.1:${MULTI.appPorts[1]}`, 1],
    ["nginx", MULTI.origin, 2],
  ] as const;
  const probes: Probe[] = bases.flatMap(([where, base, asks]) => [
    { where, base, asks, what: "公开页面", path: `/open/${publicId}`, gone: (status) => status === 404 },
    {
      where,
      base,
      asks,
      what: "检索结果",
      path: `/open/search?q=${encodeURIComponent(SEARCH_WORD)}`,
      gone: (_, body) => !body.includes(`href="/open/${publicId}"`),
    },
    { where, base, asks, what: "RSS", path: "/open/feed.xml", gone: (_, body) => !body.includes(`/open/${publicId}</link>`) },
    { where, base, asks, what: "站点地图", path: "/sitemap.xml", gone: (_, body) => !body.includes(`/open/${publicId}</loc>`) },
  ]);
  const look = async (probe: Probe) => {
    let gone = true;
    for (let n = 0; n < probe.asks; n++) {
      const response = await fetch(`${probe.base}${probe.path}`, { signal: AbortSignal.timeout(10_000) });
      gone = probe.gone(response.status, await response.text()) && gone;
    }
    return gone;
  };
  // The published page is stored by one instance (docs/decisions/014), and both answer it from the store.
  let storedEtag: string | undefined;
  for (const end = Date.now() + 30_000; !storedEtag && Date.now() < end; await sleep(200))
    storedEtag = (await sql<{ etag: string }>("select etag from public_pages where publication_id = $1", [publicId]))[0]?.etag;
  expect(storedEtag, "the published reply's page is stored within 30 s").toBeTruthy();
  for (const [where, base] of bases.slice(0, 2))
    expect((await fetch(`${base}/open/${publicId}`)).headers.get("etag"), `${where} answers the stored page`).toBe(storedEtag);
  // Each is there before (and each instance has its public pages in its cache).
  for (const probe of probes) expect(await look(probe), `${probe.where} ${probe.what} shows the reply before the withdrawal`).toBe(false);
  const withdrawal = await callServerAction({
    baseURL: bases[0][1],
    page: walked.url,
    actionId: serverActionIds(MULTI.distDir).get("app/(staff)/proposals/[id]/publication-actions.ts#decidePublicationAction")!,
    fields: { proposalId: String(walked.id), decision: "withdraw", reason: "多实例测试：撤回公开" },
    sessionToken: await mintSessionToken(MULTI.databaseUrl, MULTI.authSecret, "coordinator"),
    origin: MULTI.origin,
  });
  expect(withdrawal.result, withdrawal.body.slice(0, 300)).toMatchObject({ ok: true });
  const withdrawnAt = Date.now();
  // Gone: from the first look that found it gone and every look after, for a second at least (through nginx a
  // look may meet either instance).
  const goneAfter = new Map<Probe, number>();
  const CONFIRM_MS = 1000;
  const settled = () => goneAfter.size === probes.length && Math.max(...goneAfter.values()) + CONFIRM_MS < Date.now() - withdrawnAt;
  while (!settled() && Date.now() - withdrawnAt < WITHDRAWAL_WATCH_MS) {
    await Promise.all(
      probes.map(async (p) => {
        const gone = await look(p);
        if (!gone) goneAfter.delete(p);
        else if (!goneAfter.has(p)) goneAfter.set(p, Date.now() - withdrawnAt);
      }),
    );
    await sleep(50);
  }
  const watched = Date.now() - withdrawnAt;
  for (const [probe, after] of goneAfter) if (after + CONFIRM_MS > watched) goneAfter.delete(probe);

  // Mail: until every mail is sent (both workers poll every 30 s); one claimed by B's killed worker would stay
  // pending for its claim (CLAIM_MS), and is then counted as possibly received, not as a duplicate.
  const mailWait = Date.now();
  while (Date.now() < mailWait + 75_000) {
    const [pending] = await sql<{ n: number }>("select count(*)::int as n from email_outbox where status = 'pending'");
    if (pending!.n === 0) break;
    await sleep(1000);
  }
  const outbox = await sql<{ to_address: string; subject: string; status: string; attempts: number }>(
    "select to_address, subject, status, attempts from email_outbox order by id",
  );
  const outboxRead = Date.now();

  // ------------------------------------------------------------------ the figures
  const acknowledged = load.acknowledged;
  const present = await writesPresent(acknowledged);
  const unacknowledgedCommitted = await writesPresent(load.unacknowledged);
  const sent = outbox.filter((m) => m.status === "sent");
  const received = smtp!.received;
  const key = (to: string, subject: string) => `${to}\n${subject}`;
  const tally = (keys: string[]) => {
    const counts = new Map<string, number>();
    for (const k of keys) counts.set(k, (counts.get(k) ?? 0) + 1);
    return counts;
  };
  const sentByKey = tally(sent.map((m) => key(m.to_address, m.subject)));
  // A pending mail may have reached the SMTP server just before its sender died (or before this read).
  const pendingByKey = tally(outbox.filter((m) => m.status === "pending").map((m) => key(m.to_address, m.subject)));
  const receivedByKey = tally(received.flatMap((m) => m.to.map((to) => key(to, m.subject))));
  let duplicates = 0;
  let missing = 0;
  for (const k of new Set([...sentByKey.keys(), ...receivedByKey.keys()])) {
    const got = receivedByKey.get(k) ?? 0;
    const sentHere = sentByKey.get(k) ?? 0;
    duplicates += Math.max(0, got - sentHere - (pendingByKey.get(k) ?? 0));
    missing += Math.max(0, sentHere - got);
  }
  const messageIds = received.map((m) => m.messageId);
  const repeatedIds = messageIds.length - new Set(messageIds).size;

  const log = await stepsLogged(MULTI.databaseUrl, walked.id);
  const expectedLog: [string, string][] = [...WALK_180_STEPS, ["publish", "coordinator"], ["withdraw_publication", "coordinator"]];

  const samples = load.samples;
  const phases = [
    ["B 冻结前", started, frozenAt],
    ["B 冻结、被杀至重新应答（切换期间）", frozenAt, backAt],
    ["B 重新应答之后", backAt, loadEnded],
  ] as const;

  say("\n===== 多实例测试结果 =====");
  say(
    `已确认的写入（{ok:true}）：${acknowledged.length}，在库：${present.length}（答复草稿 ${acknowledged.filter((w) => w.kind === "draft").length}，沟通记录 ${acknowledged.filter((w) => w.kind === "contact").length}）`,
  );
  say(`未得到成功答复的写入：${load.unacknowledged.length}（其中 ${unacknowledgedCommitted.length} 条实际已提交）`);
  say(
    `邮件：等待发送 ${((outboxRead - mailWait) / 1000).toFixed(0)} s；已发送（outbox sent）${sent.length}，SMTP 收到 ${received.length}，重复 ${duplicates}，缺少 ${missing}，Message-ID 重复 ${repeatedIds}；outbox 其余：${
      outbox
        .filter((m) => m.status !== "sent")
        .map((m) => `${m.status}（尝试 ${m.attempts} 次）`)
        .join("，") || "无"
    }`,
  );
  say(
    `第180号（提案 ${walked.id}）事件记录：${log.length} 条，应有 ${expectedLog.length} 条：${log.map(([action, user]) => `${action}/${user}`).join(" → ")}`,
  );
  for (const [name, from, to] of phases) {
    const gets = failures(samples, "GET", from, to);
    const posts = failures(samples, "POST", from, to);
    say(
      `${name}（${((to - from) / 1000).toFixed(1)} s）：GET ${gets.total} 次，失败 ${gets.failed.length}；POST ${posts.total} 次，失败 ${posts.failed.length}`,
    );
    for (const f of [...gets.failed, ...posts.failed])
      say(
        `  ${f.method} ${f.what}：SIGKILL ${f.start <= killedAt ? "前" : "后"} ${Math.abs(killedAt - f.start)} ms 发出，${f.end - f.start} ms 后得到：${f.answer}`,
      );
  }
  say(`实例被杀时提交表单的人看到：${personSaw}`);
  const accessLog = fs.readFileSync(nginx!.accessLog, "utf8").split("\n");
  const retried = accessLog.filter((line) => /upstream=\S+, /.test(line));
  const retriedPosts = retried.filter((l) => / POST /.test(l));
  say(
    `nginx 交给另一实例重试的请求：GET ${retried.length - retriedPosts.length}，POST ${retriedPosts.length}（POST 只在连接被拒、请求未送达时重试）；` +
      `nginx 答复 502 的 POST：${accessLog.filter((l) => / POST \S+ 502 /.test(l)).length}`,
  );
  const cacheHits = accessLog.filter((l) => / cache=HIT$/.test(l)).length;
  say(
    `nginx 缓存命中：${cacheHits}，重新验证：${accessLog.filter((l) => / cache=REVALIDATED$/.test(l)).length}，过期后取新：${accessLog.filter((l) => / cache=EXPIRED$/.test(l)).length}`,
  );
  say(`撤回公开（在实例 A 上）之后，直到消失（此后每次都已消失，至少 1 秒）：`);
  for (const [where] of bases) {
    const row = probes
      .filter((p) => p.where === where)
      .map((p) => `${p.what} ${goneAfter.has(p) ? `${goneAfter.get(p)} ms` : `${WITHDRAWAL_WATCH_MS} ms 后仍在`}`);
    say(`  ${where}：${row.join("，")}`);
  }
  say(`用时 ${((Date.now() - started) / 1000).toFixed(0)} s`);
  say("==========================\n");

  // ------------------------------------------------------------------ the assertions
  expect(acknowledged.length, "writes acknowledged").toBeGreaterThan(0);
  expect(present.length, "every acknowledged write is in the database").toBe(acknowledged.length);
  expect(sent.length, "mails sent").toBeGreaterThan(0);
  expect.soft(duplicates, "mails received more often than the outbox sent them").toBe(0);
  expect.soft(repeatedIds, "one Message-ID received twice").toBe(0);
  expect.soft(missing, "mails marked sent that the SMTP server never received").toBe(0);
  expect.soft(log, "180's event log: every step of the walk, in order").toEqual(expectedLog);
  expect.soft(cacheHits, "public pages answered from nginx's cache (they are cacheable for a second)").toBeGreaterThan(0);
  const switchGets = failures(samples, "GET", frozenAt, backAt);
  expect.soft(switchGets.total, "GETs during the switch-over").toBeGreaterThan(0);
  expect
    .soft(
      switchGets.failed.map((s) => `${s.what}: ${s.answer}`),
      "GETs that failed during the switch-over (nginx retries them)",
    )
    .toEqual([]);
  const allGets = failures(samples, "GET", started, loadEnded);
  expect
    .soft(
      allGets.failed.map((s) => `${s.what}: ${s.answer}`),
      "GETs that failed at any time",
    )
    .toEqual([]);
  // A POST may fail only when it was in flight on the instance that died: nginx's 502 before the answer began, or the
  // connection cut after it began (the client sees no status) — never an {ok:false} or a 500 from the app.
  const badPosts = failures(samples, "POST", started, loadEnded).failed.filter(
    (s) => !((s.status === 502 || s.status === null) && s.start <= killedAt && s.end >= killedAt),
  );
  expect
    .soft(
      badPosts.map((s) => `${s.what}: ${s.answer}`),
      "POSTs that failed other than in flight on the killed instance",
    )
    .toEqual([]);
  for (const probe of probes)
    expect
      .soft(
        goneAfter.get(probe) ?? Number.POSITIVE_INFINITY,
        `${probe.where} ${probe.what}: gone after the withdrawal within ${WITHDRAWAL_LIMIT_MS} ms`,
      )
      .toBeLessThan(WITHDRAWAL_LIMIT_MS);
});
