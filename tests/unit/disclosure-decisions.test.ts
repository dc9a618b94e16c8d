/**
 * 公开审查 in the deciders, in the matrix and property style of the workflow's tests: 提交审签 (lib/workflow)
 * and 发布 / 重新发布 (lib/publication.ts) with open findings go ahead exactly when the disclosure mode
 * is 不予公开 or the actor confirmed with a reason; the confirmation is logged; a refusal lists the findings.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { reviewReply, type Finding } from "@/lib/disclosure-review";
import { DISCLOSURE_MODES, type DisclosureMode } from "@/lib/domain";
import { decidePublication, type PublicationCommand, type PublicationFacts } from "@/lib/publication";
import { decide } from "@/lib/workflow/decide";
import { ACTORS, assignment, CO, CTX, facts, LEAD } from "./workflow-fixtures";

const ID = "440304198507151239";
const PLANTED = reviewReply(
  { body: `经核实，张晓梅（身份证号${ID}，手机13812345678）反映的问题已解决。`, disclosureSummary: null, contactPhone: null },
  ["张晓梅"],
);
const FINDINGS: Finding[][] = [[], PLANTED];
const CONFIRMATIONS = [null, "", "  ", "提案人书面同意公开"];

const ready = () => ({
  ...facts("handling", { assignments: [assignment(LEAD, "lead"), assignment(CO, "co", { status: "done", opinion: "sent" })] }),
  draftsThisRound: 1,
  contactsThisRound: 1,
});
const mayGo = (mode: DisclosureMode, findings: Finding[], confirmation: string | null) =>
  mode === "none" || findings.length === 0 || Boolean(confirmation?.trim());

describe("提交审签 with 公开审查", () => {
  it("matrix: disclosure mode × findings × confirmation", () => {
    expect(PLANTED.map((f) => f.kind)).toEqual(["private_name", "id_number", "mobile"]);
    for (const disclosure of DISCLOSURE_MODES)
      for (const findings of FINDINGS)
        for (const confirmation of CONFIRMATIONS) {
          const d = decide(ready(), ACTORS.leadHandler, { type: "submit", review: { disclosure, findings, confirmation } }, CTX);
          const label = `${disclosure}, ${findings.length} findings, confirmation ${JSON.stringify(confirmation)}`;
          expect(d.ok, label).toBe(mayGo(disclosure, findings, confirmation));
          if (!d.ok) {
            expect(d.reason).toContain(`身份证号 ${ID}（正文）`);
            expect(d.reason).toContain("手机号码 13812345678");
            expect(d.findings).toEqual(findings);
            continue;
          }
          const confirmed = d.events.find((e) => e.action === "disclosure_confirmed");
          if (disclosure !== "none" && findings.length > 0) {
            expect(confirmed?.comment).toBe(confirmation?.trim());
            // The log keeps the kinds and masked values, not the data itself.
            expect(JSON.stringify(confirmed?.data)).not.toContain(ID);
            expect(JSON.stringify(confirmed?.data)).toContain("440***********1239");
          } else expect(confirmed).toBeUndefined();
        }
  });

  it("property: the gate comes after the workflow's own conditions", () => {
    fc.assert(
      fc.property(
        fc.nat(1),
        fc.nat(1),
        fc.constantFrom(...DISCLOSURE_MODES),
        fc.boolean(),
        fc.option(fc.string()),
        (drafts, contacts, mode, planted, confirmation) => {
          const f = { ...ready(), draftsThisRound: drafts, contactsThisRound: contacts };
          const findings = planted ? PLANTED : [];
          const d = decide(f, ACTORS.leadHandler, { type: "submit", review: { disclosure: mode, findings, confirmation } }, CTX);
          expect(d.ok).toBe(drafts > 0 && contacts > 0 && mayGo(mode, findings, confirmation));
          if (!d.ok && (drafts === 0 || contacts === 0)) expect(d.findings).toBeUndefined();
        },
      ),
    );
  });
});

describe("发布 and 重新发布 with 公开审查", () => {
  const withFindings = (disclosure: DisclosureMode, findings: Finding[], status: "withdrawn" | null): PublicationFacts => ({
    reply: {
      unitId: LEAD,
      disclosure,
      disclosureSummary: disclosure === "summary" ? "答复摘要" : null,
      disclosureReason: disclosure === "none" ? "涉及个人信息" : null,
      findings,
    },
    publication: status ? { status } : null,
  });
  const commands = (confirmation: string | null): [PublicationCommand, "withdrawn" | null][] => [
    [{ type: "publish", confirmation }, null],
    [{ type: "republish", reason: "已更正", confirmation }, "withdrawn"],
  ];
  const coordinator = { role: "coordinator" as const, unitId: 1 };

  it("matrix: command × disclosure mode × findings × confirmation", () => {
    for (const confirmation of CONFIRMATIONS)
      for (const [command, from] of commands(confirmation))
        for (const mode of DISCLOSURE_MODES)
          for (const findings of FINDINGS) {
            const d = decidePublication(withFindings(mode, findings, from), coordinator, command, { publisher: "coordinator" });
            // 发布 of a reply approved as 不予公开 is refused whatever the review; 重新发布 keeps the mode.
            const modeAllows = command.type === "republish" || mode !== "none";
            const label = `${command.type}, ${mode}, ${findings.length} findings, ${JSON.stringify(confirmation)}`;
            expect(d.ok, label).toBe(modeAllows && mayGo(mode, findings, confirmation));
            if (d.ok) expect(Boolean(d.confirmed), label).toBe(mode !== "none" && findings.length > 0);
            else if (modeAllows) expect(d.findings, label).toEqual(findings);
          }
  });

  it("the panel still offers 发布 with findings: the form asks for the reason", () => {
    const d = decidePublication(withFindings("full", PLANTED, null), coordinator, { type: "publish" }, { publisher: "coordinator" });
    expect(d.ok).toBe(false);
    if (!d.ok) expect(d.reason).toMatch(/^公开审查发现 3 处可能的个人信息：个人姓名 张晓梅（正文）；身份证号/);
  });

  it("withholding and withdrawing need no review", () => {
    for (const command of [
      { type: "withhold", reason: "涉及个人信息" },
      { type: "withdraw", reason: "发现个人信息" },
    ] as const) {
      const from = command.type === "withdraw" ? ({ status: "published" } as const) : null;
      const f = { ...withFindings("full", PLANTED, null), publication: from };
      expect(decidePublication(f, coordinator, command, { publisher: "coordinator" }).ok).toBe(true);
    }
  });
});
