import { describe, expect, it } from "vitest";
import { packageOf } from "@/scripts/lib/bundle-server";

describe("the package a bundle's import names (the build's check of production dependencies)", () => {
  it("is the package of a bare or scoped specifier, with or without a subpath, and none for Node's own modules", () => {
    expect(packageOf("next")).toBe("next");
    expect(packageOf("next-auth/jwt")).toBe("next-auth");
    expect(packageOf("drizzle-orm/better-sqlite3/migrator")).toBe("drizzle-orm");
    expect(packageOf("chinese-days/dist/chinese-days.json")).toBe("chinese-days");
    expect(packageOf("@fontsource/noto-sans-sc/index.css")).toBe("@fontsource/noto-sans-sc");
    expect(packageOf("node:fs")).toBeNull();
    expect(packageOf("fs")).toBeNull();
    expect(packageOf("fs/promises")).toBeNull();
  });
});
