/**
 * Seeds the demo in a worker of its own, on the database at `location`: the engine's tables are chosen
 * when db/schema loads (DATABASE_URL), so seeding PostgreSQL from a SQLite process needs its own modules.
 */
import { parentPort, workerData } from "node:worker_threads";
import { closeDatabase } from "@/db/client";
import { seedDemo } from "@/db/demo";
import { openAt } from "./open-at";

const { location, today } = workerData as { location: string; today: string };
const db = openAt(location);
try {
  await seedDemo(db, { today });
  parentPort!.postMessage({ ok: true });
} catch (error) {
  parentPort!.postMessage({ ok: false, error: String((error as Error).stack ?? error) });
} finally {
  await closeDatabase(db);
}
