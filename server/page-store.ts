/**
 * Renders the pages of published replies once and stores them for every instance (docs/decisions/014). The
 * publications' triggers queue a reply's page as it is published, withdrawn or republished, or its sealed scan
 * arrives; an instance queues, as it starts, every published reply whose page its build has not rendered for its
 * origin. Each instance then takes pages off the queue, one at a time, and renders them through its own server (the
 * render waits its turn among visitors' requests like any other). A request never writes: visitors read the stored
 * pages, or get a page rendered for them while none is stored.
 */
import type { Db } from "@/db/client";
import { queueUnrendered, storePage, takeQueued } from "@/db/queries/public-pages";
import type { PublicPages } from "./public-pages";
import { type QueueWorker, startQueueWorker } from "./queue-worker";

/** Pages taken off the queue at a time: another instance takes the next ones meanwhile. */
const BATCH = 4;

export type PageStore = QueueWorker;

export function startPageStore(options: { db: () => Db; pages: PublicPages; origin: string }): PageStore {
  const { pages, origin } = options;
  return startQueueWorker("public page store", {
    prepare: () => queueUnrendered(options.db(), { buildId: pages.buildId, origin }),
    step: async () => {
      const db = options.db();
      const ids = await takeQueued(db, BATCH);
      for (const publicationId of ids) {
        const page = await pages.renderForStore(publicationId, origin);
        if (page) await storePage(db, { publicationId, buildId: pages.buildId, origin, ...page });
      }
      return ids.length;
    },
  });
}
