/**
 * The layer rules (docs/decisions/001) are enforced by biome.jsonc: a probe file in each layer imports what
 * that layer must not, and the linter must say no — and must let the allowed imports through.
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";

const probes: string[] = [];

/** Lints one probe file placed in `folder` and returns the restricted-import findings. */
function restrictedImports(folder: string, source: string): number {
  const file = path.join(folder, `__layer_probe_${process.pid}_${probes.length}.ts`);
  probes.push(file);
  fs.writeFileSync(file, source);
  const result = spawnSync("npx", ["biome", "lint", "--max-diagnostics=50", file], { encoding: "utf8" });
  return (result.stdout + result.stderr).split("lint/style/noRestrictedImports").length - 1;
}

afterAll(() => {
  for (const file of probes) fs.rmSync(file, { force: true });
});

describe("layer boundaries", () => {
  it.each([
    ["lib", 'import { db } from "@/db/client";\nexport const x = db;\n'],
    ["lib", 'import { guard } from "@/app/_server/guard";\nexport const x = guard;\n'],
    ["components", 'import { db } from "@/db/client";\nexport const x = db;\n'],
    ["db", 'import { guard } from "@/app/_server/guard";\nexport const x = guard;\n'],
    ["app", 'import { isRedirectError } from "next/dist/client/components/redirect-error";\nexport const x = isRedirectError;\n'],
    ["db", 'import { isRedirectError } from "next/dist/client/components/redirect-error";\nexport const x = isRedirectError;\n'],
  ])("%s/ refuses %j", (folder, source) => {
    expect(restrictedImports(folder, source)).toBe(1);
  });

  it.each([
    ["app", 'import { db } from "@/db/client";\nexport const x = db;\n'],
    ["db", 'import { can } from "@/lib/authz";\nexport const x = can;\n'],
    ["components", 'import { can } from "@/lib/authz";\nexport const x = can;\n'],
  ])("%s/ allows %j", (folder, source) => {
    expect(restrictedImports(folder, source)).toBe(0);
  });
});
