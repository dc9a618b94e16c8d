/**
 * The authorization matrix (issue 9): every page, route handler and server action against every role,
 * as access-table.ts says — over plain HTTP with minted session cookies, against the production build.
 *
 *  1. The table covers exactly the routes on disk and the actions in the build's manifest: a new route
 *     or action without an entry fails here.
 *  2. Every route case × role answers the expected status (200 / 401 / 403 / 404 / redirect to sign-in).
 *  3. Every action × role, with an empty form, stops where expected: refused by the guard, or let through
 *     and stopped by validation — and nothing about the demo records changes.
 *  4. Ownership: roles that pass the guard send valid forms on records of a unit (or a member) that is not
 *     theirs; the use case refuses, and the records are unchanged.
 */
import fs from "node:fs";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { ACTIONS, OWNERSHIP, ROUTES, SIGHTS, type MatrixIds, type PageOutcome } from "./access-table";
import {
  actionIds,
  callAction,
  classify,
  column,
  eventsBy,
  get,
  isChineseMessage,
  jsonInteger,
  LOGINS,
  one,
  pool,
  proposalFingerprint,
  readDb,
  roleTokens,
  routeFiles,
  uploadedReferences,
  rowsFingerprint,
  ROLES,
  sessionToken,
  userId,
  type ActionResultValue,
  type GetResult,
  type Role,
} from "./support";

const HOME: Record<Role, string> = {
  anonymous: "/login",
  admin: "/admin",
  coordinator: "/work",
  handler: "/work",
  otherHandler: "/work",
  director: "/work",
  otherDirector: "/work",
  leader: "/work",
  districtLeader: "/work",
  owner: "/member",
  otherMember: "/member",
};

const chinaDate = (offsetDays = 0) => new Date(Date.now() + 8 * 3600_000 + offsetDays * 86_400_000).toISOString().slice(0, 10);

let tokens: Record<Role, string | undefined>;
let ids: MatrixIds;

/** A tiny but real PDF (the upload check reads the first bytes). */
const PDF = Buffer.from("%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n");

/** Registers a proposal with one attachment and assigns it to 科技创新局, as the coordinator. */
async function attachmentOfTheUnit(): Promise<{ proposal: number; id: number }> {
  const { sessionId, unitId, taken } = await readDb(async (db) => ({
    sessionId: await one(db, "select id from sessions where active and kind = 'proposal' order by year desc, id desc limit 1"),
    unitId: await one(db, "select id from units where name = '重庆高新区科技创新局'"),
    taken: new Set(await column(db, "select number from proposals")),
  }));
  let number = 900_000 + (Date.now() % 90_000);
  while (taken.has(number)) number++;
  const token = tokens.coordinator;
  const registered = await callAction({
    action: "app/(staff)/proposals/new/actions.ts#registerProposalAction",
    page: "/proposals/new",
    token,
    fields: {
      sessionId: String(sessionId),
      number: String(number),
      title: "关于授权矩阵测试附件的建议",
      proposer: "张志强",
      body: "授权矩阵测试：此提案带有一个附件。",
      receivedOn: chinaDate(),
      categoryId: "",
      attachments: await uploadedReferences(token!, "attachment", [{ file: PDF, name: "材料.pdf", type: "application/pdf" }]),
    },
  });
  const proposal = Number(/\/proposals\/(\d+)/.exec(registered.redirectTo ?? "")?.[1]);
  expect(proposal, `registration: ${JSON.stringify(registered.result)}`).toBeGreaterThan(0);
  const assigned = await callAction({
    action: "app/(staff)/proposals/[id]/actions.ts#assign",
    page: `/proposals/${proposal}`,
    token,
    fields: { proposalId: String(proposal), leadUnitId: String(unitId) },
  });
  expect(classify(assigned), JSON.stringify(assigned.result)).toBe("ok");
  const id = await readDb((db) => one(db, "select id from attachments where proposal_id = ?", proposal));
  return { proposal, id };
}

type ReplyFileIds = Pick<
  MatrixIds,
  "sealedScan" | "draftAttachment" | "otherDraftAttachment" | "ownReplyRound" | "handlingOfUnitVersion" | "handlingOfOtherVersion"
> & {
  uploads: Omit<MatrixIds["uploads"], "otherHandlerPhoto">;
};

/**
 * The reply files the table names, added as the unit's handler adds them: the scan of the sealed letter
 * of the unit's published reply, an attachment of its reply in the making (which changes that proposal's
 * version); and unused uploads of each role's own for the ownership cases.
 */
async function replyFilesOfTheUnit(
  found: Pick<MatrixIds, "ownReply" | "ownProposal" | "handlingOfUnit" | "handlingOfOther">,
): Promise<ReplyFileIds> {
  const handler = tokens.handler!;
  const file = (name: string) => [{ file: PDF, name, type: "application/pdf" }];
  const upload = async (role: Role, purpose: "attachment" | "sealed", name: string) =>
    (await uploadedReferences(tokens[role]!, purpose, file(name)))[0]!;
  const ownReplyRound = await readDb((db) => one(db, "select round from replies where id = ?", found.ownReply));
  const scanned = await callAction({
    action: "app/(staff)/proposals/[id]/reply-file-actions.ts#uploadSealedScanAction",
    page: `/proposals/${found.ownProposal}`,
    token: handler,
    fields: {
      proposalId: String(found.ownProposal),
      round: String(ownReplyRound),
      upload: await upload("handler", "sealed", "盖章件.pdf"),
    },
  });
  expect(classify(scanned), JSON.stringify(scanned.result)).toBe("ok");
  const attached = await callAction({
    action: "app/(staff)/proposals/[id]/reply-file-actions.ts#attachReplyFilesAction",
    page: `/proposals/${found.handlingOfUnit}/reply`,
    token: handler,
    fields: { proposalId: String(found.handlingOfUnit), uploads: [await upload("handler", "attachment", "办理方案.pdf")] },
  });
  expect(classify(attached), JSON.stringify(attached.result)).toBe("ok");
  // Another unit's reply attachment, added by that unit's handler.
  const otherLead = await readDb((db) =>
    one<string>(
      db,
      "select u.username from assignments a join users u on u.unit_id = a.unit_id and u.role = 'handler' where a.proposal_id = ? and a.role = 'lead' and a.status = 'accepted' order by u.id limit 1",
      found.handlingOfOther,
    ),
  );
  const otherToken = await sessionToken(otherLead);
  const attachedByOther = await callAction({
    action: "app/(staff)/proposals/[id]/reply-file-actions.ts#attachReplyFilesAction",
    page: `/proposals/${found.handlingOfOther}/reply`,
    token: otherToken,
    fields: {
      proposalId: String(found.handlingOfOther),
      uploads: await uploadedReferences(otherToken, "attachment", file("另一单位的方案.pdf")),
    },
  });
  expect(classify(attachedByOther), JSON.stringify(attachedByOther.result)).toBe("ok");
  const [handlerAttachment, otherHandlerAttachment, handlerSealed, directorSealed, otherHandlerSealed, otherDirectorSealed] =
    await Promise.all([
      upload("handler", "attachment", "越权测试.pdf"),
      upload("otherHandler", "attachment", "越权测试.pdf"),
      upload("handler", "sealed", "越权测试.pdf"),
      upload("director", "sealed", "越权测试.pdf"),
      upload("otherHandler", "sealed", "越权测试.pdf"),
      upload("otherDirector", "sealed", "越权测试.pdf"),
    ]);
  const uploads = { handlerAttachment, otherHandlerAttachment, handlerSealed, directorSealed, otherHandlerSealed, otherDirectorSealed };
  return readDb(async (db) => ({
    sealedScan: await one(
      db,
      "select id from reply_files where proposal_id = ? and kind = 'sealed' and replaced_at is null",
      found.ownProposal,
    ),
    draftAttachment: await one(
      db,
      "select id from reply_files where proposal_id = ? and kind = 'attachment' order by id desc limit 1",
      found.handlingOfUnit,
    ),
    otherDraftAttachment: await one(
      db,
      "select id from reply_files where proposal_id = ? and kind = 'attachment' order by id desc limit 1",
      found.handlingOfOther,
    ),
    uploads,
    ownReplyRound,
    handlingOfUnitVersion: await one(db, "select version from proposals where id = ?", found.handlingOfUnit),
    handlingOfOtherVersion: await one(db, "select version from proposals where id = ?", found.handlingOfOther),
  }));
}

/** A tiny JPEG as far as the upload check reads it (its first bytes). */
const JPEG = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0x01, 0x00]);

/**
 * Two 座谈会 the unit's handler records, as the form does, on a proposal the unit handles: the first with
 * one photo, the second without; and an unused photo upload of another unit's handler, for the ownership cases.
 */
async function meetingsOfTheUnit(
  found: Pick<MatrixIds, "handlingOfUnit" | "today">,
): Promise<{ meeting: MatrixIds["meeting"]; otherHandlerPhoto: string }> {
  const record = async (photos: string[]) => {
    const recorded = await callAction({
      action: "app/(staff)/meetings/actions.ts#recordMeetingAction",
      page: "/meetings/new",
      token: tokens.handler,
      fields: {
        kind: "forum",
        heldOn: found.today,
        place: "授权矩阵测试会议室",
        proposalIds: [String(found.handlingOfUnit)],
        officials: "蒋明杰",
        minutes: "授权矩阵测试：会议纪要。",
        photos,
      },
    });
    const id = Number(/\/meetings\/(\d+)/.exec(recorded.redirectTo ?? "")?.[1]);
    expect(id, `recording: ${JSON.stringify(recorded.result)}`).toBeGreaterThan(0);
    return id;
  };
  const id = await record(await uploadedReferences(tokens.handler!, "photo", [{ file: JPEG, name: "座谈会现场.jpg", type: "image/jpeg" }]));
  const other = await record([]);
  const [otherHandlerPhoto] = await uploadedReferences(tokens.otherHandler!, "photo", [
    { file: JPEG, name: "越权测试.jpg", type: "image/jpeg" },
  ]);
  return {
    meeting: { id, other, photo: await readDb((db) => one(db, "select id from meeting_photos where meeting_id = ?", id)) },
    otherHandlerPhoto: otherHandlerPhoto!,
  };
}

/** The demo records the table's URLs and forms use, found by what they are rather than by number. */
async function lookUpIds(
  attachment: MatrixIds["attachment"],
): Promise<Omit<MatrixIds, keyof Omit<ReplyFileIds, "handlingOfUnitVersion"> | "meeting">> {
  return readDb(async (db) => {
    const unit = await one(db, "select id from units where name = '重庆高新区科技创新局'");
    const otherUnit = await one(db, "select u.unit_id from users u where u.username = ?", LOGINS.otherHandler);
    const otherDirectorUnit = await one(db, "select u.unit_id from users u where u.username = ?", LOGINS.otherDirector);
    const owner = await userId(db, LOGINS.owner);
    const otherMember = await userId(db, LOGINS.otherMember);
    const UNITS = `${unit}, ${otherUnit}, ${otherDirectorUnit}`;
    const noPartOf = (units: string) => `not exists (select 1 from assignments a where a.proposal_id = p.id and a.unit_id in (${units}))`;
    const notSignedBy = `not exists (select 1 from proposal_signers s where s.proposal_id = p.id and s.user_id in (${owner}, ${otherMember}))`;
    const leads = (u: number, status = "a.status != 'withdrawn'") =>
      `exists (select 1 from assignments a where a.proposal_id = p.id and a.unit_id = ${u} and a.role = 'lead' and ${status})`;
    const coHandles = (u: number, status = "a.status != 'withdrawn'") =>
      `exists (select 1 from assignments a where a.proposal_id = p.id and a.unit_id = ${u} and a.role = 'co' and ${status})`;
    const publishedFull =
      "exists (select 1 from replies r join publications pu on pu.reply_id = r.id where r.proposal_id = p.id and pu.status = 'published' and pu.mode = 'full')";
    const hasDraft = "exists (select 1 from reply_drafts d where d.proposal_id = p.id)";
    const proposal = (where: string) => one(db, `select p.id from proposals p where ${where} order by p.id limit 1`);
    const replyOf = (p: number) => one(db, "select id from replies where proposal_id = ? order by round desc limit 1", p);
    const draftOf = (p: number) => one(db, "select id from reply_drafts where proposal_id = ? order by id desc limit 1", p);
    const versionOf = (p: number) => one(db, "select version from proposals where id = ?", p);

    const ownProposal = await proposal(
      `${leads(unit)} and exists (select 1 from proposal_signers s where s.proposal_id = p.id and s.user_id = ${owner} and s.role = 'lead') and ${publishedFull} and ${hasDraft}`,
    );
    const otherProposal = await proposal(
      `${noPartOf(UNITS)} and ${notSignedBy} and p.status = 'closed' and ${publishedFull} and ${hasDraft}`,
    );
    const coProposal = await proposal(
      `${coHandles(unit)} and ${noPartOf(`${otherUnit}, ${otherDirectorUnit}`)} and not ${leads(unit)} and ${notSignedBy} and exists (select 1 from replies r where r.proposal_id = p.id) and ${hasDraft}`,
    );
    const handlingOfUnit = await proposal(
      `p.status = 'handling' and ${leads(unit, "a.status = 'accepted'")} and ${noPartOf(`${otherUnit}, ${otherDirectorUnit}`)}`,
    );
    const handlingOfOther = await proposal(
      `p.status = 'handling' and ${noPartOf(UNITS)} and exists (select 1 from assignments a where a.proposal_id = p.id and a.role = 'co' and a.status != 'withdrawn')`,
    );
    const inReviewOfUnit = await proposal(
      `p.status = 'in_review' and ${leads(unit)} and ${noPartOf(`${otherUnit}, ${otherDirectorUnit}`)}`,
    );
    const inReviewOfOther = await proposal(`p.status = 'in_review' and ${noPartOf(UNITS)}`);
    // Published already, so that no other test picks it to publish.
    const repliedOfOther = await proposal(
      `p.status = 'replied' and ${noPartOf(UNITS)} and ${notSignedBy} and exists (select 1 from replies r join publications pu on pu.reply_id = r.id where r.proposal_id = p.id)`,
    );
    const comment = async (p: number, where: string) => ({
      proposal: p,
      text: await one<string>(
        db,
        `select e.comment from events e where e.proposal_id = ? and e.comment is not null and ${where} order by e.id limit 1`,
        p,
      ),
    });
    const hasEvent = (where: string) => `exists (select 1 from events e where e.proposal_id = p.id and e.comment is not null and ${where})`;
    const RECEIPT = "e.action = 'receipt'";
    const RETURN = "e.action = 'return'";
    const unitRequest = (unitIs: string) =>
      `e.action in ('request_extension', 'request_adjustment', 'supervise') and ${jsonInteger(db, "e.data", "unitId")} ${unitIs}`;
    const leadUnitOf =
      "(select a.unit_id from assignments a where a.proposal_id = e.proposal_id and a.role = 'lead' and a.status != 'withdrawn')";
    const receiptOnCo = await proposal(
      `${coHandles(unit)} and not ${leads(unit)} and ${noPartOf(`${otherUnit}, ${otherDirectorUnit}`)} and ${hasEvent(RECEIPT)}`,
    );
    const receiptOfUnit = await proposal(`${leads(unit)} and ${hasEvent(RECEIPT)}`);
    const returnOfUnit = await proposal(`${leads(unit)} and ${hasEvent(RETURN)}`);
    const onOtherDirectorsCo = await proposal(
      `${coHandles(otherDirectorUnit)} and not ${leads(otherDirectorUnit)} and ${hasEvent(unitRequest(`= ${leadUnitOf}`))}`,
    );
    const onOtherHandlersCo = await proposal(`${coHandles(otherUnit)} and ${hasEvent(unitRequest(`!= ${otherUnit}`))}`);
    const fontCss = fs.readFileSync(path.join("node_modules", "@fontsource", "noto-serif-sc", "400.css"), "utf8");
    const handler = await userId(db, LOGINS.handler);
    return {
      unitSection: await one(db, "select id from sections where unit_id = ? and name = '科技综合科'", unit),
      unit,
      otherUnit,
      ownProposal,
      ownReply: await replyOf(ownProposal),
      ownDraft: await draftOf(ownProposal),
      published: await one(
        db,
        "select pu.id from publications pu join replies r on r.id = pu.reply_id where r.proposal_id = ? and pu.status = 'published' and pu.mode = 'full'",
        ownProposal,
      ),
      otherProposal,
      otherReply: await replyOf(otherProposal),
      otherDraft: await draftOf(otherProposal),
      coProposal,
      coReply: await replyOf(coProposal),
      coDraft: await draftOf(coProposal),
      summaryPublished: await one(db, "select id from publications where status = 'published' and mode = 'summary' order by id limit 1"),
      withheld: await one(db, "select id from publications where status = 'withheld' order by id limit 1"),
      owner,
      otherMember,
      attachment,
      adminUnit: unit,
      adminUser: handler,
      adminSession: await one(db, "select id from sessions order by id limit 1"),
      adminCategory: await one(db, "select id from categories order by id limit 1"),
      fontFile: /url\(\.\/files\/([\w.-]+\.woff2)\)/.exec(fontCss)![1]!,
      pendingOfUnit: await proposal(
        `p.status = 'assigned' and ${leads(unit, "a.status = 'pending'")} and ${noPartOf(`${otherUnit}, ${otherDirectorUnit}`)}`,
      ),
      pendingOfOther: await proposal(
        `p.status = 'assigned' and ${noPartOf(UNITS)} and exists (select 1 from assignments a where a.proposal_id = p.id and a.status = 'pending')`,
      ),
      handlingOfUnit,
      handlingOfUnitVersion: await versionOf(handlingOfUnit),
      handlingOfOther,
      handlingOfOtherVersion: await versionOf(handlingOfOther),
      coHandledByUnit: await proposal(
        `p.status = 'handling' and ${coHandles(unit, "a.status = 'accepted'")} and ${noPartOf(`${otherUnit}, ${otherDirectorUnit}`)}`,
      ),
      inReviewOfUnit,
      inReviewOfUnitVersion: await versionOf(inReviewOfUnit),
      inReviewOfOther,
      inReviewOfOtherVersion: await versionOf(inReviewOfOther),
      repliedOfOther,
      repliedOfOtherReply: await replyOf(repliedOfOther),
      handlerNotification: await one(db, "select id from notifications where user_id = ? order by id limit 1", handler),
      today: chinaDate(),
      inAMonth: chinaDate(30),
      comments: {
        receiptOnCoProposal: await comment(receiptOnCo, RECEIPT),
        receiptOfUnit: await comment(receiptOfUnit, RECEIPT),
        returnOfUnit: await comment(returnOfUnit, RETURN),
        leadRequestOnOtherDirectorsCo: await comment(onOtherDirectorsCo, unitRequest(`= ${leadUnitOf}`)),
        otherUnitRequestOnOtherHandlersCo: await comment(onOtherHandlersCo, unitRequest(`!= ${otherUnit}`)),
      },
    };
  });
}

test.beforeAll(async () => {
  // Registering, uploading and attaching as several roles takes a while on a busy machine.
  test.setTimeout(120_000);
  tokens = await roleTokens();
  const found = await lookUpIds(await attachmentOfTheUnit());
  // Before the reply files: recording the meetings changes handlingOfUnit's version, which that reads last.
  const { meeting, otherHandlerPhoto } = await meetingsOfTheUnit(found);
  const files = await replyFilesOfTheUnit(found);
  ids = { ...found, ...files, meeting, uploads: { ...files.uploads, otherHandlerPhoto } };
});

/** The outcome of a GET in the table's terms. */
function pageOutcome(response: GetResult, role: Role): PageOutcome | string {
  if (response.status >= 300 && response.status < 400) {
    const target = new URL(response.location ?? "", "http://x").pathname;
    if (target === "/login") return "login";
    if (target === HOME[role]) return "home";
    return "redirect";
  }
  return response.status as PageOutcome;
}

test("the table has an entry for every route on disk and every server action in the build, and no other", () => {
  const onDisk = routeFiles();
  const inTable = Object.keys(ROUTES).sort();
  const missing = onDisk.filter((f) => !inTable.includes(f));
  const stale = inTable.filter((f) => !onDisk.includes(f));
  expect({ routesWithoutEntry: missing, entriesWithoutRoute: stale }).toEqual({ routesWithoutEntry: [], entriesWithoutRoute: [] });

  const built = [...actionIds().keys()].sort();
  const tabled = Object.keys(ACTIONS).sort();
  expect({
    actionsWithoutEntry: built.filter((a) => !tabled.includes(a)),
    entriesWithoutAction: tabled.filter((a) => !built.includes(a)),
  }).toEqual({ actionsWithoutEntry: [], entriesWithoutAction: [] });
});

test("every page and route handler answers every role as the table says", async () => {
  test.setTimeout(180_000);
  const checks = Object.entries(ROUTES).flatMap(([file, cases]) =>
    cases.flatMap((c) => ROLES.map((role) => ({ file, label: c.label, url: c.url(ids), role, expected: c.expect[role] }))),
  );
  // Letters printed by Chromium are slow: start them first, so they overlap the quick ones.
  checks.sort((a, b) => Number(b.url.includes(".pdf")) - Number(a.url.includes(".pdf")));
  const seen = await pool(checks, 6, async (check) => {
    const response = await get(check.url, tokens[check.role]);
    return { ...check, actual: pageOutcome(response, check.role), status: response.status };
  });
  const wrong = seen
    .filter((s) => s.actual !== s.expected)
    .map((s) => `${s.role} GET ${s.url} (${s.file}, ${s.label}): expected ${s.expected}, got ${s.actual}`);
  expect(wrong).toEqual([]);
  test.info().annotations.push({
    type: "matrix",
    description: `${checks.length / ROLES.length} route cases × ${ROLES.length} roles = ${checks.length} requests`,
  });
});

test("what each role sees on a page it may open: internal comments only where the pages they come from are open to it", async () => {
  const checks = SIGHTS.flatMap((c) => {
    const { proposal, text } = ids.comments[c.comment];
    return ROLES.map((role) => ({ label: c.label, url: c.page(proposal), text, role, expected: c.expect[role] ?? "no page" }));
  });
  const seen = await pool(checks, 6, async (check) => {
    const response = await get(check.url, tokens[check.role]);
    // A page is only shown or hidden for the roles that get it; every other role must not get it at all.
    const actual = response.status !== 200 ? "no page" : response.body.includes(check.text) ? "shown" : "hidden";
    return { ...check, actual };
  });
  const wrong = seen
    .filter((s) => s.actual !== s.expected)
    .map((s) => `${s.role} GET ${s.url} (${s.label}, “${s.text.slice(0, 24)}…”): expected ${s.expected}, got ${s.actual}`);
  expect(wrong).toEqual([]);
  const asserted = checks.filter((c) => c.expected !== "no page").length;
  test.info().annotations.push({
    type: "matrix",
    description: `${SIGHTS.length} texts × ${ROLES.length} roles: ${asserted} shown/hidden assertions, ${checks.length - asserted} roles without the page`,
  });
});

test("every server action stops every role where the table says, and changes nothing", async () => {
  const proposalIds = [ids.ownProposal, ids.otherProposal, ids.coProposal, ids.attachment.proposal, ids.handlingOfUnit];
  const exclusive = await readDb((db) => Promise.all([userId(db, LOGINS.otherDirector), userId(db, LOGINS.otherMember)]));
  const snapshot = () =>
    readDb(async (db) => ({
      proposals: await proposalFingerprint(db, proposalIds),
      records: await rowsFingerprint(
        db,
        {
          units: [ids.adminUnit],
          sessions: [ids.adminSession],
          categories: [ids.adminCategory],
          settings: ["deadlines", "smtp", "publication"],
        },
        { settings: "key" },
      ),
      // Nobody else uses these two accounts: any event of theirs would be a change this test made.
      eventsOfExclusiveRoles: await eventsBy(db, exclusive),
    }));
  const before = await snapshot();
  const calls = Object.entries(ACTIONS).flatMap(([action, entry]) =>
    ROLES.map((role) => ({ action, role, page: entry.page(ids), fields: entry.fields ?? {}, expected: entry.expect[role] })),
  );
  // Signing out ends the session: those calls go last, on sessions of their own.
  const last = (c: (typeof calls)[number]) => Number(c.action.endsWith("#signOutAction"));
  calls.sort((a, b) => last(a) - last(b));
  const firstSignOut = calls.findIndex((c) => last(c) === 1);
  const run = async (batch: typeof calls) =>
    pool(batch, 6, async (call) => {
      // readAll and sign-out act on the caller's session: mint a fresh one for each.
      const token =
        call.role === "anonymous"
          ? undefined
          : call.expected.startsWith("redirect")
            ? await sessionToken(LOGINS[call.role])
            : tokens[call.role];
      const response = await callAction({ action: call.action, page: call.page, fields: call.fields, token });
      const result = response.result as ActionResultValue | undefined;
      const message = result && !result.ok ? result.error : null;
      return { ...call, actual: classify(response), message };
    });
  const seen = [...(await run(calls.slice(0, firstSignOut))), ...(await run(calls.slice(firstSignOut)))];
  const wrong = seen
    .filter((s) => s.actual !== s.expected)
    .map((s) => `${s.role} → ${s.action}: expected ${s.expected}, got ${s.actual}${s.message ? ` (${s.message})` : ""}`);
  expect(wrong).toEqual([]);
  const unreadable = seen
    .filter((s) => s.message !== null && !isChineseMessage(s.message))
    .map((s) => `${s.role} → ${s.action}: ${s.message}`);
  expect(unreadable).toEqual([]);
  expect(await snapshot()).toEqual(before);
  test.info().annotations.push({
    type: "matrix",
    description: `${calls.length / ROLES.length} actions × ${ROLES.length} roles = ${calls.length} calls`,
  });
});

test("roles that pass the guard cannot act on another unit's or another member's records", async () => {
  const seen = await pool(OWNERSHIP, 4, async (c) => {
    const target = c.target(ids);
    const rows = c.rows?.(ids) ?? {};
    const fingerprint = () =>
      readDb(async (db) => ({ proposals: await proposalFingerprint(db, target), rows: await rowsFingerprint(db, rows, c.rowKeys) }));
    const before = await fingerprint();
    const response = await callAction({ action: c.action, page: c.page(ids), fields: c.fields(ids), token: tokens[c.role] });
    const after = await fingerprint();
    const result = response.result as ActionResultValue | undefined;
    return {
      c,
      outcome: classify(response),
      message: result && !result.ok ? result.error : null,
      unchanged: JSON.stringify(before) === JSON.stringify(after),
    };
  });
  const wrong = seen
    .filter((s) => s.outcome !== "refused" || !s.unchanged || !isChineseMessage(s.message))
    .map(
      (s) =>
        `${s.c.role} → ${s.c.action} (${s.c.label}): ${s.outcome}${s.message ? ` “${s.message}”` : ""}${s.unchanged ? "" : ", and the records changed"}`,
    );
  expect(wrong).toEqual([]);
  test
    .info()
    .annotations.push({ type: "ownership", description: `${OWNERSHIP.length} refused calls on records of another unit or member` });
});
