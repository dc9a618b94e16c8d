import type { BodyBlockKind } from "@/lib/letter-body";
import type { Letter } from "@/lib/letter";

type HeadingTag = "h1" | "h2" | "h3" | "h4" | "h5" | "h6";
const HEADING_TAGS: readonly HeadingTag[] = ["h1", "h2", "h3", "h4", "h5", "h6"];

/** The letter's own title level; its sections (一、) and sub-sections ((一)) sit one and two levels below. */
export type LetterHeadingLevel = 1 | 2 | 3 | 4;

function headingTag(level: number): HeadingTag {
  return HEADING_TAGS[Math.min(level, 6) - 1] ?? "h6";
}

const INDENTED = "indent-[2em]";

function LetterBlock({ kind, text, level }: { kind: BodyBlockKind; text: string; level: LetterHeadingLevel }) {
  if (kind === "p") return <p className={INDENTED}>{text}</p>;
  const Tag = headingTag(kind === "h1" ? level + 1 : level + 2);
  return <Tag className={`${INDENTED} ${kind === "h1" ? "font-bold" : "font-normal"}`}>{text}</Tag>;
}

/**
 * A composed reply letter (lib/letter.ts) in the layout of an official letter, without page chrome:
 * it is placed inside the staff, member and public pages. Its type is sized relative to the page around
 * it (em), so that 关怀版, A+/A- and the print view's 16pt enlarge the whole letter, body included.
 */
export function ReplyLetter({
  letter,
  headingLevel = 1,
  className = "",
}: {
  letter: Letter;
  /** The heading level of the letter's title on the page that shows it. */
  headingLevel?: LetterHeadingLevel;
  className?: string;
}) {
  const Title = headingTag(headingLevel);
  return (
    <article className={`font-serif leading-loose text-slate-900 ${className}`}>
      {letter.resultClass && (
        <p className="text-right text-[1.125em] font-bold">
          <span className="sr-only">办理结果类别:</span>
          {letter.resultClass}
        </p>
      )}
      <Title className="mb-6 text-center text-[1.25em] leading-relaxed font-bold">{letter.title}</Title>
      <p>{letter.salutation}</p>
      <p className={INDENTED}>{letter.opening}</p>
      {letter.body.map((block, i) => (
        <LetterBlock key={i} kind={block.kind} text={block.text} level={headingLevel} />
      ))}
      <p className={INDENTED}>{letter.closing}</p>
      <div className="mt-8 text-right">
        <p>{letter.unitName}</p>
        <p>
          <time dateTime={letter.writtenOn}>{letter.date}</time>
        </p>
      </div>
      <p className={`mt-4 ${INDENTED}`}>{letter.contact}</p>
    </article>
  );
}
