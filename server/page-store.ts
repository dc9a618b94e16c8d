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

/** How often an idle instance looks at the queue: a new publication is stored within about this. */
const POLL_MS = 1000;
/** Pages taken off the queue at a time: another instance takes the next ones meanwhile. */
const BATCH = 4;

export type PageStore = { stop(): void };

export function startPageStore(options: { db: () => Db; pages: PublicPages; origin: string }): PageStore {
  const { pages, origin } = options;
  let stopped = false;
  // Busy from the start: the queue is drained once this instance's own pages are queued.
  let busy = true;

  async function drain() {
    const db = options.db();
    while (!stopped) {
      const ids = await takeQueued(db, BATCH);
      if (ids.length === 0) return;
      for (const publicationId of ids) {
        const page = await pages.renderForStore(publicationId, origin);
        if (page) await storePage(db, { publicationId, buildId: pages.buildId, origin, ...page });
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
  settle(queueUnrendered(options.db(), { buildId: pages.buildId, origin }).then(() => drain()));
  const timer = setInterval(run, POLL_MS);
  timer.unref();
  return {
    stop() {
      stopped = true;
      clearInterval(timer);
    },
  };
}
