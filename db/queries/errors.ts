/**
 * The columns named by a unique violation ("units.name", "proposals.session_id, proposals.number"), looking
 * through drizzle's wrapper: SQLite names them in its message, PostgreSQL in its detail ("Key (name)=(…)").
 */
export function uniqueViolation(error: unknown): string | null {
  for (let e: unknown = error; e instanceof Error; e = e.cause) {
    const { code, table, detail } = e as { code?: unknown; table?: unknown; detail?: unknown };
    if (code === "SQLITE_CONSTRAINT_UNIQUE") return e.message.replace(/^UNIQUE constraint failed: /, "");
    if (code === "23505" && typeof table === "string" && typeof detail === "string") {
      const columns = /^Key \(([^)]*)\)=/.exec(detail)?.[1];
      if (columns)
        return columns
          .split(", ")
          .map((column) => `${table}.${column}`)
          .join(", ");
    }
  }
  return null;
}
