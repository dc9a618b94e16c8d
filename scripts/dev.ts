/**
 * `npm run dev`: Next's development server (hot reload, no page caches) on the development database
 * data/dev.db, created with the demo data when absent — the same preparation, the same app and the same background
 * worker (mail, similar rankings) as `npm run demo` (scripts/lib/prepare.ts, proxy.ts, scripts/background-worker.ts),
 * only not the production build. Next 16 keeps the development output in `.next/dev`, beside the production build
 * rather than over it.
 *
 *   tsx scripts/dev.ts [--db FILE] [--port N] [--fresh]
 */
import { spawn } from "node:child_process";
import path from "node:path";
import { parseArgs } from "node:util";
import { superviseBackgroundWorker } from "./lib/background-worker";
import { authSecret, prepareDatabase, printDemoAccounts } from "./lib/prepare";

const { values: args } = parseArgs({
  options: { db: { type: "string" }, port: { type: "string" }, fresh: { type: "boolean", default: false } },
});
const dbPath = path.resolve(args.db ?? process.env.DATABASE_PATH ?? "data/dev.db");
const port = args.port ?? process.env.PORT ?? "3000";

await prepareDatabase(dbPath, { demo: true, fresh: args.fresh, origin: `http://127.0.0.1:${port}` });
const child = spawn(process.execPath, [path.join("node_modules", "next", "dist", "bin", "next"), "dev", "--port", port], {
  stdio: "inherit",
  env: {
    ...process.env,
    NODE_ENV: "development",
    DATABASE_PATH: dbPath,
    AUTH_SECRET: authSecret(dbPath),
    AUTH_TRUST_HOST: "true",
    NEXT_TELEMETRY_DISABLED: "1",
  },
});
const worker = superviseBackgroundWorker(["--import", "tsx", path.join("scripts", "background-worker.ts")], dbPath);
printDemoAccounts(port);
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => child.kill(signal));
child.on("exit", (code) => void worker.stop().finally(() => process.exit(code ?? 0)));
