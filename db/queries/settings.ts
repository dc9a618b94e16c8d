import { eq } from "drizzle-orm";
import { DEADLINE_KINDS, DEFAULT_DEADLINES, type DeadlineKind, type DeadlineRule } from "@/lib/deadline-rules";
import { publicationSettings, type PublicationSettings } from "@/lib/publication";
import type { Db } from "../client";
import { preparedOnce } from "../prepared";
import { settings } from "../schema";
import { logEvent } from "./events";
import { now } from "../clock";

type Reader = Pick<Db, "select">;

const savedDeadlineRules = preparedOnce((db: Reader) =>
  db.select({ value: settings.value }).from(settings).where(eq(settings.key, DEADLINE_RULES_KEY)).prepare(),
);

/** The deadline rules in force: the defaults, with whatever the settings override. */
export async function deadlineRules(db: Reader): Promise<Record<DeadlineKind, DeadlineRule>> {
  return deadlineRulesOf((await savedDeadlineRules(db).get())?.value);
}

/** The settings' key of the deadline rules. */
export const DEADLINE_RULES_KEY = "deadlines";

/** The deadline rules in force given the stored value (none: the defaults). */
export function deadlineRulesOf(value: unknown): Record<DeadlineKind, DeadlineRule> {
  const saved = (value ?? {}) as Partial<Record<DeadlineKind, DeadlineRule>>;
  const rules = { ...DEFAULT_DEADLINES };
  for (const kind of DEADLINE_KINDS) {
    const rule = saved[kind];
    if (rule && Number.isInteger(rule.amount) && rule.amount > 0 && (rule.unit === "workdays" || rule.unit === "months"))
      rules[kind] = rule;
  }
  return rules;
}

/** Saves the deadline rules; deadlines already set on proposals keep their dates. */
export async function saveDeadlineRules(db: Db, rules: Record<DeadlineKind, DeadlineRule>, actorId: number): Promise<void> {
  await db.transaction(async (tx) => {
    await tx
      .insert(settings)
      .values({ key: "deadlines", value: rules, updatedBy: actorId, updatedAt: now() })
      .onConflictDoUpdate({ target: settings.key, set: { value: rules, updatedBy: actorId, updatedAt: now() } })
      .run();
    await logEvent(tx, { action: "settings_update", actorId, data: { deadlines: rules } });
  });
}

/** The locality's publication setting: who decides 发布 (the coordinating office, or the lead unit as well). */
export async function loadPublicationSettings(db: Reader): Promise<PublicationSettings> {
  const row = await db.select({ value: settings.value }).from(settings).where(eq(settings.key, "publication")).get();
  return publicationSettings(row?.value);
}

export async function savePublicationSettings(db: Db, value: PublicationSettings, actorId: number): Promise<void> {
  await db.transaction(async (tx) => {
    await tx
      .insert(settings)
      .values({ key: "publication", value, updatedBy: actorId, updatedAt: now() })
      .onConflictDoUpdate({ target: settings.key, set: { value, updatedBy: actorId, updatedAt: now() } })
      .run();
    await logEvent(tx, { action: "settings_update", actorId, data: { publication: value } });
  });
}
