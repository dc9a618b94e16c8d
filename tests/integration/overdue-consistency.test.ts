import { eq } from "drizzle-orm";
import { afterEach, describe, expect, it } from "vitest";
import { ledgerRows } from "@/db/queries/ledger";
import { memberProposals } from "@/db/queries/member";
import { listProposals } from "@/db/queries/proposals";
import { statisticsFacts, statisticsFigures } from "@/db/queries/statistics";
import { supervisionItems } from "@/db/queries/supervision";
import { users } from "@/db/schema";
import { LEDGER_COLUMNS } from "@/lib/ledger";
import { memberDue } from "@/lib/member-view";
import { isPastDue } from "@/lib/overdue";
import { percent } from "@/lib/statistics";
import { supervisionBoard } from "@/lib/supervision-board";
import { DEMO_TODAY, demoDatabase } from "./demo-db";

let cleanup = () => {};
afterEach(() => cleanup());

const sorted = (ids: Iterable<number>) => [...new Set(ids)].sort((a, b) => a - b);

describe("overdue replies on the demo data", () => {
  it("the statistics page, the 督办 board, the ledger, the filtered staff list and the member page agree on which proposals' replies are overdue", async () => {
    const t = await demoDatabase();
    cleanup = t.cleanup;
    const today = DEMO_TODAY;

    // 统计: each proposal's facts, and the 办复超期 figures the page shows, in all and per lead unit.
    const stats = sorted((await statisticsFacts(t.db, {}, today)).filter((f) => f.replyOverdue).map((f) => f.id));
    const { figures, units } = await statisticsFigures(t.db, {}, today);
    expect(figures.replyOverdue).toBe(stats.length);

    // 督办: the reply rows the board flags as overdue, and its count of them per unit.
    const replySteps = (await supervisionItems(t.db, today)).filter((i) => i.stage === "reply");
    const board = sorted(replySteps.filter((i) => isPastDue(i.due, today)).map((i) => i.proposalId));
    const boardUnits = supervisionBoard(replySteps, today, { page: 1, unitId: null }).units;
    expect(Object.fromEntries(boardUnits.filter((u) => u.overdue > 0).map((u) => [u.unitId, u.overdue]))).toEqual(
      Object.fromEntries(units.filter((u) => u.figures.replyOverdue > 0).map((u) => [u.unitId, u.figures.replyOverdue])),
    );

    // 台账: the rows whose 办复超期 cell says so.
    const column = LEDGER_COLUMNS.find((c) => c.header === "办复超期")!;
    const ledger = sorted((await ledgerRows(t.db, {}, today)).filter((r) => column.cell(r, today) !== "").map((r) => r.id));

    // 全部提案 filtered by 超期 (at least one day), and its export.
    const listed = sorted((await listProposals(t.db, { overdue: 1 }, { pageSize: 1000, today })).rows.map((r) => r.id));
    const exported = sorted((await ledgerRows(t.db, { overdue: 1 }, today)).map((r) => r.id));

    // 我的提案: what each member's page flags as overdue.
    const members = await t.db.select({ id: users.id }).from(users).where(eq(users.role, "member")).all();
    const perMember = await Promise.all(
      members.map(async (m) =>
        (await memberProposals(t.db, m.id)).filter((p) => (memberDue(p, today)?.overdueDays ?? 0) > 0).map((p) => p.id),
      ),
    );
    const member = sorted(perMember.flat());

    expect(stats.length).toBeGreaterThan(0);
    expect(board).toEqual(stats);
    expect(ledger).toEqual(stats);
    expect(listed).toEqual(stats);
    expect(exported).toEqual(stats);
    // Members see the proposals they lead or co-signed: every demo proposal has one.
    expect(member).toEqual(stats);
    // A late reply now shows in the rate: not every unit is at 100 %.
    expect(units.some((u) => u.figures.repliedOnTime.of > 0 && percent(u.figures.repliedOnTime) !== "100%")).toBe(true);
  });
});
