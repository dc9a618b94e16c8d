/**
 * Intake by the coordinator: 登记提案 with names typed in and files attached, and 导入交办清单, which
 * registers and assigns every row of a sheet. Names are resolved to ids here, unknown proposers become
 * member accounts without a password, and everything one request writes commits or rolls back together.
 */
import { and, eq } from "drizzle-orm";
import { randomBytes } from "node:crypto";
import { receivedOnProblem, parseDate } from "@/lib/import/dates";
import type { RowError } from "@/lib/import/columns";
import { memberDirectory, newMemberNames, resolvePerson, type PersonRef } from "@/lib/import/people";
import type { RegistrationInput } from "@/lib/import/forms";
import { parseAssignmentList, type ImportReference } from "@/lib/import/rows";
import type { WorkflowActor } from "@/lib/workflow/commands";
import type { Db } from "../client";
import { attachments, categories, proposals, sessions, units, users } from "../schema";
import { logEvent } from "../queries/events";
import { insertProposal } from "./register";
import { runCommand, type Tx } from "./run";
import { filePlacement } from "./stored-files";
import { heldUploads, consumeUploads } from "./uploads";
import { todayInChina } from "../clock";

type Reader = Pick<Db, "select">;

async function members(db: Reader) {
  return db.select({ id: users.id, displayName: users.displayName }).from(users).where(eq(users.role, "member")).all();
}

/** Members' display names, for the name fields' suggestions. */
export async function memberNames(db: Reader): Promise<string[]> {
  return [...new Set((await members(db)).map((m) => m.displayName))].sort((a, b) => a.localeCompare(b, "zh-CN"));
}

/** Member accounts for names not known yet: no password, so nobody can sign in with them until an administrator sets one. */
async function createMembers(tx: Tx, names: readonly string[]): Promise<Map<string, number>> {
  const ids = new Map<string, number>();
  for (const displayName of names) {
    const username = `member-${randomBytes(5).toString("hex")}`;
    ids.set(
      displayName,
      (await tx.insert(users).values({ username, displayName, role: "member", passwordHash: null }).returning({ id: users.id }).get()).id,
    );
  }
  return ids;
}

const personId = (created: ReadonlyMap<string, number>) => (p: PersonRef) => (p.kind === "existing" ? p.id : created.get(p.name)!);

async function activeSession(db: Reader, sessionId: number) {
  const session = await db.select().from(sessions).where(eq(sessions.id, sessionId)).get();
  return session?.active ? session : null;
}

// ---------------------------------------------------------------------------------------------
// 登记提案

export type IntakeResult = { ok: true; id: number } | { ok: false; error: string; fieldErrors: Record<string, string> };

const refused = (fieldErrors: Record<string, string>, error = "提交的内容有误，请按提示修改后重试。"): IntakeResult => ({
  ok: false,
  error,
  fieldErrors,
});

/**
 * Registers one proposal from the form: checks the session, number, category and names, creates the
 * members the coordinator confirmed, inserts the proposal with its signers, and moves the files the
 * coordinator uploaded (`uploadIds`: their references, checked to be theirs and unused) from the
 * incoming folder to the attachments folder (stored-files.ts). A failure puts the files back, still usable.
 */
export async function registerIntake(
  db: Db,
  actorId: number,
  input: RegistrationInput,
  uploadIds: readonly string[],
  today = todayInChina(),
): Promise<IntakeResult> {
  const dateProblem = receivedOnProblem(input.receivedOn, today);
  if (dateProblem) return refused({ receivedOn: dateProblem });
  const placement = filePlacement();
  try {
    return await db.transaction(
      async (tx): Promise<IntakeResult> => {
        if (!(await activeSession(tx, input.sessionId))) return refused({ sessionId: "请选择启用中的届次会议" });
        const files = await heldUploads(tx, actorId, "attachment", uploadIds);
        if (!files.ok) return refused({ attachments: files.message }, files.message);
        const taken = await tx
          .select({ id: proposals.id })
          .from(proposals)
          .where(and(eq(proposals.sessionId, input.sessionId), eq(proposals.number, input.number)))
          .get();
        if (taken) return refused({ number: `本届次会议已有第${input.number}号提案` });
        if (input.categoryId !== null) {
          const category = await tx.select().from(categories).where(eq(categories.id, input.categoryId)).get();
          if (!category?.active) return refused({ categoryId: "请选择启用中的主题分类" });
        }

        const directory = memberDirectory(await members(tx));
        const fieldErrors: Record<string, string> = {};
        const resolve = (field: "proposer" | "coSigners" | "seconders", role: string, names: readonly string[]) =>
          names.flatMap((name) => {
            const found = resolvePerson(name, directory, role);
            if (found.ok) return [found.person];
            fieldErrors[field] ??= found.message;
            return [];
          });
        const [proposer] = resolve("proposer", "提案人", [input.proposer]);
        const coSigners = resolve("coSigners", "联名人", input.coSigners);
        const seconders = resolve("seconders", "附议人", input.seconders);
        if (Object.keys(fieldErrors).length > 0) return refused(fieldErrors);

        const newNames = newMemberNames([proposer!, ...coSigners, ...seconders]);
        if (newNames.length > 0 && !input.createMembers) {
          const unknown = (people: readonly PersonRef[]) =>
            people
              .filter((p) => p.kind === "new")
              .map((p) => `“${p.name}”`)
              .join("、");
          for (const [field, people] of [
            ["proposer", [proposer!]],
            ["coSigners", coSigners],
            ["seconders", seconders],
          ] as const) {
            if (unknown(people)) fieldErrors[field] = `${unknown(people)}不是已登记的委员/代表`;
          }
          return refused(
            fieldErrors,
            `${newNames.join("、")} 不是已登记的委员/代表。请核对姓名；确为新委员/代表的，勾选“为未登记的姓名新建委员/代表账户”后再提交。`,
          );
        }
        const idOf = personId(await createMembers(tx, newNames));
        const id = await insertProposal(tx, actorId, {
          sessionId: input.sessionId,
          number: input.number,
          title: input.title,
          body: input.body,
          categoryId: input.categoryId,
          receivedOn: parseDate(input.receivedOn)!,
          proposerId: idOf(proposer!),
          coSignerIds: coSigners.map(idOf),
          seconderIds: seconders.map(idOf),
          isKey: input.isKey,
          isUrgent: input.isUrgent,
          wantsMeeting: input.wantsMeeting,
        });

        if (!(await consumeUploads(tx, uploadIds))) throw new Error("an upload was used by another request meanwhile");
        for (const file of files.uploads) {
          const storagePath = placement.place(id, file);
          await tx
            .insert(attachments)
            .values({
              proposalId: id,
              fileName: file.fileName,
              mimeType: file.mimeType,
              size: file.size,
              storagePath,
              sha256: file.sha256,
              uploadedBy: actorId,
            })
            .run();
        }
        return { ok: true, id };
      },
      { behavior: "immediate" },
    );
  } catch (error) {
    // The transaction rolled back, the uploads' rows with it: their files go back to be used again.
    placement.undo();
    throw error;
  }
}

// ---------------------------------------------------------------------------------------------
// 导入交办清单

export type ImportedProposal = { id: number; number: number; title: string };

export type ImportResult = { ok: true; proposals: ImportedProposal[]; newMembers: string[] } | { ok: false; errors: RowError[] };

/** What the rows of one session's list are checked against. */
export async function loadImportReference(db: Reader, sessionId: number, today: string): Promise<ImportReference> {
  return {
    units: await db.select({ id: units.id, name: units.name, shortName: units.shortName, active: units.active }).from(units).all(),
    categories: await db.select({ id: categories.id, name: categories.name, active: categories.active }).from(categories).all(),
    members: await members(db),
    takenNumbers: new Set(
      (await db.select({ number: proposals.number }).from(proposals).where(eq(proposals.sessionId, sessionId)).all()).map((r) => r.number),
    ),
    today,
  };
}

/** The workflow refused to assign one row's proposal; the whole import is rolled back. */
class RowRefused extends Error {
  constructor(
    readonly row: number,
    readonly reason: string,
  ) {
    super(reason);
  }
}

/**
 * Imports an assignment list into a session: every row is checked first and, if any is wrong, nothing is
 * written. Otherwise one transaction creates the unknown members, registers each proposal and assigns it
 * through the workflow (each command a savepoint inside it), and logs the import.
 */
export async function importAssignmentList(
  db: Db,
  actor: WorkflowActor,
  input: { sessionId: number; fileName: string; rows: readonly (readonly string[])[]; uploadId?: string },
  today = todayInChina(),
): Promise<ImportResult> {
  try {
    return await db.transaction(
      async (tx): Promise<ImportResult> => {
        if (!(await activeSession(tx, input.sessionId)))
          return { ok: false, errors: [{ row: null, column: null, message: "请选择启用中的届次会议" }] };
        const parsed = parseAssignmentList(input.rows, await loadImportReference(tx, input.sessionId, today));
        if (!parsed.ok) return parsed;
        const idOf = personId(await createMembers(tx, parsed.newMembers));
        // runCommand on the transaction handle is a savepoint, so a later failure still rolls back
        // every proposal, assignment, event and notification of the import.
        const imported: ImportedProposal[] = [];
        for (const record of parsed.records) {
          const id = await insertProposal(
            tx,
            actor.id,
            {
              sessionId: input.sessionId,
              number: record.number,
              title: record.title,
              body: record.body,
              categoryId: record.categoryId,
              receivedOn: record.receivedOn,
              proposerId: idOf(record.proposer),
              coSignerIds: record.coSigners.map(idOf),
              seconderIds: [],
              isKey: false,
              isUrgent: false,
              wantsMeeting: false,
            },
            `导入交办清单“${input.fileName}”第 ${record.row} 行`,
          );
          const assigned = await runCommand(tx, {
            proposalId: id,
            actor,
            today,
            command: { type: "assign", leadUnitId: record.leadUnitId, coUnitIds: record.coUnitIds },
          });
          if (!assigned.ok) throw new RowRefused(record.row, assigned.reason);
          imported.push({ id, number: record.number, title: record.title });
        }
        // The file is used once: a second import of the same reference running meanwhile rolls back.
        if (input.uploadId && !(await consumeUploads(tx, [input.uploadId])))
          throw new Error("an upload was used by another request meanwhile");
        await logEvent(tx, {
          proposalId: null,
          actorId: actor.id,
          action: "import",
          comment: `导入交办清单“${input.fileName}”：${imported.length} 件，均已交办`,
          data: {
            sessionId: input.sessionId,
            fileName: input.fileName,
            proposalIds: imported.map((p) => p.id),
            newMembers: parsed.newMembers,
          },
        });
        return { ok: true, proposals: imported, newMembers: parsed.newMembers };
      },
      { behavior: "immediate" },
    );
  } catch (error) {
    if (error instanceof RowRefused)
      return { ok: false, errors: [{ row: error.row, column: null, message: `交办未能完成：${error.reason}` }] };
    throw error;
  }
}
