/**
 * Comparing two versions of a reply draft: paragraph by paragraph, and inside a changed paragraph
 * character by character (Chinese has no spaces to split words on). Pure.
 */
import { diffArrays, diffChars } from "diff";
import { DISCLOSURE_LABELS, RESULT_CLASS_LABELS, type DisclosureMode, type ResultClass } from "./domain";
import { bodyParagraphs } from "./letter-body";

export type SegmentKind = "same" | "added" | "removed";
export type DiffSegment = { kind: SegmentKind; text: string };

export type ParagraphDiff =
  | { kind: "same"; text: string }
  | { kind: "added"; text: string }
  | { kind: "removed"; text: string }
  /** Edited in place: the segments spell the old paragraph (same + removed) and the new one (same + added). */
  | { kind: "changed"; segments: DiffSegment[] };

export type DraftDiff = {
  paragraphs: ParagraphDiff[];
  /** How many paragraphs were added, removed and edited in place. */
  added: number;
  removed: number;
  changed: number;
};

/**
 * Two paragraphs are shown as one edited paragraph when at least half of the longer one is
 * unchanged; below that, the old one is shown deleted and the new one inserted.
 */
const SIMILARITY = 0.5;

/** Unchanged runs this short between two edits are folded into the edits, so they read as whole phrases. */
const SHORT_EQUALITY = 2;

function segmentKind(change: { added: boolean; removed: boolean }): SegmentKind {
  return change.added ? "added" : change.removed ? "removed" : "same";
}

/** Adjacent edits merged into one removed segment followed by one added segment. */
function mergeEdits(segments: DiffSegment[]): DiffSegment[] {
  const merged: DiffSegment[] = [];
  let removed = "";
  let added = "";
  const flush = () => {
    if (removed) merged.push({ kind: "removed", text: removed });
    if (added) merged.push({ kind: "added", text: added });
    removed = "";
    added = "";
  };
  for (const segment of segments) {
    if (segment.kind === "removed") removed += segment.text;
    else if (segment.kind === "added") added += segment.text;
    else {
      flush();
      const last = merged.at(-1);
      if (last?.kind === "same") last.text += segment.text;
      else merged.push({ ...segment });
    }
  }
  flush();
  return merged;
}

/** The character-level edit of one paragraph into another, with short coincidental matches folded in. */
export function diffParagraph(before: string, after: string): DiffSegment[] {
  const raw: DiffSegment[] = diffChars(before, after).map((change) => ({ kind: segmentKind(change), text: change.value }));
  const folded = raw.flatMap((segment, i): DiffSegment[] => {
    const between = i > 0 && i < raw.length - 1;
    if (segment.kind !== "same" || !between || [...segment.text].length > SHORT_EQUALITY) return [segment];
    return [
      { kind: "removed", text: segment.text },
      { kind: "added", text: segment.text },
    ];
  });
  return mergeEdits(folded);
}

function unchangedShare(segments: DiffSegment[], before: string, after: string): number {
  const same = segments.filter((s) => s.kind === "same").reduce((n, s) => n + [...s.text].length, 0);
  return same / Math.max([...before].length, [...after].length, 1);
}

/** Pairs a run of removed paragraphs with the run of added ones that replaced them. */
function replaceRun(removed: string[], added: string[]): ParagraphDiff[] {
  const out: ParagraphDiff[] = [];
  for (const [i, before] of removed.entries()) {
    const after = added[i];
    if (after === undefined) {
      out.push({ kind: "removed", text: before });
      continue;
    }
    const segments = diffParagraph(before, after);
    if (unchangedShare(segments, before, after) >= SIMILARITY) out.push({ kind: "changed", segments });
    else out.push({ kind: "removed", text: before }, { kind: "added", text: after });
  }
  for (const text of added.slice(removed.length)) out.push({ kind: "added", text });
  return out;
}

/** Compares two versions of a body (as stored or pasted; both are normalised first). */
export function diffDrafts(before: string, after: string): DraftDiff {
  const paragraphs: ParagraphDiff[] = [];
  let removed: string[] = [];
  let added: string[] = [];
  const flush = () => {
    paragraphs.push(...replaceRun(removed, added));
    removed = [];
    added = [];
  };
  for (const change of diffArrays(bodyParagraphs(before), bodyParagraphs(after))) {
    if (change.removed) removed.push(...change.value);
    else if (change.added) added.push(...change.value);
    else {
      flush();
      paragraphs.push(...change.value.map((text): ParagraphDiff => ({ kind: "same", text })));
    }
  }
  flush();
  return {
    paragraphs,
    added: paragraphs.filter((p) => p.kind === "added").length,
    removed: paragraphs.filter((p) => p.kind === "removed").length,
    changed: paragraphs.filter((p) => p.kind === "changed").length,
  };
}

/** A draft's fields besides its body, as saved with each version. */
export type DraftFields = {
  resultClass: ResultClass;
  contactPerson: string;
  contactPhone: string;
  disclosure: DisclosureMode;
  disclosureSummary: string | null;
  disclosureReason: string | null;
};

export type FieldChange = { field: string; before: string; after: string };

/** How each field reads, in the order the editor shows them. */
const FIELDS: { [K in keyof DraftFields]: [label: string, show: (value: DraftFields[K]) => string] } = {
  resultClass: ["办理结果类别", (c) => RESULT_CLASS_LABELS[c]],
  contactPerson: ["联系人", (v) => v],
  contactPhone: ["联系电话", (v) => v],
  disclosure: ["公开方式", (m) => DISCLOSURE_LABELS[m]],
  disclosureSummary: ["公开摘要", (v) => v ?? ""],
  disclosureReason: ["不予公开理由", (v) => v ?? ""],
};

/** The fields besides the body that differ between two versions (a new result class above all), old and new. */
export function diffDraftFields(before: DraftFields, after: DraftFields): FieldChange[] {
  return (Object.keys(FIELDS) as (keyof DraftFields)[]).flatMap((key) => {
    const [field, show] = FIELDS[key] as [string, (value: DraftFields[typeof key]) => string];
    const [a, b] = [show(before[key]), show(after[key])];
    return a === b ? [] : [{ field, before: a, after: b }];
  });
}
