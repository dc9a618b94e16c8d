/** The columns named by a SQLite unique violation ("units.name"), looking through drizzle's wrapper. */
export function uniqueViolation(error: unknown): string | null {
  for (let e: unknown = error; e instanceof Error; e = e.cause) {
    if ((e as { code?: unknown }).code === "SQLITE_CONSTRAINT_UNIQUE") {
      return e.message.replace(/^UNIQUE constraint failed: /, "");
    }
  }
  return null;
}
