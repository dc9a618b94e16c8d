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
    // Registration takes up to 5 attachments of 10 MB; the import takes a 5 MB workbook.
    serverActions: { bodySizeLimit: "52mb" },
    proxyClientMaxBodySize: "52mb",
  },
};

export default nextConfig;
