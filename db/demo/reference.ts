/** The demo's units, people, categories and sessions (docs/domain.md "Demo data"), and how they are inserted. */
import type { Role, SessionKind, UnitKind } from "@/lib/domain";
import type { Db } from "../client";
import { categories, sections, sessions, units, users } from "../schema";

/** The transaction handle the demo writes through. */
export type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];

export type UnitDef = { name: string; shortName: string; docPrefix: string; indexPrefix: string; kind: UnitKind };

export const UNITS = {
  office: {
    name: "重庆高新区管委会办公室",
    shortName: "高新区管委会办公室",
    docPrefix: "渝高新办函",
    indexPrefix: "1150010700927601XA",
    kind: "office",
  },
  kjcx: {
    name: "重庆高新区科技创新局",
    shortName: "高新区科技创新局",
    docPrefix: "渝高新科函",
    indexPrefix: "1150010700927688XM",
    kind: "department",
  },
  dqgz: {
    name: "重庆高新区党群工作部",
    shortName: "高新区党群工作部",
    docPrefix: "渝高新党群函",
    indexPrefix: "1150010700927652XJ",
    kind: "party",
  },
  cxfw: {
    name: "重庆高新区创新服务中心",
    shortName: "高新区创新服务中心",
    docPrefix: "渝高新创服函",
    indexPrefix: "1250010709277315XE",
    kind: "centre",
  },
  zwfw: {
    name: "重庆高新区政务服务和社会事务中心",
    shortName: "高新区政务服务和社会事务中心",
    docPrefix: "渝高新政服函",
    indexPrefix: "1250010709277402XF",
    kind: "centre",
  },
  jsj: {
    name: "重庆高新区建设局",
    shortName: "高新区建设局",
    docPrefix: "渝高新建函",
    indexPrefix: "1150010700927633XG",
    kind: "department",
  },
  sthj: {
    name: "重庆高新区生态环境局",
    shortName: "高新区生态环境局",
    docPrefix: "渝高新环函",
    indexPrefix: "1150010700927645XH",
    kind: "department",
  },
  shsy: {
    name: "重庆高新区社会事业局",
    shortName: "高新区社会事业局",
    docPrefix: "渝高新社函",
    indexPrefix: "1150010700927670XK",
    kind: "department",
  },
  czj: {
    name: "重庆高新区财政局",
    shortName: "高新区财政局",
    docPrefix: "渝高新财函",
    indexPrefix: "1150010700927619XD",
    kind: "department",
  },
  ghzy: {
    name: "重庆高新区规划和自然资源局",
    shortName: "高新区规划和自然资源局",
    docPrefix: "渝高新规资函",
    indexPrefix: "1150010700927627XL",
    kind: "department",
  },
  jjyx: {
    name: "重庆高新区经济运行局",
    shortName: "高新区经济运行局",
    docPrefix: "渝高新经函",
    indexPrefix: "1150010700927664XN",
    kind: "department",
  },
} as const satisfies Record<string, UnitDef>;

export type UnitKey = keyof typeof UNITS;

/**
 * 科室 of the units that divide their proposals (分办), in order, and the units whose divided drafts pass
 * their 分管领导 before the director. The other units work without either.
 */
export const SECTIONS: Partial<Record<UnitKey, readonly string[]>> = { kjcx: ["科技综合科", "成果转化科"] };
export const LEADER_REVIEW_UNITS: readonly UnitKey[] = ["kjcx"];

/** People who can sign in with the demo password; `section` is a 科室 of their unit, `canDivide` 可分办. */
type AccountDef = {
  login: string;
  role: Role;
  name: string;
  unit: UnitKey | null;
  title?: string;
  phone?: string;
  section?: string;
  canDivide?: boolean;
};

export const ACCOUNTS: readonly AccountDef[] = [
  { login: "admin", role: "admin", name: "系统管理员", unit: null },
  { login: "coordinator", role: "coordinator", name: "督查室", unit: "office", phone: "023—68511000" },
  { login: "jiangmj", role: "handler", name: "蒋明杰", unit: "kjcx", phone: "023—68511253", section: "科技综合科" },
  { login: "dengmj", role: "director", name: "邓敏军", unit: "kjcx", title: "局长" },
  { login: "dqgzb", role: "handler", name: "党群工作部承办人", unit: "dqgz", phone: "023—68511316" },
  { login: "cxfwzx", role: "handler", name: "创新服务中心承办人", unit: "cxfw", phone: "023—68511428" },
  { login: "zwfwzx", role: "handler", name: "政务服务和社会事务中心承办人", unit: "zwfw", phone: "023—68511572" },
  { login: "liuxr", role: "member", name: "刘新荣", unit: null },
  { login: "dqgzb-fz", role: "director", name: "何文斌", unit: "dqgz", title: "部长" },
  { login: "cxfwzx-fz", role: "director", name: "罗晓东", unit: "cxfw", title: "主任" },
  { login: "zwfwzx-fz", role: "director", name: "唐丽华", unit: "zwfw", title: "主任" },
  { login: "jsj", role: "handler", name: "李明远", unit: "jsj", phone: "023—68511637" },
  { login: "jsj-fz", role: "director", name: "张国强", unit: "jsj", title: "局长" },
  { login: "sthjj", role: "handler", name: "王雪梅", unit: "sthj", phone: "023—68511749" },
  { login: "sthjj-fz", role: "director", name: "刘志勇", unit: "sthj", title: "局长" },
  { login: "shsyj", role: "handler", name: "陈思宇", unit: "shsy", phone: "023—68511862" },
  { login: "shsyj-fz", role: "director", name: "杨伟", unit: "shsy", title: "局长" },
  { login: "czj", role: "handler", name: "赵倩", unit: "czj", phone: "023—68511905" },
  { login: "czj-fz", role: "director", name: "孙建平", unit: "czj", title: "局长" },
  { login: "ghzyj", role: "handler", name: "周敏", unit: "ghzy", phone: "023—68512038" },
  { login: "ghzyj-fz", role: "director", name: "吴海波", unit: "ghzy", title: "局长" },
  { login: "jjyxj", role: "handler", name: "郑凯", unit: "jjyx", phone: "023—68512146" },
  { login: "jjyxj-fz", role: "director", name: "冯立新", unit: "jjyx", title: "局长" },
  // 区领导 who lead 重点提案 (领办).
  { login: "wangjh", role: "district_leader", name: "王建华", unit: null, title: "副区长" },
  { login: "liwd", role: "district_leader", name: "李卫东", unit: null, title: "副区长" },
  // 科技创新局 divides its proposals among its 科室: its office (何静) signs for and divides them, 周文斌 is the
  // 分管领导 who reviews the 科室's drafts, 王磊 works in the other 科室.
  { login: "zhouwb", role: "leader", name: "周文斌", unit: "kjcx", title: "副局长" },
  { login: "hej", role: "handler", name: "何静", unit: "kjcx", phone: "023—68511200", canDivide: true },
  { login: "wangl", role: "handler", name: "王磊", unit: "kjcx", phone: "023—68511267", section: "成果转化科" },
];

/** CPPCC members and NPC deputies known only by name: they have no sign-in. */
type MemberDef = { login: string; name: string; body: "cppcc" | "npc" };

const MEMBER_NAMES: readonly (readonly [string, MemberDef["body"]])[] = [
  ["张志强", "cppcc"],
  ["李晓燕", "cppcc"],
  ["王海涛", "cppcc"],
  ["陈静", "cppcc"],
  ["杨帆", "cppcc"],
  ["赵德明", "cppcc"],
  ["黄丽萍", "cppcc"],
  ["周建军", "cppcc"],
  ["吴晓丽", "cppcc"],
  ["徐光辉", "cppcc"],
  ["孙艳", "cppcc"],
  ["马卫东", "cppcc"],
  ["胡春梅", "npc"],
  ["郭宏伟", "npc"],
  ["何佳", "npc"],
  ["林国栋", "npc"],
];

const MEMBERS: readonly MemberDef[] = MEMBER_NAMES.map(([name, body], i) => ({
  login: `member-${String(i + 1).padStart(3, "0")}`,
  name,
  body,
}));

const CATEGORY_NAMES = [
  "科技、教育",
  "城乡建设",
  "生态环境",
  "医疗卫生",
  "社会保障",
  "经济发展",
  "文化旅游",
  "政府建设",
  "农业农村",
] as const;
export type CategoryName = (typeof CATEGORY_NAMES)[number];

export type SessionKey = "previous" | "current" | "npc";

type SessionDef = { body: string; term: string; meeting: string; yearOffset: number; kind: SessionKind };

export const SESSIONS: Record<SessionKey, SessionDef> = {
  previous: { body: "政协重庆市九龙坡区委员会", term: "第十一届", meeting: "第一次会议", yearOffset: -1, kind: "proposal" },
  current: { body: "政协重庆市九龙坡区委员会", term: "第十一届", meeting: "第二次会议", yearOffset: 0, kind: "proposal" },
  npc: { body: "重庆市九龙坡区人民代表大会", term: "第十九届", meeting: "第三次会议", yearOffset: 0, kind: "suggestion" },
};

/** Logins of the members who may propose in a session, other than 刘新荣 (whose proposals are placed by hand). */
export function memberPool(session: SessionKey): string[] {
  const body = SESSIONS[session].kind === "proposal" ? "cppcc" : "npc";
  return MEMBERS.filter((m) => m.body === body).map((m) => m.login);
}

export type Person = { login: string; name: string; role: Role; title: string | null; phone: string | null };

const PEOPLE = new Map<string, Person>([
  ...ACCOUNTS.map((a): [string, Person] => [
    a.login,
    { login: a.login, name: a.name, role: a.role, title: a.title ?? null, phone: a.phone ?? null },
  ]),
  ...MEMBERS.map((m): [string, Person] => [m.login, { login: m.login, name: m.name, role: "member", title: null, phone: null }]),
]);

export function person(login: string): Person {
  const found = PEOPLE.get(login);
  if (!found) throw new Error(`Demo data: unknown person ${login}`);
  return found;
}

function accountOf(unit: UnitKey, role: Role): string {
  const found = ACCOUNTS.find((a) => a.unit === unit && a.role === role);
  if (!found) throw new Error(`Demo data: unit ${unit} has no ${role}`);
  return found.login;
}

export const handlerOf = (unit: UnitKey) => accountOf(unit, "handler");
export const directorOf = (unit: UnitKey) => accountOf(unit, "director");
export const COORDINATOR = "coordinator";

/** A unit as the stories see it: its names and prefixes, and the demo unit whose duties it has. */
export type CastUnit = UnitDef & { like: UnitKey };

/**
 * Who is who when stories are told (handling.ts) and numbered (numbering.ts): units and sessions by
 * key, people by login. The demo tells its stories with DEMO_CAST; the benchmark data (scripts/bench)
 * with a larger cast of the same shape.
 */
export type Cast = {
  unit(key: string): CastUnit;
  person(login: string): Person;
  handlerOf(unit: string): string;
  directorOf(unit: string): string;
  /** Logins of the members who may propose in a session (not counting those a plan names). */
  memberPool(session: string): string[];
  sessionKind(session: string): SessionKind;
};

function demoUnitKey(key: string): UnitKey {
  if (!(key in UNITS)) throw new Error(`Demo data: unknown unit ${key}`);
  return key as UnitKey;
}

function demoSessionKey(key: string): SessionKey {
  if (!(key in SESSIONS)) throw new Error(`Demo data: unknown session ${key}`);
  return key as SessionKey;
}

export const DEMO_CAST: Cast = {
  unit: (key) => ({ ...UNITS[demoUnitKey(key)], like: demoUnitKey(key) }),
  person,
  handlerOf: (unit) => handlerOf(demoUnitKey(unit)),
  directorOf: (unit) => directorOf(demoUnitKey(unit)),
  memberPool: (session) => memberPool(demoSessionKey(session)),
  sessionKind: (session) => SESSIONS[demoSessionKey(session)].kind,
};

export type ReferenceIds = {
  units: Record<UnitKey, number>;
  users: Map<string, number>;
  categories: Map<string, number>;
  sessions: Record<SessionKey, number>;
};

/** Inserts units, users, categories and sessions; every row dated `createdAt`. */
export async function insertReference(tx: Tx, opts: { passwordHash: string; year: number; createdAt: Date }): Promise<ReferenceIds> {
  const { createdAt } = opts;
  const unitIds = {} as Record<UnitKey, number>;
  for (const key of Object.keys(UNITS) as UnitKey[]) {
    unitIds[key] = (
      await tx
        .insert(units)
        .values({ ...UNITS[key], leaderReview: LEADER_REVIEW_UNITS.includes(key), createdAt })
        .returning({ id: units.id })
        .get()
    ).id;
  }
  const sectionIds = new Map<string, number>();
  for (const [key, names] of Object.entries(SECTIONS) as [UnitKey, readonly string[]][]) {
    for (const [i, name] of names.entries()) {
      const id = (
        await tx
          .insert(sections)
          .values({ unitId: unitIds[key], name, sortOrder: i + 1, createdAt })
          .returning({ id: sections.id })
          .get()
      ).id;
      sectionIds.set(`${key}/${name}`, id);
    }
  }
  const sectionOf = (a: AccountDef) => {
    if (!a.section) return null;
    const id = sectionIds.get(`${a.unit}/${a.section}`);
    if (id === undefined) throw new Error(`Demo data: ${a.login}'s unit has no 科室 ${a.section}`);
    return id;
  };
  const userIds = new Map<string, number>();
  const userRows = [
    ...ACCOUNTS.map((a) => ({
      username: a.login,
      passwordHash: opts.passwordHash,
      displayName: a.name,
      role: a.role,
      unitId: a.unit ? unitIds[a.unit] : null,
      sectionId: sectionOf(a),
      canDivide: a.canDivide ?? false,
      title: a.title ?? null,
      phone: a.phone ?? null,
    })),
    ...MEMBERS.map((m) => ({
      username: m.login,
      passwordHash: null,
      displayName: m.name,
      role: "member" as const,
      unitId: null,
      sectionId: null,
      canDivide: false,
      title: null,
      phone: null,
    })),
  ];
  for (const row of userRows) {
    userIds.set(
      row.username,
      (
        await tx
          .insert(users)
          .values({ ...row, createdAt })
          .returning({ id: users.id })
          .get()
      ).id,
    );
  }
  const categoryIds = new Map<string, number>();
  for (const [i, name] of CATEGORY_NAMES.entries()) {
    categoryIds.set(
      name,
      (
        await tx
          .insert(categories)
          .values({ name, sortOrder: i + 1, createdAt })
          .returning({ id: categories.id })
          .get()
      ).id,
    );
  }
  const sessionIds = {} as Record<SessionKey, number>;
  for (const key of Object.keys(SESSIONS) as SessionKey[]) {
    const { yearOffset, ...session } = SESSIONS[key];
    sessionIds[key] = (
      await tx
        .insert(sessions)
        .values({ ...session, year: opts.year + yearOffset, createdAt })
        .returning({ id: sessions.id })
        .get()
    ).id;
  }
  return { units: unitIds, users: userIds, categories: categoryIds, sessions: sessionIds };
}
