import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { dueDate } from "@/lib/deadlines";
import { PACKAGE_CALENDAR } from "@/lib/holiday-calendar";
import { PROPOSAL_STATES } from "@/lib/domain";
import type { Command, Decision, WorkflowActor } from "@/lib/workflow/commands";
import { decide, missingCoOpinions, refusalOf, submitBlockers } from "@/lib/workflow/decide";
import { effectiveDue, leadAssignment, liveAssignments, type ProposalFacts } from "@/lib/workflow/facts";
import { ACTORS, assignment, CO, COSIGNER, CTX, facts, LEAD, OTHER, PROPOSER, RELATED, SECTIONS, STAFF, SUBMIT } from "./workflow-fixtures";

function run(start: ProposalFacts, steps: [WorkflowActor, Command][]): ProposalFacts {
  let current = start;
  for (const [actor, command] of steps) {
    const d = decide(current, actor, command, CTX);
    if (!d.ok) throw new Error(`${command.type} refused: ${d.reason}`);
    current = d.facts;
  }
  return current;
}

const refused = (d: Decision) => (d.ok ? "allowed" : d.reason);
const A = ACTORS;
const satisfied = {
  contactReport: "visited",
  attitude: "satisfied",
  result: "satisfied",
  opinion: null,
  onPaper: false,
  round: 1,
} as const;

describe("the whole way", () => {
  it("takes a proposal from registration to closed, with events and deadlines", () => {
    let f = facts("registered", { assignments: [] });
    const assigned = decide(f, A.coordinator, { type: "assign", leadUnitId: LEAD, coUnitIds: [CO] }, CTX);
    expect(assigned.ok && assigned.facts.status).toBe("assigned");
    f = (assigned as Extract<Decision, { ok: true }>).facts;
    expect(leadAssignment(f)).toMatchObject({
      status: "pending",
      acceptDue: dueDate(PACKAGE_CALENDAR, CTX.today, CTX.rules.accept),
      due: dueDate(PACKAGE_CALENDAR, CTX.today, CTX.rules.reply),
    });
    expect(f.assignments.find((a) => a.role === "co")?.due).toBe(dueDate(PACKAGE_CALENDAR, CTX.today, CTX.rules.coOpinion));
    f = run(f, [
      [A.leadHandler, { type: "accept", unitId: LEAD }],
      [A.coHandler, { type: "accept", unitId: CO }],
      [A.coHandler, { type: "save_co_opinion", unitId: CO }],
      [A.coHandler, { type: "submit_co_opinion", unitId: CO }],
      [A.coDirector, { type: "approve_co_opinion", unitId: CO }],
      [A.leadHandler, { type: "add_contact" }],
      [A.leadHandler, { type: "save_draft" }],
      [A.leadHandler, SUBMIT],
    ]);
    expect(f.status).toBe("in_review");
    const approved = decide(f, A.leadDirector, { type: "approve" }, CTX);
    expect(approved.ok).toBe(true);
    if (!approved.ok) return;
    expect(approved.facts.status).toBe("replied");
    expect(approved.facts.reply).toEqual({
      round: 1,
      writtenOn: CTX.today,
      receiptDue: dueDate(PACKAGE_CALENDAR, CTX.today, CTX.rules.receipt),
    });
    expect(approved.events).toEqual([{ action: "approve", fromState: "in_review", toState: "replied" }]);
    expect(approved.notify.some((n) => n.to === "users" && n.userIds.includes(PROPOSER))).toBe(true);
    f = run(approved.facts, [[A.proposer, { type: "receipt", memberId: PROPOSER, ...satisfied }]]);
    expect(f.status).toBe("replied"); // the co-signer has not answered yet
    const cosigner = { id: COSIGNER, role: "member", unitId: null } as const;
    f = run(f, [[cosigner, { type: "receipt", memberId: COSIGNER, ...satisfied, result: "basically" }]]);
    expect(f.status).toBe("closed");
  });
});

describe("submitting for sign-off", () => {
  const ready = () => ({
    ...facts("handling", { assignments: [assignment(LEAD, "lead"), assignment(CO, "co", { status: "done", opinion: "sent" })] }),
    draftsThisRound: 1,
    contactsThisRound: 1,
  });
  it("needs every co-handling opinion, or the coordinator's waiver", () => {
    const f = { ...ready(), assignments: [assignment(LEAD, "lead"), assignment(CO, "co", { opinion: "submitted" })] };
    expect(refused(decide(f, A.leadHandler, SUBMIT, CTX))).toBe("还有 1 个协办单位的意见未送达");
    expect(missingCoOpinions(f)).toHaveLength(1);
    const waived = run(f, [[A.coordinator, { type: "waive_co_opinion", unitId: CO, reason: "单位职能调整" }]]);
    expect(decide(waived, A.leadHandler, SUBMIT, CTX).ok).toBe(true);
  });
  it("needs a contact with the proposer, or an exemption", () => {
    const f = { ...ready(), contactsThisRound: 0 };
    expect(refused(decide(f, A.leadHandler, SUBMIT, CTX))).toBe("答复前须与提案人沟通：请先添加沟通记录");
    const waived = run(f, [[A.coordinator, { type: "waive_contact", reason: "提案人出国" }]]);
    expect(decide(waived, A.leadHandler, SUBMIT, CTX).ok).toBe(true);
  });
  it("needs a saved draft", () => {
    expect(refused(decide({ ...ready(), draftsThisRound: 0 }, A.leadHandler, SUBMIT, CTX))).toBe("请先保存答复函草稿");
  });
  it("refuses to submit twice and to edit a draft under review", () => {
    const f = run(ready(), [[A.leadHandler, SUBMIT]]);
    expect(refused(decide(f, A.leadHandler, SUBMIT, CTX))).toBe("答复函已提交审签");
    expect(refused(decide(f, A.leadHandler, { type: "save_draft" }, CTX))).toBe("答复函正在审签，不能修改");
  });
});

describe("what the handler is told before acting", () => {
  const ready = () => ({
    ...facts("handling", { assignments: [assignment(LEAD, "lead"), assignment(CO, "co", { status: "done", opinion: "sent" })] }),
    draftsThisRound: 1,
    contactsThisRound: 1,
  });
  const name = (unitId: number) => `单位${unitId}`;
  it("submitBlockers names each missing step", () => {
    expect(submitBlockers(ready(), name)).toEqual([]);
    const f = {
      ...ready(),
      draftsThisRound: 0,
      contactsThisRound: 0,
      assignments: [assignment(LEAD, "lead"), assignment(CO, "co", { opinion: "submitted" })],
    };
    expect(submitBlockers(f, name)).toEqual(["尚未保存答复函草稿", "单位2的协办意见尚未送达", "尚未与提案人沟通（请添加沟通记录）"]);
    expect(submitBlockers({ ...ready(), draftReturned: true }, name)).toEqual(["答复函已被退回，请修改并保存后再提交"]);
  });
  it("submitBlockers is empty exactly when the lead handler's 提交审签 would be carried out", () => {
    fc.assert(
      fc.property(
        fc.nat(2),
        fc.nat(2),
        fc.boolean(),
        fc.boolean(),
        fc.constantFrom("draft", "submitted", "returned", "sent", null),
        fc.boolean(),
        (drafts, contacts, returned, contactWaived, opinion, opinionWaived) => {
          const co = assignment(CO, "co", { status: opinion === "sent" ? "done" : "accepted", opinion, opinionWaived });
          const f = {
            ...ready(),
            draftsThisRound: drafts,
            contactsThisRound: contacts,
            draftReturned: returned,
            contactWaived,
            assignments: [assignment(LEAD, "lead"), co],
          };
          expect(submitBlockers(f, name).length === 0).toBe(decide(f, A.leadHandler, SUBMIT, CTX).ok);
        },
      ),
    );
  });
  it("refusalOf gives decide's reason, or null when the command would be carried out", () => {
    expect(refusalOf(ready(), A.leadHandler, { type: "save_draft" }, CTX)).toBeNull();
    expect(refusalOf(facts("in_review"), A.leadHandler, { type: "save_draft" }, CTX)).toBe("答复函正在审签，不能修改");
    expect(refusalOf(ready(), A.leadDirector, { type: "save_draft" }, CTX)).toBe("只有主办单位的承办人可以执行此操作");
    expect(refusalOf(ready(), A.coHandler, { type: "save_draft" }, CTX)).toBe("只有主办单位的承办人可以执行此操作");
    expect(
      refusalOf(
        facts("handling", { assignments: [assignment(LEAD, "lead", { status: "pending" })] }),
        A.leadHandler,
        { type: "save_draft" },
        CTX,
      ),
    ).toBe("请先签收再起草答复");
  });
});

describe("sign-off", () => {
  it("refuses to approve twice", () => {
    const f = run(facts("in_review"), [[A.leadDirector, { type: "approve" }]]);
    expect(refused(decide(f, A.leadDirector, { type: "approve" }, CTX))).toBe("此答复函已签发");
  });
  it("a return needs a comment and goes back to handling, or to rehandling in round two", () => {
    expect(refused(decide(facts("in_review"), A.leadDirector, { type: "return", comment: "  " }, CTX))).toBe("请填写退回修改意见");
    expect(run(facts("in_review"), [[A.leadDirector, { type: "return", comment: "补充数据" }]]).status).toBe("handling");
    expect(run(facts("in_review", { round: 2 }), [[A.leadDirector, { type: "return", comment: "补充数据" }]]).status).toBe("rehandling");
  });
  it("a returned draft must be revised before it is submitted again", () => {
    const ready = facts("in_review", {
      assignments: [assignment(LEAD, "lead"), assignment(CO, "co", { status: "done", opinion: "sent" })],
    });
    const f = run({ ...ready, draftsThisRound: 1, contactsThisRound: 1 }, [[A.leadDirector, { type: "return", comment: "补充数据" }]]);
    expect(refused(decide(f, A.leadHandler, SUBMIT, CTX))).toBe("答复函已被退回，请按审签意见修改并保存后再提交");
    const revised = run(f, [
      [A.leadHandler, { type: "save_draft" }],
      [A.leadHandler, SUBMIT],
    ]);
    expect(revised.status).toBe("in_review");
  });
  it("a director of another unit cannot sign", () => {
    expect(refused(decide(facts("in_review"), A.otherDirector, { type: "approve" }, CTX))).toBe("只有主办单位负责人可以审签");
    expect(refused(decide(facts("in_review"), A.coDirector, { type: "approve" }, CTX))).toBe("只有主办单位负责人可以审签");
  });
});

describe("the reply's files", () => {
  const replied = facts("replied", { reply: { round: 1, writtenOn: "2026-05-16", receiptDue: "2026-06-13" } });
  const sealed = (reason: string | null = null, round = 1) =>
    ({ type: "upload_sealed_scan", round, fileName: "盖章件.pdf", reason }) as const;

  it("答复附件: at most five per round, counted across additions, and none while in review", () => {
    const f = run(facts("handling"), [[A.leadHandler, { type: "attach_reply_files", fileNames: ["方案.pdf", "数据.docx", "现场1.jpg"] }]]);
    expect(f.replyFilesThisRound).toBe(3);
    expect(refused(decide(f, A.leadHandler, { type: "attach_reply_files", fileNames: ["a.pdf", "b.pdf", "c.pdf"] }, CTX))).toBe(
      "答复附件最多 5 个，还可添加 2 个",
    );
    expect(
      refused(decide({ ...f, replyFilesThisRound: 5 }, A.leadHandler, { type: "attach_reply_files", fileNames: ["a.pdf"] }, CTX)),
    ).toBe("答复附件最多 5 个，已满");
    expect(refused(decide(facts("in_review"), A.leadHandler, { type: "attach_reply_files", fileNames: ["a.pdf"] }, CTX))).toBe(
      "答复函正在审签，不能修改附件",
    );
    expect(refused(decide(facts("handling"), A.coHandler, { type: "attach_reply_files", fileNames: ["a.pdf"] }, CTX))).toBe(
      "只有主办单位的承办人可以执行此操作",
    );
  });

  it("盖章件: only after sign-off, by the lead unit; the first upload tells the proposers, a replacement takes a reason and is logged as such", () => {
    expect(refused(decide(facts("in_review"), A.leadHandler, sealed(), CTX))).toBe("答复函签发后才能上传盖章件扫描件");
    expect(refused(decide(replied, A.coHandler, sealed(), CTX))).toBe("只有主办单位可以上传盖章答复函扫描件");
    expect(refused(decide(replied, A.otherDirector, sealed(), CTX))).toBe("只有主办单位可以上传盖章答复函扫描件");
    const first = decide(replied, A.leadDirector, sealed(), CTX);
    expect(first.ok && first.events.map((e) => e.action)).toEqual(["sealed_scan_uploaded"]);
    expect(first.ok && first.notify).toEqual([{ to: "users", userIds: [PROPOSER, COSIGNER], message: expect.stringContaining("盖章") }]);
    const uploaded = (first as Extract<Decision, { ok: true }>).facts;
    expect(refused(decide(uploaded, A.leadHandler, sealed(" "), CTX))).toBe("请填写替换盖章件的原因");
    const replaced = decide(uploaded, A.leadHandler, sealed("原扫描件缺页"), CTX);
    expect(replaced.ok && replaced.events).toEqual([expect.objectContaining({ action: "sealed_scan_replaced", comment: "原扫描件缺页" })]);
    expect(replaced.ok && replaced.notify).toEqual([]);
  });

  it("the first round's letter may still be scanned while the proposal is handled again; a round without a signed reply may not", () => {
    const second = facts("rehandling", { round: 2, earlierReplies: [{ round: 1, answeredBy: [PROPOSER] }] });
    expect(refused(decide(second, A.leadHandler, sealed(null, 1), CTX))).toBe("allowed");
    expect(refused(decide(second, A.leadHandler, sealed(null, 2), CTX))).toBe("答复函签发后才能上传盖章件扫描件");
  });
});

describe("receipts", () => {
  const replied = () =>
    facts("replied", {
      reply: { round: 1, writtenOn: "2026-06-01", receiptDue: "2026-06-29" },
      assignments: [assignment(LEAD, "lead", { status: "done" })],
    });
  it("不满意 in the first round reopens it for a second round with its own deadline", () => {
    const d = decide(
      replied(),
      A.proposer,
      { type: "receipt", memberId: PROPOSER, ...satisfied, result: "unsatisfied", opinion: "未解决实际问题" },
      CTX,
    );
    expect(d.ok).toBe(true);
    if (!d.ok) return;
    expect(d.facts).toMatchObject({ status: "rehandling", round: 2, reply: null, contactsThisRound: 0, draftsThisRound: 0 });
    expect(leadAssignment(d.facts)).toMatchObject({
      status: "accepted",
      due: dueDate(PACKAGE_CALENDAR, CTX.today, CTX.rules.secondRound),
      extendedDue: null,
    });
    expect(d.events.map((e) => e.action)).toEqual(["receipt", "reopen"]);
  });
  it("不满意 needs the reasons", () => {
    expect(
      refused(decide(replied(), A.proposer, { type: "receipt", memberId: PROPOSER, ...satisfied, attitude: "unsatisfied" }, CTX)),
    ).toBe("请填写不满意的具体意见");
  });
  it("不满意 in the second round leaves it to the coordinator to close", () => {
    const f = { ...replied(), round: 2, reply: { round: 2, writtenOn: "2026-06-10", receiptDue: "2026-07-08" } };
    const after = run(f, [
      [A.proposer, { type: "receipt", memberId: PROPOSER, ...satisfied, round: 2, result: "unsatisfied", opinion: "仍不满意" }],
    ]);
    expect(after.status).toBe("replied");
    expect(run(after, [[A.coordinator, { type: "close", reason: "已两轮办理" }]]).status).toBe("closed");
  });
  it("is once per member and round, only from a proposer, and only for themself", () => {
    const once = run(replied(), [[A.proposer, { type: "receipt", memberId: PROPOSER, ...satisfied }]]);
    expect(refused(decide(once, A.proposer, { type: "receipt", memberId: PROPOSER, ...satisfied }, CTX))).toBe(
      "本轮答复的回执已提交，不能重复提交",
    );
    expect(refused(decide(replied(), A.otherMember, { type: "receipt", memberId: 200, ...satisfied }, CTX))).toBe(
      "只有提案人或联名人可以提交回执",
    );
    expect(refused(decide(replied(), A.proposer, { type: "receipt", memberId: COSIGNER, ...satisfied }, CTX))).toBe("只能提交本人的回执");
    expect(refused(decide(replied(), A.leadHandler, { type: "receipt", memberId: PROPOSER, ...satisfied }, CTX))).toBe(
      "只能提交本人的回执",
    );
  });
  it("one co-signer's 不满意 leaves the others' first-round receipts open, and they do not move the second round", () => {
    const cosigner = { id: COSIGNER, role: "member", unitId: null } as const;
    const reopened = run(replied(), [
      [A.proposer, { type: "receipt", memberId: PROPOSER, ...satisfied, result: "unsatisfied", opinion: "未解决" }],
    ]);
    expect(reopened).toMatchObject({ status: "rehandling", round: 2, earlierReplies: [{ round: 1, answeredBy: [PROPOSER] }] });
    const d = decide(
      reopened,
      cosigner,
      { type: "receipt", memberId: COSIGNER, ...satisfied, result: "unsatisfied", opinion: "同样不满意" },
      CTX,
    );
    expect(d.ok).toBe(true);
    if (!d.ok) return;
    expect(d.facts).toMatchObject({ status: "rehandling", round: 2, earlierReplies: [{ round: 1, answeredBy: [PROPOSER, COSIGNER] }] });
    expect(d.events).toMatchObject([{ action: "receipt", data: { memberId: COSIGNER, round: 1 } }]);
    expect(refused(decide(d.facts, cosigner, { type: "receipt", memberId: COSIGNER, ...satisfied }, CTX))).toBe(
      "本轮答复的回执已提交，不能重复提交",
    );
    expect(refused(decide(d.facts, cosigner, { type: "receipt", memberId: COSIGNER, ...satisfied, round: 2 }, CTX))).toBe(
      "此提案当前没有待反馈的答复",
    );
  });
  it("a closed proposal takes a receipt still owed and stays closed", () => {
    const closed = { ...replied(), status: "closed" as const, receiptsThisRound: [{ memberId: PROPOSER, result: "satisfied" as const }] };
    const cosigner = { id: COSIGNER, role: "member", unitId: null } as const;
    const after = run(closed, [
      [cosigner, { type: "receipt", memberId: COSIGNER, ...satisfied, result: "unsatisfied", opinion: "不满意" }],
    ]);
    expect(after).toMatchObject({ status: "closed", round: 1 });
  });
  it("the coordinator can record a paper receipt on a member's behalf", () => {
    const d = decide(replied(), A.coordinator, { type: "receipt", memberId: COSIGNER, ...satisfied, onPaper: true }, CTX);
    expect(d.ok && d.events[0]?.data).toMatchObject({ memberId: COSIGNER, onPaper: true });
  });
  it("the coordinator may close a first-round reply only after the receipt deadline", () => {
    const early = { ...replied(), reply: { round: 1, writtenOn: "2026-06-10", receiptDue: "2026-07-08" } };
    expect(refused(decide(early, A.coordinator, { type: "close", reason: "无" }, CTX))).toMatch(/回执期限（2026-07-08）未到/);
  });
});

describe("adjustments and extensions", () => {
  it("replacing the lead unit needs a new lead, which must accept again", () => {
    const f = facts("handling", { assignments: [assignment(LEAD, "lead", { status: "adjust_requested" }), assignment(CO, "co")] });
    expect(
      refused(
        decide(
          f,
          A.coordinator,
          { type: "decide_adjustment", unitId: LEAD, outcome: { kind: "withdraw", replacementUnitId: null }, comment: null },
          CTX,
        ),
      ),
    ).toBe("调整主办单位须指定新的主办单位");
    const after = run(f, [
      [
        A.coordinator,
        {
          type: "decide_adjustment",
          unitId: LEAD,
          outcome: { kind: "change_lead", leadUnitId: OTHER, formerLead: "withdrawn" },
          comment: "改由第三单位主办",
        },
      ],
    ]);
    expect(after.status).toBe("assigned");
    expect(leadAssignment(after)).toMatchObject({ unitId: OTHER, status: "pending", assignedOn: CTX.today });
    expect(after.assignments.find((a) => a.unitId === LEAD)?.status).toBe("withdrawn");
  });
  it("a co-handling unit may become the lead: fresh deadlines for the units that change role, none for the others", () => {
    const f = facts("handling", {
      assignments: [
        assignment(LEAD, "lead"),
        assignment(CO, "co", { status: "adjust_requested" }),
        assignment(OTHER, "co", { status: "done", opinion: "sent" }),
      ],
    });
    const d = decide(
      f,
      A.coordinator,
      { type: "decide_adjustment", unitId: CO, outcome: { kind: "change_lead", leadUnitId: CO, formerLead: "co" }, comment: "同意" },
      CTX,
    );
    expect(d.ok).toBe(true);
    if (!d.ok) return;
    expect(d.facts.status).toBe("assigned");
    expect(leadAssignment(d.facts)).toMatchObject({
      unitId: CO,
      status: "pending",
      assignedOn: CTX.today,
      due: dueDate(PACKAGE_CALENDAR, CTX.today, CTX.rules.reply),
    });
    expect(d.facts.assignments.find((a) => a.unitId === LEAD)).toMatchObject({
      role: "co",
      status: "pending",
      handlerId: null,
      due: dueDate(PACKAGE_CALENDAR, CTX.today, CTX.rules.coOpinion),
    });
    expect(d.facts.assignments.find((a) => a.unitId === OTHER)).toEqual(f.assignments[2]);
    expect(d.events).toEqual([
      {
        action: "adjustment_approved",
        fromState: "handling",
        toState: "assigned",
        comment: "同意",
        data: { unitId: CO, leadUnitId: CO, formerLead: "co" },
      },
    ]);
    expect(d.notify).toContainEqual({ to: "unit", unitId: LEAD, role: "handler", message: "主办单位已调整，本单位改为协办，请签收" });
    // The new lead's acceptance resumes handling.
    expect(run(d.facts, [[A.coHandler, { type: "accept", unitId: CO }]]).status).toBe("handling");
  });
  it("refuses a lead change that names no new lead, or a unit with its own request or extension pending", () => {
    const f = facts("assigned", {
      assignments: [
        assignment(LEAD, "lead", { status: "adjust_requested" }),
        assignment(CO, "co", { pendingExtension: true }),
        assignment(OTHER, "co", { status: "adjust_requested" }),
      ],
    });
    const lead = (leadUnitId: number) =>
      ({ type: "decide_adjustment", unitId: LEAD, outcome: { kind: "change_lead", leadUnitId, formerLead: "co" }, comment: null }) as const;
    expect(refused(decide(f, A.coordinator, lead(LEAD), CTX))).toBe("新的主办单位不能与原主办单位相同");
    expect(refused(decide(f, A.coordinator, lead(CO), CTX))).toBe("相关单位有待审批的延期申请，请先审批该申请");
    expect(refused(decide(f, A.coordinator, lead(OTHER), CTX))).toBe("相关单位也有待审批的调整申请，请先审批该申请");
    const co = facts("assigned", {
      assignments: [assignment(LEAD, "lead", { status: "pending" }), assignment(CO, "co", { status: "adjust_requested" })],
    });
    expect(
      refused(
        decide(
          co,
          A.coordinator,
          { type: "decide_adjustment", unitId: CO, outcome: { kind: "change_lead", leadUnitId: OTHER, formerLead: "co" }, comment: null },
          CTX,
        ),
      ),
    ).toBe("协办单位申请调整，只能改由该单位主办");
  });
  it("a new lead in the second round gets the second round's deadline and resumes rehandling", () => {
    const f = facts("rehandling", {
      round: 2,
      assignments: [assignment(LEAD, "lead"), assignment(CO, "co", { status: "adjust_requested" })],
    });
    const after = run(f, [
      [
        A.coordinator,
        { type: "decide_adjustment", unitId: CO, outcome: { kind: "change_lead", leadUnitId: CO, formerLead: "withdrawn" }, comment: null },
      ],
    ]);
    expect(after.status).toBe("assigned");
    expect(leadAssignment(after)?.due).toBe(dueDate(PACKAGE_CALENDAR, CTX.today, CTX.rules.secondRound));
    expect(run(after, [[A.coHandler, { type: "accept", unitId: CO }]]).status).toBe("rehandling");
  });
  it("a rejected adjustment goes back to waiting for acceptance", () => {
    const f = facts("assigned", { assignments: [assignment(LEAD, "lead", { status: "adjust_requested" })] });
    expect(
      leadAssignment(
        run(f, [[A.coordinator, { type: "decide_adjustment", unitId: LEAD, outcome: { kind: "reject" }, comment: "职能相符" }]]),
      )?.status,
    ).toBe("pending");
  });
  it("an extension is at most three months", () => {
    const f = facts("handling");
    expect(refused(decide(f, A.leadHandler, { type: "request_extension", unitId: LEAD, until: "2026-10-02", reason: "调研" }, CTX))).toBe(
      "延期最多三个月，即不晚于2026-10-01",
    );
    expect(refused(decide(f, A.leadHandler, { type: "request_extension", unitId: LEAD, until: "2026-06-30", reason: "调研" }, CTX))).toBe(
      "申请延至的日期须晚于现在的期限",
    );
    const granted = run(f, [
      [A.leadHandler, { type: "request_extension", unitId: LEAD, until: "2026-10-01", reason: "调研" }],
      [A.coordinator, { type: "decide_extension", unitId: LEAD, grant: true, until: "2026-09-01", comment: null }],
    ]);
    expect(leadAssignment(granted)).toMatchObject({ extendedDue: "2026-09-01", pendingExtension: false });
  });
  it("assign refuses a lead unit that is also co-handling, and uses the urgent deadline", () => {
    const f = facts("registered", { assignments: [], isUrgent: true });
    expect(refused(decide(f, A.coordinator, { type: "assign", leadUnitId: LEAD, coUnitIds: [LEAD] }, CTX))).toBe(
      "主办单位不能同时作为协办单位",
    );
    expect(leadAssignment(run(f, [[A.coordinator, { type: "assign", leadUnitId: LEAD, coUnitIds: [] }]]))?.due).toBe(
      dueDate(PACKAGE_CALENDAR, CTX.today, CTX.rules.urgentReply),
    );
  });
});

describe("并案 and 取消并案", () => {
  it("links once, keeps the state, and logs the related proposal", () => {
    const d = decide(facts("handling"), A.coordinator, { type: "link", relatedId: RELATED }, CTX);
    expect(d.ok && d.facts.linkedIds).toEqual([RELATED]);
    expect(d.ok && d.facts.status).toBe("handling");
    expect(d.ok && d.events).toEqual([{ action: "link", fromState: "handling", toState: "handling", data: { relatedId: RELATED } }]);
    expect(refused(decide(facts("handling", { linkedIds: [RELATED] }), A.coordinator, { type: "link", relatedId: RELATED }, CTX))).toBe(
      "已并案",
    );
    expect(refused(decide(facts("handling"), A.leadHandler, { type: "link", relatedId: RELATED }, CTX))).toBe("只有交办单位可以并案");
    expect(refused(decide(facts("closed"), A.coordinator, { type: "link", relatedId: RELATED }, CTX))).toBe(
      "已办结的提案不能再并案或取消并案",
    );
  });

  it("undoes a link only with a reason, which the log keeps", () => {
    const linked = facts("assigned", { linkedIds: [RELATED] });
    expect(refused(decide(linked, A.coordinator, { type: "unlink", relatedId: RELATED, reason: "  " }, CTX))).toBe("请填写取消并案的理由");
    expect(refused(decide(facts("assigned"), A.coordinator, { type: "unlink", relatedId: RELATED, reason: "误并" }, CTX))).toBe(
      "这两件提案没有并案",
    );
    const d = decide(linked, A.coordinator, { type: "unlink", relatedId: RELATED, reason: "误并" }, CTX);
    expect(d.ok && d.facts.linkedIds).toEqual([]);
    expect(d.ok && d.events).toEqual([
      { action: "unlink", fromState: "assigned", toState: "assigned", comment: "误并", data: { relatedId: RELATED } },
    ]);
  });
});

describe("分办 inside a unit", () => {
  const handling = (over: Partial<ProposalFacts> = {}) =>
    facts("handling", { assignments: [assignment(LEAD, "lead"), assignment(CO, "co", { status: "done", opinion: "sent" })], ...over });
  const divide = (over: Partial<Extract<Command, { type: "assign_internal" }>> = {}): Command => ({
    type: "assign_internal",
    unitId: LEAD,
    section: SECTIONS.leadA,
    assignee: STAFF.leadHandler,
    due: "2026-06-30",
    ...over,
  });
  const reassign = (over: Partial<Extract<Command, { type: "reassign_internal" }>> = {}): Command => ({
    type: "reassign_internal",
    unitId: LEAD,
    section: SECTIONS.leadB,
    assignee: STAFF.colleague,
    due: "2026-06-25",
    reason: "工作调整",
    ...over,
  });

  it("names the 科室, the 承办人 and an internal deadline inside the unit's own, logs it and tells the 承办人", () => {
    const d = decide(handling(), A.leadOffice, divide(), CTX);
    expect(d.ok).toBe(true);
    if (!d.ok) return;
    expect(leadAssignment(d.facts)?.division).toEqual({
      sectionId: SECTIONS.leadA.id,
      assigneeId: STAFF.leadHandler.id,
      due: "2026-06-30",
    });
    expect(d.facts.status).toBe("handling");
    expect(d.events).toEqual([
      {
        action: "assign_internal",
        fromState: "handling",
        toState: "handling",
        comment: null,
        data: { unitId: LEAD, sectionId: SECTIONS.leadA.id, assigneeId: STAFF.leadHandler.id, due: "2026-06-30" },
      },
    ]);
    expect(d.notify).toEqual([{ to: "staff", userIds: [STAFF.leadHandler.id], message: "本单位将此提案分办给您，内部办理期限2026-06-30" }]);
  });
  it("keeps the internal deadline between today and the unit's deadline, extension included", () => {
    expect(refused(decide(handling(), A.leadOffice, divide({ due: "2026-07-02" }), CTX))).toBe(
      "内部办理期限须在本单位的办理期限（2026-07-01）之内",
    );
    expect(refused(decide(handling(), A.leadOffice, divide({ due: "2026-06-14" }), CTX))).toBe("内部办理期限不能早于今天");
    expect(decide(handling(), A.leadOffice, divide({ due: "2026-07-01" }), CTX).ok).toBe(true);
    expect(decide(handling(), A.leadOffice, divide({ due: CTX.today }), CTX).ok).toBe(true);
    const extended = handling({ assignments: [assignment(LEAD, "lead", { extendedDue: "2026-08-01" })] });
    expect(decide(extended, A.leadOffice, divide({ due: "2026-08-01" }), CTX).ok).toBe(true);
  });
  it("names only an active 科室 of the unit and a handler of the unit who works in it", () => {
    expect(refused(decide(handling(), A.leadOffice, divide({ section: SECTIONS.co }), CTX))).toBe("所选科室不属于本单位或已撤销");
    expect(refused(decide(handling(), A.leadOffice, divide({ section: SECTIONS.leadClosed }), CTX))).toBe("所选科室不属于本单位或已撤销");
    expect(refused(decide(handling(), A.leadOffice, divide({ section: SECTIONS.leadB }), CTX))).toBe("所选承办人不在该科室");
    expect(refused(decide(handling(), A.leadOffice, divide({ assignee: STAFF.coHandler }), CTX))).toBe("承办人须是本单位在岗的承办人");
    expect(refused(decide(handling(), A.leadOffice, divide({ assignee: { ...STAFF.leadHandler, active: false } }), CTX))).toBe(
      "承办人须是本单位在岗的承办人",
    );
    expect(refused(decide(handling(), A.leadOffice, divide({ assignee: { ...STAFF.leadHandler, role: "director" } }), CTX))).toBe(
      "承办人须是本单位在岗的承办人",
    );
  });
  it("is the director's or a 可分办 handler's, after 签收 and before 提交审签", () => {
    expect(refused(decide(handling(), A.leadHandler, divide(), CTX))).toBe("只有本单位负责人或有分办权限的承办人可以分办");
    expect(refused(decide(handling(), A.leadLeader, divide(), CTX))).toBe("只有本单位负责人或有分办权限的承办人可以分办");
    expect(refused(decide(handling(), A.coDirector, divide(), CTX))).toBe("只有本单位负责人或有分办权限的承办人可以分办");
    expect(decide(handling(), A.leadDirector, divide(), CTX).ok).toBe(true);
    const pending = facts("assigned", { assignments: [assignment(LEAD, "lead", { status: "pending", handlerId: null })] });
    expect(refused(decide(pending, A.leadOffice, divide(), CTX))).toBe("请先签收再分办");
    expect(refused(decide(facts("in_review"), A.leadOffice, divide(), CTX))).toBe("答复函正在审签，暂不能分办");
  });
  it("reassigns with a reason, logs who had it before, and tells both", () => {
    const f = run(handling(), [[A.leadOffice, divide()]]);
    expect(refused(decide(f, A.leadOffice, divide(), CTX))).toBe("已分办；如需更换科室、承办人或期限，请改派");
    expect(refused(decide(handling(), A.leadOffice, reassign(), CTX))).toBe("尚未分办，请先分办");
    expect(refused(decide(f, A.leadOffice, reassign({ reason: "  " }), CTX))).toBe("请填写改派理由");
    expect(
      refused(decide(f, A.leadOffice, reassign({ section: SECTIONS.leadA, assignee: STAFF.leadHandler, due: "2026-06-30" }), CTX)),
    ).toBe("改派须更换科室、承办人或内部期限");
    const d = decide(f, A.leadDirector, reassign(), CTX);
    expect(d.ok).toBe(true);
    if (!d.ok) return;
    expect(leadAssignment(d.facts)?.division).toEqual({ sectionId: SECTIONS.leadB.id, assigneeId: STAFF.colleague.id, due: "2026-06-25" });
    expect(d.events).toEqual([
      {
        action: "reassign_internal",
        fromState: "handling",
        toState: "handling",
        comment: "工作调整",
        data: {
          unitId: LEAD,
          sectionId: SECTIONS.leadB.id,
          assigneeId: STAFF.colleague.id,
          due: "2026-06-25",
          previousAssigneeId: STAFF.leadHandler.id,
        },
      },
    ]);
    expect(d.notify.map((n) => n.to === "staff" && n.userIds)).toEqual([[STAFF.colleague.id], [STAFF.leadHandler.id]]);
    // A new internal deadline for the same person is a reassignment too.
    expect(decide(f, A.leadOffice, reassign({ section: SECTIONS.leadA, assignee: STAFF.leadHandler, due: "2026-06-20" }), CTX).ok).toBe(
      true,
    );
  });
  it("gives the named 承办人 alone the lead handler's powers; the unit's other staff read only", () => {
    const f = { ...run(handling(), [[A.leadOffice, divide()]]), draftsThisRound: 1, contactsThisRound: 1, replyFilesThisRound: 1 };
    const commands: Command[] = [
      { type: "add_contact" },
      { type: "save_draft" },
      // The reply's attachments are the draft's too: nobody else adds to them or takes them away.
      { type: "attach_reply_files", fileNames: ["办理方案.pdf"] },
      { type: "remove_reply_file", fileName: "办理方案.pdf" },
      SUBMIT,
    ];
    for (const command of commands) {
      expect(refused(decide(f, A.leadOffice, command, CTX)), command.type).toBe("此提案已分办给本单位其他承办人，由该承办人办理");
      expect(decide(f, A.leadHandler, command, CTX).ok, command.type).toBe(true);
    }
    // 申请延期 stays the unit's (its office asks the coordinator).
    expect(decide(f, A.leadOffice, { type: "request_extension", unitId: LEAD, until: "2026-08-01", reason: "调研" }, CTX).ok).toBe(true);
  });
  it("sends the named 承办人's draft through the 分管领导 where the unit asks for it: 退回 with a comment, then 审核通过, then the director signs", () => {
    let f = { ...run(handling({ leaderReviewUnitIds: [LEAD] }), [[A.leadOffice, divide()]]), draftsThisRound: 1, contactsThisRound: 1 };
    const submitted = decide(f, A.leadHandler, SUBMIT, CTX);
    expect(submitted.ok && submitted.notify).toEqual([{ to: "unit", unitId: LEAD, role: "leader", message: "有答复函待分管领导审核" }]);
    f = (submitted as Extract<Decision, { ok: true }>).facts;
    expect([f.status, f.reviewStage]).toEqual(["in_review", "leader"]);
    expect(refused(decide(f, A.leadDirector, { type: "approve" }, CTX))).toBe("答复函尚待分管领导审核");
    expect(refused(decide(f, A.otherLeader, { type: "leader_approve", comment: null }, CTX))).toBe("只有主办单位的分管领导可以审核");
    expect(refused(decide(f, A.leadLeader, { type: "leader_return", comment: " " }, CTX))).toBe("请填写退回意见");
    const returned = decide(f, A.leadLeader, { type: "leader_return", comment: "请补充成果转化数据" }, CTX);
    expect(returned.ok).toBe(true);
    if (!returned.ok) return;
    expect(returned.facts).toMatchObject({ status: "handling", reviewStage: null, draftReturned: true });
    expect(returned.events).toEqual([
      { action: "leader_return", fromState: "in_review", toState: "handling", comment: "请补充成果转化数据" },
    ]);
    expect(returned.notify).toEqual([{ to: "staff", userIds: [STAFF.leadHandler.id], message: "答复函被分管领导退回修改" }]);
    expect(refused(decide(returned.facts, A.leadHandler, SUBMIT, CTX))).toBe("答复函已被退回，请按审签意见修改并保存后再提交");
    f = run(returned.facts, [
      [A.leadHandler, { type: "save_draft" }],
      [A.leadHandler, SUBMIT],
    ]);
    expect(f.reviewStage).toBe("leader");
    const approved = decide(f, A.leadLeader, { type: "leader_approve", comment: "同意，请局长审签" }, CTX);
    expect(approved.ok && [approved.facts.status, approved.facts.reviewStage]).toEqual(["in_review", "director"]);
    expect(approved.ok && approved.events[0]).toMatchObject({ action: "leader_approve", comment: "同意，请局长审签" });
    expect(approved.ok && approved.notify).toEqual([
      { to: "unit", unitId: LEAD, role: "director", message: "有答复函待审签（分管领导已审核）" },
    ]);
    f = (approved as Extract<Decision, { ok: true }>).facts;
    expect(refused(decide(f, A.leadLeader, { type: "leader_approve", comment: null }, CTX))).toBe("没有待分管领导审核的答复函");
    const signed = run(f, [[A.leadDirector, { type: "approve" }]]);
    expect([signed.status, signed.reviewStage]).toEqual(["replied", null]);
  });
  it("keeps the 承办人 for a second round, with the unit's new deadline as the internal one", () => {
    const replied = facts("replied", {
      reply: { round: 1, writtenOn: "2026-06-01", receiptDue: "2026-06-29" },
      assignments: [
        assignment(LEAD, "lead", {
          status: "done",
          division: { sectionId: SECTIONS.leadA.id, assigneeId: STAFF.leadHandler.id, due: "2026-06-01" },
        }),
      ],
    });
    const d = decide(
      replied,
      A.proposer,
      { type: "receipt", memberId: PROPOSER, ...satisfied, result: "unsatisfied", opinion: "未解决" },
      CTX,
    );
    expect(d.ok).toBe(true);
    if (!d.ok) return;
    const lead = leadAssignment(d.facts)!;
    expect(lead.division).toEqual({ sectionId: SECTIONS.leadA.id, assigneeId: STAFF.leadHandler.id, due: lead.due });
    expect(d.notify).toContainEqual({ to: "staff", userIds: [STAFF.leadHandler.id], message: "提案人不满意，请重新办理" });
  });
  it("a new lead unit starts undivided", () => {
    const f = facts("handling", {
      assignments: [
        assignment(LEAD, "lead", { division: { sectionId: SECTIONS.leadA.id, assigneeId: 11, due: "2026-06-30" } }),
        assignment(CO, "co", { status: "adjust_requested" }),
      ],
    });
    const after = run(f, [
      [
        A.coordinator,
        { type: "decide_adjustment", unitId: CO, outcome: { kind: "change_lead", leadUnitId: CO, formerLead: "co" }, comment: null },
      ],
    ]);
    expect(after.assignments.map((a) => a.division)).toEqual([null, null]);
  });
});

describe("random sequences never reach an inconsistent state", () => {
  const UNITS = [LEAD, CO, OTHER, 4];
  const MEMBERS = [PROPOSER, COSIGNER, 200];
  const S = ["satisfied", "basically", "unsatisfied"] as const;
  /** A finite universe of concrete commands, valid and invalid alike. */
  const UNIVERSE: Command[] = [
    { type: "assign", leadUnitId: LEAD, coUnitIds: [] },
    { type: "assign", leadUnitId: LEAD, coUnitIds: [CO] },
    { type: "assign", leadUnitId: LEAD, coUnitIds: [CO, OTHER] },
    { type: "assign", leadUnitId: CO, coUnitIds: [CO] },
    ...UNITS.flatMap((unitId): Command[] => [
      { type: "accept", unitId },
      { type: "request_adjustment", unitId, reason: "职能不符" },
      { type: "request_adjustment", unitId, reason: " " },
      { type: "decide_adjustment", unitId, outcome: { kind: "withdraw", replacementUnitId: null }, comment: null },
      { type: "decide_adjustment", unitId, outcome: { kind: "withdraw", replacementUnitId: 4 }, comment: null },
      { type: "decide_adjustment", unitId, outcome: { kind: "reject" }, comment: "不同意" },
      ...UNITS.flatMap((leadUnitId) =>
        (["co", "withdrawn"] as const).map(
          (formerLead): Command => ({
            type: "decide_adjustment",
            unitId,
            outcome: { kind: "change_lead", leadUnitId, formerLead },
            comment: null,
          }),
        ),
      ),
      { type: "request_extension", unitId, until: "2026-08-01", reason: "调研" },
      { type: "request_extension", unitId, until: "2027-12-31", reason: "调研" },
      { type: "decide_extension", unitId, grant: true, until: "2026-08-15", comment: null },
      { type: "decide_extension", unitId, grant: false, until: null, comment: null },
      { type: "save_co_opinion", unitId },
      { type: "submit_co_opinion", unitId },
      { type: "approve_co_opinion", unitId },
      { type: "return_co_opinion", unitId, comment: "补充" },
      { type: "waive_co_opinion", unitId, reason: "撤并" },
      { type: "supervise", unitId, comment: "请加快" },
    ]),
    { type: "add_contact" },
    { type: "waive_contact", reason: "出国" },
    { type: "save_draft" },
    SUBMIT,
    { type: "approve" },
    { type: "return", comment: "补充数据" },
    { type: "return", comment: "" },
    ...MEMBERS.flatMap((memberId) =>
      S.flatMap((result) =>
        [false, true].flatMap((onPaper) =>
          [1, 2].map(
            (round): Command => ({
              type: "receipt",
              memberId,
              contactReport: "visited",
              attitude: "satisfied",
              result,
              opinion: result === "unsatisfied" ? "未解决" : null,
              onPaper,
              round,
            }),
          ),
        ),
      ),
    ),
    { type: "close", reason: "两轮办理完毕" },
    // 分办 and 改派 in the lead unit (to the lead handler or a colleague, inside the deadline or not) and in a co-handling unit.
    { type: "assign_internal", unitId: LEAD, section: SECTIONS.leadA, assignee: STAFF.leadHandler, due: "2026-06-30" },
    { type: "assign_internal", unitId: LEAD, section: SECTIONS.leadA, assignee: STAFF.colleague, due: "2026-06-20" },
    { type: "assign_internal", unitId: CO, section: SECTIONS.co, assignee: STAFF.coHandler, due: "2026-06-30" },
    { type: "reassign_internal", unitId: LEAD, section: SECTIONS.leadB, assignee: STAFF.colleague, due: "2026-06-20", reason: "工作调整" },
    {
      type: "reassign_internal",
      unitId: LEAD,
      section: SECTIONS.leadA,
      assignee: STAFF.leadHandler,
      due: "2027-12-31",
      reason: "工作调整",
    },
    { type: "leader_approve", comment: null },
    { type: "leader_return", comment: "请补充数据" },
    { type: "leader_return", comment: " " },
  ];
  const handlerOf: Record<number, WorkflowActor> = { [LEAD]: A.leadHandler, [CO]: A.coHandler, [OTHER]: A.otherHandler, 4: A.otherHandler };
  const directorOf: Record<number, WorkflowActor> = {
    [LEAD]: A.leadDirector,
    [CO]: A.coDirector,
    [OTHER]: A.otherDirector,
    4: A.otherDirector,
  };
  const memberOf: Record<number, WorkflowActor> = {
    [PROPOSER]: A.proposer,
    [COSIGNER]: { id: COSIGNER, role: "member", unitId: null },
    200: A.otherMember,
  };

  /** Whoever does a unit's work on an assignment: its named 承办人 once divided, else the unit's handler. */
  const workerOf = (f: ProposalFacts, unitId: number): WorkflowActor => {
    const assigneeId = f.assignments.find((a) => a.unitId === unitId)?.division?.assigneeId;
    return assigneeId === undefined ? handlerOf[unitId]! : { id: assigneeId, role: "handler", unitId };
  };

  /** The actor who would normally issue a command. */
  function usualActor(c: Command, f: ProposalFacts): WorkflowActor {
    switch (c.type) {
      case "save_co_opinion":
      case "submit_co_opinion":
        return workerOf(f, c.unitId);
      case "add_contact":
      case "save_draft":
      case "submit":
        return workerOf(f, leadAssignment(f)?.unitId ?? LEAD);
      case "assign_internal":
      case "reassign_internal":
        return c.unitId === LEAD ? A.leadOffice : directorOf[c.unitId]!;
      case "leader_approve":
      case "leader_return":
        return A.leadLeader;
      case "accept":
      case "request_adjustment":
      case "request_extension":
        return handlerOf[c.unitId]!;
      case "approve_co_opinion":
      case "return_co_opinion":
        return directorOf[c.unitId]!;
      case "approve":
      case "return":
        return A.leadDirector;
      case "receipt":
        return c.onPaper ? A.coordinator : memberOf[c.memberId]!;
      default:
        return A.coordinator;
    }
  }
  const ANYONE: WorkflowActor[] = [
    ...Object.values(ACTORS),
    { id: COSIGNER, role: "member", unitId: null },
    { id: STAFF.colleague.id, role: "handler", unitId: LEAD },
  ];

  function checkInvariants(f: ProposalFacts) {
    expect(PROPOSAL_STATES).toContain(f.status);
    expect([1, 2]).toContain(f.round);
    const live = liveAssignments(f);
    expect(new Set(f.assignments.map((a) => a.unitId)).size).toBe(f.assignments.length);
    if (f.status === "registered") expect(live).toHaveLength(0);
    else expect(live.filter((a) => a.role === "lead")).toHaveLength(1);
    if (f.status === "in_review") {
      expect(f.draftsThisRound).toBeGreaterThan(0);
      expect(f.draftReturned).toBe(false);
      expect(f.contactsThisRound > 0 || f.contactWaived).toBe(true);
      expect(missingCoOpinions(f)).toHaveLength(0);
    }
    if (f.status === "handling" || f.status === "rehandling") expect(leadAssignment(f)?.status).toBe("accepted");
    if (f.status === "replied") expect(f.reply?.round).toBe(f.round);
    if (f.status === "rehandling") expect(f.round).toBe(2);
    expect(new Set(f.receiptsThisRound.map((r) => r.memberId)).size).toBe(f.receiptsThisRound.length);
    for (const r of f.receiptsThisRound) expect(f.proposerIds).toContain(r.memberId);
    expect(f.earlierReplies.map((r) => r.round)).toEqual(f.round === 2 ? [1] : []);
    for (const r of f.earlierReplies) {
      expect(new Set(r.answeredBy).size).toBe(r.answeredBy.length);
      for (const id of r.answeredBy) expect(f.proposerIds).toContain(id);
    }
    if (f.status === "assigned") expect(leadAssignment(f)?.status).not.toBe("accepted");
    for (const a of live) if (a.opinion === "sent") expect(a.status).toBe("done");
    // 分办: only on an accepted assignment, inside the unit's deadline; the review stage is set exactly in review,
    // and the 分管领导 has a draft only when it was divided in a unit that asks for the step.
    for (const a of live) {
      if (!a.division) continue;
      expect(["accepted", "done"]).toContain(a.status);
      expect(a.division.due <= effectiveDue(a)).toBe(true);
    }
    expect(f.reviewStage !== null).toBe(f.status === "in_review");
    const lead = leadAssignment(f);
    if (lead?.division && (f.status === "handling" || f.status === "rehandling")) {
      for (const who of ANYONE) if (who.id !== lead.division.assigneeId) expect(decide(f, who, { type: "save_draft" }, CTX).ok).toBe(false);
    }
    if (f.reviewStage === "leader") {
      expect(lead?.division).not.toBeNull();
      expect(f.leaderReviewUnitIds).toContain(lead!.unitId);
    }
  }

  /**
   * How far along a proposal is: its round, its state, then the steps inside it (a contact, a draft not sent
   * back, the co-handling opinions, the director's turn after the 分管领导's, the receipts in).
   */
  const STAGE: Record<string, number> = { registered: 0, assigned: 1, handling: 2, rehandling: 2, in_review: 3, replied: 4, closed: 5 };
  function progress(f: ProposalFacts): number {
    const opinions = liveAssignments(f)
      .filter((a) => a.role === "co")
      .reduce(
        (n, a) => n + (a.status === "done" || a.opinionWaived ? 3 : Number(a.status === "accepted") + Number(a.opinion === "submitted")),
        0,
      );
    const within =
      f.status === "handling" || f.status === "rehandling"
        ? Number(f.contactsThisRound > 0 || f.contactWaived) + Number(f.draftsThisRound > 0 && !f.draftReturned) + opinions
        : f.status === "in_review"
          ? Number(f.reviewStage === "director")
          : f.status === "replied"
            ? f.receiptsThisRound.length
            : 0;
    return f.round * 1000 + STAGE[f.status]! * 100 + within;
  }

  it("holds the invariants over 300 random runs of up to 80 steps, and reaches every state", () => {
    const reached = new Set<string>();
    const stages = new Set<string>();
    // Each step is two dice: most steps pick one of the currently allowed (actor, command) pairs, so runs
    // get deep into the lifecycle; the rest try any command by anyone, which must be refused or be legal.
    const step = fc.tuple(fc.nat(99), fc.nat(10_000), fc.nat(10_000));
    fc.assert(
      fc.property(fc.array(step, { minLength: 1, maxLength: 80 }), (steps) => {
        // The lead unit (unit 1) asks for the 分管领导 step.
        let f = facts("registered", { assignments: [], leaderReviewUnitIds: [LEAD] });
        let closed = false;
        for (const [mode, pick, who] of steps) {
          let choice: [WorkflowActor, Command];
          if (mode < 85) {
            // One of the commands that its usual actor may issue now; half the time one that takes the proposal
            // further (the 分管领导's step makes the way to a reply longer, and 退回 would only go round).
            const allowed = UNIVERSE.flatMap((c) => {
              const d = decide(f, usualActor(c, f), c, CTX);
              return d.ok ? [{ c, moves: progress(d.facts) > progress(f) }] : [];
            });
            if (allowed.length === 0) break;
            const moving = allowed.filter((x) => x.moves);
            const pool = mode < 45 && moving.length > 0 ? moving : allowed;
            const c = pool[pick % pool.length]!.c;
            choice = [usualActor(c, f), c];
          } else {
            choice = [ANYONE[who % ANYONE.length]!, UNIVERSE[pick % UNIVERSE.length]!];
          }
          const before = structuredClone(f);
          const d = decide(f, choice[0], choice[1], CTX);
          expect(f).toEqual(before);
          // A closed proposal only takes the receipts still owed on its replies, and stays closed.
          if (closed && d.ok) expect([choice[1].type, d.facts.status]).toEqual(["receipt", "closed"]);
          if (!d.ok) continue;
          expect(d.events.length).toBeGreaterThan(0);
          for (const e of d.events) expect(e.fromState).toBe(before.status);
          f = d.facts;
          checkInvariants(f);
          reached.add(f.status);
          if (f.reviewStage) stages.add(f.reviewStage);
          closed = f.status === "closed";
        }
      }),
      // A fixed seed keeps the run reproducible and the "reaches every state" check stable.
      { numRuns: 300, seed: 20261125 },
    );
    expect([...reached].sort()).toEqual(PROPOSAL_STATES.filter((s) => s !== "registered").sort());
    // About 10 s alone; a loaded machine (the build and the browsers beside it) takes four times as long.
    expect([...stages].sort()).toEqual(["director", "leader"]);
    // Each run evaluates every command of the universe at every step: seconds of work, more on a busy machine.
  }, 120_000);
});
