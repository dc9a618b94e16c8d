/**
 * Values between the engines, by the PostgreSQL column type (docs/decisions/009): SQLite's integers
 * (instants as epoch ms included) stay the same numbers, its 0/1 become booleans where PostgreSQL has a
 * boolean, its JSON text becomes jsonb, its blobs bytea. And the one text form of a value that both sides' checksums hash.
 */
import type { ColumnType } from "./plan";

/** A SQLite value that cannot go into its PostgreSQL column. */
export class ValueError extends Error {
  override name = "ValueError";
}

export type PgParameter = string | number | boolean | Buffer | null;

/** A blob's bytes as a Buffer, without copying them. */
const bufferOf = (bytes: Uint8Array) => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);

/** A value read from SQLite with safe integers (whole numbers as bigint) as the parameter for a `type` column. */
export function toPg(type: ColumnType, value: unknown): PgParameter {
  if (value === null || value === undefined) return null;
  if (value instanceof Uint8Array) {
    if (type === "bytea") return bufferOf(value);
    throw new ValueError(`二进制数据（BLOB）不能写入 ${type} 列`);
  }
  switch (type) {
    case "bytea":
      throw new ValueError(`二进制列的值应为 BLOB，实为 ${String(value)}`);
    case "integer":
    case "bigint":
      // As text: an int8 beyond 2^53 keeps every digit; PostgreSQL refuses anything that is not a whole number.
      return String(value);
    case "boolean":
      if (value === 1n) return true;
      if (value === 0n) return false;
      throw new ValueError(`布尔列的值应为 0 或 1，实为 ${String(value)}`);
    case "jsonb":
      if (typeof value !== "string") throw new ValueError(`JSON 列的值应为文本，实为 ${String(value)}`);
      return value;
    case "double precision":
      return Number(value);
    case "text":
      return String(value);
  }
}

/** JSON with object keys sorted: jsonb keeps its own key order, SQLite's text the writer's. */
function stableJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableJson).join(",")}]`;
  if (value !== null && typeof value === "object") {
    const entries = Object.entries(value).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stableJson(v)}`).join(",")}}`;
  }
  return JSON.stringify(value);
}

/**
 * The checksummed text of a value of a `type` column, from either side: SQLite's (bigint integers, 0/1,
 * JSON text, blobs) or node-postgres's (int4 numbers, int8 strings, booleans, jsonb read as ::text, bytea as Buffers). Anything
 * unexpected is kept visibly different rather than coerced into agreement.
 */
export function canonical(type: ColumnType, value: unknown): string | null {
  if (value === null || value === undefined) return null;
  switch (type) {
    case "integer":
    case "bigint":
      return typeof value === "bigint" || typeof value === "number" || typeof value === "string" ? String(value) : `?${String(value)}`;
    case "boolean":
      if (value === true || value === 1n) return "t";
      if (value === false || value === 0n) return "f";
      return `?${String(value)}`;
    case "jsonb":
      if (typeof value !== "string") return `?${String(value)}`;
      try {
        return stableJson(JSON.parse(value));
      } catch {
        return `?${value}`;
      }
    case "double precision":
      return String(Number(value));
    case "text":
      return typeof value === "string" ? value : `?${String(value)}`;
    case "bytea":
      return value instanceof Uint8Array ? `\\x${bufferOf(value).toString("hex")}` : `?${String(value)}`;
  }
}
