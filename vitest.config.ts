import { defineConfig } from "vitest/config";
import path from "node:path";

export default defineConfig({
  resolve: { alias: { "@": path.resolve(import.meta.dirname) } },
  test: {
    include: ["tests/**/*.test.ts"],
    environment: "node",
    pool: "forks",
    testTimeout: 20_000,
    // next-auth imports "next/server" without an extension (next has no exports map): let Vite resolve it.
    server: { deps: { inline: ["next-auth"] } },
  },
});
