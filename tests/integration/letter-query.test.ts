/** Letters loaded from a demo database: proposal 180's latest draft, and a signed reply. */
import { and, desc, eq, inArray } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { seedDemo } from "@/db/demo";
import { REPLY_180_PARAGRAPHS } from "@/db/demo/reply-180";
import { currentLetterSource, letterForDraft, letterForReply, letterForSource } from "@/db/queries/letter";
import { proposals, proposalSigners, replies, replyDrafts, sessions, signOffs, users } from "@/db/schema";
import { SIGNER_PLACEHOLDER } from "@/lib/letter";
import { tempDatabase } from "./temp-db";

const TODAY = "2026-06-15";

let db: Db;
let cleanup: () => void;

beforeAll(async () => {
  ({ db, cleanup } = await tempDatabase());
  await seedDemo(db, { today: TODAY });
});
afterAll(() => cleanup());

async function proposal180() {
  const row = await db
    .select({ id: proposals.id, round: proposals.round })
    .from(proposals)
    .innerJoin(sessions, eq(sessions.id, proposals.sessionId))
    .where(and(eq(proposals.number, 180), eq(sessions.meeting, "第二次会议"), eq(sessions.kind, "proposal")))
    .get();
  if (!row) throw new Error("demo has no proposal 180");
  return row;
}

async function latestDraftOf(proposalId: number) {
  const row = await db
    .select()
    .from(replyDrafts)
    .where(eq(replyDrafts.proposalId, proposalId))
    .orderBy(desc(replyDrafts.round), desc(replyDrafts.version))
    .get();
  if (!row) throw new Error("no draft");
  return row;
}

describe("the letter of proposal 180's latest draft", () => {
  it("is the sample's letter, signed by the unit's director and dated today", async () => {
    const { id } = await proposal180();
    const draft = await latestDraftOf(id);
    const letter = await letterForDraft(db, draft.id, { today: TODAY });
    expect(letter).not.toBeNull();
    expect(letter!.title).toBe("重庆高新区科技创新局关于政协重庆市九龙坡区第十一届委员会第二次会议第180号提案的答复函");
    expect(letter!.salutation).toBe("刘新荣委员:");
    expect(letter!.opening).toBe(
      "您提出的《关于抢抓人才红利机遇,赋能科学城产业发展的建议》(第180号提案)收悉,经与重庆高新区党群工作部、创新服务中心、政务服务和社会事务中心共同研究办理,现答复如下:",
    );
    expect(letter!.body.map((b) => b.text)).toEqual([...REPLY_180_PARAGRAPHS]);
    expect(letter!.closing).toBe("此答复函已经邓敏军局长审签。对以上答复有什么意见,请填写在答复函回执单上,以便进一步改进工作。");
    expect(letter!.unitName).toBe("重庆高新区科技创新局");
    expect(letter!.date).toBe("2026年6月15日");
    expect(letter!.contact).toBe("(联系人:蒋明杰,联系电话:023—68511253)");
    expect(letter!.resultClass).toBeNull();
    expect((await letterForDraft(db, draft.id, { today: TODAY, showResultClass: true }))!.resultClass).toBe("A");
  });

  it("is what the proposal shows while it has no reply", async () => {
    const { id } = await proposal180();
    expect(await db.select().from(replies).where(eq(replies.proposalId, id)).all()).toEqual([]);
    const source = await currentLetterSource(db, id, 1);
    expect(source).toEqual({ kind: "draft", draftId: (await latestDraftOf(id)).id });
    expect(await letterForSource(db, source!, { today: TODAY })).toEqual(
      await letterForDraft(db, (await latestDraftOf(id)).id, { today: TODAY }),
    );
  });

  it("prints the placeholder when the unit has no active director", async () => {
    const { id } = await proposal180();
    const draft = await latestDraftOf(id);
    const director = await db
      .select()
      .from(users)
      .where(and(eq(users.unitId, draft.unitId), eq(users.role, "director")))
      .all();
    await db
      .update(users)
      .set({ disabled: true })
      .where(
        inArray(
          users.id,
          director.map((d) => d.id),
        ),
      )
      .run();
    try {
      expect((await letterForDraft(db, draft.id, { today: TODAY }))!.closing).toMatch(
        new RegExp(`^此答复函已经${SIGNER_PLACEHOLDER}审签。`),
      );
    } finally {
      await db
        .update(users)
        .set({ disabled: false })
        .where(
          inArray(
            users.id,
            director.map((d) => d.id),
          ),
        )
        .run();
    }
  });
});

describe("the letter of a signed reply", () => {
  /** A reply of its proposal's current round, with its sign-off. */
  async function currentReply() {
    const row = await db
      .select({ reply: replies, signOff: signOffs })
      .from(replies)
      .innerJoin(signOffs, eq(signOffs.id, replies.signOffId))
      .innerJoin(proposals, and(eq(proposals.id, replies.proposalId), eq(proposals.round, replies.round)))
      .orderBy(replies.id)
      .get();
    if (!row) throw new Error("demo has no reply");
    return row;
  }

  it("is signed by the sign-off's signer, dated with the reply's date and addressed to the lead proposer", async () => {
    const { reply, signOff } = await currentReply();
    const letter = await letterForReply(db, reply.id);
    expect(letter).not.toBeNull();
    expect(letter!.closing).toBe(
      `此答复函已经${signOff.signerName}${signOff.signerTitle}审签。对以上答复有什么意见,请填写在答复函回执单上,以便进一步改进工作。`,
    );
    expect(letter!.writtenOn).toBe(reply.writtenOn);
    const lead = await db
      .select({ name: users.displayName })
      .from(proposalSigners)
      .innerJoin(users, eq(users.id, proposalSigners.userId))
      .where(and(eq(proposalSigners.proposalId, reply.proposalId), eq(proposalSigners.role, "lead")))
      .get();
    expect(letter!.salutation).toMatch(new RegExp(`^${lead!.name}(委员|代表):$`));
    expect(await currentLetterSource(db, reply.proposalId, reply.round)).toEqual({ kind: "reply", replyId: reply.id });
    expect(await letterForSource(db, { kind: "reply", replyId: reply.id })).toEqual(letter);
  });

  it("is addressed to a co-signer, but never to a seconder or anyone else", async () => {
    const signersOfReplies = await db
      .select({ replyId: replies.id, userId: proposalSigners.userId, role: proposalSigners.role, name: users.displayName })
      .from(replies)
      .innerJoin(proposalSigners, eq(proposalSigners.proposalId, replies.proposalId))
      .innerJoin(users, eq(users.id, proposalSigners.userId))
      .all();
    const cosigner = signersOfReplies.find((row) => row.role === "cosigner");
    const seconder = signersOfReplies.find((row) => row.role === "seconder");
    expect(cosigner && seconder).toBeTruthy();
    expect((await letterForReply(db, cosigner!.replyId, cosigner!.userId))!.salutation).toMatch(
      new RegExp(`^${cosigner!.name}(委员|代表):$`),
    );
    expect(await letterForReply(db, seconder!.replyId, seconder!.userId)).toBeNull();
    const handler = (await db.select({ id: users.id }).from(users).where(eq(users.username, "jiangmj")).get())!;
    expect(await letterForReply(db, (await currentReply()).reply.id, handler.id)).toBeNull();
  });

  it("is null for what does not exist", async () => {
    expect(await letterForReply(db, 999_999)).toBeNull();
    expect(await letterForDraft(db, 999_999)).toBeNull();
    expect(await currentLetterSource(db, 999_999, 1)).toBeNull();
  });
});
