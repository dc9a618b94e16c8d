/**
 * Publication of a signed reply on the open-information site (政府信息公开): who may 发布, 不予公开,
 * 撤回公开 or 重新发布, what must hold first, and the metadata the published page carries. Each reply
 * round is published (or not) on its own. Pure; the use case in
 * db/handling/publication.ts loads the facts, asks here, and writes the outcome.
 */
import type { Actor } from "./authz";
import type { Recipient } from "./workflow/commands";
import { disclosureGate, type DisclosureGate, type Finding, type GatedAction } from "./disclosure-review";
import { GENRE_LABELS, type DisclosureMode, type PublicationState, type SessionKind } from "./domain";
import { formatIndexNumber } from "./numbering";

/** Who decides publication in this locality (setting `publication`): the coordinating office, or the lead unit. */
export const PUBLISHERS = ["coordinator", "unit"] as const;
export type Publisher = (typeof PUBLISHERS)[number];
export type PublicationSettings = { publisher: Publisher };
export const DEFAULT_PUBLICATION_SETTINGS: PublicationSettings = { publisher: "coordinator" };

/** The saved setting when it is valid, else the default. */
export function publicationSettings(saved: unknown): PublicationSettings {
  const publisher = (saved as { publisher?: unknown } | null | undefined)?.publisher;
  return PUBLISHERS.includes(publisher as Publisher) ? { publisher: publisher as Publisher } : DEFAULT_PUBLICATION_SETTINGS;
}

export type PublicationFacts = {
  /** The latest signed reply of the proposal; null while nothing was approved. */
  reply: {
    /** The lead unit that wrote and signed the reply. */
    unitId: number;
    /** What the director approved with the draft (复文与公开同步审查). */
    disclosure: DisclosureMode;
    disclosureSummary: string | null;
    disclosureReason: string | null;
    /** 公开审查 of the signed text and summary as they are now (docs/domain.md "公开审查"). */
    findings: readonly Finding[];
  } | null;
  /** The decision already taken on that reply, if any. */
  publication: { status: PublicationState } | null;
};

/**
 * `confirmation`: on 发布 and 重新发布, the reason for going public although 公开审查 found personal
 * information; without it such a reply is refused.
 */
export type PublicationCommand =
  | { type: "publish"; confirmation?: string | null }
  | { type: "withhold"; reason: string }
  | { type: "withdraw"; reason: string }
  /** 重新发布 a withdrawn reply, with its 索引号 as first published. */
  | { type: "republish"; reason: string; confirmation?: string | null };
export type PublicationAction = PublicationCommand["type"];

export const PUBLICATION_EVENTS: Record<PublicationAction, string> = {
  publish: "publish",
  withhold: "withhold",
  withdraw: "withdraw_publication",
  republish: "republish",
};

/** `confirmed`: open findings the actor confirmed with a reason, for the log. A refusal of 公开审查 carries its findings. */
export type PublicationDecision =
  | {
      ok: true;
      status: PublicationState;
      mode: DisclosureMode;
      event: string;
      reason: string | null;
      confirmed?: NonNullable<Extract<DisclosureGate, { ok: true }>["confirmed"]>;
    }
  | { ok: false; reason: string; findings?: Finding[] };

/**
 * The coordinating office decides by default; where the settings say units publish, the lead unit's
 * handler or director decides as well. The coordinator keeps the decision in either case, since the
 * office answers for publication deadlines.
 */
export function mayDecidePublication(actor: Pick<Actor, "role" | "unitId">, replyUnitId: number, settings: PublicationSettings): boolean {
  if (actor.role === "coordinator") return true;
  return settings.publisher === "unit" && (actor.role === "handler" || actor.role === "director") && actor.unitId === replyUnitId;
}

const refuse = (reason: string): PublicationDecision => ({ ok: false, reason });

/** 发布 and 重新发布 put the text in public: 公开审查 must pass, or its findings be confirmed. */
function reviewed(
  reply: NonNullable<PublicationFacts["reply"]>,
  confirmation: string | null | undefined,
  what: GatedAction,
  allowed: Extract<PublicationDecision, { ok: true }>,
): PublicationDecision {
  const gate = disclosureGate({ disclosure: allowed.mode, findings: reply.findings, confirmation: confirmation ?? null }, what);
  if (!gate.ok) return { ok: false, reason: gate.reason, findings: gate.findings };
  return gate.confirmed ? { ...allowed, confirmed: gate.confirmed } : allowed;
}

export function decidePublication(
  facts: PublicationFacts,
  actor: Pick<Actor, "role" | "unitId">,
  command: PublicationCommand,
  settings: PublicationSettings,
): PublicationDecision {
  const { reply, publication } = facts;
  if (!reply) return refuse("答复函尚未审签，不能发布");
  if (!mayDecidePublication(actor, reply.unitId, settings)) return refuse("您没有权限决定此答复函的公开");
  const event = PUBLICATION_EVENTS[command.type];
  switch (command.type) {
    case "publish":
      if (publication?.status === "published") return refuse("此答复函已发布");
      if (publication)
        return refuse(publication.status === "withheld" ? "此答复函已决定不予公开" : "此答复函已撤回公开，如需恢复请重新发布");
      if (reply.disclosure === "none") return refuse("审签时已确定此答复函不予公开");
      if (reply.disclosure === "summary" && !reply.disclosureSummary?.trim()) return refuse("摘要公开的答复函缺少公开摘要");
      return reviewed(reply, command.confirmation, "发布", { ok: true, status: "published", mode: reply.disclosure, event, reason: null });
    case "withhold": {
      if (publication) return refuse(publication.status === "published" ? "此答复函已发布，如需下线请撤回公开" : "此答复函的公开已有决定");
      const reason = command.reason.trim();
      if (!reason) return refuse("请填写不予公开的理由");
      return { ok: true, status: "withheld", mode: "none", event, reason };
    }
    case "withdraw": {
      if (publication?.status !== "published") return refuse("只有已发布的答复函才能撤回公开");
      const reason = command.reason.trim();
      if (!reason) return refuse("请填写撤回公开的理由");
      return { ok: true, status: "withdrawn", mode: reply.disclosure, event, reason };
    }
    case "republish": {
      if (publication?.status !== "withdrawn") return refuse("只有已撤回公开的答复函才能重新发布");
      const reason = command.reason.trim();
      if (!reason) return refuse("请填写重新发布的理由");
      return reviewed(reply, command.confirmation, "重新发布", { ok: true, status: "published", mode: reply.disclosure, event, reason });
    }
  }
}

/** The commands the actor can take now, for the panel that offers them (with findings, once confirmed). */
export function availablePublicationActions(
  facts: PublicationFacts,
  actor: Pick<Actor, "role" | "unitId">,
  settings: PublicationSettings,
): PublicationAction[] {
  const probes: PublicationCommand[] = [
    { type: "publish", confirmation: "-" },
    { type: "withhold", reason: "-" },
    { type: "withdraw", reason: "-" },
    { type: "republish", reason: "-", confirmation: "-" },
  ];
  return probes.filter((c) => decidePublication(facts, actor, c, settings).ok).map((c) => c.type);
}

/** The next 索引号 serial of a publisher and year: one past the highest ever given, so none is reused. */
export function nextIndexSerial(lastSerial: number | null | undefined): number {
  return (lastSerial ?? 0) + 1;
}

/** 主题分类 of a proposal registered without a category. */
export const UNCATEGORISED = "其他";

export type PublicationMetadata = {
  indexYear: number;
  indexSerial: number;
  indexNumber: string;
  /** 主题分类 */
  topic: string;
  /** 体裁分类 */
  genre: string;
  /** 发布机构: the publisher's short name, e.g. 高新区科技创新局 */
  publisherName: string;
  /** 有效性: replies have none, the field stays blank as in the sample. */
  validity: string;
  /** 成文日期 */
  writtenOn: string;
  /** 发布日期 */
  publishedOn: string;
};

/** The metadata table of the published page; the 索引号 year is the year of publication. */
export function publicationMetadata(input: {
  indexPrefix: string;
  lastSerial: number | null | undefined;
  categoryName: string | null;
  kind: SessionKind;
  publisherShortName: string;
  writtenOn: string;
  today: string;
}): PublicationMetadata {
  const indexYear = Number(input.today.slice(0, 4));
  const indexSerial = nextIndexSerial(input.lastSerial);
  return {
    indexYear,
    indexSerial,
    indexNumber: formatIndexNumber(input.indexPrefix, indexYear, indexSerial),
    topic: input.categoryName ?? UNCATEGORISED,
    genre: GENRE_LABELS[input.kind],
    publisherName: input.publisherShortName,
    validity: "",
    writtenOn: input.writtenOn,
    publishedOn: input.today,
  };
}

/**
 * Who hears of a publication decision: on 发布 the proposer and co-signers (their reply is public now)
 * and the lead unit's handlers; on 不予公开 the unit's handlers; on 撤回公开 the unit's handlers and the
 * coordinating office, since a withdrawal is a public matter both answer for.
 */
export function publicationNotices(
  status: PublicationState,
  context: { unitId: number; memberIds: number[]; indexNumber: string | null },
): Recipient[] {
  // notifyRecipients puts the proposal's number and title in front (lib/notices.ts).
  const unit = (message: string): Recipient => ({ to: "unit", unitId: context.unitId, role: "handler", message });
  switch (status) {
    case "published": {
      const message = `答复函已在政府信息公开网站发布（索引号 ${context.indexNumber ?? ""}）`;
      return [...(context.memberIds.length ? [{ to: "users" as const, userIds: context.memberIds, message }] : []), unit(message)];
    }
    case "withheld":
      return [unit("答复函已决定不予公开")];
    case "withdrawn":
      return [unit("答复函已撤回公开"), { to: "coordinators", message: "答复函已撤回公开" }];
  }
}

const CHINESE_ORDINALS = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十"];

/** 第二轮答复 */
export function replyRoundName(round: number): string {
  return `第${CHINESE_ORDINALS[round - 1] ?? round}轮答复`;
}

/**
 * What the public title adds for a reply after the first round (（第二轮答复）), so that the replies of
 * one proposal never read alike on the list, the page, the feed or in search; nothing for the first.
 */
export function replyRoundSuffix(round: number): string {
  return round > 1 ? `（${replyRoundName(round)}）` : "";
}
