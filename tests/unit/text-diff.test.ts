/** Comparing two versions of a reply draft. */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { REPLY_180_PARAGRAPHS } from "@/db/demo/reply-180";
import { normaliseBody } from "@/lib/letter-body";
import { diffDraftFields, diffDrafts, diffParagraph, type DiffSegment, type ParagraphDiff } from "@/lib/text-diff";

/** The old (same + removed) and new (same + added) text a list of segments spells. */
function sides(segments: DiffSegment[]) {
  return {
    before: segments
      .filter((s) => s.kind !== "added")
      .map((s) => s.text)
      .join(""),
    after: segments
      .filter((s) => s.kind !== "removed")
      .map((s) => s.text)
      .join(""),
  };
}

/** The old and new bodies a diff spells, paragraph by paragraph. */
function bodies(paragraphs: ParagraphDiff[]) {
  const before: string[] = [];
  const after: string[] = [];
  for (const p of paragraphs) {
    if (p.kind === "changed") {
      const s = sides(p.segments);
      before.push(s.before);
      after.push(s.after);
    } else {
      if (p.kind !== "added") before.push(p.text);
      if (p.kind !== "removed") after.push(p.text);
    }
  }
  return { before: before.join("\n\n"), after: after.join("\n\n") };
}

describe("diffParagraph", () => {
  it("marks an insertion inside a sentence", () => {
    expect(diffParagraph("提出了中肯的建议。", "提出了非常中肯的建议。")).toEqual([
      { kind: "same", text: "提出了" },
      { kind: "added", text: "非常" },
      { kind: "same", text: "中肯的建议。" },
    ]);
  });

  it("marks a replacement as the deletion followed by the insertion", () => {
    expect(diffParagraph("累计进站博士后100名。", "累计进站博士后112名。")).toEqual([
      { kind: "same", text: "累计进站博士后1" },
      { kind: "removed", text: "00" },
      { kind: "added", text: "12" },
      { kind: "same", text: "名。" },
    ]);
  });

  it("folds a one- or two-character coincidence between edits into the edits", () => {
    const segments = diffParagraph("加强政策宣传和指导。", "做好申报服务和落实。");
    expect(segments.filter((s) => s.kind === "same").map((s) => s.text)).toEqual(["。"]);
    expect(sides(segments)).toEqual({ before: "加强政策宣传和指导。", after: "做好申报服务和落实。" });
  });

  it("finds nothing between equal paragraphs", () => {
    expect(diffParagraph("相同。", "相同。")).toEqual([{ kind: "same", text: "相同。" }]);
  });
});

describe("diffDrafts", () => {
  const FINAL = REPLY_180_PARAGRAPHS.join("\n\n");
  const last = REPLY_180_PARAGRAPHS.length - 1;
  /** The demo's first draft of 180: milder wording in the opening, the last plan item missing. */
  const FIRST = REPLY_180_PARAGRAPHS.map((p, i) =>
    i === 0 ? p.replace("非常中肯的建议", "中肯的建议") : i === last ? p.slice(0, p.indexOf("三是")) : p,
  ).join("\n\n");

  it("shows the two edits between the demo's drafts of proposal 180", () => {
    const diff = diffDrafts(FIRST, FINAL);
    expect({ added: diff.added, removed: diff.removed, changed: diff.changed }).toEqual({ added: 0, removed: 0, changed: 2 });
    expect(diff.paragraphs).toHaveLength(REPLY_180_PARAGRAPHS.length);
    const first = diff.paragraphs[0];
    expect(first?.kind === "changed" && first.segments.filter((s) => s.kind !== "same")).toEqual([{ kind: "added", text: "非常" }]);
    const end = diff.paragraphs[last];
    const tail = REPLY_180_PARAGRAPHS[last]!.slice(REPLY_180_PARAGRAPHS[last]!.indexOf("三是"));
    expect(end?.kind === "changed" && end.segments.filter((s) => s.kind !== "same")).toEqual([{ kind: "added", text: tail }]);
    expect(diff.paragraphs.slice(1, last).every((p) => p.kind === "same")).toBe(true);
    expect(bodies(diff.paragraphs)).toEqual({ before: FIRST, after: FINAL });
  });

  it("shows added and removed paragraphs as whole paragraphs", () => {
    const diff = diffDrafts("一、工作开展情况\n\n第一段。\n\n第二段。", "一、工作开展情况\n\n第二段。\n\n二、下一步工作计划\n\n第三段。");
    expect(diff.paragraphs).toEqual([
      { kind: "same", text: "一、工作开展情况" },
      { kind: "removed", text: "第一段。" },
      { kind: "same", text: "第二段。" },
      { kind: "added", text: "二、下一步工作计划" },
      { kind: "added", text: "第三段。" },
    ]);
    expect({ added: diff.added, removed: diff.removed, changed: diff.changed }).toEqual({ added: 2, removed: 1, changed: 0 });
  });

  it("shows a paragraph rewritten from scratch as deleted and inserted, not as a jumble of characters", () => {
    const diff = diffDrafts("前言。\n\n我们将加强政策宣传。\n\n结语。", "前言。\n\n下一步继续做好人才服务工作。\n\n结语。");
    expect(diff.paragraphs.map((p) => p.kind)).toEqual(["same", "removed", "added", "same"]);
  });

  it("compares the text, not how it was pasted", () => {
    const diff = diffDrafts("\u3000\u3000第一段。\r\n第二段。\r\n", "第一段。\n\n\n第二段。");
    expect(diff.paragraphs.every((p) => p.kind === "same")).toBe(true);
    expect(diff.changed + diff.added + diff.removed).toBe(0);
  });

  it("handles empty versions", () => {
    expect(diffDrafts("", "").paragraphs).toEqual([]);
    expect(diffDrafts("", "新段落。").paragraphs).toEqual([{ kind: "added", text: "新段落。" }]);
    expect(diffDrafts("旧段落。", "").paragraphs).toEqual([{ kind: "removed", text: "旧段落。" }]);
  });

  it("always spells both versions exactly, whatever the edits", () => {
    const versions = [
      "一、情况\n\n甲乙丙丁。\n\n戊己庚辛。",
      "一、情况\n\n甲乙丁丙。\n\n新的一段。\n\n戊己庚辛壬。",
      "二、计划\n\n戊己庚辛。\n\n甲乙丙丁。",
      "",
      "完全不同的内容。",
    ];
    for (const before of versions) {
      for (const after of versions) expect(bodies(diffDrafts(before, after).paragraphs)).toEqual({ before, after });
    }
  });

  it("spells both normalised versions for any pair of texts", () => {
    const text = fc.string({ unit: fc.constantFrom("甲", "乙", "丙", "。", "一、", "(一)", "\n", "\n\n", "\u3000", " "), maxLength: 40 });
    fc.assert(
      fc.property(text, text, (before, after) => {
        expect(bodies(diffDrafts(before, after).paragraphs)).toEqual({ before: normaliseBody(before), after: normaliseBody(after) });
      }),
      { seed: 20230516, numRuns: 500 },
    );
  });
});

describe("diffDraftFields", () => {
  const draft = {
    resultClass: "B",
    contactPerson: "蒋明杰",
    contactPhone: "023—68511253",
    disclosure: "full",
    disclosureSummary: null,
    disclosureReason: null,
  } as const;

  it("names a change of result class, with both classes", () => {
    expect(diffDraftFields(draft, { ...draft, resultClass: "A" })).toEqual([
      { field: "办理结果类别", before: "B类：所提问题正在解决或已列入计划逐步解决", after: "A类：所提问题已经解决或基本解决" },
    ]);
  });

  it("names every other field that changed, and nothing when none did", () => {
    expect(diffDraftFields(draft, draft)).toEqual([]);
    const changed = diffDraftFields(draft, { ...draft, contactPhone: "023-1", disclosure: "summary", disclosureSummary: "摘要" });
    expect(changed).toEqual([
      { field: "联系电话", before: "023—68511253", after: "023-1" },
      { field: "公开方式", before: "全文公开", after: "摘要公开" },
      { field: "公开摘要", before: "", after: "摘要" },
    ]);
  });
});
