/** Open data: every published reply's public fields as JSON (no body, no internal data). */
import { getDb } from "@/db/client";
import { latestPublished } from "@/db/queries/public";
import { siteOrigin } from "../_server/prefs";

export const dynamic = "force-dynamic";

const MAX_ITEMS = 10_000;

export async function GET() {
  const origin = await siteOrigin();
  const items = (await latestPublished(getDb(), MAX_ITEMS)).map((item) => ({
    url: `${origin}/open/${item.id}`,
    title: item.title,
    proposalTitle: item.proposalTitle,
    indexNumber: item.indexNumber,
    docNumber: item.docNumber,
    topic: item.topic,
    genre: item.genre,
    publisher: item.publisherName,
    validity: item.validity,
    writtenOn: item.writtenOn,
    publishedOn: item.publishedOn,
    disclosure: item.mode,
    summary: item.summary,
  }));
  return Response.json({ count: items.length, items }, { headers: { "Cache-Control": "no-store" } });
}
