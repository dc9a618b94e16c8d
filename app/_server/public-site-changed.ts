import { getDb } from "@/db/client";
import { movePublicSiteVersion } from "@/db/queries/public-site-version";
import { publicPagesChanged } from "./public-page-cache";

/**
 * A change public pages show that the publications' triggers do not see (a renamed unit, a sealed scan): the
 * version moves for every instance, this one's cache is emptied at once.
 */
export async function publicSiteChanged(): Promise<void> {
  await movePublicSiteVersion(getDb());
  publicPagesChanged();
}
