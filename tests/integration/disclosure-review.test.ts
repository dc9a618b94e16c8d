/**
 * 公开审查 on a real database (both engines): 提交审签 and 发布 of a reply with planted personal
 * information are refused with the findings listed, and go ahead with a reason, which the event log keeps.
 */
import { sql } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { saveDraft, submitForSignOff } from "@/db/handling/drafting";
import { decideReplyPublication } from "@/db/handling/publication";
import { approveReply } from "@/db/handling/sign-off";
import { demoDatabase, handleProposal, ok, SAMPLE_DRAFT } from "./demo-db";

let t: Awaited<ReturnType<typeof demoDatabase>>;
beforeEach(async () => {
  t = await demoDatabase();
});
afterEach(() => t.cleanup());

const ID = "440304198507151239";
const MOBILE = "13812345678";
const PLANTED = `经核实，市民张晓梅（身份证号${ID}，手机${MOBILE}）反映的问题已解决。刘新荣委员对此表示认可，蒋明杰负责后续跟踪。`;

/** Proposal 901 of 刘新荣, handled by 科技创新局; the contact names a private person; the saved draft is `body`. */
async function drafted(body: string, disclosure: "full" | "none" = "full", number = 901) {
  const id = ok(await t.register(number)).id;
  await handleProposal(t.db, t, id, await t.unit("重庆高新区科技创新局"), {
    until: "drafted",
    participants: "蒋明杰与刘新荣委员、市民张晓梅",
  });
  ok(
    await saveDraft(t.db, await t.user("jiangmj"), id, {
      ...SAMPLE_DRAFT,
      body,
      disclosure,
      disclosureReason: disclosure === "none" ? "涉及个人隐私" : null,
    }),
  );
  return id;
}

const events = (id: number) =>
  t.db.all<{ action: string; comment: string | null; data: unknown }>(
    sql`select action, comment, data from events where proposal_id = ${id} and action in ('submit', 'publish', 'disclosure_confirmed') order by id`,
  );
const statusOf = async (id: number) => (await t.db.get<{ status: string }>(sql`select status from proposals where id = ${id}`))!.status;
const dataOf = (data: unknown) => (typeof data === "string" ? JSON.parse(data) : data) as { stage: string; findings: unknown[] };

describe("提交审签 with 公开审查", () => {
  it("is refused without a confirmation, listing the findings, and changes nothing", async () => {
    const id = await drafted(PLANTED);
    const result = await submitForSignOff(t.db, await t.user("jiangmj"), id);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.reason).toContain(`身份证号 ${ID}（正文）`);
    expect(result.reason).toContain(`手机号码 ${MOBILE}（正文）`);
    expect(result.reason).toContain("个人姓名 张晓梅（正文）");
    // The member and the official named in the text are no findings.
    expect(result.findings?.map((f) => [f.kind, f.text])).toEqual([
      ["private_name", "张晓梅"],
      ["id_number", ID],
      ["mobile", MOBILE],
    ]);
    expect(await statusOf(id)).toBe("handling");
    expect(await events(id)).toEqual([]);
  });

  it("goes ahead with a reason, logged with masked values", async () => {
    const id = await drafted(PLANTED);
    const handler = await t.user("jiangmj");
    expect((await submitForSignOff(t.db, handler, id, undefined, { confirmation: "  " })).ok).toBe(false);
    ok(await submitForSignOff(t.db, handler, id, undefined, { confirmation: "当事人书面同意公开" }));
    expect(await statusOf(id)).toBe("in_review");
    const log = await events(id);
    expect(log.map((e) => [e.action, e.comment])).toEqual([
      ["submit", null],
      ["disclosure_confirmed", "当事人书面同意公开"],
    ]);
    const data = dataOf(log[1]!.data);
    expect(data.stage).toBe("submit");
    expect(data.findings).toEqual([
      { kind: "private_name", field: "body", value: "张**" },
      { kind: "id_number", field: "body", value: "440***********1239" },
      { kind: "mobile", field: "body", value: "138****5678" },
    ]);
  });

  it("checks nothing in a draft that is not to be made public, nor members' and officials' names", async () => {
    const withheld = await drafted(PLANTED, "none");
    ok(await submitForSignOff(t.db, await t.user("jiangmj"), withheld));
    const clean = await drafted("经与刘新荣委员沟通，蒋明杰已落实。联系电话：023—68511253。", "full", 902);
    ok(await submitForSignOff(t.db, await t.user("jiangmj"), clean));
    expect((await events(clean)).map((e) => e.action)).toEqual(["submit"]);
  });
});

describe("发布 with 公开审查", () => {
  it("is refused without a confirmation and publishes with one, logging it", async () => {
    const id = await drafted(PLANTED);
    ok(await submitForSignOff(t.db, await t.user("jiangmj"), id, undefined, { confirmation: "当事人书面同意公开" }));
    ok(await approveReply(t.db, await t.user("dengmj"), id, null));
    const coordinator = await t.user("coordinator");

    const refused = await decideReplyPublication(t.db, coordinator, id, { type: "publish" });
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.reason).toMatch(/^公开审查发现 3 处可能的个人信息：个人姓名 张晓梅（正文）；身份证号 /);
    expect(
      await t.db.all(sql`select id from publications p where p.reply_id in (select id from replies where proposal_id = ${id})`),
    ).toEqual([]);

    ok(await decideReplyPublication(t.db, coordinator, id, { type: "publish", confirmation: "经复核，当事人同意公开" }));
    const log = await events(id);
    expect(log.map((e) => [e.action, e.comment])).toEqual([
      ["submit", null],
      ["disclosure_confirmed", "当事人书面同意公开"],
      ["publish", null],
      ["disclosure_confirmed", "经复核，当事人同意公开"],
    ]);
    expect(dataOf(log[3]!.data).stage).toBe("publish");
  });
});
