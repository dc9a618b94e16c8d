/** 发文字号 and 索引号 for the demo replies: serials per unit and year, in date order, from 1. */
import type { Cast } from "./reference";
import type { PublicationRec, ReplyRec, Story } from "./story";

/** 渝高新科函〔2026〕4号 */
export function docNumber(reply: ReplyRec, cast: Cast): string {
  return `${cast.unit(reply.unit).docPrefix}〔${reply.docYear}〕${reply.docSerial}号`;
}

/** 1150010700927688XM/2026-00012, or null while not published. */
export function indexNumber(publication: PublicationRec, cast: Cast): string | null {
  if (publication.indexYear === null || publication.indexSerial === null) return null;
  return `${cast.unit(publication.publisher).indexPrefix}/${publication.indexYear}-${String(publication.indexSerial).padStart(5, "0")}`;
}

const byTime = (a: { day: string; at: Date }, b: { day: string; at: Date }) =>
  a.day.localeCompare(b.day) || a.at.getTime() - b.at.getTime();

function serials<T>(items: readonly T[], key: (item: T) => string, set: (item: T, serial: number) => void) {
  const last = new Map<string, number>();
  for (const item of items) {
    const serial = (last.get(key(item)) ?? 0) + 1;
    last.set(key(item), serial);
    set(item, serial);
  }
}

/** Numbers every reply and every published reply of the stories. */
export function numberStories(stories: readonly Story[]): void {
  const replies = stories
    .flatMap((s) => s.replies)
    .map((reply) => ({ reply, day: reply.writtenOn, at: reply.at }))
    .sort(byTime);
  serials(
    replies,
    ({ reply }) => `${reply.unit}|${reply.docYear}`,
    ({ reply }, serial) => (reply.docSerial = serial),
  );
  const published = stories
    .flatMap((s) => s.replies.map((r) => r.publication))
    .filter((p): p is PublicationRec & { publishedOn: string } => p?.status === "published" && p.publishedOn !== null)
    .map((publication) => ({ publication, day: publication.publishedOn, at: publication.at }))
    .sort(byTime);
  serials(
    published,
    ({ publication }) => `${publication.publisher}|${publication.publishedOn.slice(0, 4)}`,
    ({ publication }, serial) => {
      publication.indexYear = Number(publication.publishedOn.slice(0, 4));
      publication.indexSerial = serial;
    },
  );
}
