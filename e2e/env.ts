/** Where the end-to-end server runs, shared by the Playwright config and the fixtures. */
const port = Number(process.env.E2E_PORT ?? 3100);

export const E2E = {
  port,
  baseURL: `http://127.0.0.1:${port}`,
  databasePath: `data/e2e-${port}.db`,
  distDir: process.env.NEXT_DIST_DIR ?? ".next",
  // A fixed secret for the throwaway test server only, so fixtures can mint session cookies.
  authSecret: "e2e-only-secret-not-for-production-0123456789",
} as const;
