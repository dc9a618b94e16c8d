/** The start script's supervisor (scripts/lib/supervise.ts): a server that dies is started again, with a growing delay. */
import { spawn } from "node:child_process";
import { describe, expect, it } from "vitest";
import { supervise } from "@/scripts/lib/supervise";

const node = (code: string) => spawn(process.execPath, ["-e", code], { stdio: "ignore" });

describe("supervise", () => {
  it("restarts a child that exits, waiting longer each time it fails young, and stops when asked", async () => {
    const lines: string[] = [];
    const startedAt: number[] = [];
    const supervisor = supervise(
      () => {
        startedAt.push(Date.now());
        // The first two runs crash at once; the third keeps running.
        return node(startedAt.length <= 2 ? "process.exit(3)" : "setInterval(() => {}, 1000)");
      },
      { name: "测试进程", initialDelayMs: 100, log: (line) => lines.push(line) },
    );
    await expect.poll(() => supervisor.starts, { timeout: 5000 }).toBe(3);
    expect(startedAt[2]! - startedAt[1]!).toBeGreaterThanOrEqual(200);
    expect(lines).toEqual(["测试进程意外退出（退出码 3），0.1 秒后重新启动。", "测试进程意外退出（退出码 3），0.2 秒后重新启动。"]);
    const running = supervisor.current!;
    await supervisor.stop();
    expect(running.signalCode).toBe("SIGTERM");
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(supervisor.starts).toBe(3);
  });

  it("restarts a child killed by a signal", async () => {
    const supervisor = supervise(() => node("setInterval(() => {}, 1000)"), { name: "服务器", initialDelayMs: 20, log: () => {} });
    await expect.poll(() => supervisor.current?.pid, { timeout: 5000 }).toBeTruthy();
    supervisor.current!.kill("SIGKILL");
    await expect.poll(() => supervisor.starts, { timeout: 5000 }).toBe(2);
    await supervisor.stop();
  });
});
