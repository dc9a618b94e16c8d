/**
 * Publication's matrix, as the workflow's: every publication command, from every state of the reply's
 * publication, for every disclosure mode the director approved, by every kind of actor, under both settings
 * of who publishes. Exactly the listed combinations succeed; all others are refused with a reason in Chinese.
 */
import { describe, expect, it } from "vitest";
import { DISCLOSURE_MODES, type DisclosureMode, type PublicationState, type Role } from "@/lib/domain";
import { decidePublication, type PublicationCommand, type PublicationFacts, type Publisher } from "@/lib/publication";

const LEAD = 7;
const ACTORS: Record<string, { role: Role; unitId: number | null }> = {
  coordinator: { role: "coordinator", unitId: 1 },
  leadHandler: { role: "handler", unitId: LEAD },
  leadDirector: { role: "director", unitId: LEAD },
  otherHandler: { role: "handler", unitId: 9 },
  otherDirector: { role: "director", unitId: 9 },
  member: { role: "member", unitId: null },
  admin: { role: "admin", unitId: null },
};
/** null: nothing decided yet on the signed reply. */
const STATES: (PublicationState | null)[] = [null, "published", "withheld", "withdrawn"];

type Case = { command: PublicationCommand; from: (PublicationState | null)[]; modes: DisclosureMode[] };
const CASES: Case[] = [
  { command: { type: "publish" }, from: [null], modes: ["full", "summary"] },
  { command: { type: "withhold", reason: "涉及个人信息" }, from: [null], modes: [...DISCLOSURE_MODES] },
  { command: { type: "withdraw", reason: "发现错误" }, from: ["published"], modes: [...DISCLOSURE_MODES] },
  { command: { type: "republish", reason: "已更正" }, from: ["withdrawn"], modes: [...DISCLOSURE_MODES] },
];
const mayPublish = (actor: string, publisher: Publisher) =>
  actor === "coordinator" || (publisher === "unit" && (actor === "leadHandler" || actor === "leadDirector"));

const facts = (state: PublicationState | null, disclosure: DisclosureMode): PublicationFacts => ({
  reply: {
    unitId: LEAD,
    disclosure,
    disclosureSummary: disclosure === "summary" ? "答复摘要" : null,
    disclosureReason: disclosure === "none" ? "涉及个人信息" : null,
    findings: [],
  },
  publication: state ? { status: state } : null,
});

describe("publication matrix", () => {
  for (const c of CASES)
    for (const publisher of ["coordinator", "unit"] as const)
      it(`${c.command.type}, publisher ${publisher}`, () => {
        for (const state of STATES)
          for (const mode of DISCLOSURE_MODES)
            for (const [key, actor] of Object.entries(ACTORS)) {
              const result = decidePublication(facts(state, mode), actor, c.command, { publisher });
              const expected = c.from.includes(state) && c.modes.includes(mode) && mayPublish(key, publisher);
              expect(
                result.ok,
                `${c.command.type} by ${key} from ${state ?? "undecided"} (${mode}): ${result.ok ? "allowed" : result.reason}`,
              ).toBe(expected);
              if (!result.ok) expect(result.reason).toMatch(/[\u4e00-\u9fff]/);
            }
      });

  it("refuses everything before the reply is signed", () => {
    for (const c of CASES)
      for (const actor of Object.values(ACTORS))
        expect(decidePublication({ reply: null, publication: null }, actor, c.command, { publisher: "unit" }).ok).toBe(false);
  });
});
