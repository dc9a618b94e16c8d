/**
 * An instance's background work, in a process of its own beside the web server: the mail outbox and digests
 * (server/mail-sender.ts) and the proposals' stored similar rankings (server/similar-store.ts, docs/decisions/020).
 * Started the same way by the production server (scripts/serve.ts, bundled as background-worker.mjs) and by
 * `npm run dev` (scripts/dev.ts, through tsx), so that what a user meets does not depend on how the server was
 * started. Apart from the web server so that ranking, which holds the event loop tens of milliseconds a step, and an
 * instance's start, which checks every stored ranking, never delay a request.
 */
import { closeDatabase, openConfiguredDatabase } from "@/db/client";
import { startMailSender } from "@/server/mail-sender";
import { startSimilarStore } from "@/server/similar-store";

const db = openConfiguredDatabase();
const mail = startMailSender(db);
const similar = startSimilarStore(() => db);

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    mail.stop();
    similar.stop();
    void closeDatabase(db).finally(() => process.exit(0));
  });
}
