/**
 * The reply letter (答复函) as the member reads it, composed from data in the wording of the
 * published sample (docs/domain.md "The reply letter"). The punctuation is the sample's: ASCII comma,
 * colon and parentheses around the proposal number and the contact line. Pure.
 */
import { PROPOSER_WORD, type ResultClass, type SessionKind } from "./domain";
import { chineseDate, proposalLabel, sessionTitle } from "./format";
import { parseBody, type BodyBlock } from "./letter-body";

/** Printed in the closing sentence while nobody can sign the draft off yet. */
export const SIGNER_PLACEHOLDER = "（待审签）";

export type LetterInput = {
  kind: SessionKind;
  /** The lead unit's full name, e.g. 重庆高新区科技创新局 */
  unitName: string;
  session: { body: string; term: string; meeting: string };
  number: number;
  title: string;
  /** The proposer the letter is addressed to (the lead proposer, or a co-signer of a joint proposal). */
  addressee: string;
  /** Full names of the co-handling units, in the order they were assigned. */
  coUnits: readonly string[];
  /** The reply body as stored or pasted; it is normalised here. */
  body: string;
  /** Who signed it off; null while nobody can, which prints SIGNER_PLACEHOLDER. */
  signer: { name: string; title: string | null } | null;
  /** 成文日期, ISO date */
  writtenOn: string;
  contactPerson: string;
  contactPhone: string;
  resultClass: ResultClass | null;
};

/** What a draft's own fields add to a letter; the rest (LetterFrame) comes from the proposal and the unit. */
export type DraftPart = Pick<LetterInput, "body" | "contactPerson" | "contactPhone" | "resultClass">;
export type LetterFrame = Omit<LetterInput, keyof DraftPart>;

export type LetterOptions = {
  /** Print the result class (A/B/C/D) at the top right, as some localities do. */
  showResultClass?: boolean;
};

export type Letter = {
  /** Only when LetterOptions.showResultClass was set. */
  resultClass: ResultClass | null;
  title: string;
  salutation: string;
  opening: string;
  body: BodyBlock[];
  closing: string;
  unitName: string;
  /** ISO date, for <time dateTime> */
  writtenOn: string;
  /** 2023年5月16日 */
  date: string;
  contact: string;
};

/** A run of characters that ends a place name: 省, 市, 区 (also 新区, 高新区, 自治区), 县, 镇, 街道… */
const AREA_SEGMENT = /^[\u4e00-\u9fff]{2,7}?(?:街道|[省市州盟县旗区镇乡])/;

/** The leading place-name segments of a unit's name: 重庆市九龙坡区科技局 → [重庆市, 九龙坡区]. */
function areaSegments(name: string): string[] {
  const segments: string[] = [];
  let rest = name;
  for (let match = AREA_SEGMENT.exec(rest); match; match = AREA_SEGMENT.exec(rest)) {
    segments.push(match[0]);
    rest = rest.slice(match[0].length);
  }
  return segments;
}

/**
 * The co-handling units as the opening names them, joined with 、.
 *
 * The first unit keeps its full name; each following unit drops the place-name prefix it shares
 * with the first one, as the sample writes 重庆高新区党群工作部、创新服务中心、政务服务和社会事务中心.
 * The prefix is made of whole place-name segments (a few characters ending in 省/市/区/县/镇/街道…,
 * such as 重庆高新区 or 重庆市 + 九龙坡区), so a shared word like 社区 in 重庆高新区社区服务中心 and
 * 重庆高新区社区治理办公室 is never cut; a unit from another area keeps what differs
 * (重庆市江北区… after 重庆市九龙坡区… is written 江北区…). A name that would be left empty stays whole.
 */
export function coUnitList(names: readonly string[]): string {
  const [first, ...rest] = names;
  if (first === undefined) return "";
  const firstSegments = areaSegments(first);
  const shortened = rest.map((name) => {
    let prefix = "";
    for (const [i, segment] of areaSegments(name).entries()) {
      if (segment !== firstSegments[i]) break;
      prefix += segment;
    }
    return name.length > prefix.length ? name.slice(prefix.length) : name;
  });
  return [first, ...shortened].join("、");
}

/** The letter's title: {unit}关于{session}第{N}号提案的答复函 (also the published page's title). */
export function letterTitle(input: Pick<LetterInput, "unitName" | "session" | "number" | "kind">): string {
  return `${input.unitName}关于${sessionTitle(input.session)}${proposalLabel(input.number, input.kind)}的答复函`;
}

/** Composes the letter from its data. */
export function composeLetter(input: LetterInput, options: LetterOptions = {}): Letter {
  const item = proposalLabel(input.number, input.kind);
  const handledWith = input.coUnits.length > 0 ? `经与${coUnitList(input.coUnits)}共同研究办理,` : "";
  const signer = input.signer ? `${input.signer.name}${input.signer.title ?? ""}` : SIGNER_PLACEHOLDER;
  return {
    resultClass: options.showResultClass ? input.resultClass : null,
    title: letterTitle(input),
    salutation: `${input.addressee}${PROPOSER_WORD[input.kind]}:`,
    opening: `您提出的《${input.title}》(${item})收悉,${handledWith}现答复如下:`,
    body: parseBody(input.body),
    closing: `此答复函已经${signer}审签。对以上答复有什么意见,请填写在答复函回执单上,以便进一步改进工作。`,
    unitName: input.unitName,
    writtenOn: input.writtenOn,
    date: chineseDate(input.writtenOn),
    contact: `(联系人:${input.contactPerson},联系电话:${input.contactPhone})`,
  };
}

/** The letter as plain lines, one per paragraph in reading order (for text and document exports). */
export function letterLines(letter: Letter): string[] {
  return [
    ...(letter.resultClass ? [letter.resultClass] : []),
    letter.title,
    letter.salutation,
    letter.opening,
    ...letter.body.map((block) => block.text),
    letter.closing,
    letter.unitName,
    letter.date,
    letter.contact,
  ];
}
