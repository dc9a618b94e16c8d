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

/**
 * A meeting's photos (JPEG, PNG or WebP, checked by the upload route), kept as a reply's files are: the
 * file in the attachments folder under `meetings/<meeting id>/`, never under public/.
 */
export const meetingPhotos = sqliteTable(
  "meeting_photos",
  {
    id: id(),
    meetingId: integer("meeting_id")
      .notNull()
      .references(() => meetings.id, { onDelete: "cascade" }),
    fileName: text("file_name").notNull(),
    mimeType: text("mime_type").notNull(),
    size: integer("size").notNull(),
    /** Path relative to the attachments directory; never under public/. */
    storagePath: text("storage_path").notNull(),
    sha256: text("sha256").notNull(),
    uploadedBy: integer("uploaded_by")
      .notNull()
      .references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [index("meeting_photos_meeting_idx").on(t.meetingId)],
);

export type Meeting = typeof meetings.$inferSelect;
export type MeetingPhoto = typeof meetingPhotos.$inferSelect;
