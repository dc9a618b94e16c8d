/**
 * The authorization matrix: for every page, route handler and server action, what each role gets.
 * authorization-matrix.spec.ts compares these keys with the routes on disk (app/**) and the actions in
 * the build's manifest, so a new route or action without an entry here fails the test.
 *
 * Roles (e2e/security/support.ts): anonymous; admin; coordinator; handler / director of "the unit"
 * (科技创新局); a handler and a director of other units with no part in the proposals used; a 区领导 (李卫东) who leads
 * none of them (the 重点提案 a leader does lead: e2e/key-proposals.spec.ts); the member
 * who owns the unit's proposal; another member.
 */
import type { Fields, Role } from "./support";

/** Concrete demo records the URLs and forms are filled with (looked up in the e2e database). */
export type MatrixIds = {
  /** 科技创新局 and the other handler's unit (党群工作部). */
  unit: number;
  /** 科技创新局's 科室 the unit's handler (蒋明杰) works in. */
  unitSection: number;
  otherUnit: number;
  /** A replied, published proposal led by the unit, whose lead proposer is the owner. */
  ownProposal: number;
  ownReply: number;
  ownDraft: number;
  /** The same proposal's published reply on the public site (全文公开). */
  published: number;
  /** A proposal (with reply and drafts) in which neither the unit nor the other roles' units have a part. */
  otherProposal: number;
  otherReply: number;
  otherDraft: number;
  /** A proposal the unit co-handles only (another unit leads). */
  coProposal: number;
  coReply: number;
  coDraft: number;
  /** Publications that are not on the public site in full: 摘要公开, and 不予公开. */
  summaryPublished: number;
  withheld: number;
  owner: number;
  otherMember: number;
  /** An attachment of a proposal assigned to the unit (registered by the spec). */
  attachment: { proposal: number; id: number };
  /** Reply files the spec adds: the scan of the sealed letter of the unit's published reply, an attachment of the unit's reply in the making. */
  sealedScan: number;
  draftAttachment: number;
  /** An attachment of another unit's reply in the making (added by that unit's handler). */
  otherDraftAttachment: number;
  /** Upload references (unused) of the roles' own, for the ownership cases: 答复附件, 盖章件 and a meeting's photo. */
  uploads: {
    handlerAttachment: string;
    otherHandlerAttachment: string;
    handlerSealed: string;
    directorSealed: string;
    otherHandlerSealed: string;
    otherDirectorSealed: string;
    otherHandlerPhoto: string;
  };
  /** A 座谈会 the unit's handler recorded (on handlingOfUnit) with one photo, and a second meeting (of the same unit) without photos. */
  meeting: { id: number; photo: number; other: number };
  /** The round of the unit's published reply. */
  ownReplyRound: number;
  /** Records for the administration pages. */
  adminUnit: number;
  adminUser: number;
  adminSession: number;
  adminCategory: number;
  fontFile: string;
  // Targets of the ownership checks: forms that pass validation, sent by someone with no part in them.
  pendingOfUnit: number;
  pendingOfOther: number;
  handlingOfUnit: number;
  handlingOfUnitVersion: number;
  handlingOfOther: number;
  handlingOfOtherVersion: number;
  coHandledByUnit: number;
  inReviewOfUnit: number;
  inReviewOfUnitVersion: number;
  inReviewOfOther: number;
  inReviewOfOtherVersion: number;
  repliedOfOther: number;
  repliedOfOtherReply: number;
  /** A notification addressed to the unit's handler. */
  handlerNotification: number;
  today: string;
  inAMonth: string;
  /** Internal comments of the event log (办理记录) with the proposal each is on, for what each role may see. */
  comments: Record<CommentKey, { proposal: number; text: string }>;
};

export type CommentKey =
  | "receiptOnCoProposal"
  | "receiptOfUnit"
  | "returnOfUnit"
  | "leadRequestOnOtherDirectorsCo"
  | "otherUnitRequestOnOtherHandlersCo";

/** What a GET answers: the status, or a redirect to sign-in ("login"), to the role's home ("home"), or elsewhere. */
export type PageOutcome = 200 | 400 | 401 | 403 | 404 | 405 | "login" | "home" | "redirect";

export type RouteCase = { label: string; url: (ids: MatrixIds) => string; expect: Record<Role, PageOutcome> };

/** A row of the matrix: named roles, `rest` for everyone else. */
function roles<T>(spec: Partial<Record<Role, T>> & { rest: T }): Record<Role, T> {
  const { rest, ...named } = spec;
  return {
    anonymous: rest,
    admin: rest,
    coordinator: rest,
    handler: rest,
    otherHandler: rest,
    director: rest,
    otherDirector: rest,
    leader: rest,
    districtLeader: rest,
    owner: rest,
    otherMember: rest,
    ...named,
  };
}

const pageRoles = (spec: Partial<Record<Role, PageOutcome>> & { rest: PageOutcome }) => roles<PageOutcome>(spec);

const ANYONE = roles<PageOutcome>({ rest: 200 });
const NOBODY_404 = roles<PageOutcome>({ rest: 404 });
const ADMIN_PAGE = roles<PageOutcome>({ anonymous: "login", admin: 200, rest: 403 });
/** An admin record that does not exist: the administrator is told so, everyone else is refused first. */
const ADMIN_MISSING = roles<PageOutcome>({ anonymous: "login", admin: 404, rest: 403 });
const COORDINATOR_PAGE = roles<PageOutcome>({ anonymous: "login", coordinator: 200, rest: 403 });
const SIGNED_IN = roles<PageOutcome>({ anonymous: "login", rest: 200 });
const COORDINATOR_FILE = roles<PageOutcome>({ anonymous: 401, coordinator: 200, rest: 403 });
/** The coordinating office and the unit's staff: its handler, its director and its 分管领导. */
const UNIT_STAFF: Partial<Record<Role, PageOutcome>> = { coordinator: 200, handler: 200, director: 200, leader: 200 };
const UNIT_ROLES_AND_COORDINATOR: Partial<Record<Role, PageOutcome>> = {
  coordinator: 200,
  handler: 200,
  otherHandler: 200,
  director: 200,
  otherDirector: 200,
  leader: 200,
};
/** A missing proposal: 404 to the roles who may open proposals; the guard refuses the others first. */
const PROPOSAL_MISSING = roles<PageOutcome>({
  anonymous: "login",
  coordinator: 404,
  handler: 404,
  otherHandler: 404,
  director: 404,
  otherDirector: 404,
  leader: 404,
  districtLeader: 404,
  rest: 403,
});

/** A file of a meeting that does not exist: 404 to the roles who may read meetings, as the meeting's page answers. */
const MEETING_MISSING_FILE = roles<PageOutcome>({
  anonymous: 401,
  coordinator: 404,
  handler: 404,
  otherHandler: 404,
  director: 404,
  otherDirector: 404,
  leader: 404,
  rest: 403,
});

const MISSING = 2_000_000_000;

export const ROUTES: Record<string, RouteCase[]> = {
  // ---- administration
  "app/(staff)/admin/page.tsx": [{ label: "overview", url: () => "/admin", expect: ADMIN_PAGE }],
  "app/(staff)/admin/units/page.tsx": [{ label: "list", url: () => "/admin/units", expect: ADMIN_PAGE }],
  "app/(staff)/admin/units/new/page.tsx": [{ label: "form", url: () => "/admin/units/new", expect: ADMIN_PAGE }],
  "app/(staff)/admin/units/[id]/page.tsx": [
    { label: "a unit", url: (ids) => `/admin/units/${ids.adminUnit}`, expect: ADMIN_PAGE },
    { label: "no such unit", url: () => `/admin/units/${MISSING}`, expect: ADMIN_MISSING },
    { label: "not a number", url: () => "/admin/units/1e3", expect: ADMIN_MISSING },
  ],
  "app/(staff)/admin/users/page.tsx": [{ label: "list", url: () => "/admin/users", expect: ADMIN_PAGE }],
  "app/(staff)/admin/users/new/page.tsx": [{ label: "form", url: () => "/admin/users/new", expect: ADMIN_PAGE }],
  "app/(staff)/admin/users/[id]/page.tsx": [
    { label: "a user", url: (ids) => `/admin/users/${ids.adminUser}`, expect: ADMIN_PAGE },
    { label: "no such user", url: () => `/admin/users/${MISSING}`, expect: ADMIN_MISSING },
  ],
  "app/(staff)/admin/sessions/page.tsx": [{ label: "list", url: () => "/admin/sessions", expect: ADMIN_PAGE }],
  "app/(staff)/admin/sessions/new/page.tsx": [{ label: "form", url: () => "/admin/sessions/new", expect: ADMIN_PAGE }],
  "app/(staff)/admin/sessions/[id]/page.tsx": [
    { label: "a session", url: (ids) => `/admin/sessions/${ids.adminSession}`, expect: ADMIN_PAGE },
    { label: "no such session", url: () => `/admin/sessions/${MISSING}`, expect: ADMIN_MISSING },
  ],
  "app/(staff)/admin/categories/page.tsx": [{ label: "list", url: () => "/admin/categories", expect: ADMIN_PAGE }],
  "app/(staff)/admin/categories/[id]/page.tsx": [
    { label: "a category", url: (ids) => `/admin/categories/${ids.adminCategory}`, expect: ADMIN_PAGE },
    { label: "no such category", url: () => `/admin/categories/${MISSING}`, expect: ADMIN_MISSING },
  ],
  "app/(staff)/admin/settings/page.tsx": [{ label: "settings", url: () => "/admin/settings", expect: ADMIN_PAGE }],
  "app/(staff)/admin/audit/page.tsx": [{ label: "安全审计", url: () => "/admin/audit", expect: ADMIN_PAGE }],
  "app/(staff)/admin/calendar/page.tsx": [{ label: "节假日与调休", url: () => "/admin/calendar", expect: ADMIN_PAGE }],

  // ---- staff
  "app/(staff)/work/page.tsx": [
    {
      label: "待办",
      url: () => "/work",
      expect: pageRoles({ anonymous: "login", ...UNIT_ROLES_AND_COORDINATOR, districtLeader: 200, rest: 403 }),
    },
  ],
  "app/(staff)/proposals/page.tsx": [
    { label: "list", url: () => "/proposals", expect: pageRoles({ anonymous: "login", ...UNIT_ROLES_AND_COORDINATOR, rest: 403 }) },
  ],
  "app/(staff)/proposals/new/page.tsx": [{ label: "登记提案", url: () => "/proposals/new", expect: COORDINATOR_PAGE }],
  "app/(staff)/proposals/import/page.tsx": [{ label: "导入交办清单", url: () => "/proposals/import", expect: COORDINATOR_PAGE }],
  "app/(staff)/proposals/[id]/page.tsx": [
    {
      label: "the unit's proposal",
      url: (ids) => `/proposals/${ids.ownProposal}`,
      expect: pageRoles({ anonymous: "login", ...UNIT_STAFF, rest: 403 }),
    },
    {
      label: "a proposal the unit co-handles",
      url: (ids) => `/proposals/${ids.coProposal}`,
      expect: pageRoles({ anonymous: "login", ...UNIT_STAFF, rest: 403 }),
    },
    {
      label: "another unit's proposal",
      url: (ids) => `/proposals/${ids.otherProposal}`,
      expect: pageRoles({ anonymous: "login", coordinator: 200, rest: 403 }),
    },
    { label: "no such proposal", url: () => `/proposals/${MISSING}`, expect: PROPOSAL_MISSING },
    { label: "not a number", url: () => "/proposals/abc", expect: PROPOSAL_MISSING },
  ],
  "app/(staff)/proposals/[id]/drafts/page.tsx": [
    {
      label: "the unit's drafts",
      url: (ids) => `/proposals/${ids.ownProposal}/drafts`,
      expect: pageRoles({ anonymous: "login", ...UNIT_STAFF, rest: 403 }),
    },
    // Drafts are the lead unit's: a co-handling unit sees the proposal but not its drafts.
    {
      label: "drafts of a proposal the unit co-handles",
      url: (ids) => `/proposals/${ids.coProposal}/drafts`,
      expect: pageRoles({ anonymous: "login", coordinator: 200, rest: 403 }),
    },
    {
      label: "another unit's drafts",
      url: (ids) => `/proposals/${ids.otherProposal}/drafts`,
      expect: pageRoles({ anonymous: "login", coordinator: 200, rest: 403 }),
    },
    { label: "no such proposal", url: () => `/proposals/${MISSING}/drafts`, expect: PROPOSAL_MISSING },
  ],
  "app/(staff)/proposals/[id]/reply/page.tsx": [
    {
      label: "the unit's reply draft",
      url: (ids) => `/proposals/${ids.ownProposal}/reply`,
      expect: pageRoles({ anonymous: "login", ...UNIT_STAFF, rest: 403 }),
    },
    // Like the drafts: a co-handling unit sees the proposal but not the lead unit's reply in the making.
    {
      label: "the reply draft of a proposal the unit co-handles",
      url: (ids) => `/proposals/${ids.coProposal}/reply`,
      expect: pageRoles({ anonymous: "login", coordinator: 200, rest: 403 }),
    },
    {
      label: "another unit's reply draft",
      url: (ids) => `/proposals/${ids.otherProposal}/reply`,
      expect: pageRoles({ anonymous: "login", coordinator: 200, rest: 403 }),
    },
    { label: "no such proposal", url: () => `/proposals/${MISSING}/reply`, expect: PROPOSAL_MISSING },
  ],
  "app/(staff)/proposals/[id]/attachments/[attachmentId]/route.ts": [
    {
      label: "an attachment of the unit's proposal",
      url: (ids) => `/proposals/${ids.attachment.proposal}/attachments/${ids.attachment.id}`,
      expect: pageRoles({ anonymous: 401, ...UNIT_STAFF, rest: 403 }),
    },
    // The attachment's id under a proposal it does not belong to.
    {
      label: "that attachment under another proposal",
      url: (ids) => `/proposals/${ids.ownProposal}/attachments/${ids.attachment.id}`,
      expect: pageRoles({ anonymous: 401, coordinator: 404, handler: 404, director: 404, leader: 404, rest: 403 }),
    },
    {
      label: "no such attachment",
      url: (ids) => `/proposals/${ids.attachment.proposal}/attachments/${MISSING}`,
      expect: pageRoles({ anonymous: 401, coordinator: 404, handler: 404, director: 404, leader: 404, rest: 403 }),
    },
  ],
  // The reply's files are read as the letter is: a signed reply's by every party (the owner included), a draft's as drafts are.
  "app/letters/files/[fileId]/route.ts": [
    {
      label: "the scan of the unit's sealed letter",
      url: (ids) => `/letters/files/${ids.sealedScan}`,
      expect: pageRoles({ anonymous: 401, ...UNIT_STAFF, owner: 200, rest: 403 }),
    },
    {
      label: "an attachment of the unit's reply in the making",
      url: (ids) => `/letters/files/${ids.draftAttachment}`,
      expect: pageRoles({ anonymous: 401, ...UNIT_STAFF, rest: 403 }),
    },
    {
      label: "an attachment of another unit's reply in the making",
      url: (ids) => `/letters/files/${ids.otherDraftAttachment}`,
      expect: pageRoles({ anonymous: 401, coordinator: 200, rest: 403 }),
    },
    { label: "no such file", url: () => `/letters/files/${MISSING}`, expect: pageRoles({ anonymous: 401, rest: 404 }) },
    { label: "not a number", url: () => "/letters/files/..%2F..%2Fpackage.json", expect: pageRoles({ anonymous: 401, rest: 404 }) },
  ],
  "app/(staff)/proposals/import/template/route.ts": [
    { label: "template", url: () => "/proposals/import/template", expect: COORDINATOR_FILE },
  ],
  "app/(staff)/proposals/ledger.xlsx/route.ts": [{ label: "导出台账", url: () => "/proposals/ledger.xlsx", expect: COORDINATOR_FILE }],
  "app/(staff)/stats/page.tsx": [{ label: "statistics", url: () => "/stats", expect: COORDINATOR_PAGE }],
  "app/(staff)/stats/statistics.xlsx/route.ts": [{ label: "导出统计", url: () => "/stats/statistics.xlsx", expect: COORDINATOR_FILE }],
  "app/(staff)/stats/report/page.tsx": [{ label: "办理工作总结", url: () => "/stats/report", expect: COORDINATOR_PAGE }],
  // POST only: who may generate the report is tested in e2e/year-report.spec.ts and tests/integration/year-report.test.ts.
  "app/(staff)/stats/report/download/route.ts": [
    { label: "生成办理工作总结, read", url: () => "/stats/report/download", expect: roles<PageOutcome>({ rest: 405 }) },
  ],
  "app/(staff)/supervision/page.tsx": [{ label: "督办", url: () => "/supervision", expect: COORDINATOR_PAGE }],
  "app/(staff)/batch/page.tsx": [
    {
      label: "批量办理",
      url: () => "/batch",
      expect: pageRoles({ anonymous: "login", coordinator: 200, handler: 200, otherHandler: 200, rest: 403 }),
    },
  ],
  "app/(staff)/batch/letters.pdf/route.ts": [
    // Refused before anything is printed: a visitor, anyone but the coordinating office, an empty selection.
    { label: "no selection", url: () => "/batch/letters.pdf", expect: pageRoles({ anonymous: 401, coordinator: 400, rest: 403 }) },
  ],
  "app/(staff)/meetings/page.tsx": [
    { label: "面商座谈", url: () => "/meetings", expect: pageRoles({ anonymous: "login", ...UNIT_ROLES_AND_COORDINATOR, rest: 403 }) },
  ],
  "app/(staff)/meetings/new/page.tsx": [
    {
      label: "记录面商/座谈会",
      url: () => "/meetings/new",
      expect: pageRoles({ anonymous: "login", handler: 200, otherHandler: 200, rest: 403 }),
    },
  ],
  // A meeting's own unit and the office read it, another unit is refused (also e2e/meetings.spec.ts).
  "app/(staff)/meetings/[id]/page.tsx": [
    {
      label: "the unit's meeting",
      url: (ids) => `/meetings/${ids.meeting.id}`,
      expect: pageRoles({ anonymous: "login", ...UNIT_STAFF, rest: 403 }),
    },
    {
      label: "no such meeting",
      url: () => `/meetings/${MISSING}`,
      expect: pageRoles({
        anonymous: "login",
        coordinator: 404,
        handler: 404,
        otherHandler: 404,
        director: 404,
        otherDirector: 404,
        leader: 404,
        rest: 403,
      }),
    },
    {
      label: "not a number",
      url: () => "/meetings/abc",
      expect: pageRoles({
        anonymous: "login",
        coordinator: 404,
        handler: 404,
        otherHandler: 404,
        director: 404,
        otherDirector: 404,
        leader: 404,
        rest: 403,
      }),
    },
  ],
  // Its photos answer exactly as its page does; a photo named under a meeting it is not of is not found.
  "app/(staff)/meetings/[id]/photos/[photoId]/route.ts": [
    {
      label: "a photo of the unit's meeting",
      url: (ids) => `/meetings/${ids.meeting.id}/photos/${ids.meeting.photo}`,
      expect: pageRoles({ anonymous: 401, ...UNIT_STAFF, rest: 403 }),
    },
    {
      label: "that photo under another meeting",
      url: (ids) => `/meetings/${ids.meeting.other}/photos/${ids.meeting.photo}`,
      expect: pageRoles({ anonymous: 401, coordinator: 404, handler: 404, director: 404, leader: 404, rest: 403 }),
    },
    {
      label: "no such photo",
      url: (ids) => `/meetings/${ids.meeting.id}/photos/${MISSING}`,
      expect: pageRoles({ anonymous: 401, coordinator: 404, handler: 404, director: 404, leader: 404, rest: 403 }),
    },
    { label: "no such meeting", url: (ids) => `/meetings/${MISSING}/photos/${ids.meeting.photo}`, expect: MEETING_MISSING_FILE },
    {
      label: "not a number",
      url: (ids) => `/meetings/${ids.meeting.id}/photos/..%2F..%2Fpackage.json`,
      expect: pageRoles({ anonymous: 401, coordinator: 404, handler: 404, director: 404, leader: 404, rest: 403 }),
    },
  ],

  // ---- letters (print view, PDF, DOCX): the proposal's staff, and each proposer for their own letter
  "app/letters/[replyId]/print/route.ts": [
    {
      label: "the unit's reply, to the owner",
      url: (ids) => `/letters/${ids.ownReply}/print?to=${ids.owner}`,
      expect: pageRoles({ anonymous: "login", ...UNIT_STAFF, owner: 200, rest: 403 }),
    },
    {
      label: "a reply the unit co-handled",
      url: (ids) => `/letters/${ids.coReply}/print`,
      expect: pageRoles({ anonymous: "login", ...UNIT_STAFF, rest: 403 }),
    },
    {
      label: "another unit's reply",
      url: (ids) => `/letters/${ids.otherReply}/print`,
      expect: pageRoles({ anonymous: "login", coordinator: 200, rest: 403 }),
    },
    { label: "no such reply", url: () => `/letters/${MISSING}/print`, expect: pageRoles({ anonymous: "login", rest: 404 }) },
  ],
  "app/letters/[replyId]/letter.docx/route.ts": [
    {
      label: "the unit's reply, to the owner",
      url: (ids) => `/letters/${ids.ownReply}/letter.docx?to=${ids.owner}`,
      expect: pageRoles({ anonymous: "login", ...UNIT_STAFF, owner: 200, rest: 403 }),
    },
    {
      label: "another unit's reply",
      url: (ids) => `/letters/${ids.otherReply}/letter.docx`,
      expect: pageRoles({ anonymous: "login", coordinator: 200, rest: 403 }),
    },
  ],
  "app/letters/[replyId]/letter.pdf/route.ts": [
    // Printing a PDF takes a second: here the staff's access shows as 404 (they may, but the member named is no
    // addressee), and only the owner's own letter is printed — whoever he names, a member gets only his own.
    {
      label: "the unit's reply, to someone not addressed",
      url: (ids) => `/letters/${ids.ownReply}/letter.pdf?to=${ids.otherMember}`,
      expect: pageRoles({ anonymous: "login", coordinator: 404, handler: 404, director: 404, leader: 404, owner: 200, rest: 403 }),
    },
    { label: "no such reply", url: () => `/letters/${MISSING}/letter.pdf`, expect: pageRoles({ anonymous: "login", rest: 404 }) },
  ],
  "app/letters/drafts/[draftId]/print/route.ts": [
    {
      label: "the unit's draft",
      url: (ids) => `/letters/drafts/${ids.ownDraft}/print`,
      expect: pageRoles({ anonymous: "login", ...UNIT_STAFF, rest: 403 }),
    },
    {
      label: "a draft of a proposal the unit co-handles",
      url: (ids) => `/letters/drafts/${ids.coDraft}/print`,
      expect: pageRoles({ anonymous: "login", coordinator: 200, rest: 403 }),
    },
    {
      label: "another unit's draft",
      url: (ids) => `/letters/drafts/${ids.otherDraft}/print`,
      expect: pageRoles({ anonymous: "login", coordinator: 200, rest: 403 }),
    },
  ],
  "app/letters/drafts/[draftId]/letter.docx/route.ts": [
    {
      label: "the unit's draft",
      url: (ids) => `/letters/drafts/${ids.ownDraft}/letter.docx`,
      expect: pageRoles({ anonymous: "login", ...UNIT_STAFF, rest: 403 }),
    },
    {
      label: "another unit's draft",
      url: (ids) => `/letters/drafts/${ids.otherDraft}/letter.docx`,
      expect: pageRoles({ anonymous: "login", coordinator: 200, rest: 403 }),
    },
  ],
  "app/letters/drafts/[draftId]/letter.pdf/route.ts": [
    {
      label: "the unit's draft",
      url: (ids) => `/letters/drafts/${ids.ownDraft}/letter.pdf`,
      expect: pageRoles({ anonymous: "login", ...UNIT_STAFF, rest: 403 }),
    },
    { label: "no such draft", url: () => `/letters/drafts/${MISSING}/letter.pdf`, expect: pageRoles({ anonymous: "login", rest: 404 }) },
  ],
  "app/letters/fonts/[file]/route.ts": [
    { label: "a font of the letter", url: (ids) => `/letters/fonts/${ids.fontFile}`, expect: ANYONE },
    { label: "any other file", url: () => "/letters/fonts/..%2F..%2Fpackage.json", expect: NOBODY_404 },
  ],

  // ---- members
  "app/member/page.tsx": [
    { label: "我的提案", url: () => "/member", expect: pageRoles({ anonymous: "login", owner: 200, otherMember: 200, rest: 403 }) },
  ],
  "app/member/proposals/[id]/page.tsx": [
    {
      label: "the owner's proposal",
      url: (ids) => `/member/proposals/${ids.ownProposal}`,
      expect: pageRoles({ anonymous: "login", owner: 200, rest: 403 }),
    },
    {
      label: "no such proposal",
      url: () => `/member/proposals/${MISSING}`,
      expect: pageRoles({ anonymous: "login", owner: 404, otherMember: 404, rest: 403 }),
    },
  ],
  // Anyone with the link; an altered link gets a page that says so.
  "app/receipt/[token]/page.tsx": [{ label: "an altered link", url: () => "/receipt/AAAA.BBBB", expect: ANYONE }],

  // ---- everyone signed in
  "app/account/password/page.tsx": [{ label: "修改密码", url: () => "/account/password", expect: SIGNED_IN }],
  "app/notifications/page.tsx": [{ label: "消息", url: () => "/notifications", expect: SIGNED_IN }],
  "app/page.tsx": [{ label: "/", url: () => "/", expect: pageRoles({ anonymous: "login", rest: "home" }) }],
  "app/login/page.tsx": [{ label: "sign-in", url: () => "/login", expect: pageRoles({ anonymous: 200, rest: "home" }) }],
  // POST only: who may upload is tested in e2e/security/request-bodies.spec.ts.
  "app/api/uploads/route.ts": [{ label: "the upload route, read", url: () => "/api/uploads", expect: roles<PageOutcome>({ rest: 405 }) }],
  "app/api/auth/[...nextauth]/route.ts": [
    { label: "session", url: () => "/api/auth/session", expect: ANYONE },
    { label: "csrf", url: () => "/api/auth/csrf", expect: ANYONE },
  ],

  // ---- the public site: the same for everyone, and only what was published
  "app/open/(portal)/page.tsx": [{ label: "list", url: () => "/open", expect: ANYONE }],
  "app/open/(portal)/search/page.tsx": [{ label: "search", url: () => "/open/search?q=科技", expect: ANYONE }],
  "app/open/(portal)/accessibility/page.tsx": [{ label: "无障碍", url: () => "/open/accessibility", expect: ANYONE }],
  // The portal's 404 page, answered for what Next finds nothing at; a 404 at its own address too.
  "app/open/(portal)/page-not-found/page.tsx": [{ label: "404 page", url: () => "/open/page-not-found", expect: NOBODY_404 }],
  "app/open/(portal)/[id]/page.tsx": [
    { label: "a published reply", url: (ids) => `/open/${ids.published}`, expect: ANYONE },
    { label: "a withheld reply", url: (ids) => `/open/${ids.withheld}`, expect: NOBODY_404 },
    { label: "no such reply", url: () => `/open/${MISSING}`, expect: NOBODY_404 },
  ],
  "app/open/(print)/[id]/print/page.tsx": [
    { label: "a published reply", url: (ids) => `/open/${ids.published}/print`, expect: ANYONE },
    { label: "a withheld reply", url: (ids) => `/open/${ids.withheld}/print`, expect: NOBODY_404 },
  ],
  "app/open/[id]/letter.pdf/route.ts": [
    { label: "a reply published in full", url: (ids) => `/open/${ids.published}/letter.pdf`, expect: ANYONE },
    { label: "a summary publication", url: (ids) => `/open/${ids.summaryPublished}/letter.pdf`, expect: NOBODY_404 },
    { label: "a withheld reply", url: (ids) => `/open/${ids.withheld}/letter.pdf`, expect: NOBODY_404 },
  ],
  // 原文下载 of the sealed letter: only where the reply is published in full.
  "app/open/[id]/sealed.pdf/route.ts": [
    { label: "a reply published in full, with its scan", url: (ids) => `/open/${ids.published}/sealed.pdf`, expect: ANYONE },
    { label: "a summary publication", url: (ids) => `/open/${ids.summaryPublished}/sealed.pdf`, expect: NOBODY_404 },
    { label: "a withheld reply", url: (ids) => `/open/${ids.withheld}/sealed.pdf`, expect: NOBODY_404 },
    { label: "no such publication", url: () => `/open/${MISSING}/sealed.pdf`, expect: NOBODY_404 },
  ],
  // 答复函真伪核验: the page for anyone, the upload POST only (tested in e2e/verify.spec.ts), /verify its short address.
  "app/open/(portal)/verify/page.tsx": [{ label: "答复函真伪核验", url: () => "/open/verify", expect: ANYONE }],
  "app/verify/check/route.ts": [
    { label: "the verify upload, read", url: () => "/verify/check", expect: roles<PageOutcome>({ rest: 405 }) },
  ],
  "app/verify/route.ts": [{ label: "/verify", url: () => "/verify", expect: pageRoles({ rest: "redirect" }) }],
  "app/open/data.json/route.ts": [{ label: "open data", url: () => "/open/data.json", expect: ANYONE }],
  "app/open/feed.xml/route.ts": [{ label: "RSS", url: () => "/open/feed.xml", expect: ANYONE }],
  "app/open/prefs/route.ts": [{ label: "繁體版", url: () => "/open/prefs?lang=hant", expect: pageRoles({ rest: "redirect" }) }],
  "app/sitemap.ts": [{ label: "sitemap", url: () => "/sitemap.xml", expect: ANYONE }],
  "app/robots.ts": [{ label: "robots", url: () => "/robots.txt", expect: ANYONE }],
  "app/icon.svg": [{ label: "icon", url: () => "/icon.svg", expect: ANYONE }],
};

// ---------------------------------------------------------------------------------------------
// What each role sees on a page it may open

/** Whether an internal text is anywhere on the page (HTML and the router's payload) the role gets. */
export type Sight = "shown" | "hidden";

/**
 * A text on a page, per role: `shown` or `hidden` for each role that may open the page; every role not
 * named must not get the page at all (the spec checks that too, so each row accounts for all roles).
 */
export type SightCase = { label: string; comment: CommentKey; page: (proposal: number) => string; expect: Partial<Record<Role, Sight>> };

const proposalPage = (proposal: number) => `/proposals/${proposal}`;

/** The timeline shows a comment to whom the page it comes from shows it (lib/authz.ts `timelineFor`). */
export const SIGHTS: SightCase[] = [
  // Receipts are the lead unit's and the coordinating office's (as /drafts and the receipts section are).
  {
    label: "a member's receipt opinion on a proposal the unit co-handles",
    comment: "receiptOnCoProposal",
    page: proposalPage,
    expect: { coordinator: "shown", handler: "hidden", director: "hidden", leader: "hidden" },
  },
  {
    label: "a member's receipt opinion on the unit's proposal",
    comment: "receiptOfUnit",
    page: proposalPage,
    expect: { coordinator: "shown", handler: "shown", director: "shown", leader: "shown" },
  },
  // 退回修改 belongs to the drafts.
  {
    label: "the director's 退回修改 comment on the unit's proposal",
    comment: "returnOfUnit",
    page: proposalPage,
    expect: { coordinator: "shown", handler: "shown", director: "shown", leader: "shown" },
  },
  // 申请延期 / 申请调整 / 督办 are between the coordinating office and the unit concerned.
  {
    label: "the lead unit's request (延期/调整/督办) on a proposal the other director's unit co-handles",
    comment: "leadRequestOnOtherDirectorsCo",
    page: proposalPage,
    expect: { coordinator: "shown", otherDirector: "hidden" },
  },
  {
    label: "another unit's request (延期/调整/督办) on a proposal the other handler's unit co-handles",
    comment: "otherUnitRequestOnOtherHandlersCo",
    page: proposalPage,
    expect: { coordinator: "shown", otherHandler: "hidden" },
  },
];

// ---------------------------------------------------------------------------------------------
// Server actions

/**
 * What a call with an empty (or deliberately invalid) form comes to: "invalid" means the guard let the
 * caller through and validation stopped the call — nothing was written. See support.ts `classify`.
 */
export type ActionOutcome = "invalid" | "denied" | "signedOut" | "refused" | "ok" | `redirect:${string}`;

export type ActionEntry = {
  /** The page whose form calls it. */
  page: (ids: MatrixIds) => string;
  /** The form sent to every role: empty unless an empty form would pass. */
  fields?: Fields;
  expect: Record<Role, ActionOutcome>;
};

/** Only these roles pass the guard; the form is invalid for them, refused for the others. */
function only(...allowed: Role[]): Record<Role, ActionOutcome> {
  return roles<ActionOutcome>({ anonymous: "signedOut", ...Object.fromEntries(allowed.map((r) => [r, "invalid"])), rest: "denied" });
}

const ADMIN = only("admin");
const UNIT_ROLES = only("handler", "otherHandler", "director", "otherDirector");
const COORDINATOR = only("coordinator");
const HANDLERS = only("handler", "otherHandler");
const DIRECTORS = only("director", "otherDirector");
/** 分办 passes the guard for every unit's handlers and directors; the workflow then wants the director or 可分办. */
const DIVIDERS = only("handler", "otherHandler", "director", "otherDirector");
const LEADERS = only("leader");
const STAFF_HOME = only("coordinator", "handler", "otherHandler", "director", "otherDirector", "leader", "districtLeader");
const MEMBERS = only("owner", "otherMember");
const ALL_SIGNED_IN = roles<ActionOutcome>({ anonymous: "signedOut", rest: "invalid" });

const onProposal = (ids: MatrixIds) => `/proposals/${ids.ownProposal}`;
const admin = (path: string) => () => path;

export const ACTIONS: Record<string, ActionEntry> = {
  "app/(staff)/admin/units/actions.ts#createUnit": { page: admin("/admin/units/new"), expect: ADMIN },
  "app/(staff)/admin/units/actions.ts#updateUnit": { page: (ids) => `/admin/units/${ids.adminUnit}`, expect: ADMIN },
  "app/(staff)/admin/units/actions.ts#createSection": { page: (ids) => `/admin/units/${ids.adminUnit}`, expect: ADMIN },
  "app/(staff)/admin/units/actions.ts#updateSection": { page: (ids) => `/admin/units/${ids.adminUnit}`, expect: ADMIN },
  "app/(staff)/admin/units/actions.ts#saveLeaderReview": { page: (ids) => `/admin/units/${ids.adminUnit}`, expect: ADMIN },
  "app/(staff)/admin/units/actions.ts#uploadUnitCertificate": { page: (ids) => `/admin/units/${ids.adminUnit}`, expect: ADMIN },
  "app/(staff)/admin/users/actions.ts#createUser": { page: admin("/admin/users/new"), expect: ADMIN },
  "app/(staff)/admin/users/actions.ts#updateUser": { page: (ids) => `/admin/users/${ids.adminUser}`, expect: ADMIN },
  "app/(staff)/admin/users/actions.ts#saveUserDivision": { page: (ids) => `/admin/users/${ids.adminUser}`, expect: ADMIN },
  "app/(staff)/admin/users/actions.ts#resetPassword": { page: (ids) => `/admin/users/${ids.adminUser}`, expect: ADMIN },
  "app/(staff)/admin/users/actions.ts#disableUser": { page: (ids) => `/admin/users/${ids.adminUser}`, expect: ADMIN },
  "app/(staff)/admin/users/actions.ts#enableUser": { page: (ids) => `/admin/users/${ids.adminUser}`, expect: ADMIN },
  "app/(staff)/admin/users/actions.ts#unlockUser": { page: (ids) => `/admin/users/${ids.adminUser}`, expect: ADMIN },
  "app/(staff)/admin/sessions/actions.ts#createSession": { page: admin("/admin/sessions/new"), expect: ADMIN },
  "app/(staff)/admin/sessions/actions.ts#updateSession": { page: (ids) => `/admin/sessions/${ids.adminSession}`, expect: ADMIN },
  "app/(staff)/admin/categories/actions.ts#createCategory": { page: admin("/admin/categories"), expect: ADMIN },
  "app/(staff)/admin/categories/actions.ts#updateCategory": { page: (ids) => `/admin/categories/${ids.adminCategory}`, expect: ADMIN },
  "app/(staff)/admin/settings/actions.ts#saveDeadlines": { page: admin("/admin/settings"), expect: ADMIN },
  "app/(staff)/admin/settings/actions.ts#saveSmtp": { page: admin("/admin/settings"), expect: ADMIN },
  "app/(staff)/admin/settings/actions.ts#savePublication": { page: admin("/admin/settings"), expect: ADMIN },
  "app/(staff)/admin/calendar/actions.ts#saveHolidayYear": { page: admin("/admin/calendar"), expect: ADMIN },
  "app/(staff)/admin/calendar/actions.ts#removeHolidayYear": { page: admin("/admin/calendar"), expect: ADMIN },

  "app/(staff)/proposals/new/actions.ts#registerProposalAction": { page: () => "/proposals/new", expect: COORDINATOR },
  "app/(staff)/proposals/import/actions.ts#importListAction": { page: () => "/proposals/import", expect: COORDINATOR },
  "app/(staff)/supervision/actions.ts#superviseAll": { page: () => "/supervision", expect: COORDINATOR },
  "app/(staff)/proposals/[id]/actions.ts#assign": { page: onProposal, expect: COORDINATOR },
  "app/(staff)/proposals/[id]/actions.ts#decideAdjustmentRequest": { page: onProposal, expect: COORDINATOR },
  "app/(staff)/proposals/[id]/actions.ts#decideExtensionRequest": { page: onProposal, expect: COORDINATOR },
  "app/(staff)/proposals/[id]/actions.ts#waiveOpinion": { page: onProposal, expect: COORDINATOR },
  "app/(staff)/proposals/[id]/actions.ts#waiveContactRequirement": { page: onProposal, expect: COORDINATOR },
  "app/(staff)/proposals/[id]/actions.ts#superviseUnit": { page: onProposal, expect: COORDINATOR },
  "app/(staff)/proposals/[id]/actions.ts#close": { page: onProposal, expect: COORDINATOR },
  "app/(staff)/proposals/[id]/actions.ts#link": { page: onProposal, expect: COORDINATOR },
  "app/(staff)/proposals/[id]/actions.ts#unlink": { page: onProposal, expect: COORDINATOR },
  "app/(staff)/proposals/[id]/receipt-actions.ts#recordPaperReceiptAction": { page: onProposal, expect: COORDINATOR },
  "app/(staff)/proposals/[id]/receipt-actions.ts#remindReceiptAction": { page: onProposal, expect: COORDINATOR },
  "app/(staff)/meetings/actions.ts#recordMeetingAction": { page: () => "/meetings/new", expect: HANDLERS },
  "app/(staff)/meetings/actions.ts#addMeetingPhotosAction": { page: (ids) => `/meetings/${ids.meeting.id}`, expect: HANDLERS },
  "app/(staff)/meetings/actions.ts#removeMeetingPhotoAction": { page: (ids) => `/meetings/${ids.meeting.id}`, expect: HANDLERS },
  "app/(staff)/batch/actions.ts#bulkAssignAction": { page: () => "/batch", expect: COORDINATOR },
  "app/(staff)/batch/actions.ts#bulkPublishAction": { page: () => "/batch", expect: COORDINATOR },
  "app/(staff)/batch/actions.ts#bulkRemindAction": { page: () => "/batch", expect: COORDINATOR },
  "app/(staff)/batch/actions.ts#bulkAcceptAction": { page: () => "/batch", expect: HANDLERS },
  "app/(staff)/proposals/[id]/key-actions.ts#markKeyAction": { page: onProposal, expect: COORDINATOR },
  "app/(staff)/proposals/[id]/key-actions.ts#unmarkKeyAction": { page: onProposal, expect: COORDINATOR },
  "app/(staff)/proposals/[id]/key-actions.ts#fileProgressAction": { page: onProposal, expect: HANDLERS },
  "app/(staff)/proposals/[id]/actions.ts#accept": { page: onProposal, expect: HANDLERS },
  "app/(staff)/proposals/[id]/actions.ts#askForAdjustment": { page: onProposal, expect: HANDLERS },
  "app/(staff)/proposals/[id]/actions.ts#askForExtension": { page: onProposal, expect: HANDLERS },
  "app/(staff)/proposals/[id]/actions.ts#writeOpinion": { page: onProposal, expect: HANDLERS },
  "app/(staff)/proposals/[id]/actions.ts#recordContact": { page: onProposal, expect: HANDLERS },
  "app/(staff)/proposals/[id]/actions.ts#saveReplyDraft": { page: onProposal, expect: HANDLERS },
  "app/(staff)/proposals/[id]/actions.ts#submitDraft": { page: onProposal, expect: HANDLERS },
  "app/(staff)/proposals/[id]/reply-file-actions.ts#attachReplyFilesAction": { page: onProposal, expect: HANDLERS },
  "app/(staff)/proposals/[id]/reply-file-actions.ts#removeReplyFileAction": { page: onProposal, expect: HANDLERS },
  "app/(staff)/proposals/[id]/word-draft-actions.ts#importWordDraftAction": { page: onProposal, expect: HANDLERS },
  // A handler or the director of the lead unit uploads the sealed letter's scan; which unit leads is the use case's decision (see OWNERSHIP).
  "app/(staff)/proposals/[id]/reply-file-actions.ts#uploadSealedScanAction": { page: onProposal, expect: UNIT_ROLES },
  "app/(staff)/proposals/[id]/actions.ts#signOffOpinion": { page: onProposal, expect: DIRECTORS },
  "app/(staff)/proposals/[id]/actions.ts#signOffReply": { page: onProposal, expect: DIRECTORS },
  "app/(staff)/proposals/[id]/actions.ts#divide": { page: onProposal, expect: DIVIDERS },
  "app/(staff)/proposals/[id]/actions.ts#reviewDraftAsLeader": { page: onProposal, expect: LEADERS },
  // Any staff role may ask; whether this user may publish this reply is the use case's decision (see OWNERSHIP).
  "app/(staff)/proposals/[id]/publication-actions.ts#decidePublicationAction": { page: onProposal, expect: STAFF_HOME },

  "app/member/proposals/[id]/actions.ts#submitReceiptAction": { page: (ids) => `/member/proposals/${ids.ownProposal}`, expect: MEMBERS },
  // The printed letter's link: no sign-in, the token decides — an empty one is refused for everybody.
  "app/receipt/[token]/actions.ts#submitReceiptByToken": {
    page: () => "/receipt/AAAA.BBBB",
    expect: roles<ActionOutcome>({ rest: "refused" }),
  },

  "app/account/password/actions.ts#changePassword": { page: () => "/account/password", expect: ALL_SIGNED_IN },
  "app/notifications/actions.ts#open": { page: () => "/notifications", expect: ALL_SIGNED_IN },
  // A checkbox value that is neither on nor off.
  "app/notifications/actions.ts#chooseDigest": { page: () => "/notifications", fields: { digest: "maybe" }, expect: ALL_SIGNED_IN },
  // No form at all: marking one's own messages read is all it does.
  "app/notifications/actions.ts#readAll": {
    page: () => "/notifications",
    expect: roles<ActionOutcome>({ anonymous: "signedOut", rest: "redirect:/notifications" }),
  },
  "app/login/actions.ts#signInAction": { page: () => "/login", expect: roles<ActionOutcome>({ rest: "invalid" }) },
  // Without single sign-on configured (as on the test server) the button is not shown and the action sends everyone back.
  "app/login/actions.ts#ssoSignInAction": { page: () => "/login", expect: roles<ActionOutcome>({ rest: "redirect:/login" }) },
  "app/login/actions.ts#signOutAction": { page: () => "/notifications", expect: roles<ActionOutcome>({ rest: "redirect:/login" }) },
};

// ---------------------------------------------------------------------------------------------
// Ownership: valid forms on real records, from roles that pass the guard but have no part in them

export type OwnershipCase = {
  action: string;
  role: Role;
  label: string;
  page: (ids: MatrixIds) => string;
  fields: (ids: MatrixIds) => Fields;
  /** The proposals whose rows must not change. */
  target: (ids: MatrixIds) => number[];
  /** Other rows that must not change, by table. */
  rows?: (ids: MatrixIds) => Record<string, number[]>;
  /** The column `rows` names them by, where not `id` (all the rows of a parent, so that one added shows too). */
  rowKeys?: Record<string, string>;
};

const contact = (ids: MatrixIds, proposalId: number): Fields => ({
  proposalId: String(proposalId),
  contactedOn: ids.today,
  method: "phone",
  participants: "安全测试",
  summary: "越权测试：不应保存。",
});

const draft = (proposalId: number, version: number): Fields => ({
  proposalId: String(proposalId),
  version: String(version),
  body: "越权测试：不应保存的答复正文。",
  resultClass: "A",
  contactPerson: "安全测试",
  contactPhone: "023-68510000",
  disclosure: "full",
});

const P = "app/(staff)/proposals/[id]/actions.ts#";
const F = "app/(staff)/proposals/[id]/reply-file-actions.ts#";

const M = "app/(staff)/meetings/actions.ts#";
/** The meetings' photos, whichever meeting they are under. */
const meetingRows = (ids: MatrixIds) => ({
  meeting_photos: [ids.meeting.id, ids.meeting.other],
  meetings: [ids.meeting.id, ids.meeting.other],
});
const MEETING_ROW_KEYS = { meeting_photos: "meeting_id" };

const attach = (proposalId: number, reference: string): Fields => ({ proposalId: String(proposalId), uploads: [reference] });
const sealed = (ids: MatrixIds, proposalId: number, reference: string): Fields => ({
  proposalId: String(proposalId),
  round: String(ids.ownReplyRound),
  upload: reference,
  reason: "越权测试",
});

/** A valid 分办 form: 科技创新局's 科室 and its handler in it, within a month. */
const division = (ids: MatrixIds, proposalId: number): Fields => ({
  proposalId: String(proposalId),
  sectionId: String(ids.unitSection),
  assigneeId: String(ids.adminUser),
  due: ids.inAMonth,
});

export const OWNERSHIP: OwnershipCase[] = [
  // 签收 / 申请调整: an assignment pending for another unit
  {
    action: `${P}accept`,
    role: "handler",
    label: "签收 another unit's assignment",
    page: (i) => `/proposals/${i.pendingOfOther}`,
    fields: (i) => ({ proposalId: String(i.pendingOfOther) }),
    target: (i) => [i.pendingOfOther],
  },
  {
    action: `${P}accept`,
    role: "otherHandler",
    label: "签收 the unit's assignment",
    page: (i) => `/proposals/${i.pendingOfUnit}`,
    fields: (i) => ({ proposalId: String(i.pendingOfUnit) }),
    target: (i) => [i.pendingOfUnit],
  },
  {
    action: `${P}askForAdjustment`,
    role: "handler",
    label: "申请调整 another unit's assignment",
    page: (i) => `/proposals/${i.pendingOfOther}`,
    fields: (i) => ({ proposalId: String(i.pendingOfOther), reason: "越权测试" }),
    target: (i) => [i.pendingOfOther],
  },
  {
    action: `${P}askForAdjustment`,
    role: "otherHandler",
    label: "申请调整 the unit's assignment",
    page: (i) => `/proposals/${i.pendingOfUnit}`,
    fields: (i) => ({ proposalId: String(i.pendingOfUnit), reason: "越权测试" }),
    target: (i) => [i.pendingOfUnit],
  },
  // Handling: contacts, drafts, 提交审签, 申请延期
  {
    action: `${P}recordContact`,
    role: "handler",
    label: "添加沟通记录 on another unit's proposal",
    page: (i) => `/proposals/${i.handlingOfOther}`,
    fields: (i) => contact(i, i.handlingOfOther),
    target: (i) => [i.handlingOfOther],
  },
  {
    action: `${P}recordContact`,
    role: "otherHandler",
    label: "添加沟通记录 on the unit's proposal",
    page: (i) => `/proposals/${i.handlingOfUnit}`,
    fields: (i) => contact(i, i.handlingOfUnit),
    target: (i) => [i.handlingOfUnit],
  },
  {
    action: `${P}saveReplyDraft`,
    role: "handler",
    label: "保存草稿 on another unit's proposal",
    page: (i) => `/proposals/${i.handlingOfOther}`,
    fields: (i) => draft(i.handlingOfOther, i.handlingOfOtherVersion),
    target: (i) => [i.handlingOfOther],
  },
  {
    action: `${P}saveReplyDraft`,
    role: "otherHandler",
    label: "保存草稿 on the unit's proposal",
    page: (i) => `/proposals/${i.handlingOfUnit}`,
    fields: (i) => draft(i.handlingOfUnit, i.handlingOfUnitVersion),
    target: (i) => [i.handlingOfUnit],
  },
  // A co-handling unit writes opinions, never the reply.
  {
    action: `${P}saveReplyDraft`,
    role: "handler",
    label: "保存草稿 on a proposal the unit only co-handles",
    page: (i) => `/proposals/${i.coHandledByUnit}`,
    fields: (i) => draft(i.coHandledByUnit, 0),
    target: (i) => [i.coHandledByUnit],
  },
  {
    action: `${P}submitDraft`,
    role: "handler",
    label: "提交审签 on another unit's proposal",
    page: (i) => `/proposals/${i.handlingOfOther}`,
    fields: (i) => ({ proposalId: String(i.handlingOfOther), version: String(i.handlingOfOtherVersion) }),
    target: (i) => [i.handlingOfOther],
  },
  {
    action: `${P}submitDraft`,
    role: "otherHandler",
    label: "提交审签 on the unit's proposal",
    page: (i) => `/proposals/${i.handlingOfUnit}`,
    fields: (i) => ({ proposalId: String(i.handlingOfUnit), version: String(i.handlingOfUnitVersion) }),
    target: (i) => [i.handlingOfUnit],
  },
  {
    action: `${P}askForExtension`,
    role: "handler",
    label: "申请延期 on another unit's proposal",
    page: (i) => `/proposals/${i.handlingOfOther}`,
    fields: (i) => ({ proposalId: String(i.handlingOfOther), until: i.inAMonth, reason: "越权测试" }),
    target: (i) => [i.handlingOfOther],
  },
  {
    action: `${P}askForExtension`,
    role: "otherHandler",
    label: "申请延期 on the unit's proposal",
    page: (i) => `/proposals/${i.handlingOfUnit}`,
    fields: (i) => ({ proposalId: String(i.handlingOfUnit), until: i.inAMonth, reason: "越权测试" }),
    target: (i) => [i.handlingOfUnit],
  },
  {
    action: `${P}writeOpinion`,
    role: "handler",
    label: "协办意见 where the unit does not co-handle",
    page: (i) => `/proposals/${i.handlingOfOther}`,
    fields: (i) => ({ proposalId: String(i.handlingOfOther), body: "越权测试", intent: "save" }),
    target: (i) => [i.handlingOfOther],
  },
  {
    action: `${P}writeOpinion`,
    role: "otherHandler",
    label: "协办意见 on a proposal the unit co-handles",
    page: (i) => `/proposals/${i.coHandledByUnit}`,
    fields: (i) => ({ proposalId: String(i.coHandledByUnit), body: "越权测试", intent: "save" }),
    target: (i) => [i.coHandledByUnit],
  },
  // 从 Word 导入 takes the same refusal as 保存草稿, before the file is read (the reference need not exist).
  {
    action: "app/(staff)/proposals/[id]/word-draft-actions.ts#importWordDraftAction",
    role: "handler",
    label: "从 Word 导入 on another unit's proposal",
    page: (i) => `/proposals/${i.handlingOfOther}/reply`,
    fields: (i) => ({ proposalId: String(i.handlingOfOther), file: "0".repeat(32) }),
    target: (i) => [i.handlingOfOther],
  },
  {
    action: "app/(staff)/proposals/[id]/word-draft-actions.ts#importWordDraftAction",
    role: "handler",
    label: "从 Word 导入 on a proposal the unit only co-handles",
    page: (i) => `/proposals/${i.coHandledByUnit}/reply`,
    fields: (i) => ({ proposalId: String(i.coHandledByUnit), file: "0".repeat(32) }),
    target: (i) => [i.coHandledByUnit],
  },
  // 答复附件: only the lead unit's handler, while drafting; a co-handling unit attaches nothing
  {
    action: `${F}attachReplyFilesAction`,
    role: "otherHandler",
    label: "添加答复附件 on the unit's proposal",
    page: (i) => `/proposals/${i.handlingOfUnit}/reply`,
    fields: (i) => attach(i.handlingOfUnit, i.uploads.otherHandlerAttachment),
    target: (i) => [i.handlingOfUnit],
  },
  {
    action: `${F}attachReplyFilesAction`,
    role: "handler",
    label: "添加答复附件 on another unit's proposal",
    page: (i) => `/proposals/${i.handlingOfOther}/reply`,
    fields: (i) => attach(i.handlingOfOther, i.uploads.handlerAttachment),
    target: (i) => [i.handlingOfOther],
  },
  {
    action: `${F}attachReplyFilesAction`,
    role: "handler",
    label: "添加答复附件 on a proposal the unit only co-handles",
    page: (i) => `/proposals/${i.coHandledByUnit}`,
    fields: (i) => attach(i.coHandledByUnit, i.uploads.handlerAttachment),
    target: (i) => [i.coHandledByUnit],
  },
  {
    action: `${F}removeReplyFileAction`,
    role: "otherHandler",
    label: "删除 the unit's reply attachment",
    page: (i) => `/proposals/${i.handlingOfUnit}/reply`,
    fields: (i) => ({ proposalId: String(i.handlingOfUnit), fileId: String(i.draftAttachment) }),
    target: (i) => [i.handlingOfUnit],
  },
  // The file named under a proposal it does not belong to.
  // Another unit's file named under a proposal the handler may edit: the file is not that proposal's.
  {
    action: `${F}removeReplyFileAction`,
    role: "handler",
    label: "删除 another unit's reply attachment, named under the unit's own proposal",
    page: (i) => `/proposals/${i.handlingOfUnit}/reply`,
    fields: (i) => ({ proposalId: String(i.handlingOfUnit), fileId: String(i.otherDraftAttachment) }),
    target: (i) => [i.handlingOfUnit, i.handlingOfOther],
  },
  // A meeting's photos: only the handlers of the unit that held it
  {
    action: `${M}addMeetingPhotosAction`,
    role: "otherHandler",
    label: "添加会议照片 to the unit's meeting",
    page: (i) => `/meetings/${i.meeting.id}`,
    fields: (i) => ({ meetingId: String(i.meeting.id), photos: [i.uploads.otherHandlerPhoto] }),
    target: () => [],
    rows: meetingRows,
    rowKeys: MEETING_ROW_KEYS,
  },
  {
    action: `${M}removeMeetingPhotoAction`,
    role: "otherHandler",
    label: "删除 the unit's meeting photo",
    page: (i) => `/meetings/${i.meeting.id}`,
    fields: (i) => ({ meetingId: String(i.meeting.id), photoId: String(i.meeting.photo) }),
    target: () => [],
    rows: meetingRows,
    rowKeys: MEETING_ROW_KEYS,
  },
  // The photo named under another meeting of the unit is not that meeting's.
  {
    action: `${M}removeMeetingPhotoAction`,
    role: "handler",
    label: "删除 the meeting's photo, named under another meeting",
    page: (i) => `/meetings/${i.meeting.other}`,
    fields: (i) => ({ meetingId: String(i.meeting.other), photoId: String(i.meeting.photo) }),
    target: () => [],
    rows: meetingRows,
    rowKeys: MEETING_ROW_KEYS,
  },
  // 盖章件: only the lead unit (handler or director)
  {
    action: `${F}uploadSealedScanAction`,
    role: "otherHandler",
    label: "替换盖章件 of the unit's reply",
    page: onProposal,
    fields: (i) => sealed(i, i.ownProposal, i.uploads.otherHandlerSealed),
    target: (i) => [i.ownProposal],
  },
  {
    action: `${F}uploadSealedScanAction`,
    role: "otherDirector",
    label: "替换盖章件 of the unit's reply",
    page: onProposal,
    fields: (i) => sealed(i, i.ownProposal, i.uploads.otherDirectorSealed),
    target: (i) => [i.ownProposal],
  },
  {
    action: `${F}uploadSealedScanAction`,
    role: "handler",
    label: "上传盖章件 of a reply the unit only co-handled",
    page: (i) => `/proposals/${i.coProposal}`,
    fields: (i) => sealed(i, i.coProposal, i.uploads.handlerSealed),
    target: (i) => [i.coProposal],
  },
  {
    action: `${F}uploadSealedScanAction`,
    role: "director",
    label: "上传盖章件 of another unit's reply",
    page: (i) => `/proposals/${i.otherProposal}`,
    fields: (i) => sealed(i, i.otherProposal, i.uploads.directorSealed),
    target: (i) => [i.otherProposal],
  },
  // Sign-off: only the unit's own director
  {
    action: `${P}signOffReply`,
    role: "director",
    label: "同意签发 another unit's reply",
    page: (i) => `/proposals/${i.inReviewOfOther}`,
    fields: (i) => ({ proposalId: String(i.inReviewOfOther), version: String(i.inReviewOfOtherVersion), decision: "approve" }),
    target: (i) => [i.inReviewOfOther],
  },
  {
    action: `${P}signOffReply`,
    role: "otherDirector",
    label: "同意签发 the unit's reply",
    page: (i) => `/proposals/${i.inReviewOfUnit}`,
    fields: (i) => ({ proposalId: String(i.inReviewOfUnit), version: String(i.inReviewOfUnitVersion), decision: "approve" }),
    target: (i) => [i.inReviewOfUnit],
  },
  {
    action: `${P}signOffReply`,
    role: "otherDirector",
    label: "退回修改 the unit's reply",
    page: (i) => `/proposals/${i.inReviewOfUnit}`,
    fields: (i) => ({
      proposalId: String(i.inReviewOfUnit),
      version: String(i.inReviewOfUnitVersion),
      decision: "return",
      comment: "越权测试",
    }),
    target: (i) => [i.inReviewOfUnit],
  },
  {
    action: `${P}signOffOpinion`,
    role: "director",
    label: "sign off a co-handling opinion of another unit",
    page: (i) => `/proposals/${i.handlingOfOther}`,
    fields: (i) => ({ proposalId: String(i.handlingOfOther), decision: "approve" }),
    target: (i) => [i.handlingOfOther],
  },
  {
    action: `${P}signOffOpinion`,
    role: "otherDirector",
    label: "sign off the unit's co-handling opinion",
    page: (i) => `/proposals/${i.coHandledByUnit}`,
    fields: (i) => ({ proposalId: String(i.coHandledByUnit), decision: "approve" }),
    target: (i) => [i.coHandledByUnit],
  },
  // 分办: only the unit's office (its director, a handler with 可分办), and only its own unit's assignment.
  {
    action: `${P}divide`,
    role: "handler",
    label: "分办 the unit's proposal without 可分办",
    page: (i) => `/proposals/${i.handlingOfUnit}`,
    fields: (i) => division(i, i.handlingOfUnit),
    target: (i) => [i.handlingOfUnit],
  },
  {
    action: `${P}divide`,
    role: "otherDirector",
    label: "分办 another unit's proposal",
    page: (i) => `/proposals/${i.handlingOfUnit}`,
    fields: (i) => division(i, i.handlingOfUnit),
    target: (i) => [i.handlingOfUnit],
  },
  {
    action: `${P}divide`,
    role: "director",
    label: "分办 where the unit has no part",
    page: (i) => `/proposals/${i.handlingOfOther}`,
    fields: (i) => division(i, i.handlingOfOther),
    target: (i) => [i.handlingOfOther],
  },
  // 分管领导审核: only the lead unit's 分管领导, and only a draft waiting for them.
  {
    action: `${P}reviewDraftAsLeader`,
    role: "leader",
    label: "审核 another unit's reply",
    page: (i) => `/proposals/${i.inReviewOfOther}`,
    fields: (i) => ({ proposalId: String(i.inReviewOfOther), version: String(i.inReviewOfOtherVersion), decision: "approve" }),
    target: (i) => [i.inReviewOfOther],
  },
  {
    action: `${P}reviewDraftAsLeader`,
    role: "leader",
    label: "退回 the unit's reply that waits for the director",
    page: (i) => `/proposals/${i.inReviewOfUnit}`,
    fields: (i) => ({
      proposalId: String(i.inReviewOfUnit),
      version: String(i.inReviewOfUnitVersion),
      decision: "return",
      comment: "越权测试",
    }),
    target: (i) => [i.inReviewOfUnit],
  },
  // Publication is the coordinating office's (by default): not the lead unit's, let alone another unit's.
  {
    action: "app/(staff)/proposals/[id]/publication-actions.ts#decidePublicationAction",
    role: "handler",
    label: "撤回公开 another unit's reply",
    page: (i) => `/proposals/${i.otherProposal}`,
    fields: (i) => ({ proposalId: String(i.otherProposal), decision: "withdraw", reason: "越权测试" }),
    target: (i) => [i.otherProposal],
  },
  {
    action: "app/(staff)/proposals/[id]/publication-actions.ts#decidePublicationAction",
    role: "otherDirector",
    label: "撤回公开 the unit's reply",
    page: (i) => `/proposals/${i.ownProposal}`,
    fields: (i) => ({ proposalId: String(i.ownProposal), decision: "withdraw", reason: "越权测试" }),
    target: (i) => [i.ownProposal],
  },
  {
    action: "app/(staff)/proposals/[id]/publication-actions.ts#decidePublicationAction",
    role: "director",
    label: "撤回公开 the unit's own reply",
    page: (i) => `/proposals/${i.ownProposal}`,
    fields: (i) => ({ proposalId: String(i.ownProposal), decision: "withdraw", reason: "越权测试" }),
    target: (i) => [i.ownProposal],
  },
  // Receipts: only a proposer of the proposal, for themself
  ...(["owner", "otherMember"] as const).map(
    (role): OwnershipCase => ({
      action: "app/member/proposals/[id]/actions.ts#submitReceiptAction",
      role,
      label: "提交回执 on someone else's proposal",
      page: (i) => `/member/proposals/${i.repliedOfOther}`,
      fields: (i) => ({
        proposalId: String(i.repliedOfOther),
        replyId: String(i.repliedOfOtherReply),
        contactReport: "visited",
        attitude: "satisfied",
        result: "satisfied",
      }),
      target: (i) => [i.repliedOfOther],
    }),
  ),
  // Someone else's notification
  ...(["otherHandler", "owner"] as const).map(
    (role): OwnershipCase => ({
      action: "app/notifications/actions.ts#open",
      role,
      label: "open the unit handler's notification",
      page: () => "/notifications",
      fields: (i) => ({ id: String(i.handlerNotification) }),
      target: () => [],
      rows: (i) => ({ notifications: [i.handlerNotification] }),
    }),
  ),
];
