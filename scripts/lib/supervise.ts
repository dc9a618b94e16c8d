/**
 * Keeps a child process running (scripts/serve.ts: the server and the background worker): when it exits without
 * being asked to, it is started again after a delay that doubles while it keeps failing young (1 s, 2 s,
 * 4 s … at most 30 s) and starts over once it has run a minute. Each exit and restart is logged. Written
 * here rather than taken from a process manager so that `npm start` alone is enough; under systemd the
 * unit's Restart= does the same one level up (docs/decisions/006-request-body-limits-and-supervision.md).
 */
import type { ChildProcess } from "node:child_process";

export type SuperviseOptions = {
  /** Named in the log lines. */
  name: string;
  initialDelayMs?: number;
  maxDelayMs?: number;
  /** A run this long resets the delay. */
  healthyAfterMs?: number;
  log?: (line: string) => void;
};

export type Supervisor = {
  /** How many times the child was started. */
  readonly starts: number;
  /** The child now running, if any. */
  readonly current: ChildProcess | null;
  /** Stops the child with the signal and restarts it no more; resolves when it has exited. */
  stop(signal?: NodeJS.Signals): Promise<void>;
};

export function supervise(start: () => ChildProcess, options: SuperviseOptions): Supervisor {
  const initialDelay = options.initialDelayMs ?? 1000;
  const maxDelay = options.maxDelayMs ?? 30_000;
  const healthyAfter = options.healthyAfterMs ?? 60_000;
  const log = options.log ?? ((line: string) => console.error(line));
  let delay = initialDelay;
  let stopping = false;
  let starts = 0;
  let child: ChildProcess | null = null;
  let timer: NodeJS.Timeout | null = null;
  let exited: Promise<void> = Promise.resolve();

  const run = () => {
    timer = null;
    const startedAt = Date.now();
    const running = start();
    child = running;
    starts++;
    exited = new Promise((resolve) => {
      running.once("exit", (code, signal) => {
        child = null;
        resolve();
        if (stopping) return;
        delay = Date.now() - startedAt >= healthyAfter ? initialDelay : delay;
        log(`${options.name}意外退出（${signal ? `信号 ${signal}` : `退出码 ${code}`}），${(delay / 1000).toFixed(1)} 秒后重新启动。`);
        timer = setTimeout(run, delay);
        delay = Math.min(delay * 2, maxDelay);
      });
    });
  };
  run();

  return {
    get starts() {
      return starts;
    },
    get current() {
      return child;
    },
    async stop(signal: NodeJS.Signals = "SIGTERM") {
      stopping = true;
      if (timer) clearTimeout(timer);
      child?.kill(signal);
      await exited;
    },
  };
}
