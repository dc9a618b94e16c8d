/** The home page's lists show the most urgent QUEUE_LIMIT items a page and count all of them. */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { coordinatorQueue, overdueReceipts, QUEUE_LIMIT } from "@/db/queries/work";
import { DEMO_TODAY, demoDatabase } from "./demo-db";

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
