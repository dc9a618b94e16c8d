/**
 * Requests start in the order they arrived and, once a turn of the event loop has spent TURN_BUDGET_MS,
 * one per turn. Node accepts one waiting connection per turn (measured: twenty connections opened at once
 * were accepted 8 ms apart behind 7 ms requests), while a turn runs every request already read to its end.
 * Under load the connections already open were therefore served round after round before a new one was
 * even accepted: the twentieth waited nineteen rounds, 1.5 s where the others waited 0.15 s. Keeping turns
 * short lets new connections in as fast as requests finish, and everyone waits in one queue (draft saves at
 * 20 connections: p99 0.4–0.6 s → about 0.2 s at the same throughput). Light requests still run many to
 * a turn; files and the public pages' own answers never wait here (server/main.ts).
 */
export const TURN_BUDGET_MS = 2;

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
