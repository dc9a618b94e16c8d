/**
 * Renders the public site's stored pages and stores them for every instance: published replies' pages
 * (docs/decisions/014) and the catalogue's pages (019). The publications' triggers queue a reply's page as it is
 * published, withdrawn or republished, or its sealed scan arrives; an instance queues, as it starts, every published
 * reply whose page its build has not rendered for its origin. Each instance then takes pages off the queue, one at a
 * time, and renders them through its own server (the render waits its turn among visitors' requests like any other).
 * With the queue empty it renders the catalogue's pages that have none for the site's version of now. A request never
 * writes: visitors read the stored pages, or get a page rendered for them while none is stored.
 */
import type { Db } from "@/db/client";
import {
  anyQueued,
  queueUnrendered,
  storedListPage,
  storeListPage,
  storePage,
  takeQueued,
  unrenderedListPages,
} from "@/db/queries/public-pages";
import { readPublicSiteVersion } from "@/db/queries/public-site-version";
import type { PublicPages } from "./public-pages";

/** How often an idle instance looks at the queue: a new publication is stored within about this. */
const POLL_MS = 1000;
/** Pages taken off the queue at a time: another instance takes the next ones meanwhile. */
const BATCH = 4;

export type PageStore = { stop(): void };

export function startPageStore(options: { db: () => Db; pages: PublicPages; origin: string }): PageStore {
  const { pages, origin } = options;
  const target = { buildId: pages.buildId, origin };
  let stopped = false;
  // Busy from the start: the queue is drained once this instance's own pages are queued.
  let busy = true;
  /** The site's version at which this instance found every catalogue page stored: nothing to do until it moves. */
  let catalogueComplete: number | null = null;

  async function drain() {
    const db = options.db();
    while (!stopped) {
      const ids = await takeQueued(db, BATCH);
      if (ids.length === 0) break;
      for (const publicationId of ids) {
        const page = await pages.renderForStore({ kind: "reply", publicationId }, origin);
        if (page) await storePage(db, { publicationId, ...target, ...page });
      }
    }
    await renderCatalogue(db);
  }

  /**
   * Every change a public page shows moves the site's version, and the catalogue's pages are kept per version: after a
   * publication all are rendered again. Page 1 (the most visited) first, then the others from a point of this
   * instance's own, so that instances mostly render different pages (a page another has stored meanwhile is skipped).
   * Replies' pages go first: the catalogue waits while any is queued.
   */
  async function renderCatalogue(db: Db) {
    while (!stopped && (await readPublicSiteVersion(db)) !== catalogueComplete) {
      const { siteVersion, pages: missing } = await unrenderedListPages(db, target);
      if (missing.length === 0) {
        catalogueComplete = siteVersion;
        return;
      }
      const [first, ...rest] = missing;
      const from = Math.floor(Math.random() * rest.length);
      for (const page of [first!, ...rest.slice(from), ...rest.slice(0, from)]) {
        if (stopped || (await anyQueued(db))) return;
        if (await storedListPage(db, page, target.buildId, origin)) continue;
        const rendered = await pages.renderForStore({ kind: "list", page }, origin, siteVersion);
        // Not stored when the version moved while it was rendered: the pages are looked at again for the new one.
        if (rendered && !(await storeListPage(db, { page, siteVersion, ...target, ...rendered }))) break;
      }
    }
  }

  const settle = (work: Promise<unknown>) =>
    void work
      .catch((error: unknown) => console.error("public page store:", error))
      .finally(() => {
        busy = false;
      });
  const run = () => {
    if (busy) return;
    busy = true;
    settle(drain());
  };
  settle(queueUnrendered(options.db(), target).then(() => drain()));
  const timer = setInterval(run, POLL_MS);
  timer.unref();
  return {
    stop() {
      stopped = true;
      clearInterval(timer);
    },
  };
}
