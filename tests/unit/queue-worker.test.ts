/**
 * The background loop the page store and the similar-ranking store share (server/queue-worker.ts): it prepares
 * once, drains with steps until one takes nothing, looks again while idle, never runs two steps at once, goes on
 * after an error, and stops.
 */
import { afterEach, describe, expect, it, vi } from "vitest";
import { startQueueWorker } from "@/server/queue-worker";

afterEach(() => vi.useRealTimers());

describe("startQueueWorker", () => {
  it("prepares, drains, looks again while idle and stops", async () => {
    // The idle look is a timer; the turns between steps stay real (setImmediate).
    vi.useFakeTimers({ toFake: ["setInterval", "clearInterval"] });
    const log: string[] = [];
    let queue = 3;
    let running = 0;
    const worker = startQueueWorker("test", {
      prepare: async () => void log.push("prepare"),
      step: async () => {
        running++;
        expect(running).toBe(1);
        await Promise.resolve();
        running--;
        const taken = Math.min(queue, 2);
        queue -= taken;
        log.push(`step ${taken}`);
        return taken;
      },
    });
    await vi.waitFor(() => expect(log).toEqual(["prepare", "step 2", "step 1", "step 0"]));
    queue = 1;
    await vi.advanceTimersByTimeAsync(1000);
    await vi.waitFor(() => expect(log.slice(4)).toEqual(["step 1", "step 0"]));
    worker.stop();
    queue = 5;
    await vi.advanceTimersByTimeAsync(5000);
    expect(log).toHaveLength(6);
  });

  it("lets the event loop turn between steps that never wait for I/O, as on SQLite", async () => {
    let steps = 0;
    let queue = 1000;
    const worker = startQueueWorker("test", {
      prepare: async () => {},
      // Settles in microtasks only, as a step on better-sqlite3 does.
      step: async () => {
        steps++;
        const taken = Math.min(queue, 4);
        queue -= taken;
        return taken;
      },
    });
    // A request arriving meanwhile: its callback runs after at most a step or two, not after the whole queue.
    const stepsBeforeRequest = await new Promise<number>((resolve) => setImmediate(() => resolve(steps)));
    expect(stepsBeforeRequest).toBeLessThanOrEqual(2);
    await vi.waitFor(() => expect(queue).toBe(0));
    worker.stop();
  });

  it("logs an error and tries again at the next look", async () => {
    vi.useFakeTimers();
    const error = vi.spyOn(console, "error").mockImplementation(() => {});
    let calls = 0;
    const worker = startQueueWorker("test", {
      prepare: async () => {},
      step: async () => {
        calls++;
        if (calls === 1) throw new Error("database gone");
        return 0;
      },
    });
    await vi.advanceTimersByTimeAsync(0);
    expect(error).toHaveBeenCalledWith("test:", expect.any(Error));
    await vi.advanceTimersByTimeAsync(1000);
    expect(calls).toBe(2);
    worker.stop();
    error.mockRestore();
  });
});
