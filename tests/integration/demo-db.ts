import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { seedDemo } from "@/db/demo";
import { registerProposal, type RegisterInput } from "@/db/handling/register";
import { sessions, units, users } from "@/db/schema";
import type { WorkflowActor } from "@/lib/workflow/commands";
import { tempDatabase } from "./temp-db";

export const DEMO_TODAY = "2026-06-15";

/** A temporary database with the demo data, and lookups by login and unit name. */
export async function demoDatabase() {
  const t = tempDatabase();
  await seedDemo(t.db, { today: DEMO_TODAY });
  return { ...t, ...lookups(t.db) };
}

export function lookups(db: Db) {
  const user = (login: string): WorkflowActor & { displayName: string; title: string | null } => {
    const u = db.select().from(users).where(eq(users.username, login)).get();
    if (!u) throw new Error(`no user ${login}`);
    return { id: u.id, role: u.role, unitId: u.unitId, displayName: u.displayName, title: u.title };
  };
  const unit = (name: string) => {
    const u = db.select().from(units).where(eq(units.name, name)).get();
    if (!u) throw new Error(`no unit ${name}`);
    return u.id;
  };
  const session = (meeting: string) => db.select().from(sessions).where(eq(sessions.meeting, meeting)).get()!.id;
  /** Registers a proposal of 刘新荣 in the demo's 第二次会议, as the coordinator; `over` changes any field. */
  const register = (number: number, over: Partial<RegisterInput> = {}) =>
    registerProposal(db, user("coordinator").id, {
      sessionId: session("第二次会议"),
      number,
      title: `测试提案${number}`,
      body: "正文",
      categoryId: null,
      receivedOn: DEMO_TODAY,
      proposerId: user("liuxr").id,
      coSignerIds: [],
      seconderIds: [],
      isKey: false,
      isUrgent: false,
      wantsMeeting: false,
      ...over,
    });
  return { user, unit, session, register };
}
