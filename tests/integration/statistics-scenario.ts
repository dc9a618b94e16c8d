/**
 * The same few rows written on either engine, through each engine's own table objects (the export names
 * are the same in db/schema and db/schema-pg), for the statistics view to be compared: a proposal handled
 * up to a published reply with receipts, one assigned and replied but not published, one only registered.
 */
export type Writer = {
  /** Inserts one row into the table exported under `table` and returns its id. */
  insert: (table: string, values: Record<string, unknown>) => Promise<number>;
  /** Runs one statement that is the same SQL on both engines. */
  exec: (statement: string) => Promise<void>;
};

/** 16:30 UTC on 1 March is 00:30 on 2 March in China: accepted_on must say 2024-03-02. */
export const ACCEPTED_AT = new Date("2024-03-01T16:30:00Z");

export async function writeStatisticsScenario(
  w: Writer,
): Promise<{ sessionId: number; handled: number; unpublished: number; registered: number }> {
  const sessionId = await w.insert("sessions", {
    body: "政协重庆市九龙坡区委员会",
    term: "第十一届",
    meeting: "第三次会议",
    year: 2024,
    kind: "proposal",
  });
  const unitId = await w.insert("units", {
    name: "区教委",
    shortName: "教委",
    docPrefix: "九龙坡教函",
    indexPrefix: "11500107MB1234567X",
    kind: "department",
  });
  const handlerId = await w.insert("users", { username: "handler", displayName: "蒋明杰", role: "handler", unitId });
  const directorId = await w.insert("users", { username: "director", displayName: "邓敏军", role: "director", unitId });
  const [memberA, memberB] = [
    await w.insert("users", { username: "m1", displayName: "刘新荣", role: "member" }),
    await w.insert("users", { username: "m2", displayName: "王芳", role: "member" }),
  ];

  const proposal = async (number: number) =>
    w.insert("proposals", { sessionId, number, title: `关于第${number}件的提案`, body: "正文", receivedOn: "2024-01-10" });
  const [handled, unpublished, registered] = [await proposal(1), await proposal(2), await proposal(3)];

  const assignment = { unitId, assignedOn: "2024-02-20", acceptDue: "2024-02-27", due: "2024-05-20" };
  const lead = await w.insert("assignments", {
    ...assignment,
    proposalId: handled,
    role: "lead",
    status: "accepted",
    handlerId,
    acceptedAt: ACCEPTED_AT,
  });
  await w.insert("assignments", {
    ...assignment,
    proposalId: unpublished,
    role: "lead",
    status: "accepted",
    acceptedAt: new Date("2024-02-21T02:00:00Z"),
  });
  // An approved extension, as an UPDATE: reply_due follows it.
  await w.exec(`update assignments set extended_due = '2024-06-20' where id = ${lead}`);

  const contact = { unitId, contactedOn: "2024-03-05", participants: "蒋明杰与刘新荣委员", summary: "电话沟通", createdBy: handlerId };
  for (const [method, round] of [
    ["visit", 1],
    ["phone", 1],
    ["visit", 1],
    ["face", 2],
  ] as const)
    await w.insert("contactRecords", { ...contact, proposalId: handled, method, round });

  const reply = async (proposalId: number, serial: number) => {
    const draftId = await w.insert("replyDrafts", {
      proposalId,
      unitId,
      version: 1,
      body: "答复正文",
      resultClass: "A",
      contactPerson: "蒋明杰",
      contactPhone: "023-68511253",
      authorId: handlerId,
    });
    const signOffId = await w.insert("signOffs", { proposalId, draftId, decision: "approve", signerId: directorId, signerName: "邓敏军" });
    return w.insert("replies", {
      proposalId,
      round: 1,
      draftId,
      unitId,
      docYear: 2024,
      docSerial: serial,
      docNumber: `九龙坡教函〔2024〕${serial}号`,
      writtenOn: "2024-06-01",
      signOffId,
      replyDue: "2024-06-20",
      receiptDue: "2024-07-01",
      publicationDue: "2024-06-21",
    });
  };
  const published = await reply(handled, 1);
  await reply(unpublished, 2);
  await w.insert("publications", {
    replyId: published,
    status: "published",
    mode: "full",
    publisherUnitId: unitId,
    indexYear: 2024,
    indexSerial: 1,
    indexNumber: "11500107MB1234567X/2024-00001",
    topic: "教育",
    genre: "答复",
    publisherName: "区教委",
    writtenOn: "2024-06-01",
    publishedOn: "2024-06-10",
  });
  await w.insert("receipts", {
    replyId: published,
    memberId: memberA,
    contactReport: "visited",
    attitude: "satisfied",
    result: "satisfied",
    recordedBy: memberA,
  });
  await w.insert("receipts", {
    replyId: published,
    memberId: memberB,
    contactReport: "contacted",
    attitude: "basically",
    result: "unsatisfied",
    recordedBy: memberB,
  });
  return { sessionId, handled, unpublished, registered };
}
