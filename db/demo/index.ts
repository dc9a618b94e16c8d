/**
 * The demo database (docs/domain.md "Demo data"): the sample's units, people and proposal 180 right before
 * sign-off, plus proposals in every state, each handled through the use cases as its script says
 * (handling.ts, stage.ts). Only for an empty database; every account's password is DEMO_PASSWORD.
 */
import { count } from "drizzle-orm";
import { PROPOSAL_STATES, type ProposalState, type Role } from "@/lib/domain";
import { isoDateInChina } from "@/lib/format";
import { hashPassword } from "@/lib/password";
import type { Db } from "../client";
import { proposals, users } from "../schema";
import { workdaysBefore, chinaInstant } from "./clock";
import { ACCOUNTS, insertReference, UNITS, type Tx } from "./reference";
import { Stage, demoIds } from "./stage";
import { buildScripts } from "./stories";

export const DEMO_PASSWORD = "demo-2026";

export type DemoOptions = { today?: string /* ISO date, default today in China */ };

export type DemoAccount = { login: string; role: Role; name: string; unit: string | null };

export type DemoSummary = {
  today: string;
  proposals: number;
  byState: Record<ProposalState, number>;
  /** The accounts that can sign in with DEMO_PASSWORD. */
  accounts: DemoAccount[];
};

/** Thrown when the database already has users: the demo never mixes with real data. */
export class DemoDatabaseNotEmptyError extends Error {
  constructor() {
    super("The database already has users; demo data is only loaded into an empty database.");
    this.name = "DemoDatabaseNotEmptyError";
  }
}

async function assertEmpty(db: Pick<Tx, "select">) {
  const row = await db.select({ n: count() }).from(users).get();
  if ((row?.n ?? 0) > 0) throw new DemoDatabaseNotEmptyError();
}

/** The working days of reference data (units, users, sessions) before today: older than every proposal. */
const REFERENCE_AGE = 320;

export async function seedDemo(db: Db, options: DemoOptions = {}): Promise<DemoSummary> {
  const today = options.today ?? isoDateInChina(new Date());
  if (!/^\d{4}-\d{2}-\d{2}$/.test(today) || Number.isNaN(Date.parse(today))) throw new Error(`Invalid demo date: ${today}`);
  await assertEmpty(db);
  const scripts = buildScripts(today);
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  await db.transaction(async (tx) => {
    // Checked again: another process may have written while the password was being hashed.
    await assertEmpty(tx);
    const ref = await insertReference(tx, {
      passwordHash,
      year: Number(today.slice(0, 4)),
      createdAt: chinaInstant(workdaysBefore(today, REFERENCE_AGE), 9 * 60),
    });
    // The use cases run on the connection: each one's transaction becomes a savepoint of this one.
    await new Stage(db, demoIds(ref)).perform(scripts.flat());
  });
  const counts = await db.select({ status: proposals.status, n: count() }).from(proposals).groupBy(proposals.status).all();
  const byState = Object.fromEntries(PROPOSAL_STATES.map((state) => [state, counts.find((c) => c.status === state)?.n ?? 0])) as Record<
    ProposalState,
    number
  >;
  return {
    today,
    proposals: counts.reduce((sum, c) => sum + c.n, 0),
    byState,
    accounts: ACCOUNTS.map((a) => ({ login: a.login, role: a.role, name: a.name, unit: a.unit ? UNITS[a.unit].name : null })),
  };
}
