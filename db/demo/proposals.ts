/**
 * The demo proposals other than 180: every state, several times, across last year's and this year's
 * CPPCC meetings and the NPC meeting. Ages are in working days before today.
 */
import type { Plan } from "./handling";
import { topicMaterial } from "./texts";
import { TOPICS, type Topic, type TopicKey } from "./topics";

const topic = (key: TopicKey) => topicMaterial(TOPICS[key]);

/**
 * A subject raised again in other words, by another member or a deputy: what the similar list and 并案
 * are for. Their scores against the earlier proposal, and the noise between unrelated demo proposals,
 * are measured in db/queries/similar.ts (SIMILAR_THRESHOLD).
 */
const raisedAgain = (key: TopicKey, title: string, words: Pick<Topic, "background" | "problems" | "suggestions">) =>
  topicMaterial({ ...TOPICS[key], ...words }, { title });

/** 第一次会议 (last year): long finished, but for one reply whose receipt never came. */
const PREVIOUS: Plan[] = [
  { material: topic("kj-ip"), session: "previous", state: "closed", age: 300, proposer: "liuxr", isKey: true },
  { material: topic("urban-elevator"), session: "previous", state: "closed", age: 296, secondRound: true, cosigners: ["member-004"] },
  { material: topic("eco-river"), session: "previous", state: "closed", age: 298, isKey: true },
  { material: topic("health-resource"), session: "previous", state: "closed", age: 292, disclosure: "summary" },
  { material: topic("social-flexible"), session: "previous", state: "closed", age: 290, paperReceipt: true, cosigners: [] },
  {
    material: topic("econ-business"),
    session: "previous",
    state: "closed",
    age: 294,
    cosigners: ["member-002", "member-009"],
    closedByCoordinator: true,
  },
  { material: topic("gov-funds"), session: "previous", state: "closed", age: 285 },
  { material: topic("culture-baishiyi"), session: "previous", state: "replied", age: 280 },
];

/** 第二次会议 (this year), besides 180. */
const CURRENT: Plan[] = [
  // Waiting to be assigned.
  { material: topic("econ-night"), session: "current", state: "registered", age: 2 },
  { material: topic("eco-village"), session: "current", state: "registered", age: 1 },
  { material: topic("culture-community"), session: "current", state: "registered", age: 3, isKey: true },
  // Assigned, not yet accepted: two recent, one late, one whose lead unit asks to hand it over.
  { material: topic("kj-science-pop"), session: "current", state: "assigned", age: 5, proposer: "liuxr", cosigners: ["member-006"] },
  { material: topic("health-mental"), session: "current", state: "assigned", age: 6 },
  { material: topic("agri-urban"), session: "current", state: "assigned", age: 14 },
  { material: topic("urban-park"), session: "current", state: "assigned", age: 15, leadAdjust: "jsj" },
  // Being handled.
  { material: topic("kj-finance"), session: "current", state: "handling", age: 26, returned: true, isKey: true },
  {
    material: topic("urban-pipe"),
    session: "current",
    state: "handling",
    age: 80,
    drafts: 1,
    extension: "pending",
    at: { extension: 14 },
  },
  {
    material: topic("social-childcare"),
    session: "current",
    state: "handling",
    age: 12,
    coAdjust: { unit: "czj", approved: false },
    opinions: ["none"],
    contacts: 0,
  },
  {
    material: topic("econ-ev"),
    session: "current",
    state: "handling",
    age: 20,
    cosigners: ["member-001", "liuxr"],
    opinions: ["submitted"],
  },
  { material: topic("eco-dust"), session: "current", state: "handling", age: 9, isUrgent: true, opinions: ["none"] },
  { material: topic("urban-parking"), session: "current", state: "handling", age: 32, returned: true, drafts: 2 },
  {
    material: topic("kj-instrument"),
    session: "current",
    state: "handling",
    age: 62,
    drafts: 1,
    extension: "granted",
    at: { extension: 6 },
  },
  {
    material: topic("edu-talent-kids"),
    session: "current",
    state: "handling",
    age: 90,
    coAdjust: { unit: "zwfw", approved: true },
    contacts: 2,
    at: { supervise: 4 },
  },
  // Waiting for the director's sign-off.
  { material: topic("health-elderly"), session: "current", state: "in_review", age: 20 },
  { material: topic("kj-transfer"), session: "current", state: "in_review", age: 26, returned: true },
  { material: topic("econ-specialized"), session: "current", state: "in_review", age: 22, isKey: true },
  // Replied, waiting for receipts.
  { material: topic("edu-vocational"), session: "current", state: "replied", age: 50, proposer: "liuxr", at: { approve: 8 } },
  { material: topic("gov-online"), session: "current", state: "replied", age: 45, unpublished: true, at: { approve: 2 } },
  {
    material: topic("social-eldercare"),
    session: "current",
    state: "replied",
    age: 52,
    cosigners: ["member-005", "member-011"],
    cosignerReceipts: true,
    disclosure: "summary",
    at: { approve: 12 },
  },
  { material: topic("gov-newjobs"), session: "current", state: "replied", age: 48, disclosure: "none", at: { approve: 15 } },
  { material: topic("econ-incubator"), session: "current", state: "replied", age: 60, at: { approve: 20 } },
  // Not satisfied: second round.
  { material: topic("urban-transit"), session: "current", state: "rehandling", age: 50, proposer: "liuxr", at: { receipt: 5 } },
  { material: topic("eco-garbage"), session: "current", state: "rehandling", age: 55, round2: "contact", at: { receipt: 10 } },
  { material: topic("edu-school"), session: "current", state: "rehandling", age: 75, round2: "draft", isKey: true, at: { receipt: 28 } },
  // Closed.
  { material: topic("gov-party-community"), session: "current", state: "closed", age: 65, cosigners: ["liuxr"] },
  { material: topic("culture-route"), session: "current", state: "closed", age: 62 },
  { material: topic("eco-jinyun"), session: "current", state: "closed", age: 66, isKey: true },
  { material: topic("social-graduate"), session: "current", state: "closed", age: 64 },
];

/** 人大建议 from NPC deputies. */
const NPC: Plan[] = [
  { material: topic("npc-road"), session: "npc", state: "handling", age: 30, isKey: true },
  { material: topic("npc-kindergarten"), session: "npc", state: "replied", age: 55, at: { approve: 10 } },
  { material: topic("npc-charging"), session: "npc", state: "closed", age: 62 },
];

/** Registered and waiting for 交办: each repeats a subject handled before (told last, so the others' numbers stay). */
const RAISED_AGAIN: Plan[] = [
  {
    material: raisedAgain("urban-elevator", "关于进一步推进老旧小区加装电梯工作的建议", {
      background: "去年以来辖区老旧小区加装电梯工作取得一定进展,但已建成电梯的小区比例仍然不高,不少高龄、行动不便的居民仍面临上下楼难。",
      problems: ["部分低层住户反对意见较大", "加装电梯后期维护费用分摊不明确", "财政补助到位较慢"],
      suggestions: [
        ["建立协商议事机制", "由社区牵头组织居民协商,引入第三方调解低层住户诉求。"],
        ["明确维保责任", "制定加装电梯运行维护管理办法,明确维保费用分摊和责任主体。"],
        ["加快补助拨付", "简化财政补助申领程序,缩短补助资金拨付时间。"],
      ],
    }),
    session: "current",
    state: "registered",
    age: 2,
  },
  {
    material: raisedAgain("urban-parking", "关于多措并举缓解学校周边停车难问题的建议", {
      background: "科学城新建学校陆续投用,上下学时段家长接送车辆集中,学校周边道路拥堵、乱停乱放现象较为普遍。",
      problems: ["学校周边缺少临时停车泊位", "接送车辆停放秩序较乱", "周边单位停车场未能错时共享"],
      suggestions: [
        ["增设接送车位", "在学校周边道路科学施划限时停车泊位和即停即走区域。"],
        ["推行错时共享停车", "协调周边机关企事业单位停车场在上下学时段向家长开放。"],
        ["加强交通疏导", "在上下学高峰时段安排交警和志愿者现场疏导。"],
      ],
    }),
    session: "npc",
    state: "registered",
    age: 1,
  },
];

export const PLANS: readonly Plan[] = [...PREVIOUS, ...CURRENT, ...NPC, ...RAISED_AGAIN];
