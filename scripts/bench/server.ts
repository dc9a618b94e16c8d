/**
 * The production server under test: `next build` into its own directory (so it never collides with
 * .next or the tests' builds), started on a loopback port as scripts/serve.ts starts it (the app server
 * server/main.ts when there is one, else `next start`) with the same environment, and the resident
 * memory of its process tree sampled from /proc every 250 ms.
 */
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import path from "node:path";
import { attachmentsDirFor } from "@/db/client";
import { bundleServer, FRONT_SERVER_SOURCE } from "../lib/bundle-server";
import { frontServerArgs } from "../../server/launch";
import { serverNodeOptions } from "../../server/memory";

const NEXT_BIN = path.join("node_modules", "next", "dist", "bin", "next");

/** Builds into `distDir`, its output into `logFile`. next build adds the dist dir's types to tsconfig.json: that is undone. */
export async function build(distDir: string, logFile: string): Promise<number> {
  const tsconfig = fs.readFileSync("tsconfig.json", "utf8");
  const out = fs.openSync(logFile, "w");
  try {
    const started = performance.now();
    const child = spawn(process.execPath, [NEXT_BIN, "build"], {
      stdio: ["ignore", out, out],
      env: { ...process.env, NEXT_DIST_DIR: distDir, NEXT_TELEMETRY_DISABLED: "1", NODE_ENV: "production" },
    });
    const code = await new Promise<number>((resolve) => child.on("exit", (c) => resolve(c ?? 1)));
    if (code !== 0) throw new Error(`next build failed (exit ${code}); see ${logFile}`);
    return (performance.now() - started) / 1000;
  } finally {
    fs.closeSync(out);
    if (fs.readFileSync("tsconfig.json", "utf8") !== tsconfig) fs.writeFileSync("tsconfig.json", tsconfig);
  }
}

/** The first port of the range nothing listens on at 127.0.0.1. */
export async function freePort(from: number, to: number): Promise<number> {
  for (let port = from; port <= to; port++) {
    const free = await new Promise<boolean>((resolve) => {
      const probe = net.createServer();
      probe.once("error", () => resolve(false));
      probe.listen(port, "127.0.0.1", () => probe.close(() => resolve(true)));
    });
    if (free) return port;
  }
  throw new Error(`No free port in ${from}-${to}`);
}

export type Server = {
  baseURL: string;
  child: ChildProcess;
  /** Largest resident set of the server's process tree so far, in MB. */
  rssMaxMB(): number;
  stop(): Promise<void>;
};

type ProcInfo = { pid: number; ppid: number; rssKB: number };

function processes(): ProcInfo[] {
  const out: ProcInfo[] = [];
  for (const entry of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const status = fs.readFileSync(`/proc/${entry}/status`, "utf8");
      const ppid = Number(/^PPid:\s+(\d+)/m.exec(status)?.[1] ?? 0);
      const rssKB = Number(/^VmRSS:\s+(\d+)/m.exec(status)?.[1] ?? 0);
      out.push({ pid: Number(entry), ppid, rssKB });
    } catch {
      // The process ended while we looked.
    }
  }
  return out;
}

/** Resident memory of a process and all its descendants, in KB. */
function treeRssKB(root: number): number {
  const all = processes();
  const children = new Map<number, ProcInfo[]>();
  for (const p of all) children.set(p.ppid, [...(children.get(p.ppid) ?? []), p]);
  let total = 0;
  const stack = all.filter((p) => p.pid === root);
  while (stack.length > 0) {
    const p = stack.pop()!;
    total += p.rssKB;
    stack.push(...(children.get(p.pid) ?? []));
  }
  return total;
}

/** What is started: the app server of scripts/serve.ts, or plain `next start` (also when asked to). */
export const serverKind = (nextStart: boolean) => (!nextStart && fs.existsSync(FRONT_SERVER_SOURCE) ? FRONT_SERVER_SOURCE : "next start");

export async function start(options: {
  distDir: string;
  /** The SQLite file; on PostgreSQL where the server keeps its files (published PDFs, attachments). */
  databasePath: string;
  /** PostgreSQL: the server's DATABASE_URL (and ATTACHMENTS_DIR beside databasePath, which that engine requires). */
  databaseUrl?: string;
  port: number;
  authSecret: string;
  logFile: string;
  nextStart: boolean;
  /** PUBLIC_ORIGIN, as a deployment configures it (the front server then stores published replies' pages, decision 014). */
  publicOrigin?: string;
  /** Node's options before the server's own (the profiler's, scripts/bench/profile.ts). */
  nodeArgs?: string[];
}): Promise<Server> {
  const out = fs.openSync(options.logFile, "w");
  // Node runs it as scripts/serve.ts does (bounded heap, client-address preload, the bundled front server),
  // bundled again from the source as `npm run build` bundles it.
  await bundleServer(options.distDir);
  const args =
    serverKind(options.nextStart) === FRONT_SERVER_SOURCE
      ? frontServerArgs(options.distDir)
      : [...serverNodeOptions(options.distDir), NEXT_BIN, "start", "-p", String(options.port), "-H", "127.0.0.1"];
  const child = spawn(process.execPath, [...(options.nodeArgs ?? []), ...args], {
    stdio: ["ignore", out, out],
    env: {
      ...process.env,
      PORT: String(options.port),
      HOSTNAME: "127.0.0.1",
      NODE_ENV: "production",
      NEXT_DIST_DIR: options.distDir,
      DATABASE_PATH: options.databasePath,
      // Empty on SQLite, so that a DATABASE_URL of the environment does not take the server to PostgreSQL.
      DATABASE_URL: options.databaseUrl ?? "",
      ...(options.databaseUrl ? { ATTACHMENTS_DIR: attachmentsDirFor(options.databasePath) } : {}),
      AUTH_SECRET: options.authSecret,
      AUTH_TRUST_HOST: "true",
      PUBLIC_ORIGIN: options.publicOrigin ?? "",
      NEXT_TELEMETRY_DISABLED: "1",
    },
  });
  fs.closeSync(out);
  const pid = child.pid!;
  let maxKB = 0;
  const sample = () => {
    maxKB = Math.max(maxKB, treeRssKB(pid));
  };
  const sampler = setInterval(sample, 250);
  const baseURL = `http://127.0.0.1:${options.port}`;
  const exited = new Promise<void>((resolve) => child.on("exit", () => resolve()));
  const stop = async () => {
    clearInterval(sampler);
    if (child.exitCode === null) {
      child.kill("SIGTERM");
      const timer = setTimeout(() => child.kill("SIGKILL"), 5000);
      await exited;
      clearTimeout(timer);
    }
  };
  const deadline = Date.now() + 90_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`The server exited (${child.exitCode}); see ${options.logFile}`);
    try {
      const res = await fetch(`${baseURL}/humans.txt`);
      if (res.ok) break;
    } catch {
      // Not listening yet.
    }
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`The server did not answer within 90 s; see ${options.logFile}`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  sample();
  return { baseURL, child, rssMaxMB: () => Math.round(maxKB / 1024), stop };
}
