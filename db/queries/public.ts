/**
 * Everything the public open-information site reads. Every query here starts from publications with
 * status 'published'; withheld and withdrawn replies, drafts and unpublished replies are never reachable
 * from these functions. The search reads the FTS5 table public_search, which holds published rows only.
 */
import { and, count, desc, eq, sql, type SQL } from "drizzle-orm";
import type { SessionKind } from "@/lib/domain";
import { letterTitle, type Letter } from "@/lib/letter";
import type { SearchPlan } from "@/lib/public-search";
import type { Db } from "../client";
import { letterForReply } from "./letter";
import { proposals, publications, replies, sessions, units } from "../schema";

type Reader = Pick<Db, "select" | "selectDistinct">;

export const PUBLIC_PAGE_SIZE = 15;

export type PublicFilters = { year?: number; unitId?: number; topic?: string; kind?: SessionKind };

const columns = {
  id: publications.id,
  replyId: publications.replyId,
  mode: publications.mode,
  indexNumber: publications.indexNumber,
  docNumber: replies.docNumber,
  topic: publications.topic,
  genre: publications.genre,
  publisherName: publications.publisherName,
  validity: publications.validity,
  writtenOn: publications.writtenOn,
  publishedOn: publications.publishedOn,
  summary: publications.summary,
  proposalTitle: proposals.title,
  number: proposals.number,
  kind: sessions.kind,
  sessionBody: sessions.body,
  sessionTerm: sessions.term,
  sessionMeeting: sessions.meeting,
  unitName: units.name,
};

function published(filters: PublicFilters, extra?: SQL): SQL {
  return and(
    eq(publications.status, "published"),
    filters.year !== undefined ? eq(publications.indexYear, filters.year) : undefined,
    filters.unitId !== undefined ? eq(publications.publisherUnitId, filters.unitId) : undefined,
    filters.topic !== undefined ? eq(publications.topic, filters.topic) : undefined,
    filters.kind !== undefined ? eq(sessions.kind, filters.kind) : undefined,
    extra,
  )!;
}

const searchText = sql<string>`(SELECT body FROM public_search WHERE rowid = ${publications.id})`;

/** Published replies with everything their pages show, and the indexed text for search excerpts. */
function selectPublished(db: Reader) {
  return db
    .select({ ...columns, searchText })
    .from(publications)
    .innerJoin(replies, eq(replies.id, publications.replyId))
    .innerJoin(proposals, eq(proposals.id, replies.proposalId))
    .innerJoin(sessions, eq(sessions.id, proposals.sessionId))
    .innerJoin(units, eq(units.id, replies.unitId));
}

function countPublished(db: Reader, where: SQL): number {
  return (
    db
      .select({ n: count() })
      .from(publications)
      .innerJoin(replies, eq(replies.id, publications.replyId))
      .innerJoin(proposals, eq(proposals.id, replies.proposalId))
      .innerJoin(sessions, eq(sessions.id, proposals.sessionId))
      .where(where)
      .get()?.n ?? 0
  );
}

type Row = ReturnType<ReturnType<typeof selectPublished>["all"]>[number];

function toItem(row: Row) {
  return {
    id: row.id,
    replyId: row.replyId,
    mode: row.mode,
    title: letterTitle({
      unitName: row.unitName,
      session: { body: row.sessionBody, term: row.sessionTerm, meeting: row.sessionMeeting },
      number: row.number,
      kind: row.kind,
    }),
    proposalTitle: row.proposalTitle,
    kind: row.kind,
    indexNumber: row.indexNumber ?? "",
    docNumber: row.docNumber,
    topic: row.topic,
    genre: row.genre,
    publisherName: row.publisherName,
    validity: row.validity,
    writtenOn: row.writtenOn,
    publishedOn: row.publishedOn ?? "",
    /** The public summary under 摘要公开, else null. */
    summary: row.mode === "summary" ? row.summary : null,
  };
}

export type PublicItem = ReturnType<typeof toItem>;

const newestFirst = [desc(publications.publishedOn), desc(publications.id)];

/** One page of published replies, newest first, and how many there are in all. */
export function listPublished(db: Reader, filters: PublicFilters, page = 1): { items: PublicItem[]; total: number } {
  const where = published(filters);
  const total = countPublished(db, where);
  const rows = selectPublished(db)
    .where(where)
    .orderBy(...newestFirst)
    .limit(PUBLIC_PAGE_SIZE)
    .offset((Math.max(1, page) - 1) * PUBLIC_PAGE_SIZE)
    .all();
  return { items: rows.map(toItem), total };
}

/** One published reply; null when it does not exist or is not (or no longer) published. */
export function publishedById(db: Reader, id: number): PublicItem | null {
  if (!Number.isSafeInteger(id) || id <= 0) return null;
  const row = selectPublished(db).where(published({}, eq(publications.id, id))).get();
  return row ? toItem(row) : null;
}

/** The letter of a reply published in full (全文公开); null for anything else, a summary included. */
export function publishedLetter(db: Db, publicationId: number): Letter | null {
  const current = publishedById(db, publicationId);
  if (!current || current.mode !== "full") return null;
  return letterForReply(db, current.replyId);
}

/** The newest published replies, for the feed, the open-data list and the sitemap. */
export function latestPublished(db: Reader, limit: number): PublicItem[] {
  return selectPublished(db).where(published({})).orderBy(...newestFirst).limit(limit).all().map(toItem);
}

function searchCondition(plan: SearchPlan): SQL {
  const conditions = [
    ...(plan.match ? [sql`public_search MATCH ${plan.match}`] : []),
    ...plan.likes.map((p) => sql`(title LIKE ${p} ESCAPE '\\' OR body LIKE ${p} ESCAPE '\\')`),
  ];
  return sql`${publications.id} IN (SELECT rowid FROM public_search WHERE ${sql.join(conditions, sql` AND `)})`;
}

export type PublicSearchHit = PublicItem & { searchText: string };

/**
 * Published replies whose title and public text hold every word of the plan, newest first, with the
 * indexed text (the body under 全文公开, the summary under 摘要公开) for the excerpt.
 */
export function searchPublished(db: Reader, plan: SearchPlan, filters: PublicFilters, page = 1): { items: PublicSearchHit[]; total: number } {
  const where = published(filters, searchCondition(plan));
  const total = countPublished(db, where);
  const rows = selectPublished(db)
    .where(where)
    .orderBy(...newestFirst)
    .limit(PUBLIC_PAGE_SIZE)
    .offset((Math.max(1, page) - 1) * PUBLIC_PAGE_SIZE)
    .all();
  return { items: rows.map((r) => ({ ...toItem(r), searchText: r.searchText ?? "" })), total };
}

/** The choices of the filters: only years, units and categories that have published replies. */
export function publicFilterOptions(db: Reader) {
  const where = eq(publications.status, "published");
  const years = db
    .selectDistinct({ year: publications.indexYear })
    .from(publications)
    .where(where)
    .orderBy(desc(publications.indexYear))
    .all()
    .flatMap((r) => (r.year === null ? [] : [r.year]));
  const publishers = db
    .selectDistinct({ id: publications.publisherUnitId, name: publications.publisherName })
    .from(publications)
    .where(where)
    .orderBy(publications.publisherName)
    .all();
  const topics = db
    .selectDistinct({ topic: publications.topic })
    .from(publications)
    .where(where)
    .orderBy(publications.topic)
    .all()
    .map((r) => r.topic);
  return { years, publishers, topics };
}
