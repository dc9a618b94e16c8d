/** Where the end-to-end server runs, shared by the Playwright config and the fixtures. */
export const E2E = {
  port: 3100,
  baseURL: "http://localhost:3100",
  databasePath: "data/e2e.db",
  // A fixed secret for the throwaway test server only, so fixtures can mint session cookies.
  authSecret: "e2e-only-secret-not-for-production-0123456789",
} as const;
