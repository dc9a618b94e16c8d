/** PostgreSQL mirror of db/schema/org.ts (what each table and column means is written there). */
import { sql } from "drizzle-orm";
import { boolean, index, integer, jsonb, pgTable, text, uniqueIndex } from "drizzle-orm/pg-core";
import { ROLES, SESSION_KINDS, UNIT_KINDS } from "@/lib/domain";
import { createdAt, id, instant } from "./columns";

export const units = pgTable(
  "units",
  {
    id: id(),
    name: text("name").notNull(),
    shortName: text("short_name").notNull(),
    docPrefix: text("doc_prefix").notNull(),
    indexPrefix: text("index_prefix").notNull(),
    kind: text("kind", { enum: UNIT_KINDS }).notNull(),
    active: boolean("active").notNull().default(true),
    leaderReview: boolean("leader_review").notNull().default(false),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("units_name_uq").on(t.name), uniqueIndex("units_short_name_uq").on(t.shortName)],
);

export const sections = pgTable(
  "sections",
  {
    id: id(),
    unitId: integer("unit_id")
      .notNull()
      .references(() => units.id),
    name: text("name").notNull(),
    sortOrder: integer("sort_order").notNull().default(0),
    active: boolean("active").notNull().default(true),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("sections_unit_name_uq").on(t.unitId, t.name)],
);

export const users = pgTable(
  "users",
  {
    id: id(),
    username: text("username").notNull(),
    passwordHash: text("password_hash"),
    displayName: text("display_name").notNull(),
    role: text("role", { enum: ROLES }).notNull(),
    unitId: integer("unit_id").references(() => units.id),
    sectionId: integer("section_id").references(() => sections.id),
    canDivide: boolean("can_divide").notNull().default(false),
    title: text("title"),
    phone: text("phone"),
    email: text("email"),
    emailDigest: boolean("email_digest").notNull().default(false),
    lastDigestAt: instant("last_digest_at"),
    disabled: boolean("disabled").notNull().default(false),
    mustChangePassword: boolean("must_change_password").notNull().default(false),
    sessionVersion: integer("session_version").notNull().default(0),
    failedLogins: integer("failed_logins").notNull().default(0),
    lockedUntil: instant("locked_until"),
    lastLoginAt: instant("last_login_at"),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("users_username_uq").on(t.username),
    index("users_unit_role_idx").on(t.unitId, t.role),
    index("users_role_idx").on(t.role),
  ],
);

export const sessions = pgTable(
  "sessions",
  {
    id: id(),
    body: text("body").notNull(),
    term: text("term").notNull(),
    meeting: text("meeting").notNull(),
    year: integer("year").notNull(),
    kind: text("kind", { enum: SESSION_KINDS }).notNull(),
    active: boolean("active").notNull().default(true),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("sessions_body_term_meeting_uq").on(t.body, t.term, t.meeting), index("sessions_year_idx").on(t.year)],
);

export const categories = pgTable(
  "categories",
  {
    id: id(),
    name: text("name").notNull(),
    sortOrder: integer("sort_order").notNull().default(0),
    active: boolean("active").notNull().default(true),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("categories_name_uq").on(t.name)],
);

export const settings = pgTable("settings", {
  key: text("key").primaryKey(),
  value: jsonb("value").notNull(),
  // SQLite's `(unixepoch() * 1000)`: the time of the insert in epoch milliseconds.
  updatedAt: instant("updated_at").notNull().default(sql`(extract(epoch from now()) * 1000)::bigint`),
  updatedBy: integer("updated_by").references(() => users.id),
});
