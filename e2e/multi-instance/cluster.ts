/**
 * The real thing, on loopback, for e2e/multi-instance/multi-instance.spec.ts: Debian's nginx with the committed
 * configuration (deploy/nginx/tian-banli.conf, its addresses replaced by the run's), two app instances started
 * as a deployment starts them (`node <build>/serve.mjs --port N`, each in a process group of its own so that
 * the supervisor and its children can be killed at once), one PostgreSQL database and one attachments folder,
 * and an SMTP server that keeps every message it is handed.
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import dns from "node:dns";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { SMTPServer } from "smtp-server";
import { MULTI } from "./env";

/** A folder of the run's own under the system's temp directory: nginx's files, the shared attachments, the logs. */
export function makeWorkDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), `tian-multi-${MULTI.nginxPort}-`));
}

/**
 * This process resolves the site's name to loopback, as Chromium does by --host-resolver-rules: Node's own
 * requests (the load, the probes) then name the public origin and send its Host, as a browser would (fetch
 * cannot be given another Host header). Node's connections look names up through dns.lookup.
 */
export function resolveSiteNameToLoopback() {
  const lookup = dns.lookup;
  const mapped = ((hostname: string, options: unknown, callback?: unknown) => {
    const cb = (typeof options === "function" ? options : callback) as (...args: unknown[]) => void;
    const opts = (typeof options === "function" ? {} : (options ?? {})) as dns.LookupOptions;
    if (hostname !== MULTI.host) return (lookup as (...args: unknown[]) => void)(hostname, opts, cb);
    if (opts.all) cb(null, [{ address: "127.0.0.1", family: 4 }]);
    else cb(null, "127.0.0.1", 4);
  }) as typeof dns.lookup;
  dns.lookup = mapped;
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

// ---------------------------------------------------------------------------------------------
// nginx

/** Debian's nginx (NGINX_PATH, else on PATH or /usr/sbin); a missing one fails the run with what to do. */
export function findNginx(): string {
  const candidates = [
    process.env.NGINX_PATH,
    ...(process.env.PATH ?? "").split(":").map((dir) => path.join(dir, "nginx")),
    "/usr/sbin/nginx",
  ];
  const found = candidates.find((file) => file && fs.existsSync(file));
  if (!found)
    throw new Error(
      "nginx not found: install it (Debian: sudo apt-get install -y nginx; scripts/ensure-nginx.sh does it as root) or set NGINX_PATH.",
    );
  return found;
}

/** The committed configuration with the run's addresses: each replaced text must be there, or the run stops. */
export function renderSiteConfig(committed: string, work: string, ports: { nginx: number; a: number; b: number }): string {
  const replacements: [string, string][] = [
    ["server 127.0.0.1:3000 ", `server 127.0.0.1:${ports.a} `],
    ["server 127.0.0.1:3001 ", `server 127.0.0.1:${ports.b} `],
    ["listen 80;", `listen 127.0.0.1:${ports.nginx};`],
    ["proxy_cache_path /var/cache/nginx/tian-banli ", `proxy_cache_path ${path.join(work, "nginx", "cache")} `],
  ];
  let text = committed;
  for (const [from, to] of replacements) {
    if (text.split(from).length !== 2)
      throw new Error(`${MULTI.nginxConfig}: expected exactly one "${from.trim()}" to replace for the test`);
    text = text.replace(from, to);
  }
  return text;
}

/** client_max_body_size in bytes, as nginx reads it (k, m suffixes). */
export function clientMaxBodyBytes(config: string): number {
  const match = /^\s*client_max_body_size\s+(\d+)([kKmM]?);/m.exec(config);
  if (!match) throw new Error(`${MULTI.nginxConfig}: no client_max_body_size`);
  const unit = match[2]!.toLowerCase();
  return Number(match[1]) * (unit === "k" ? 1024 : unit === "m" ? 1024 * 1024 : 1);
}

export type Nginx = { child: ChildProcess; accessLog: string; errorLog: string; stop(): Promise<void> };

/**
 * nginx as an ordinary foreground process with every path under `work`: a main file of the run's own (events,
 * temp folders, an access log naming the upstream tried and its status) that includes the rendered site file.
 */
export async function startNginx(work: string): Promise<Nginx> {
  const nginx = findNginx();
  const dir = path.join(work, "nginx");
  for (const sub of ["cache", "temp", "logs"]) fs.mkdirSync(path.join(dir, sub), { recursive: true });
  const site = path.join(dir, "tian-banli.conf");
  fs.writeFileSync(
    site,
    renderSiteConfig(fs.readFileSync(MULTI.nginxConfig, "utf8"), work, {
      nginx: MULTI.nginxPort,
      a: MULTI.appPorts[0],
      b: MULTI.appPorts[1],
    }),
  );
  const accessLog = path.join(dir, "logs", "access.log");
  const errorLog = path.join(dir, "logs", "error.log");
  const temp = (name: string) => path.join(dir, "temp", name);
  const main = path.join(dir, "nginx.conf");
  fs.writeFileSync(
    main,
    [
      // As root the workers would otherwise run as nobody, who may not enter this folder.
      ...(process.getuid?.() === 0 ? ["user root;"] : []),
      "worker_processes 1;",
      "events { worker_connections 512; }",
      "http {",
      "  log_format upstreams '$msec $request_method $request_uri $status host=$http_host upstream=$upstream_addr upstream_status=$upstream_status cache=$upstream_cache_status';",
      `  access_log ${accessLog} upstreams;`,
      `  client_body_temp_path ${temp("body")};`,
      `  proxy_temp_path ${temp("proxy")};`,
      `  fastcgi_temp_path ${temp("fastcgi")};`,
      `  uwsgi_temp_path ${temp("uwsgi")};`,
      `  scgi_temp_path ${temp("scgi")};`,
      `  include ${site};`,
      "}",
      "",
    ].join("\n"),
  );
  const base = ["-p", dir, "-c", main, "-e", errorLog];
  const check = spawnSync(nginx, [...base, "-t"], { encoding: "utf8" });
  if (check.status !== 0) throw new Error(`nginx -t refused the configuration:\n${check.stderr}`);
  const child = spawn(nginx, [...base, "-g", `daemon off; pid ${path.join(dir, "nginx.pid")};`], { stdio: ["ignore", "ignore", "pipe"] });
  let stderr = "";
  child.stderr?.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const end = Date.now() + 10_000;
  while (!(await listening(MULTI.nginxPort))) {
    if (child.exitCode !== null || Date.now() > end) throw new Error(`nginx did not start: ${stderr || fs.readFileSync(errorLog, "utf8")}`);
    await sleep(50);
  }
  return {
    child,
    accessLog,
    errorLog,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill("SIGTERM");
      await exited;
    },
  };
}

function listening(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect(port, "127.0.0.1");
    socket.once("connect", () => {
      socket.destroy();
      resolve(true);
    });
    socket.once("error", () => resolve(false));
  });
}

// ---------------------------------------------------------------------------------------------
// The app instances

export type Instance = {
  name: string;
  port: number;
  /** serve.mjs, the supervisor, which leads the process group of the server process and the background worker. */
  child: ChildProcess;
  exited: Promise<void>;
  log: string;
};

const running = new Set<Instance>();
// Whatever happens to the test, no instance outlives the worker.
process.once("exit", () => {
  for (const instance of running) signalGroup(instance, "SIGKILL");
});

/** Sends `signal` to the instance's whole process group (SIGSTOP freezes it: it accepts connections and answers none). */
export function signalGroup(instance: Instance, signal: NodeJS.Signals) {
  try {
    process.kill(-instance.child.pid!, signal);
  } catch {
    // already gone
  }
}

/** The environment both instances share: the database, the attachments folder, the secret, the public origin behind one proxy. */
export function instanceEnv(work: string): NodeJS.ProcessEnv {
  return {
    ...process.env,
    NODE_ENV: "production",
    NEXT_TELEMETRY_DISABLED: "1",
    HOSTNAME: "127.0.0.1",
    DATABASE_URL: MULTI.databaseUrl,
    ATTACHMENTS_DIR: path.join(work, "attachments"),
    AUTH_SECRET: MULTI.authSecret,
    PUBLIC_ORIGIN: MULTI.origin,
    TRUST_PROXY: "1",
  };
}

/**
 * `node <build>/serve.mjs --demo [--fresh] --port N`, as `npm start` runs it (with --demo: the demo data when
 * the database is empty), detached: its own process group, which `kill` ends whole.
 */
export function startInstance(name: string, port: number, work: string, { fresh = false } = {}): Instance {
  const log = path.join(work, `instance-${name}.log`);
  const out = fs.openSync(log, "a");
  const args = [
    path.join(MULTI.distDir, "serve.mjs"),
    "--demo",
    ...(fresh ? ["--fresh"] : []),
    "--db",
    path.join(work, "multi.db"),
    "--port",
    String(port),
  ];
  const child = spawn(process.execPath, args, { detached: true, stdio: ["ignore", out, out], env: instanceEnv(work) });
  fs.closeSync(out);
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const instance = { name, port, child, exited, log };
  running.add(instance);
  void exited.then(() => running.delete(instance));
  return instance;
}

/** Until the instance answers its sign-in page directly; fails when it exits first or takes longer than `timeoutMs`. */
export async function waitUntilAnswers(instance: Instance, timeoutMs = 120_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (Date.now() < end) {
    if (instance.child.exitCode !== null || instance.child.signalCode !== null)
      throw new Error(`instance ${instance.name} exited during start (log: ${instance.log}):\n${tail(instance.log)}`);
    try {
      const response = await fetch(`http://127.0.0.1:${instance.port}/login`, { signal: AbortSignal.timeout(5000) });
      await response.arrayBuffer();
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await sleep(200);
  }
  throw new Error(`instance ${instance.name} did not answer within ${timeoutMs / 1000} s (log: ${instance.log}):\n${tail(instance.log)}`);
}

const tail = (file: string) => fs.readFileSync(file, "utf8").split("\n").slice(-20).join("\n");

/** Signals the instance's whole process group and waits until no process of it is left. */
export async function killInstance(instance: Instance, signal: NodeJS.Signals): Promise<void> {
  signalGroup(instance, signal);
  await instance.exited;
  const end = Date.now() + 15_000;
  while (groupAlive(instance)) {
    if (Date.now() > end) {
      signalGroup(instance, "SIGKILL");
      break;
    }
    await sleep(50);
  }
}

function groupAlive(instance: Instance): boolean {
  try {
    process.kill(-instance.child.pid!, 0);
    return true;
  } catch {
    return false;
  }
}

// ---------------------------------------------------------------------------------------------
// SMTP

export type ReceivedMail = { messageId: string | null; to: string[]; subject: string; at: number };

/** RFC 2047 encoded words (as nodemailer writes a Chinese subject) back to text; adjacent words join without the space between. */
export function decodeHeader(value: string): string {
  const unfolded = value.replace(/\r?\n[ \t]+/g, " ");
  const parts: Buffer[] = [];
  const word = /=\?([^?]+)\?([bBqQ])\?([^?]*)\?=/g;
  let last = 0;
  let previousWasWord = false;
  for (let match = word.exec(unfolded); match; match = word.exec(unfolded)) {
    const between = unfolded.slice(last, match.index);
    if (!(previousWasWord && /^\s*$/.test(between))) parts.push(Buffer.from(between, "utf8"));
    const [, , encoding, text] = match;
    parts.push(
      encoding!.toUpperCase() === "B"
        ? Buffer.from(text!, "base64")
        : Buffer.from(
            text!.replace(/_/g, " ").replace(/=([0-9a-fA-F]{2})/g, (_, hex: string) => String.fromCharCode(Number.parseInt(hex, 16))),
            "latin1",
          ),
    );
    last = match.index + match[0].length;
    previousWasWord = true;
  }
  parts.push(Buffer.from(unfolded.slice(last), "utf8"));
  return Buffer.concat(parts).toString("utf8");
}

function headerOf(message: string, name: string): string | null {
  const head = message.split(/\r?\n\r?\n/)[0] ?? "";
  const match = new RegExp(`^${name}:[ \\t]*(.*(?:\\r?\\n[ \\t].*)*)`, "im").exec(head);
  return match ? match[1]!.trim() : null;
}

export type Smtp = { received: ReceivedMail[]; close(): Promise<void> };

/** A real SMTP server on loopback that accepts every message and keeps its Message-ID, envelope recipients and subject. */
export async function startSmtp(port: number): Promise<Smtp> {
  const received: ReceivedMail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onData(stream, session, callback) {
      let data = "";
      stream.on("data", (chunk: Buffer) => (data += chunk.toString("utf8")));
      stream.on("end", () => {
        received.push({
          messageId: headerOf(data, "Message-ID"),
          to: session.envelope.rcptTo.map((r) => r.address),
          subject: decodeHeader(headerOf(data, "Subject") ?? ""),
          at: Date.now(),
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", () => resolve());
  });
  return { received, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}
