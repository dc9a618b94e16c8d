/**
 * One more user at the same moment, for the idempotence tests: its own connection to the database,
 * waiting at the start line, then one command (as a double click or a second tab sends it).
 */
import { parentPort, workerData } from "node:worker_threads";
import { closeDatabase, type Db } from "@/db/client";
import { saveDraft, submitForSignOff, type DraftInput } from "@/db/handling/drafting";
import { decideReplyPublication } from "@/db/handling/publication";
import { submitReceipt } from "@/db/handling/receipt";
import { consumeReceiptToken } from "@/db/handling/receipt-tokens";
import { approveReply, type Signer } from "@/db/handling/sign-off";
import type { ReceiptAnswers } from "@/lib/validation/receipt";
import type { WorkflowActor } from "@/lib/workflow/commands";
import { openAt } from "./open-at";

export type WorkerCommand =
  | { type: "approve"; signer: Signer; proposalId: number; version: number }
  | { type: "submit"; actor: WorkflowActor; proposalId: number; version: number }
  | { type: "saveDraft"; actor: WorkflowActor; proposalId: number; input: DraftInput; basedOn: number | null }
  | { type: "receipt"; actor: WorkflowActor; proposalId: number; answers: ReceiptAnswers }
  | { type: "receiptLink"; token: string; answers: Omit<ReceiptAnswers, "replyId"> }
  | { type: "publish"; actor: WorkflowActor; proposalId: number };

async function run(db: Db, c: WorkerCommand): Promise<unknown> {
  switch (c.type) {
    case "approve":
      return approveReply(db, c.signer, c.proposalId, null, c.version);
    case "submit":
      return submitForSignOff(db, c.actor, c.proposalId, c.version);
    case "saveDraft":
      return saveDraft(db, c.actor, c.proposalId, c.input, { basedOn: c.basedOn });
    case "receipt":
      return submitReceipt(db, c.actor, c.proposalId, c.answers);
    case "receiptLink":
      return consumeReceiptToken(db, c.token, c.answers);
    case "publish":
      return decideReplyPublication(db, c.actor, c.proposalId, { type: "publish" });
  }
}

const { location, command, go, env } = workerData as {
  location: string;
  command: WorkerCommand;
  go: SharedArrayBuffer;
  env: Record<string, string>;
};
Object.assign(process.env, env);
const db = openAt(location);
parentPort!.postMessage({ ready: true });
Atomics.wait(new Int32Array(go), 0, 0);
let result: unknown;
try {
  result = await run(db, command);
} catch (error) {
  result = { threw: String(error) };
}
void closeDatabase(db);
parentPort!.postMessage({ result });
