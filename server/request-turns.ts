/**
 * Requests start in the order they arrived and, once a turn of the event loop has spent TURN_BUDGET_MS,
 * one per turn. Node accepts one waiting connection per turn (measured: twenty connections opened at once
 * were accepted 8 ms apart behind 7 ms requests), while a turn runs every request already read to its end.
 * Under load the connections already open were therefore served round after round before a new one was
 * even accepted: the twentieth waited nineteen rounds, 1.5 s where the others waited 0.15 s. Keeping turns
 * short lets new connections in as fast as requests finish, and everyone waits in one queue (draft saves at
 * 20 connections: p99 0.4–0.6 s → about 0.2 s at the same throughput). Light requests still run many to
 * a turn; files and the public pages' own answers never wait here (server/main.ts).
 *
 * And at most RENDERS_AT_ONCE page renders (GET and HEAD) run at once; the next wait in arrival order (docs/decisions/
 * 021). Twenty renders interleaved in the one JavaScript thread each took twenty times as long, and a write's
 * transaction, a round trip per statement with a turn of those renders between two of them, held PostgreSQL's write
 * lock as long (the bench's mixed run at 20 connections: p99 1.0–1.3 s; with four at once, 0.47 s and a third more
 * answers a second). Writes (POST: server actions, uploads) are not held back: a slow upload must not keep a place.
 */
import os from "node:os";
import { Slots } from "@/lib/slots";

export const TURN_BUDGET_MS = 2;

/** Two renders a core: one runs while the other waits for the database (four on the bench's two cores, measured best of 2–8). */
export const RENDERS_AT_ONCE = 2 * os.availableParallelism();
/** A render that found no place this long is answered 503 (the server is overloaded). */
export const RENDER_WAIT_MS = 30_000;

const waiting: (() => void)[] = [];
/** When the current turn's first request started; null when none has. */
let turnStart: number | null = null;
let ticking = false;

function schedule() {
  if (ticking) return;
  ticking = true;
  setImmediate(tick);
}

/** A new turn: the next waiting request starts; the turns go on while anything started or waits. */
function tick() {
  ticking = false;
  turnStart = null;
  const start = waiting.shift();
  if (start) {
    turnStart = performance.now();
    start();
  }
  if (turnStart !== null || waiting.length > 0) schedule();
}

/** Resolves when this request may start. */
export async function requestTurn(): Promise<void> {
  const now = performance.now();
  if (waiting.length === 0 && (turnStart === null || now - turnStart < TURN_BUDGET_MS)) {
    turnStart ??= now;
    schedule();
    return Promise.resolve();
  }
  return new Promise((resolve) => {
    waiting.push(resolve);
    schedule();
  });
}

const renders = new Slots(RENDERS_AT_ONCE, RENDER_WAIT_MS);

/**
 * Waits for a place to render (GET and HEAD only; anything else goes on at once) and frees it when the response is
 * done or its connection gone. False when none came free in time. A visitor who left while waiting gives the place
 * straight back (its 'close' has passed, and would never free it).
 */
export async function renderPlace(
  method: string,
  req: { socket: { destroyed: boolean } | null },
  res: { once(event: "close", listener: () => void): unknown },
): Promise<boolean> {
  if (method !== "GET" && method !== "HEAD") return true;
  const release = await renders.admit();
  if (!release) return false;
  if (!req.socket || req.socket.destroyed) release();
  else res.once("close", release);
  return true;
}
