import { Worker } from "node:worker_threads";
import { afterEach, describe, expect, it } from "vitest";
import { users } from "@/db/schema";
import { isoDateInChina } from "@/lib/format";
import { demoDatabase, handleProposal, ok } from "./demo-db";

let cleanup = () => {};
afterEach(() => cleanup());

function approveInWorker(
  location: string,
  signer: unknown,
  proposalIds: number[],
  go: SharedArrayBuffer,
): Promise<{ ok: boolean; data?: { docNumber: string } }[]> {
  return new Promise((resolve, reject) => {
    const entry = new URL("./approve-worker.ts", import.meta.url).href;
    const worker = new Worker(new URL("./ts-worker.mjs", import.meta.url), { workerData: { entry, location, signer, proposalIds, go } });
    worker.once("message", resolve);
    worker.once("error", reject);
  });
}

describe("two directors approving at the same time", () => {
  it("get different document numbers, with no gap and no reuse", async () => {
    const t = await demoDatabase();
    cleanup = t.cleanup;
    const { db, user } = t;
    const lead = await t.unit("重庆高新区科技创新局");
    // A deputy director of the same unit signs the other half.
    const deputy = await db
      .insert(users)
      .values({ username: "kjj-fz2", displayName: "副局长", title: "副局长", role: "director", unitId: lead })
      .returning()
      .get();
    const ids: number[] = [];
    for (let n = 0; n < 12; n++) {
      const id = ok(await t.register(950 + n, { title: `并发测试提案${n}` })).id;
      await handleProposal(db, t, id, lead, { until: "in_review" });
      ids.push(id);
    }
    const go = new SharedArrayBuffer(4);
    const director = await user("dengmj");
    const second = { id: deputy.id, role: "director" as const, unitId: lead, displayName: deputy.displayName, title: deputy.title };
    const running = [
      approveInWorker(
        t.location,
        director,
        ids.filter((_, i) => i % 2 === 0),
        go,
      ),
      approveInWorker(
        t.location,
        second,
        ids.filter((_, i) => i % 2 === 1),
        go,
      ),
    ];
    await new Promise((r) => setTimeout(r, 1500)); // let both workers load and wait at the start line
    Atomics.store(new Int32Array(go), 0, 1);
    Atomics.notify(new Int32Array(go), 0);
    const results = (await Promise.all(running)).flat();

    expect(results.every((r) => r.ok)).toBe(true);
    const numbers = results.map((r) => r.data!.docNumber);
    expect(new Set(numbers).size).toBe(12);
    const year = isoDateInChina(new Date()).slice(0, 4);
    const serials = numbers.map((n) => Number(n.match(new RegExp(`^渝高新科函〔${year}〕(\\d+)号$`))![1])).sort((a, b) => a - b);
    expect(serials[11]! - serials[0]!).toBe(11);
  });
});
