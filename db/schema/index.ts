/**
 * The tables of the engine this process runs on (db/engine.ts, docs/decisions/011): the SQLite
 * declarations (db/schema/sqlite.ts) or their PostgreSQL mirror (db/schema-pg), under the SQLite
 * declarations' types, so that one set of queries serves both. tests/unit/schema-parity.test.ts keeps
 * the mirror in step and checks that every table is exported here.
 */
import * as pg from "../schema-pg";
import { databaseEngine } from "../engine";
import * as sqlite from "./sqlite";

export type * from "./sqlite";

const tables = (databaseEngine() === "postgresql" ? pg : sqlite) as unknown as typeof sqlite;

export const {
  units,
  sections,
  users,
  sessions,
  categories,
  settings,
  proposals,
  proposalSigners,
  attachments,
  proposalLinks,
  proposalStatistics,
  statisticsVersions,
  statisticsUnitVersions,
  uploads,
  assignments,
  adjustmentRequests,
  extensionRequests,
  coOpinions,
  contactRecords,
  meetings,
  meetingMembers,
  meetingPhotos,
  progressReports,
  replyDrafts,
  signOffs,
  leaderReviews,
  replies,
  publications,
  publicSiteVersion,
  pendingPublications,
  owedReceipts,
  receipts,
  receiptTokens,
  replyFiles,
  events,
  notifications,
  emailOutbox,
  signInFailures,
  signInUnknownNames,
  revokedSessions,
  publicPages,
  publicPageQueue,
  publicListPages,
  unitCertificates,
  signedLetters,
  similarRankings,
  similarRankingQueue,
} = tables;
