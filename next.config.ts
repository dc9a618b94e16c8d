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
    // The largest upload (registration: 5 attachments of 10 MB and the form) bounds every action here; the
    // production front server limits each action to its own size before reading (scripts/lib/body-limits.ts).
    serverActions: { bodySizeLimit: "51mb" },
    proxyClientMaxBodySize: "51mb",
  },
};

export default nextConfig;
