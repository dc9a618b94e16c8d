import { getDb } from "@/db/client";
import { movePublicSiteVersion } from "@/db/queries/public-site-version";

/**
 * A change public pages show that the publications' triggers do not see (a renamed unit, a sealed scan): the version
 * moves, so every instance's public pages get a new ETag and shared caches stop answering their copies (server/public-pages.ts).
 */
export async function publicSiteChanged(): Promise<void> {
  await movePublicSiteVersion(getDb());
}
