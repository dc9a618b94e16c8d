import { integer, text } from "drizzle-orm/sqlite-core";
import { now } from "../clock";

/** An instant, stored as epoch milliseconds. */
export const instant = (name: string) => integer(name, { mode: "timestamp_ms" });

/** Creation time, filled in by the application when a row is inserted. */
export const createdAt = () => instant("created_at").notNull().$defaultFn(now);

/** A calendar date (no time of day), stored as ISO `YYYY-MM-DD` text so it sorts and compares. */
export const calendarDate = (name: string) => text(name);

export const id = () => integer("id").primaryKey({ autoIncrement: true });
