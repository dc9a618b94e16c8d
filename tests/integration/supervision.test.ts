import { and, eq, like } from "drizzle-orm";
import { afterEach, describe, expect, it } from "vitest";
import { supervise } from "@/db/handling/supervision";
import { supervisionItems } from "@/db/queries/supervision";
import { events, notifications, users } from "@/db/schema";
import { isoDateInChina } from "@/lib/format";
import { demoDatabase } from "./demo-db";

let cleanup = () => {};
afterEach(() => cleanup());

describe("the 督办 board", () => {
  it("lists overdue and soon-due steps of every stage, and a 督办 notice reaches the unit's handler", async () => {
    const t = await demoDatabase();
    cleanup = t.cleanup;
    const today = isoDateInChina(new Date());
    // The demo is dated in the past, so by now much of it is overdue.
    const items = await supervisionItems(t.db, today);
    expect(items.length).toBeGreaterThan(0);
    expect(items.every((i) => i.due <= today)).toBe(true);
    expect(new Set(items.map((i) => i.stage))).toEqual(new Set(["accept", "opinion", "reply", "receipt", "publication"]));
    expect(items.map((i) => i.due)).toEqual([...items.map((i) => i.due)].sort());
    expect(await supervisionItems(t.db, "2000-01-01")).toEqual([]);

    const reply = items.find((i) => i.stage === "reply")!;
    const handlers = await t.db
      .select({ id: users.id })
      .from(users)
      .where(and(eq(users.unitId, reply.unitId), eq(users.role, "handler")))
      .all();
    expect(handlers.length).toBeGreaterThan(0);
    const notices = async (userId: number) =>
      (
        await t.db
          .select()
          .from(notifications)
          .where(and(eq(notifications.userId, userId), like(notifications.message, "%》：督办：%")))
          .all()
      ).length;
    const before = await Promise.all(handlers.map(async (h) => notices(h.id)));
    const logged = async () =>
      (
        await t.db
          .select()
          .from(events)
          .where(and(eq(events.proposalId, reply.proposalId), eq(events.action, "supervise")))
          .all()
      ).length;
    const loggedBefore = await logged();
    const result = await supervise(t.db, await t.user("coordinator"), reply.proposalId, {
      unitId: reply.unitId,
      comment: `请于${reply.due}前完成答复。`,
    });
    expect(result.ok).toBe(true);
    expect(await Promise.all(handlers.map(async (h) => notices(h.id)))).toEqual(before.map((n) => n + 1));
    expect(await logged()).toBe(loggedBefore + 1);
  });
});
