/** The home page's lists show the most urgent QUEUE_LIMIT items a page and count all of them. */
import { sql } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { acceptAssignment, assignProposal } from "@/db/handling/assignment";
import { requestExtension } from "@/db/handling/extension";
import { coordinatorQueue, overdueReceipts, QUEUE_LIMIT } from "@/db/queries/work";
import { DEMO_TODAY, demoDatabase, ok } from "./demo-db";

let t: Awaited<ReturnType<typeof demoDatabase>>;
beforeEach(async () => {
  t = await demoDatabase();
});
afterEach(() => t.cleanup());

describe("the 待办 lists", () => {
  it("list the earliest-received proposals to assign, at most QUEUE_LIMIT, and count them all", async () => {
    const before = (await coordinatorQueue(t.db, DEMO_TODAY)).toAssign.total;
    for (let n = 0; n < QUEUE_LIMIT + 5; n++) {
      const result = await t.register(9000 + n, { receivedOn: `2026-0${1 + (n % 5)}-${String(10 + (n % 18)).padStart(2, "0")}` });
      expect(result.ok).toBe(true);
    }
    const { toAssign } = await coordinatorQueue(t.db, DEMO_TODAY);
    expect(toAssign.total).toBe(before + QUEUE_LIMIT + 5);
    expect(toAssign.rows).toHaveLength(QUEUE_LIMIT);
    const received = toAssign.rows.map((r) => r.receivedOn);
    expect(received).toEqual([...received].sort());
    // Its further pages: every proposal once, in the same order, many sharing a received date.
    const pages = Math.ceil(toAssign.total / QUEUE_LIMIT);
    const ids: number[] = [];
    const dates: string[] = [];
    for (let page = 1; page <= pages; page++) {
      const listed = (await coordinatorQueue(t.db, DEMO_TODAY, { toAssign: page })).toAssign;
      expect([listed.page, listed.total]).toEqual([page, toAssign.total]);
      ids.push(...listed.rows.map((r) => r.proposalId));
      dates.push(...listed.rows.map((r) => r.receivedOn));
    }
    expect(new Set(ids).size).toBe(toAssign.total);
    expect(dates).toEqual([...dates].sort());
    // A page past the end (its proposals were assigned since the link was made) shows the first.
    const past = (await coordinatorQueue(t.db, DEMO_TODAY, { toAssign: pages + 1 })).toAssign;
    expect([past.page, past.rows]).toEqual([1, toAssign.rows]);
  });

  it("page every overdue assignment of an open proposal once, the deadline in force first, with the count of all; late acceptances too", async () => {
    // In a year's time every open assignment is overdue: the demo's, across states, extensions and both roles.
    const today = "2099-01-01";
    const expected = await t.db.all<{ id: number; due: string }>(sql`
      select a.id, coalesce(a.extended_due, a.due) as due from assignments a join proposals p on p.id = a.proposal_id
      where a.status in ('pending', 'accepted') and p.status in ('assigned', 'handling', 'rehandling')
      order by coalesce(a.extended_due, a.due), a.id`);
    expect(expected.length).toBeGreaterThan(QUEUE_LIMIT);
    const listed: { assignmentId: number; due: string }[] = [];
    for (let page = 1; page <= Math.ceil(expected.length / QUEUE_LIMIT); page++) {
      const { overdue } = await coordinatorQueue(t.db, today, { overdue: page });
      expect([overdue.page, overdue.total]).toEqual([page, expected.length]);
      listed.push(...overdue.rows);
    }
    expect(listed.map((r) => [Number(r.assignmentId), r.due])).toEqual(expected.map((r) => [Number(r.id), r.due]));
    expect((await coordinatorQueue(t.db, "2000-01-01")).overdue).toEqual({ rows: [], total: 0, page: 1 });
    // 逾期未签收, counted apart as well: every pending assignment, acceptance deadline first.
    const late = await t.db.all<{ id: number }>(sql`select id from assignments where status = 'pending' order by accept_due, id`);
    const { lateAcceptance } = await coordinatorQueue(t.db, today);
    expect([lateAcceptance.total, lateAcceptance.rows.map((r) => Number(r.assignmentId))]).toEqual([
      late.length,
      late.slice(0, QUEUE_LIMIT).map((r) => Number(r.id)),
    ]);
  });

  it("page the pending extension requests as the other lists: QUEUE_LIMIT at a time, oldest request first, each once", async () => {
    const before = (await coordinatorQueue(t.db, DEMO_TODAY)).extensions.total;
    const coordinator = await t.user("coordinator");
    const handler = await t.user("jiangmj");
    const lead = await t.unit("重庆高新区科技创新局");
    for (let n = 0; n < QUEUE_LIMIT + 5; n++) {
      const { id } = ok(await t.register(9100 + n));
      ok(await assignProposal(t.db, coordinator, id, { leadUnitId: lead, coUnitIds: [] }));
      ok(await acceptAssignment(t.db, handler, id, lead));
      ok(await requestExtension(t.db, handler, id, { unitId: lead, until: "2027-05-31", reason: `第 ${n + 1} 件需调研` }));
    }
    const first = (await coordinatorQueue(t.db, DEMO_TODAY)).extensions;
    expect([first.total, first.rows.length, first.page]).toEqual([before + QUEUE_LIMIT + 5, QUEUE_LIMIT, 1]);
    const pages = Math.ceil(first.total / QUEUE_LIMIT);
    const listed = [];
    for (let page = 1; page <= pages; page++)
      listed.push(...(await coordinatorQueue(t.db, DEMO_TODAY, { extensions: page })).extensions.rows);
    const ids = listed.map((r) => r.requestId);
    expect(ids).toEqual([...ids].sort((a, b) => a - b));
    expect(new Set(ids).size).toBe(first.total);
  });

  it("count overdue receipts beyond the rows shown", async () => {
    const all = await overdueReceipts(t.db, "2099-01-01", { pageSize: 10_000 });
    const two = await overdueReceipts(t.db, "2099-01-01", { pageSize: 2 });
    expect(all.total).toBeGreaterThan(2);
    expect(two.total).toBe(all.total);
    expect(two.rows).toEqual(all.rows.slice(0, 2));
    expect(all.rows).toHaveLength(all.total);
    const pages = await Promise.all(
      Array.from({ length: Math.ceil(all.total / 2) }, (_, i) => overdueReceipts(t.db, "2099-01-01", { page: i + 1, pageSize: 2 })),
    );
    expect(pages.flatMap((p) => p.rows)).toEqual(all.rows);
  });
});
