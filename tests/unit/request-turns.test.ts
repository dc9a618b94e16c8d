/** The front server's request turns: arrival order, and one start per turn once a turn is spent. */
import { describe, expect, it } from "vitest";
import { requestTurn, TURN_BUDGET_MS } from "@/server/request-turns";

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
