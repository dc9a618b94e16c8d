import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // Native modules (and chinese-days, whose ESM build sits in a CommonJS package) load in Node at run time.
  serverExternalPackages: ["better-sqlite3", "argon2", "chinese-days"],
  poweredByHeader: false,
  experimental: { authInterrupts: true },
};

export default nextConfig;
