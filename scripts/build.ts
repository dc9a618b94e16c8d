/**
 * `npm run build`: Next's production build, then the server's own programs bundled beside it
 * (scripts/lib/bundle-server.ts), into the build directory (NEXT_DIST_DIR, default .next). What it
 * produces runs with the production dependencies alone (README, Deploying).
 *
 *   tsx scripts/build.ts [--if-missing] [--server-only]
 *
 * --if-missing: nothing when the build directory holds a complete build (`npm run demo`).
 * --server-only: the server's programs only, over an existing `next build` (the end-to-end tests' server).
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { bundleServer } from "./lib/bundle-server";

const { values: args } = parseArgs({
  options: { "if-missing": { type: "boolean", default: false }, "server-only": { type: "boolean", default: false } },
});
const distDir = process.env.NEXT_DIST_DIR ?? ".next";
const built = () => ["BUILD_ID", "serve.mjs"].every((file) => fs.existsSync(path.join(distDir, file)));

if (!(args["if-missing"] && built())) {
  if (!args["server-only"]) {
    console.log("正在构建生产版本（next build）…");
    const next = spawnSync(process.execPath, [path.join("node_modules", "next", "dist", "bin", "next"), "build"], {
      stdio: "inherit",
      env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
    });
    if (next.status !== 0) process.exit(next.status ?? 1);
  } else if (!fs.existsSync(path.join(distDir, "BUILD_ID"))) {
    console.error(`没有找到生产构建 ${distDir}/BUILD_ID。请先构建：npm run build`);
    process.exit(1);
  }
  await bundleServer(distDir);
}
