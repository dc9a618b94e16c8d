/**
 * 全部提案's selection (db/queries/proposal-selection.ts) on a real SQLite file with the demo data and a few
 * proposals registered for the test: every filter alone, random combinations of them, a unit's own list,
 * the co-signer search and 超期 by days, each compared with what the rows say when read one by one and
 * filtered here (the rules written out plainly); the list's pages put together, and 导出台账's rows, are the
 * same selection in the same order.
 */
import { type SQL, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ledgerRows } from "@/db/queries/ledger";
import type { ProposalSelection } from "@/db/queries/proposal-selection";
import { listProposals } from "@/db/queries/proposals";
import { PROPOSAL_STATES, type ProposalState, type SessionKind } from "@/lib/domain";
import { AWAITING_REPLY_STATES, daysOverdue } from "@/lib/overdue";
import { searchTerms } from "@/lib/public-search";
import { DEMO_TODAY, demoDatabase } from "./demo-db";
import { inOrder } from "./in-order";

type Facts = {
  id: number;
  sessionId: number;
  sessionYear: number;
  kind: SessionKind;
  number: number;
  status: ProposalState;
  categoryId: number | null;
  isKey: boolean;
  receivedOn: string;
  title: string;
  body: string;
  replyDue: string | null;
  leadUnits: number[];
  coUnits: number[];
  units: number[];
  unitNames: string[];
  signerNames: string[];
};

let t: Awaited<ReturnType<typeof demoDatabase>>;
let facts: Facts[];

/** Every proposal's facts, read row by row with plain queries (no part of the selection's SQL). */
async function readFacts(): Promise<Facts[]> {
  const all = <T>(query: SQL) => t.db.all<T>(query);
  // is_key: 0/1 on SQLite, a boolean on PostgreSQL.
  const proposals = await all<{
    id: number;
    session_id: number;
    number: number;
    status: ProposalState;
    category_id: number | null;
    is_key: number | boolean;
    received_on: string;
    title: string;
    body: string;
  }>(sql`select id, session_id, number, status, category_id, is_key, received_on, title, body from proposals`);
  const sessions = new Map(
    (await all<{ id: number; year: number; kind: SessionKind }>(sql`select id, year, kind from sessions`)).map((s) => [s.id, s]),
  );
  const units = new Map(
    (await all<{ id: number; name: string; short_name: string }>(sql`select id, name, short_name from units`)).map((u) => [u.id, u]),
  );
  return inOrder(proposals, async (p) => {
    const live = await all<{ id: number; unit_id: number; role: "lead" | "co"; due: string | null; extended_due: string | null }>(
      sql`select id, unit_id, role, due, extended_due from assignments where proposal_id = ${p.id} and status <> 'withdrawn' order by id`,
    );
    const lead = live.filter((a) => a.role === "lead").at(-1);
    const signers = await all<{ name: string }>(
      sql`select u.display_name as name from proposal_signers s join users u on u.id = s.user_id where s.proposal_id = ${p.id} and s.role in ('lead', 'cosigner')`,
    );
    return {
      id: p.id,
      sessionId: p.session_id,
      sessionYear: sessions.get(p.session_id)!.year,
      kind: sessions.get(p.session_id)!.kind,
      number: p.number,
      status: p.status,
      categoryId: p.category_id,
      isKey: Boolean(p.is_key),
      receivedOn: p.received_on,
      title: p.title,
      body: p.body,
      replyDue: lead ? (lead.extended_due ?? lead.due) : null,
      leadUnits: live.filter((a) => a.role === "lead").map((a) => a.unit_id),
      coUnits: live.filter((a) => a.role === "co").map((a) => a.unit_id),
      units: live.map((a) => a.unit_id),
      unitNames: live.flatMap((a) => [units.get(a.unit_id)!.name, units.get(a.unit_id)!.short_name]),
      signerNames: signers.map((s) => s.name),
    };
  });
}

const holds = (text: string, word: string) => text.toLowerCase().includes(word.toLowerCase());

/** The filters as the issue words them, applied to one proposal's facts. */
function selects(f: Facts, s: ProposalSelection, today: string): boolean {
  if (s.unitId != null && !f.units.includes(s.unitId)) return false;
  if (s.session !== undefined && f.sessionId !== s.session) return false;
  if (s.kind !== undefined && f.kind !== s.kind) return false;
  if (s.status !== undefined && f.status !== s.status) return false;
  if (s.lead !== undefined && !f.leadUnits.includes(s.lead)) return false;
  if (s.co !== undefined && !f.coUnits.includes(s.co)) return false;
  if (s.category !== undefined && f.categoryId !== s.category) return false;
  if (s.key && !f.isKey) return false;
  if (s.from !== undefined && f.receivedOn < s.from) return false;
  if (s.to !== undefined && f.receivedOn > s.to) return false;
  if (s.overdue !== undefined) {
    const awaiting = (AWAITING_REPLY_STATES as readonly string[]).includes(f.status);
    if (!awaiting || f.replyDue === null || daysOverdue(f.replyDue, today) < s.overdue) return false;
  }
  if (s.q !== undefined) {
    for (const word of searchTerms(s.q)) {
      const found =
        String(f.number) === word ||
        holds(f.title, word) ||
        holds(f.body, word) ||
        f.signerNames.some((n) => holds(n, word)) ||
        f.unitNames.some((n) => holds(n, word));
      if (!found) return false;
    }
  }
  return true;
}

/** The list's order: newest session first (year, then session), by number. */
const inListOrder = (rows: Facts[]) =>
  [...rows].sort((a, b) => b.sessionYear - a.sessionYear || b.sessionId - a.sessionId || a.number - b.number);

function expected(s: ProposalSelection, today = DEMO_TODAY): number[] {
  return inListOrder(facts.filter((f) => selects(f, s, today))).map((f) => f.id);
}

async function listed(s: ProposalSelection, today = DEMO_TODAY): Promise<{ ids: number[]; total: number }> {
  const { rows, total } = await listProposals(t.db, s, { pageSize: 1000, today });
  return { ids: rows.map((r) => r.id), total };
}

beforeAll(async () => {
  t = await demoDatabase();
  // A few more, so that each filter has something to tell apart: a key proposal with a word in its body only,
  // one co-signed by 刘新荣, one received long ago, one in the NPC session.
  const liu = (await t.user("liuxr")).id;
  const idOf = async (query: SQL) => (await t.db.get<{ id: number }>(query))!.id;
  const other = await idOf(sql`select id from users where role = 'member' and username <> 'liuxr' order by id limit 1`);
  const npc = await idOf(sql`select id from sessions where kind = 'suggestion' order by id limit 1`);
  const category = await idOf(sql`select id from categories order by id desc limit 1`);
  for (const r of [
    await t.register(9001, { title: "关于测试筛选的建议甲", body: "正文提到鲸落湾公园的管护。", isKey: true, categoryId: category }),
    await t.register(9002, { title: "关于测试筛选的建议乙", body: "正文。", proposerId: other, coSignerIds: [liu] }),
    await t.register(9003, { title: "关于测试筛选的建议丙", body: "正文。", receivedOn: "2026-01-05" }),
    await t.register(9004, { title: "关于测试筛选的建议丁", body: "正文。", sessionId: npc }),
  ]) {
    if (!r.ok) throw new Error(r.reason);
  }
  facts = await readFacts();
}, 120_000);

afterAll(() => t?.cleanup());

describe("全部提案's selection", () => {
  it("each filter alone selects what its rule says", async () => {
    const distinct = <T>(values: T[]) => [...new Set(values)];
    const cases: ProposalSelection[] = [
      {},
      ...distinct(facts.map((f) => f.sessionId)).map((session) => ({ session })),
      { kind: "proposal" },
      { kind: "suggestion" },
      ...PROPOSAL_STATES.map((status) => ({ status })),
      ...distinct(facts.flatMap((f) => f.units)).flatMap((unit) => [{ lead: unit }, { co: unit }, { unitId: unit }]),
      ...distinct(facts.map((f) => f.categoryId).filter((c): c is number => c !== null)).map((category) => ({ category })),
      { key: true },
      { from: "2026-03-01" },
      { to: "2026-03-01" },
      { from: "2026-01-01", to: "2026-01-31" },
      ...[1, 7, 30, 100].map((overdue) => ({ overdue })),
      ...["刘新荣", "鲸落", "鲸落湾公园", "党群工作部", "科技创新局", "180", "9003", "人才", "停车", "车", "不存在的词"].map((q) => ({
        q,
      })),
    ];
    for (const s of cases) {
      const { ids, total } = await listed(s);
      expect(ids, JSON.stringify(s)).toEqual(expected(s));
      expect(total, JSON.stringify(s)).toBe(ids.length);
    }
    // Each filter tells something apart on this data.
    for (const s of cases.slice(1)) expect(expected(s).length, JSON.stringify(s)).toBeLessThan(facts.length);
    expect(expected({ key: true }).length).toBeGreaterThan(0);
  });

  it("a member's name finds the proposals they co-signed as well as those they lead", async () => {
    const liu = (await t.user("liuxr")).id;
    const role = async (r: string) =>
      (await t.db.all<{ id: number }>(sql`select proposal_id as id from proposal_signers where user_id = ${liu} and role = ${r}`)).map(
        (s) => s.id,
      );
    const found = (await listed({ q: "刘新荣" })).ids;
    const [leading, cosigned] = [await role("lead"), await role("cosigner")];
    expect(cosigned.length).toBeGreaterThanOrEqual(3);
    for (const id of [...leading, ...cosigned]) expect(found).toContain(id);
    // Not a seconder (附议) alone, nor a proposal that only mentions no one.
    expect(found.length).toBe(new Set([...leading, ...cosigned, ...expected({ q: "刘新荣" })]).size);
  });

  it("超期 counts calendar days past the lead unit's reply deadline, only while the reply is awaited", async () => {
    const today = "2026-12-31";
    const awaited = facts.filter(
      (f) => (AWAITING_REPLY_STATES as readonly string[]).includes(f.status) && f.replyDue !== null && f.replyDue < today,
    );
    expect(awaited.length).toBeGreaterThan(3);
    const days = awaited.map((f) => daysOverdue(f.replyDue!, today)).sort((a, b) => a - b);
    for (const n of [1, days[0]!, days[0]! + 1, days[Math.floor(days.length / 2)]!, days.at(-1)!, days.at(-1)! + 1]) {
      const { ids } = await listed({ overdue: n }, today);
      expect(ids, `overdue ${n}`).toEqual(expected({ overdue: n }, today));
      expect(ids.length, `overdue ${n}`).toBe(days.filter((d) => d >= n).length);
    }
    // On the due day itself nothing is overdue yet; the day after, one day.
    const due = awaited[0]!.replyDue!;
    expect((await listed({ overdue: 1 }, due)).ids).not.toContain(awaited[0]!.id);
    const dayAfter = new Date(Date.parse(due) + 86_400_000).toISOString().slice(0, 10);
    expect((await listed({ overdue: 1 }, dayAfter)).ids).toContain(awaited[0]!.id);
    expect((await listed({ overdue: 2 }, dayAfter)).ids).not.toContain(awaited[0]!.id);
  });

  it("combinations select what every one of their filters does; the pages put together, and the ledger, are the list", async () => {
    let seed = 19;
    const random = () => (seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648) / 2_147_483_648;
    const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
    const sessions = [...new Set(facts.map((f) => f.sessionId))];
    const units = [...new Set(facts.flatMap((f) => f.units))];
    const categories = [...new Set(facts.map((f) => f.categoryId).filter((c): c is number => c !== null))];
    const words = ["刘新荣", "人才", "科技", "停车", "党群", "社区", "180", "建议"];
    let nonEmpty = 0;
    for (let i = 0; i < 200; i++) {
      const s: ProposalSelection = {};
      if (random() < 0.4) s.session = pick(sessions);
      if (random() < 0.3) s.kind = pick(["proposal", "suggestion"] as const);
      if (random() < 0.4) s.status = pick(PROPOSAL_STATES);
      if (random() < 0.3) s.lead = pick(units);
      if (random() < 0.3) s.co = pick(units);
      if (random() < 0.3) s.category = pick(categories);
      if (random() < 0.2) s.key = true;
      if (random() < 0.2) s.overdue = pick([1, 5, 30]);
      if (random() < 0.2) s.from = pick(["2025-01-01", "2026-01-01", "2026-04-01"]);
      if (random() < 0.2) s.to = pick(["2025-12-31", "2026-03-31", "2026-12-31"]);
      if (random() < 0.4) s.q = random() < 0.3 ? `${pick(words)} ${pick(words)}` : pick(words);
      if (random() < 0.2) s.unitId = pick(units);
      const today = pick([DEMO_TODAY, "2026-09-30", "2026-12-31"]);
      const want = expected(s, today);
      expect((await listed(s, today)).ids, JSON.stringify(s)).toEqual(want);
      if (want.length > 0) nonEmpty++;
      if (s.unitId == null)
        expect(
          (await ledgerRows(t.db, s, today)).map((r) => r.id),
          JSON.stringify(s),
        ).toEqual(want);
    }
    expect(nonEmpty).toBeGreaterThan(40);

    // Paged by 7: the pages in turn are the whole selection, each counting all of it.
    const s: ProposalSelection = { kind: "proposal" };
    const all = expected(s);
    const pages = await Promise.all(
      Array.from({ length: Math.ceil(all.length / 7) + 1 }, async (_, i) =>
        listProposals(t.db, s, { page: i + 1, pageSize: 7, today: DEMO_TODAY }),
      ),
    );
    expect(pages.flatMap((p) => p.rows.map((r) => r.id))).toEqual(all);
    for (const p of pages) expect(p.total).toBe(all.length);
    expect((await pages.at(-1))!.rows).toEqual([]);
  });
});
