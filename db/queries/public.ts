/**
 * Everything the public open-information site reads. Every query here starts from publications with
 * status 'published'; withheld and withdrawn replies, drafts and unpublished replies are never reachable
 * from these functions. The search reads public_search (db/search: SQLite's FTS5 table, or PostgreSQL's
 * table of migration 0004), which holds published rows only.
 *
 * Lists and searches first find one page of publication ids from publications alone (its indexes hold
 * every filter column, so even page 500 skips index entries, not joined rows), then join only those.
 */
import { and, count, desc, eq, inArray, sql, type SQL, type SQLWrapper } from "drizzle-orm";
import { GENRE_LABELS, type SessionKind } from "@/lib/domain";
import { letterTitle, type Letter } from "@/lib/letter";
import { replyRoundSuffix } from "@/lib/publication";
import type { SearchPlan } from "@/lib/public-search";
import type { Db } from "../client";
import { letterForReply } from "./letter";
import { unindexed } from "../dialect";
import { databaseEngine } from "../engine";
import { publicSearchIds, publicSearchText, searchReader } from "../search/text-match";
import { proposals, publications, replies, sessions, units } from "../schema";

type Reader = Pick<Db, "select" | "all">;

export const PUBLIC_PAGE_SIZE = 15;

export type PublicFilters = { year?: number; unitId?: number; topic?: string; kind?: SessionKind };

const columns = {
  id: publications.id,
  replyId: publications.replyId,
  mode: publications.mode,
  indexNumber: publications.indexNumber,
  docNumber: replies.docNumber,
  round: replies.round,
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

/**
 * The published rows under the filters, on publications' own columns. The kind is read from the 体裁分类
 * (genre) that publication wrote from the session's kind (GENRE_LABELS), as the page shows it.
 */
function published(filters: PublicFilters, extra?: SQL): SQL {
  return and(
    eq(publications.status, "published"),
    filters.year !== undefined ? eq(publications.indexYear, filters.year) : undefined,
    filters.unitId !== undefined ? eq(publications.publisherUnitId, filters.unitId) : undefined,
    filters.topic !== undefined ? eq(publications.topic, filters.topic) : undefined,
    filters.kind !== undefined ? eq(publications.genre, GENRE_LABELS[filters.kind]) : undefined,
    extra,
  )!;
}

const searchText = publicSearchText(databaseEngine(), publications.id);

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

/** `where` must read publications only (see published). */
async function countPublished(db: Reader, where: SQL): Promise<number> {
  return (await db.select({ n: count() }).from(publications).where(where).get())?.n ?? 0;
}

/** The ids of one page of published rows, newest first, from publications' indexes alone. */
function pageIds(db: Reader, where: SQL, page: number) {
  return db
    .select({ id: publications.id })
    .from(publications)
    .where(where)
    .orderBy(...newestFirst)
    .limit(PUBLIC_PAGE_SIZE)
    .offset((Math.max(1, page) - 1) * PUBLIC_PAGE_SIZE);
}

/** The rows of those ids, with everything the pages show (joined for these rows alone). */
async function rowsOf(db: Reader, ids: number[] | SQLWrapper): Promise<Row[]> {
  if (Array.isArray(ids) && ids.length === 0) return [];
  return selectPublished(db)
    .where(inArray(publications.id, ids))
    .orderBy(...newestFirst)
    .all();
}

type Row = Awaited<ReturnType<ReturnType<typeof selectPublished>["all"]>>[number];

function toItem(row: Row) {
  return {
    id: row.id,
    replyId: row.replyId,
    mode: row.mode,
    // A later round's reply says so: one proposal's replies never read alike.
    title:
      letterTitle({
        unitName: row.unitName,
        session: { body: row.sessionBody, term: row.sessionTerm, meeting: row.sessionMeeting },
        number: row.number,
        kind: row.kind,
      }) + replyRoundSuffix(row.round),
    round: row.round,
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

export type PublicItem = Awaited<ReturnType<typeof toItem>>;

const newestFirst = [desc(publications.publishedOn), desc(publications.id)];

/** One page of published replies, newest first, and how many there are in all. */
export async function listPublished(db: Reader, filters: PublicFilters, page = 1): Promise<{ items: PublicItem[]; total: number }> {
  const where = published(filters);
  return { items: (await rowsOf(db, pageIds(db, where, page))).map(toItem), total: await countPublished(db, where) };
}

/** How many published replies the catalogue lists under these filters. */
export async function publishedTotal(db: Reader, filters: PublicFilters): Promise<number> {
  return countPublished(db, published(filters));
}

/** One published reply; null when it does not exist or is not (or no longer) published. */
export async function publishedById(db: Reader, id: number): Promise<PublicItem | null> {
  if (!Number.isSafeInteger(id) || id <= 0) return null;
  const row = await selectPublished(db)
    .where(published({}, eq(publications.id, id)))
    .get();
  return row ? toItem(row) : null;
}

/** The letter of a reply published in full (全文公开); null for anything else, a summary included. */
export async function publishedLetter(db: Db, publicationId: number): Promise<Letter | null> {
  const current = await publishedById(db, publicationId);
  if (current?.mode !== "full") return null;
  return letterForReply(db, current.replyId);
}

/** The newest published replies, for the feed, the open-data list and the sitemap. */
export async function latestPublished(db: Reader, limit: number): Promise<PublicItem[]> {
  return (
    await selectPublished(db)
      .where(published({}))
      .orderBy(...newestFirst)
      .limit(limit)
      .all()
  ).map(toItem);
}

export type PublicSearchHit = PublicItem & { searchText: string };

/**
 * Published replies whose title and public text hold every word of the plan, newest first, with the
 * indexed text (the body under 全文公开, the summary under 摘要公开) for the excerpt.
 */
export async function searchPublished(
  db: Reader,
  plan: SearchPlan,
  filters: PublicFilters,
  page = 1,
): Promise<{ items: PublicSearchHit[]; total: number }> {
  const hits = await publicSearchIds(searchReader(db), plan);
  if (hits === null) return { items: [], total: 0 };
  const unfiltered =
    filters.year === undefined && filters.unitId === undefined && filters.topic === undefined && filters.kind === undefined;
  const search = databaseEngine() === "postgresql" ? pgSearchPage : sqliteSearchPage;
  const { ids, total } = await search(db, hits, filters, unfiltered, page);
  const items = (await rowsOf(db, ids)).map((r) => ({ ...toItem(r), searchText: (r.searchText ?? "").trimEnd() }));
  return { items, total };
}

/**
 * SQLite: unindexed, publications.id keeps SQLite from fetching every match by id and sorting them all: it walks a
 * publications index newest first, checks each against the matches (a set it builds once) and stops at the end of
 * the page. public_search holds the published replies only: without filters, its matches are the total.
 */
async function sqliteSearchPage(db: Reader, hits: SQL, filters: PublicFilters, unfiltered: boolean, page: number) {
  const where = published(filters, sql`${unindexed(publications.id)} IN (${hits})`);
  const total = unfiltered
    ? ((await db.all<{ n: number }>(sql`SELECT count(*) AS n FROM (${hits}) AS hits`))[0]?.n ?? 0)
    : await countPublished(db, where);
  return { ids: pageIds(db, where, page), total };
}

/**
 * PostgreSQL: the matches found once (materialized) for both the page and the count, in one statement. Asked twice,
 * the index's candidates were read and their texts checked twice: 7,000–12,000 of them for a common word.
 */
async function pgSearchPage(db: Reader, hits: SQL, filters: PublicFilters, unfiltered: boolean, page: number) {
  const where = published(filters, sql`${publications.id} in (select id from hits)`);
  const offset = (Math.max(1, page) - 1) * PUBLIC_PAGE_SIZE;
  const [found] = await db.all<{ total: number; ids: number[] }>(sql`with hits as materialized (${hits})
    select ${unfiltered ? sql`(select count(*) from hits)` : sql`(select count(*) from ${publications} where ${where})`}::integer as total,
      array(select ${publications.id} from ${publications} where ${where}
        order by ${sql.join(newestFirst, sql`, `)} limit ${PUBLIC_PAGE_SIZE} offset ${offset}) as ids`);
  return { ids: found?.ids ?? [], total: found?.total ?? 0 };
}

/** The publications columns a public filter offers the values of (each first after status in an index: SQLite 0006, PostgreSQL 0000). */
type FilterColumn = "index_year" | "publisher_unit_id" | "topic";

/**
 * The distinct values of a column among the published rows, in order, found by one index probe per value: each
 * the first one past the last (a loose index scan). PostgreSQL has no skip scan: its DISTINCT read every entry of
 * the index (25 ms for each filter at 60,000 publications, 80 ms of every search page); SQLite skipped either way.
 */
function publishedValues(column: FilterColumn, order: "asc" | "desc"): SQL {
  const c = sql.identifier(column);
  const direction = sql.raw(order);
  const past = order === "asc" ? sql`>` : sql`<`;
  return sql`with recursive found(value) as (
      select (select ${c} from publications where status = 'published' and ${c} is not null order by ${c} ${direction} limit 1)
      union all
      select (select ${c} from publications where status = 'published' and ${c} ${past} found.value order by ${c} ${direction} limit 1)
      from found where found.value is not null
    )
    select value from found where value is not null`;
}

/** The statements of publicFilterOptions: rows `{ value }` of years and topics, `{ id, name }` of publishers. */
export function publicFilterQueries(): Record<"years" | "publishers" | "topics", SQL> {
  return {
    years: publishedValues("index_year", "desc"),
    // A publisher is named as on its newest publication.
    publishers: sql`select ids.value as id, (select newest.publisher_name from publications newest
        where newest.status = 'published' and newest.publisher_unit_id = ids.value
        order by newest.published_on desc, newest.id desc limit 1) as name
      from (${publishedValues("publisher_unit_id", "asc")}) as ids`,
    topics: publishedValues("topic", "asc"),
  };
}

/** The choices of the filters: only years, units and categories that have published replies. */
export async function publicFilterOptions(db: Reader) {
  const queries = publicFilterQueries();
  const years = (await db.all<{ value: number }>(queries.years)).map((r) => r.value);
  const publishers = (await db.all<{ id: number; name: string }>(queries.publishers)).sort((a, b) =>
    a.name < b.name ? -1 : a.name > b.name ? 1 : a.id - b.id,
  );
  const topics = (await db.all<{ value: string }>(queries.topics)).map((r) => r.value);
  return { years, publishers, topics };
}
