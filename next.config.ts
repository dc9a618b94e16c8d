import type { NextConfig } from "next";
import { fixedSecurityHeaders } from "./lib/security-headers";

const nextConfig: NextConfig = {
  // Native modules (and chinese-days, whose ESM build sits in a CommonJS package) load in Node at run time.
  serverExternalPackages: ["better-sqlite3", "argon2", "chinese-days"],
  poweredByHeader: false,
  async headers() {
    return [{ source: "/:path*", headers: fixedSecurityHeaders(process.env.NODE_ENV === "production") }];
  },
  // Lets parallel work trees build side by side (tests use it); the default is .next.
  distDir: process.env.NEXT_DIST_DIR ?? ".next",
  experimental: {
    authInterrupts: true,
    // Forms send text and upload references: files go to the upload route (app/api/uploads), which streams
    // them to disk. The production front server refuses an action's body past 1 MB before Next reads it
    // (server/body-limits.ts); this bound sits above it so that the front server's answer is the one
    // given (measured: a chunked body capped at 1 MB there still tripped a 1 MB limit here, answered 500).
    // It is the bound of `npm run dev`, which has no front server.
    serverActions: { bodySizeLimit: "2mb" },
    proxyClientMaxBodySize: "1mb",
  },
};

export default nextConfig;
