/**
 * The server's own programs for the build directory (`npm run build`, scripts/build.ts; the bench and the
 * end-to-end server bundle them again before they start, so they always match the source): scripts/serve.ts,
 * the front server server/main.ts and the background worker (mail, similar rankings), each bundled by esbuild into one ES module
 * with the app code it imports, its packages left to node_modules, and the client-address preload beside
 * them. Run by plain Node: nothing at run time needs tsx, esbuild or TypeScript. Run through tsx instead,
 * the front server kept tsx's loader thread and every chunk's source map in memory: 229 MB idle instead of
 * 149, and its bounded heap ran out after a few hundred page renders.
 *
 * Build time only: esbuild is a development dependency.
 */

import fs from "node:fs";
import { isBuiltin } from "node:module";
import path from "node:path";
import { build } from "esbuild";
import { PRELOAD_FILE } from "../../server/memory";

export const FRONT_SERVER_SOURCE = path.join("server", "main.ts");

/**
 * Each bundle's name in the build directory (`<name>.mjs`) and its source: the server's programs, and the
 * backup and restore commands, which a server without the development dependencies runs the same way.
 */
const PROGRAMS = {
  serve: path.join("scripts", "serve.ts"),
  "app-server": FRONT_SERVER_SOURCE,
  "background-worker": path.join("scripts", "background-worker.ts"),
  backup: path.join("scripts", "backup.ts"),
  restore: path.join("scripts", "restore.ts"),
};

/** The npm package an import names ("next/server" → next, "@scope/pkg/x" → @scope/pkg); null for Node's own modules. */
export function packageOf(specifier: string): string | null {
  if (isBuiltin(specifier)) return null;
  const parts = specifier.split("/");
  return specifier.startsWith("@") ? parts.slice(0, 2).join("/") : parts[0]!;
}

/** Bundles the programs into `distDir`; fails when a bundle imports a package that is not a production dependency. */
export async function bundleServer(distDir = process.env.NEXT_DIST_DIR ?? ".next"): Promise<void> {
  const result = await build({
    entryPoints: PROGRAMS,
    bundle: true,
    platform: "node",
    format: "esm",
    packages: "external",
    tsconfig: "tsconfig.json",
    outdir: distDir,
    outExtension: { ".js": ".mjs" },
    metafile: true,
    logLevel: "warning",
  });
  fs.copyFileSync(path.join("server", PRELOAD_FILE), path.join(distDir, PRELOAD_FILE));

  const { dependencies } = JSON.parse(fs.readFileSync("package.json", "utf8")) as { dependencies: Record<string, string> };
  const missing = new Set<string>();
  for (const [file, output] of Object.entries(result.metafile.outputs)) {
    for (const imported of output.imports) {
      const name = imported.external ? packageOf(imported.path) : null;
      if (name && !(name in dependencies)) missing.add(`${path.basename(file)}: ${name}`);
    }
  }
  if (missing.size > 0) {
    // A build that failed leaves nothing to start.
    for (const file of Object.keys(result.metafile.outputs)) fs.rmSync(file, { force: true });
    throw new Error(
      `The server's bundles import packages that are not production dependencies (package.json "dependencies"):\n  ${[...missing].join("\n  ")}`,
    );
  }
}
