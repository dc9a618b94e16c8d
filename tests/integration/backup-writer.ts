/**
 * A second connection for the backup test: keeps writing while the backup runs. Each transaction
 * inserts a pair of notifications (`wal-N-a`, then `wal-N-b` a millisecond later), so a torn copy would
 * show half a pair. Checkpoints are off: the committed rows stay in the -wal file, where the backup must find them.
 */
import Database from "better-sqlite3";
import { parentPort, workerData } from "node:worker_threads";

const { file, userId, control } = workerData as { file: string; userId: number; control: SharedArrayBuffer };
/** [0] stop when 1, [1] transactions committed so far, [2] never set (only waited on). */
const flags = new Int32Array(control);
const db = new Database(file);
db.pragma("journal_mode = WAL");
db.pragma("busy_timeout = 5000");
db.pragma("wal_autocheckpoint = 0");
const insert = db.prepare("insert into notifications (user_id, kind, message, created_at) values (?, 'backup-test', ?, ?)");
let n = 0;
while (Atomics.load(flags, 0) === 0 && n < 200_000) {
  db.exec("BEGIN IMMEDIATE");
  insert.run(userId, `wal-${n}-a`, Date.now());
  Atomics.wait(flags, 2, 0, 1); // the transaction stays open, half written, for a moment
  insert.run(userId, `wal-${n}-b`, Date.now());
  db.exec("COMMIT");
  n++;
  Atomics.store(flags, 1, n);
}
db.close();
parentPort!.postMessage(n);
