import { integer, pgTable, text } from "drizzle-orm/pg-core";
import { bytes, instant } from "./columns";
import { publications } from "./replies";

export const publicPages = pgTable("public_pages", {
  publicationId: integer("publication_id")
    .primaryKey()
    .references(() => publications.id, { onDelete: "cascade" }),
  buildId: text("build_id").notNull(),
  origin: text("origin").notNull(),
  htmlGzip: bytes("html_gzip").notNull(),
  etag: text("etag").notNull(),
  renderedAt: instant("rendered_at").notNull(),
});

export const publicPageQueue = pgTable("public_page_queue", {
  publicationId: integer("publication_id")
    .primaryKey()
    .references(() => publications.id, { onDelete: "cascade" }),
});

export const publicListPages = pgTable("public_list_pages", {
  page: integer("page").primaryKey(),
  siteVersion: integer("site_version").notNull(),
  buildId: text("build_id").notNull(),
  origin: text("origin").notNull(),
  htmlGzip: bytes("html_gzip").notNull(),
  etag: text("etag").notNull(),
  renderedAt: instant("rendered_at").notNull(),
});
