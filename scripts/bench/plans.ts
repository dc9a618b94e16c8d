/**
 * The benchmark's stories: plans drawn at random (seeded) from the demo's topics, told as scripts by the
 * demo's Teller (db/demo/handling.ts) with the bench cast, to be carried out by the use cases. Older sessions are finished; the current year's two
 * sessions are mid-way, which gives the handlers and directors their queues. Older years published
 * fewer replies, so that about 60% of all proposals end up replied and published.
 */
import { isWorkday } from "@/lib/deadlines";
import { PACKAGE_CALENDAR } from "@/lib/holiday-calendar";
import type { DisclosureMode, ProposalState } from "@/lib/domain";
import { tell, type Env, type Plan, type Script } from "@/db/demo/handling";
import { PLAN_180 } from "@/db/demo/proposal-180";
import type { Rng } from "@/db/demo/random";
import { topicMaterial, type MaterialSource } from "@/db/demo/texts";
import { TOPICS, type Topic } from "@/db/demo/topics";
import { HIGH_TECH_ZONE, type BenchCast, type BenchSession, type Locality } from "./cast";

const TOPIC_LIST: readonly Topic[] = Object.values(TOPICS);

/** Picks by weight: `[[value, weight], …]`. */
function weighted<T>(rng: Rng, choices: readonly (readonly [T, number])[]): T {
  const total = choices.reduce((sum, [, w]) => sum + w, 0);
  let r = rng.next() * total;
  for (const [value, w] of choices) {
    r -= w;
    if (r < 0) return value;
  }
  return choices.at(-1)![0];
}

const PAST_STATES: readonly (readonly [ProposalState, number])[] = [
  ["closed", 88],
  ["replied", 12],
];

const CURRENT_STATES: readonly (readonly [ProposalState, number])[] = [
  ["registered", 2],
  ["assigned", 6],
  ["handling", 34],
  ["in_review", 8],
  ["replied", 22],
  ["rehandling", 3],
  ["closed", 25],
];

/** Share withheld (不予公开) by the session's age in years: publishing every reply became the rule only lately. */
const WITHHELD_BY_AGE = [0.18, 0.25, 0.3, 0.4, 0.5];

/** When a plan cannot be told in the time there is, it is told one step less far. */
const FALLBACK: Partial<Record<ProposalState, ProposalState>> = {
  closed: "replied",
  rehandling: "replied",
  replied: "in_review",
  in_review: "handling",
  handling: "assigned",
  assigned: "registered",
};

const NEXT_PLAN_HEADS = ["加强统筹协调", "强化要素保障", "健全长效机制", "加大宣传引导"] as const;

/** A reply of a real letter's length: the topic's own draft, with sections from related topics of the same category. */
function letterDraft(base: string, t: Topic, related: readonly Topic[]): string {
  const paragraphs = base.split("\n\n");
  const doneAt = paragraphs.indexOf("一、工作开展情况");
  const nextAt = paragraphs.indexOf("二、下一步工作计划");
  if (doneAt < 0 || nextAt < 0) return base;
  const [a = t, b = t, c = t, d = t] = related;
  const heads = NEXT_PLAN_HEADS;
  return [
    ...paragraphs.slice(0, doneAt + 1),
    `(一)${t.suggestions[0][0]}`,
    ...paragraphs.slice(doneAt + 1, nextAt),
    `(二)${t.suggestions[1][0]}`,
    `一是${a.done[0]}。二是${a.done[1]}。三是${c.done[0]}。`,
    `(三)${t.suggestions[2][0]}`,
    `一是${b.done[0]}。二是${b.done[1]}。三是${d.done[1]}。`,
    paragraphs[nextAt]!,
    `(一)${heads[0]}`,
    ...paragraphs.slice(nextAt + 1),
    `(二)${heads[1]}`,
    `一是${a.next[0]}。二是${b.next[0]}。三是${c.next[1]}。`,
    `(三)${heads[2 + (t.title.length % 2)]}`,
    `一是${d.next[0]}。二是${d.next[1]}。`,
    "三、关于所提建议的办理意见",
    ...t.suggestions.map(
      ([head, text], i) =>
        `(${"一二三"[i]})关于“${head}”的建议。${text}我们认为该建议切实可行,将结合${t.subject}工作实际认真研究吸纳,${i === 0 ? "纳入下一年度工作计划推进落实" : "会同有关单位加强协调配合,推动相关工作取得实效"}。`,
    ),
  ].join("\n\n");
}

/** 关于加大…的建议, sometimes 关于进一步…, 关于{district}…, or with one of its suggestions added. */
function titleOf(rng: Rng, t: Topic, locality: Locality): string {
  const core = t.title.replace(/^关于/, "").replace(/的建议$/, "");
  const prefix = weighted(rng, [
    ["", 5],
    [core.startsWith("进一步") ? "" : "进一步", 2],
    [locality.name, 3],
  ] as const);
  const suffix = rng.chance(0.5) ? `、${rng.pick(t.suggestions)[0]}` : "";
  return `关于${prefix}${core}${suffix}的建议`;
}

function topicSource(rng: Rng, cast: BenchCast, locality: Locality): MaterialSource {
  if (locality === HIGH_TECH_ZONE && rng.chance(0.012)) return PLAN_180.material;
  const t = rng.pick(TOPIC_LIST);
  const leads = cast.unitsLike(locality, t.lead, t.category);
  const lead = rng.chance(0.7) ? leads[0]! : rng.pick(leads);
  const co: string[] = [];
  for (const like of t.co) {
    const options = cast.unitsLike(locality, like, t.category).filter((u) => u !== lead && !co.includes(u));
    if (options.length > 0) co.push(rng.pick(options));
  }
  const sameCategory = TOPIC_LIST.filter((o) => o !== t && o.category === t.category);
  const related = rng.sample(sameCategory.length >= 4 ? sameCategory : TOPIC_LIST.filter((o) => o !== t), 4);
  const source = topicMaterial(t, { lead, co, title: titleOf(rng, t, locality) });
  return (context) => {
    const m = source(context);
    return { ...m, draft: (round, version) => letterDraft(m.draft(round, version), t, related) };
  };
}

/** What happens to one proposal of a session (its number and age are given). */
function drawPlan(rng: Rng, cast: BenchCast, session: BenchSession, current: boolean, yearsAgo: number): Plan {
  const locality = rng.chance(0.3) ? HIGH_TECH_ZONE : rng.pick(cast.localities.slice(1));
  const material = topicSource(rng, cast, locality);
  const state = weighted(rng, current ? CURRENT_STATES : PAST_STATES);
  const withheld = WITHHELD_BY_AGE[Math.min(yearsAgo, WITHHELD_BY_AGE.length - 1)]!;
  const disclosure: DisclosureMode = weighted(rng, [
    ["none", withheld],
    ["summary", 0.1],
    ["full", 0.9 - withheld],
  ] as const);
  const plan: Plan = {
    material,
    session: session.key,
    state,
    age: 0,
    isKey: rng.chance(0.06),
    isUrgent: rng.chance(0.02),
    disclosure,
  };
  switch (state) {
    case "assigned":
      if (rng.chance(0.05)) plan.leadAdjust = rng.pick(locality.units);
      break;
    case "handling": {
      const contacts = rng.int(0, 2);
      const opinions = Array.from({ length: 3 }, () =>
        weighted(rng, [
          ["sent", 55],
          ["submitted", 15],
          ["draft", 15],
          ["none", 15],
        ] as const),
      );
      const returned = contacts > 0 && opinions.every((o) => o === "sent") && rng.chance(0.12);
      Object.assign(plan, { contacts, opinions, returned, drafts: returned ? rng.int(1, 3) : rng.int(0, 2) });
      const extension = rng.next();
      if (extension < 0.04) plan.extension = "pending";
      else if (extension < 0.09) plan.extension = "granted";
      break;
    }
    case "in_review":
    case "replied":
    case "closed":
    case "rehandling": {
      const returned = rng.chance(state === "in_review" ? 0.15 : 0.1);
      Object.assign(plan, { contacts: rng.int(1, 2), returned, drafts: returned ? rng.int(2, 3) : rng.int(1, 2) });
      if (state === "replied") {
        plan.unpublished = disclosure !== "none" && rng.chance(0.1);
        plan.cosignerReceipts = rng.chance(0.3);
      }
      if (state === "rehandling") {
        const round2 = rng.pick(["not yet", "contact", "draft"] as const);
        if (round2 !== "not yet") plan.round2 = round2;
      }
      if (state === "closed") {
        plan.paperReceipt = rng.chance(0.03);
        const ending = rng.next();
        if (ending < 0.05) plan.secondRound = true;
        else if (ending < 0.08) {
          plan.closedByCoordinator = true;
          plan.cosigners = rng.sample(cast.memberPool(session.key), rng.int(1, 2));
        }
      }
      break;
    }
    default:
      break;
  }
  return plan;
}

/** Working days from `from` (counted) up to `to` (not counted). */
function workdaysBetween(from: string, to: string): number {
  let n = 0;
  for (let day = new Date(`${from}T00:00:00Z`); day.toISOString().slice(0, 10) < to; day = new Date(day.getTime() + 86_400_000)) {
    if (isWorkday(PACKAGE_CALENDAR, day.toISOString().slice(0, 10))) n++;
  }
  return n;
}

export type TellStats = { told: number; fellBack: number };

/**
 * The scripts of one session, in registration order and numbered 1…count in that order. `today` is the
 * day before which every act of the session lies (the bench's today for the current year).
 */
export function tellSession(rng: Rng, cast: BenchCast, session: BenchSession, count: number, today: string, stats: TellStats): Script[] {
  const current = today.slice(0, 4) === String(session.year);
  const yearsAgo = Number(today.slice(0, 4)) - session.year;
  // Registration runs over the first nine weeks after the session opens.
  const opensAge = workdaysBetween(session.opens, current ? today : `${session.year}-12-31`);
  const sessionToday = current ? today : `${session.year}-12-31`;
  const ages = Array.from({ length: count }, () => opensAge - rng.int(0, 45)).sort((a, b) => b - a);
  const env: Env = {
    today: sessionToday,
    rng,
    cast,
    takeNumber: () => {
      throw new Error("Bench plans carry their numbers");
    },
  };
  return ages.map((age, i) => {
    let plan: Plan = { ...drawPlan(rng, cast, session, current, yearsAgo), age, number: i + 1 };
    for (;;) {
      try {
        const script = tell(plan, env);
        stats.told++;
        return script;
      } catch (error) {
        const lower = FALLBACK[plan.state];
        if (!lower || !(error instanceof Error) || !error.message.startsWith("Demo")) throw error;
        stats.fellBack++;
        plan = {
          ...plan,
          state: lower,
          returned: false,
          secondRound: false,
          closedByCoordinator: false,
          cosignerReceipts: false,
          round2: undefined,
        };
      }
    }
  });
}
