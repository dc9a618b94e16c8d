/**
 * Where the multi-instance run lives (playwright.multi.config.ts, e2e/multi-instance/): nginx on MULTI_PORT
 * (3550), the two app instances on the next two ports, the test's SMTP server on the one after, all on
 * loopback; one PostgreSQL database multi_<port> on PG_TEST_URL's server (or the local socket's). The browser
 * reaches nginx by a real-looking name, mapped to loopback in Chromium only (--host-resolver-rules).
 */
import { onServer } from "../../scripts/lib/create-database";
import { E2E } from "../env";

const nginxPort = Number(process.env.MULTI_PORT ?? 3550);
const host = "tian.example.gov.cn";

export const MULTI = {
  host,
  nginxPort,
  /** The two app instances' ports: A, then B. */
  appPorts: [nginxPort + 1, nginxPort + 2] as const,
  smtpPort: nginxPort + 3,
  /** The site's public origin: what the browser opens, every link and redirect names, and PUBLIC_ORIGIN. */
  origin: `http://${host}:${nginxPort}`,
  pgServer: E2E.pgServer,
  databaseUrl: onServer(E2E.pgServer, `multi_${nginxPort}`),
  database: `multi_${nginxPort}`,
  distDir: process.env.NEXT_DIST_DIR ?? ".next",
  // A fixed secret for these throwaway servers only, so the load generator can mint session cookies.
  authSecret: "multi-instance-only-secret-not-for-production-0123456789",
  /** The nginx configuration the run uses, as committed. */
  nginxConfig: "deploy/nginx/tian-banli.conf",
} as const;
