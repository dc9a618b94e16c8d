/** The home page's lists show the most urgent QUEUE_LIMIT items and count all of them. */
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
  });

  it("count overdue receipts beyond the rows shown", async () => {
    const all = await overdueReceipts(t.db, "2099-01-01", 10_000);
    const two = await overdueReceipts(t.db, "2099-01-01", 2);
    expect(all.total).toBeGreaterThan(2);
    expect(two.total).toBe(all.total);
    expect(two.rows).toEqual(all.rows.slice(0, 2));
    expect(all.rows).toHaveLength(all.total);
  });
});
