/**
 * The production server: `npm start` (migrate, create the first admin on an empty database) and
 * `npm run demo` (create data/demo.db with demo data if absent). Runs as the build bundled it
 * (`npm run build`: <build directory>/serve.mjs, scripts/lib/bundle-server.ts), with the front server and
 * the background worker bundled beside it, on the production dependencies alone.
 *
 *   node .next/serve.mjs [--demo] [--fresh] [--db FILE] [--port N]
 */
import { spawn } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { signInConfigFromEnv } from "../lib/sso";
import { frontServerArgs } from "../server/launch";
import { authSecret, prepareDatabase, printDemoAccounts } from "./lib/prepare";
import { superviseBackgroundWorker } from "./lib/background-worker";
import { supervise } from "./lib/supervise";

const { values: args } = parseArgs({
  options: {
    demo: { type: "boolean", default: false },
    fresh: { type: "boolean", default: false },
    db: { type: "string" },
    port: { type: "string" },
  },
});

const dbPath = path.resolve(args.db ?? process.env.DATABASE_PATH ?? (args.demo ? "data/demo.db" : "data/app.db"));
const port = args.port ?? process.env.PORT ?? "3000";
/** The build directory: this program's own, bundled into it. */
const buildDir = path.dirname(fileURLToPath(import.meta.url));

// A wrong sign-in configuration (lib/sso.ts) stops the start with its reason, not the first sign-in.
try {
  signInConfigFromEnv(process.env);
} catch (error) {
  console.error(`配置错误：${error instanceof Error ? error.message : error}`);
  process.exit(1);
}

await prepareDatabase(dbPath, { demo: args.demo, fresh: args.fresh, origin: `http://127.0.0.1:${port}` });
// server/main.ts: Next.js (as `next start` would run it) with the page caches in front, and the background worker
// (scripts/background-worker.ts: mail, similar rankings), which shares the database. Each is started again if it
// dies (scripts/lib/supervise.ts): one crash is not an outage.
const serverArgs = frontServerArgs(buildDir);
const server = supervise(
  () =>
    spawn(process.execPath, serverArgs, {
      stdio: "inherit",
      env: {
        ...process.env,
        PORT: port,
        NODE_ENV: "production",
        DATABASE_PATH: dbPath,
        AUTH_SECRET: authSecret(dbPath),
        AUTH_TRUST_HOST: "true",
        NEXT_TELEMETRY_DISABLED: "1",
        NEXT_DIST_DIR: buildDir,
      },
    }),
  { name: "服务器进程" },
);
const worker = superviseBackgroundWorker([path.join(buildDir, "background-worker.mjs")], dbPath);
if (args.demo) printDemoAccounts(port);
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    void Promise.all([worker.stop(signal), server.stop(signal)]).then(() => process.exit(0));
  });
}
