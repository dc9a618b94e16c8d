/**
 * owed_receipts, the receipts still owed that the coordinator's 超期未回执 reads (migrations SQLite 0024, PostgreSQL
 * 0012), against what is owed by definition: every proposer and co-signer without a receipt for a reply of a proposal
 * not closed. Checked on both engines after each kind of write its triggers follow: a reply signed, receipts by each
 * signer in either order, a signer added or removed afterwards, the receipt deadline moved, the proposal closed and
 * handled again. The list read 28,000 open proposals' replies and signers before (140 ms at 100,000 proposals on SQLite,
 * 315 ms on PostgreSQL).
 */
import { eq, sql } from "drizzle-orm";
import { afterEach, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { submitReceipt } from "@/db/handling/receipt";
import { overdueReceipts } from "@/db/queries/work";
import { proposals, replies } from "@/db/schema";
import { DEMO_TODAY, demoDatabase, handleProposal, ok } from "./demo-db";

let cleanup = () => {};
afterEach(() => cleanup());

type Owed = { reply_id: number; member_id: number; proposal_id: number; receipt_due: string; position: number; role: string };

/** What is owed, written out here rather than read from the migration's view. */
const BY_DEFINITION = sql`
  select r.id as reply_id, s.user_id as member_id, r.proposal_id, r.receipt_due, s.position, s.role
  from replies r
  join proposals p on p.id = r.proposal_id
  join proposal_signers s on s.proposal_id = r.proposal_id
  where p.status not in ('registered', 'closed') and s.role <> 'seconder'
    and not exists (select 1 from receipts x where x.reply_id = r.id and x.member_id = s.user_id)`;

const sorted = (rows: Owed[]) =>
  rows
    .map((r) => ({ ...r, reply_id: Number(r.reply_id), member_id: Number(r.member_id), proposal_id: Number(r.proposal_id) }))
    .sort((a, b) => a.reply_id - b.reply_id || a.member_id - b.member_id);

async function expectKept(db: Db) {
  const kept = sorted(await db.all<Owed>(sql`select * from owed_receipts`));
  expect(kept).toEqual(sorted(await db.all<Owed>(BY_DEFINITION)));
  return kept;
}

const answers = (replyId: number) =>
  ({ replyId, contactReport: "contacted", attitude: "satisfied", result: "satisfied", opinion: null }) as const;

/** Two joint proposals by 刘新荣, each with one co-signer and one seconder, handled up to a signed reply. */
async function twoReplied() {
  const t = await demoDatabase();
  cleanup = t.cleanup;
  const lead = await t.unit("重庆高新区科技创新局");
  const [liu, cosigner, seconder, extra] = await Promise.all(["liuxr", "member-001", "member-002", "member-003"].map(t.user));
  const replied = async (number: number) => {
    const { id } = ok(
      await t.register(number, {
        title: `关于回执催办第${number}号的建议`,
        body: "建议正文。",
        coSignerIds: [cosigner!.id],
        seconderIds: [seconder!.id],
      }),
    );
    await handleProposal(t.db, t, id, lead, { participants: "蒋明杰与刘新荣委员", summary: "电话沟通办理思路" });
    const reply = (await t.db.select().from(replies).where(eq(replies.proposalId, id)).get())!;
    return { id, replyId: reply.id };
  };
  return { ...t, liu: liu!, cosigner: cosigner!, extra: extra!, a: await replied(903), b: await replied(904) };
}

const owedOn = (kept: Owed[], proposalId: number) => kept.filter((r) => r.proposal_id === proposalId).map((r) => r.member_id);

it("keeps the receipts owed as the definition gives them, through each signer's receipt in either order", async () => {
  const t = await twoReplied();
  let kept = await expectKept(t.db);
  expect(owedOn(kept, t.a.id)).toEqual([t.liu.id, t.cosigner.id].sort((x, y) => x - y));
  expect(owedOn(kept, t.b.id)).toEqual(owedOn(kept, t.a.id));

  // A: the co-signer first, then the proposer; B: the other way round.
  ok(await submitReceipt(t.db, t.cosigner, t.a.id, answers(t.a.replyId)));
  ok(await submitReceipt(t.db, t.liu, t.b.id, answers(t.b.replyId)));
  kept = await expectKept(t.db);
  expect([owedOn(kept, t.a.id), owedOn(kept, t.b.id)]).toEqual([[t.liu.id], [t.cosigner.id]]);
  ok(await submitReceipt(t.db, t.liu, t.a.id, answers(t.a.replyId)));
  ok(await submitReceipt(t.db, t.cosigner, t.b.id, answers(t.b.replyId)));
  kept = await expectKept(t.db);
  expect([owedOn(kept, t.a.id), owedOn(kept, t.b.id)]).toEqual([[], []]);

  // The demo's own overdue receipts are there, and the list reads them.
  const listed = await overdueReceipts(t.db, "2099-01-01", { pageSize: 10_000 });
  expect(listed.total).toBe(kept.length);
  expect(listed.rows.map((r) => [r.replyId, r.memberId])).toEqual(
    [...kept]
      .sort(
        (x, y) =>
          x.receipt_due.localeCompare(y.receipt_due) || x.proposal_id - y.proposal_id || x.reply_id - y.reply_id || x.position - y.position,
      )
      .map((r) => [r.reply_id, r.member_id]),
  );
  expect((await overdueReceipts(t.db, DEMO_TODAY)).total).toBe(kept.filter((r) => r.receipt_due < DEMO_TODAY).length);
});

it("follows a signer added or removed, the receipt deadline moved, and the proposal closed and handled again", async () => {
  const t = await twoReplied();
  await t.db.run(sql`insert into proposal_signers (proposal_id, user_id, role, position) values (${t.a.id}, ${t.extra.id}, 'cosigner', 5)`);
  expect(owedOn(await expectKept(t.db), t.a.id)).toContain(t.extra.id);
  await t.db.run(sql`update proposal_signers set role = 'seconder' where proposal_id = ${t.a.id} and user_id = ${t.extra.id}`);
  expect(owedOn(await expectKept(t.db), t.a.id)).not.toContain(t.extra.id);
  await t.db.run(sql`delete from proposal_signers where proposal_id = ${t.a.id} and user_id = ${t.cosigner.id}`);
  expect(owedOn(await expectKept(t.db), t.a.id)).toEqual([t.liu.id]);

  await t.db.run(sql`update replies set receipt_due = '2030-01-31' where id = ${t.a.replyId}`);
  expect((await expectKept(t.db)).filter((r) => r.proposal_id === t.a.id).map((r) => r.receipt_due)).toEqual(["2030-01-31"]);

  await t.db.update(proposals).set({ status: "closed" }).where(eq(proposals.id, t.a.id)).run();
  expect(owedOn(await expectKept(t.db), t.a.id)).toEqual([]);
  await t.db.update(proposals).set({ status: "rehandling" }).where(eq(proposals.id, t.a.id)).run();
  expect(owedOn(await expectKept(t.db), t.a.id)).toEqual([t.liu.id]);

  // A reply deleted takes its rows along (the foreign key's cascade); B is untouched throughout.
  await t.db.run(sql`delete from replies where id = ${t.a.replyId}`);
  const kept = await expectKept(t.db);
  expect(owedOn(kept, t.a.id)).toEqual([]);
  expect(owedOn(kept, t.b.id)).toHaveLength(2);
});
