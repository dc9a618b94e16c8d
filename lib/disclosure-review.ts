/**
 * 公开审查: personal information in a reply's text before it goes public (docs/domain.md "公开审查").
 * Finds 身份证号 (with a valid check digit), mobile numbers, bank card numbers (Luhn), e-mail addresses,
 * and the names of private persons from the proposal's own people list. Pure: the use cases load the
 * texts and the people, ask here, and the workflow and publication deciders refuse an action with an
 * open finding unless it is confirmed with a reason.
 */
import type { DisclosureMode } from "./domain";

export const FINDING_KINDS = ["id_number", "mobile", "bank_card", "email", "private_name"] as const;
export type FindingKind = (typeof FINDING_KINDS)[number];
export const FINDING_LABELS: Record<FindingKind, string> = {
  id_number: "身份证号",
  mobile: "手机号码",
  bank_card: "银行卡号",
  email: "电子邮箱",
  private_name: "个人姓名",
};

/** The texts of a reply that can go public. */
export type ReviewedField = "body" | "summary";
export const FIELD_LABELS: Record<ReviewedField, string> = { body: "正文", summary: "公开摘要" };

/** One piece of personal information: where it is in which text (UTF-16 offsets, end exclusive). */
export type Finding = { field: ReviewedField; kind: FindingKind; text: string; start: number; end: number };

/** Full-width digits (０-９) read as digits; the same length, so offsets stay those of the original text. */
function asciiDigits(text: string): string {
  return text.replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0));
}

function isDate(year: number, month: number, day: number): boolean {
  const d = new Date(Date.UTC(year, month - 1, day));
  return d.getUTCFullYear() === year && d.getUTCMonth() === month - 1 && d.getUTCDate() === day;
}

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const ID_CHECK = "10X98765432";

/** GB 11643: an 18-character 身份证号 whose birth date is a date and whose ISO 7064 MOD 11-2 check character is right. */
export function isIdNumber(s: string): boolean {
  if (!/^\d{17}[\dX]$/i.test(s)) return false;
  const year = Number(s.slice(6, 10));
  if (year < 1900 || !isDate(year, Number(s.slice(10, 12)), Number(s.slice(12, 14)))) return false;
  const sum = ID_WEIGHTS.reduce((n, w, i) => n + w * Number(s[i]), 0);
  return ID_CHECK[sum % 11] === s.charAt(17).toUpperCase();
}

/** The old 15-digit 身份证号 (before 1999): no check digit, but a birth date YYMMDD in 19xx. */
function isOldIdNumber(s: string): boolean {
  return /^\d{15}$/.test(s) && isDate(1900 + Number(s.slice(6, 8)), Number(s.slice(8, 10)), Number(s.slice(10, 12)));
}

/** Luhn (ISO/IEC 7812), the check of bank card numbers. */
export function passesLuhn(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) d = d * 2 > 9 ? d * 2 - 9 : d * 2;
    sum += d;
  }
  return sum % 10 === 0;
}

type Hit = Omit<Finding, "field">;

/**
 * Runs of digits not touching a letter or another digit: an 18-digit number inside a 索引号
 * (1150010700927688XM) or a longer run is no card or ID. 身份证号 may end in X.
 */
const DIGIT_RUN = /(?<![0-9A-Za-z])\d{15,19}(?:[Xx](?![0-9A-Za-z])|(?![0-9A-Za-z]))/g;

function numberHits(text: string): Hit[] {
  const hits: Hit[] = [];
  for (const m of text.matchAll(DIGIT_RUN)) {
    const run = m[0];
    const start = m.index;
    const kind: FindingKind | null =
      run.length === 18 && isIdNumber(run)
        ? "id_number"
        : run.length === 15 && isOldIdNumber(run)
          ? "id_number"
          : /^\d{16,19}$/.test(run) && passesLuhn(run)
            ? "bank_card"
            : null;
    if (kind) hits.push({ kind, text: run, start, end: start + run.length });
  }
  return hits;
}

/**
 * Mainland mobile numbers: 1[3-9] and nine more digits, written together or as 3-4-4 with spaces or
 * hyphens, optionally after +86; never part of a longer run of digits. Landlines (023-68511253, 0755-…)
 * never match: they start with 0.
 */
const MOBILE = /(?<![\d－-])(?:\+?86[ -]?)?1[3-9]\d(?:[ -]?\d{4}){2}(?![\d－-])/g;

/** An e-mail address (the practical subset of RFC 5322 that people write). */
const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/g;

/** Bank card numbers written in groups of four (6222 0212 3456 7890 123). */
const GROUPED_CARD = /(?<![0-9A-Za-z])\d{4}(?:[ -]\d{4}){3}(?:[ -]?\d{1,3})?(?![0-9A-Za-z])/g;

function groupedCardHits(text: string): Hit[] {
  return patternHits(text, GROUPED_CARD, "bank_card").filter((h) => passesLuhn(digitsOf(h.text)));
}

function patternHits(text: string, pattern: RegExp, kind: FindingKind): Hit[] {
  return [...text.matchAll(pattern)].map((m) => ({ kind, text: m[0], start: m.index, end: m.index + m[0].length }));
}

function nameHits(text: string, names: readonly string[]): Hit[] {
  const hits: Hit[] = [];
  for (const name of names) {
    for (let at = text.indexOf(name); at >= 0; at = text.indexOf(name, at + name.length))
      hits.push({ kind: "private_name", text: name, start: at, end: at + name.length });
  }
  return hits;
}

const digitsOf = (s: string) => s.replace(/\D/g, "");

export type ScanOptions = {
  /** Names of private persons (see `privatePersons`). */
  privateNames?: readonly string[];
  /**
   * Numbers that are an official's, not a private person's: the contact person's 联系电话 printed in the
   * letter's closing line (compared by digits).
   */
  officialNumbers?: readonly string[];
};

/** The personal information in one text, in order of position; overlapping hits keep the first, longest. */
export function scanText(text: string, options: ScanOptions = {}): Hit[] {
  const normal = asciiDigits(text);
  const official = new Set((options.officialNumbers ?? []).map(digitsOf).filter((d) => d.length > 0));
  const hits = [
    ...numberHits(normal),
    ...groupedCardHits(normal),
    ...patternHits(normal, MOBILE, "mobile").filter((h) => !official.has(digitsOf(h.text).replace(/^86(?=1\d{10}$)/, ""))),
    ...patternHits(normal, EMAIL, "email"),
    ...nameHits(normal, options.privateNames ?? []),
  ].sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: Hit[] = [];
  for (const h of hits) if (!kept.some((k) => h.start < k.end && k.start < h.end)) kept.push({ ...h, text: text.slice(h.start, h.end) });
  return kept;
}

/** What a reply puts in public: its text and, under 摘要公开, its summary, with the contact line's number. */
export type ReviewedReply = {
  body: string;
  disclosureSummary: string | null;
  contactPhone: string | null;
};

/** The findings in the texts of a reply that may go public. */
export function reviewReply(reply: ReviewedReply, privateNames: readonly string[]): Finding[] {
  const options = { privateNames, officialNumbers: reply.contactPhone ? [reply.contactPhone] : [] };
  const fields: [ReviewedField, string | null][] = [
    ["body", reply.body],
    ["summary", reply.disclosureSummary],
  ];
  return fields.flatMap(([field, text]) => (text ? scanText(text, options).map((h) => ({ field, ...h })) : []));
}

/** The people a proposal names (docs/domain.md "公开审查"): who is public in this matter, and the participant lists of its contacts. */
export type PeopleList = {
  /** 委员/代表 of the proposal (proposer, co-signers, seconders, members at its meetings): named in public by their office. */
  members: readonly string[];
  /** Staff of this system and the officials written on its meetings: they act in their office. */
  officials: readonly string[];
  /** 参加人员 of the proposal's contact records, as written (蒋明杰与刘新荣委员、市民张某某). */
  participants: readonly string[];
};

/** An office or role inside a name marks an official (王处长, 区发改委工作人员); an organisation's name ends like one (财政局). */
const OFFICIAL_WORDS =
  /(局长|主任|科长|处长|部长|书记|区长|县长|市长|镇长|主席|秘书长|领导|干部|工作人员|承办人|经办人|同志)|(局|办|委|院|所|厅|部|处|科|站|中心|公司|协会|学校|大学|医院|政府|街道)$/;
/** 委员 and 代表 of the CPPCC and the People's Congress. */
const MEMBER_SUFFIX = /(委员|代表)$/;
/** How a private person is introduced or addressed (市民张某某, 李先生). */
const PERSON_PREFIX = /^(市民|居民|村民|群众|业主|家属|家长|学生|职工|员工|企业负责人|负责人|个体户|老人|患者|律师|教师|医生)/;
const PERSON_SUFFIX = /(先生|女士|老师|师傅|同学|阿姨)$/;
const HAN_NAME = /^[\u4e00-\u9fff]{2,4}$/;

/** Between names: punctuation and spaces; within a list also 与, 和 and 及, which unit names contain (政务服务和社会事务中心). */
const PUNCTUATION = /[、，,；;：:\s/（）()]+/;
const CONJUNCTIONS = /[与和及]+/;

const splitBy = (texts: readonly string[], separator: RegExp) =>
  texts.flatMap((p) =>
    p
      .split(separator)
      .map((t) => t.trim())
      .filter(Boolean),
  );

/** The names a participant list mentions, split at its separators, with their roles still attached. */
export function participantNames(participants: readonly string[]): string[] {
  return splitBy(splitBy(participants, PUNCTUATION), CONJUNCTIONS);
}

const bare = (token: string) => token.replace(PERSON_PREFIX, "").replace(PERSON_SUFFIX, "");

/**
 * The names to look up among the system's people: each participant as written, also before splitting at
 * 与/和/及 (a unit's 承办人 named after the unit), and without 市民, 先生 and the like.
 */
export function candidateNames(participants: readonly string[]): string[] {
  const tokens = [...splitBy(participants, PUNCTUATION), ...participantNames(participants)];
  return [...new Set([...tokens, ...tokens.map(bare)])];
}

/**
 * The most common Chinese surnames (about nine in ten people carry one), compound ones first: a
 * participant not starting with one is taken for a description, not a name.
 */
const SURNAMES =
  /^(欧阳|司马|上官|诸葛|东方|皇甫|尉迟|公孙|慕容|长孙|宇文|司徒|夏侯|令狐|[王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖萧田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付傅方白邹孟熊秦邱江尹薛闫阎段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝])/;

/**
 * The private persons in a proposal's people list: named in a contact's 参加人员, and neither a member
 * of the proposal (public in their office) nor an official. Known names are taken out of the list first;
 * what remains is a private person when, once a word like 市民 or 先生 is taken off, it is two to four Han
 * characters starting with a common surname; anything carrying an office (局长, 工作人员, 委员) is not.
 */
export function privatePersons(people: PeopleList): string[] {
  const known = [...new Set([...people.members, ...people.officials])].filter(Boolean).sort((a, b) => b.length - a.length);
  const rest = people.participants.map((p) => known.reduce((text, name) => text.split(name).join("、"), p));
  const found = new Set<string>();
  for (const token of participantNames(rest)) {
    if (MEMBER_SUFFIX.test(token) || OFFICIAL_WORDS.test(token)) continue;
    const name = bare(token);
    if (HAN_NAME.test(name) && SURNAMES.test(name) && !known.includes(name)) found.add(name);
  }
  return [...found];
}

/**
 * What an action that puts a reply in public (提交审签 with a public disclosure mode, 发布, 重新发布)
 * knows about its review: the disclosure mode, the open findings, and the confirmation the user gave.
 */
export type DisclosureCheck = { disclosure: DisclosureMode; findings: readonly Finding[]; confirmation: string | null };

/** A finding as the event log keeps it: its kind and a masked value, so the log does not repeat the data. */
export function maskedFinding(f: Pick<Finding, "kind" | "text" | "field">): { kind: FindingKind; field: ReviewedField; value: string } {
  const t = f.text;
  const value =
    f.kind === "private_name"
      ? `${t[0]}${"*".repeat(t.length - 1)}`
      : f.kind === "email"
        ? `${t[0]}***${t.slice(t.indexOf("@"))}`
        : `${t.slice(0, 3)}${"*".repeat(Math.max(t.length - 7, 1))}${t.slice(-4)}`;
  return { kind: f.kind, field: f.field, value };
}

/** The findings listed in a refusal or a notice: 身份证号 110105…（正文）. */
export function listFindings(findings: readonly Finding[]): string {
  return findings.map((f) => `${FINDING_LABELS[f.kind]} ${f.text}（${FIELD_LABELS[f.field]}）`).join("；");
}

/** The actions 公开审查 stands before, and what else the user can do about a finding there. */
export type GatedAction = "提交审签" | "发布" | "重新发布";
const REMEDIES: Record<GatedAction, string> = {
  提交审签: "请删除后重新保存",
  // The signed text cannot be changed any more: what is left is not to publish it.
  发布: "可决定不予公开",
  重新发布: "可不再发布",
};

export type DisclosureGate =
  /** `confirmed`: the reason the user gave for going public with open findings, null when there were none. */
  | { ok: true; confirmed: { reason: string; findings: ReturnType<typeof maskedFinding>[] } | null }
  | { ok: false; reason: string; findings: Finding[] };

/**
 * Whether an action that makes a reply public may go ahead: yes under 不予公开 or without findings;
 * with findings only when confirmed with a reason, which the caller logs.
 */
export function disclosureGate(check: DisclosureCheck, what: GatedAction): DisclosureGate {
  if (check.disclosure === "none" || check.findings.length === 0) return { ok: true, confirmed: null };
  const reason = check.confirmation?.trim();
  if (!reason)
    return {
      ok: false,
      findings: [...check.findings],
      reason: `公开审查发现 ${check.findings.length} 处可能的个人信息：${listFindings(check.findings)}。${REMEDIES[what]}，或确认仍要${what}并填写理由。`,
    };
  return { ok: true, confirmed: { reason, findings: check.findings.map(maskedFinding) } };
}

/** A text cut at its findings, for highlighting: plain pieces and marked ones. */
export type Piece = { text: string; finding: Finding | null };

export function pieces(text: string, findings: readonly Finding[]): Piece[] {
  const out: Piece[] = [];
  let at = 0;
  for (const f of [...findings].sort((a, b) => a.start - b.start)) {
    if (f.start < at) continue;
    if (f.start > at) out.push({ text: text.slice(at, f.start), finding: null });
    out.push({ text: text.slice(f.start, f.end), finding: f });
    at = f.end;
  }
  if (at < text.length) out.push({ text: text.slice(at), finding: null });
  return out;
}

/** A finding with some text either side, for a list of findings: the context stops at a paragraph's end. */
export function excerpt(text: string, f: Finding, around = 16): { before: string; marked: string; after: string } {
  const lineStart = text.lastIndexOf("\n", f.start - 1) + 1;
  const nextBreak = text.indexOf("\n", f.end);
  const lineEnd = nextBreak < 0 ? text.length : nextBreak;
  const from = Math.max(lineStart, f.start - around);
  const to = Math.min(lineEnd, f.end + around);
  return {
    before: `${from > lineStart ? "…" : ""}${text.slice(from, f.start)}`,
    marked: text.slice(f.start, f.end),
    after: `${text.slice(f.end, to)}${to < lineEnd ? "…" : ""}`,
  };
}
