/**
 * Where the 起草答复函 editor starts, and the letter it previews before anything is saved: a second
 * round starts from the first round's signed reply, and the preview composed from the form's fields is
 * the letter the server renders once they are saved.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { draftingOf } from "@/app/(staff)/proposals/[id]/drafting";
import { loadFacts } from "@/db/handling/facts";
import { saveDraft } from "@/db/handling/drafting";
import { draftLetterFrame, letterForDraft } from "@/db/queries/letter";
import { proposals } from "@/db/schema";
import { composeLetter } from "@/lib/letter";
import { isoDateInChina } from "@/lib/format";
import { eq, sql } from "drizzle-orm";
import { acceptAssignment } from "@/db/handling/assignment";
import type { WorkflowActor } from "@/lib/workflow/commands";
import { demoDatabase, ok, SAMPLE_DRAFT } from "./demo-db";

let t: Awaited<ReturnType<typeof demoDatabase>>;
beforeAll(async () => {
  t = await demoDatabase();
});
afterAll(() => t.cleanup());

const byTitle = async (title: string) =>
  (await t.db.select({ id: proposals.id }).from(proposals).where(eq(proposals.title, title)).get())!.id;

describe("the reply editor", () => {
  it("starts the second round from the first round's signed reply", async () => {
    const id = await byTitle("关于完善科学城公共交通接驳体系的建议");
    const facts = (await loadFacts(t.db, id))!;
    expect(facts).toMatchObject({ status: "rehandling", round: 2, draftsThisRound: 0 });
    const drafting = await draftingOf(t.db, id, facts);
    const signed = drafting.drafts.find((d) => d.draft.round === 1 && d.decision === "approve")!;
    expect(drafting.latest).toBeNull();
    expect(drafting.start).toMatchObject({
      basedOn: null,
      from: { round: 1, docNumber: signed.docNumber },
      fields: {
        body: signed.draft.body,
        resultClass: signed.draft.resultClass,
        contactPerson: signed.draft.contactPerson,
        disclosure: signed.draft.disclosure,
      },
    });
    expect(signed.draft.body.length).toBeGreaterThan(100);
  });

  it("continues the round's latest draft, and starts empty before the first", async () => {
    const drafted = await byTitle("关于缓解学校医院周边停车难的建议");
    const facts = (await loadFacts(t.db, drafted))!;
    const drafting = await draftingOf(t.db, drafted, facts);
    expect(drafting.start).toMatchObject({
      basedOn: { id: drafting.latest!.draft.id, version: drafting.latest!.draft.version },
      from: null,
      fields: { body: drafting.latest!.draft.body },
    });
    const fresh = await byTitle("关于加强中小学生心理健康服务的建议");
    expect((await draftingOf(t.db, fresh, (await loadFacts(t.db, fresh))!)).start).toEqual({ basedOn: null, from: null, fields: null });
  });

  it("previews, from the fields alone, the letter the server renders once they are saved", async () => {
    const id = await byTitle("关于加强中小学生心理健康服务的建议");
    const frame = (await draftLetterFrame(t.db, id))!;
    expect(frame.writtenOn).toBe(isoDateInChina(new Date()));
    const fields = { ...SAMPLE_DRAFT, body: "一、工作开展情况\n\n已在全区中小学配齐心理健康教师。", resultClass: "A" as const };
    const preview = composeLetter({ ...frame, ...fields });
    const lead = (await loadFacts(t.db, id))!.assignments.find((a) => a.role === "lead")!;
    const handler = (await t.db.get<WorkflowActor>(
      sql`select id, role, unit_id as "unitId" from users where role = 'handler' and unit_id = ${lead.unitId} order by id`,
    ))!;
    ok(await acceptAssignment(t.db, handler, id, lead.unitId));
    ok(await saveDraft(t.db, handler, id, fields));
    const draftId = (await t.db.get<{ id: number }>(sql`select max(id) as id from reply_drafts where proposal_id = ${id}`))!.id;
    expect(preview).toEqual(await letterForDraft(t.db, draftId));
  });
});
