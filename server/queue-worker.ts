/**
 * The loop of an instance's background job on a queue table in the database (docs/decisions/014, 019, 020): once
 * `prepare` has queued what this instance finds missing, `step` takes and does a few items at a time until it finds
 * none, and the queue is looked at again every POLL_MS while idle. Never two steps at once; an error is logged and
 * the queue tried again at the next look.
 */

/** How often an idle instance looks at the queue: new work is done within about this. */
const POLL_MS = 1000;

export type QueueWorker = { stop(): void };

export function startQueueWorker(name: string, job: { prepare: () => Promise<unknown>; step: () => Promise<number> }): QueueWorker {
  let stopped = false;
  // Busy from the start: the queue is drained once this instance's own work is queued.
  let busy = true;

  async function drain() {
    // A step on SQLite never waits for I/O (better-sqlite3 is synchronous), so its awaits settle as microtasks: without
    // a turn of the event loop between steps, a long queue (100,000 proposals to rank after an upgrade) kept every
    // request waiting until it was empty.
    while (!stopped && (await job.step()) > 0) await new Promise((resolve) => setImmediate(resolve));
  }

  const settle = (work: Promise<unknown>) =>
    void work
      .catch((error: unknown) => console.error(`${name}:`, error))
      .finally(() => {
        busy = false;
      });
  const run = () => {
    if (busy) return;
    busy = true;
    settle(drain());
  };
  settle(job.prepare().then(() => drain()));
  const timer = setInterval(run, POLL_MS);
  timer.unref();
  return {
    stop() {
      stopped = true;
      clearInterval(timer);
    },
  };
}
