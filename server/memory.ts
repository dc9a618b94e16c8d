/**
 * How Node runs the production server (scripts/serve.ts, and the bench and the crash test, which run the same):
 *  - a bounded heap: V8 otherwise lets it grow lazily toward several GB under concurrent page renders
 *    (900 MB measured at 20 connections on 100,000 proposals); with these flags it stays near 400 MB at
 *    the same throughput. The largest single job, the 台账 export of 100,000 proposals, fits because the
 *    workbook is streamed (lib/ledger.ts);
 *  - the client-address preload: X-Forwarded-For becomes the socket's address unless TRUST_PROXY says
 *    proxies set it (lib/client-address.ts).
 */
import path from "node:path";

export const SERVER_MEMORY_FLAGS = ["--max-old-space-size=384", "--max-semi-space-size=8"];

/** The preload's file name, in server/ and, copied there by the build, in the build directory. */
export const PRELOAD_FILE = "client-address-preload.cjs";

/** The Node options of the server process, before the program to run: the preload is the build directory's. */
export function serverNodeOptions(buildDir: string): string[] {
  return [...SERVER_MEMORY_FLAGS, "--require", path.resolve(buildDir, PRELOAD_FILE)];
}
