/** The front server's request turns: arrival order, one start per turn once a turn is spent, a few renders at once. */
import { EventEmitter } from "node:events";
import { describe, expect, it } from "vitest";
import { RENDERS_AT_ONCE, renderPlace, requestTurn, TURN_BUDGET_MS } from "@/server/request-turns";

const busy = (ms: number) => {
  const end = performance.now() + ms;
  while (performance.now() < end);
};

/** Counts turns of the event loop (one setImmediate per turn) until stopped. */
function turnCounter() {
  const counter = { turn: 0, stopped: false };
  const step = () => {
    if (counter.stopped) return;
    counter.turn++;
    setImmediate(step);
  };
  setImmediate(step);
  return counter;
}

const settled = () => new Promise((resolve) => setTimeout(resolve, 20));

describe("requestTurn", () => {
  it("starts light requests at once, several in one turn", async () => {
    await settled();
    const counter = turnCounter();
    const turns: number[] = [];
    await Promise.all([0, 1, 2].map(async () => requestTurn().then(() => turns.push(counter.turn))));
    counter.stopped = true;
    expect(turns).toEqual([0, 0, 0]);
  });

  it("once a turn has run longer than its budget, starts the rest in arrival order, one per turn", async () => {
    await settled();
    const counter = turnCounter();
    const started: [string, number][] = [];
    await requestTurn();
    busy(TURN_BUDGET_MS * 3);
    await Promise.all(
      ["a", "b", "c"].map(async (name) =>
        requestTurn().then(() => {
          started.push([name, counter.turn]);
          busy(TURN_BUDGET_MS * 3);
        }),
      ),
    );
    counter.stopped = true;
    expect(started.map(([name]) => name)).toEqual(["a", "b", "c"]);
    const turns = started.map(([, turn]) => turn);
    expect(new Set(turns).size).toBe(3);
    expect(turns).toEqual([...turns].sort((x, y) => x - y));
  });
});

/** A request and its response as renderPlace sees them: the socket's state, and the response's 'close'. */
function exchange() {
  const res = new EventEmitter();
  return { req: { socket: { destroyed: false } }, res, done: () => res.emit("close") };
}

describe("renderPlace", () => {
  it("lets RENDERS_AT_ONCE renders run; the next wait in arrival order until one is done", async () => {
    const running = Array.from({ length: RENDERS_AT_ONCE }, exchange);
    for (const r of running) expect(await renderPlace("GET", r.req, r.res)).toBe(true);
    const started: string[] = [];
    const waiting = ["a", "b"].map((name) => {
      const r = exchange();
      return { ...r, admitted: renderPlace("GET", r.req, r.res).then(() => started.push(name)) };
    });
    await settled();
    expect(started).toEqual([]);
    running[0]!.done();
    await waiting[0]!.admitted;
    await settled();
    expect(started).toEqual(["a"]);
    running[1]!.done();
    await waiting[1]!.admitted;
    expect(started).toEqual(["a", "b"]);
    for (const r of [...running.slice(2), ...waiting]) r.done();
  });

  it("never holds back a write (a server action, an upload)", async () => {
    const running = Array.from({ length: RENDERS_AT_ONCE }, exchange);
    for (const r of running) await renderPlace("GET", r.req, r.res);
    const post = exchange();
    expect(await renderPlace("POST", post.req, post.res)).toBe(true);
    for (const r of running) r.done();
  });

  it("gives the place of a visitor who left while waiting straight to the next", async () => {
    const running = Array.from({ length: RENDERS_AT_ONCE }, exchange);
    for (const r of running) await renderPlace("GET", r.req, r.res);
    const left = exchange();
    const leftAdmitted = renderPlace("GET", left.req, left.res);
    const next = exchange();
    let nextAdmitted = false;
    const nextTurn = renderPlace("GET", next.req, next.res).then(() => (nextAdmitted = true));
    // The visitor goes: the connection is gone, and its 'close' passes while it still waits.
    left.req.socket.destroyed = true;
    left.done();
    running[0]!.done();
    await leftAdmitted;
    await nextTurn;
    expect(nextAdmitted).toBe(true);
    for (const r of [...running.slice(1), next]) r.done();
    // Every place is free again: as many renders as ever start at once.
    const again = Array.from({ length: RENDERS_AT_ONCE }, exchange);
    const admitted = await Promise.race([
      Promise.all(again.map((r) => renderPlace("GET", r.req, r.res))).then(() => true),
      settled().then(() => false),
    ]);
    expect(admitted).toBe(true);
    for (const r of again) r.done();
  });
});
