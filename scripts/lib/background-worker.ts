/**
 * Starts an instance's background worker (scripts/background-worker.ts: mail, similar rankings) on the database the
 * web server uses, kept running by supervise(). The production server runs the bundled program, `npm run dev` the
 * source through tsx: the same work either way.
 */
import { spawn } from "node:child_process";
import { type Supervisor, supervise } from "./supervise";

/** `args`: Node's arguments that run the worker (the bundle, or tsx's loader and the source). */
export function superviseBackgroundWorker(args: string[], dbPath: string): Supervisor {
  return supervise(() => spawn(process.execPath, args, { stdio: "inherit", env: { ...process.env, DATABASE_PATH: dbPath } }), {
    name: "后台进程（邮件、相似提案排序）",
  });
}
