import { blob, integer, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { instant } from "./columns";
import { publications } from "./replies";

/**
 * A stored page's HTML, gzip-compressed once when it is stored: answered as it is to a client that takes gzip (every
 * browser), unpacked for one that does not. Compressing it for each visitor cost about as much as the rest of the
 * answer (server/public-pages.ts).
 */
const pageHtmlGzip = () => blob("html_gzip", { mode: "buffer" }).notNull();

/**
 * A published reply's public page as the site serves it to a visitor with the default display preferences
 * (issue 22, docs/decisions/014): rendered once after publication by whichever instance takes it from
 * public_page_queue, read by every instance. The publications' triggers delete a page as its publication changes
 * (withdrawal, republication) and queue it again, in the same transaction; a page is only served for the build and
 * the configured origin it was rendered for.
 */
export const publicPages = sqliteTable("public_pages", {
  publicationId: integer("publication_id")
    .primaryKey()
    .references(() => publications.id, { onDelete: "cascade" }),
  /** The build whose assets the page links (.next/BUILD_ID). */
  buildId: text("build_id").notNull(),
  /** The origin its absolute links and QR code name (PUBLIC_ORIGIN / AUTH_URL). */
  origin: text("origin").notNull(),
  htmlGzip: pageHtmlGzip(),
  etag: text("etag").notNull(),
  renderedAt: instant("rendered_at").notNull(),
});

/** Publications whose page is to be rendered (again): filled by triggers and by the instances, emptied by them. */
export const publicPageQueue = sqliteTable("public_page_queue", {
  publicationId: integer("publication_id")
    .primaryKey()
    .references(() => publications.id, { onDelete: "cascade" }),
});

/**
 * A page of the public catalogue (/open, /open?page=N) as the site serves it to a visitor with the default display
 * preferences (docs/decisions/019): rendered by an instance for the public site's version of that moment, and served
 * only while that version holds (any change a public page shows moves it), for its build and configured origin.
 */
export const publicListPages = sqliteTable("public_list_pages", {
  /** The catalogue's page number, from 1. */
  page: integer("page").primaryKey(),
  /** public_site_version.version when it was rendered. */
  siteVersion: integer("site_version").notNull(),
  buildId: text("build_id").notNull(),
  origin: text("origin").notNull(),
  htmlGzip: pageHtmlGzip(),
  etag: text("etag").notNull(),
  renderedAt: instant("rendered_at").notNull(),
});
