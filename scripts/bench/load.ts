/**
 * One load phase with autocannon against the bench server on loopback: a fixed number of connections
 * for a fixed time, every response's latency recorded here (autocannon's summary has no p95), non-2xx
 * responses, connection errors and refused server actions counted as errors.
 */
import autocannon from "autocannon";

/** One request built anew: its path, headers and body (none for a GET); `check`, if any, judges the response body. */
export type BuiltRequest = {
  /** The spec's method when not given. */
  method?: "GET" | "POST";
  path: string;
  headers: Record<string, string>;
  body?: string;
  check?: (status: number, body: string) => boolean;
  /** What sort of request it is (the mixed run's writes and reads): the phase reports each sort's latencies too. */
  kind?: string;
};

/** What one request of a scenario is; `build` runs before each request (a new page, server actions a fresh body). */
export type RequestSpec = {
  method: "GET" | "POST";
  path: string;
  headers: Record<string, string>;
  build?: () => BuiltRequest;
};

export type PhaseResult = {
  connections: number;
  seconds: number;
  requests: number;
  rps: number;
  p50: number;
  p95: number;
  p99: number;
  /** Non-2xx responses, connection errors and timeouts, and responses `check` refused. */
  errors: number;
  statusCodes: Record<number, number>;
  /** Latencies per request kind (BuiltRequest's `kind`), timed from the request's setup to its response. */
  byKind?: Record<string, { requests: number; p50: number; p95: number; p99: number }>;
};

/** The value below which a share `q` of the sorted values lie (nearest rank). */
export function percentile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))]!;
}

const round = (n: number, digits = 1) => Math.round(n * 10 ** digits) / 10 ** digits;

export async function runPhase(baseURL: string, spec: RequestSpec, connections: number, seconds: number): Promise<PhaseResult> {
  const latencies: number[] = [];
  const statusCodes: Record<number, number> = {};
  const kinds: Record<string, number[]> = {};
  let refused = 0;
  const request: autocannon.Request = { method: spec.method, path: spec.path, headers: spec.headers };
  if (spec.build) {
    const build = spec.build;
    // The context lives from setupRequest to onResponse of the same request (autocannon resets it after).
    type Context = { check?: (status: number, body: string) => boolean; kind?: string; started: number };
    request.setupRequest = (req, context) => {
      const next = build();
      Object.assign(context as Context, { check: next.check, kind: next.kind, started: performance.now() });
      return { ...req, method: next.method ?? spec.method, path: next.path, headers: next.headers, body: next.body };
    };
    request.onResponse = (status, body, context) => {
      const { check, kind, started } = context as Context;
      if (kind) (kinds[kind] ??= []).push(performance.now() - started);
      // Always called (it may put a resource back); only a 2xx it refuses counts here, the others are non-2xx.
      if (check && !check(status, body) && status >= 200 && status < 300) refused++;
    };
  }
  const started = performance.now();
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon({ url: baseURL, connections, duration: seconds, requests: [request], timeout: 30 }, (error, done) =>
      error ? reject(error) : resolve(done),
    );
    instance.on("response", (_client, statusCode, _bytes, responseTime) => {
      latencies.push(responseTime);
      statusCodes[statusCode] = (statusCodes[statusCode] ?? 0) + 1;
    });
  });
  const elapsed = (performance.now() - started) / 1000;
  const overall = latencyOf(latencies);
  // Nothing answered within the phase: its latencies are at least the phase, and every connection counts one error.
  const unanswered = latencies.length === 0 ? connections : 0;
  const floor = (p: number) => (latencies.length === 0 ? Math.round(elapsed * 1000) : p);
  const non2xx = Object.entries(statusCodes).reduce((n, [code, count]) => n + (Number(code) >= 200 && Number(code) < 300 ? 0 : count), 0);
  return {
    connections,
    seconds: round(elapsed, 2),
    requests: latencies.length,
    rps: round(latencies.length / Math.min(elapsed, result.duration || elapsed)),
    p50: floor(overall.p50),
    p95: floor(overall.p95),
    p99: floor(overall.p99),
    errors: non2xx + result.errors + result.timeouts + refused + unanswered,
    statusCodes,
    ...(Object.keys(kinds).length > 0
      ? { byKind: Object.fromEntries(Object.entries(kinds).map(([kind, ms]) => [kind, latencyOf(ms)])) }
      : {}),
  };
}

function latencyOf(ms: number[]) {
  const sorted = [...ms].sort((a, b) => a - b);
  const at = (q: number) => round(percentile(sorted, q));
  return { requests: sorted.length, p50: at(0.5), p95: at(0.95), p99: at(0.99) };
}

export type Probe = { status: number; bytes: number; ms: number; ok: boolean; error?: string; body?: string };

/** One request as the scenario sends it, before it is measured: its status, size, time, and whether it is accepted. */
export async function probe(baseURL: string, spec: RequestSpec, timeoutSeconds: number): Promise<Probe> {
  const next = spec.build?.();
  const started = performance.now();
  const ms = () => Math.round(performance.now() - started);
  try {
    const res = await fetch(new URL(next?.path ?? spec.path, baseURL), {
      method: next?.method ?? spec.method,
      headers: next?.headers ?? spec.headers,
      body: next?.body,
      redirect: "manual",
      signal: AbortSignal.timeout(timeoutSeconds * 1000),
    });
    const body = await res.text();
    const ok = res.status >= 200 && res.status < 300 && (next?.check ? next.check(res.status, body) : true);
    return { status: res.status, bytes: Buffer.byteLength(body), ms: ms(), ok, ...(ok ? {} : { body: body.slice(0, 300) }) };
  } catch (error) {
    return { status: 0, bytes: 0, ms: ms(), ok: false, error: error instanceof Error ? error.message : String(error) };
  }
}

/** Waits until the server answers a cheap request quickly again (work left over from a phase is done), at most `seconds`; true when it does. */
export async function settle(baseURL: string, path: string, seconds: number): Promise<boolean> {
  const started = performance.now();
  let quick = 0;
  while (quick < 3 && performance.now() - started < seconds * 1000) {
    const t = performance.now();
    try {
      await (await fetch(new URL(path, baseURL), { signal: AbortSignal.timeout(seconds * 1000) })).arrayBuffer();
    } catch {
      // Still busy.
    }
    quick = performance.now() - t < 50 ? quick + 1 : 0;
    if (quick < 3) await new Promise((r) => setTimeout(r, 100));
  }
  return quick >= 3;
}
