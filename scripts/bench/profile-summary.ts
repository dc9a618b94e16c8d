/**
 * A V8 CPU profile (`node --cpu-prof`) summed by where each function lives, for scripts/bench/profile.ts: the
 * self time of every sample counted to its function's place, then per request.
 */

type CallFrame = { functionName: string; url: string; lineNumber: number; columnNumber: number };
type ProfileNode = { id: number; callFrame: CallFrame; children?: number[] };
export type CpuProfile = { nodes: ProfileNode[]; startTime: number; samples: number[]; timeDeltas: number[] };

/** Places, first match wins: the path fragments are those of a Next build and of node_modules. */
const PLACES: [string, (frame: CallFrame) => boolean][] = [
  ["idle", (f) => f.functionName === "(idle)"],
  ["garbage collector", (f) => f.functionName === "(garbage collector)"],
  ["V8 and native code", (f) => f.functionName === "(program)" || f.url === ""],
  ["React's renderer", (f) => /react-dom|react-server-dom|\/react\//.test(f.url)],
  ["drizzle-orm", (f) => f.url.includes("drizzle-orm")],
  ["better-sqlite3 / pg", (f) => /better-sqlite3|node_modules\/pg/.test(f.url)],
  ["next-auth / jose", (f) => /next-auth|@auth\/|jose/.test(f.url)],
  ["Next's server", (f) => f.url.includes("next/dist")],
  ["Node's own modules", (f) => f.url.startsWith("node:")],
  ["the app (bundled chunks)", (f) => /\/server\/(chunks|app)\//.test(f.url)],
  ["the front server", (f) => f.url.includes("app-server.mjs")],
];

const place = (frame: CallFrame) => PLACES.find(([, test]) => test(frame))?.[0] ?? "other";

const shortUrl = (url: string) =>
  url
    .replace(/^file:\/\//, "")
    .replace(/^.*node_modules\//, "")
    .replace(/^.*\/(server\/)/, "$1");

/**
 * Lines of text: the time per place and the 25 costliest functions, in ms per request, counting the samples from
 * `fromMicros` on (CLOCK_MONOTONIC in µs, which V8's profile and `process.hrtime` of any process on the machine share).
 */
export function summarizeProfile(profile: CpuProfile, requests: number, fromMicros = 0): string[] {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const selfMs = new Map<number, number>();
  let at = profile.startTime;
  profile.samples.forEach((id, i) => {
    const delta = profile.timeDeltas[i] ?? 0;
    at += delta;
    if (at >= fromMicros) selfMs.set(id, (selfMs.get(id) ?? 0) + delta / 1000);
  });
  const places = new Map<string, number>();
  const functions = new Map<string, number>();
  let busy = 0;
  for (const [id, ms] of selfMs) {
    const frame = byId.get(id)!.callFrame;
    const where = place(frame);
    places.set(where, (places.get(where) ?? 0) + ms);
    if (where === "idle") continue;
    busy += ms;
    const key = `${frame.functionName || "(anonymous)"} ${shortUrl(frame.url)}:${frame.lineNumber + 1}`;
    functions.set(key, (functions.get(key) ?? 0) + ms);
  }
  const per = (ms: number) => (ms / requests).toFixed(2).padStart(7);
  const share = (ms: number) => `${((100 * ms) / busy).toFixed(1).padStart(5)} %`;
  const lines = [`busy ${(busy / requests).toFixed(2)} ms a request (idle left out); self time by place, ms a request:`];
  for (const [where, ms] of [...places].filter(([w]) => w !== "idle").sort((a, b) => b[1] - a[1]))
    lines.push(`  ${per(ms)}  ${share(ms)}  ${where}`);
  lines.push("costliest functions (self time), ms a request:");
  for (const [key, ms] of [...functions].sort((a, b) => b[1] - a[1]).slice(0, 25)) lines.push(`  ${per(ms)}  ${share(ms)}  ${key}`);
  return lines;
}
