/** A second process-like actor for the concurrency test: its own connection, approving a list of proposals. */
import { parentPort, workerData } from "node:worker_threads";
import { closeDatabase } from "@/db/client";
import { approveReply, type Signer } from "@/db/handling/sign-off";
import { inOrder } from "./in-order";
import { openAt } from "./open-at";

const { location, signer, proposalIds, go } = workerData as {
  location: string;
  signer: Signer;
  proposalIds: number[];
  go: SharedArrayBuffer;
};
const db = openAt(location);
// Both workers start at the same moment.
Atomics.wait(new Int32Array(go), 0, 0);
const results = await inOrder(proposalIds, async (id) => approveReply(db, signer, id, null));
void closeDatabase(db);
parentPort!.postMessage(results);
