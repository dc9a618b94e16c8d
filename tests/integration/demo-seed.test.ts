/** The demo data generator on a real database: the accounts, proposal 180, every state, consistent records. */
import { and, asc, desc, eq, inArray, isNull, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { databaseEngine } from "@/db/engine";
import type { Db } from "@/db/client";
import { DemoDatabaseNotEmptyError, seedDemo, type DemoSummary } from "@/db/demo";
import {
  adjustmentRequests,
  assignments,
  contactRecords,
  coOpinions,
  events,
  extensionRequests,
  notifications,
  proposals,
  proposalSigners,
  publications,
  receipts,
  replies,
  replyDrafts,
  sections,
  sessions,
  signOffs,
  units,
  users,
} from "@/db/schema";
import { PROPOSAL_STATES } from "@/lib/domain";
import { verifyPassword } from "@/lib/password";
import { reviewOfReply } from "@/db/queries/disclosure-review";
import { tableRows } from "./table-rows";
import { tempDatabase } from "./temp-db";

const TODAY = "2026-06-15";
/** Midnight at the start of TODAY in China: every demo act happened before it. */
const START_OF_TODAY = Date.parse(`${TODAY}T00:00:00+08:00`);

/** The demo accounts (README, docs/domain.md "Demo data"). */
const ACCOUNTS = [
  { login: "admin", role: "admin", name: "系统管理员", unit: null },
  { login: "coordinator", role: "coordinator", name: "督查室", unit: "重庆高新区管委会办公室" },
  { login: "jiangmj", role: "handler", name: "蒋明杰", unit: "重庆高新区科技创新局" },
  { login: "dengmj", role: "director", name: "邓敏军", unit: "重庆高新区科技创新局" },
  { login: "zhouwb", role: "leader", name: "周文斌", unit: "重庆高新区科技创新局" },
  { login: "hej", role: "handler", name: "何静", unit: "重庆高新区科技创新局" },
  { login: "wangl", role: "handler", name: "王磊", unit: "重庆高新区科技创新局" },
  { login: "dqgzb", role: "handler", name: "党群工作部承办人", unit: "重庆高新区党群工作部" },
  { login: "cxfwzx", role: "handler", name: "创新服务中心承办人", unit: "重庆高新区创新服务中心" },
  { login: "zwfwzx", role: "handler", name: "政务服务和社会事务中心承办人", unit: "重庆高新区政务服务和社会事务中心" },
  { login: "liuxr", role: "member", name: "刘新荣", unit: null },
] as const;

let first: Awaited<ReturnType<typeof tempDatabase>>;
let second: Awaited<ReturnType<typeof tempDatabase>>;
let db: Db;
let summary: DemoSummary;

beforeAll(async () => {
  first = await tempDatabase();
  second = await tempDatabase();
  db = first.db;
  summary = await seedDemo(db, { today: TODAY });
  await seedDemo(second.db, { today: TODAY });
  // Two seedings: 20 s on PostgreSQL alone, several times that beside the other test files.
}, 180_000);

afterAll(async () => {
  await first?.cleanup();
  await second?.cleanup();
});

async function userId(login: string): Promise<number> {
  const row = await db.select({ id: users.id }).from(users).where(eq(users.username, login)).get();
  if (!row) throw new Error(`no user ${login}`);
  return row.id;
}

async function proposal180() {
  const row = await db
    .select({ proposal: proposals, meeting: sessions.meeting, sessionYear: sessions.year })
    .from(proposals)
    .innerJoin(sessions, eq(sessions.id, proposals.sessionId))
    .where(and(eq(proposals.number, 180), eq(sessions.meeting, "第二次会议"), eq(sessions.kind, "proposal")))
    .get();
  if (!row) throw new Error("no proposal 180");
  return row;
}

describe("demo accounts", () => {
  it.each(ACCOUNTS)("$login is a $role with the demo password", async (account) => {
    const row = await db
      .select({ user: users, unit: units.name })
      .from(users)
      .leftJoin(units, eq(units.id, users.unitId))
      .where(eq(users.username, account.login))
      .get();
    expect(row).toBeDefined();
    expect(row!.user.role).toBe(account.role);
    expect(row!.user.displayName).toBe(account.name);
    expect(row!.unit).toBe(account.unit);
    expect(row!.user.passwordHash).toBeTruthy();
    expect(await verifyPassword(row!.user.passwordHash!, "demo-2026")).toBe(true);
    expect(await verifyPassword(row!.user.passwordHash!, "demo-2025")).toBe(false);
  });

  it("gives 邓敏军 the title printed in the letter and 蒋明杰 the sample's phone", async () => {
    expect((await db.select().from(users).where(eq(users.username, "dengmj")).get())?.title).toBe("局长");
    expect((await db.select().from(users).where(eq(users.username, "jiangmj")).get())?.phone).toBe("023—68511253");
  });

  it("lists exactly the accounts that can sign in, in the summary; the other members have no password", async () => {
    expect(summary.accounts.map((a) => a.login)).toEqual(expect.arrayContaining(ACCOUNTS.map((a) => a.login)));
    const all = await db.select().from(users).all();
    for (const u of all) expect(!!u.passwordHash, u.username).toBe(summary.accounts.some((a) => a.login === u.username));
    const others = all.filter((u) => !u.passwordHash);
    expect(others.length).toBeGreaterThanOrEqual(12);
    expect(others.every((u) => u.role === "member" && /^member-\d{3}$/.test(u.username))).toBe(true);
  });

  it("gives 科技创新局 two 科室 (蒋明杰 and 王磊 in them), an office handler who divides (何静), a 分管领导 and the 分管领导 step; no other unit", async () => {
    const kjcx = (await db.select().from(units).where(eq(units.name, "重庆高新区科技创新局")).get())!;
    const rows = await db.select().from(sections).orderBy(asc(sections.sortOrder)).all();
    expect(rows.map((s) => [s.unitId, s.name, s.active])).toEqual([
      [kjcx.id, "科技综合科", true],
      [kjcx.id, "成果转化科", true],
    ]);
    const staff = async (login: string) => (await db.select().from(users).where(eq(users.username, login)).get())!;
    expect(await staff("jiangmj")).toMatchObject({ sectionId: rows[0]!.id, canDivide: false });
    expect(await staff("wangl")).toMatchObject({ sectionId: rows[1]!.id, canDivide: false });
    expect(await staff("hej")).toMatchObject({ sectionId: null, canDivide: true });
    expect(await staff("zhouwb")).toMatchObject({ role: "leader", unitId: kjcx.id, title: "副局长", sectionId: null });
    expect(await db.select({ name: units.name }).from(units).where(eq(units.leaderReview, true)).all()).toEqual([{ name: kjcx.name }]);
    expect((await db.select().from(users).all()).filter((u) => u.canDivide).map((u) => u.username)).toEqual(["hej"]);
  });

  it("has a distinct short name, 发文字号 prefix and 18-character 索引号 prefix for every unit", async () => {
    const all = await db.select().from(units).all();
    expect(all.length).toBeGreaterThanOrEqual(10);
    expect(new Set(all.map((u) => u.shortName)).size).toBe(all.length);
    expect(new Set(all.map((u) => u.docPrefix)).size).toBe(all.length);
    for (const u of all) expect(u.indexPrefix).toMatch(/^\d{16}[A-Z]{2}$/);
    const kjcx = all.find((u) => u.name === "重庆高新区科技创新局");
    expect(kjcx).toMatchObject({
      shortName: "高新区科技创新局",
      docPrefix: "渝高新科函",
      indexPrefix: "1150010700927688XM",
      kind: "department",
    });
  });
});

describe("proposal 180", () => {
  it("is in review in this year's 第二次会议, led by 刘新荣, with the reply deadline still ahead", async () => {
    const { proposal, sessionYear } = await proposal180();
    expect(sessionYear).toBe(2026);
    expect(proposal.status).toBe("in_review");
    expect(proposal.title).toBe("关于抢抓人才红利机遇,赋能科学城产业发展的建议");
    const lead = await db
      .select()
      .from(proposalSigners)
      .where(and(eq(proposalSigners.proposalId, proposal.id), eq(proposalSigners.role, "lead")))
      .get();
    expect(lead?.userId).toBe(await userId("liuxr"));
    const leadAssignment = await db
      .select()
      .from(assignments)
      .where(and(eq(assignments.proposalId, proposal.id), eq(assignments.role, "lead")))
      .get();
    expect(leadAssignment?.handlerId).toBe(await userId("jiangmj"));
    expect(leadAssignment!.due > TODAY).toBe(true);
    expect(leadAssignment!.assignedOn >= "2026-03-20" && leadAssignment!.assignedOn <= "2026-04-15").toBe(true);
  });

  it("has three co-handling units whose opinions were sent", async () => {
    const { proposal } = await proposal180();
    const co = await db
      .select({ unit: units.name, opinion: coOpinions.status })
      .from(assignments)
      .innerJoin(units, eq(units.id, assignments.unitId))
      .leftJoin(coOpinions, eq(coOpinions.assignmentId, assignments.id))
      .where(and(eq(assignments.proposalId, proposal.id), eq(assignments.role, "co")))
      .all();
    expect(co.map((c) => c.unit).sort()).toEqual(
      ["重庆高新区党群工作部", "重庆高新区创新服务中心", "重庆高新区政务服务和社会事务中心"].sort(),
    );
    expect(co.every((c) => c.opinion === "sent")).toBe(true);
  });

  it("has a contact record and a submitted second version that is the sample's letter body, not yet signed", async () => {
    const { proposal } = await proposal180();
    expect((await db.select().from(contactRecords).where(eq(contactRecords.proposalId, proposal.id)).all()).length).toBeGreaterThanOrEqual(
      1,
    );
    const drafts = await db
      .select()
      .from(replyDrafts)
      .where(eq(replyDrafts.proposalId, proposal.id))
      .orderBy(asc(replyDrafts.version))
      .all();
    expect(drafts.map((d) => d.version)).toEqual([1, 2]);
    const latest = drafts[1]!;
    expect(latest.body.startsWith("提案系统分析了高校人才赋能科学城产业发展")).toBe(true);
    expect(latest.body).toContain("\n\n一、工作开展情况\n\n(一)加强政策保障\n\n");
    expect(latest.body.endsWith("完善区域科技成果向社会转化的渠道和途径。")).toBe(true);
    expect(latest.body).not.toContain("此答复函");
    expect(latest.body).not.toContain("刘新荣委员");
    expect(latest.body.split("\n\n")).toHaveLength(15);
    expect(drafts[0]!.body).not.toBe(latest.body);
    expect(latest).toMatchObject({ contactPerson: "蒋明杰", contactPhone: "023—68511253", disclosure: "full" });
    expect(["A", "B"]).toContain(latest.resultClass);
    expect(await db.select().from(signOffs).where(eq(signOffs.proposalId, proposal.id)).all()).toHaveLength(0);
    const timeline = await db.select().from(events).where(eq(events.proposalId, proposal.id)).orderBy(asc(events.id)).all();
    expect(timeline.at(-1)).toMatchObject({
      action: "submit",
      fromState: "handling",
      toState: "in_review",
      actorId: await userId("jiangmj"),
    });
  });
});

describe("the other proposals", () => {
  it("cover every state several times", async () => {
    const all = await db.select().from(proposals).all();
    expect(all.length).toBeGreaterThanOrEqual(31);
    for (const state of PROPOSAL_STATES) expect(all.filter((p) => p.status === state).length, state).toBeGreaterThanOrEqual(2);
    expect(summary.proposals).toBe(all.length);
    for (const state of PROPOSAL_STATES) expect(summary.byState[state]).toBe(all.filter((p) => p.status === state).length);
    const bySession = await db
      .select({ kind: sessions.kind })
      .from(proposals)
      .innerJoin(sessions, eq(sessions.id, proposals.sessionId))
      .all();
    expect(bySession.filter((s) => s.kind === "suggestion").length).toBeGreaterThanOrEqual(2);
  });

  it("keep assignments consistent with the state", async () => {
    for (const p of await db.select().from(proposals).all()) {
      const parts = await db.select().from(assignments).where(eq(assignments.proposalId, p.id)).all();
      const lead = parts.find((a) => a.role === "lead");
      if (p.status === "registered") expect(parts, `${p.number}`).toHaveLength(0);
      else expect(lead, `${p.number}`).toBeDefined();
      if (p.status === "assigned") expect(["pending", "adjust_requested"]).toContain(lead!.status);
      if (["handling", "in_review", "rehandling"].includes(p.status)) expect(lead!.status).toBe("accepted");
      if (["replied", "closed"].includes(p.status)) expect(lead!.status).toBe("done");
      if (p.status === "in_review")
        expect(parts.filter((a) => a.role === "co").every((a) => a.status === "done" || a.status === "withdrawn")).toBe(true);
      if (p.status === "rehandling") expect(p.round).toBe(2);
    }
  });

  it("have a reply with a sign-off for every replied or closed proposal, and a 不满意 receipt behind every second round", async () => {
    for (const p of await db
      .select()
      .from(proposals)
      .where(inArray(proposals.status, ["replied", "closed", "rehandling"]))
      .all()) {
      const rows = await db.select().from(replies).where(eq(replies.proposalId, p.id)).orderBy(asc(replies.round)).all();
      expect(rows.length, `${p.number}`).toBeGreaterThanOrEqual(1);
      for (const r of rows) {
        const signOff = await db.select().from(signOffs).where(eq(signOffs.id, r.signOffId)).get();
        expect(signOff?.decision).toBe("approve");
        expect(signOff?.draftId).toBe(r.draftId);
      }
      if (p.round === 2) {
        const firstReceipts = await db.select().from(receipts).where(eq(receipts.replyId, rows[0]!.id)).all();
        expect(firstReceipts.some((r) => r.result === "unsatisfied")).toBe(true);
      }
      if (p.status === "closed") {
        const lastReceipts = await db
          .select()
          .from(receipts)
          .where(eq(receipts.replyId, rows.at(-1)!.id))
          .all();
        expect(lastReceipts.length).toBeGreaterThanOrEqual(1);
        expect(lastReceipts.every((r) => r.result !== "unsatisfied")).toBe(true);
      }
    }
  });

  it("number replies uniquely per unit and year, from 1, in order of writtenOn", async () => {
    const rows = await db.select().from(replies).orderBy(asc(replies.unitId), asc(replies.docYear), asc(replies.docSerial)).all();
    expect(rows.length).toBeGreaterThanOrEqual(10);
    expect(new Set(rows.map((r) => r.docNumber)).size).toBe(rows.length);
    for (const r of rows) {
      expect(r.docNumber).toMatch(/^.+〔\d{4}〕\d+号$/);
      expect(r.docNumber).toContain(`〔${r.docYear}〕${r.docSerial}号`);
      expect(r.writtenOn.startsWith(String(r.docYear))).toBe(true);
      const before = rows.filter((o) => o.unitId === r.unitId && o.docYear === r.docYear && o.docSerial < r.docSerial);
      expect(before).toHaveLength(r.docSerial - 1);
      for (const o of before) expect(o.writtenOn <= r.writtenOn).toBe(true);
      expect(r.receiptDue > r.writtenOn && r.publicationDue > r.writtenOn).toBe(true);
    }
  });

  it("publish most replies with unique index numbers, one as a summary and one withheld for privacy", async () => {
    const rows = await db.select().from(publications).all();
    const published = rows.filter((p) => p.status === "published");
    expect(published.length).toBeGreaterThanOrEqual(10);
    expect(new Set(published.map((p) => p.indexNumber)).size).toBe(published.length);
    for (const p of published) {
      expect(p.indexNumber).toMatch(/^\d{16}[A-Z]{2}\/\d{4}-\d{5}$/);
      expect(p.publishedOn! >= p.writtenOn).toBe(true);
      expect(["政协提案办理", "人大建议办理"]).toContain(p.genre);
    }
    expect(published.some((p) => p.mode === "summary" && p.summary)).toBe(true);
    expect(
      rows.some((p) => p.status === "withheld" && p.mode === "none" && p.withheldReason === "涉及个人隐私" && p.indexNumber === null),
    ).toBe(true);
    expect(published.some((p) => p.genre === "人大建议办理")).toBe(true);
  });

  it("include pending adjustment and extension requests, a returned draft and overdue handling", async () => {
    expect(
      (await db.select().from(adjustmentRequests).where(eq(adjustmentRequests.status, "pending")).all()).length,
    ).toBeGreaterThanOrEqual(1);
    expect((await db.select().from(assignments).where(eq(assignments.status, "adjust_requested")).all()).length).toBeGreaterThanOrEqual(1);
    expect((await db.select().from(extensionRequests).where(eq(extensionRequests.status, "pending")).all()).length).toBeGreaterThanOrEqual(
      1,
    );
    const handling = await db
      .select()
      .from(proposals)
      .where(inArray(proposals.status, ["handling", "rehandling"]))
      .all();
    const returned = [];
    for (const p of handling) {
      const last = await db.select().from(signOffs).where(eq(signOffs.proposalId, p.id)).orderBy(desc(signOffs.id)).get();
      if (last?.decision === "return" && last.comment) returned.push(p);
    }
    expect(returned.length).toBeGreaterThanOrEqual(1);
    const overdue = [];
    for (const p of handling) {
      const lead = await db
        .select()
        .from(assignments)
        .where(and(eq(assignments.proposalId, p.id), eq(assignments.role, "lead")))
        .get();
      if ((lead!.extendedDue ?? lead!.due) < TODAY) overdue.push(p);
    }
    expect(overdue.length).toBeGreaterThanOrEqual(1);
    const lateAcceptance = (await db.select().from(assignments).where(eq(assignments.status, "pending")).all()).filter(
      (a) => a.acceptDue < TODAY,
    );
    expect(lateAcceptance.length).toBeGreaterThanOrEqual(1);
  });
});

describe("刘新荣's proposals", () => {
  const statesOf = async () =>
    db
      .select({ id: proposals.id, status: proposals.status })
      .from(proposalSigners)
      .innerJoin(proposals, eq(proposals.id, proposalSigners.proposalId))
      .where(and(eq(proposalSigners.userId, await userId("liuxr")), inArray(proposalSigners.role, ["lead", "cosigner"])))
      .all();

  it("reach every state a member sees", async () => {
    const states = new Set((await statesOf()).map((p) => p.status));
    for (const state of ["assigned", "handling", "in_review", "replied", "rehandling", "closed"] as const)
      expect(states.has(state), state).toBe(true);
  });

  it("include a reply that waits for his receipt, with a notification", async () => {
    const liuxr = await userId("liuxr");
    const waiting: { id: number }[] = [];
    for (const p of await statesOf()) {
      if (p.status !== "replied") continue;
      const reply = await db.select().from(replies).where(eq(replies.proposalId, p.id)).orderBy(desc(replies.round)).get();
      if (
        !(await db
          .select()
          .from(receipts)
          .where(and(eq(receipts.replyId, reply!.id), eq(receipts.memberId, liuxr)))
          .get())
      )
        waiting.push(p);
    }
    expect(waiting.length).toBeGreaterThanOrEqual(1);
    const unread = await db
      .select()
      .from(notifications)
      .where(and(eq(notifications.userId, liuxr), isNull(notifications.readAt)))
      .all();
    expect(unread.some((n) => waiting.some((w) => w.id === n.proposalId))).toBe(true);
  });
});

describe("the event log", () => {
  it("tells each proposal's story in order, in the past, ending in its current state", async () => {
    for (const p of await db.select().from(proposals).all()) {
      const timeline = await db.select().from(events).where(eq(events.proposalId, p.id)).orderBy(asc(events.id)).all();
      expect(timeline[0]).toMatchObject({ action: "register", toState: "registered" });
      for (let i = 1; i < timeline.length; i++) {
        expect(timeline[i]!.createdAt.getTime()).toBeGreaterThanOrEqual(timeline[i - 1]!.createdAt.getTime());
        expect(timeline[i]!.fromState, `${p.number} ${timeline[i]!.action}`).toBe(timeline[i - 1]!.toState);
      }
      expect(timeline.at(-1)!.toState).toBe(p.status);
      expect(timeline.at(-1)!.createdAt.getTime()).toBeLessThan(START_OF_TODAY);
      expect(timeline.every((e) => e.actorId !== null)).toBe(true);
    }
  });

  it("needs no 公开审查 confirmation: no draft meant for the public names anyone's personal information", async () => {
    expect(await db.select().from(events).where(eq(events.action, "disclosure_confirmed")).all()).toHaveLength(0);
    const drafts = await db
      .select()
      .from(replyDrafts)
      .where(inArray(replyDrafts.disclosure, ["full", "summary"]))
      .all();
    expect(drafts.length).toBeGreaterThan(30);
    for (const d of drafts) expect(await reviewOfReply(db, d.proposalId, d), `${d.proposalId} v${d.version}`).toEqual([]);
  });

  it("leaves unread notifications for the people with work waiting", async () => {
    for (const login of ["jiangmj", "dengmj", "coordinator", "liuxr"]) {
      const unread = await db
        .select()
        .from(notifications)
        .where(and(eq(notifications.userId, await userId(login)), isNull(notifications.readAt)))
        .all();
      expect(unread.length, login).toBeGreaterThanOrEqual(1);
    }
  });
});

describe("the database", () => {
  // PostgreSQL checks every foreign key as rows are written; SQLite only while foreign_keys is on, so look.
  it.runIf(databaseEngine() === "sqlite")("passes the foreign key check", async () => {
    expect(await db.all(sql`pragma foreign_key_check`)).toEqual([]);
  });

  it("refuses a second seeding and changes nothing", async () => {
    const before = (await db.select().from(proposals).all()).length;
    await expect(seedDemo(db, { today: TODAY })).rejects.toBeInstanceOf(DemoDatabaseNotEmptyError);
    expect(await db.select().from(proposals).all()).toHaveLength(before);
  });

  it("is the same, row for row, for the same today", async () => {
    const titles = async (d: Db) => d.select({ title: proposals.title }).from(proposals).orderBy(asc(proposals.id)).all();
    expect(await titles(second.db)).toEqual(await titles(db));
    const [one, other] = [await tableRows(first.location), await tableRows(second.location)];
    expect(one.size).toBeGreaterThan(10);
    for (const [table, rows] of one) expect(other.get(table), table).toEqual(rows);
  });
});
