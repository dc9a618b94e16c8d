/**
 * The two private Next.js settings the front server relies on (server/main.ts, docs/decisions/013), each what Next's
 * own servers set and no public option replaces: Next forwards a server action, and fetches the page an action
 * redirects to, at `__NEXT_PRIVATE_ORIGIN` (`next start` sets it); a custom server takes the build's serialized
 * configuration from `__NEXT_PRIVATE_STANDALONE_CONFIG` (the standalone server.js sets it; next()'s `conf` is not read
 * by a custom server's prepare()). An upgrade that changes either fails here, not in production.
 * Also the renaming of loopback addresses that makes lib/sso.ts refuse a 127.0.0.1 AUTH_URL: when it stops, the
 * refusal can go.
 */
import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";

const nextDir = path.dirname(createRequire(import.meta.url).resolve("next/package.json"));
const source = (file: string) => fs.readFileSync(path.join(nextDir, "dist", "server", file), "utf8");

describe("the Next.js internals the front server relies on", () => {
  it("forwarded server actions and an action's redirect are fetched at __NEXT_PRIVATE_ORIGIN", () => {
    const handler = source(path.join("app-render", "action-handler.js"));
    expect(handler.match(/let origin = process\.env\.__NEXT_PRIVATE_ORIGIN;/g)?.length).toBe(2);
  });

  it("next start sets __NEXT_PRIVATE_ORIGIN to the server's own address, as server/main.ts does", () => {
    expect(source(path.join("lib", "start-server.js"))).toMatch(/process\.env\.__NEXT_PRIVATE_ORIGIN = appUrl/);
  });

  it("the configuration is taken from __NEXT_PRIVATE_STANDALONE_CONFIG instead of next.config, and a custom server ignores `conf`", () => {
    expect(source("config.js")).toMatch(/const standaloneConfig = JSON\.parse\(process\.env\.__NEXT_PRIVATE_STANDALONE_CONFIG\)/);
    const prepare = source("next.js").split("async prepare() {")[1]!.split("\n    }\n")[0]!;
    expect(prepare).toContain("getRequestHandlers({");
    expect(prepare).not.toContain("conf");
  });
});

describe("the loopback renaming lib/sso.ts refuses a 127.0.0.1 AUTH_URL for", () => {
  it("a NextRequest's url names a loopback address localhost and keeps a host name as written", () => {
    expect(new NextRequest("http://127.0.0.1:3000/api/auth/callback/gov?code=c").url).toBe(
      "http://localhost:3000/api/auth/callback/gov?code=c",
    );
    expect(new NextRequest("http://[::1]:3000/login").url).toBe("http://localhost:3000/login");
    const named = "http://tian.gxq.gov.example:3000/api/auth/callback/gov?code=c";
    expect(new NextRequest(named).url).toBe(named);
  });

  it("next-auth hands the callback on as such a NextRequest, at AUTH_URL's origin", () => {
    const nextAuthDir = path.dirname(createRequire(import.meta.url).resolve("next-auth/package.json"));
    const env = fs.readFileSync(path.join(nextAuthDir, "lib", "env.js"), "utf8");
    expect(env).toContain("return new NextRequest(href.replace(origin, envOrigin), req);");
  });
});
