/** The Chinese texts of a demo proposal and its handling, written from a topic. */
import { ITEM_WORD, PROPOSER_WORD, type ContactMethod, type SessionKind } from "@/lib/domain";
import type { Cast, CategoryName, UnitKey } from "./reference";
import type { Topic } from "./topics";

/** Everything written about one proposal. */
export type Material = {
  title: string;
  category: CategoryName;
  /** Unit keys of the cast. */
  lead: string;
  co: readonly string[];
  body: string;
  /** The reply draft of a handling round, version 1, 2, … */
  draft(round: number, version: number): string;
  coOpinion(unit: string): string;
  contact(method: ContactMethod, round: number, handler: string): { participants: string; summary: string };
  /** What the proposer writes on a 不满意 receipt. */
  unsatisfiedOpinion: string;
  /** Published instead of the letter when the reply is 摘要公开. */
  disclosureSummary: string;
  /** Why a unit asks to be taken off (null) or to hand the proposal to another unit. */
  adjustmentReason(suggested: string | null): string;
  extensionReason: string;
};

type MaterialContext = { kind: SessionKind; proposerName: string; cast: Cast };
export type MaterialSource = (c: MaterialContext) => Material;

/** What each unit (or a unit like it) contributes as a co-handling unit. */
const CO_DUTIES: Record<UnitKey, string> = {
  office: "将做好综合协调和督查督办工作,推动相关事项按期落实",
  kjcx: "将结合科技创新政策,支持相关企业和高校院所开展技术攻关与成果转化,在科技项目申报、平台建设等方面给予指导",
  dqgz: "将发挥党建引领和人才工作统筹作用,在人才政策宣传、基层党组织联系服务等方面积极配合",
  cxfw: "将依托孵化载体和科技服务平台,为相关企业和创业团队提供场地、融资对接和成果转化服务",
  zwfw: "将优化相关政务服务和社会事务办理流程,在就业、社保、人才服务等方面提供便利",
  jsj: "将在项目建设、市政设施配套和城市管理等方面加强统筹,按计划推进相关工程实施",
  sthj: "将加强生态环境监测和执法监管,对涉及生态环境保护的事项提供技术支持",
  shsy: "将统筹教育、卫生健康、文化旅游等社会事业资源,在公共服务设施布局和服务供给方面予以支持",
  czj: "将在年度预算安排中统筹考虑相关资金需求,加强资金绩效管理,保障相关工作有序推进",
  ghzy: "将在国土空间规划编制和用地保障方面统筹考虑,优先保障相关公共服务设施用地需求",
  jjyx: "将结合产业发展规划和惠企政策,在企业服务、要素保障等方面加强协调配合",
};

export function coOpinionBody(unit: UnitKey, title: string, proposer: string, duty: string = CO_DUTIES[unit]): string {
  return [
    `经认真研究,现就《${title}》提出协办意见如下:`,
    `一是${duty}。二是积极配合主办单位做好与${proposer}的沟通协商,及时提供相关资料和数据。`,
    "以上意见供主办单位参考。",
  ].join("\n\n");
}

function contactOpening(method: ContactMethod, handler: string, proposer: string): string {
  switch (method) {
    case "face":
      return `${handler}当面拜访${proposer}`;
    case "phone":
      return `${handler}电话联系${proposer}`;
    case "forum":
      return `${handler}组织召开座谈会,邀请${proposer}参加`;
    case "visit":
      return `${handler}陪同${proposer}实地走访相关点位`;
    case "written":
      return `${handler}书面征求${proposer}意见`;
  }
}

const REVISION = "三是定期向您通报相关工作进展,欢迎继续对我们的工作提出意见建议。";

function replyDraft(t: Topic, item: string, round: number, version: number): string {
  const paragraphs = [
    `${item}分析了${t.subject}方面存在的${t.problems.join("、")}等问题,并从${t.suggestions.map(([head]) => head).join("、")}等方面提出了建议,具有较强的针对性。针对此${item},已重点开展以下工作:`,
    "一、工作开展情况",
    `一是${t.done[0]}。二是${t.done[1]}。`,
    "二、下一步工作计划",
    `一是${t.next[0]}。二是${t.next[1]}。${version > 1 ? REVISION : ""}`,
  ];
  if (round > 1) paragraphs.unshift("根据您在答复函回执中提出的意见,我们会同有关单位再次进行了研究,现将补充办理情况答复如下:");
  return paragraphs.join("\n\n");
}

function proposalBody(t: Topic): string {
  return [
    t.background,
    "一、存在的问题",
    t.problems.map((p, i) => `${["一", "二", "三"][i]}是${p}。`).join(""),
    "二、几点建议",
    ...t.suggestions.flatMap(([head, text], i) => [`(${["一", "二", "三"][i]})${head}`, text]),
  ].join("\n\n");
}

/** Who handles a topic's proposal and how its title reads, where not as the topic says (a cast larger than the demo's). */
export type Staging = { lead?: string; co?: readonly string[]; title?: string };

/** The material for a topic, in the words of a CPPCC proposal or an NPC suggestion. */
export function topicMaterial(t: Topic, staging: Staging = {}): MaterialSource {
  return ({ kind, proposerName, cast }) => {
    const item = ITEM_WORD[kind];
    const proposer = `${proposerName}${PROPOSER_WORD[kind]}`;
    const title = staging.title ?? t.title;
    const lead = staging.lead ?? t.lead;
    return {
      title,
      category: t.category,
      lead,
      co: staging.co ?? t.co,
      body: proposalBody(t),
      draft: (round, version) => replyDraft(t, item, round, version),
      coOpinion: (unit) => coOpinionBody(cast.unit(unit).like, title, proposer),
      contact: (method, round, handler) => ({
        participants: `${handler}与${proposer}`,
        summary: `${round > 1 ? `针对${proposer}在回执中提出的意见,` : ""}${contactOpening(method, handler, proposer)},介绍了${t.subject}相关工作情况和下一步打算,听取了意见建议。${proposer}希望在${t.suggestions[0][0]}、${t.suggestions[1][0]}等方面加大工作力度。`,
      }),
      unsatisfiedOpinion: `答复对${t.problems[0]}问题回应不够具体,缺少明确的时间表和资金安排,希望进一步研究办理。`,
      disclosureSummary: `${cast.unit(lead).name}对${item}提出的${t.subject}问题进行了认真研究,已${t.done[0]},下一步将${t.next[0]}。`,
      adjustmentReason: (suggested) =>
        suggested
          ? `该${item}所提${t.subject}事项主要属于${cast.unit(suggested).shortName}职责范围,建议调整由${cast.unit(suggested).shortName}主办。`
          : `该${item}所提${t.subject}事项与我单位职责关联不大,申请不再作为协办单位。`,
      extensionReason: `该${item}涉及的${t.subject}相关工作需报市级部门审批并统筹安排资金,目前仍在推进中,申请延期答复。`,
    };
  };
}

/** Directors' comments when they return a draft. */
export const RETURN_COMMENTS = [
  "请补充近两年相关工作的具体数据,并进一步明确下一步工作计划的时间节点。",
  "答复内容偏原则,请结合协办单位意见充实具体措施。",
  "请核实文中数据口径,与委员再沟通一次后修改。",
] as const;

export const RECEIPT_OPINIONS = {
  satisfied: "办理态度认真,答复内容具体,措施有力,表示满意。",
  basically: "答复较为具体,希望继续加大工作推进力度,及时通报进展。",
} as const;

export const SUPERVISE_COMMENT = "该提案已超过办理期限,请抓紧办理,尽快与提案人沟通并答复。";
export const WITHHELD_REASON = "涉及个人隐私";
export const CO_OPINION_APPROVAL = "同意报送主办单位。";
export const ADJUSTMENT_APPROVAL = "同意不再作为协办单位。";
export const EXTENSION_APPROVAL = "同意延期,请按延期后的期限办结。";
export const LATE_RECEIPT_CLOSE_REASON = "回执期限已过,联名人未反馈意见,予以办结。";
