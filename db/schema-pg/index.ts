/**
 * The PostgreSQL mirror of db/schema: the same files, export names, tables, columns and indexes, in the
 * types that mean the same on PostgreSQL (docs/decisions/009). The application's types come from
 * db/schema; tests/unit/schema-parity.test.ts keeps the two from drifting apart.
 */
export * from "./org";
export * from "./proposals";
export * from "./handling";
export * from "./meetings";
export * from "./key-proposals";
export * from "./replies";
export * from "./audit";
export * from "./security";
export * from "./public-pages";
export * from "./signatures";
export * from "./similar-rankings";
