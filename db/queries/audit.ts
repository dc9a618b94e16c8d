/** The security audit page: recent security-relevant events of the append-only event log, filtered. */
import { and, count, desc, eq, gte, inArray, lt, sql, type SQL } from "drizzle-orm";
import { alias } from "drizzle-orm/sqlite-core";
import { AUDIT_KINDS, chinaDayRange, type AuditFilter } from "@/lib/audit";
import type { Db } from "../client";
import { events, users } from "../schema";
import { jsonField, position } from "../dialect";

const actor = alias(users, "actor");
const target = alias(users, "target");

/** The user an event is about (user management events name them in data.userId). */
const targetId = jsonField(events.data, "userId", "integer");
/** The name typed at sign-in, also for names that have no account. */
const triedName = jsonField(events.data, "username", "text");
const address = jsonField(events.data, "address", "text");

export async function listAuditEvents(db: Db, filter: AuditFilter, page: { page: number; pageSize: number }) {
  const conditions: SQL[] = [filter.kind ? eq(events.action, filter.kind) : inArray(events.action, AUDIT_KINDS)];
  if (filter.from) conditions.push(gte(events.createdAt, chinaDayRange(filter.from).start));
  if (filter.to) conditions.push(lt(events.createdAt, chinaDayRange(filter.to).end));
  if (filter.user) {
    const q = filter.user.toLowerCase();
    conditions.push(
      sql`(${position(sql`lower(coalesce(${actor.username}, ''))`, q)} > 0 or ${position(sql`coalesce(${actor.displayName}, '')`, filter.user)} > 0
        or ${position(sql`lower(coalesce(${target.username}, ''))`, q)} > 0 or ${position(sql`coalesce(${target.displayName}, '')`, filter.user)} > 0
        or ${position(sql`lower(coalesce(${triedName}, ''))`, q)} > 0)`,
    );
  }
  const where = and(...conditions);
  const rows = await db
    .select({
      id: events.id,
      createdAt: events.createdAt,
      action: events.action,
      proposalId: events.proposalId,
      comment: events.comment,
      data: events.data,
      actorUsername: actor.username,
      actorName: actor.displayName,
      targetUsername: target.username,
      targetName: target.displayName,
      triedName,
      address,
    })
    .from(events)
    .leftJoin(actor, eq(actor.id, events.actorId))
    .leftJoin(target, sql`${target.id} = ${targetId}`)
    .where(where)
    .orderBy(desc(events.id))
    .limit(page.pageSize)
    .offset((page.page - 1) * page.pageSize)
    .all();
  const total =
    (
      await db
        .select({ n: count() })
        .from(events)
        .leftJoin(actor, eq(actor.id, events.actorId))
        .leftJoin(target, sql`${target.id} = ${targetId}`)
        .where(where)
        .get()
    )?.n ?? 0;
  return { rows, total };
}

export type AuditRow = Awaited<ReturnType<typeof listAuditEvents>>["rows"][number];
