/** Form inputs of the handling workflow. Pure zod schemas; the rules themselves are in lib/workflow. */
import { z } from "zod";
import { CONTACT_METHODS, DISCLOSURE_MODES, MEETING_KINDS, RESULT_CLASSES } from "../domain";
import { MAX_ATTACHMENTS, MAX_MEETING_PHOTOS } from "../import/attachments";
import { MAX_BODY_CHARS, normaliseBody } from "../letter-body";
import { SUPERVISABLE_STAGES } from "../supervision-board";
import type { AdjustmentOutcome } from "../workflow/commands";
import { optionalId, optionalText, requiredPhone, requiredText, wholeNumber } from "./common";

const proposalId = wholeNumber("提案编号");
const unitId = wholeNumber("单位");
const isoDate = (label: string) =>
  z
    .string({ error: `请填写${label}` })
    .regex(/^\d{4}-\d{2}-\d{2}$/, `${label}格式应为 2023-05-16`)
    .refine((s) => !Number.isNaN(Date.parse(s)) && new Date(s).toISOString().startsWith(s), `${label}不是有效日期`);
const oneOf = <T extends readonly [string, ...string[]]>(values: T, message: string) => z.enum(values, { error: message });
/** Ids from repeated checkboxes: absent, one value, or many. */
const ids = (label: string) =>
  z
    .union([z.string(), z.array(z.string())])
    .optional()
    .transform((v): unknown[] => (v === undefined ? [] : Array.isArray(v) ? v : [v]))
    .pipe(z.array(wholeNumber(label)));
const idList = ids("单位");

/** The reference the upload route answered for a file (app/api/uploads). */
const uploadReference = z.string({ error: "请先选择并上传文件" }).regex(/^[0-9a-f]{32}$/, "上传的文件已失效，请重新上传");
/** References from repeated hidden inputs: absent, one value, or many; at least `min`, at most `max` (`tooMany` says so). */
const uploadReferences = (min: number, max: number, tooMany: string) =>
  z
    .union([z.string(), z.array(z.string())])
    .optional()
    .transform((v): unknown[] => (v === undefined ? [] : Array.isArray(v) ? v : [v]))
    .pipe(z.array(uploadReference).min(min, "请先选择要添加的文件").max(max, tooMany));
const meetingPhotos = (min: number) => uploadReferences(min, MAX_MEETING_PHOTOS, `每次会议最多 ${MAX_MEETING_PHOTOS} 张照片`);

export const assignInput = z.object({ proposalId, leadUnitId: wholeNumber("主办单位"), coUnitIds: idList });

export const proposalOnly = z.object({ proposalId });
/** An action on the current proposal version, refused when someone else changed it in between. */
export const versionedInput = z.object({ proposalId, version: wholeNumber("版本", 0) });

/** 提交审签: `confirmation`, the reason for submitting a draft in which 公开审查 found personal information. */
export const submitInput = versionedInput.extend({ confirmation: optionalText("确认公开的理由", 500) });

export const adjustmentRequestInput = z.object({
  proposalId,
  reason: requiredText("申请调整的理由", 1000),
  /** A co-handling unit asks to leave (withdraw) or to lead the proposal itself (lead). */
  ask: z.enum(["withdraw", "lead"]).optional().default("withdraw"),
  suggestedUnitId: optionalId("建议承办单位"),
});

/**
 * The coordinator's decision: 驳回, or 同意 as one of the outcomes the page offered (lib/workflow decides
 * whether it holds): the co-handling unit leaves (replaced or not), or the lead changes hands.
 */
export const adjustmentDecisionInput = z
  .object({
    proposalId,
    unitId,
    decision: oneOf(["approve", "reject"], "请选择同意或驳回"),
    outcome: z.enum(["withdraw", "change_lead"], { error: "请选择调整方式" }).optional(),
    replacementUnitId: optionalId("新的承办单位"),
    leadUnitId: optionalId("新的主办单位"),
    formerLead: z.enum(["co", "withdrawn"], { error: "请选择原主办单位的去向" }).optional(),
    comment: optionalText("审批意见", 1000),
  })
  .superRefine((v, ctx) => {
    if (v.decision !== "approve" || v.outcome !== "change_lead") return;
    if (v.leadUnitId === null) ctx.addIssue({ code: "custom", path: ["leadUnitId"], message: "请选择新的主办单位" });
    if (!v.formerLead) ctx.addIssue({ code: "custom", path: ["formerLead"], message: "请选择原主办单位的去向" });
  })
  .transform(
    ({
      decision,
      outcome,
      replacementUnitId,
      leadUnitId,
      formerLead,
      ...rest
    }): { proposalId: number; unitId: number; comment: string | null; outcome: AdjustmentOutcome } => ({
      ...rest,
      outcome:
        decision === "reject"
          ? { kind: "reject" }
          : outcome === "change_lead"
            ? { kind: "change_lead", leadUnitId: leadUnitId!, formerLead: formerLead! }
            : { kind: "withdraw", replacementUnitId },
    }),
  );

export const extensionRequestInput = z.object({ proposalId, until: isoDate("申请延至"), reason: requiredText("申请延期的理由", 1000) });

export const extensionDecisionInput = z.object({
  proposalId,
  unitId,
  decision: oneOf(["grant", "refuse"], "请选择同意或不同意"),
  until: z
    .union([z.literal(""), isoDate("同意延至")])
    .optional()
    .transform((v) => v || null),
  comment: optionalText("审批意见", 1000),
});

export const waiveCoOpinionInput = z.object({ proposalId, unitId, reason: requiredText("免除理由", 500) });
export const reasonInput = z.object({ proposalId, reason: requiredText("理由", 1000) });
export const superviseInput = z.object({ proposalId, unitId, comment: requiredText("督办意见", 1000) });

export const coOpinionInput = z.object({
  proposalId,
  body: requiredText("协办意见", 20_000),
  intent: oneOf(["save", "submit"], "请选择保存或提交"),
});

export const signOffInput = z.object({
  proposalId,
  version: wholeNumber("版本", 0),
  decision: oneOf(["approve", "return"], "请选择同意签发或退回修改"),
  comment: optionalText("审签意见", 2000),
});

/**
 * 分办 (no reason) or 改派 (`reassign`, with a reason): the 科室, the 承办人 and the internal deadline. The
 * workflow checks that they belong together and that the deadline lies inside the unit's.
 */
export const divisionInput = z
  .object({
    proposalId,
    sectionId: wholeNumber("科室"),
    assigneeId: wholeNumber("承办人"),
    due: isoDate("内部办理期限"),
    reassign: z.enum(["true"]).optional(),
    reason: optionalText("改派理由", 1000),
  })
  .superRefine((v, ctx) => {
    if (v.reassign && v.reason === null) ctx.addIssue({ code: "custom", path: ["reason"], message: "请填写改派理由" });
  })
  .transform(({ reassign, reason, ...rest }) => (reassign ? { ...rest, reason: reason ?? "" } : rest));

/** The 分管领导's review: 审核通过 (to the director) or 退回 to the 承办人 with a comment. */
export const leaderReviewInput = z.object({
  proposalId,
  version: wholeNumber("版本", 0),
  decision: oneOf(["approve", "return"], "请选择审核通过或退回修改"),
  comment: optionalText("审核意见", 2000),
});

export const coSignOffInput = z.object({
  proposalId,
  decision: oneOf(["approve", "return"], "请选择同意或退回"),
  comment: optionalText("审签意见", 2000),
});

export const contactInput = z.object({
  proposalId,
  contactedOn: isoDate("沟通日期"),
  method: oneOf(CONTACT_METHODS, "请选择沟通方式"),
  participants: requiredText("参加人员", 200),
  summary: requiredText("沟通情况", 5000),
});

/** 面商 / 座谈会 covering one or more proposals; the members who took part are chosen among the proposers. */
export const meetingInput = z.object({
  kind: oneOf(MEETING_KINDS, "请选择面商或座谈会"),
  heldOn: isoDate("日期"),
  place: requiredText("地点", 100),
  proposalIds: ids("提案").pipe(z.array(z.number()).min(1, "请至少选择一件提案").max(50, "一次最多 50 件提案")),
  memberIds: ids("委员/代表").pipe(z.array(z.number()).max(100, "参加的委员/代表过多")),
  officials: requiredText("参加的单位人员", 500),
  minutes: requiredText("会议纪要", 10000),
  /** The photos uploaded with the record (none is fine). */
  photos: meetingPhotos(0),
});
/** 添加会议照片 on the meeting's page, and 删除 one. */
export const meetingPhotosInput = z.object({ meetingId: wholeNumber("会议记录"), photos: meetingPhotos(1) });
export const meetingPhotoInput = z.object({ meetingId: wholeNumber("会议记录"), photoId: wholeNumber("照片") });

export const draftInput = z
  .object({
    proposalId,
    /** The id of the draft the editor started from, 0 when there was none: a newer one is not overwritten. */
    basedOn: wholeNumber("草稿版本", 0).optional(),
    /** Or the proposal's version (scripts that only know that); one of the two is required. */
    version: wholeNumber("版本", 0).optional(),
    // Text pasted from Word keeps its words and paragraphs, not its formatting.
    body: requiredText("答复正文", MAX_BODY_CHARS).transform(normaliseBody),
    resultClass: oneOf(RESULT_CLASSES, "请选择办理结果类别"),
    contactPerson: requiredText("联系人", 40),
    contactPhone: requiredPhone("联系电话", 40),
    disclosure: oneOf(DISCLOSURE_MODES, "请选择公开方式"),
    disclosureSummary: optionalText("公开摘要", 5000),
    disclosureReason: optionalText("不予公开理由", 500),
    /** 从 Word 导入: the document the body was read from, when the handler saves what was imported. */
    importedFrom: optionalText("导入的文档名", 200),
  })
  .superRefine((v, ctx) => {
    if (v.basedOn === undefined && v.version === undefined)
      ctx.addIssue({ code: "custom", path: ["basedOn"], message: "缺少草稿版本，请刷新页面后重试" });
    if (v.disclosure === "summary" && !v.disclosureSummary)
      ctx.addIssue({ code: "custom", path: ["disclosureSummary"], message: "摘要公开须填写公开摘要" });
    if (v.disclosure === "none" && !v.disclosureReason)
      ctx.addIssue({ code: "custom", path: ["disclosureReason"], message: "不予公开须说明理由（如涉及个人隐私）" });
  });

export const linkInput = z.object({ proposalId, relatedId: wholeNumber("并案提案") });
export const unlinkInput = linkInput.extend({ reason: requiredText("取消并案的理由", 500) });

/** 督办 from the board, of one or several proposals of one unit (of one step, or each one's most urgent); each notice is worded from its step's deadline. */
export const bulkSuperviseInput = z.object({
  unitId,
  proposalIds: idList,
  stage: z.enum(SUPERVISABLE_STAGES, { error: "环节无效" }).optional(),
});

/** 列为重点提案 (or change its leader or plan). */
export const markKeyInput = z.object({ proposalId, leaderId: wholeNumber("领办领导"), plan: requiredText("办理方案", 2000) });
export const unmarkKeyInput = z.object({ proposalId, reason: requiredText("取消重点的理由", 500) });
/** 中期进展 of a 重点提案. */
export const progressInput = z.object({ proposalId, body: requiredText("中期进展", 4000) });
/** 添加答复附件: files uploaded for the reply in the making. */
export const replyFilesInput = z.object({
  proposalId,
  uploads: uploadReferences(1, MAX_ATTACHMENTS, `答复附件最多 ${MAX_ATTACHMENTS} 个`),
});
/** 从 Word 导入: the .docx uploaded to be read into the draft (nothing is saved until the handler confirms). */
export const wordDraftInput = z.object({ proposalId, file: uploadReference });
/** 删除答复附件. */
export const replyFileInput = z.object({ proposalId, fileId: wholeNumber("附件") });
/** 上传盖章件: the scan of the signed letter of one round; replacing one takes a reason (lib/workflow asks for it). */
export const sealedScanInput = z.object({
  proposalId,
  round: wholeNumber("答复轮次"),
  upload: uploadReference,
  reason: optionalText("替换原因", 500),
});
