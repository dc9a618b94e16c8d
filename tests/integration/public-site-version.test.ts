import { isNull } from "drizzle-orm";
import { afterEach, describe, expect, it } from "vitest";
import { movePublicSiteVersion, readPublicSiteVersion } from "@/db/queries/public-site-version";
import { publications } from "@/db/schema";
import { demoDatabase } from "./demo-db";
import { tempDatabase } from "./temp-db";

let cleanup = async () => {};
afterEach(() => cleanup());

// Every instance's public pages carry this version in their ETag (issue 21): a change it misses stays in browsers' and shared caches' copies.
describe("the public site's version", () => {
  it("starts at 0 on a migrated database and moves by hand", async () => {
    const t = await tempDatabase();
    cleanup = t.cleanup;
    expect(await readPublicSiteVersion(t.db)).toBe(0);
    await movePublicSiteVersion(t.db);
    await movePublicSiteVersion(t.db);
    expect(await readPublicSiteVersion(t.db)).toBe(2);
  });

  it("moves with every write to publications, whoever makes it", async () => {
    const t = await demoDatabase();
    cleanup = t.cleanup;
    const before = await readPublicSiteVersion(t.db);
    expect(before).toBeGreaterThan(0);
    // A withdrawal as a script or another instance would write it: straight to the table.
    await t.db.update(publications).set({ withdrawnAt: new Date(), withdrawnReason: "测试" }).where(isNull(publications.withdrawnAt)).run();
    const afterUpdate = await readPublicSiteVersion(t.db);
    expect(afterUpdate).toBeGreaterThan(before);
    await t.db.delete(publications).run();
    expect(await readPublicSiteVersion(t.db)).toBeGreaterThan(afterUpdate);
  }, 90_000); // seeding the demo on PostgreSQL takes a while beside other files
});
