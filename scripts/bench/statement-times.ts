/**
 * Where a script's SQLite time goes: every statement run on a better-sqlite3 connection timed by its SQL
 * (a statement's triggers count in its own time), and the transaction commands run by `exec` (savepoint,
 * release, commit). For the bench generator's and scripts/bench/writes.ts's `--profile`.
 */
import type Database from "better-sqlite3";

type Entry = { n: number; ms: number };

export class StatementTimes {
  private readonly times = new Map<string, Entry>();

  /** Starts timing every statement of the process's better-sqlite3 connections (the prototypes are shared). */
  constructor(sqlite: Database.Database) {
    const times = this.times;
    const add = (key: string, t0: number) => {
      const e = times.get(key);
      if (e) {
        e.n++;
        e.ms += performance.now() - t0;
      } else times.set(key, { n: 1, ms: performance.now() - t0 });
    };
    const statement = Object.getPrototypeOf(sqlite.prepare("select 1")) as Record<string, (...args: unknown[]) => unknown>;
    for (const method of ["run", "get", "all", "iterate"]) {
      const original = statement[method]!;
      statement[method] = function (this: Database.Statement, ...args: unknown[]) {
        const t0 = performance.now();
        try {
          return original.apply(this, args);
        } finally {
          add(this.source, t0);
        }
      };
    }
    const connection = Object.getPrototypeOf(sqlite) as Record<string, (...args: unknown[]) => unknown>;
    const exec = connection.exec!;
    connection.exec = function (this: Database.Database, source: unknown) {
      const t0 = performance.now();
      try {
        return exec.call(this, source);
      } finally {
        add(`exec: ${String(source).replace(/\bsp\d+\b/g, "sp")}`, t0);
      }
    };
  }

  /** The `top` statements by total time since the last report, as lines; the counts start again. */
  report(top = 20): string[] {
    const rows = [...this.times.entries()].sort((a, b) => b[1].ms - a[1].ms);
    const total = rows.reduce((sum, [, e]) => sum + e.ms, 0);
    this.times.clear();
    return [
      `SQL ${(total / 1000).toFixed(1)} s in all; the ${top} costliest statements (total, calls, mean):`,
      ...rows
        .slice(0, top)
        .map(
          ([source, e]) =>
            `${(e.ms / 1000).toFixed(2).padStart(8)} s ${String(e.n).padStart(8)} × ${String(Math.round((e.ms / e.n) * 1000)).padStart(6)} µs  ${source.replace(/\s+/g, " ").slice(0, 140)}`,
        ),
    ];
  }
}
