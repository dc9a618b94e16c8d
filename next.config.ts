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
    // them to disk. The production front server applies the same limits before reading (scripts/lib/body-limits.ts).
    serverActions: { bodySizeLimit: "1mb" },
    proxyClientMaxBodySize: "1mb",
  },
};

export default nextConfig;
