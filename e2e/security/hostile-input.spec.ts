/**
 * Hostile input (issue 9): SQL fragments, markup, overlong text, control characters, undecodable
 * UTF-8, huge and odd numbers, empty and blank values — into every field of every server action (as the
 * role allowed to use it) and every search and filter parameter, over HTTP against the production build.
 *
 *  - Nothing answers 500; a refused form says why in Chinese.
 *  - Refused calls store nothing: the records they aim at are unchanged, the accounts that sent them
 *    caused no event, and none of the hostile strings is found anywhere in the database afterwards.
 *  - Where hostile text is legitimately kept (a proposal, contacts, drafts, opinions, comments, a
 *    receipt, admin records), every page that shows it shows it as text: no element injected, no dialog.
 *  - Uploads of HTML, SVG or programs are refused; what is accepted is served as an attachment, never sniffed.
 *
 * The calls are made by accounts this spec creates (so that "caused no event" means something while
 * other specs run), on a closed demo proposal no other spec uses, and on a proposal of its own.
 */
import crypto from "node:crypto";
import { DEADLINE_KINDS, DEFAULT_DEADLINES } from "../../lib/deadline-rules";
import { expect, type Page, test } from "../fixtures";
import {
  type ActionResultValue,
  callAction,
  classify,
  column,
  eventsBy,
  type Fields,
  type FieldValue,
  get,
  isChineseMessage,
  one,
  pool,
  proposalFingerprint,
  readDb,
  rowsFingerprint,
  sessionToken,
  uploadedReferences,
  uploadFile,
  whereStored,
} from "./support";

// ---------------------------------------------------------------------------------------------
// The hostile values

type Hostile = { name: string; value: string | Buffer };

const OVERLONG = "长".repeat(100_000);

const HOSTILE: readonly Hostile[] = [
  { name: "SQL OR 1=1", value: "' OR 1=1 --" },
  { name: "SQL DROP TABLE", value: '"; DROP TABLE proposals; --' },
  { name: "script tag", value: "<script>alert(1)</script>" },
  { name: "img onerror", value: "<img src=x onerror=alert(1)>" },
  { name: "100k characters", value: OVERLONG },
  { name: "NUL", value: "a\u0000b" },
  { name: "backspace", value: "a\u0008b" },
  { name: "right-to-left override", value: "材料\u202Efdp.exe" },
  // A lone surrogate cannot travel as UTF-8 from JavaScript (fetch turns it into U+FFFD) …
  { name: "lone surrogate", value: "a\uD800b" },
  // … so it is also sent as the bytes a broken client would send: ED A0 80 is an encoded surrogate, invalid UTF-8.
  { name: "invalid UTF-8", value: Buffer.from([0x61, 0xed, 0xa0, 0x80, 0x62, 0xff]) },
  { name: "1e309", value: "1e309" },
  { name: "20 digits", value: "99999999999999999999" },
  { name: "-1", value: "-1" },
  { name: "1.5", value: "1.5" },
  { name: "NaN", value: "NaN" },
  { name: "empty", value: "" },
  { name: "whitespace only", value: " \t\n\u3000" },
];

/** The hostile values of these names, in this order. */
const named = (...names: string[]) => names.map((n) => HOSTILE.find((h) => h.name === n)!);

/** Strings that no refused call may leave behind anywhere in the database. */
const TELLTALES = [
  "' OR 1=1 --",
  "DROP TABLE proposals",
  "<script>alert(1)</script>",
  "onerror=alert(1)",
  "\u202E",
  OVERLONG.slice(0, 2000),
];

/** In query strings: the same values percent-encoded byte by byte (a lone surrogate as its invalid UTF-8), and search syntax. */
const HOSTILE_QUERY: readonly { name: string; encoded: string }[] = [
  ...HOSTILE.filter((h) => h.name !== "lone surrogate" && h.name !== "100k characters").map((h) => ({
    name: h.name,
    encoded: [...(Buffer.isBuffer(h.value) ? h.value : Buffer.from(h.value))].map((b) => `%${b.toString(16).padStart(2, "0")}`).join(""),
  })),
  { name: "lone surrogate", encoded: "a%ED%A0%80b" },
  // 9 KB of URL: the app gets it (the 100k value is for forms; a URL that long is refused by Node itself, 431).
  { name: "1k characters", encoded: encodeURIComponent("长".repeat(1000)) },
  { name: "bad percent-encoding", encoded: "%E0%A4%A" },
  { name: "lone percent", encoded: "%" },
  { name: "FTS quote", encoded: encodeURIComponent('"') },
  { name: "FTS syntax", encoded: encodeURIComponent('科技 OR "a" NEAR(b c) * -d ^e {f} title:g') },
];

// ---------------------------------------------------------------------------------------------
// Accounts and records of this spec

const INITIAL_PASSWORD = "Initial-pass-2026";
const PASSWORD = "Hostile-pass-2027";
const suffix = Date.now().toString(36);
/** Chinese letters from the suffix, for names that must be Chinese and unique. */
const hanSuffix = [...suffix].map((c) => "甲乙丙丁戊己庚辛壬癸子丑寅卯辰巳午未申酉戌亥金木水火土日月星"[parseInt(c, 36) % 30]).join("");

type Account = { key: string; role: string; unit: string | null; displayName: string };
const ACCOUNTS: Account[] = [
  { key: "admin", role: "admin", unit: null, displayName: "安全测试管理员" },
  { key: "coordinator", role: "coordinator", unit: null, displayName: "安全测试督查室" },
  { key: "handler", role: "handler", unit: "重庆高新区科技创新局", displayName: "安全测试承办人" },
  { key: "coHandler", role: "handler", unit: "重庆高新区党群工作部", displayName: "安全测试协办人" },
  { key: "director", role: "director", unit: "重庆高新区科技创新局", displayName: "安全测试局长" },
  { key: "member", role: "member", unit: null, displayName: `测试委员${hanSuffix}` },
  // Only ever the object of the administrator's forms.
  { key: "target", role: "member", unit: null, displayName: `测试对象${hanSuffix}` },
];

type Setup = {
  users: Record<string, { id: number; username: string }>;
  tokens: Record<string, string>;
  /** A closed demo proposal no other spec uses: every form aimed at it must be refused. */
  closed: { id: number; sessionId: number; number: number; replyId: number; leadMember: number; leadUnit: number; otherClosed: number };
  kjcx: number;
  dqgz: number;
  currentSession: number;
  /** This spec's own proposal, taken through the whole workflow with hostile text. */
  own: { id: number; number: number };
};

let setup: Setup;

const chinaDate = (offsetDays = 0) => new Date(Date.now() + 8 * 3600_000 + offsetDays * 86_400_000).toISOString().slice(0, 10);
const PDF = Buffer.from("%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n");

function result(response: { result: unknown }): ActionResultValue | undefined {
  return response.result as ActionResultValue | undefined;
}

async function expectOk(response: Awaited<ReturnType<typeof callAction>>, what: string) {
  const outcome = classify(response);
  expect(outcome === "ok" || outcome.startsWith("redirect:"), `${what}: ${outcome} ${JSON.stringify(result(response))}`).toBe(true);
}

test.describe.configure({ mode: "serial" });

test.beforeAll(async () => {
  test.setTimeout(120_000);
  const ids = await readDb(async (db) => ({
    kjcx: await one(db, "select id from units where name = '重庆高新区科技创新局'"),
    dqgz: await one(db, "select id from units where name = '重庆高新区党群工作部'"),
    units: Object.fromEntries(await db.arrays("select name, id from units")) as Record<string, number>,
    currentSession: await one(db, "select id from sessions where active and kind = 'proposal' order by year desc, id desc limit 1"),
    // A closed demo proposal (the first: later ones may be other specs') in which neither the spec's units nor
    // 生态环境局 have a part, with a signed reply. Closed, nothing may change it any more.
    closed: (
      await db.rows<Omit<Setup["closed"], "otherClosed">>(
        `select p.id, p.session_id as sessionId, p.number, r.id as replyId,
                (select s.user_id from proposal_signers s where s.proposal_id = p.id and s.role = 'lead') as leadMember,
                (select a.unit_id from assignments a where a.proposal_id = p.id and a.role = 'lead' and a.status != 'withdrawn') as leadUnit
         from proposals p join replies r on r.proposal_id = p.id
         where p.status = 'closed' and not exists (select 1 from assignments a join units u on u.id = a.unit_id
               where a.proposal_id = p.id and u.name in ('重庆高新区科技创新局', '重庆高新区党群工作部', '重庆高新区生态环境局'))
         order by p.id limit 1`,
      )
    )[0]!,
    otherClosed: await one(db, "select id from proposals where status = 'closed' order by id limit 1"),
  }));
  const adminToken = await sessionToken("admin");
  const users: Setup["users"] = {};
  for (const account of ACCOUNTS) {
    const username = `sec-${account.key.toLowerCase()}-${suffix}`.slice(0, 32);
    const created = await callAction({
      action: "app/(staff)/admin/users/actions.ts#createUser",
      page: "/admin/users/new",
      token: adminToken,
      fields: {
        username,
        displayName: account.displayName,
        role: account.role,
        unitId: account.unit ? String(ids.units[account.unit]) : "",
        title: account.role === "director" ? "局长" : "",
        phone: "",
        email: "",
        password: INITIAL_PASSWORD,
        passwordConfirm: INITIAL_PASSWORD,
      },
    });
    const id = Number(/created=(\d+)/.exec(created.redirectTo ?? "")?.[1]);
    expect(id, `create ${username}: ${JSON.stringify(result(created))}`).toBeGreaterThan(0);
    users[account.key] = { id, username };
  }

  // A one-time password must be changed before anything else, also when the form is sent by hand.
  const early = await callAction({
    action: "app/(staff)/proposals/[id]/actions.ts#accept",
    page: "/work",
    token: await sessionToken(users.handler!.username),
    fields: { proposalId: "1" },
  });
  expect(result(early)).toEqual({ ok: false, error: "请先修改初始密码，再办理其他事项。" });

  const tokens: Record<string, string> = {};
  for (const account of ACCOUNTS) {
    const { username } = users[account.key]!;
    if (account.key !== "target") {
      const changed = await callAction({
        action: "app/account/password/actions.ts#changePassword",
        page: "/account/password",
        token: await sessionToken(username),
        fields: { currentPassword: INITIAL_PASSWORD, password: PASSWORD, passwordConfirm: PASSWORD },
      });
      expect(classify(changed), `${username}: ${JSON.stringify(result(changed))}`).toBe("redirect:/login");
    }
    tokens[account.key] = await sessionToken(username);
  }

  // The spec's own proposal: registered by its coordinator for its member, with hostile title and body.
  const taken = new Set(await readDb((db) => column(db, "select number from proposals where session_id = ?", ids.currentSession)));
  let number = 800_000 + (Date.now() % 90_000);
  while (taken.has(number)) number++;
  const registered = await callAction({
    action: "app/(staff)/proposals/new/actions.ts#registerProposalAction",
    page: "/proposals/new",
    token: tokens.coordinator,
    fields: {
      sessionId: String(ids.currentSession),
      number: String(number),
      title: `关于安全测试的建议<script>alert(1)</script>' OR 1=1 --`,
      proposer: ACCOUNTS.find((a) => a.key === "member")!.displayName,
      categoryId: "",
      body: `<img src=x onerror=alert(1)>\n"; DROP TABLE proposals; --\n安全测试提案正文。`,
      receivedOn: chinaDate(),
      // Accepted: a real PDF whose name is markup, and a "PDF" that is an HTML page after its first bytes.
      attachments: await uploadedReferences(tokens.coordinator!, "attachment", [
        { file: PDF, name: "<img src=x onerror=alert(1)>.pdf", type: "application/pdf" },
        {
          file: Buffer.concat([Buffer.from("%PDF-1.4\n"), Buffer.from("<html><body><script>alert(1)</script></body></html>")]),
          name: "polyglot.pdf",
          type: "text/html",
        },
      ]),
    },
  });
  const own = Number(/\/proposals\/(\d+)/.exec(registered.redirectTo ?? "")?.[1]);
  expect(own, `registration: ${JSON.stringify(result(registered))}`).toBeGreaterThan(0);
  await expectOk(
    await callAction({
      action: "app/(staff)/proposals/[id]/actions.ts#assign",
      page: `/proposals/${own}`,
      token: tokens.coordinator,
      fields: { proposalId: String(own), leadUnitId: String(ids.kjcx), coUnitIds: [String(ids.dqgz)] },
    }),
    "assign",
  );
  for (const key of ["handler", "coHandler"]) {
    await expectOk(
      await callAction({
        action: "app/(staff)/proposals/[id]/actions.ts#accept",
        page: `/proposals/${own}`,
        token: tokens[key],
        fields: { proposalId: String(own) },
      }),
      `accept (${key})`,
    );
  }
  setup = {
    users,
    tokens,
    closed: { ...ids.closed, otherClosed: ids.otherClosed },
    kjcx: ids.kjcx,
    dqgz: ids.dqgz,
    currentSession: ids.currentSession,
    own: { id: own, number },
  };
});

// ---------------------------------------------------------------------------------------------
// Every field of every action, on records where a valid form would still be refused

type FormSpec = {
  action: string;
  page: string;
  /** Which of the spec's accounts sends it (anonymous when absent). */
  as?: string;
  /** A form that passes validation but is refused (wrong unit, state, a duplicate, no such record). */
  valid: Fields;
  /** Free text: each hostile value alone in each of these fields, the others valid. */
  text: string[];
  /** Ids, numbers, dates, choices: all of them hostile at once, the text fields valid. */
  other: string[];
  /** Fields to spoil as well while one of `text` is hostile, where a hostile value could make a valid new record. */
  spoil?: Record<string, Fields>;
};

function forms(): FormSpec[] {
  const { closed, kjcx, dqgz, currentSession } = setup;
  const P = String(closed.id);
  const onClosed = `/proposals/${closed.id}`;
  const NO_RECORD = "2147483647";
  const deadlines = Object.fromEntries(
    DEADLINE_KINDS.flatMap((k) => [
      [`${k}Amount`, String(DEFAULT_DEADLINES[k].amount)],
      [`${k}Unit`, DEFAULT_DEADLINES[k].unit],
    ]),
  );
  const unitFields = {
    name: "重庆高新区科技创新局",
    shortName: "高新区科技创新局",
    docPrefix: "渝高新测函",
    indexPrefix: "1150010700927699ZZ",
    kind: "department",
  };
  const profile = { displayName: "安全测试", role: "member", unitId: "", title: "", phone: "", email: "" };
  const receipt = { contactReport: "visited", attitude: "satisfied", result: "satisfied", opinion: "" };
  const ADMIN = "app/(staff)/admin/";
  const H = "app/(staff)/proposals/[id]/actions.ts#";
  return [
    // ---- administration: duplicates of existing records, or records that do not exist
    {
      action: `${ADMIN}units/actions.ts#createUnit`,
      page: "/admin/units/new",
      as: "admin",
      valid: unitFields,
      text: ["name", "shortName", "docPrefix", "indexPrefix"],
      other: ["kind"],
    },
    {
      action: `${ADMIN}units/actions.ts#updateUnit`,
      page: "/admin/units",
      as: "admin",
      valid: { id: NO_RECORD, ...unitFields, name: "安全测试单位", shortName: "安全测试", active: "on" },
      text: ["name", "shortName", "docPrefix", "indexPrefix"],
      other: ["id", "kind", "active"],
    },
    {
      action: `${ADMIN}users/actions.ts#createUser`,
      page: "/admin/users/new",
      as: "admin",
      valid: { username: "jiangmj", ...profile, password: PASSWORD, passwordConfirm: PASSWORD },
      text: ["username", "displayName", "title", "phone", "email", "password", "passwordConfirm"],
      other: ["role", "unitId"],
      // A valid form would hash its password (argon2, slow) before the taken name refuses it; the profile
      // fields reach the database through updateUser below. And "1.5" or "1e309" are good usernames.
      spoil: Object.fromEntries(
        ["username", "displayName", "title", "phone", "email"].map((f) => [f, { passwordConfirm: "Mismatch-2027" }]),
      ),
    },
    {
      action: `${ADMIN}users/actions.ts#updateUser`,
      page: "/admin/users",
      as: "admin",
      valid: { id: NO_RECORD, ...profile },
      text: ["displayName", "title", "phone", "email"],
      other: ["id", "role", "unitId"],
    },
    {
      action: `${ADMIN}users/actions.ts#resetPassword`,
      page: "/admin/users",
      as: "admin",
      valid: { id: NO_RECORD, password: PASSWORD, passwordConfirm: PASSWORD },
      text: ["password", "passwordConfirm"],
      other: ["id"],
    },
    {
      action: `${ADMIN}users/actions.ts#disableUser`,
      page: "/admin/users",
      as: "admin",
      valid: { id: NO_RECORD },
      text: [],
      other: ["id"],
    },
    { action: `${ADMIN}users/actions.ts#enableUser`, page: "/admin/users", as: "admin", valid: { id: NO_RECORD }, text: [], other: ["id"] },
    { action: `${ADMIN}users/actions.ts#unlockUser`, page: "/admin/users", as: "admin", valid: { id: NO_RECORD }, text: [], other: ["id"] },
    {
      action: `${ADMIN}sessions/actions.ts#createSession`,
      page: "/admin/sessions/new",
      as: "admin",
      valid: { body: "政协重庆市九龙坡区委员会", term: "第十一届", meeting: "第二次会议", year: "2026", kind: "proposal" },
      text: ["body", "term", "meeting"],
      other: ["year", "kind"],
    },
    {
      action: `${ADMIN}sessions/actions.ts#updateSession`,
      page: "/admin/sessions",
      as: "admin",
      valid: {
        id: NO_RECORD,
        body: "政协安全测试委员会",
        term: "第一届",
        meeting: "第一次会议",
        year: "2026",
        kind: "proposal",
        active: "on",
      },
      text: ["body", "term", "meeting"],
      other: ["id", "year", "kind", "active"],
    },
    {
      action: `${ADMIN}categories/actions.ts#createCategory`,
      page: "/admin/categories",
      as: "admin",
      valid: { name: "科技、教育", sortOrder: "1" },
      text: ["name"],
      other: ["sortOrder"],
      spoil: { name: { sortOrder: "-1" } },
    },
    {
      action: `${ADMIN}categories/actions.ts#updateCategory`,
      page: "/admin/categories",
      as: "admin",
      valid: { id: NO_RECORD, name: "安全测试分类", sortOrder: "1", active: "on" },
      text: ["name"],
      other: ["id", "sortOrder", "active"],
    },
    // Numbers and choices only: every hostile value is invalid, whatever the others are.
    {
      action: `${ADMIN}settings/actions.ts#saveDeadlines`,
      page: "/admin/settings",
      as: "admin",
      valid: deadlines,
      text: [],
      other: Object.keys(deadlines),
    },
    {
      action: `${ADMIN}settings/actions.ts#savePublication`,
      page: "/admin/settings",
      as: "admin",
      valid: { publisher: "coordinator" },
      text: [],
      other: ["publisher"],
    },
    // A notice whose days do not add up (共2天 for one day) is refused whatever else is sent; no year 2099 was entered.
    {
      action: `${ADMIN}calendar/actions.ts#saveHolidayYear`,
      page: "/admin/calendar",
      as: "admin",
      valid: { year: "2027", source: "测试", noticeText: "一、元旦：1月1日（周五）放假，共2天。" },
      text: ["source", "noticeText"],
      other: ["year"],
    },
    {
      action: `${ADMIN}calendar/actions.ts#removeHolidayYear`,
      page: "/admin/calendar",
      as: "admin",
      valid: { year: "2099" },
      text: [],
      other: ["year"],
    },

    // ---- the coordinating office, on the closed proposal
    {
      action: "app/(staff)/proposals/new/actions.ts#registerProposalAction",
      page: "/proposals/new",
      as: "coordinator",
      // Its number is taken in its session.
      valid: {
        sessionId: String(closed.sessionId),
        number: String(closed.number),
        title: "安全测试",
        proposer: "张志强",
        coSigners: "",
        seconders: "",
        categoryId: "",
        body: "安全测试",
        receivedOn: chinaDate(),
      },
      text: ["title", "proposer", "coSigners", "seconders", "body", "receivedOn"],
      other: ["sessionId", "number", "categoryId", "isKey", "isUrgent", "wantsMeeting", "createMembers"],
    },
    // The file is a reference to an upload (app/api/uploads); none of this user's has this one.
    {
      action: "app/(staff)/proposals/import/actions.ts#importListAction",
      page: "/proposals/import",
      as: "coordinator",
      valid: { sessionId: String(currentSession), file: "0".repeat(32) },
      text: ["file"],
      other: ["sessionId"],
    },
    {
      action: `${H}assign`,
      page: onClosed,
      as: "coordinator",
      valid: { proposalId: P, leadUnitId: String(kjcx), coUnitIds: [String(dqgz)] },
      text: [],
      other: ["proposalId", "leadUnitId", "coUnitIds"],
    },
    {
      action: `${H}decideAdjustmentRequest`,
      page: onClosed,
      as: "coordinator",
      valid: { proposalId: P, unitId: String(closed.leadUnit), decision: "reject", replacementUnitId: "", comment: "安全测试" },
      text: ["comment"],
      other: ["proposalId", "unitId", "decision", "replacementUnitId"],
    },
    {
      action: `${H}decideExtensionRequest`,
      page: onClosed,
      as: "coordinator",
      valid: { proposalId: P, unitId: String(closed.leadUnit), decision: "refuse", until: "", comment: "安全测试" },
      text: ["comment"],
      other: ["proposalId", "unitId", "decision", "until"],
    },
    {
      action: `${H}waiveOpinion`,
      page: onClosed,
      as: "coordinator",
      valid: { proposalId: P, unitId: String(closed.leadUnit), reason: "安全测试" },
      text: ["reason"],
      other: ["proposalId", "unitId"],
    },
    {
      action: `${H}waiveContactRequirement`,
      page: onClosed,
      as: "coordinator",
      valid: { proposalId: P, reason: "安全测试" },
      text: ["reason"],
      other: ["proposalId"],
    },
    {
      action: `${H}superviseUnit`,
      page: onClosed,
      as: "coordinator",
      valid: { proposalId: P, unitId: String(closed.leadUnit), comment: "安全测试" },
      text: ["comment"],
      other: ["proposalId", "unitId"],
    },
    {
      action: `${H}close`,
      page: onClosed,
      as: "coordinator",
      valid: { proposalId: P, reason: "安全测试" },
      text: ["reason"],
      other: ["proposalId"],
    },
    {
      action: `${H}link`,
      page: onClosed,
      as: "coordinator",
      valid: { proposalId: P, relatedId: NO_RECORD },
      text: [],
      other: ["proposalId", "relatedId"],
    },
    {
      action: "app/(staff)/proposals/[id]/receipt-actions.ts#recordPaperReceiptAction",
      page: onClosed,
      as: "coordinator",
      valid: { proposalId: P, replyId: String(closed.replyId), memberId: String(closed.leadMember), ...receipt },
      text: ["opinion"],
      other: ["proposalId", "replyId", "memberId", "contactReport", "attitude", "result"],
    },
    {
      action: "app/(staff)/proposals/[id]/receipt-actions.ts#remindReceiptAction",
      page: onClosed,
      as: "coordinator",
      valid: { proposalId: P, memberId: String(closed.leadMember) },
      text: [],
      other: ["proposalId", "memberId"],
    },
    // Already published.
    {
      action: "app/(staff)/proposals/[id]/publication-actions.ts#decidePublicationAction",
      page: onClosed,
      as: "coordinator",
      valid: { proposalId: P, decision: "publish", reason: "" },
      text: ["reason"],
      other: ["proposalId", "decision"],
    },
    {
      action: "app/(staff)/supervision/actions.ts#superviseAll",
      page: "/supervision",
      as: "coordinator",
      valid: { unitId: String(closed.leadUnit), proposalIds: [P], stage: "reply" },
      text: [],
      other: ["unitId", "proposalIds", "stage"],
    },

    // ---- a handler of 科技创新局, on a proposal the unit has no part in
    { action: `${H}accept`, page: onClosed, as: "handler", valid: { proposalId: P }, text: [], other: ["proposalId"] },
    {
      action: `${H}askForAdjustment`,
      page: onClosed,
      as: "handler",
      valid: { proposalId: P, reason: "安全测试", suggestedUnitId: "" },
      text: ["reason"],
      other: ["proposalId", "suggestedUnitId"],
    },
    {
      action: `${H}askForExtension`,
      page: onClosed,
      as: "handler",
      valid: { proposalId: P, until: chinaDate(40), reason: "安全测试" },
      text: ["reason"],
      other: ["proposalId", "until"],
    },
    {
      action: `${H}writeOpinion`,
      page: onClosed,
      as: "handler",
      valid: { proposalId: P, body: "安全测试", intent: "save" },
      text: ["body"],
      other: ["proposalId", "intent"],
    },
    {
      action: `${H}recordContact`,
      page: onClosed,
      as: "handler",
      valid: { proposalId: P, contactedOn: chinaDate(), method: "phone", participants: "安全测试", summary: "安全测试" },
      text: ["participants", "summary"],
      other: ["proposalId", "contactedOn", "method"],
    },
    {
      action: `${H}saveReplyDraft`,
      page: onClosed,
      as: "handler",
      valid: {
        proposalId: P,
        version: "1",
        body: "安全测试",
        resultClass: "A",
        contactPerson: "安全测试",
        contactPhone: "023-68510000",
        disclosure: "full",
        disclosureSummary: "",
        disclosureReason: "",
      },
      text: ["body", "contactPerson", "contactPhone", "disclosureSummary", "disclosureReason"],
      other: ["proposalId", "version", "basedOn", "resultClass", "disclosure"],
    },
    {
      action: `${H}submitDraft`,
      page: onClosed,
      as: "handler",
      valid: { proposalId: P, version: "1" },
      text: [],
      other: ["proposalId", "version"],
    },
    // ---- a director of 科技创新局
    {
      action: `${H}signOffOpinion`,
      page: onClosed,
      as: "director",
      valid: { proposalId: P, decision: "approve", comment: "" },
      text: ["comment"],
      other: ["proposalId", "decision"],
    },
    {
      action: `${H}signOffReply`,
      page: onClosed,
      as: "director",
      valid: { proposalId: P, version: "1", decision: "approve", comment: "" },
      text: ["comment"],
      other: ["proposalId", "version", "decision"],
    },
    // ---- a member, on a proposal that is not theirs; the printed letter's link, with no sign-in
    {
      action: "app/member/proposals/[id]/actions.ts#submitReceiptAction",
      page: `/member/proposals/${closed.id}`,
      as: "member",
      valid: { proposalId: P, replyId: String(closed.replyId), ...receipt },
      text: ["opinion"],
      other: ["proposalId", "replyId", "contactReport", "attitude", "result"],
    },
    {
      action: "app/receipt/[token]/actions.ts#submitReceiptByToken",
      page: "/receipt/AAAA.BBBB",
      valid: { token: "AAAA.BBBB", ...receipt },
      text: ["token", "opinion"],
      other: ["contactReport", "attitude", "result"],
    },
    // ---- one's own account: a wrong current password; someone else's notification
    {
      action: "app/account/password/actions.ts#changePassword",
      page: "/account/password",
      as: "member",
      valid: { currentPassword: "Wrong-pass-2027", password: "Other-pass-2028", passwordConfirm: "Other-pass-2028" },
      text: ["currentPassword", "password", "passwordConfirm"],
      other: [],
    },
    {
      action: "app/notifications/actions.ts#open",
      page: "/notifications",
      as: "member",
      valid: { id: NO_RECORD },
      text: [],
      other: ["id"],
    },
    { action: "app/notifications/actions.ts#chooseDigest", page: "/notifications", as: "member", valid: {}, text: [], other: ["digest"] },
  ];
}

type Attempt = { form: FormSpec; fields: Fields; tried: string[]; hostile: string };

function attempts(form: FormSpec): Attempt[] {
  const out: Attempt[] = [];
  for (const h of HOSTILE) {
    for (const field of form.text)
      out.push({ form, fields: { ...form.valid, ...form.spoil?.[field], [field]: h.value }, tried: [field], hostile: h.name });
    if (form.other.length > 0)
      out.push({
        form,
        fields: { ...form.valid, ...Object.fromEntries(form.other.map((f) => [f, h.value])) },
        tried: form.other,
        hostile: h.name,
      });
  }
  return out;
}

/** The value as the test sent it, for messages. */
const shown = (value: FieldValue | FieldValue[] | undefined) =>
  typeof value === "string"
    ? JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…(${value.length})` : value)
    : Buffer.isBuffer(value)
      ? "<bytes>"
      : "<file>";

test("every field of every server action refuses hostile input in Chinese and stores nothing", async () => {
  test.setTimeout(240_000);
  const all = forms();
  const mine = Object.values(setup.users).map((u) => u.id);
  const snapshot = () =>
    readDb(async (db) => ({
      proposals: await proposalFingerprint(db, [setup.closed.id, setup.closed.otherClosed, setup.own.id]),
      records: await rowsFingerprint(
        db,
        { settings: ["deadlines", "smtp", "publication"], units: [setup.kjcx], sessions: [setup.closed.sessionId] },
        { settings: "key" },
      ),
      eventsOfThisSpec: await eventsBy(db, mine),
    }));
  const telltales = () =>
    readDb(async (db) => {
      const found: Record<string, Record<string, number>> = {};
      for (const t of TELLTALES) found[JSON.stringify(t.slice(0, 30))] = await whereStored(db, t);
      return found;
    });
  const before = await snapshot();
  const storedBefore = await telltales();
  const tries = all.flatMap(attempts);
  const seen = await pool(tries, 6, async (attempt) => {
    const response = await callAction({
      action: attempt.form.action,
      page: attempt.form.page,
      token: attempt.form.as ? setup.tokens[attempt.form.as] : undefined,
      fields: attempt.fields,
    });
    return { attempt, outcome: classify(response), result: result(response), status: response.status };
  });
  const describeCall = (s: (typeof seen)[number]) =>
    `${s.attempt.form.action} ${s.attempt.tried.join("+")}=${s.attempt.hostile} ${shown(s.attempt.fields[s.attempt.tried[0]!])}`;
  // No call failed on the server, and every one was refused.
  expect(
    seen
      .filter((s) => s.status >= 500 || !["invalid", "refused", "tooLarge"].includes(s.outcome))
      .map((s) => `${describeCall(s)} → ${s.outcome} ${JSON.stringify(s.result)}`),
  ).toEqual([]);
  // With a message a person can read (the field messages too).
  const unreadable = seen.flatMap((s) => {
    const r = s.result;
    if (!r || r.ok) return [];
    const messages = [r.error, ...Object.values(r.fieldErrors ?? {})];
    return messages.filter((m) => !isChineseMessage(m)).map((m) => `${describeCall(s)} → “${m}”`);
  });
  expect(unreadable).toEqual([]);
  // Nothing changed: the records aimed at, the settings, no event by the spec's accounts, and no hostile string anywhere.
  expect(await snapshot()).toEqual(before);
  // (The spec's own proposal keeps some of them on purpose: their counts must not have grown.)
  expect(await telltales()).toEqual(storedBefore);

  const fields = all.reduce((n, f) => n + f.text.length + f.other.length, 0);
  const tried = tries.reduce((n, t) => n + t.tried.length, 0);
  test.info().annotations.push({
    type: "hostile input",
    description: `${all.length} actions, ${fields} fields × ${HOSTILE.length} hostile values = ${tried} field values in ${tries.length} calls`,
  });
});

test("signing in with hostile names, passwords and return addresses", async () => {
  const call = async (fields: Fields) => callAction({ action: "app/login/actions.ts#signInAction", page: "/login", fields });
  // Values the form refuses before any password is checked (they do not count as failed attempts).
  // (A password of blanks is a password: it is checked, so it is not among them.)
  const early = await pool(
    [
      ...named("100k characters", "empty", "whitespace only").map((h) => ({ username: h.value, password: PASSWORD })),
      ...named("100k characters", "empty").map((h) => ({ username: "nobody", password: h.value })),
    ],
    4,
    call,
  );
  for (const r of early) expect(classify(r)).toBe("invalid");
  // A few that reach the credential check: each is one failed attempt of this address, so only three.
  for (const fields of [
    { username: "' OR 1=1 --", password: "' OR 1=1 --" },
    { username: "admin'--", password: '"; DROP TABLE users; --' },
    { username: "<script>alert(1)</script>", password: "a\u0000b" },
  ]) {
    const r = await call(fields);
    expect(classify(r), JSON.stringify(result(r))).toBe("refused");
    expect(isChineseMessage(result(r) && !result(r)!.ok ? (result(r) as { error: string }).error : "")).toBe(true);
  }
  // A correct sign-in never returns to another site.
  // (The bypass list in full, through Chromium: sign-in-and-sessions.spec.ts.)
  const returnAddresses = [
    "https://evil.example/",
    "//evil.example/",
    "/\\evil.example",
    "javascript:alert(1)",
    "\u0000/",
    "%2F%2Fevil.example",
    "/\t/evil.example",
    "/.//evil.example",
    "/\u3000/evil.example",
    "/proposals?q=养老\r\n",
  ];
  for (const callbackUrl of returnAddresses) {
    const r = await call({ username: setup.users.coordinator!.username, password: PASSWORD, callbackUrl });
    const outcome = classify(r);
    if (outcome.startsWith("redirect:")) {
      expect(new URL(r.redirectTo!.split(";")[0]!, "http://localhost").host, callbackUrl).toBe("localhost");
      expect(
        r.redirectTo!.startsWith("/") && !r.redirectTo!.startsWith("//") && !r.redirectTo!.startsWith("/\\"),
        `${callbackUrl} → ${r.redirectTo}`,
      ).toBe(true);
      // Printable ASCII only: nothing a browser would drop or read as a slash, and nothing a header cannot carry.
      expect(r.redirectTo, callbackUrl).toMatch(/^[\x21-\x7e]+$/);
    } else {
      // Only a sign-in throttled by the per-address limit may refuse here.
      expect(outcome, JSON.stringify(result(r))).toBe("refused");
    }
  }
});

// ---------------------------------------------------------------------------------------------
// Query strings

type QueryTarget = { path: string; params: string[]; as?: string; free?: string[] };

const QUERIES: QueryTarget[] = [
  { path: "/open", params: ["q", "year", "unit", "topic", "kind", "page"], free: ["q", "topic"] },
  { path: "/open/search", params: ["q", "year", "unit", "topic", "kind", "page"], free: ["q"] },
  { path: "/open/prefs", params: ["lang", "care"] },
  { path: "/login", params: ["callbackUrl", "changed"], free: ["callbackUrl"] },
  {
    path: "/proposals",
    params: ["session", "kind", "status", "lead", "co", "category", "key", "overdue", "from", "to", "q", "page"],
    as: "coordinator",
    free: ["q"],
  },
  {
    path: "/proposals",
    params: ["session", "kind", "status", "lead", "co", "category", "key", "overdue", "from", "to", "q", "page"],
    as: "handler",
    free: ["q"],
  },
  { path: "/stats", params: ["session", "kind", "unit"], as: "coordinator" },
  { path: "/stats/statistics.xlsx", params: ["session", "kind", "unit"], as: "coordinator" },
  { path: "/stats/report", params: ["session"], as: "coordinator" },
  {
    path: "/proposals/ledger.xlsx",
    params: ["session", "kind", "status", "lead", "co", "category", "key", "overdue", "from", "to", "q", "page"],
    as: "coordinator",
    free: ["q"],
  },
  { path: "/supervision", params: ["days", "stage", "page", "unit"], as: "coordinator" },
  { path: "/admin/users", params: ["role", "unit", "status", "q", "page", "created"], as: "admin", free: ["q"] },
  { path: "/admin/units", params: ["created"], as: "admin" },
  { path: "/admin/sessions", params: ["created"], as: "admin" },
  { path: "/admin/categories", params: ["created"], as: "admin" },
  { path: "/admin/audit", params: ["kind", "user", "from", "to", "page"], as: "admin", free: ["user"] },
  { path: "/notifications", params: ["page"], as: "handler" },
  { path: "/work", params: ["page"], as: "handler" },
  { path: "/member", params: ["page"], as: "member" },
];

test("hostile search and filter parameters never fail the server", async () => {
  test.setTimeout(180_000);
  const draftId = await readDb((db) =>
    one(db, "select id from reply_drafts where proposal_id in (select id from proposals where status = 'closed') order by id desc limit 1"),
  );
  const replyId = setup.closed.replyId;
  const targets: QueryTarget[] = [
    ...QUERIES,
    { path: `/proposals/${setup.closed.id}/drafts`, params: ["from", "to"], as: "coordinator" },
    { path: `/letters/${replyId}/print`, params: ["to", "class"], as: "coordinator" },
    { path: `/letters/${replyId}/letter.docx`, params: ["to", "class"], as: "coordinator" },
    { path: `/letters/drafts/${draftId}/print`, params: ["class"], as: "coordinator" },
  ];
  const tokens: Record<string, string> = { ...setup.tokens };
  const urls = targets.flatMap((t) => [
    // Every parameter at once with each value, each free-text parameter alone, and each parameter twice.
    ...HOSTILE_QUERY.map((h) => ({ t, url: `${t.path}?${t.params.map((p) => `${p}=${h.encoded}`).join("&")}`, h: h.name })),
    ...(t.free ?? []).flatMap((p) => HOSTILE_QUERY.map((h) => ({ t, url: `${t.path}?${p}=${h.encoded}`, h: h.name }))),
    { t, url: `${t.path}?${t.params.map((p) => `${p}=a&${p}=1`).join("&")}`, h: "repeated" },
  ]);
  const seen = await pool(urls, 6, async (u) => {
    const response = await get(u.url, u.t.as ? tokens[u.t.as] : undefined, { Referer: "http://localhost/open" });
    return { ...u, status: response.status, body: response.body };
  });
  const failures = seen
    .filter((s) => s.status >= 500 || s.status === 0)
    .map((s) => `${s.t.as ?? "anonymous"} GET ${s.url.slice(0, 160)} (${s.h}) → ${s.status}`);
  expect(failures).toEqual([]);
  // Pages answer normally: the page itself (or its redirect), never a refusal for a bad parameter — but for
  // a request line too long for Node (431: all parameters at once with the 1k value).
  const odd = seen
    .filter((s) => ![200, 303, 307].includes(s.status) && !(s.status === 431 && s.url.length > 16_000))
    .map((s) => `${s.url.slice(0, 120)} (${s.h}) → ${s.status}`);
  expect(odd).toEqual([]);
  test.info().annotations.push({
    type: "hostile query",
    description: `${targets.length} pages, ${targets.reduce((n, t) => n + t.params.length, 0)} parameters, ${urls.length} requests`,
  });
});

test("an undecodable path segment is answered 400, not 500", async () => {
  // Next.js itself would answer 500 before any app code runs; the front server (server/main.ts) answers 400.
  for (const path of ["/proposals/%ED%A0%80", "/open/%FF", "/receipt/%zz", "/letters/%E0%A4%A/print"]) {
    expect((await get(path, setup.tokens.coordinator)).status, path).toBe(400);
  }
});

// ---------------------------------------------------------------------------------------------
// Uploads

test("uploads: HTML, SVG and programs are refused; what is kept is served as an attachment and never sniffed", async () => {
  const { coordinator } = setup.tokens;
  const html = Buffer.from("<!doctype html><html><body><script>alert(1)</script></body></html>");
  const svg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><script>alert(1)</script></svg>');
  const exe = Buffer.concat([Buffer.from("MZ"), Buffer.alloc(62), Buffer.from("PE\0\0")]);
  // Refused by the upload route, which streams the file and checks it as the form used to.
  const refused: [string, { file: Buffer; name: string; type?: string }][] = [
    ["an HTML page", { file: html, name: "材料.html", type: "text/html" }],
    ["an SVG image", { file: svg, name: "图.svg", type: "image/svg+xml" }],
    ["a program", { file: exe, name: "setup.exe", type: "application/octet-stream" }],
    ["HTML named .pdf", { file: html, name: "材料.pdf", type: "application/pdf" }],
    ["SVG named .png", { file: svg, name: "图.png", type: "image/png" }],
    ["a program named .docx", { file: exe, name: "说明.docx" }],
    ["HTML behind a double extension", { file: html, name: "材料.pdf.html" }],
    ["a program behind a right-to-left override", { file: exe, name: "材料\u202Efdp.exe" }],
    ["no extension", { file: PDF, name: "材料" }],
    ["more than 10 MB", { file: Buffer.concat([PDF, Buffer.alloc(10 * 1024 * 1024)]), name: "大.pdf" }],
  ];
  // Nothing of the refused file is recorded (counted by its name and content: other specs upload meanwhile).
  const recorded = ({ file, name }: { file: Buffer; name: string }) =>
    readDb((db) =>
      one(
        db,
        "select count(*) from uploads where file_name = ? and sha256 = ?",
        name,
        crypto.createHash("sha256").update(file).digest("hex"),
      ),
    );
  for (const [what, file] of refused) {
    const answer = await uploadFile(coordinator, "attachment", file);
    expect([413, 422], `${what}: ${answer.status} ${answer.body}`).toContain(answer.status);
    expect(isChineseMessage(answer.body), what).toBe(true);
    expect(await recorded(file), what).toBe(0);
  }

  // The form refuses six files and references that are not an upload of the caller's (another user's: tests/integration/import-registration.test.ts).
  const register = async (title: string, attachments: string[]) =>
    callAction({
      action: "app/(staff)/proposals/new/actions.ts#registerProposalAction",
      page: "/proposals/new",
      token: coordinator,
      fields: {
        sessionId: String(setup.currentSession),
        number: String(setup.own.number + 1),
        title,
        proposer: "张志强",
        categoryId: "",
        body: "上传测试",
        receivedOn: chinaDate(),
        attachments,
      },
    });
  const six = await uploadedReferences(
    coordinator!,
    "attachment",
    Array.from({ length: 6 }, (_, i) => ({ file: PDF, name: `${i}.pdf` })),
  );
  for (const [what, attachments] of [
    ["six files", six],
    ["a made-up reference", ["0".repeat(32)]],
    ["a path", ["../../app.db"]],
  ] as const) {
    const title = `上传测试${what}${suffix}`;
    const r = await register(title, [...attachments]);
    expect(classify(r), `${what}: ${JSON.stringify(result(r))}`).toBe("refused");
    const answer = result(r) as { ok: false; error: string; fieldErrors?: Record<string, string> };
    expect(isChineseMessage(answer.error) && answer.fieldErrors?.attachments, what).toBeTruthy();
    expect(await readDb((db) => one(db, "select count(*) from proposals where title = ?", title)), what).toBe(0);
  }

  // The proposal's two accepted files, one a PDF that turns into HTML after its first bytes.
  const files = await readDb((db) =>
    db.rows<{ id: number; name: string; type: string; storage: string }>(
      "select id, file_name as name, mime_type as type, storage_path as storage from attachments where proposal_id = ? order by id",
      setup.own.id,
    ),
  );
  expect(files.map((f) => f.name)).toEqual(["<img src=x onerror=alert(1)>.pdf", "polyglot.pdf"]);
  for (const f of files) {
    expect(f.type).toBe("application/pdf");
    expect(f.storage.startsWith("/") || f.storage.includes("..") || f.storage.includes("public")).toBe(false);
    const response = await get(`/proposals/${setup.own.id}/attachments/${f.id}`, coordinator);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/pdf");
    expect(response.headers.get("content-disposition")).toMatch(/^attachment; /);
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
    // Not reachable as a static file under any public path.
    expect((await get(`/${f.storage}`)).status).not.toBe(200);
  }
});

// ---------------------------------------------------------------------------------------------
// Hostile text that is legitimately kept: the spec's own proposal through the workflow, and admin records

/** The markup and SQL values: text a field may legitimately keep. */
const MARKUP = ["SQL OR 1=1", "SQL DROP TABLE", "script tag", "img onerror"];
const KEEPABLE = HOSTILE.filter((h) => MARKUP.includes(h.name)).map((h) => h.value as string);
/** Values no text field may keep: too long, control characters, a bidi override, nothing at all. */
const NEVER_KEPT = ["100k characters", "NUL", "backspace", "right-to-left override", "empty", "whitespace only"];

/** What the server receives for a value: undecodable UTF-8 and lone surrogates arrive as U+FFFD. */
function received(value: string | Buffer): string {
  const text = Buffer.isBuffer(value)
    ? new TextDecoder().decode(value)
    : value.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, "\uFFFD");
  return text.trim();
}

type Db = Parameters<Parameters<typeof readDb>[0]>[0];

/**
 * Sends each value in turn (the rest of the form as `form` makes it): a refused one must leave the
 * proposal unchanged, an accepted one must be stored exactly as received. Returns the names kept.
 */
async function sendEach(
  action: string,
  as: string,
  values: readonly Hostile[],
  form: (value: string | Buffer) => Fields | Promise<Fields>,
  stored: (db: Db, value: string) => Promise<boolean>,
): Promise<string[]> {
  const kept: string[] = [];
  for (const { name, value } of values) {
    const before = (await readDb((db) => proposalFingerprint(db, [setup.own.id]))).hash;
    const r = await callAction({ action, page: `/proposals/${setup.own.id}`, token: setup.tokens[as], fields: await form(value) });
    const outcome = classify(r);
    expect(r.status, `${action} ${name}`).toBeLessThan(500);
    if (outcome === "ok") {
      expect(await readDb((db) => stored(db, received(value))), `${action}: ${name} accepted but not stored as received`).toBe(true);
      kept.push(name);
    } else {
      expect(outcome, `${action} ${name}: ${JSON.stringify(result(r))}`).toMatch(/^(invalid|refused)$/);
      expect(isChineseMessage((result(r) as { error: string }).error), `${action} ${name}`).toBe(true);
      expect(
        (await readDb((db) => proposalFingerprint(db, [setup.own.id]))).hash,
        `${action} ${name} refused but changed the proposal`,
      ).toBe(before);
    }
  }
  return kept;
}

const versionOf = () => readDb((db) => one(db, "select version from proposals where id = ?", setup.own.id));

test("hostile text kept by the workflow: contacts, drafts, opinions, comments, a sign-off, publication and a receipt", async () => {
  test.setTimeout(120_000);
  const P = String(setup.own.id);
  const H = "app/(staff)/proposals/[id]/actions.ts#";
  const has = (sql: string) => async (db: Db, value: string) => (await one(db, sql, setup.own.id, value)) > 0;
  const keptAll: Record<string, string[]> = {};

  keptAll.contactSummary = await sendEach(
    `${H}recordContact`,
    "handler",
    HOSTILE,
    (v) => ({ proposalId: P, contactedOn: chinaDate(), method: "face", participants: "安全测试", summary: v }),
    has("select count(*) from contact_records where proposal_id = ? and summary = ?"),
  );
  keptAll.contactParticipants = await sendEach(
    `${H}recordContact`,
    "handler",
    named(...MARKUP),
    (v) => ({ proposalId: P, contactedOn: chinaDate(), method: "phone", participants: v, summary: "参加人员测试" }),
    has("select count(*) from contact_records where proposal_id = ? and participants = ?"),
  );
  keptAll.draftBody = await sendEach(
    `${H}saveReplyDraft`,
    "handler",
    HOSTILE,
    async (v) => ({
      proposalId: P,
      version: String(await versionOf()),
      body: v,
      resultClass: "B",
      contactPerson: "安全测试",
      contactPhone: "023-68510000",
      disclosure: "full",
    }),
    has("select count(*) from reply_drafts where proposal_id = ? and body = ?"),
  );
  keptAll.draftContact = await sendEach(
    `${H}saveReplyDraft`,
    "handler",
    named(...MARKUP),
    async (v) => ({
      proposalId: P,
      version: String(await versionOf()),
      body: "一、答复正文。",
      resultClass: "A",
      contactPerson: v,
      contactPhone: "023-68510000",
      disclosure: "summary",
      disclosureSummary: v,
    }),
    has("select count(*) from reply_drafts where proposal_id = ? and contact_person = ?"),
  );
  keptAll.coOpinion = await sendEach(
    `${H}writeOpinion`,
    "coHandler",
    HOSTILE,
    (v) => ({ proposalId: P, body: v, intent: "save" }),
    has("select count(*) from co_opinions c join assignments a on a.id = c.assignment_id where a.proposal_id = ? and c.body = ?"),
  );
  keptAll.supervise = await sendEach(
    `${H}superviseUnit`,
    "coordinator",
    named(...MARKUP),
    (v) => ({ proposalId: P, unitId: String(setup.kjcx), comment: v }),
    has("select count(*) from events where proposal_id = ? and comment = ?"),
  );
  keptAll.extension = await sendEach(
    `${H}askForExtension`,
    "handler",
    named("script tag"),
    (v) => ({ proposalId: P, until: chinaDate(100), reason: v }),
    has("select count(*) from extension_requests e join assignments a on a.id = e.assignment_id where a.proposal_id = ? and e.reason = ?"),
  );
  keptAll.waiver = await sendEach(
    `${H}waiveOpinion`,
    "coordinator",
    named("img onerror"),
    (v) => ({ proposalId: P, unitId: String(setup.dqgz), reason: v }),
    has("select count(*) from assignments where proposal_id = ? and opinion_waived_reason = ?"),
  );
  // Free text keeps markup and SQL as written, and never what is overlong, invisible or empty.
  for (const [field, names] of Object.entries(keptAll))
    expect(
      names.filter((n) => NEVER_KEPT.includes(n)),
      field,
    ).toEqual([]);
  for (const field of ["contactSummary", "contactParticipants", "draftBody", "draftContact", "coOpinion", "supervise"])
    expect(keptAll[field], field).toEqual(expect.arrayContaining(MARKUP));
  expect(keptAll.extension).toEqual(["script tag"]);
  expect(keptAll.waiver).toEqual(["img onerror"]);

  // A full draft to sign: returned once with a hostile comment, then approved with another.
  const finalDraft = async () => ({
    proposalId: P,
    version: String(await versionOf()),
    body: `一、${KEEPABLE[2]}\n二、${KEEPABLE[3]}`,
    resultClass: "A",
    contactPerson: "安全测试",
    contactPhone: "023-68510000",
    disclosure: "full",
  });
  await expectOk(
    await callAction({ action: `${H}saveReplyDraft`, page: `/proposals/${P}`, token: setup.tokens.handler, fields: await finalDraft() }),
    "final draft",
  );
  await expectOk(
    await callAction({
      action: `${H}submitDraft`,
      page: `/proposals/${P}`,
      token: setup.tokens.handler,
      fields: { proposalId: P, version: String(await versionOf()) },
    }),
    "submit",
  );
  await expectOk(
    await callAction({
      action: `${H}signOffReply`,
      page: `/proposals/${P}`,
      token: setup.tokens.director,
      fields: { proposalId: P, version: String(await versionOf()), decision: "return", comment: KEEPABLE[2]! },
    }),
    "return",
  );
  await expectOk(
    await callAction({ action: `${H}saveReplyDraft`, page: `/proposals/${P}`, token: setup.tokens.handler, fields: await finalDraft() }),
    "revised draft",
  );
  await expectOk(
    await callAction({
      action: `${H}submitDraft`,
      page: `/proposals/${P}`,
      token: setup.tokens.handler,
      fields: { proposalId: P, version: String(await versionOf()) },
    }),
    "resubmit",
  );
  await expectOk(
    await callAction({
      action: `${H}signOffReply`,
      page: `/proposals/${P}`,
      token: setup.tokens.director,
      fields: { proposalId: P, version: String(await versionOf()), decision: "approve", comment: KEEPABLE[3]! },
    }),
    "approve",
  );
  await expectOk(
    await callAction({
      action: "app/(staff)/proposals/[id]/publication-actions.ts#decidePublicationAction",
      page: `/proposals/${P}`,
      token: setup.tokens.coordinator,
      fields: { proposalId: P, decision: "publish", reason: "" },
    }),
    "publish",
  );
  const replyId = await readDb((db) => one(db, "select id from replies where proposal_id = ?", setup.own.id));
  const receipt = await sendEach(
    "app/member/proposals/[id]/actions.ts#submitReceiptAction",
    "member",
    named("100k characters", "NUL", "img onerror", "script tag"),
    (v) => ({ proposalId: P, replyId: String(replyId), contactReport: "visited", attitude: "satisfied", result: "satisfied", opinion: v }),
    has("select count(*) from receipts r join replies p on p.id = r.reply_id where p.proposal_id = ? and r.opinion = ?"),
  );
  // Once per reply round: the first acceptable one is kept, the next is refused.
  expect(receipt).toEqual(["img onerror"]);
});

test("hostile text kept by the administration forms", async () => {
  const { admin } = setup.tokens;
  const A = "app/(staff)/admin/";
  // Categories: each acceptable name is a new category (made inactive again at once).
  for (const name of KEEPABLE) {
    const r = await callAction({
      action: `${A}categories/actions.ts#createCategory`,
      page: "/admin/categories",
      token: admin,
      fields: { name: `${name}${suffix}`.slice(0, 20), sortOrder: "99" },
    });
    const id = Number(/created=(\d+)/.exec(r.redirectTo ?? "")?.[1]);
    if (id > 0) {
      await expectOk(
        await callAction({
          action: `${A}categories/actions.ts#updateCategory`,
          page: `/admin/categories/${id}`,
          token: admin,
          fields: { id: String(id), name: `${name}${suffix}`.slice(0, 20), sortOrder: "99" },
        }),
        "deactivate",
      );
    } else {
      expect(classify(r)).toMatch(/^(invalid|refused)$/);
    }
  }
  // The target account's profile.
  const target = setup.users.target!;
  const kept: string[] = [];
  for (const { name, value } of HOSTILE) {
    const r = await callAction({
      action: `${A}users/actions.ts#updateUser`,
      page: `/admin/users/${target.id}`,
      token: admin,
      fields: { id: String(target.id), displayName: value, role: "member", unitId: "", title: value, phone: "", email: "" },
    });
    expect(r.status).toBeLessThan(500);
    const outcome = classify(r);
    expect(outcome, name).toMatch(/^(ok|invalid)$/);
    if (outcome === "ok") {
      expect(await readDb((db) => one<string>(db, "select display_name from users where id = ?", target.id)), name).toBe(received(value));
      kept.push(name);
    }
  }
  expect(kept.filter((n) => NEVER_KEPT.includes(n))).toEqual([]);
  expect(MARKUP.filter((n) => !kept.includes(n))).toEqual([]);
  // Shown on the user pages below.
  await expectOk(
    await callAction({
      action: `${A}users/actions.ts#updateUser`,
      page: `/admin/users/${target.id}`,
      token: admin,
      fields: { id: String(target.id), displayName: KEEPABLE[2]!, role: "member", unitId: "", title: KEEPABLE[3]!, phone: "", email: "" },
    }),
    "profile",
  );
  // The mail settings (mail stays off), put back afterwards.
  const smtp = async (fields: Fields) =>
    callAction({
      action: `${A}settings/actions.ts#saveSmtp`,
      page: "/admin/settings",
      token: admin,
      fields: { port: "25", from: "noreply@example.gov.cn", siteUrl: "https://tian.example.gov.cn", ...fields },
    });
  for (const { value } of HOSTILE) {
    for (const field of ["host", "user", "from", "siteUrl", "port"]) {
      const r = await smtp({ [field]: value });
      expect(r.status).toBeLessThan(500);
      expect(classify(r)).toMatch(/^(ok|invalid|refused)$/);
    }
  }
  await smtp({ host: KEEPABLE[3]!, user: KEEPABLE[2]! });
});

// ---------------------------------------------------------------------------------------------
// Rendering

/** Opens a page and checks that the hostile text on it stayed text: no element injected, no dialog, no script run. */
async function expectInert(page: Page, url: string, shows: string[] = []) {
  const dialogs: string[] = [];
  const onDialog = (d: { message(): string; dismiss(): Promise<void> }) => {
    dialogs.push(d.message());
    void d.dismiss();
  };
  page.on("dialog", onDialog);
  try {
    const response = await page.goto(url);
    expect(response?.status(), url).toBe(200);
    await page.waitForLoadState("load");
    const injected = await page.evaluate(() => ({
      img: document.querySelectorAll('img[src="x"]').length,
      handlers: document.querySelectorAll("[onerror]").length,
      scripts: [...document.scripts].filter((s) => /^\s*alert\(1\)\s*$/.test(s.textContent ?? "")).length,
    }));
    expect(injected, url).toEqual({ img: 0, handlers: 0, scripts: 0 });
    for (const text of shows) await expect(page.getByText(text, { exact: false }).first(), `${url} shows ${text}`).toBeAttached();
    expect(dialogs, url).toEqual([]);
  } finally {
    page.off("dialog", onDialog);
  }
}

test("every page that shows the kept hostile text shows it as text", async ({ page, loginAs }) => {
  test.setTimeout(120_000);
  const id = setup.own.id;
  const { replyId, draftId, publicationId } = await readDb(async (db) => ({
    replyId: await one(db, "select id from replies where proposal_id = ?", id),
    draftId: await one(db, "select id from reply_drafts where proposal_id = ? order by version desc limit 1", id),
    publicationId: await one(db, "select pu.id from publications pu join replies r on r.id = pu.reply_id where r.proposal_id = ?", id),
  }));
  const SCRIPT = "<script>alert(1)</script>";
  const IMG = "<img src=x onerror=alert(1)>";

  await loginAs(setup.users.coordinator!.username);
  await expectInert(page, `/proposals/${id}`, [SCRIPT, IMG, "' OR 1=1 --"]);
  await expectInert(page, `/proposals/${id}/drafts`);
  await expectInert(page, `/letters/drafts/${draftId}/print`, [SCRIPT]);
  await expectInert(page, `/letters/${replyId}/print`, [SCRIPT]);
  await expectInert(page, `/proposals?q=${encodeURIComponent(SCRIPT)}`, [SCRIPT]);
  await expectInert(page, "/work");

  await page.context().clearCookies();
  await loginAs(setup.users.handler!.username);
  await expectInert(page, "/work");
  await expectInert(page, "/notifications");

  await page.context().clearCookies();
  await loginAs(setup.users.member!.username);
  await expectInert(page, "/member", [SCRIPT]);
  await expectInert(page, `/member/proposals/${id}`, [SCRIPT]);

  await page.context().clearCookies();
  await loginAs(setup.users.admin!.username);
  // The list's first page may not reach the account (the demo has many): found by its user name.
  await expectInert(page, "/admin/users");
  await expectInert(page, `/admin/users?q=${encodeURIComponent(setup.users.target!.username)}`, [SCRIPT]);
  await expectInert(page, `/admin/users/${setup.users.target!.id}`);
  await expectInert(page, "/admin/categories", [SCRIPT.slice(0, 12)]);
  await expectInert(page, "/admin/settings");
  await expectInert(page, `/admin/users?q=${encodeURIComponent(IMG)}`);

  await page.context().clearCookies();
  await expectInert(page, `/open/${publicationId}`, [SCRIPT]);
  await expectInert(page, `/open/${publicationId}/print`, [SCRIPT]);
  // The list and the search name replies by the letter's title; the proposal's title is on the reply's page.
  await expectInert(page, "/open");
  await expectInert(page, `/open/search?q=${encodeURIComponent(IMG)}`);
  await expectInert(page, `/open/search?q=${encodeURIComponent("安全测试")}`);
  // The feed is XML: the markup is escaped there. Open data is JSON, which never renders as a page.
  expect((await get("/open/feed.xml")).body).not.toContain(SCRIPT);
  const data = await get("/open/data.json");
  expect(data.body).toContain(JSON.stringify(SCRIPT).slice(1, -1));
  expect(data.headers.get("content-type")).toMatch(/^application\/json/);
  expect(data.headers.get("x-content-type-options")).toBe("nosniff");
});
