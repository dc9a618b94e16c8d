/** The targets of issue #10 and the table `npm run bench` prints. */
import type { Engine } from "@/db/engine";

export const SCENARIOS = [
  "static",
  "public-detail",
  "public-list",
  "public-list-deep",
  "search-2char",
  "search-4char",
  "work-list",
  "director-queue",
  "statistics",
  "staff-filters",
  "draft-save",
  // Issue #22: no two consecutive requests the same (scripts/bench/unique.ts).
  "public-detail-any",
  "public-list-any",
  "search-unique",
  "work-any-handler",
  "proposal-any",
  "statistics-random",
  "mixed",
] as const;

export type ScenarioName = (typeof SCENARIOS)[number];

export type Latency = { rps: number; p50: number; p95: number; p99: number };

/** One scenario in bench/results.json. */
export type ScenarioResult = { name: ScenarioName; c1: Latency; c20: Latency & { errors: number }; ratio: number };

/** Where and when a run was made: the load average at its start and end (1, 5 and 15 minutes). */
export type Machine = {
  cpu: string;
  cores: number;
  memoryGB: number;
  commit: string;
  started: string;
  loadAverage: { start: number[]; end: number[] };
  /** On PostgreSQL: the server's memory for its own page cache (a deployment sizes it; the default is 128 MB). */
  postgres?: { sharedBuffers: string };
};

/** One run in bench/results.json (records without `engine`, from before PostgreSQL was measured, are SQLite's). */
export type BenchResults = {
  engine: Engine;
  /** Absent in records from before issue #22. */
  machine?: Machine;
  /** Scenarios this run (`--only`) did not measure, kept from the engine's record before it, with their own ratios. */
  carriedOver?: ScenarioName[];
  proposals: number;
  rssMaxMB: number;
  publicFirstLoadJsKB: number;
  scenarios: ScenarioResult[];
};

type Check = { label: string; pass: boolean; value: string };

const MIN_RATIO: Partial<Record<ScenarioName, number>> = {
  "public-detail": 0.5,
  "public-list": 0.5,
  "search-2char": 0.15,
  "search-4char": 0.15,
  "work-list": 0.15,
  "director-queue": 0.15,
  "public-detail-any": 0.5,
  "public-list-any": 0.5,
  "search-unique": 0.15,
};

const MAX_C1_P95: Partial<Record<ScenarioName, number>> = {
  "search-2char": 20,
  "search-4char": 20,
  "work-list": 20,
  "director-queue": 20,
  "public-list-deep": 30,
  "draft-save": 30,
  statistics: 150,
  // Staff pages drawn anew each time (issue #22; staff-filters was < 50 ms in issue 19).
  "staff-filters": 25,
  "work-any-handler": 25,
  "proposal-any": 25,
  "statistics-random": 25,
  "search-unique": 20,
};

export const MAX_C20_P99 = 500;
export const MAX_RSS_MB = 400;
export const MAX_FIRST_LOAD_KB = 100;

/** The targets that apply to one scenario, met or not. */
export function scenarioChecks(s: ScenarioResult): Check[] {
  const checks: Check[] = [];
  const ratio = MIN_RATIO[s.name];
  if (ratio !== undefined) checks.push({ label: `ratio≥${ratio}`, pass: s.ratio >= ratio, value: s.ratio.toFixed(3) });
  const p95 = MAX_C1_P95[s.name];
  if (p95 !== undefined) checks.push({ label: `c1 p95<${p95}ms`, pass: s.c1.p95 < p95, value: `${s.c1.p95}` });
  checks.push({ label: "c20 errors=0", pass: s.c20.errors === 0, value: `${s.c20.errors}` });
  checks.push({ label: `c20 p99<${MAX_C20_P99}ms`, pass: s.c20.p99 < MAX_C20_P99, value: `${s.c20.p99}` });
  return checks;
}

export function globalChecks(r: BenchResults): Check[] {
  return [
    { label: `server RSS<${MAX_RSS_MB}MB`, pass: r.rssMaxMB < MAX_RSS_MB, value: `${r.rssMaxMB} MB` },
    {
      label: `public first-load JS<${MAX_FIRST_LOAD_KB}KB gzip`,
      pass: r.publicFirstLoadJsKB < MAX_FIRST_LOAD_KB,
      value: `${r.publicFirstLoadJsKB} KB`,
    },
  ];
}

function table(rows: string[][]): string {
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
  const line = (r: string[]) =>
    r
      .map((cell, i) => (i === 0 || i === r.length - 1 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!)))
      .join("  ")
      .trimEnd();
  return [line(rows[0]!), widths.map((w) => "-".repeat(w)).join("  "), ...rows.slice(1).map(line)].join("\n");
}

const loads = (l: number[]) => l.map((x) => x.toFixed(2)).join(" ");

export const describeMachine = (m: Machine) =>
  `${m.cpu}, ${m.cores} cores, ${m.memoryGB} GB memory; load average (1/5/15 min) ${loads(m.loadAverage.start)} at the start` +
  `${m.loadAverage.end.length > 0 ? `, ${loads(m.loadAverage.end)} at the end` : ""}; commit ${m.commit}; started ${m.started}`;

const mark = (c: Check) => `${c.pass ? "✓" : "✗"} ${c.label}`;

/** The table of every scenario with its targets, and the global targets; `met`/`total` count the checks. */
export function report(r: BenchResults): { text: string; met: number; total: number } {
  const header = ["scenario", "c1 rps", "p50", "p95", "p99", "c20 rps", "p50", "p95", "p99", "err", "ratio", "targets"];
  let met = 0;
  let total = 0;
  const rows = r.scenarios.map((s) => {
    const checks = scenarioChecks(s);
    met += checks.filter((c) => c.pass).length;
    total += checks.length;
    const n = (x: number) => (Number.isFinite(x) ? String(x) : "-");
    return [
      s.name,
      n(s.c1.rps),
      n(s.c1.p50),
      n(s.c1.p95),
      n(s.c1.p99),
      n(s.c20.rps),
      n(s.c20.p50),
      n(s.c20.p95),
      n(s.c20.p99),
      String(s.c20.errors),
      s.ratio.toFixed(3),
      checks.map(mark).join("  "),
    ];
  });
  const globals = globalChecks(r);
  met += globals.filter((c) => c.pass).length;
  total += globals.length;
  const text = [
    `${r.engine}, proposals ${r.proposals}; latencies in ms; rps = responses per second; ratio = c20 rps / static c20 rps`,
    ...(r.machine ? [describeMachine(r.machine)] : []),
    "",
    table([header, ...rows]),
    "",
    ...globals.map((c) => `${mark(c)}: ${c.value}`),
    "",
    `targets met: ${met}/${total}`,
  ].join("\n");
  return { text, met, total };
}
