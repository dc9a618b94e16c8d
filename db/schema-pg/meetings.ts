/** PostgreSQL mirror of db/schema/meetings.ts (what each table and column means is written there). */
import { bigint, index, integer, pgTable, primaryKey, text } from "drizzle-orm/pg-core";
import { MEETING_KINDS } from "@/lib/domain";
import { calendarDate, createdAt, id } from "./columns";
import { units, users } from "./org";

export const meetings = pgTable(
  "meetings",
  {
    id: id(),
    unitId: integer("unit_id")
      .notNull()
      .references(() => units.id),
    kind: text("kind", { enum: MEETING_KINDS }).notNull(),
    heldOn: calendarDate("held_on").notNull(),
    place: text("place").notNull(),
    officials: text("officials").notNull(),
    minutes: text("minutes").notNull(),
    createdBy: integer("created_by")
      .notNull()
      .references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [index("meetings_unit_idx").on(t.unitId, t.heldOn)],
);

export const meetingMembers = pgTable(
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

export const meetingPhotos = pgTable(
  "meeting_photos",
  {
    id: id(),
    meetingId: integer("meeting_id")
      .notNull()
      .references(() => meetings.id, { onDelete: "cascade" }),
    fileName: text("file_name").notNull(),
    mimeType: text("mime_type").notNull(),
    size: bigint("size", { mode: "number" }).notNull(),
    storagePath: text("storage_path").notNull(),
    sha256: text("sha256").notNull(),
    uploadedBy: integer("uploaded_by")
      .notNull()
      .references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [index("meeting_photos_meeting_idx").on(t.meetingId)],
);
