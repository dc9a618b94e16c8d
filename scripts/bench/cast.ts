/**
 * The benchmark's cast (db/demo/reference.ts `Cast`): the demo's 重庆高新区 units, accounts and members,
 * plus 189 district departments (9 districts × 21 departments) with a handler and a director each,
 * a thousand more CPPCC members and NPC deputies, and ten sessions over five years (the demo's three
 * among them). Deterministic: the same names every time.
 */
import type { SessionKind, UnitKind } from "@/lib/domain";
import { Rng } from "@/db/demo/random";
import {
  DEMO_CAST,
  memberPool,
  SESSIONS,
  UNITS,
  type Cast,
  type CastUnit,
  type CategoryName,
  type Person,
  type UnitKey,
} from "@/db/demo/reference";

/** A department found in every district; `like` is the demo unit whose duties (and topics) it shares. */
type Department = {
  key: string;
  name: string;
  abbr: string;
  like: UnitKey;
  kind: UnitKind;
  title: string;
  /** The topics' categories it is the natural lead for, among the units `like` the same demo unit. */
  categories: readonly CategoryName[];
  party?: boolean;
};

const DEPARTMENTS: readonly Department[] = [
  { key: "fgw", name: "发展和改革委员会", abbr: "发改", like: "jjyx", kind: "department", title: "主任", categories: ["经济发展"] },
  {
    key: "jxw",
    name: "经济和信息化委员会",
    abbr: "经信",
    like: "jjyx",
    kind: "department",
    title: "主任",
    categories: ["经济发展", "科技、教育"],
  },
  { key: "sww", name: "商务委员会", abbr: "商务", like: "jjyx", kind: "department", title: "主任", categories: ["经济发展", "文化旅游"] },
  { key: "nyw", name: "农业农村委员会", abbr: "农", like: "jjyx", kind: "department", title: "主任", categories: ["农业农村"] },
  { key: "scj", name: "市场监督管理局", abbr: "市监", like: "jjyx", kind: "department", title: "局长", categories: ["医疗卫生"] },
  { key: "kjj", name: "科学技术局", abbr: "科", like: "kjcx", kind: "department", title: "局长", categories: ["科技、教育"] },
  { key: "jw", name: "教育委员会", abbr: "教", like: "shsy", kind: "department", title: "主任", categories: ["科技、教育"] },
  { key: "wjw", name: "卫生健康委员会", abbr: "卫", like: "shsy", kind: "department", title: "主任", categories: ["医疗卫生"] },
  { key: "wlw", name: "文化和旅游发展委员会", abbr: "文旅", like: "shsy", kind: "department", title: "主任", categories: ["文化旅游"] },
  { key: "mzj", name: "民政局", abbr: "民", like: "zwfw", kind: "department", title: "局长", categories: ["社会保障"] },
  { key: "rsj", name: "人力资源和社会保障局", abbr: "人社", like: "zwfw", kind: "department", title: "局长", categories: ["社会保障"] },
  { key: "zwb", name: "政务服务管理办公室", abbr: "政务", like: "zwfw", kind: "office", title: "主任", categories: ["政府建设"] },
  { key: "czj", name: "财政局", abbr: "财", like: "czj", kind: "department", title: "局长", categories: ["政府建设"] },
  { key: "gzj", name: "规划和自然资源局", abbr: "规资", like: "ghzy", kind: "department", title: "局长", categories: ["城乡建设"] },
  { key: "hbj", name: "生态环境局", abbr: "环", like: "sthj", kind: "department", title: "局长", categories: ["生态环境", "农业农村"] },
  { key: "slj", name: "水利局", abbr: "水", like: "sthj", kind: "department", title: "局长", categories: [] },
  { key: "zjw", name: "住房和城乡建设委员会", abbr: "建", like: "jsj", kind: "department", title: "主任", categories: ["城乡建设"] },
  { key: "jtj", name: "交通局", abbr: "交", like: "jsj", kind: "department", title: "局长", categories: ["城乡建设"] },
  { key: "cgj", name: "城市管理局", abbr: "城管", like: "jsj", kind: "department", title: "局长", categories: ["生态环境"] },
  { key: "zzb", name: "组织部", abbr: "组", like: "dqgz", kind: "party", title: "部长", categories: ["政府建设"], party: true },
  { key: "qfzx", name: "中小企业服务中心", abbr: "企服", like: "cxfw", kind: "centre", title: "主任", categories: ["经济发展"] },
];

const DISTRICTS = [
  ["九龙坡区", "九龙坡"],
  ["渝中区", "渝中"],
  ["大渡口区", "大渡口"],
  ["江北区", "江北"],
  ["沙坪坝区", "沙坪坝"],
  ["南岸区", "南岸"],
  ["北碚区", "北碚"],
  ["渝北区", "渝北"],
  ["巴南区", "巴南"],
] as const;

/** Where a proposal is handled: the demo's 高新区 units, or one district's departments. */
export type Locality = { name: string; units: readonly string[] };

export const HIGH_TECH_ZONE: Locality = { name: "高新区", units: Object.keys(UNITS) };

const SURNAMES =
  "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤";
const GIVEN =
  "伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英建华文红玉兰志国海波宏宇晓东辉婷玲丹萍鹏飞林斌浩凯俊峰雪梅琳佳欣怡思源子涵浩然嘉懿雨轩明轩梓萱一诺宇航欣然诗涵";

function personName(rng: Rng): string {
  const surname = rng.pick(Array.from(SURNAMES));
  const given = Array.from(GIVEN);
  return surname + (rng.chance(0.3) ? rng.pick(given) : rng.pick(given) + rng.pick(given));
}

/** One of the ten sessions: the demo's three keep their keys; `opens` is the first day of registration. */
export type BenchSession = {
  key: string;
  body: string;
  term: string;
  meeting: string;
  year: number;
  kind: SessionKind;
  /** True for the demo's own sessions (inserted by insertReference). */
  demo: boolean;
  opens: string;
};

const CPPCC = SESSIONS.current.body;
const NPC = SESSIONS.npc.body;

export function benchSessions(year: number): BenchSession[] {
  const s = (key: string, body: string, term: string, meeting: string, y: number, kind: SessionKind, demo = false): BenchSession => ({
    key,
    body,
    term,
    meeting,
    year: y,
    kind,
    demo,
    opens: `${y}-01-${kind === "proposal" ? "12" : "16"}`,
  });
  return [
    s("cppcc-3", CPPCC, "第十届", "第三次会议", year - 4, "proposal"),
    s("npc-18-4", NPC, "第十八届", "第四次会议", year - 4, "suggestion"),
    s("cppcc-4", CPPCC, "第十届", "第四次会议", year - 3, "proposal"),
    s("npc-18-5", NPC, "第十八届", "第五次会议", year - 3, "suggestion"),
    s("cppcc-5", CPPCC, "第十届", "第五次会议", year - 2, "proposal"),
    s("npc-19-1", NPC, "第十九届", "第一次会议", year - 2, "suggestion"),
    s("previous", CPPCC, SESSIONS.previous.term, SESSIONS.previous.meeting, year - 1, "proposal", true),
    s("npc-19-2", NPC, "第十九届", "第二次会议", year - 1, "suggestion"),
    s("current", CPPCC, SESSIONS.current.term, SESSIONS.current.meeting, year, "proposal", true),
    s("npc", NPC, SESSIONS.npc.term, SESSIONS.npc.meeting, year, "suggestion", true),
  ];
}

/** A generated unit with its two accounts. */
export type BenchUnit = CastUnit & { key: string; department: Department; handler: Person; director: Person };

export type BenchCast = Cast & {
  localities: Locality[];
  sessions: BenchSession[];
  /** The generated units (not the demo's). */
  extraUnits: BenchUnit[];
  /** The generated members and deputies (not the demo's). */
  extraMembers: (Person & { body: "cppcc" | "npc" })[];
  /** Units of a locality like a demo unit, those that lead on the category first. */
  unitsLike(locality: Locality, like: UnitKey, category: CategoryName): string[];
};

const EXTRA_CPPCC_MEMBERS = 600;
const EXTRA_NPC_DEPUTIES = 400;

export function benchCast(year: number): BenchCast {
  const rng = new Rng(0x5eed_10);
  const extraUnits: BenchUnit[] = [];
  const localities: Locality[] = [HIGH_TECH_ZONE];
  DISTRICTS.forEach(([district, abbr], d) => {
    const keys: string[] = [];
    DEPARTMENTS.forEach((dept, i) => {
      const key = `${dept.key}-${d + 1}`;
      const serial = d * DEPARTMENTS.length + i + 1;
      const name = dept.party ? `中共重庆市${district}委${dept.name}` : `重庆市${district}${dept.name}`;
      const shortName = dept.party ? `${district}委${dept.name}` : `${district}${dept.name}`;
      const phone = `023—6${String(1000000 + serial * 4231).slice(-7)}`;
      extraUnits.push({
        key,
        name,
        shortName,
        docPrefix: `${abbr}${dept.abbr}函`,
        indexPrefix: `1150${String(d + 11)}${String(7000000000 + serial * 7919).slice(-10)}X${"ABCDEFGHJKLMNPQRSTUVW"[i]}`,
        kind: dept.kind,
        like: dept.like,
        department: dept,
        handler: { login: `${key}-cb`, name: personName(rng), role: "handler", title: null, phone },
        director: { login: `${key}-fz`, name: personName(rng), role: "director", title: dept.title, phone: null },
      });
      keys.push(key);
    });
    localities.push({ name: district, units: keys });
  });
  const extraMembers = [
    ...Array.from({ length: EXTRA_CPPCC_MEMBERS }, (_, i) => ({ login: `wy-${String(i + 1).padStart(4, "0")}`, body: "cppcc" as const })),
    ...Array.from({ length: EXTRA_NPC_DEPUTIES }, (_, i) => ({ login: `db-${String(i + 1).padStart(4, "0")}`, body: "npc" as const })),
  ].map((m) => ({ ...m, name: personName(rng), role: "member" as const, title: null, phone: null }));

  const units = new Map<string, BenchUnit>(extraUnits.map((u) => [u.key, u]));
  const people = new Map<string, Person>();
  for (const u of extraUnits) {
    people.set(u.handler.login, u.handler);
    people.set(u.director.login, u.director);
  }
  for (const m of extraMembers) people.set(m.login, m);
  const sessions = benchSessions(year);
  const sessionByKey = new Map(sessions.map((s) => [s.key, s]));
  // 刘新荣 proposes too, as one CPPCC member among many.
  const pools = {
    cppcc: [...memberPool("current"), "liuxr", ...extraMembers.filter((m) => m.body === "cppcc").map((m) => m.login)],
    npc: [...memberPool("npc"), ...extraMembers.filter((m) => m.body === "npc").map((m) => m.login)],
  };
  const session = (key: string) => {
    const found = sessionByKey.get(key);
    if (!found) throw new Error(`Bench data: unknown session ${key}`);
    return found;
  };
  const unit = (key: string): BenchUnit => {
    const found = units.get(key);
    if (!found) throw new Error(`Bench data: unknown unit ${key}`);
    return found;
  };
  const byLike = new Map<string, string[]>();
  return {
    unit: (key) => (key in UNITS ? DEMO_CAST.unit(key) : unit(key)),
    person: (login) => people.get(login) ?? DEMO_CAST.person(login),
    handlerOf: (key) => (key in UNITS ? DEMO_CAST.handlerOf(key) : unit(key).handler.login),
    directorOf: (key) => (key in UNITS ? DEMO_CAST.directorOf(key) : unit(key).director.login),
    memberPool: (key) => (session(key).kind === "proposal" ? pools.cppcc : pools.npc),
    sessionKind: (key) => session(key).kind,
    localities,
    sessions,
    extraUnits,
    extraMembers,
    unitsLike(locality, like, category) {
      if (locality === HIGH_TECH_ZONE) return [like];
      const cacheKey = `${locality.name}|${like}|${category}`;
      let found = byLike.get(cacheKey);
      if (!found) {
        const same = locality.units.map(unit).filter((u) => u.like === like);
        const leading = same.filter((u) => u.department.categories.includes(category));
        found = [...leading, ...same.filter((u) => !leading.includes(u))].map((u) => u.key);
        byLike.set(cacheKey, found);
      }
      return found;
    },
  };
}
