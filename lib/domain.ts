/**
 * The domain's vocabulary: the closed sets of values the data model uses, with the Chinese words
 * the UI shows for them. Pure constants; the workflow rules that move between them live elsewhere.
 */

export const ROLES = ["admin", "coordinator", "handler", "director", "leader", "district_leader", "member"] as const;
export type Role = (typeof ROLES)[number];
export const ROLE_LABELS: Record<Role, string> = {
  admin: "系统管理员",
  coordinator: "交办督办",
  handler: "承办人",
  director: "单位负责人",
  leader: "分管领导",
  district_leader: "区领导",
  member: "委员/代表",
};
/** Roles that belong to a unit and only act within it. */
export const UNIT_ROLES: readonly Role[] = ["handler", "director", "leader"];
export const STAFF_ROLES: readonly Role[] = ["admin", "coordinator", "handler", "director", "leader", "district_leader"];

/** Where a reply draft submitted for sign-off stands: with the unit's 分管领导 first (when required), then the director. */
export const REVIEW_STAGES = ["leader", "director"] as const;
export type ReviewStage = (typeof REVIEW_STAGES)[number];
export const REVIEW_STAGE_LABELS: Record<ReviewStage, string> = { leader: "待分管领导审核", director: "待单位负责人审签" };

export const UNIT_KINDS = ["department", "centre", "party", "office"] as const;
export type UnitKind = (typeof UNIT_KINDS)[number];
export const UNIT_KIND_LABELS: Record<UnitKind, string> = {
  department: "政府部门",
  centre: "事业单位/中心",
  party: "党群机构",
  office: "办公室/督查室",
};

export const SESSION_KINDS = ["proposal", "suggestion"] as const;
export type SessionKind = (typeof SESSION_KINDS)[number];
export const SESSION_KIND_LABELS: Record<SessionKind, string> = {
  proposal: "政协提案",
  suggestion: "人大建议",
};
/** What one item is called: 提案 (CPPCC) or 建议 (NPC). */
export const ITEM_WORD: Record<SessionKind, string> = { proposal: "提案", suggestion: "建议" };
/** How the proposer is addressed in the salutation. */
export const PROPOSER_WORD: Record<SessionKind, string> = { proposal: "委员", suggestion: "代表" };
/** 体裁分类 on the public page. */
export const GENRE_LABELS: Record<SessionKind, string> = {
  proposal: "政协提案办理",
  suggestion: "人大建议办理",
};

export const PROPOSAL_STATES = ["registered", "assigned", "handling", "in_review", "replied", "rehandling", "closed"] as const;
export type ProposalState = (typeof PROPOSAL_STATES)[number];
/** Staff words for each state. */
export const PROPOSAL_STATE_LABELS: Record<ProposalState, string> = {
  registered: "已登记",
  assigned: "已交办",
  handling: "办理中",
  in_review: "待审签",
  replied: "已答复",
  rehandling: "重新办理",
  closed: "已办结",
};

export const SIGNER_ROLES = ["lead", "cosigner", "seconder"] as const;
export type SignerRole = (typeof SIGNER_ROLES)[number];
export const SIGNER_ROLE_LABELS: Record<SignerRole, string> = {
  lead: "领衔",
  cosigner: "联名",
  seconder: "附议",
};

export const ASSIGNMENT_ROLES = ["lead", "co"] as const;
export type AssignmentRole = (typeof ASSIGNMENT_ROLES)[number];
export const ASSIGNMENT_ROLE_LABELS: Record<AssignmentRole, string> = { lead: "主办", co: "协办" };

export const ASSIGNMENT_STATES = ["pending", "adjust_requested", "accepted", "done", "withdrawn"] as const;
export type AssignmentState = (typeof ASSIGNMENT_STATES)[number];
export const ASSIGNMENT_STATE_LABELS: Record<AssignmentState, string> = {
  pending: "待签收",
  adjust_requested: "申请调整中",
  accepted: "已签收",
  done: "已完成",
  withdrawn: "已撤回",
};

export const REQUEST_STATES = ["pending", "approved", "rejected"] as const;
export type RequestState = (typeof REQUEST_STATES)[number];
export const REQUEST_STATE_LABELS: Record<RequestState, string> = {
  pending: "待审批",
  approved: "已同意",
  rejected: "已驳回",
};

export const CO_OPINION_STATES = ["draft", "submitted", "returned", "sent"] as const;
export type CoOpinionState = (typeof CO_OPINION_STATES)[number];
export const CO_OPINION_STATE_LABELS: Record<CoOpinionState, string> = {
  draft: "草稿",
  submitted: "待本单位审签",
  returned: "已退回",
  sent: "已送主办单位",
};

export const CONTACT_METHODS = ["face", "phone", "forum", "visit", "written"] as const;
export type ContactMethod = (typeof CONTACT_METHODS)[number];
export const CONTACT_METHOD_LABELS: Record<ContactMethod, string> = {
  face: "当面",
  phone: "电话",
  forum: "座谈",
  visit: "走访",
  written: "书面",
};
/** 面商 (the unit meets the proposers of one or a few proposals) or 座谈会 (a forum on several proposals). */
export const MEETING_KINDS = ["consultation", "forum"] as const;
export type MeetingKind = (typeof MEETING_KINDS)[number];
export const MEETING_KIND_LABELS: Record<MeetingKind, string> = { consultation: "面商", forum: "座谈会" };
/** The contact method a meeting is recorded as on each proposal it covers: both count as 见面. */
export const MEETING_CONTACT_METHOD: Record<MeetingKind, "face" | "forum"> = { consultation: "face", forum: "forum" };

/** Methods that count as meeting the proposer in person (见面率). */
export const FACE_TO_FACE_METHODS: readonly ContactMethod[] = ["face", "forum", "visit"];

export const RESULT_CLASSES = ["A", "B", "C", "D"] as const;
export type ResultClass = (typeof RESULT_CLASSES)[number];
/** The default wording of the result classes (localities may differ). */
export const RESULT_CLASS_LABELS: Record<ResultClass, string> = {
  A: "A类：所提问题已经解决或基本解决",
  B: "B类：所提问题正在解决或已列入计划逐步解决",
  C: "C类：所提问题因条件限制或其他原因需以后解决",
  D: "D类：留作参考",
};

/** A reply's files: 答复附件 attached while drafting, and the scan of the sealed letter (盖章件). */
export const REPLY_FILE_KINDS = ["attachment", "sealed"] as const;
export type ReplyFileKind = (typeof REPLY_FILE_KINDS)[number];

export const DISCLOSURE_MODES = ["full", "summary", "none"] as const;
export type DisclosureMode = (typeof DISCLOSURE_MODES)[number];
export const DISCLOSURE_LABELS: Record<DisclosureMode, string> = {
  full: "全文公开",
  summary: "摘要公开",
  none: "不予公开",
};

export const SIGN_OFF_DECISIONS = ["approve", "return"] as const;
export type SignOffDecision = (typeof SIGN_OFF_DECISIONS)[number];
export const SIGN_OFF_LABELS: Record<SignOffDecision, string> = { approve: "同意签发", return: "退回修改" };
/** The 分管领导's decision on a draft, before the director's. */
export const LEADER_REVIEW_LABELS: Record<SignOffDecision, string> = { approve: "分管领导审核通过", return: "分管领导退回修改" };

export const PUBLICATION_STATES = ["published", "withheld", "withdrawn"] as const;
export type PublicationState = (typeof PUBLICATION_STATES)[number];

export const SATISFACTION = ["satisfied", "basically", "unsatisfied"] as const;
export type Satisfaction = (typeof SATISFACTION)[number];
export const SATISFACTION_LABELS: Record<Satisfaction, string> = {
  satisfied: "满意",
  basically: "基本满意",
  unsatisfied: "不满意",
};

/** 走访/沟通情况 as the member reports it on the receipt. */
export const CONTACT_REPORTS = ["visited", "contacted", "none"] as const;
export type ContactReport = (typeof CONTACT_REPORTS)[number];
export const CONTACT_REPORT_LABELS: Record<ContactReport, string> = {
  visited: "已走访面商",
  contacted: "已电话或书面沟通",
  none: "未联系",
};

export const OUTBOX_STATES = ["pending", "sent", "failed"] as const;
