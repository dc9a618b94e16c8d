import { getDb } from "@/db/client";
import { queueUnrendered } from "@/db/queries/public-pages";
import { movePublicSiteVersion } from "@/db/queries/public-site-version";

/**
 * A change public pages show that the publications' triggers do not see (a renamed unit, a sealed scan): the version
 * moves, so every instance's public pages get a new ETag and shared caches stop answering their copies (server/public-pages.ts).
 * `everyReply`: the change shows on the published replies' pages too (a unit's or a member's name): each is queued to
 * be rendered and stored again (docs/decisions/014), and keeps its page until then. A sealed scan's own triggers queue
 * its reply's page.
 */
export async function publicSiteChanged(options: { everyReply?: boolean } = {}): Promise<void> {
  await movePublicSiteVersion(getDb());
  if (options.everyReply) await queueUnrendered(getDb(), "all");
}
