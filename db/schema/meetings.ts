import { index, integer, primaryKey, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { MEETING_KINDS } from "@/lib/domain";
import { calendarDate, createdAt, id } from "./columns";
import { units, users } from "./org";

/**
 * 面商 / 座谈会: one meeting of a unit with members and officials that covers several proposals. Each
 * proposal it covers gets a contact record (contact_records.meeting_id), so it counts as 见面 for each.
 */
export const meetings = sqliteTable(
  "meetings",
  {
    id: id(),
    unitId: integer("unit_id")
      .notNull()
      .references(() => units.id),
    kind: text("kind", { enum: MEETING_KINDS }).notNull(),
    heldOn: calendarDate("held_on").notNull(),
    place: text("place").notNull(),
    /** The officials who took part (单位领导、承办人员、相关部门), as written. */
    officials: text("officials").notNull(),
    /** 会议纪要 */
    minutes: text("minutes").notNull(),
    createdBy: integer("created_by")
      .notNull()
      .references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [index("meetings_unit_idx").on(t.unitId, t.heldOn)],
);

/** The members (委员/代表) who took part in a meeting. */
export const meetingMembers = sqliteTable(
  "meeting_members",
  {
    meetingId: integer("meeting_id")
      .notNull()
      .references(() => meetings.id, { onDelete: "cascade" }),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id),
  },
  (t) => [primaryKey({ columns: [t.meetingId, t.userId] })],
);

export type Meeting = typeof meetings.$inferSelect;
