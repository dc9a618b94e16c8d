import { defineConfig } from "vitest/config";
import path from "node:path";

export default defineConfig({
  resolve: { alias: { "@": path.resolve(import.meta.dirname) } },
  test: {
    include: ["tests/**/*.test.ts"],
    environment: "node",
    pool: "forks",
    testTimeout: 20_000,
    // Sign-off issues the receipt links' tokens, signed with AUTH_SECRET (the start scripts always set one).
    env: { AUTH_SECRET: "vitest-only-secret-not-for-production-0123456789" },
    // next-auth imports "next/server" without an extension (next has no exports map): let Vite resolve it.
    server: { deps: { inline: ["next-auth"] } },
  },
});
