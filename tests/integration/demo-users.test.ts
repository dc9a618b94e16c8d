import { afterEach, describe, expect, it } from "vitest";
import { getAdminUser, listUsers, updateUser } from "@/db/queries/admin";
import { updateUserInput } from "@/lib/validation/admin";
import { demoDatabase } from "./demo-db";

let cleanup = () => {};
afterEach(() => cleanup());

describe("the demo's users in the administrator's form", () => {
  it("each one saves unchanged: the form's own values pass the validation and are stored as they were", async () => {
    const t = await demoDatabase();
    cleanup = t.cleanup;
    const admin = await t.user("admin");
    const { rows } = await listUsers(t.db, {}, { page: 1, pageSize: 1000 });
    expect(rows.filter((u) => u.phone).length).toBeGreaterThan(5);
    for (const u of rows) {
      // What the edit form posts back when the administrator changes nothing.
      const form = {
        id: String(u.id),
        displayName: u.displayName,
        role: u.role,
        unitId: u.unitId === null ? "" : String(u.unitId),
        title: u.title ?? "",
        phone: u.phone ?? "",
        email: u.email ?? "",
      };
      const parsed = updateUserInput.safeParse(form);
      expect(parsed.success ? null : parsed.error.issues, `${u.username} ${u.phone}`).toBeNull();
      expect(await updateUser(t.db, parsed.data!, admin.id)).toEqual({ ok: true, id: u.id });
      expect((await getAdminUser(t.db, u.id))?.phone).toBe(u.phone);
    }
  });
});
