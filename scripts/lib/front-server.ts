/**
 * How the production server process is started (scripts/serve.ts, and the bench, which measures the
 * same): the front server scripts/app-server.ts bundled into one ES module in the build directory (its
 * packages stay in node_modules) and run by plain Node with the server's options. Bundled each start
 * (about 20 ms), so it always matches the source. Run through tsx instead, the process kept tsx's loader
 * thread and every chunk's source map in memory: 229 MB idle instead of 149, and its bounded heap ran
 * out after a few hundred page renders.
 */
import { build } from "esbuild";
import path from "node:path";
import { serverNodeOptions } from "./server-memory";

export const FRONT_SERVER_SOURCE = path.join("scripts", "app-server.ts");

/** Node's arguments for the production server: its options, then the freshly bundled front server. */
export async function frontServerArgs(distDir = process.env.NEXT_DIST_DIR ?? ".next"): Promise<string[]> {
  const outfile = path.resolve(distDir, "app-server.mjs");
  await build({
    entryPoints: [FRONT_SERVER_SOURCE],
    bundle: true,
    platform: "node",
    format: "esm",
    packages: "external",
    tsconfig: "tsconfig.json",
    outfile,
    logLevel: "warning",
  });
  return [...serverNodeOptions(), outfile];
}
