/**
 * How the production server process is started (scripts/serve.ts, the bench and the crash test): plain
 * Node with the server's options runs the front server as `npm run build` bundled it into the build
 * directory (scripts/lib/bundle-server.ts).
 */
import fs from "node:fs";
import path from "node:path";
import { serverNodeOptions } from "./memory";

/** Node's arguments for the production server: its options, then the bundled front server. */
export function frontServerArgs(buildDir: string): string[] {
  const program = path.resolve(buildDir, "app-server.mjs");
  if (!fs.existsSync(program)) throw new Error(`没有找到 ${program}。请先构建：npm run build`);
  return [...serverNodeOptions(buildDir), program];
}
