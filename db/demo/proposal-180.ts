/**
 * Proposal 180 of the sample (samples/published-reply-180.txt): 刘新荣's proposal, handled by 科技创新局
 * with three co-handling units, at the stage right before 邓敏军 signs the reply off.
 */
import type { Plan } from "./handling";
import type { UnitKey } from "./reference";
import { REPLY_180_PARAGRAPHS } from "./reply-180";
import { coOpinionBody, type MaterialSource } from "./texts";

const TITLE = "关于抢抓人才红利机遇,赋能科学城产业发展的建议";

const BODY = [
  "西部(重庆)科学城是重庆建设具有全国影响力的科技创新中心的核心载体。科学城毗邻重庆大学城,聚集了重庆大学、重庆医科大学、重庆师范大学等十余所高校,在校师生超过30万人,每年毕业生近8万人,拥有丰富的人才资源和科研成果,是科学城产业发展最宝贵的“人才红利”。但从实际情况看,高校人才资源与科学城产业发展之间尚未形成良性互动,人才红利还没有充分释放。",
  "一、存在的主要问题",
  "(一)研发人才招聘难。科学城企业特别是中小科技企业对研发人才需求旺盛,但受薪酬待遇、职业发展和生活配套等因素影响,企业普遍反映高层次研发人才“招不来、留不住”,不少高校毕业生毕业后流向东部沿海城市。",
  "(二)科研经费不足。部分企业研发投入能力有限,与高校开展联合攻关的经费来源单一;高校教师承担企业横向课题的积极性不高,科研成果与企业需求脱节,“实验室里的成果”难以转化为“市场上的产品”。",
  "(三)高校管理体制僵化。高校在科研人员兼职兼薪、离岗创业、成果转化收益分配等方面的制度仍不够灵活,教师到企业开展技术服务顾虑较多,校地之间人才双向流动渠道不畅。",
  "二、几点建议",
  "(一)深化产学研合作。建立科学城企业技术需求与高校科研成果常态化对接机制,支持企业与高校共建研发中心、联合实验室和博士后科研工作站,鼓励高校科研人员到企业兼职担任技术顾问,以“揭榜挂帅”等方式组织校企联合攻关。",
  "(二)推进产教融合。围绕科学城主导产业需求,支持高校调整优化学科专业设置,推行订单式培养和现代产业学院建设,鼓励企业技术骨干到高校担任产业导师,提高人才培养与产业需求的匹配度。",
  "(三)加大人才政策支持。完善人才引进、住房保障、子女入学等配套服务,放宽高校人才享受科学城人才政策的限制条件,对到科学城企业开展技术服务和创新创业的高校人才给予奖励补贴。",
  "(四)畅通成果转化渠道。支持高校开展职务科技成果赋权改革试点,建设科技成果转化服务平台,培育专业化技术经纪人队伍,让更多高校科研成果在科学城落地转化。",
].join("\n\n");

/** What 刘新荣 wrote, as registered: for a test that registers the same proposal through the form. */
export const PROPOSAL_180 = { title: TITLE, body: BODY, category: "科技、教育" } as const;

/** The submitted version: exactly the letter body of the published sample. */
const REPLY_180 = REPLY_180_PARAGRAPHS.join("\n\n");

/** The handler's first version: milder wording in the opening, and the last plan item still missing. */
const FIRST_DRAFT = REPLY_180_PARAGRAPHS.map((paragraph, i, all) => {
  if (i === 0) return paragraph.replace("非常中肯的建议", "中肯的建议");
  if (i === all.length - 1) return paragraph.slice(0, paragraph.indexOf("三是"));
  return paragraph;
}).join("\n\n");

const CO_DUTIES: Partial<Record<UnitKey, string>> = {
  dqgz: "持续完善“金凤凰”人才政策体系,会同科技创新局研究放宽高校人才认定条件,打破社保、税收关系限制,支持高校人才在科学城兼职创新和自主创业;优化科学城英才服务卡服务内容,协调解决人才住房、子女入学、医疗保健等实际问题",
  cxfw: "依托金凤科创园等孵化载体,为高校科研团队提供场地、投融资对接等创业服务,支持高校院所科研人员(团队)在科学城创办科技企业;配合推进西部(重庆)科学城校地协同创新与成果转移转化中心建设,常态化开展技术需求征集和成果对接活动",
  zwfw: "优化人才落户、社保转移、职称评审等政务服务流程,推行人才服务事项“一窗受理、一次办结”;加强高校毕业生就业服务,定期举办校园招聘活动,引导毕业生留在科学城就业创业",
};

const material180: MaterialSource = ({ proposerName, cast }) => ({
  ...PROPOSAL_180,
  lead: "kjcx",
  co: ["dqgz", "cxfw", "zwfw"],
  draft: (_round, version) => (version === 1 ? FIRST_DRAFT : REPLY_180),
  coOpinion: (unit) => {
    const like = cast.unit(unit).like;
    return coOpinionBody(like, TITLE, `${proposerName}委员`, CO_DUTIES[like]);
  },
  contact: (_method, _round, handler) => ({
    participants: `${handler}与${proposerName}委员`,
    summary: `${handler}到${proposerName}委员工作单位当面沟通,详细介绍了高新区在加强人才政策保障、支持技术研发和推动科技成果转化等方面的工作情况和下一步打算,并就答复函初稿听取了意见。${proposerName}委员对办理工作表示肯定,建议进一步放宽高校人才享受科学城人才政策的条件,加强校地人才双向流动。`,
  }),
  unsatisfiedOpinion: "答复对高校人才双向流动问题回应不够具体,希望进一步明确政策措施。",
  disclosureSummary: "重庆高新区科技创新局从加强政策保障、支持技术研发、推动成果转化等方面介绍了工作开展情况和下一步工作计划。",
  adjustmentReason: () => "该提案所提事项与我单位职责关联不大,申请调整承办单位。",
  extensionReason: "该提案涉及多部门人才政策统筹,申请延期答复。",
});

export const PLAN_180: Plan = {
  material: material180,
  session: "current",
  number: 180,
  state: "in_review",
  age: 55,
  proposer: "liuxr",
  cosigners: [],
  seconders: ["member-003", "member-010"],
  isKey: true,
  wantsMeeting: true,
  contactMethod: "face",
  drafts: 2,
  resultClass: "A",
  disclosure: "full",
  at: { contact: 18, draft: 9, submit: 2 },
};
