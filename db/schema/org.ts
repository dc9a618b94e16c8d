import { sql } from "drizzle-orm";
import { index, integer, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { ROLES, UNIT_KINDS, SESSION_KINDS } from "@/lib/domain";
import { createdAt, id, instant } from "./columns";

/** 单位: a government department, centre or party organ that handles proposals. */
export const units = sqliteTable(
  "units",
  {
    id: id(),
    name: text("name").notNull(),
    shortName: text("short_name").notNull(),
    /** 发文字号 prefix, e.g. 渝高新科函 */
    docPrefix: text("doc_prefix").notNull(),
    /** 索引号 prefix, e.g. 1150010700927688XM */
    indexPrefix: text("index_prefix").notNull(),
    kind: text("kind", { enum: UNIT_KINDS }).notNull(),
    active: integer("active", { mode: "boolean" }).notNull().default(true),
    /** Drafts divided to a 科室 pass the unit's 分管领导 before the director (docs/domain.md "分办"). */
    leaderReview: integer("leader_review", { mode: "boolean" }).notNull().default(false),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("units_name_uq").on(t.name), uniqueIndex("units_short_name_uq").on(t.shortName)],
);

/** 科室: a section of a unit, to which the unit's office divides (分办) the proposals it accepted. */
export const sections = sqliteTable(
  "sections",
  {
    id: id(),
    unitId: integer("unit_id")
      .notNull()
      .references(() => units.id),
    name: text("name").notNull(),
    sortOrder: integer("sort_order").notNull().default(0),
    /** A section that was abolished keeps its row for the proposals divided to it. */
    active: integer("active", { mode: "boolean" }).notNull().default(true),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("sections_unit_name_uq").on(t.unitId, t.name)],
);

export const users = sqliteTable(
  "users",
  {
    id: id(),
    username: text("username").notNull(),
    /** argon2id hash; null for people who have no sign-in (e.g. members known only from an import). */
    passwordHash: text("password_hash"),
    displayName: text("display_name").notNull(),
    role: text("role", { enum: ROLES }).notNull(),
    unitId: integer("unit_id").references(() => units.id),
    /** The 科室 a handler works in, if the unit has sections. */
    sectionId: integer("section_id").references(() => sections.id),
    /** 可分办: a handler of the unit's office who may divide its proposals among 科室 (the director always may). */
    canDivide: integer("can_divide", { mode: "boolean" }).notNull().default(false),
    /** 职务, e.g. 局长; printed in the reply's closing sentence for directors. */
    title: text("title"),
    phone: text("phone"),
    email: text("email"),
    /** Mail once a day with all unread notices instead of one mail per notice. */
    emailDigest: integer("email_digest", { mode: "boolean" }).notNull().default(false),
    lastDigestAt: instant("last_digest_at"),
    disabled: integer("disabled", { mode: "boolean" }).notNull().default(false),
    mustChangePassword: integer("must_change_password", { mode: "boolean" }).notNull().default(false),
    /** Bumped on password change or disable; JWTs carrying an older value are refused. */
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

/** 届次会议: one meeting of a CPPCC committee or People's Congress, e.g. 第十一届委员会第二次会议. */
export const sessions = sqliteTable(
  "sessions",
  {
    id: id(),
    /** 政协重庆市九龙坡区委员会 or 重庆市九龙坡区人民代表大会 */
    body: text("body").notNull(),
    /** 第十一届 */
    term: text("term").notNull(),
    /** 第二次会议 */
    meeting: text("meeting").notNull(),
    year: integer("year").notNull(),
    /** proposal = 政协提案, suggestion = 人大建议 */
    kind: text("kind", { enum: SESSION_KINDS }).notNull(),
    active: integer("active", { mode: "boolean" }).notNull().default(true),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("sessions_body_term_meeting_uq").on(t.body, t.term, t.meeting), index("sessions_year_idx").on(t.year)],
);

/** 主题分类, e.g. 科技、教育 */
export const categories = sqliteTable(
  "categories",
  {
    id: id(),
    name: text("name").notNull(),
    sortOrder: integer("sort_order").notNull().default(0),
    active: integer("active", { mode: "boolean" }).notNull().default(true),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("categories_name_uq").on(t.name)],
);

/** Locality settings (deadlines, result classes, who publishes…), one JSON value per key. */
export const settings = sqliteTable("settings", {
  key: text("key").primaryKey(),
  value: text("value", { mode: "json" }).notNull(),
  updatedAt: instant("updated_at").notNull().default(sql`(unixepoch() * 1000)`),
  updatedBy: integer("updated_by").references(() => users.id),
});

export type Unit = typeof units.$inferSelect;
export type NewUnit = typeof units.$inferInsert;
export type Section = typeof sections.$inferSelect;
export type User = typeof users.$inferSelect;
export type NewUser = typeof users.$inferInsert;
export type Session = typeof sessions.$inferSelect;
export type NewSession = typeof sessions.$inferInsert;
export type Category = typeof categories.$inferSelect;
