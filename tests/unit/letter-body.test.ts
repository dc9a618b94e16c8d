/** Cleaning up reply bodies pasted from Word, and reading their sections. */
import { describe, expect, it } from "vitest";
import { blockKind, bodyParagraphs, normaliseBody, parseBody } from "@/lib/letter-body";

describe("normaliseBody", () => {
  it("cleans a paste from Word: CRLF, indentation with full-width spaces, a BOM, zero-width spaces", () => {
    const pasted =
      "\ufeff\u3000\u3000提案系统分析了高校人才赋能科学城产业发展存在的问题。\r\n" +
      "\u3000\u3000一、工作开展情况\r\n" +
      "\u3000\u3000(一)加强\u200b政策保障\r\n" +
      "\t一是发布“金凤凰”人才支持政策。二是出台《扶持办法》。\u00a0\r\n";
    expect(normaliseBody(pasted)).toBe(
      "提案系统分析了高校人才赋能科学城产业发展存在的问题。\n\n一、工作开展情况\n\n(一)加强政策保障\n\n一是发布“金凤凰”人才支持政策。二是出台《扶持办法》。",
    );
  });

  it("collapses runs of blank lines (also blank lines made of spaces) into one", () => {
    expect(normaliseBody("第一段。\n\n\n\n第二段。\n  \n\u3000\n第三段。\n\n")).toBe("第一段。\n\n第二段。\n\n第三段。");
  });

  it("treats every line as a paragraph, including Word's manual line breaks and old Mac line ends", () => {
    expect(normaliseBody("甲。\v乙。\r丙。\u2029丁。")).toBe("甲。\n\n乙。\n\n丙。\n\n丁。");
  });

  it("keeps spaces inside a line, as in 《…科技创新 促进高质量发展扶持办法》", () => {
    expect(normaliseBody("  《支持科学城企业科技创新 促进高质量发展扶持办法》  ")).toBe(
      "《支持科学城企业科技创新 促进高质量发展扶持办法》",
    );
  });

  it("strips control characters and soft hyphens but keeps the text", () => {
    expect(normaliseBody("联系\u0007电话\u0000:023\u00ad—68511253\u200d")).toBe("联系电话:023—68511253");
  });

  it("is idempotent and gives nothing for blank input", () => {
    const once = normaliseBody("\u3000\u3000一、工作开展情况\r\n\r\n\r\n正文。");
    expect(normaliseBody(once)).toBe(once);
    expect(normaliseBody(" \r\n\u3000\t\n")).toBe("");
    expect(bodyParagraphs("\n\n")).toEqual([]);
  });
});

describe("parseBody", () => {
  it("tells sections, sub-sections and paragraphs apart", () => {
    const body = [
      "\u3000\u3000针对此提案,已重点开展以下工作:",
      "一、工作开展情况",
      "(一)加强政策保障",
      "一是发布“金凤凰”人才支持政策。",
      "（二）支持技术研发",
      "二是实施重点研发项目。",
      "十一、其他",
      "（十二）补充",
    ].join("\r\n");
    expect(parseBody(body)).toEqual([
      { kind: "p", text: "针对此提案,已重点开展以下工作:" },
      { kind: "h1", text: "一、工作开展情况" },
      { kind: "h2", text: "(一)加强政策保障" },
      { kind: "p", text: "一是发布“金凤凰”人才支持政策。" },
      { kind: "h2", text: "（二）支持技术研发" },
      { kind: "p", text: "二是实施重点研发项目。" },
      { kind: "h1", text: "十一、其他" },
      { kind: "h2", text: "（十二）补充" },
    ]);
  });

  it("recognises section numbers up to 九十九 and nothing that only looks like one", () => {
    for (const heading of ["二十、", "九十九、", "十、", "三十一、"]) expect(blockKind(`${heading}标题`)).toBe("h1");
    for (const heading of ["(十)", "（二十三）", "(九十九)"]) expect(blockKind(`${heading}标题`)).toBe("h2");
    // 一是… is a paragraph; mismatched or missing parentheses, and other numbers, are not headings.
    for (const text of [
      "一是加强政策保障",
      "(一）标题",
      "（一)标题",
      "一)标题",
      "1、标题",
      "(1)标题",
      "十十、标题",
      "零、标题",
      "第一、标题",
    ]) {
      expect(blockKind(text)).toBe("p");
    }
  });

  it("reads a section number followed by body text (a run-in heading) as a paragraph", () => {
    expect(blockKind("(一)研发人才招聘难。科学城企业特别是中小科技企业对研发人才需求旺盛。")).toBe("p");
    expect(blockKind("一、存在的主要问题。")).toBe("h1");
    expect(blockKind("(一)研发人才招聘难")).toBe("h2");
  });

  it("gives no blocks for an empty body", () => {
    expect(parseBody("")).toEqual([]);
  });
});
