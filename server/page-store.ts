/**
 * Renders the public site's stored pages and stores them for every instance: published replies' pages
 * (docs/decisions/014) and the catalogue's pages (019). The publications' triggers queue a reply's page as it is
 * published, withdrawn or republished, or its sealed scan arrives; an instance queues, as it starts, every published
 * reply whose page its build has not rendered for its origin. Each instance then takes pages off the queue, a few at a
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
import { type QueueWorker, startQueueWorker } from "./queue-worker";

/** Pages rendered at a time: another instance takes the next ones meanwhile. */
const BATCH = 4;

export type PageStore = QueueWorker;

export function startPageStore(options: { db: () => Db; pages: PublicPages; origin: string }): PageStore {
  const { pages, origin } = options;
  const target = { buildId: pages.buildId, origin };
  const catalogue = catalogueRenderer(pages, target);
  return startQueueWorker("public page store", {
    prepare: () => queueUnrendered(options.db(), target),
    step: async () => {
      const db = options.db();
      const ids = await takeQueued(db, BATCH);
      for (const publicationId of ids) {
        const page = await pages.renderForStore({ kind: "reply", publicationId }, origin);
        if (page) await storePage(db, { publicationId, ...target, ...page });
      }
      return ids.length > 0 ? ids.length : catalogue.step(db);
    },
  });
}

/**
 * Every change a public page shows moves the site's version, and the catalogue's pages are kept per version: after a
 * publication all are rendered again. Page 1 (the most visited) first, then the others from a point of this
 * instance's own, so that instances mostly render different pages (a page another has stored meanwhile is skipped).
 * Replies' pages go first: a step renders nothing while any is queued. `step` renders up to BATCH pages and says how
 * many it looked at; 0 when every page is stored for the version of now.
 */
function catalogueRenderer(pages: PublicPages, target: { buildId: string; origin: string }) {
  /** The version at which this instance found every page stored: nothing to do until it moves. */
  let complete: number | null = null;
  let plan: { siteVersion: number; pages: number[] } | null = null;

  async function planFor(db: Db, version: number) {
    if (plan?.siteVersion === version && plan.pages.length > 0) return plan;
    const { siteVersion, pages: missing } = await unrenderedListPages(db, target);
    const [first, ...rest] = missing;
    const from = Math.floor(Math.random() * rest.length);
    plan = { siteVersion, pages: first === undefined ? [] : [first, ...rest.slice(from), ...rest.slice(0, from)] };
    if (plan.pages.length === 0) complete = siteVersion;
    return plan;
  }

  return {
    async step(db: Db): Promise<number> {
      const version = await readPublicSiteVersion(db);
      if (version === complete) return 0;
      const current = await planFor(db, version);
      let looked = 0;
      while (looked < BATCH && current.pages.length > 0 && !(await anyQueued(db))) {
        const page = current.pages.shift()!;
        looked++;
        if (await storedListPage(db, page, target.buildId, target.origin)) continue;
        const rendered = await pages.renderForStore({ kind: "list", page }, target.origin, current.siteVersion);
        // Not stored when the version moved while it was rendered: the next step plans for the new one.
        if (rendered && !(await storeListPage(db, { page, siteVersion: current.siteVersion, ...target, ...rendered }))) break;
      }
      return looked;
    },
  };
}
